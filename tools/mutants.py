"""Mutation testing helpers for ``nox -s mutants`` (mutmut 3; config in ``[tool.mutmut]``).

``python tools/mutants.py sample N``: print the names of about N mutants, the same share from
each group in ``GROUPS`` (deterministic: every k-th mutant in name order), for
``mutmut run NAME...``. Needs the mutants generated first (any ``mutmut run`` does that).

``python tools/mutants.py score [NAME...]``: print the kill rate of the checked mutants (of the
named ones, when names are given). Killed: a test failed or timed out. Survived: every test
passed, or no test covers the mutant. Mutants not checked yet are left out.
"""

from __future__ import annotations

import collections
import subprocess
import sys

# Sampled groups: the module (second name part) a mutant lives in decides its group; modules
# not named here (client, waiters, the job handle, ...) form the group "client and waiting".
GROUPS = {"lint": "lint", "_serde": "serde", "migrate": "migrate", "cli": "CLI", "_cli": "CLI"}
KILLED = {"killed", "timeout", "segfault"}
SURVIVED = {"survived", "no tests", "suspicious"}


def statuses() -> dict[str, str]:
    """Every generated mutant's name and mutmut status."""
    listing = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            result[name] = status.strip()
    return result


def sample(size: int) -> list[str]:
    """About ``size`` mutant names, the same share from each package, evenly spaced in each."""
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for name in sorted(statuses()):
        groups[group(name)].append(name)
    share = max(1, size // len(groups))
    chosen = []
    for names in groups.values():
        step = max(1, len(names) // share)
        chosen += names[::step][:share]
    return chosen


def group(mutant: str) -> str:
    """The sampled group of a mutant named like ``automl_sdk.lint._engine.x_lint__mutmut_3``."""
    return GROUPS.get(mutant.split(".")[1], "client and waiting")


def score(names: list[str]) -> str:
    counts = collections.Counter(
        status for name, status in statuses().items() if not names or name in names
    )
    killed = sum(counts[status] for status in KILLED)
    survived = sum(counts[status] for status in SURVIVED)
    checked = killed + survived
    if checked == 0:
        return "no mutant was checked"
    by_status = ", ".join(f"{status} {n}" for status, n in sorted(counts.items()))
    return f"{killed} killed, {survived} survived of {checked} checked ({killed / checked:.0%}); {by_status}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["sample"] and len(argv) == 2 and argv[1].isdigit():
        print("\n".join(sample(int(argv[1]))))
        return 0
    if argv[:1] == ["score"]:
        print(score(argv[1:]))
        return 0
    print("usage: python tools/mutants.py sample N | score [NAME...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
