"""E1005: Number is out of range."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class NumberRange(SchemaRule):
    """Number is out of range."""

    id = "E1005"
    short_description = "Number is out of range"
    description = "A numeric member must be within the minimum and maximum of its shape."
    source = (
        '"Valid Range: Minimum value of 1." and the like for each number '
        "(" + SPEC_V2_API + "); " + MODEL
    )
    tags = ("schema", "range")
