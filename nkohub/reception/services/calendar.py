"""Writes of the production calendar: operators' overrides and years, the warning about a year without a
calendar, and applying the due dates a calendar change moves."""

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.reception import permissions, production_calendar, selectors
from nkohub.reception.countdown import long_date
from nkohub.reception.models import (
    Appeal,
    AppealEvent,
    CalendarDay,
    CalendarWarning,
    CalendarYear,
)
from nkohub.reception.services._shared import (
    _record,
    _tell_author,
    _tell_officials,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User


# Production calendar -------------------------------------------------------------------------
def _day_kind_text(working: bool) -> str:
    return "рабочий" if working else "нерабочий"


@transaction.atomic
def calendar_day_save(
    *, actor: "User", day: date, kind: str, description: str, source: str = ""
) -> CalendarDay:
    """Correct the base calendar for one day (or change an existing correction). Deadlines already
    stored on appeals stay as they are; the due-date review then shows which open appeals it would move."""
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    if kind not in CalendarDay.Kind.values:
        raise DomainError(_("Choose whether the day is a working day or a day off."), field="kind")
    description = description.strip()
    if not description:
        raise DomainError(
            _(
                "Describe the day and the reason of the correction: for example, a day off moved "
                "by a government decree."
            ),
            field="description",
        )
    base = next((item for item in production_calendar.base_year(day.year) if item.day == day), None)
    base_working = base.working if base is not None else day.weekday() < 5
    working = kind == CalendarDay.Kind.WORKING
    if working == base_working:
        basis = production_calendar.year_status(day.year).basis_label
        message = (
            _(
                "%(day)s is a working day by the calendar anyway (%(basis)s): no correction is "
                "needed."
            )
            if working
            else _(
                "%(day)s is a day off by the calendar anyway (%(basis)s): no correction is needed."
            )
        )
        raise DomainError(message % {"day": f"{day:%d.%m.%Y}", "basis": basis}, field="kind")
    entry = CalendarDay.objects.filter(day=day).first() or CalendarDay(day=day)
    before = (
        {"kind": entry.kind, "description": entry.description, "source": entry.source}
        if entry.pk
        else {}
    )
    entry.kind, entry.description, entry.source = kind, description, source.strip()
    entry.updated_by, entry.updated_at = actor, timezone.now()
    entry.full_clean()
    entry.save()
    audit_log(
        actor=actor,
        action="reception.calendar.saved",
        obj=entry,
        changes={
            "day": day.isoformat(),
            "before": before,
            "kind": kind,
            "description": entry.description,
            "source": entry.source,
            "base": _day_kind_text(base_working),
        },
    )
    return entry


@transaction.atomic
def calendar_day_delete(*, actor: "User", entry: CalendarDay) -> None:
    """Remove a correction: the day is again what the base calendar says."""
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    audit_log(
        actor=actor,
        action="reception.calendar.deleted",
        obj=entry,
        changes={
            "day": entry.day.isoformat(),
            "kind": entry.kind,
            "description": entry.description,
            "source": entry.source,
        },
    )
    entry.delete()


@transaction.atomic
def calendar_year_confirm(*, actor: "User", year: int, decree: str) -> CalendarYear:
    """Say that a year the `holidays` package does not know has been entered from the Government's decree
    (its transfers added as overrides): the warning about a year without a calendar stops."""
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    if production_calendar.package_covers(year):
        raise DomainError(
            _(
                "The calendar of %(year)s is already in the holidays package: it needs no "
                "confirmation."
            )
            % {"year": year}
        )
    decree = decree.strip()
    if not decree:
        raise DomainError(
            _("Give the government decree that moves the days off: its date and number."),
            field="decree",
        )
    entry = CalendarYear.objects.filter(year=year).first() or CalendarYear(year=year)
    before = entry.decree if entry.pk else ""
    entry.decree, entry.confirmed_by, entry.confirmed_at = decree, actor, timezone.now()
    entry.full_clean()
    entry.save()
    audit_log(
        actor=actor,
        action="reception.calendar.year_confirmed",
        obj=entry,
        changes={"year": year, "decree": [before, decree]},
    )
    return entry


@transaction.atomic
def calendar_year_withdraw(*, actor: "User", entry: CalendarYear) -> None:
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    audit_log(
        actor=actor,
        action="reception.calendar.year_withdrawn",
        obj=entry,
        changes={"year": entry.year, "decree": entry.decree},
    )
    entry.delete()


def calendar_warnings_send(*, today: date | None = None) -> int:
    """Tell operators, once per year, that the current year or (from 1 October) the next one has no
    production calendar; the calendar page and their cabinet keep saying it until the year is covered."""
    sent = 0
    for status in production_calendar.years_to_warn_about(today):
        with transaction.atomic():
            _, created = CalendarWarning.objects.get_or_create(year=status.year)
            if not created:
                continue
            notify(
                recipients=get_user_model().objects.filter(is_operator=True, is_active=True),
                kind="reception.calendar.missing",
                title=f"Нет производственного календаря на {status.year} год",
                body=(
                    f"В пакете holidays нет постановления Правительства о переносе выходных на "
                    f"{status.year} год. Пока его нет, сроки обращений считаются только по праздникам "
                    "Трудового кодекса. Обновите пакет или внесите переносы на странице календаря."
                ),
                url=f"{reverse('reception:calendar')}?year={status.year}",
            )
            sent += 1
    return sent


DUE_DATE_LABELS = {
    "registration_due": "зарегистрировать не позднее",
    "redirect_due": "переадресовать не позднее",
    "answer_due": "ответ не позднее",
}


def _moves_text(change: selectors.DueDateChange) -> str:
    return "; ".join(
        f"{DUE_DATE_LABELS[move.field]} {long_date(move.new)}"
        + (f" (было {long_date(move.old)})" if move.old else "")
        for move in change.moves
    )


@transaction.atomic
def appeals_apply_due_dates(
    *, actor: "User", appeal_ids: Collection[int], fingerprint: str
) -> list[Appeal]:
    """Move the stored due dates of the chosen open appeals to what today's calendar gives.

    `fingerprint` is the one of the review the operator saw (`selectors.due_date_review`): when the
    calendar or the appeals have changed since, nothing is applied and the operator reviews again. Each
    appeal gets a history entry and an audit record, and its author and handler are told.
    """
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    chosen_ids = set(appeal_ids)
    if not chosen_ids:
        raise DomainError(_("Tick the appeals whose deadlines should move."), field="appeals")
    list(Appeal.objects.select_for_update().filter(pk__in=chosen_ids).values_list("pk"))
    review = selectors.due_date_review()
    if review.fingerprint != fingerprint:
        raise DomainError(
            _(
                "While you were looking at the list, the calendar or the appeals changed. Check "
                "the list again: nothing was moved."
            )
        )
    chosen = [change for change in review.changes if change.appeal.pk in chosen_ids]
    if len(chosen) != len(chosen_ids):
        raise DomainError(
            _(
                "Some of the ticked appeals have deadlines the calendar does not change: nothing "
                "was moved."
            )
        )
    moved = []
    for change in chosen:
        appeal = change.appeal
        for move in change.moves:
            setattr(appeal, move.field, move.new)
        appeal.full_clean()
        appeal.save()
        text = _moves_text(change)
        _record(
            appeal,
            AppealEvent.Kind.DUE_DATES_CHANGED,
            actor=actor,
            before=appeal.status,
            text=f"Сроки пересчитаны по производственному календарю: {text}.",
            data={
                move.field: [move.old.isoformat() if move.old else "", move.new.isoformat()]
                for move in change.moves
            },
        )
        title = f"Срок по обращению «{appeal.subject}» изменён по производственному календарю"
        body = f"{text.capitalize()}."
        _tell_author(appeal, event="due_dates_changed", title=title, body=body, actor=actor)
        _tell_officials(appeal, event="due_dates_changed", title=title, body=body, actor=actor)
        moved.append(appeal)
    return moved
