"""E1010: A member appears more than once in the same JSON object."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._context import LintContext
from automl_sdk.lint._registry import Rule


class DuplicateMember(Rule):
    """A JSON object in a request file repeats a member name."""

    id = "E1010"
    short_description = "Member appears more than once in a JSON object"
    description = (
        "A request file repeats a member name inside one JSON object. JSON parsers (and so boto3 "
        "and the AWS CLI) silently keep only the last value, which is rarely what was meant, so "
        "the request is ambiguous: an error. "
        "Only `automl-sdk lint` reports this, because it reads the file's text: a Python dict "
        "passed to `lint()` cannot hold a key twice."
    )
    source = (
        '"The names within an object SHOULD be unique." (RFC 8259, section 4); every member of '
        "the request syntax appears once (000_f82959e03b5b0d50.txt)"
    )
    tags = ("schema", "json")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Nothing to check in a dict; the CLI reports repeats found in the file text."""
        return iter(())


def message(key: str, count: int) -> str:
    """The finding message for a member named ``key`` written ``count`` times."""
    return (
        f"member {key} appears more than once in this object (got {count} occurrences; "
        "expected one); JSON readers keep only the last one, so remove the others"
    )
