"""E2019: tag keys are unique."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules_api import LintContext, Rule, get_str, join


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
        first: dict[str, int] = {}
        for index, tag in enumerate(ctx.get_list("Tags") or []):
            key = get_str(tag, "Key")
            if key is None:
                continue
            if key in first:
                yield (
                    join("Tags", index, "Key"),
                    f"duplicate tag key (got {key!r}, already used by Tags[{first[key]}]; expected "
                    "unique keys); merge the two tags",
                )
            else:
                first[key] = index
