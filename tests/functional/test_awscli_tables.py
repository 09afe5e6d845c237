"""The AWS-CLI-named commands' tables equal the installed botocore model, and cover the man page.

The man page is the AWS CLI's ``aws sagemaker create-auto-ml-job`` reference
(https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sagemaker/create-auto-ml-job.html).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import botocore
import botocore.session

from automl_sdk._cli.aws import COMMAND_NAMES
from automl_sdk._cli.aws._run import build_parser
from automl_sdk._cli.aws._tables import BOTOCORE_VERSION, COMMANDS
from tests.support.spec_examples import SPEC_DIR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import generate_awscli  # noqa: E402

MODEL = botocore.session.get_session().get_service_model("sagemaker")


def test_tables_equal_the_installed_model() -> None:
    assert botocore.__version__ == BOTOCORE_VERSION
    assert generate_awscli.command_tables() == COMMANDS


def test_every_input_member_is_an_option_named_as_the_aws_cli_names_it() -> None:
    assert tuple(COMMANDS) == COMMAND_NAMES
    for command, table in COMMANDS.items():
        shape = MODEL.operation_model(table["operation"]).input_shape
        options = [(row["option"], row["member"], row["required"]) for row in table["parameters"]]
        assert options == [
            ("--" + botocore.xform_name(member, "-"), member, member in shape.required_members)
            for member in shape.members
        ], command
    v2_options = [row["option"] for row in COMMANDS["create-auto-ml-job-v2"]["parameters"]]
    assert v2_options[:2] == ["--auto-ml-job-name", "--auto-ml-job-input-data-config"]


def synopsis_options() -> list[str]:
    """Every option the man page's SYNOPSIS lists (``--x | --no-x`` gives both)."""
    text = next(SPEC_DIR.glob("003_*.txt")).read_text(encoding="utf-8")
    synopsis = text.split("SYNOPSIS", 1)[1].split("OPTIONS", 1)[0]
    return re.findall(r"--[a-z][a-z0-9-]*", synopsis)


def test_the_man_page_synopsis_is_accepted_whole() -> None:
    options = synopsis_options()
    assert len(options) == 27  # 10 parameters (+1 negation), 2 input options, 14 globals
    parser = build_parser("create-auto-ml-job")
    accepted = set(parser._option_string_actions)
    assert [option for option in options if option not in accepted] == []


def test_booleans_have_a_negation_and_every_option_has_help() -> None:
    for command in COMMAND_NAMES:
        parser = build_parser(command)
        for action in parser._actions:
            assert action.help, (command, action.option_strings)
    parser = build_parser("create-auto-ml-job")
    flag = parser.parse_args(["--no-generate-candidate-definitions-only"])
    assert getattr(flag, "param:GenerateCandidateDefinitionsOnly") is False


def test_lint_start_up_loads_neither_the_tables_nor_boto(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text('{"AutoMLJobName": "x"}')
    code = (
        "import sys\n"
        "from automl_sdk.cli import main\n"
        f"main(['lint', {str(request)!r}])\n"
        "heavy = [m for m in sys.modules if m.startswith(('automl_sdk._cli.aws._run', "
        "'automl_sdk._cli.aws._tables', 'automl_sdk._cli.aws._values', 'botocore', "
        "'jmespath', 'yaml'))]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "[]", result.stderr
