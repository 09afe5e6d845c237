"""E1009: Union must set exactly one member."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint._phase1 import SchemaRule


class UnionOneMember(SchemaRule):
    """Union must set exactly one member."""

    id = "E1009"
    short_description = "Union must set exactly one member"
    description = (
        "A union (such as `AutoMLProblemTypeConfig`) must set exactly one of its "
        "members: none and several are both errors."
    )
    source = (
        '"Note: This object is a Union. Only one member of this object can be specified'
        ' or returned." (AutoMLProblemTypeConfig, ' + SPEC_V2_API + ")"
    )
    tags = ("schema", "union")
