"""E1004: String is too short or too long."""

from __future__ import annotations

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
        "(AutoMLJobName, 000_f82959e03b5b0d50.txt) and the like for each string; " + MODEL
    )
    tags = ("schema", "length")
