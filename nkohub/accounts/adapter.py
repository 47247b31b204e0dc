from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from nkohub.core.client_ip import client_ip


@dataclass(frozen=True)
class ConfiguredSite:
    """The site as the operator configured it (SITE_NAME, SITE_URL), in place of Django's Site model,
    whose default «example.com» used to sign allauth's e-mails."""

    name: str
    domain: str
    url: str


def configured_site() -> ConfiguredSite:
    return ConfiguredSite(
        name=settings.SITE_NAME,
        domain=urlsplit(settings.SITE_URL).netloc or settings.SITE_URL,
        url=settings.SITE_URL,
    )


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to anyone (the hook is here for invitation-only deployments); e-mails are signed
    with the configured site; the client address is the one resolved through the trusted proxies."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return True

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        site = configured_site()
        super().send_mail(
            template_prefix, email, {**context, "current_site": site, "site_url": site.url}
        )

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request) or super().get_client_ip(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys the per-account limit by the request's Host; one configured domain keeps the
        # key the same whichever allowed host name an attacker sends.
        login = str(credentials.get("email", credentials.get("username", ""))).strip().lower()
        return f"{configured_site().domain}:{login}"
