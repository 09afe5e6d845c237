"""E1007: String does not match its pattern."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class Pattern(SchemaRule):
    """String does not match its pattern."""

    id = "E1007"
    short_description = "String does not match its pattern"
    description = (
        "A string member with a pattern must match it as a whole (the service anchors "
        "the model's patterns). The model's Java-style classes `\\p{L}`, `\\p{N}`, "
        "`\\p{Z}` are translated to Python equivalents."
    )
    source = (
        '"Pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}" (AutoMLJobName, '
        + SPEC_V2_API
        + ") and the like for each string; "
        + MODEL
    )
    tags = ("schema", "pattern")
