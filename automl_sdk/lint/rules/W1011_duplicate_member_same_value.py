"""W1011: A member appears more than once in the same JSON object, each time with the same value."""

from __future__ import annotations

from automl_sdk.lint.rules._helpers import DUPLICATE_MEMBER_SOURCE, FileTextRule


class DuplicateMemberSameValue(FileTextRule):
    """A JSON object in a request file repeats a member name with an identical value."""

    id = "W1011"
    short_description = "Member repeated in a JSON object with the same value"
    description = (
        "A request file writes a member name more than once inside one JSON object, every time "
        "with the same value. Whichever copy a JSON reader keeps, the request means the same, so "
        "this is only a warning (copies with different values are E1010). "
        "Only the CLI reports this, because it reads the file's text: a Python dict passed to "
        "`lint_request()` cannot hold a key twice."
    )
    source = DUPLICATE_MEMBER_SOURCE
    tags = ("schema", "json")


def message(key: str, count: int) -> str:
    """The finding message for a member named ``key`` written ``count`` times with one value."""
    return (
        f"member {key} appears {count} times in this object with the same value (expected "
        "once); remove the copies"
    )
