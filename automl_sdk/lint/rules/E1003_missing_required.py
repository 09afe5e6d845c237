"""E1003: Required member is missing."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class MissingRequired(SchemaRule):
    """Required member is missing."""

    id = "E1003"
    short_description = "Required member is missing"
    description = (
        "A member the shape marks required is absent. The finding is reported at the "
        "missing member's own path."
    )
    source = '"Required: Yes" (' + SPEC_V2_API + '); "[REQUIRED]" (' + SPEC_V1_BOTO3 + "); " + MODEL
    tags = ("schema", "required")
