"""What the surveys' selectors share: what counts as a response, ratios, the latest closed survey."""

from decimal import ROUND_HALF_UP, Decimal

from nkohub.surveys.models import Response, Survey

SUBMITTED = Response.Status.SUBMITTED
_CENT = Decimal("0.01")
_SHARE = Decimal("0.0001")


def latest_closed_survey(purpose: str) -> Survey | None:
    return (
        Survey.objects.filter(purpose=purpose, status=Survey.Status.CLOSED)
        .order_by("-closes_on", "-id")
        .first()
    )


def submitted_count(survey: Survey) -> int:
    return Response.objects.filter(survey=survey, status=SUBMITTED).count()


def _ratio(part: int, whole: int, quantum: Decimal = _SHARE) -> Decimal:
    if not whole:
        return Decimal(0).quantize(quantum)
    return (Decimal(part) / Decimal(whole)).quantize(quantum, rounding=ROUND_HALF_UP)
