"""``automl-sdk migrate``: CreateAutoMLJob (V1) request files -> CreateAutoMLJobV2 request JSON.

One file: the V2 request on stdout (or ``-o OUT``). Several files: each translation is written
next to its input, named by ``--suffix`` (``req.json`` -> ``req.v2.json``). The report of each
translation goes to stderr. Exit 0 when every file was translated, 1 when a request is invalid
or has no faithful V2 form (its findings are printed), 2 for usage errors and unreadable or
non-JSON files (nothing is written then).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automl_sdk._cli import common
from automl_sdk._cli.files import refuse_overwrites, write_atomically

if TYPE_CHECKING:
    from automl_sdk.errors import MigrationError
    from automl_sdk.lint import Finding

_SUMMARY = "translate CreateAutoMLJob (V1) request files to CreateAutoMLJobV2"
_DESCRIPTION = (
    "Translate CreateAutoMLJob (V1) request JSON files into CreateAutoMLJobV2 requests. "
    "The report (what moved where, lint warnings) goes to stderr. Exit 1 when a request "
    "is invalid or cannot be translated faithfully, 2 when a file cannot be read or an "
    "output would overwrite an input (nothing is written then)."
)


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add the ``migrate`` subcommand (no AWS call: no AWS options)."""
    parser = common.add_command(
        subparsers, "migrate", summary=_SUMMARY, description=_DESCRIPTION, handler=run
    )
    common.add_request_files(parser, what="V1 request JSON file", many=True)
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the V2 request to OUT instead of stdout (never over an input)",
    )
    where.add_argument(
        "--suffix",
        metavar="SUFFIX",
        help="write each translation next to its input, NAME.json -> NAME<SUFFIX> "
        "(e.g. --suffix .v2.json); required with several files",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="translate even when linting the V1 request finds errors",
    )


def run(args: argparse.Namespace) -> int:
    """Handle ``automl-sdk migrate``; returns the exit code."""
    files: list[str] = args.files
    targets = _targets(files, args.output, args.suffix)
    documents, unreadable = {}, []
    for name in files:
        try:
            documents[name] = common.read_request(name)
        except common.CLIUsageError as exc:
            unreadable.append(str(exc))
    if unreadable:
        for message in unreadable:
            print(f"automl-sdk: error: {message}", file=sys.stderr)
        return common.EXIT_USAGE
    failed = False
    for name in files:
        failed |= not _migrate_one(documents[name], targets[name], force=args.force)
    return common.EXIT_FINDINGS if failed else common.EXIT_OK


def _targets(files: list[str], output: str | None, suffix: str | None) -> dict[str, str | None]:
    """Where each input's translation goes (``None``: stdout); usage errors for bad combinations,
    and for any output that is an input or the output of another input."""
    if len(files) > 1 and suffix is None:
        raise common.CLIUsageError(
            f"{len(files)} files given: pass --suffix .v2.json to write each translation next "
            "to its input (NAME.json -> NAME.v2.json), or migrate one file at a time"
        )
    inputs = [path for path in map(common.source_path, files) if path is not None]
    if suffix is None:
        if output is not None:
            refuse_overwrites(inputs, [(common.source_label(files[0]), output)], f"-o {output}")
        return {files[0]: output}
    if not suffix:
        raise common.CLIUsageError("--suffix must not be empty: it would overwrite the input")
    targets: dict[str, str | None] = {}
    for name in files:
        path = common.source_path(name)
        if path is None:
            raise common.CLIUsageError("--suffix needs file names; '-' (stdin) has none")
        targets[name] = str(_with_suffix(Path(path), suffix))
    refuse_overwrites(
        inputs,
        [(common.source_label(name), str(targets[name])) for name in files],
        f"--suffix {suffix}",
    )
    return targets


def _with_suffix(path: Path, suffix: str) -> Path:
    stem = path.name[: -len(".json")] if path.name.lower().endswith(".json") else path.name
    return path.with_name(stem + suffix)


def _migrate_one(document: common.RequestDocument, target: str | None, *, force: bool) -> bool:
    """Translate one request, write it and report on stderr; False when it was refused."""
    import attrs

    from automl_sdk.errors import MigrationError
    from automl_sdk.lint import lint_request
    from automl_sdk.migrate import migrate_request

    label = document.label
    repeated = common.duplicate_findings(document)
    errors = [finding for finding in repeated if finding.severity == "error"]
    if errors and not force:
        findings = sorted(lint_request(document.request) + repeated)
        count = sum(finding.severity == "error" for finding in findings)
        reason = (
            f"the request file has {count} lint error(s), {len(errors)} of them members written "
            "twice with different values; fix them, or translate anyway with --force "
            "(the last value is kept)"
        )
        _print_refusal(label, MigrationError(path="", reason=reason, findings=findings))
        return False
    try:
        v2, report = migrate_request(document.request, force=force)
    except MigrationError as exc:
        _print_refusal(label, exc, extra=repeated)
        return False
    if repeated:
        report = attrs.evolve(report, findings=sorted([*report.findings, *repeated]))
    text = json.dumps(v2, indent=2, ensure_ascii=False) + "\n"
    if target is None:
        sys.stdout.write(text)
    else:
        write_atomically(target, text.encode("utf-8"))
    print(f"{label} -> {target or '<stdout>'}", file=sys.stderr)
    print(report, file=sys.stderr)
    return True


def _print_refusal(label: str, exc: MigrationError, extra: list[Finding] | None = None) -> None:
    print(f"automl-sdk: {label}: cannot migrate: {exc}", file=sys.stderr)
    for finding in sorted([*exc.findings, *(extra or [])]):
        print(f"  {finding}", file=sys.stderr)
