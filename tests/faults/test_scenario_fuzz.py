"""Any bytes given as a scenario file: a ScenarioFileError of one line, or a scenario that saves
and reads back equal. Never another exception, never a file that cannot be saved again."""

import json
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from program import ENV, ROOT

from explorer.loaders.presets import load_presets
from explorer.loaders.scenario_file import (
    SavedScenario,
    ScenarioFileError,
    read_scenario,
    write_scenario,
)

VALID = {
    "schema": "launch-site-explorer/scenario",
    "version": 1,
    "title": "t",
    "date": "2025-11-28",
    "off": ["baikonur-31-6"],
    "selection": "RU",
    "view": {"lon": [40.0, 90.0], "lat": [30.0, 60.0]},
    "notes": "n",
}
FIELDS = sorted(VALID)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def check_round_trip_or_one_line(tmp_path, raw: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    try:
        saved = read_scenario(path)
    except ScenarioFileError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("fuzz.json: "), message
        return
    again = tmp_path / "again.json"
    write_scenario(again, saved)  # whatever was accepted can be saved again
    assert read_scenario(again) == saved


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), value=json_values)
def test_a_field_of_any_type_or_size(tmp_path, field, value):
    data = dict(VALID, **{field: value})
    check_round_trip_or_one_line(tmp_path, json.dumps(data).encode())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=len(json.dumps(VALID))))
def test_a_truncated_file(tmp_path, cut):
    check_round_trip_or_one_line(tmp_path, json.dumps(VALID).encode()[:cut])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200))
def test_random_bytes(tmp_path, raw):
    check_round_trip_or_one_line(tmp_path, raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"version": 1' + "0" * 5000, "a number of 5001 digits"),
        ('"view": {"lon": [1e400, 2], "lat": [0, 1]}', "too large"),
        ('"view": {"lon": [NaN, 2], "lat": [0, 1]}', "'NaN', which is not a number"),
        ('"title": "\\ud800"', "field 'title': holds \\ud800"),
        ('"notes": ' + "[" * 3000 + "]" * 3000, "nested too deeply"),
        ('"date": "2025-11-28T10:00"', "not a date written YYYY-MM-DD"),
        ('"date": "20251128"', "not a date written YYYY-MM-DD"),
        ('"date": "9999-12-31"', "outside the dates this program covers"),
        ('"date": "1900-01-01"', "outside the dates this program covers"),
    ],
)
def test_named_hostile_values_give_one_line(tmp_path, text, expected):
    body = json.dumps({k: v for k, v in VALID.items() if k not in text.split(":")[0]})
    raw = body[:-1] + ", " + text + "}"
    path = tmp_path / "bad.json"
    path.write_text(raw)
    with pytest.raises(ScenarioFileError) as caught:
        read_scenario(path)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_deeply_nested_json_is_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"schema": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(ScenarioFileError, match=r"deep\.json: "):
        read_scenario(path)


def test_a_title_that_cannot_be_encoded_is_refused_before_writing(tmp_path):
    from datetime import date

    with pytest.raises(ScenarioFileError, match="field 'title'"):
        write_scenario(tmp_path / "s.json", SavedScenario(date(2025, 1, 1), title="\ud800"))
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


def _in_thread(function, timeout_s=5.0):
    """Run ``function``; fail (instead of hanging the suite) when it blocks."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except Exception as exc:  # the outcome is what is asserted
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout_s)
    assert not thread.is_alive(), "blocked reading a FIFO"
    return outcome


def test_a_fifo_as_scenario_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    outcome = _in_thread(lambda: read_scenario(fifo))
    assert str(outcome["error"]) == "pipe.json: is a named pipe (FIFO), not a scenario file"


def test_a_fifo_in_the_presets_folder_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "trap.json")
    outcome = _in_thread(lambda: load_presets(tmp_path))
    assert isinstance(outcome["error"], ScenarioFileError)


def test_the_cli_refuses_a_fifo_scenario_in_one_line(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "capability", "--scenario", str(fifo)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "launch-site-explorer: error: pipe.json: is a named pipe (FIFO), not a scenario file\n"
    )
