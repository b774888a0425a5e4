"""A broken catalog file gives one line naming the file, the record and the field."""

import shutil
from pathlib import Path

import pytest
import yaml

from explorer.loaders.catalog import CatalogError, load_catalog

SRC = ["test fixture"]

FILES = {
    "dataset.yaml": {"as_of": "2026-11-01", "title": "t", "license": "CC-BY-4.0"},
    "nations.yaml": {
        "nations": [
            {"id": "RU", "name": "Russia", "kind": "nation", "territory": ["RUS"], "sources": SRC},
        ]
    },
    "sites.yaml": {
        "sites": [
            {
                "id": "baikonur",
                "name": "Baikonur",
                "country": "KAZ",
                "operator": "Roscosmos",
                "lat_deg": 45.9,
                "lon_deg": 63.3,
                "sources": SRC,
            },
        ]
    },
    "pads.yaml": {
        "pads": [
            {
                "id": "baikonur-31-6",
                "site": "baikonur",
                "name": "Site 31/6",
                "lat_deg": 45.996,
                "lon_deg": 63.564,
                "launch_vehicles": ["soyuz-2-1a", {"id": "soyuz-fg", "to": "2019-09-26"}],
                "history": [
                    {"from": "1961-01-14", "status": "crew_capable"},
                    {"from": "2025-11-28", "status": "damaged"},
                ],
                "sources": SRC,
            },
        ]
    },
    "launch_vehicles.yaml": {
        "launch_vehicles": [
            {
                "id": "soyuz-2-1a",
                "name": "Soyuz-2.1a",
                "nation": "RU",
                "history": [{"from": "2004-11-08", "status": "crew_rated"}],
                "sources": SRC,
            },
            {
                "id": "soyuz-fg",
                "name": "Soyuz-FG",
                "nation": "RU",
                "history": [{"from": "2001-05-21", "status": "crew_rated"}],
                "sources": SRC,
            },
        ]
    },
    "crew_vehicles.yaml": {
        "crew_vehicles": [
            {
                "id": "soyuz-ms",
                "name": "Soyuz MS",
                "nation": "RU",
                "launch_vehicles": ["soyuz-2-1a"],
                "seats": 3,
                "history": [{"from": "2016-07-07", "status": "operational"}],
                "sources": SRC,
            },
        ]
    },
    "agreements.yaml": {"agreements": []},
    "destinations.yaml": {
        "destinations": [
            {
                "id": "iss",
                "name": "ISS",
                "inclination_deg": 51.64,
                "history": [{"from": "1998-11-20", "status": "active"}],
                "sources": SRC,
            },
        ]
    },
    "events.yaml": {
        "events": [
            {
                "id": "ms-28-pad-damage",
                "date": "2025-11-27",
                "title": "Pad damage",
                "kind": "pad-damage",
                "nation": "RU",
                "components": ["baikonur-31-6"],
                "sources": SRC,
            },
        ]
    },
    "crewed_launches.yaml": {
        "crewed_launches": [
            {
                "id": "soyuz-ms-28",
                "date": "2025-11-27",
                "mission": "Soyuz MS-28",
                "nation": "RU",
                "crew_vehicle": "soyuz-ms",
                "launch_vehicle": "soyuz-2-1a",
                "pad": "baikonur-31-6",
                "sources": SRC,
            },
        ]
    },
}


def write(directory: Path, files: dict) -> Path:
    directory.mkdir(exist_ok=True)
    for name, content in files.items():
        (directory / name).write_text(yaml.safe_dump(content, sort_keys=False))
    return directory


@pytest.fixture
def files():
    return yaml.safe_load(yaml.safe_dump(FILES))  # a deep copy each test may break


def error_of(tmp_path: Path, files: dict) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(write(tmp_path / "catalog", files))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_valid_fixture_loads(tmp_path, files):
    catalog = load_catalog(write(tmp_path / "catalog", files))
    pad = catalog.get("baikonur-31-6")
    assert pad.launch_vehicles[1].end.isoformat() == "2019-09-26"
    assert catalog.crewed_launches[0].pad == "baikonur-31-6"


def test_missing_field(tmp_path, files):
    del files["pads.yaml"]["pads"][0]["lat_deg"]
    assert error_of(tmp_path, files) == "pads.yaml:2: pad 'baikonur-31-6': field 'lat_deg': missing"


def test_wrong_type(tmp_path, files):
    files["crew_vehicles.yaml"]["crew_vehicles"][0]["seats"] = "three"
    assert error_of(tmp_path, files) == (
        "crew_vehicles.yaml:2: crew vehicle 'soyuz-ms': field 'seats': expected a number, got 'three'"
    )


def test_dangling_reference(tmp_path, files):
    files["pads.yaml"]["pads"][0]["site"] = "baikonurr"
    assert error_of(tmp_path, files) == (
        "pads.yaml:2: pad 'baikonur-31-6': field 'site': unknown site 'baikonurr'"
    )


def test_duplicate_id(tmp_path, files):
    vehicles = files["launch_vehicles.yaml"]["launch_vehicles"]
    vehicles.append(dict(vehicles[0]))
    assert error_of(tmp_path, files) == (
        "launch_vehicles.yaml:17: launch vehicle 'soyuz-2-1a': field 'id': duplicate id 'soyuz-2-1a'"
    )


def test_id_shared_by_two_kinds(tmp_path, files):
    files["sites.yaml"]["sites"][0]["id"] = "soyuz-ms"
    files["pads.yaml"]["pads"][0]["site"] = "soyuz-ms"
    assert "also used in sites.yaml" in error_of(tmp_path, files)


def test_bad_date(tmp_path, files):
    files["pads.yaml"]["pads"][0]["history"][1]["from"] = "2025-13-28"
    assert error_of(tmp_path, files) == (
        "pads.yaml:5: pad 'baikonur-31-6': field 'history[1].from': '2025-13-28' is not a date (no such day)"
    )


def test_history_out_of_order(tmp_path, files):
    files["pads.yaml"]["pads"][0]["history"][1]["from"] = "1960-01-01"
    assert "does not come after 1961-01-14" in error_of(tmp_path, files)


def test_unknown_status(tmp_path, files):
    files["pads.yaml"]["pads"][0]["history"][0]["status"] = "flying"
    assert "field 'history[0].status': 'flying' is not one of" in error_of(tmp_path, files)


def test_bad_slug(tmp_path, files):
    files["launch_vehicles.yaml"]["launch_vehicles"][0]["id"] = "soyuz-2.1a"
    assert "is not a slug" in error_of(tmp_path, files)


def test_record_without_sources(tmp_path, files):
    files["sites.yaml"]["sites"][0]["sources"] = []
    assert error_of(tmp_path, files) == (
        "sites.yaml:2: site 'baikonur': field 'sources': at least one source is required"
    )


def test_invalid_yaml_names_the_line(tmp_path, files):
    directory = write(tmp_path / "catalog", files)
    (directory / "pads.yaml").write_text("pads:\n  - id: [unclosed\n")
    with pytest.raises(CatalogError, match=r"^pads.yaml:\d+: not valid YAML"):
        load_catalog(directory)


def test_missing_file(tmp_path, files):
    directory = write(tmp_path / "catalog", files)
    (directory / "events.yaml").unlink()
    with pytest.raises(CatalogError, match=r"^events\.yaml: file missing"):
        load_catalog(directory)


def test_shipped_catalog_copy_is_loadable(tmp_path):
    from explorer.paths import catalog_dir

    copy = shutil.copytree(catalog_dir(), tmp_path / "copy")
    assert load_catalog(copy).pads


# -- refused since the fault audit (issue "Nothing the user makes is lost") ---------------------
def write_text(tmp_path: Path, files: dict, name: str, text: str) -> Path:
    directory = write(tmp_path / "catalog", files)
    (directory / name).write_text(text)
    return directory


def test_duplicate_yaml_key_names_file_and_line(tmp_path, files):
    text = yaml.safe_dump(files["sites.yaml"], sort_keys=False).replace(
        "  name: Baikonur\n", "  name: Baikonur\n  name: Tyuratam\n"
    )
    directory = write_text(tmp_path, files, "sites.yaml", text)
    with pytest.raises(
        CatalogError, match=r"^sites\.yaml:\d+: not valid YAML: duplicate key 'name'$"
    ):
        load_catalog(directory)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2001-02-30", "'2001-02-30' is not a date (no such day)"),
        ("2001-02-03 10:00:00", "'2001-02-03 10:00:00' is a date and time; expected a date"),
        ("2001-02-03T10:00:00Z", "is a date and time"),
    ],
)
def test_impossible_or_timed_dates_are_refused(tmp_path, files, value, expected):
    text = yaml.safe_dump(files["events.yaml"], sort_keys=False).replace("'2025-11-27'", value)
    message = error_of_dir(write_text(tmp_path, files, "events.yaml", text))
    assert message.startswith("events.yaml:2: event 'ms-28-pad-damage': field 'date': ")
    assert expected in message


def error_of_dir(directory: Path) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_a_400_digit_latitude_is_out_of_range(tmp_path, files):
    files["sites.yaml"]["sites"][0]["lat_deg"] = int("9" * 400)
    message = error_of(tmp_path, files)
    assert (
        message.startswith("sites.yaml:")
        and "field 'lat_deg': a number too large is outside" in message
    )


def test_an_integer_of_thousands_of_digits_is_one_line(tmp_path, files):
    text = yaml.safe_dump(files["sites.yaml"], sort_keys=False).replace("45.9", "9" * 5000)
    assert error_of_dir(write_text(tmp_path, files, "sites.yaml", text)).startswith("sites.yaml")


def test_empty_name_is_refused(tmp_path, files):
    files["pads.yaml"]["pads"][0]["name"] = "  "
    assert error_of(tmp_path, files).endswith("field 'name': is empty")


def test_unknown_country_code_is_refused(tmp_path, files):
    files["sites.yaml"]["sites"][0]["country"] = "XXX"
    assert error_of(tmp_path, files).endswith("field 'country': unknown country code 'XXX'")
    files["sites.yaml"]["sites"][0]["country"] = "KAZ"
    files["nations.yaml"]["nations"][0]["territory"] = ["RUS", "SUX"]
    assert error_of(tmp_path, files).endswith("field 'territory': unknown country code 'SUX'")


def test_agreement_between_a_nation_and_itself_is_refused(tmp_path, files):
    files["agreements.yaml"]["agreements"] = [
        {
            "id": "self",
            "name": "Self",
            "provider": "RU",
            "beneficiary": "RU",
            "crew_vehicles": ["soyuz-ms"],
            "history": [{"from": "2020-01-01", "status": "in_force"}],
            "sources": SRC,
        }
    ]
    assert error_of(tmp_path, files).endswith("field 'beneficiary': 'RU' is also the provider")


def test_crewed_launch_from_a_pad_not_crew_capable_is_refused(tmp_path, files):
    files["crewed_launches.yaml"]["crewed_launches"][0]["date"] = "2025-12-01"  # pad damaged
    assert error_of(tmp_path, files).endswith(
        "field 'pad': 'baikonur-31-6' was damaged on 2025-12-01, not crew-capable"
    )


def test_a_fifo_in_the_catalog_folder_is_refused_not_read(tmp_path, files):
    import os

    directory = write(tmp_path / "catalog", files)
    (directory / "events.yaml").unlink()
    os.mkfifo(directory / "events.yaml")
    assert error_of_dir(directory) == "events.yaml: is a named pipe (FIFO), not a catalog file"


def test_an_earlier_territory_needs_its_end_date_and_known_codes(tmp_path):
    files = yaml.safe_load(yaml.safe_dump(FILES))
    russia = files["nations.yaml"]["nations"][0]
    russia["earlier_territory"] = ["SUN"]
    assert error_of(tmp_path, files) == (
        "nations.yaml:2: nation 'RU': field 'earlier_territory_until': missing"
    )
    russia["earlier_territory_until"] = "1991-12-26"
    russia["earlier_territory"] = ["XSU"]
    assert error_of(tmp_path, files) == (
        "nations.yaml:2: nation 'RU': field 'earlier_territory': unknown country code 'XSU'"
    )


def test_an_earlier_name_needs_the_date_it_ended(tmp_path):
    files = yaml.safe_load(yaml.safe_dump(FILES))
    files["nations.yaml"]["nations"][0]["earlier_name"] = "Soviet Union"
    assert error_of(tmp_path, files) == (
        "nations.yaml:2: nation 'RU': field 'earlier_territory_until': missing"
    )
