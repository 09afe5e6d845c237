"""E1008: Value is not one of the allowed values."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class EnumValue(SchemaRule):
    """Value is not one of the allowed values."""

    id = "E1008"
    short_description = "Value is not one of the allowed values"
    description = (
        "A member with an enumeration must hold one of its values exactly (case "
        "sensitive); the message suggests the closest allowed value."
    )
    source = (
        '"Valid Values: training | validation" (ChannelType) and the like for each '
        "enumeration (" + SPEC_V2_API + "); " + MODEL
    )
    tags = ("schema", "enum")
