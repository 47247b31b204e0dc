"""The knowledge base: public answered questions, edited by an operator into articles with topics."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .experts import Competence
from .questions import Question


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("article", "draft")
        PUBLISHED = "published", pgettext_lazy("article", "published")

    question = models.OneToOneField(
        Question,
        verbose_name=_("from the question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article",
    )
    competence = models.ForeignKey(
        Competence, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(pgettext_lazy("article field", "title"), max_length=200)
    question_text = models.TextField(_("the question, as published"), max_length=10_000)
    body = models.TextField(_("the answer, as published"), max_length=30_000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Lemmas and roots of the title, question and answer, framed by spaces (' term ' is searchable).
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("knowledge base article")
        verbose_name_plural = _("knowledge base articles")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="consult_article_pub_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:article", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED
