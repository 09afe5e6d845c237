"""E1001: Request has a member the API does not define."""

from __future__ import annotations

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint._phase1 import MODEL, SchemaRule


class UnknownMember(SchemaRule):
    """Request has a member the API does not define."""

    id = "E1001"
    short_description = "Request has a member the API does not define"
    description = (
        "Every member name must be one the operation's input shape defines (names are "
        "case sensitive). The message names the closest valid member, and when the "
        "member belongs to the other API version (a V1 `InputDataConfig` in a "
        "CreateAutoMLJobV2 request, or the reverse) it says where that setting lives in"
        " this version."
    )
    source = (
        '"CreateAutoMLJobV2 ... Request Parameters" lists the only members the request '
        "accepts (" + SPEC_V2_API + '); "Request Syntax" of create_auto_ml_job '
        "(" + SPEC_V1_BOTO3 + "); " + MODEL
    )
    tags = ("schema", "unknown-member")
