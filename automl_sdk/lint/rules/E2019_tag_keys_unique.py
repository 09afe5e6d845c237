"""E2019: tag keys are unique."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules._helpers import repeats
from automl_sdk.lint.rules_api import LintContext, Rule, join


class TagKeysUnique(Rule):
    """Two tags with the same Key."""

    id = "E2019"
    short_description = "Duplicate tag key"
    description = (
        "Each tag key may appear once per resource. (At most 50 tags is a schema check.) Keys "
        "are compared exactly, as AWS tag keys are case sensitive."
    )
    source = f'"Tag keys must be unique per resource." ({SPEC_V2_API}, {SPEC_V1_BOTO3})'
    tags = ("tags",)

    needs = ("Tags",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every tag whose Key an earlier tag already used."""
        keys = (
            tag.get("Key") if isinstance(tag, dict) else None for tag in ctx.get_list("Tags") or []
        )
        for index, key, first in repeats(keys):
            yield (
                join("Tags", index, "Key"),
                f"duplicate tag key (got {key!r}, already used by Tags[{first}]; expected "
                "unique keys); merge the two tags",
            )
