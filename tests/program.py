"""Run the program's command line: in-process through ``main`` (fast, the default), or as a user
would, ``python main.py ...`` in a fresh process (the smoke tests, marked slow)."""

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from explorer.cli import main

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Result:
    """``main(args)`` in this process, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def run_program(*args: str) -> subprocess.CompletedProcess:
    """``python main.py args`` in a new process, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
    )


def run_json(*args: str):
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def by_id(data, nation_id):
    return next(n for n in data["nations"] if n["id"] == nation_id)
