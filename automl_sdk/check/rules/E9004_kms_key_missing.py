"""E9004: a KMS key the request names does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, kms_members
from automl_sdk.check._facts import MISSING
from automl_sdk.check._gather import KEYS
from automl_sdk.check._rule import API_V1_PAGE, CheckRule


class KmsKeyMissing(CheckRule):
    """OutputDataConfig.KmsKeyId or VolumeKmsKeyId names no key."""

    id = "E9004"
    short_description = "KMS key does not exist"
    description = (
        "The output key (OutputDataConfig.KmsKeyId) and the volume key "
        "(SecurityConfig.VolumeKmsKeyId) are key ids, key ARNs, alias names or alias ARNs; "
        "KMS DescribeKey must find each in the job's region."
    )
    source = (
        '"The Key Management Service (KMS) encryption key ID." (OutputDataConfig.KmsKeyId) '
        f'"The key used to encrypt stored data." (VolumeKmsKeyId, {API_V1_PAGE})'
    )
    tags = ("resources", "kms", "encryption")
    reads = frozenset({KEYS})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each key member KMS does not know."""
        for path, key in kms_members(ctx):
            if ctx.resources.keys.get(key) is MISSING:
                yield (
                    path,
                    f"KMS key does not exist (got {key!r}; expected a key id, key ARN or alias "
                    f"of an existing key in {ctx.resources.region}); create it or fix the key id",
                )
