"""Experts and their competences (the topics they answer in)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_ANSWER_DAYS = 5


class Competence(models.Model):
    """A topic of consultations (law, accounting, taxes…): seeded by `reference.py`, edited by operators.

    `answer_days` is the term of an answer in working days, set by operators per topic (5 by default).
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=100)
    answer_days = models.PositiveSmallIntegerField(
        _("answer within, working days"),
        default=DEFAULT_ANSWER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    is_active = models.BooleanField(_("questions accepted"), default=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """A person the resource centre made an expert; they declare their competences themselves."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="expert_profile",
    )
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), related_name="experts", blank=True
    )
    bio = models.TextField(_("about the expert"), max_length=2000, blank=True)
    is_active = models.BooleanField(_("takes questions"), default=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["user__full_name", "user__email"]

    def __str__(self) -> str:
        return str(self.user)
