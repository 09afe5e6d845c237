"""Wire conversion: shapes <-> the dicts boto3 takes and returns (see ``_converter``)."""

from automl_sdk._serde._converter import from_wire, to_wire

__all__ = ["from_wire", "to_wire"]
