"""Developer tasks: ``nox -s tests``, ``nox -s lint``, ``nox -s typecheck``, ``nox -s codegen``,
``nox -s docs``, ``nox -s benchmarks``. ``nox -s codegen -- --check`` fails on a stale generation."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "codegen_check", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    session.install("-c", "constraints.txt", "-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-c", "constraints.txt", "-e", ".[test]", "mypy")
    session.run("mypy")


@nox.session
def codegen(session: nox.Session) -> None:
    """Regenerate automl_sdk/shapes and the reference docs (``-- --check`` only compares)."""
    session.install("-c", "constraints.txt", "-e", ".", "ruff")
    session.run("python", "tools/generate_shapes.py", *session.posargs)


@nox.session
def codegen_check(session: nox.Session) -> None:
    session.install("-c", "constraints.txt", "-e", ".", "ruff")
    session.run("python", "tools/generate_shapes.py", "--check")


@nox.session
def docs(session: nox.Session) -> None:
    session.install("-e", ".", "mkdocs-material")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site")


@nox.session
def benchmarks(session: nox.Session) -> None:
    session.install("-c", "constraints.txt", "-e", ".[test]")
    for script in sorted(__import__("pathlib").Path("benchmarks").glob("bench_*.py")):
        session.run("python", str(script))
