"""Parser of the Presidential Grants Fund's public project cards, as people copy them from the site.

A card (президентскиегранты.рф/public/application/item?id=…) is a status line, the title, a list of
labelled fields and sections. On the site each field is a list item of two spans, label and value
(`winner-info__list-item-title` / `-text`); the sums sit in a separate block
(`circle-bar__info-item-title` / `-number`, «1 486 230,00 ₽»). Copied from a browser, a field
becomes «• Конкурс Первый конкурс 2023» (one line, no colon), «Конкурс» and the value on two lines,
or «Конкурс: …» when someone retyped it; the site itself spells «Cофинансирование» with a Latin C.
Copied text also carries markup, bullets, non-breaking spaces, the site's menus and missing sections.

The parser reads every known label with or without a colon, cleans what can be cleaned safely and
reports every field it could not read instead of guessing; checks that need the database
(direction, organisation) are the import service's.

Pure: `parse_card(text) -> ParsedCard`.
"""

from nkohub.grants.cards.labels import FIELD_LABELS
from nkohub.grants.cards.parser import CardProblem, ParsedCard, parse_card
from nkohub.grants.cards.text import clean_lines, fix_lookalikes, parse_amount, parse_date

__all__ = [
    "FIELD_LABELS",
    "CardProblem",
    "ParsedCard",
    "clean_lines",
    "fix_lookalikes",
    "parse_amount",
    "parse_card",
    "parse_date",
]
