"""Background work of the surveys: telling everyone who still has to answer a survey."""

from django.utils.translation import gettext as _

from nkohub.notifications.background import background_task
from nkohub.notifications.services import notify
from nkohub.surveys.models import Survey


@background_task(max_attempts=3)
def send_survey_reminders(survey_id: int) -> int:
    """Notify those who have not sent their response (none once the survey no longer accepts answers);
    returns how many were told."""
    from nkohub.surveys.services import reminder_recipients

    survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None or not survey.accepts_answers():
        return 0
    told = notify(
        recipients=reminder_recipients(survey),
        kind="surveys.survey.reminder",
        title=_("The survey «%(title)s» is waiting for your answer until %(date)s")
        % {"title": survey.title, "date": survey.closes_on.strftime("%d.%m.%Y")},
        obj=survey,
        url=survey.get_absolute_url(),
    )
    return len(told)
