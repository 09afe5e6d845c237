"""E4011: holiday calendar country code from the documented list."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import HOLIDAY_COUNTRY_CODES, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_list, get_str, join


class HolidayCountryCode(Rule):
    """A HolidayConfig CountryCode with no supported holiday calendar."""

    id = "E4011"
    short_description = "Holiday country code not supported"
    description = (
        "CountryCode must be one of the codes on the Autopilot 'Country Codes' page (251 "
        "two-letter codes, mostly ISO 3166-1 alpha-2, plus XK for Kosovo and UN for the United "
        "Nations). The model only checks two capital letters; codes it rejects are left to the "
        "schema check."
    )
    source = (
        '"The country code for the holiday calendar. For the list of public holiday calendars '
        "supported by AutoML job V2, see Country Codes. Use the country code corresponding to the "
        f'country of your choice." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series", "holidays")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check each HolidayConfig entry's CountryCode."""
        base = join(ctx.problem_config_path, "HolidayConfig")
        for index, entry in enumerate(get_list(ctx.problem_config, "HolidayConfig") or []):
            code = get_str(entry, "CountryCode")
            if code is None or code in HOLIDAY_COUNTRY_CODES:
                continue
            code_path = join(base, index, "CountryCode")
            if not ctx.reported_by_schema(code_path):
                yield (
                    code_path,
                    f"no holiday calendar for this country code (got {code!r}; expected a code "
                    "from the Autopilot Country Codes list, e.g. 'US', 'GB', 'DE')"
                    + ("; the United Kingdom is 'GB'" if code == "UK" else ""),
                )
