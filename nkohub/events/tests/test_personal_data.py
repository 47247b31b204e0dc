"""What events hold about a person: exported, and erased with the places given back."""

from nkohub.events.models import Event, Registration
from nkohub.events.personal_data import erase, export
from nkohub.events.tests.factories import FeedbackFactory, RegistrationFactory


def test_the_export_lists_registrations_with_answers_and_feedback(event, people):
    registration = RegistrationFactory.create(event=event, user=people[0], answers={"1": "Бюджет"})
    FeedbackFactory.create(registration=registration, rating=4)
    data = export(people[0])
    row = data["registrations"][0]
    assert (row["event"], row["answers"], row["feedback"]["rating"]) == (
        event.title,
        {"1": "Бюджет"},
        4,
    )


def test_erasing_removes_the_registrations_and_gives_the_place_back(event, people):
    RegistrationFactory.create(event=event, user=people[0])
    erase(people[0])
    assert (Registration.objects.count(), Event.objects.get(pk=event.pk).seats_taken) == (0, 0)


def test_erasing_gives_the_place_to_the_first_waiting(event, people):
    from nkohub.events import services

    for person in people[:3]:
        services.registration_create(actor=person, event=event)
    erase(people[0])
    assert Registration.objects.get(user=people[2]).status == "confirmed"
