"""Webhooks: an organisation's own events, signed, retried with back-off and logged; never to
private addresses (unless the setting allows it, as here for the local test server)."""

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from django.urls import reverse

from nkohub.api.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from nkohub.api.services.webhooks import MAX_ATTEMPTS, webhook_create
from nkohub.api.tests.factories import make_webhook
from nkohub.api.webhook_transport import SIGNATURE_HEADER
from nkohub.core.errors import DomainError
from nkohub.projects.tests.factories import PledgeFactory, ProjectFactory
from nkohub.reception import services as reception
from nkohub.resources.models import Category
from nkohub.resources.tests.factories import BookingFactory, OfferFactory

pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """A local HTTP server in a thread: records each POST, answers `fail_first` times with 503."""

    def __init__(self, fail_first: int = 0) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                failing = len(receiver.received) <= receiver.fail_first
                self.send_response(503 if failing else 204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def allow_local(settings: Any) -> None:
    settings.API_WEBHOOKS_ALLOW_PRIVATE = True


@pytest.fixture
def receiver(allow_local: None) -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


def _book(offer_owner: Any) -> Any:
    offer = OfferFactory.create(organization=offer_owner, category=Category.PREMISES)
    return BookingFactory.create(offer=offer)


def test_a_booking_request_reaches_the_offering_organisation(receiver: Receiver, ngo: Any) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.BOOKING_REQUESTED])
    booking = _book(ngo)
    assert json.loads(receiver.received[0][1])["data"]["booking"] == booking.pk


def test_the_delivery_is_signed_with_the_secret_and_a_timestamp(
    receiver: Receiver, ngo: Any
) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.BOOKING_REQUESTED])
    _book(ngo)
    headers, body = receiver.received[0]
    timestamp, signature = (
        part.split("=", 1)[1] for part in headers[SIGNATURE_HEADER.lower()].split(",")
    )
    expected = hmac.new(b"s" * 64, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(signature, expected)


def test_another_organisations_event_is_not_sent(
    receiver: Receiver, ngo: Any, other_ngo: Any
) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.BOOKING_REQUESTED])
    _book(other_ngo)
    assert receiver.received == []


def test_an_event_not_subscribed_to_is_not_sent(receiver: Receiver, ngo: Any) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.PLEDGE_RECEIVED])
    _book(ngo)
    assert receiver.received == []


def test_a_pledge_reaches_the_projects_organisation(receiver: Receiver, ngo: Any) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.PLEDGE_RECEIVED])
    pledge = PledgeFactory.create(project=ProjectFactory.create(organization=ngo))
    assert json.loads(receiver.received[0][1])["data"]["pledge"] == pledge.pk


def test_an_answer_to_the_organisations_appeal_reaches_it(
    receiver: Receiver, editor: Any, official: Any, ngo: Any, authority: Any
) -> None:
    make_webhook(ngo, receiver.url, [WebhookEvent.APPEAL_ANSWERED])
    appeal, _ = reception.appeal_create(
        actor=editor,
        authority=authority,
        organization=ngo,
        subject="Компенсация за социальные услуги",
        text="Просим разъяснить порядок получения компенсации за оказанные услуги.",
        publish_consent=False,
        topic=None,
        submit=True,
    )
    reception.appeal_register(actor=official, appeal=appeal, registered_on=None)
    reception.appeal_answer(actor=official, appeal=appeal, text="Компенсация выплачивается.")
    sent = [json.loads(body) for _, body in receiver.received]
    assert [(m["event"], m["data"]["appeal"]) for m in sent] == [("appeal.answered", appeal.pk)]


def test_a_failed_delivery_is_retried_until_it_succeeds(allow_local: None, ngo: Any) -> None:
    with Receiver(fail_first=2) as flaky:
        make_webhook(ngo, flaky.url, [WebhookEvent.BOOKING_REQUESTED])
        _book(ngo)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (WebhookDelivery.Status.DELIVERED, 3)


def test_a_delivery_failing_every_time_is_marked_failed(allow_local: None, ngo: Any) -> None:
    with Receiver(fail_first=100) as down:
        make_webhook(ngo, down.url, [WebhookEvent.BOOKING_REQUESTED])
        _book(ngo)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        WebhookDelivery.Status.FAILED,
        MAX_ATTEMPTS,
        503,
    )


def test_a_private_address_is_refused(owner: Any, ngo: Any) -> None:
    with pytest.raises(DomainError) as refused:
        webhook_create(
            actor=owner,
            organization=ngo,
            url="http://127.0.0.1:8080/",
            events=["booking.requested"],
        )
    assert refused.value.field == "url"


def test_a_link_local_address_is_refused(owner: Any, ngo: Any) -> None:
    with pytest.raises(DomainError):
        webhook_create(
            actor=owner,
            organization=ngo,
            url="http://169.254.169.254/latest",
            events=["booking.requested"],
        )


def test_a_plain_member_may_not_add_a_webhook(allow_local: None, member: Any, ngo: Any) -> None:
    with pytest.raises(DomainError):
        webhook_create(
            actor=member, organization=ngo, url="http://127.0.0.1/", events=["booking.requested"]
        )


def test_an_outsider_does_not_see_the_webhook_page(client: Any, outsider: Any, ngo: Any) -> None:
    subscription = make_webhook(ngo, "https://example.org/hook", [WebhookEvent.BOOKING_REQUESTED])
    client.force_login(outsider)
    assert client.get(reverse("api:webhook", args=[subscription.pk])).status_code == 404


def test_the_organisation_sees_its_deliveries(
    receiver: Receiver, client: Any, owner: Any, ngo: Any
) -> None:
    subscription = make_webhook(ngo, receiver.url, [WebhookEvent.BOOKING_REQUESTED])
    _book(ngo)
    client.force_login(owner)
    page = client.get(reverse("api:webhook", args=[subscription.pk])).content.decode()
    assert "HTTP 204" in page


def test_an_outsider_cannot_delete_the_webhook(client: Any, outsider: Any, ngo: Any) -> None:
    subscription = make_webhook(ngo, "https://example.org/hook", [WebhookEvent.BOOKING_REQUESTED])
    client.force_login(outsider)
    response = client.post(reverse("api:webhook_action", args=[subscription.pk, "delete"]))
    assert (
        response.status_code,
        WebhookSubscription.objects.filter(pk=subscription.pk).exists(),
    ) == (
        404,
        True,
    )


def test_the_owner_pauses_the_webhook(client: Any, owner: Any, ngo: Any) -> None:
    subscription = make_webhook(ngo, "https://example.org/hook", [WebhookEvent.BOOKING_REQUESTED])
    client.force_login(owner)
    client.post(reverse("api:webhook_action", args=[subscription.pk, "pause"]))
    assert WebhookSubscription.objects.get(pk=subscription.pk).is_active is False


@pytest.mark.parametrize("count", [1, 5])
def test_the_webhooks_page_costs_the_same_queries_at_any_number(
    client: Any, owner: Any, ngo: Any, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        make_webhook(ngo, f"https://example.org/hook/{n}", [WebhookEvent.BOOKING_REQUESTED])
    client.force_login(owner)
    client.get(reverse("api:webhooks"))
    with django_assert_num_queries(6):
        client.get(reverse("api:webhooks"))
