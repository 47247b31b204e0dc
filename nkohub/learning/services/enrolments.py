"""Enrolment, progress through the lessons, consent to share progress, completion."""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.learning import permissions
from nkohub.learning.models import Cohort, Course, Enrolment, Lesson, LessonProgress
from nkohub.organizations.models import Organization

from .certificates import certificate_issue


def _take_seat(cohort: Cohort) -> None:
    """One seat, in one UPDATE that the database runs for one writer at a time: the last seat goes to
    exactly one person, and the check constraint stops any count over capacity."""
    taken = Cohort.objects.filter(pk=cohort.pk, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1
    )
    if not taken:
        raise DomainError(_("There are no seats left in this cohort."), field="cohort")


def _sharing(actor: User, organization: Organization | None) -> dict[str, Any]:
    if organization is None:
        return {"shares_progress": False, "shared_with": None, "sharing_changed_at": None}
    if not permissions.can_share_with(actor, organization):
        raise DomainError(
            _("Progress can be shared only with an organisation you are a member of."),
            field="share_with",
        )
    return {
        "shares_progress": True,
        "shared_with": organization,
        "sharing_changed_at": timezone.now(),
    }


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    course: Course,
    cohort: Cohort | None = None,
    share_with: Organization | None = None,
) -> Enrolment:
    existing = Enrolment.objects.filter(user=actor, course=course).first()
    decision = permissions.can_enrol(actor, course, existing)
    if not decision:
        raise DomainError(decision.reason)
    if course.format == Course.Format.COHORT:
        if cohort is None or cohort.course_id != course.pk:
            raise DomainError(_("Choose a cohort."), field="cohort")
        cohort_decision = permissions.can_enrol_in_cohort(cohort, timezone.localdate())
        if not cohort_decision:
            raise DomainError(cohort_decision.reason, field="cohort")
        _take_seat(cohort)
    else:
        cohort = None
    enrolment = Enrolment(user=actor, course=course, cohort=cohort, **_sharing(actor, share_with))
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError as error:  # the same person's second click, a moment later
        raise DomainError(_("You are already enrolled in this course.")) from error
    audit_log(
        actor=actor,
        action="learning.enrolment.create",
        obj=course,
        changes={
            "cohort": str(cohort) if cohort else "",
            "shares_progress": enrolment.shares_progress,
        },
    )
    return enrolment


@transaction.atomic
def enrolment_set_sharing(
    *, actor: User, enrolment: Enrolment, organization: Organization | None
) -> Enrolment:
    """Give or withdraw consent to show progress to an organisation's owners; the moment is recorded."""
    before = enrolment.shares_progress
    values = _sharing(actor, organization)
    if organization is None:
        values["sharing_changed_at"] = timezone.now()
    for name, value in values.items():
        setattr(enrolment, name, value)
    enrolment.save(update_fields=["shares_progress", "shared_with", "sharing_changed_at"])
    audit_log(
        actor=actor,
        action="learning.enrolment.sharing",
        obj=enrolment.course,
        changes={
            "shares_progress": [before, enrolment.shares_progress],
            "organization": str(organization) if organization else "",
        },
    )
    return enrolment


def lesson_open(*, enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    """Remember where the learner is: the lesson is started and becomes the one to continue from."""
    progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson)
        enrolment.last_lesson = lesson
    return progress


def _check_completion(enrolment: Enrolment) -> None:
    if enrolment.completed_at is not None:
        return
    active = Lesson.objects.filter(module__course=enrolment.course_id, archived_at__isnull=True)
    done = enrolment.progress.filter(
        completed_at__isnull=False, lesson__in=active.values("pk")
    ).count()
    if done < active.count():
        return
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    certificate_issue(enrolment=enrolment)


@transaction.atomic
def lesson_complete(*, actor: User, enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    """Mark a lesson done (a quiz is done only by passing it); the last one completes the course."""
    if not permissions.can_study(actor, enrolment):
        raise DomainError(_("Only the learner can mark their lessons."))
    if lesson.module.course_id != enrolment.course_id or lesson.archived_at is not None:
        raise DomainError(_("This lesson is not part of the course."))
    if lesson.kind == Lesson.Kind.QUIZ:
        raise DomainError(_("A quiz is completed by passing it."))
    return _complete(enrolment, lesson)


def _complete(enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
    _check_completion(enrolment)
    return progress
