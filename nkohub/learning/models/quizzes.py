"""Quizzes: questions with choices or short answers, attempts checked on the server, answers kept."""

import re
import unicodedata

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .courses import Lesson


def normalise_answer(text: str) -> str:
    """A short answer as compared: case, «ё», spaces and trailing punctuation do not matter."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", folded).strip(" .,;:!?«»\"'")


class Quiz(models.Model):
    lesson = models.OneToOneField(
        Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="quiz"
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark, %"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty for unlimited attempts."),
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1) & Q(pass_mark__lte=100), name="quiz_pass_mark_valid"
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quiz_max_attempts_positive",
            ),
        ]

    def __str__(self) -> str:
        return str(self.lesson)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("one right answer")
        MULTIPLE = "multiple", _("several right answers")
        SHORT = "short", _("short answer")

    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"), max_length=2_000)
    explanation = models.TextField(
        _("feedback"),
        max_length=2_000,
        blank=True,
        help_text=_("Shown after the answer: why the right answer is right."),
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        max_length=2_000,
        blank=True,
        help_text=_("For a short answer: every accepted answer on its own line."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def accepts(self, text: str) -> bool:
        wanted = {normalise_answer(line) for line in self.accepted_answers.splitlines()}
        wanted.discard("")
        return normalise_answer(text) in wanted


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("right"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    """One submission of a quiz. The form's token is unique: the same submission sent twice (a double
    click, two tabs) is one attempt; the attempt's number is unique per person and quiz, so the limit
    of attempts holds under concurrent submissions."""

    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    token = models.UUIDField(_("submission token"), unique=True)
    number = models.PositiveSmallIntegerField(_("attempt"))
    score = models.PositiveSmallIntegerField(_("score, %"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="attempt_unique_number"
            ),
            models.CheckConstraint(condition=Q(score__lte=100), name="attempt_score_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} — {self.number}"


class Answer(models.Model):
    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    choices = models.ManyToManyField(Choice, verbose_name=_("chosen"), blank=True)
    text = models.CharField(_("answer"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("right"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.question}"
