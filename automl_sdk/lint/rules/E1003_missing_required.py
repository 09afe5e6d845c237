"""E1003: Required member is missing."""

from __future__ import annotations

from automl_sdk.lint._phase1 import MODEL, SchemaRule


class MissingRequired(SchemaRule):
    """Required member is missing."""

    id = "E1003"
    short_description = "Required member is missing"
    description = (
        "A member the shape marks required is absent. The finding is reported at the "
        "missing member's own path."
    )
    source = (
        '"Required: Yes" (000_f82959e03b5b0d50.txt); "[REQUIRED]" '
        "(001_db5ce560721a9b53.txt); " + MODEL
    )
    tags = ("schema", "required")
