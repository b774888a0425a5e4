"""Scenario files: round trip, one-line errors for every kind of bad file, saves that never corrupt."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from factories import mini_world

from explorer.loaders import safe_files
from explorer.loaders.presets import load_presets, presets_dir
from explorer.loaders.safe_files import TEMP_SUFFIX
from explorer.loaders.scenario_file import (
    MAX_BYTES,
    SavedScenario,
    ScenarioFileError,
    View,
    backup_path,
    read_scenario,
    write_scenario,
)

ROOT = Path(__file__).resolve().parents[2]
SAVED = SavedScenario(
    day=date(2025, 11, 26),
    off=("baikonur-31-6", "crew-dragon"),
    selection="RU",
    view=View((40.0, 90.5), (30.25, 60.0)),
    title="Before the pad damage",
    notes="Site 31/6 and Crew Dragon both off — nothing left for Russia.",
)


def valid() -> dict:
    return json.loads(SAVED.to_json())


def error_of(path: Path) -> str:
    with pytest.raises(ScenarioFileError) as caught:
        read_scenario(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name), message
    return message


def test_write_then_read_gives_the_same_scenario(tmp_path):
    path = write_scenario(tmp_path / "s.json", SAVED)
    assert read_scenario(path) == SAVED
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "launch-site-explorer/scenario" and data["version"] == 2
    assert data["view"] == {"lon": [40.0, 90.5], "lat": [30.25, 60.0]}


def test_unknown_ids_are_split_off_and_the_rest_kept():
    saved = SavedScenario(date(2025, 11, 26), ("baikonur-31-6", "site-99", "falcon-9"), "XX")
    known, unknown = saved.without_unknown(mini_world())
    assert known.off == ("baikonur-31-6", "falcon-9") and known.selection is None
    assert unknown == ("site-99", "XX")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '{"schema": "launch-site-explorer/scenario", "version": 1, "date": "2025-11',
            "not valid JSON",
        ),
        ("", "is empty"),
        ("[1, 2]", "expected a JSON object"),
        ('{"schema": "something-else", "version": 1}', "not a scenario file"),
        (json.dumps({**valid(), "version": 3}), "version 3 is newer"),
        (json.dumps({**valid(), "version": "1"}), "field 'version'"),
        (json.dumps({**valid(), "date": 20251126}), "field 'date'"),
        (json.dumps({**valid(), "date": "2025-13-45"}), "is not a date"),
        (json.dumps({**valid(), "off": "baikonur"}), "field 'off': expected a list"),
        (json.dumps({**valid(), "off": ["ok-id", 7]}), "field 'off[1]'"),
        (json.dumps({**valid(), "off": ["Site 31/6"]}), "is not an id"),
        (json.dumps({**valid(), "selection": 3}), "field 'selection'"),
        (json.dumps({**valid(), "view": {"lon": [1, "2"], "lat": [0, 1]}}), "field 'view.lon'"),
        (json.dumps({**valid(), "view": {"lon": [10, 5], "lat": [0, 1]}}), "field 'view.lon'"),
        (json.dumps({**valid(), "title": ["x"]}), "field 'title'"),
        (json.dumps({**valid(), "of": []}), "unknown field 'of'"),
    ],
)
def test_bad_content_gives_one_clear_line(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert expected in error_of(path)


def test_non_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"title": "\xe9t\xe9"}')
    assert "not UTF-8" in error_of(path)


def test_a_huge_file_is_refused_by_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.truncate(100_000_000)  # sparse: 100 MB on paper, nothing on disk
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or 1 / 0)
    message = error_of(path)
    assert "100.0 MB" in message and not opened
    assert MAX_BYTES < 100_000_000


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert "is a folder" in error_of(folder)


def test_a_missing_file_is_refused(tmp_path):
    assert "no such file" in error_of(tmp_path / "gone.json")


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = write_scenario(tmp_path / "locked.json", SAVED)

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.open", denied)  # root reads anything; simulate the refusal
    assert "Permission denied" in error_of(path)


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "s.json"
    first = SavedScenario(date(2020, 1, 1), ("ksc",))
    write_scenario(path, first)
    assert not backup_path(path).exists()
    write_scenario(path, SAVED)
    assert read_scenario(path) == SAVED
    assert read_scenario(backup_path(path)) == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


@pytest.mark.parametrize("failing", ["fsync", "final-rename", "write"])
def test_a_failure_between_write_and_rename_leaves_the_old_file(tmp_path, monkeypatch, failing):
    path = tmp_path / "s.json"
    old = SavedScenario(date(2020, 1, 1), ("ksc",))
    write_scenario(path, old)
    before = path.read_bytes()
    real_replace = os.replace

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(safe_files.os, "fsync", boom)
    elif failing == "write":
        monkeypatch.setattr(safe_files.os, "fdopen", boom)
    else:

        def replace(src, dst):
            if Path(dst) == path:
                raise OSError(5, "Input/output error")
            return real_replace(src, dst)

        monkeypatch.setattr(safe_files.os, "replace", replace)
    with pytest.raises(ScenarioFileError) as caught:
        write_scenario(path, SAVED)
    assert "\n" not in str(caught.value) and "cannot write" in str(caught.value)
    assert path.read_bytes() == before
    assert read_scenario(path) == old
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


WRITER = """
import os, sys, time
from datetime import date
from explorer.loaders import safe_files
from explorer.loaders.scenario_file import SavedScenario, write_scenario
path, mode = sys.argv[1], sys.argv[2]
if mode == "pause":
    real = os.fsync
    def slow(fd):
        print("written", flush=True)
        time.sleep(30)
        real(fd)
    safe_files.os.fsync = slow
i = 0
print("start", flush=True)
while True:
    i += 1
    write_scenario(path, SavedScenario(date(2025, 11, 26), ("ksc",), notes="x" * 200_000 + str(i)))
"""


def _start_writer(path: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), mode],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_writer_killed_mid_write_leaves_the_previous_content(tmp_path):
    path = tmp_path / "s.json"
    old = SavedScenario(date(2020, 1, 1), ("ccsfs",))
    write_scenario(path, old)
    writer = _start_writer(path, "pause")
    try:
        assert writer.stdout.readline().strip() == "start"
        assert writer.stdout.readline().strip() == "written"  # inside the write, before rename
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
    assert read_scenario(path) == old


def test_writers_killed_at_random_moments_never_leave_a_corrupt_file(tmp_path):
    path = tmp_path / "s.json"
    write_scenario(path, SavedScenario(date(2020, 1, 1), ("ccsfs",)))
    for attempt in range(8):
        writer = _start_writer(path, "loop")
        try:
            assert writer.stdout.readline().strip() == "start"
            time.sleep(0.02 + 0.013 * attempt)
            writer.send_signal(signal.SIGKILL)
        finally:
            writer.kill()
            writer.wait()
        saved = read_scenario(path)  # complete, whichever version it is
        assert saved.off in (("ccsfs",), ("ksc",))


def test_every_shipped_preset_loads_and_names_only_known_ids():
    from explorer.loaders.catalog import load_catalog

    catalog = load_catalog()
    presets = load_presets()
    assert len(presets) >= 9
    titles = {p.title for p in presets}
    for wanted in (
        "Soyuz MS-28 pad loss (2025-11-27)",
        "Post-Shuttle gap (2011–2020)",
        "Columbia stand-down (2003)",
        "Florida hurricane (KSC and Cape Canaveral down)",
        "Baikonur lease lost",
        "Crew Dragon grounded",
    ):
        assert wanted in titles
    for preset in presets:
        _known, unknown = preset.saved.without_unknown(catalog)
        assert unknown == (), f"{preset.id}: {unknown}"
        assert preset.saved.description and preset.saved.sources
        assert all(s.startswith(("http://", "https://")) for s in preset.saved.sources)
    by_title = {p.title: p.saved for p in presets}
    assert set(by_title["Florida hurricane (KSC and Cape Canaveral down)"].off) == {"ksc", "ccsfs"}
    assert by_title["Baikonur lease lost"].off == ("baikonur",)
    assert by_title["Crew Dragon grounded"].off == ("crew-dragon",)


def test_a_preset_without_sources_is_refused(tmp_path):
    (tmp_path / "bare.json").write_text(
        json.dumps({**valid(), "description": "d", "sources": []}), encoding="utf-8"
    )
    with pytest.raises(ScenarioFileError, match="at least one source"):
        load_presets(tmp_path)
    assert presets_dir().is_dir()
