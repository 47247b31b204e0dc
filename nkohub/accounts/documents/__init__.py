"""Legal documents (152-ФЗ) in the language of the jurisdiction, with the operator's details filled in.

The texts are versioned: a change of a text goes with a new version in settings, and the
version a person accepted is kept in their Consent record.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.safestring import SafeString

from nkohub.core.markdown import render_markdown

DOCUMENTS_DIR = Path(__file__).resolve().parent


@cache
def legal_document(name: str, version: str) -> SafeString:
    text = (DOCUMENTS_DIR / f"{name}.ru.md").read_text(encoding="utf-8")
    filled = text.format(
        version=version,
        site_name=settings.SITE_NAME,
        operator_name=settings.OPERATOR_NAME,
        operator_address=settings.OPERATOR_ADDRESS,
        operator_inn=settings.OPERATOR_INN,
        operator_email=settings.OPERATOR_EMAIL,
    )
    return render_markdown(filled)
