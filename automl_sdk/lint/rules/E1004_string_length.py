"""E1004: String is too short or too long."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class StringLength(SchemaRule):
    """String is too short or too long."""

    id = "E1004"
    short_description = "String is too short or too long"
    description = (
        "A string member's length must be within the minimum and maximum length of its shape."
    )
    source = (
        '"Length Constraints: Minimum length of 1. Maximum length of 32." '
        "(AutoMLJobName, " + SPEC_V2_API + ") and the like for each string; " + MODEL
    )
    tags = ("schema", "length")
