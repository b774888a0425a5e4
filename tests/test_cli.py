"""The headless commands through `main`, in-process; a few smoke tests run `python main.py`."""

import pytest
from program import ROOT, by_id, run, run_json, run_program


def test_capability_before_the_pad_damage():
    data = run_json("capability", "--date", "2025-11-26")
    assert data["date"] == "2025-11-26"
    ru = by_id(data, "RU")
    assert ru["status"] == "independent"
    assert "baikonur-31-6" in ru["single_points_of_failure"]
    assert ru["min_cut_size"] == 1
    assert set(ru["routes"][0]) >= {"crew_vehicle", "launch_vehicle", "pad", "provider"}


def test_capability_after_the_pad_damage():
    data = run_json("capability", "--date", "2025-11-28")
    assert by_id(data, "RU")["status"] == "partner"
    assert by_id(data, "US")["status"] == "independent"
    assert by_id(data, "CN")["status"] == "independent"
    india = by_id(data, "IN")
    assert india["status"] == "none"
    assert india["min_cut_size"] is None
    assert india["routes"] == []


def test_off_applies_and_is_echoed():
    data = run_json("capability", "--date", "2025-11-26", "--off", "baikonur")
    assert data["off"] == ["baikonur"]
    assert by_id(data, "RU")["status"] != "independent"


def test_cutsets_lists_31_6_as_a_single_cut_of_russias_own_access():
    data = run_json("cutsets", "--nation", "RU", "--date", "2025-11-26")
    assert data["nation"] == "RU"
    singles = [c["components"] for c in data["cut_sets"] if c["size"] == 1]
    assert [{"id": "baikonur-31-6", "kind": "pad"}] in singles
    sizes = [c["size"] for c in data["cut_sets"]]
    assert sizes == sorted(sizes) and max(sizes) <= 3


def test_cutsets_level_any_and_max_size():
    data = run_json(
        "cutsets", "--nation", "ru", "--date", "2025-11-26", "--level", "any", "--max-size", "2"
    )
    assert data["level"] == "any"
    assert all(c["size"] <= 2 for c in data["cut_sets"])
    assert ["baikonur-31-6"] not in [[x["id"] for x in c["components"]] for c in data["cut_sets"]]


def test_pads_lists_fields_and_statuses():
    rows = run_json("pads", "--date", "2025-11-28")
    pad = next(r for r in rows if r["id"] == "baikonur-31-6")
    assert set(pad) == {
        "id",
        "name",
        "site",
        "site_name",
        "country",
        "lat",
        "lon",
        "status",
        "launch_vehicles",
        "off",
        "off_text",
    }
    assert pad["status"] == "damaged" and pad["off"] is None
    assert abs(pad["lat"] - 45.996) < 0.01 and abs(pad["lon"] - 63.564) < 0.01


def test_table_output_is_readable_text():
    result = run("capability", "--date", "2025-11-28")
    assert result.returncode == 0
    assert "nation" in result.stdout and "RU" in result.stdout and "partner" in result.stdout
    assert "  RU   Soyuz MS: Site 31/6 damaged" in result.stdout  # why Russia flies as a partner


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["capability", "--off", "baikonur-31-7"],
            "unknown id 'baikonur-31-7' (closest: baikonur-31-6",
        ),
        (["capability", "--date", "2025-13-01"], "'2025-13-01' is not a date"),
        (["cutsets", "--nation", "XX"], "unknown nation 'XX'"),
        (["cutsets", "--nation", "RU", "--max-size", "0"], "'0' is not a positive whole number"),
        (["fly"], "invalid choice: 'fly'"),
        (["timeline", "--from", "2020-01-01", "--to", "2019-01-01"], "must come after"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, message):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_broken_data_file_gives_one_line_without_traceback(tmp_path, monkeypatch):
    import shutil

    import explorer.paths

    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "catalog", copy / "catalog")
    (copy / "basemap").mkdir()
    shutil.copy(ROOT / "resources" / "basemap" / "country_codes.txt", copy / "basemap")
    pads = copy / "catalog" / "pads.yaml"
    pads.write_text(pads.read_text().replace("lat_deg:", "lat_dg:", 1))
    monkeypatch.setattr(explorer.paths, "resources_dir", lambda: copy)
    result = run("capability")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("launch-site-explorer: error: pads.yaml:")
    assert ": pad '" in result.stderr
    assert "field 'lat_deg': missing" in result.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("launch-site-explorer ")
    help_text = run("--help").stdout
    assert run("--help").returncode == 0
    for command in ("pads", "capability", "cutsets", "timeline", "screenshot"):
        assert command in help_text


def test_cutsets_of_a_nation_without_access_says_there_is_nothing_to_cut():
    result = run("cutsets", "--nation", "IN", "--date", "2025-11-28")
    assert result.returncode == 0
    assert result.stdout.strip() == "IN on 2025-11-28: no crewed access, so nothing to cut"
    assert run_json("cutsets", "--nation", "IN", "--date", "2025-11-28")["cut_sets"] == []


def test_a_date_past_the_dataset_is_flagged_as_a_projection():
    late = run("capability", "--date", "2035-01-01")
    assert "Note: 2035-01-01 is after the dataset's as-of date" in late.stdout
    assert "Note:" not in run("capability", "--date", "2025-11-28").stdout


@pytest.mark.slow
def test_the_program_runs_as_a_user_runs_it():
    """Smoke test of `python main.py`: exit statuses and one-line errors from a real process."""
    ok = run_program("capability", "--date", "2025-11-28")
    assert ok.returncode == 0 and "RU      via partner" in ok.stdout
    bad = run_program("capability", "--off", "baikonur-31-7")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_reach_json_for_the_iss_from_three_pads():
    records = {
        r["pad"]: r
        for pad in ("baikonur-31-6", "vostochny-1s", "ksc-lc-39a")
        for r in run_json("reach", "--pad", pad, "--destination", "iss", "--date", "2025-11-26")
    }
    baikonur, vostochny, ksc = (
        records["baikonur-31-6"],
        records["vostochny-1s"],
        records["ksc-lc-39a"],
    )
    assert set(baikonur) >= {
        "pad",
        "destination",
        "inclination_deg",
        "direct",
        "dogleg_deg",
        "azimuth_deg",
        "corridor",
        "overflies",
        "drop_zones",
    }
    assert baikonur["direct"] and baikonur["dogleg_deg"] == 0 and baikonur["overflies"][0] == "KZ"
    assert "CN" not in baikonur["overflies"]
    assert (
        not vostochny["direct"]
        and 0 < vostochny["dogleg_deg"] < 1
        and vostochny["azimuth_deg"] == []
    )
    assert ksc["corridor"] == "allowed" and 40 < ksc["azimuth_deg"][0] < 47
    assert ksc["drop_zones"] == [
        {"stage": "first stage (drone-ship landing)", "downrange_km": 322.0, "country": None}
    ]


def test_reach_with_an_inclination_has_no_destination():
    (record,) = run_json(
        "reach", "--pad", "baikonur-31-6", "--inclination", "46.1", "--downrange", "2000"
    )
    assert record["destination"] is None and record["direct"]
    assert "CN" in record["overflies"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--pad", "nowhere"], "nowhere"),
        (["--destination", "atlantis"], "atlantis"),
        (["--inclination", "181"], "0..180"),
        (["--inclination", "-1"], "0..180"),
        (["--downrange", "0"], "--downrange"),
        (["--destination", "iss", "--inclination", "51.6"], "not both"),
    ],
)
def test_reach_errors_are_one_line(args, words):
    result = run("reach", *args)
    assert result.returncode == 2
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_capability_with_a_destination():
    data = run_json("capability", "--date", "2025-11-26", "--destination", "tiangong")
    assert by_id(data, "CN")["status"] == "independent"
    assert by_id(data, "US")["status"] == "none"


def test_a_scenario_files_destination_applies_on_the_command_line(tmp_path):
    path = tmp_path / "tiangong.json"
    path.write_text(
        '{"schema": "launch-site-explorer/scenario", "version": 2, "date": "2025-11-26",'
        ' "destination": "tiangong"}'
    )
    data = run_json("capability", "--scenario", str(path))
    assert by_id(data, "CN")["status"] == "independent"
    assert by_id(data, "RU")["status"] == "none"  # Soyuz does not serve Tiangong
    again = run_json("capability", "--scenario", str(path), "--destination", "iss")
    assert by_id(again, "RU")["status"] == "independent"  # the option overrides the file
