"""Developer tasks: ``nox -s tests``, ``nox -s lint``, ``nox -s typecheck``, ``nox -s codegen``,
``nox -s docs``, ``nox -s benchmarks``, ``nox -s mutants``, ``nox -s screenshots``. ``nox -s codegen -- --check`` fails on a stale generation."""

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
    session.install("-c", "constraints.txt", "ruff")  # the pinned ruff, as the generator uses
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


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing with mutmut over the hand-written packages (config: ``[tool.mutmut]``).

    ``nox -s mutants`` runs a sample of 200 mutants spread over lint, serde, migrate, client,
    waiters and CLI (``tools/mutants.py``) and prints the kill rate; ``nox -s mutants -- GLOB...``
    runs the mutants whose names match instead (``'automl_sdk.waiters*'``, or ``'*'`` for all,
    about two hours). ``mutmut show NAME`` in the session's venv prints a survivor's diff. Slow:
    not one of the default sessions, not run in CI.
    """
    session.install("-c", "constraints.txt", "-e", ".[test]", "mutmut")
    names = list(session.posargs)
    if not names:
        session.run("mutmut", "run", "no-such-mutant")  # generates the mutants, runs none
        listing = session.run("python", "tools/mutants.py", "sample", "200", silent=True)
        names = str(listing).split()
    session.run("mutmut", "run", *names)
    session.run("python", "tools/mutants.py", "score", *(names if not session.posargs else []))


@nox.session
def screenshots(session: nox.Session) -> None:
    """Photograph the notebook displays into docs/images (not run in CI).

    Needs Chromium and ImageMagick from the system packages: apt-get install -y chromium imagemagick.
    """
    session.install("-c", "constraints.txt", "-e", ".[test]")
    session.run("python", "tools/screenshots.py", *session.posargs)
