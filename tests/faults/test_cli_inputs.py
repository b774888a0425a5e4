"""Hostile command-line inputs: exit status 2 and one line naming the problem, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from program import ENV, ROOT


def run(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or ENV,
        timeout=120,
    )


def assert_one_line(result, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("launch-site-explorer: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr, result.stderr


def scenario(tmp_path: Path, text: str) -> str:
    path = tmp_path / "s.json"
    path.write_text(
        '{"schema": "launch-site-explorer/scenario", "version": 1, "date": "2025-11-28", '
        + text
        + "}"
    )
    return str(path)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["capability", "--date", "9999-12-31"], "outside the dates this program covers"),
        (["capability", "--date", "1900-01-01"], "outside the dates this program covers"),
        (["capability", "--date", "3000-01-01"], "outside the dates this program covers"),
        (["capability", "--date", "20251128"], "not a date written YYYY-MM-DD"),
        (["capability", "--date", "2025-W48-5"], "not a date written YYYY-MM-DD"),
        (["capability", "--date", "2025-02-30"], "no such day"),
        (["timeline", "--from", "2030-01-01", "--to", "2020-01-01"], "must come after"),
        (["capability", "--off", "baikonur-31-7"], "baikonur-31-6"),
        (
            ["screenshot", "--out", "/no/such/folder/x.png"],
            "the folder /no/such/folder does not exist",
        ),
        (["report", "--out", "/no/such/folder/x.pdf"], "does not exist"),
        (["export-mef", "--nation", "RU", "--out", "/no/such/folder/x.xml"], "does not exist"),
    ],
)
def test_bad_arguments(args, expected):
    assert_one_line(run(*args), expected)


def test_screenshot_into_a_folder_or_a_read_only_folder(tmp_path):
    assert_one_line(run("screenshot", "--out", str(tmp_path)), "is a folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere, but not on a read-only filesystem
        if subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(locked)]
        ).returncode:
            pytest.skip("a read-only tmpfs cannot be mounted here")
    else:
        locked.chmod(0o500)
    try:
        assert_one_line(run("screenshot", "--out", str(locked / "x.png")), "permission denied")
        assert not (locked / "x.png").exists()
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(locked)])
        locked.chmod(0o700)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"off": [], "notes": ' + "1" * 5000, "a number of 5000 digits"),
        ('"off": [], "view": {"lon": [1e400, 2], "lat": [0, 1]}', "too large"),
        ('"off": [], "title": "\\ud800"', "field 'title'"),
    ],
)
def test_hostile_scenario_files(tmp_path, text, expected):
    assert_one_line(run("capability", "--scenario", scenario(tmp_path, text)), expected)


def test_a_symlink_loop_as_scenario(tmp_path):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert_one_line(run("capability", "--scenario", str(loop)), "loop.json: cannot read")


def broken_catalog(tmp_path: Path, file: str, edit) -> dict:
    """The environment of a program whose resources are a copy with one catalog file edited."""
    import shutil

    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "catalog", copy / "catalog")
    (copy / "basemap").mkdir()
    shutil.copy(ROOT / "resources" / "basemap" / "country_codes.txt", copy / "basemap")
    path = copy / "catalog" / file
    path.write_text(edit(path.read_text()))
    return copy


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        (
            "events.yaml",
            lambda t: t.replace("date: 1961-04-12", "date: 2001-02-30", 1),
            "'2001-02-30' is not a date (no such day)",
        ),
        (
            "events.yaml",
            lambda t: t.replace("date: 1961-04-12", "date: 1961-04-12 06:07:00", 1),
            "is a date and time",
        ),
        (
            "sites.yaml",
            lambda t: t.replace("lat_deg: ", "lat_deg: " + "9" * 400 + " #", 1),
            "field 'lat_deg': a number too large",
        ),
    ],
    ids=["impossible-date", "datetime", "400-digit-latitude"],
)
def test_broken_catalog_files(tmp_path, file, edit, expected):
    copy = broken_catalog(tmp_path, file, edit)
    code = (
        "import sys, explorer.paths as p, pathlib\n"
        f"p.resources_dir = lambda: pathlib.Path({str(copy)!r})\n"
        "from explorer.cli import main\n"
        "sys.exit(main(['capability']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert_one_line(result, expected)
    assert f"{file}:" in result.stderr  # the file and its line


def test_catalog_fixture_edits_really_apply():
    """The edits above must find their anchor text, or the cases would test nothing."""
    events = (ROOT / "resources" / "catalog" / "events.yaml").read_text()
    sites = (ROOT / "resources" / "catalog" / "sites.yaml").read_text()
    assert "date: 1961-04-12" in events and "lat_deg: " in sites
    assert yaml.safe_load(sites)["sites"]
