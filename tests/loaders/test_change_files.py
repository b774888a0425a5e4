"""Scenario files with dated changes (version 2), version-1 files, and the command-line syntax."""

import json
from datetime import date
from pathlib import Path

import pytest

from explorer.domain.changes import (
    CrewRating,
    HypotheticalAgreement,
    HypotheticalPad,
    Outage,
    RegionOutage,
    Window,
)
from explorer.domain.scenario import Scenario
from explorer.loaders.catalog import load_catalog
from explorer.loaders.change_spec import (
    ChangeSpecError,
    parse_off,
    parse_off_within,
    scenario_from_options,
    spec_text,
)
from explorer.loaders.scenario_file import (
    SavedScenario,
    ScenarioFileError,
    read_scenario,
    write_scenario,
)

FIXTURES = Path(__file__).parent / "fixtures"
D = date.fromisoformat
EVERY_KIND = (
    Outage("baikonur-31-6", Window(D("2025-11-27"), D("2027-11-27"))),
    Outage("ksc", Window(D("2024-01-01"))),
    Outage("crew-dragon"),
    CrewRating("vostochny-1s", D("2026-01-01")),
    HypotheticalPad("sdsc-crew", "Crew pad", 13.72, 80.23, ("hlvm3",), D("2027-01-01"), "sdsc"),
    HypotheticalPad(
        "point-pad",
        "Point",
        10.5,
        -60.25,
        ("falcon-9",),
        D("2027-01-01"),
        None,
        Window(None, D("2030-01-01")),
    ),
    HypotheticalAgreement("cn-ru-x", "CN", "RU", ("shenzhou",), Window(D("2025-11-28"))),
    RegionOutage(28.608, -80.604, 50.0, Window(D("2024-10-09"), D("2024-10-30"))),
)


def test_a_version_1_file_still_opens_unchanged():
    saved = read_scenario(FIXTURES / "scenario-v1.json")
    assert saved.day == D("2025-11-28")
    assert saved.off == ("baikonur", "ksc-lc-39a")
    assert saved.changes == ()
    assert saved.selection == "RU" and saved.notes.startswith("written before")
    assert saved.scenario == Scenario.of(["baikonur", "ksc-lc-39a"])


def test_every_kind_of_change_survives_a_save_and_a_read(tmp_path):
    saved = SavedScenario(day=D("2026-01-01"), off=("ccsfs",), title="all", changes=EVERY_KIND)
    path = write_scenario(tmp_path / "s.json", saved)
    again = read_scenario(path)
    assert again == saved
    assert again.scenario.changes == EVERY_KIND
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["changes"][0]["kind"] == "outage"


def valid(**extra):
    return {"schema": "launch-site-explorer/scenario", "version": 2, "date": "2026-01-01", **extra}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ([{"kind": "storm"}], "changes[0]: field 'kind' must be one of"),
        ([{"kind": "outage", "component": "ksc", "from": "2024-02-30"}], "changes[0] (outage)"),
        (
            [{"kind": "outage", "component": "ksc", "from": "2024-02-01", "to": "2024-01-01"}],
            "'to' 2024-01-01 must come after 'from' 2024-02-01",
        ),
        ([{"kind": "region_outage", "lat": 1, "lon": 2, "radius_km": 0}], "radius_km"),
        ([{"kind": "crew_rating", "component": "x", "from": "2026-01-01", "to": None}], "'to'"),
        ("outage", "expected a list"),
    ],
)
def test_a_bad_change_gives_one_line_naming_the_file_and_the_change(tmp_path, changes, words):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(valid(changes=changes)), encoding="utf-8")
    with pytest.raises(ScenarioFileError) as caught:
        read_scenario(path)
    message = str(caught.value)
    assert message.startswith("bad.json: ") and words in message and "\n" not in message


def test_changes_in_a_version_1_file_are_refused(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({**valid(changes=[]), "version": 1}), encoding="utf-8")
    with pytest.raises(ScenarioFileError, match="needs version 2"):
        read_scenario(path)


def test_a_change_naming_what_the_dataset_lacks_is_skipped_and_named():
    catalog = load_catalog()
    saved = SavedScenario(
        day=D("2026-01-01"),
        changes=(Outage("baikonur-99"), CrewRating("vostochny-1s", D("2026-01-01"))),
    )
    kept, unknown = saved.without_unknown(catalog)
    assert kept.changes == (CrewRating("vostochny-1s", D("2026-01-01")),)
    assert unknown == ("baikonur-99",)


# -- the command-line syntax -------------------------------------------------------------------
def test_off_syntax():
    assert parse_off("baikonur-31-6") == "baikonur-31-6"
    assert parse_off("baikonur-31-6@2024-03-01..2024-09-01") == Outage(
        "baikonur-31-6", Window(D("2024-03-01"), D("2024-09-01"))
    )
    assert parse_off("ksc@2024-03-01..") == Outage("ksc", Window(D("2024-03-01"), None))
    assert parse_off_within("28.5,-80.6,150") == RegionOutage(28.5, -80.6, 150.0)
    assert parse_off_within("28.5,-80.6,150@2024-10-09..2024-10-30").window == Window(
        D("2024-10-09"), D("2024-10-30")
    )


@pytest.mark.parametrize("change", EVERY_KIND[:4] + EVERY_KIND[-1:])
def test_spec_text_reads_back_as_the_same_change(change):
    catalog = load_catalog()
    option, spec = spec_text(change).split(" ", 1)
    keyword = {"--off": "off", "--crew-rate": "crew_rate", "--off-within": "off_within"}[option]
    scenario = scenario_from_options(catalog, **{keyword: [spec]})
    assert scenario.changes == (change,) or scenario.off == frozenset({change.component})


@pytest.mark.parametrize(
    ("option", "spec", "words"),
    [
        ("off", "ksc@2024-01-01", "expected @FROM..TO or @FROM.."),
        ("off", "ksc@2024-05-01..2024-05-01", "TO 2024-05-01 must come after FROM 2024-05-01"),
        ("off", "ksc@2024-01-01..soon", "TO 'soon' is not a date"),
        ("off", "kcs@2024-01-01..", "unknown id 'kcs' (closest: ksc"),
        ("crew_rate", "vostochny-1s", "expected ID@FROM"),
        ("crew_rate", "vostochny-1x@2026-01-01", "closest: vostochny-1s"),
        ("off_within", "28.5,-80.6,-1", "radius must be above 0 km"),
        ("off_within", "28.5,-80.6", "expected LAT,LON,KM"),
        ("off_within", "95,0,10", "latitude 95 is outside"),
        ("off_within", "a,b,c", "must be numbers"),
    ],
)
def test_a_malformed_change_gives_one_line_naming_the_bad_part(option, spec, words):
    with pytest.raises(ChangeSpecError) as caught:
        scenario_from_options(load_catalog(), **{option: [spec]})
    message = str(caught.value)
    assert words in message and spec in message and "\n" not in message
