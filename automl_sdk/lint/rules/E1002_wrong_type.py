"""E1002: Member has the wrong JSON type."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class WrongType(SchemaRule):
    """Member has the wrong JSON type."""

    id = "E1002"
    short_description = "Member has the wrong JSON type"
    description = (
        "Each member must have the JSON type its shape defines. No coercion is done: "
        '`true` is not an integer, `"10"` is not an integer, `1.9` is not an integer, '
        "and `null` is never a value (omit the member instead). A request that is not a"
        " JSON object at all is also reported here, at the empty path."
    )
    source = (
        '"Type: String", "Type: Integer", "Type: Boolean", "Type: Array of '
        'AutoMLJobChannel objects" ... for each parameter (' + SPEC_V2_API + "); " + MODEL
    )
    tags = ("schema", "type")
