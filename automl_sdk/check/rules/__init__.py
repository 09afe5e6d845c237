"""The rules of ``automl-sdk check``: one module per rule, named after its id.

Group 7 rules judge the data the request points at (S3 objects, formats, columns, rows); group 9
rules the resources it names (IAM role, KMS keys, subnets, security groups, buckets, endpoint).
Each module defines one :class:`~automl_sdk.check._rule.CheckRule`; lint's registry finds them
(:func:`automl_sdk.lint._registry.check_rules`), so they are documented in the rules reference
and selected and ignored by id prefix like every lint rule.
"""
