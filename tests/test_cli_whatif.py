"""Dated what-ifs on the command line: the exact syntax scripts rely on, and its errors."""

import json
from datetime import date

import pytest
from program import ROOT, by_id, run, run_json

PRESETS = ROOT / "resources" / "presets"


def test_compare_against_the_baseline_has_the_documented_fields():
    data = run_json("compare", "--off", "baikonur-31-6@2024-03-01..2024-09-01")
    assert (data["from"], data["to"]) == ("1961-04-12", "2036-01-01")
    ru = by_id(data, "RU")
    assert set(ru) == {"id", "baseline", "scenario", "first_loss", "first_regain"}
    assert set(ru["baseline"]) == set(ru["scenario"]) == {"independent_days", "any_days"}
    assert ru["baseline"]["independent_days"] - ru["scenario"]["independent_days"] == 184
    assert (ru["first_loss"], ru["first_regain"]) == ("2024-03-01", "2024-09-01")
    assert by_id(data, "CN")["first_loss"] is None


def test_compare_against_a_second_scenario_and_a_horizon(tmp_path):
    against = tmp_path / "against.json"
    against.write_text((PRESETS / "site-31-6-out-two-years.json").read_text(encoding="utf-8"))
    data = run_json(
        "compare", "--against", str(against), "--from", "2025-01-01", "--to", "2030-01-01",
    )  # fmt: skip
    ru = by_id(data, "RU")
    # Here "baseline" holds the --against scenario: the plain history has more own days, from
    # the pad's recorded return (2026-03-22) to the end of the outage, plus the launch day.
    gained = (date(2027, 11, 27) - date(2026, 3, 22)).days + 1
    assert ru["scenario"]["independent_days"] - ru["baseline"]["independent_days"] == gained
    assert data["from"] == "2025-01-01" and data["to"] == "2030-01-01"


def test_dated_changes_apply_only_on_their_dates():
    inside = run_json(
        "capability", "--date", "2024-05-01", "--off", "baikonur-31-6@2024-03-01..2024-09-01"
    )
    after = run_json(
        "capability", "--date", "2024-09-01", "--off", "baikonur-31-6@2024-03-01..2024-09-01"
    )
    assert by_id(inside, "RU")["status"] == "partner"
    assert by_id(after, "RU")["status"] == "independent"
    rated = run_json("capability", "--date", "2026-01-15", "--crew-rate", "vostochny-1s@2025-12-01")
    assert by_id(rated, "RU")["usable_pads"] == ["vostochny-1s"]
    storm = run_json(
        "capability",
        "--date",
        "2024-10-10",
        "--off-within",
        "28.608,-80.604,50@2024-10-09..2024-10-30",
    )
    assert by_id(storm, "US")["status"] == "partner"


def test_timeline_and_cutsets_take_changes_and_preset_files():
    data = run_json(
        "timeline", "--nation", "RU", "--from", "2025-06-01", "--to", "2027-01-01",
        "--scenario", str(PRESETS / "vostochny-crew-rated.json"),
    )  # fmt: skip
    starts = {i["from"]: i for i in data["nations"][0]["intervals"]}
    assert starts["2026-01-01"]["status"] == "independent"
    assert starts["2026-01-01"]["pads"] == ["vostochny-1s"]
    cuts = run_json(
        "cutsets", "--nation", "IN", "--scenario", str(PRESETS / "gaganyaan-from-sriharikota.json")
    )
    assert {c["size"] for c in cuts["cut_sets"]} == {1}


def test_export_mef_names_a_hypothetical_agreement(tmp_path):
    out = tmp_path / "ru.xml"
    result = run(
        "export-mef", "--nation", "RU", "--date", "2025-12-15", "--out", str(out),
        "--scenario", str(PRESETS / "russia-china-crew-exchange.json"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "cn-ru-crew-exchange" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--off", "baikonur-31-6@2024-09-01..2024-03-01"], "TO 2024-03-01 must come after FROM"),
        (["--off", "baikonur-31-7@2024-01-01.."], "closest: baikonur-31-6"),
        (["--off", "ksc@yesterday.."], "FROM 'yesterday' is not a date"),
        (["--crew-rate", "vostochny-1s"], "expected ID@FROM"),
        (["--off-within", "28.5,-80.6,0"], "radius must be above 0 km"),
        (["--off-within", "28.5,-80.6,10@2024-01-01"], "expected @FROM..TO or @FROM.."),
    ],
)
@pytest.mark.parametrize("command", ["capability", "compare"])
def test_a_bad_change_exits_2_with_one_line(command, args, words):
    result = run(command, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr


def test_compare_prints_a_table_by_default():
    result = run("compare", "--scenario", str(PRESETS / "florida-hurricane-three-weeks.json"))
    assert result.returncode == 0, result.stderr
    us = next(line for line in result.stdout.splitlines() if line.startswith("US "))
    assert "-21" in us and "2024-10-09" in us and "2024-10-30" in us
    assert json.loads(run("compare", "--json").stdout)["nations"]
