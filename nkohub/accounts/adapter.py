from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to anyone; the hook is here for invitation-only deployments."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return True
