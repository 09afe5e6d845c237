"""E1010: A member appears more than once in the same JSON object."""

from __future__ import annotations

from collections.abc import Iterable

from automl_sdk.lint._finding import Finding
from automl_sdk.lint.rules._helpers import DUPLICATE_MEMBER_SOURCE, FileTextRule


class DuplicateMember(FileTextRule):
    """A JSON object in a request file repeats a member name with different values."""

    id = "E1010"
    short_description = "Member appears more than once in a JSON object"
    description = (
        "A request file repeats a member name inside one JSON object with different values. JSON "
        "parsers (and so boto3 and the AWS CLI) silently keep only the last value, which is "
        "rarely what was meant, so the request is ambiguous: an error (copies that all hold the "
        "same value are the warning W1011). "
        "Only the CLI (`lint`, `create`, `migrate`) reports this, because it reads the file's "
        "text: a Python dict passed to `lint_request()` cannot hold a key twice."
    )
    source = DUPLICATE_MEMBER_SOURCE
    tags = ("schema", "json")


def findings(repeats: Iterable[tuple[str, int, bool]]) -> list[Finding]:
    """The findings for members a file reader saw more than once in one object.

    Args:
        repeats: ``(wire_path, count, same_value)`` for each repeated member.

    Returns:
        E1010 (an error) for each member whose copies differ, W1011 (a warning) for each member
        whose copies all hold the same value.
    """
    from automl_sdk.lint.rules import W1011_duplicate_member_same_value as same

    result = []
    for path, count, same_value in repeats:
        key = path.rsplit(".", 1)[-1]
        if same_value:
            result.append(
                Finding(same.DuplicateMemberSameValue.id, "warning", path, same.message(key, count))
            )
        else:
            result.append(Finding(DuplicateMember.id, "error", path, message(key, count)))
    return result


def message(key: str, count: int) -> str:
    """The finding message for a member named ``key`` written ``count`` times."""
    return (
        f"member {key} appears more than once in this object (got {count} occurrences; "
        "expected one); JSON readers keep only the last one, so remove the others"
    )
