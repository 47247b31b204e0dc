"""Links of a rendered page, for request tests that follow them as a person would click."""

from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (text, href)
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))

    def handle_data(self, data: str) -> None:
        for _href, text in self._open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((" ".join("".join(text).split()), href))


def links_of(html: str) -> list[tuple[str, str]]:
    """Every link of the page as (its visible text, its href), in document order."""
    parser = _Links()
    parser.feed(html)
    return parser.links


def href_of(html: str, text: str) -> str:
    """The href of the first link whose text starts with `text`."""
    for label, href in links_of(html):
        if label.startswith(text):
            return href
    raise AssertionError(
        f"no link starting with {text!r}: {[label for label, _ in links_of(html)]}"
    )
