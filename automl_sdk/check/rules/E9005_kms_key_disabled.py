"""E9005: a KMS key the request names is not enabled."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, kms_members
from automl_sdk.check._gather import KEYS
from automl_sdk.check._rule import API_V1_PAGE, CheckRule


class KmsKeyDisabled(CheckRule):
    """The key exists but cannot encrypt: disabled, pending deletion or import."""

    id = "E9005"
    short_description = "KMS key is not enabled"
    description = (
        "A key that is disabled, pending deletion or pending import cannot encrypt the job's "
        "output or volumes; the job fails when it first writes. Its KeyState must be Enabled."
    )
    source = (
        f'"The key used to encrypt stored data." (VolumeKmsKeyId, {API_V1_PAGE}): a key can '
        "encrypt only when enabled."
    )
    tags = ("resources", "kms", "encryption")
    reads = frozenset({KEYS})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each key member whose key is not in the Enabled state."""
        for path, key in kms_members(ctx):
            metadata = ctx.resources.keys.get(key)
            if isinstance(metadata, dict) and metadata.get("KeyState", "Enabled") != "Enabled":
                yield (
                    path,
                    f"KMS key is not enabled (got key state {metadata.get('KeyState')!r} for "
                    f"{key!r}; expected 'Enabled'); enable the key or name another one",
                )
