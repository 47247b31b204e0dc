"""Horizontal ties between organisations: alliances (a partnership of two, asked by one and accepted
by the other), coalitions (several members by invitation, with their announcements) and internships
an organisation offers to other NGOs' staff."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ORGANIZATION = "organizations.Organization"


class Alliance(models.Model):
    """A declared partnership of two organisations (projects' Partnership is a sponsor's pledge)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("tie", "requested")
        ACCEPTED = "accepted", pgettext_lazy("tie", "accepted")
        DECLINED = "declined", pgettext_lazy("tie", "declined")

    proposer = models.ForeignKey(
        ORGANIZATION,
        verbose_name=_("proposed by"),
        on_delete=models.CASCADE,
        related_name="alliances_proposed",
    )
    partner = models.ForeignKey(
        ORGANIZATION,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="alliances_received",
    )
    description = models.TextField(_("what the partnership is about"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partnership of organisations")
        verbose_name_plural = _("partnerships of organisations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposer", "partner"], name="volunteering_alliance_once"
            ),
            models.CheckConstraint(
                condition=~Q(proposer=F("partner")), name="volunteering_alliance_two_sides"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposer} — {self.partner}"


class Coalition(models.Model):
    title = models.CharField(pgettext_lazy("coalition field", "name"), max_length=200)
    description = models.TextField(_("purpose"), max_length=5000)
    founder = models.ForeignKey(
        ORGANIZATION, verbose_name=_("founder"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("volunteering:coalition", args=[self.pk])


class CoalitionMember(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", pgettext_lazy("coalition member", "invited")
        MEMBER = "member", pgettext_lazy("coalition member", "member")
        DECLINED = "declined", pgettext_lazy("coalition member", "declined")

    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE, related_name="members"
    )
    organization = models.ForeignKey(
        ORGANIZATION,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="coalition_memberships",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("coalition member")
        verbose_name_plural = _("coalition members")
        ordering = ["coalition", "organization__short_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "organization"], name="volunteering_coalition_member_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ∈ {self.coalition}"


class CoalitionAnnouncement(models.Model):
    """A short post of a member to the coalition (a call to a meeting, a note): the members' news items
    show on the coalition's page beside these, through the news app's section."""

    coalition = models.ForeignKey(
        Coalition,
        verbose_name=_("coalition"),
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    organization = models.ForeignKey(
        ORGANIZATION, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(pgettext_lazy("announcement field", "text"), max_length=3000)
    created_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("coalition announcement")
        verbose_name_plural = _("coalition announcements")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class Internship(models.Model):
    """A стажировка: an organisation hosts other NGOs' staff to learn its practice."""

    host = models.ForeignKey(
        ORGANIZATION, verbose_name=_("host"), on_delete=models.CASCADE, related_name="internships"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(pgettext_lazy("internship field", "topic"), max_length=200)
    description = models.TextField(_("programme"), max_length=5000)
    starts_on = models.DateField(pgettext_lazy("dates", "from"))
    ends_on = models.DateField(_("until"))
    places = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    places_taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("internship")
        verbose_name_plural = _("internships")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="volunteering_internship_ordered"
            ),
            models.CheckConstraint(
                condition=Q(places_taken__lte=F("places")),
                name="volunteering_internship_not_overfull",
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("volunteering:internship", args=[self.pk])

    @property
    def places_left(self) -> int:
        return max(0, self.places - self.places_taken)


class InternshipRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("internship request", "waiting")
        ACCEPTED = "accepted", pgettext_lazy("internship request", "accepted")
        DECLINED = "declined", pgettext_lazy("internship request", "declined")

    internship = models.ForeignKey(
        Internship, verbose_name=_("internship"), on_delete=models.CASCADE, related_name="requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("intern"),
        on_delete=models.CASCADE,
        related_name="internship_requests",
    )
    organization = models.ForeignKey(
        ORGANIZATION,
        verbose_name=_("from organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    message = models.TextField(_("why you want to come"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        verbose_name = _("internship request")
        verbose_name_plural = _("internship requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["internship", "user"], name="volunteering_internship_request_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.internship}"
