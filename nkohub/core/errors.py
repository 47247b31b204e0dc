class DomainError(Exception):
    """A rule of the domain refused an action; the message is shown to the person as it is (Russian)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
