"""Pre-flight of the data and resources a request points at: ``automl-sdk check``.

>>> from automl_sdk import check_request
>>> for finding in check_request(request, region_name="us-east-1"):
...     print(finding.path, finding.rule, finding.message)

:func:`check_request` lints the request first (and stops there on a lint error), then reads,
within fixed bounds and never writing, what the request names: the S3 input (listing, first
bytes of a few objects, manifests, Parquet footers), the feature specification, the role, the
KMS keys, the subnets and security groups, the output bucket and the endpoint name. Its rules
(groups 7 and 9, one module each in :mod:`automl_sdk.check.rules`) report in lint's
:class:`~automl_sdk.lint.Finding` form, and are selected and ignored by id prefix like every
lint rule. Importing this package never imports boto3.
"""

from __future__ import annotations

from automl_sdk.check._aws import Failure
from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import CheckRule
from automl_sdk.check._run import check_request

__all__ = ["CheckContext", "CheckRule", "Failure", "check_request"]
