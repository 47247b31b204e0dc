from typing import Any

from nkohub.api.models import ApiToken, Scope, WebhookSubscription
from nkohub.api.services.tokens import token_create
from nkohub.organizations.models import Organization


def make_token(
    user: Any, organization: Organization, scopes: list[str] | None = None, name: str = "Сайт"
) -> tuple[ApiToken, str]:
    """A token through the service (as a person makes one): the row and the key shown once."""
    issued = token_create(
        actor=user, organization=organization, name=name, scopes=scopes or [Scope.READ]
    )
    return issued.token, issued.key


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def make_webhook(
    organization: Organization, url: str, events: list[str], **fields: Any
) -> WebhookSubscription:
    return WebhookSubscription.objects.create(
        organization=organization, url=url, events=events, secret="s" * 64, **fields
    )
