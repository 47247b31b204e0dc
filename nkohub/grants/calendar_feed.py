"""The iCalendar feed of competition deadlines (subscribe to it in any calendar app)."""

from collections.abc import Iterable
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from nkohub.grants.models import Competition


def deadlines_calendar(competitions: Iterable[Competition], *, base_url: str) -> bytes:
    """One all-day event per competition on its closing day, with an alarm a week before."""
    calendar = Calendar()
    calendar.add("prodid", "-//НКО-Кластер//Гранты//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Сроки подачи заявок на гранты")
    calendar.add("x-wr-timezone", "Europe/Moscow")
    stamp = timezone.now()
    root = base_url.rstrip("/")
    for competition in competitions:
        event = Event()
        event.add("uid", f"grants-competition-{competition.pk}@nko-cluster")
        event.add("dtstamp", stamp)
        event.add("summary", f"Последний день подачи: {competition.title} ({competition.funder})")
        event.add("dtstart", competition.applications_close_on)
        event.add("dtend", competition.applications_close_on + timedelta(days=1))
        url = root + reverse("grants:competition", args=[competition.pk])
        event.add("url", url)
        event.add(
            "description",
            f"Приём заявок с {competition.applications_open_on:%d.%m.%Y} "
            f"по {competition.applications_close_on:%d.%m.%Y}. {url}",
        )
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Через неделю закрывается приём заявок: {competition.title}")
        alarm.add("trigger", timedelta(days=-7))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
