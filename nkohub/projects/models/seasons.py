"""Fair seasons: when the fair accepts projects and when it runs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class FairSeason(models.Model):
    """One fair of social projects (e.g. «Ярмарка социальных проектов 2026»): organisations submit
    projects between `submissions_open_on` and `submissions_close_on`; the fair itself runs
    from `starts_on` to `ends_on`."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    submissions_open_on = models.DateField(_("submissions open"))
    submissions_close_on = models.DateField(_("submissions close"))
    starts_on = models.DateField(_("fair starts"))
    ends_on = models.DateField(_("fair ends"))
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # What operators fill in (forms and services share the list).
    EDITABLE_FIELDS: tuple[str, ...] = (
        "title",
        "slug",
        "description",
        "submissions_open_on",
        "submissions_close_on",
        "starts_on",
        "ends_on",
    )

    class Meta:
        verbose_name = _("fair season")
        verbose_name_plural = _("fair seasons")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submissions_close_on__gte=models.F("submissions_open_on")),
                name="fairseason_submissions_close_after_open",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="fairseason_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        opens, closes = self.submissions_open_on, self.submissions_close_on
        if opens and closes and closes < opens:
            errors["submissions_close_on"] = _("Submissions cannot close before they open.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The fair cannot end before it starts.")
        if opens and self.ends_on and opens > self.ends_on:
            errors["submissions_open_on"] = _("Submissions must open before the fair ends.")
        if errors:
            raise ValidationError(errors)
