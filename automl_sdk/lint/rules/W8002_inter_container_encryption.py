"""W8002: traffic between containers encrypted."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules._helpers import security_setting
from automl_sdk.lint.rules_api import LintContext, Rule


class InterContainerEncryption(Rule):
    """EnableInterContainerTrafficEncryption missing or false."""

    id = "W8002"
    short_description = "Inter-container traffic encryption off"
    description = (
        "Distributed training jobs exchange data between containers; unless "
        "EnableInterContainerTrafficEncryption is true that traffic is not encrypted. It costs "
        "some training time, so ignore W8002 where that matters more."
    )
    source = (
        'SecurityConfig: "The security configuration for traffic encryption or Amazon VPC '
        f'settings." ({SPEC_V2_API}); EnableInterContainerTrafficEncryption: "Whether to use '
        f'traffic encryption between the container layers." ({SPEC_V1_BOTO3})'
    )
    tags = ("security", "encryption")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report the flag when it is absent or false."""
        found = security_setting(ctx, "EnableInterContainerTrafficEncryption")
        if found is None:
            return
        path, value = found
        if value is not None and value is not False:  # true, or not a bool (phase 1 reports it)
            return
        got = "false" if value is False else "no EnableInterContainerTrafficEncryption"
        yield (
            path,
            f"traffic between training containers is not encrypted (got {got}; expected true); "
            "set EnableInterContainerTrafficEncryption to true",
        )
