"""E1006: List or map has too few or too many entries."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class CollectionSize(SchemaRule):
    """List or map has too few or too many entries."""

    id = "E1006"
    short_description = "List or map has too few or too many entries"
    description = (
        "A list or map member must have between the minimum and maximum number of "
        "entries of its shape."
    )
    source = (
        '"Array Members: Minimum number of 1 item. Maximum number of 2 items." '
        "(AutoMLJobInputDataConfig, " + SPEC_V2_API + ") and the like; " + MODEL
    )
    tags = ("schema", "size")
