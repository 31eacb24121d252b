"""The command line as a user meets it: exact error text, exit codes, help, documentation."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.cli import COMMANDS, build_parser, main

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=600)


def test_cli_missing_corpus_is_one_line_error_exit_1(tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == f"Error: corpus path does not exist: {tmp_path / 'nowhere'}"
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists(), "a failed build must not create the output folder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("entities", "--out", "{tmp}"), "Error: no entities.csv in {tmp}; run graphbuild build first"),
        (("diff", "--out", "{tmp}"), "Error: no changelog in {tmp}"),
        (("build", "--config", "{tmp}/missing.toml"), "Error: config file not found: {tmp}/missing.toml"),
        (("query", "memberships", "--param", "actor"), "Error: --param 'actor': expected NAME=VALUE"),
        (("eval", "--sets", "nonsense"), "Error: unknown evaluation set 'nonsense'"),
    ],
)
def test_cli_user_errors_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str], args, message) -> None:
    code = main([a.replace("{tmp}", str(tmp_path)) for a in args])
    err = capsys.readouterr().err
    assert code == 1
    assert message.replace("{tmp}", str(tmp_path)) in err


def test_cli_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    for name, command in COMMANDS.items():
        assert command.help and command.example.startswith(f"graphbuild {name}"), name
        sub = parser._subparsers._group_actions[0].choices[name]  # noqa: SLF001 - argparse has no public API
        text = sub.format_help()
        assert "example:" in text and f"graphbuild {name}" in text, name


def test_cli_every_setting_flag_names_a_setting_of_the_config() -> None:
    from dataclasses import fields

    from graphbuild.config import Config

    known = {f.name for f in fields(Config)}
    flags = {a.setting for c in COMMANDS.values() for a in c.arguments if a.setting}
    assert flags <= known, flags - known
    assert {"output", "corpus", "model", "query_timeout", "max_rows", "serve_port", "html_max_nodes"} <= flags


def test_cli_flags_override_the_settings_file(tmp_path: Path) -> None:
    from graphbuild.cli import _config

    (tmp_path / "graphbuild.toml").write_text('serve_port = 8000\nquery_timeout = 5\nsvg = true\n', encoding="utf-8")
    toml = str(tmp_path / "graphbuild.toml")
    serve = _config(build_parser().parse_args(["serve", "--config", toml, "--port", "9000"]))
    assert (serve.serve_port, serve.query_timeout, serve.workers) == (9000, 5.0, 1)
    assert _config(build_parser().parse_args(["render", "--config", toml])).svg is True
    assert _config(build_parser().parse_args(["query", "x", "--config", toml, "--timeout", "0"])).query_timeout == 0


def test_cli_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert re.search(rf"^### `graphbuild {name}\b", readme, re.MULTILINE), f"README lacks a section for {name}"


def test_cli_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme and "<!-- test-command -->" in ci
    assert "graphbuild build" in readme.split("<!-- test-command -->")[0]


@pytest.mark.model
def test_cli_bad_files_warn_by_name_and_rest_is_built(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Belarus depends on Russia for cheap gas, officials in Minsk said.\n",
                                     encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (corpus / "latin1.txt").write_bytes("Le président français a rencontré Lukashenko à Minsk.".encode("latin-1"))
    result = run_cli("build", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"Warning: .*empty\.txt: file is empty", result.stderr)
    assert re.search(r"Warning: .*image\.txt: looks like a binary file", result.stderr)
    assert re.search(r"Warning: .*latin1\.txt: not valid UTF-8", result.stderr)
    with open(tmp_path / "out" / "relations.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any(r["doc_id"] == "good" and r["relation"] == "dependsOn" for r in rows), rows
