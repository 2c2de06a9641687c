"""The forum's one refusal: a leaf module, so access rules and services share it without
importing each other."""


class ForumError(Exception):
    """A refused action; `str(error)` is a message for the member, in their language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
