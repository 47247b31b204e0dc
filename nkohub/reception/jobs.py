"""The scheduled jobs of the reception (also `manage.py send_reception_reminders` and
`manage.py warn_about_missing_calendar`) and its notification kinds."""

from django.utils.translation import gettext_lazy as _

from nkohub.reception.services import appeals_send_reminders, calendar_warnings_send

NOTIFICATION_KINDS = {
    "reception.appeal.submitted": _("A new appeal to your authority"),
    "reception.appeal.clarified": _("The author clarified an appeal"),
    "reception.appeal.assigned": _("An appeal is assigned to you"),
    "reception.appeal.rated": _("The author rated your answer"),
    "reception.appeal.registered": _("Your appeal is registered"),
    "reception.appeal.extended": _("The term of your appeal is extended"),
    "reception.appeal.answered": _("Your appeal is answered"),
    "reception.appeal.redirected": _("Your appeal is redirected"),
    "reception.appeal.closed": _("Your appeal is left without an answer"),
    "reception.appeal.overdue": _("The answer to your appeal is overdue"),
    "reception.appeal.reminder.days_7": _("A week to the deadline of an appeal"),
    "reception.appeal.reminder.days_2": _("Two days to the deadline of an appeal"),
    "reception.appeal.reminder.overdue": _("The deadline of an appeal has passed"),
    "reception.appeal.reminder.registration_overdue": _("An appeal is not registered in time"),
    "reception.appeal.due_dates_changed": _("The due dates of an appeal are moved by the calendar"),
    "reception.calendar.missing": _("A year has no production calendar (operators)"),
}


def send_reminders() -> str:
    sent = appeals_send_reminders()
    return f"reminders sent: {sent}"


def warn_about_missing_calendar() -> str:
    sent = calendar_warnings_send()
    return f"calendar warnings sent: {sent}"
