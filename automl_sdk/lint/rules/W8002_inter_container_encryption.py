"""W8002: traffic between containers encrypted."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules_api import LintContext, Rule, join


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
        path, config = ctx.security_config
        if config is None:
            return
        value = config.get("EnableInterContainerTrafficEncryption")
        if value is True or (value is not None and not isinstance(value, bool)):
            return
        got = "false" if value is False else "no EnableInterContainerTrafficEncryption"
        yield (
            join(path, "EnableInterContainerTrafficEncryption"),
            f"traffic between training containers is not encrypted (got {got}; expected true); "
            "set EnableInterContainerTrafficEncryption to true",
        )
