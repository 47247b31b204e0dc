"""A course's address is the first segment after /learning/: it must not be one of the section's own pages.

The reserved words are read from the section's URLconf, so a page added there later is reserved too.
"""

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def section_pages() -> frozenset[str]:
    """The first segments of /learning/ that are pages of the section (library, my, new…)."""
    from nkohub.learning import urls  # the URLconf imports the views, which import the models

    words = set()
    for pattern in urls.urlpatterns:
        first = str(pattern.pattern).split("/", 1)[0]
        if first and not first.startswith("<"):
            words.add(first)
    return frozenset(words)


def validate_course_address(value: str) -> None:
    if value.lower() in section_pages():
        raise ValidationError(
            _("The address «%(value)s» belongs to a page of the section: choose another."),
            code="reserved",
            params={"value": value},
        )
