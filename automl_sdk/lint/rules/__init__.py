"""The lint rules: one module per rule, named after its id (``E2001_job_name.py``).

Each module defines exactly one :class:`automl_sdk.lint.Rule` subclass; the registry imports every
module here (see :mod:`automl_sdk.lint._registry` for the id scheme). A rule reads the raw request
through :class:`automl_sdk.lint.LintContext` and its typed getters, skips values of the wrong
type (phase 1 reports those) and yields ``(wire_path, message)``. Everything it needs is in the
public :mod:`automl_sdk.lint.rules_api`::

    from collections.abc import Iterator

    from automl_sdk.lint.rules_api import LintContext, Rule, join, show


    class ValidationFractionRange(Rule):
        id = "E2090"
        short_description = "ValidationFraction is not between 0 and 1"
        description = "The validation fraction must be strictly between 0 and 1."
        source = '"... must be between 0 and 1 ..." (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html)'
        tags = ("data-split",)
        operations = frozenset({"CreateAutoMLJobV2"})

        def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
            value = ctx.get_number("DataSplitConfig", "ValidationFraction")
            if value is not None and not 0 < value < 1:
                path = join("DataSplitConfig", "ValidationFraction")
                yield path, f"ValidationFraction is out of range (got {show(value)}; expected 0 < x < 1)"
"""
