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
    assert error_of(tmp_path, files) == "pads.yaml: pad 'baikonur-31-6': field 'lat_deg': missing"


def test_wrong_type(tmp_path, files):
    files["crew_vehicles.yaml"]["crew_vehicles"][0]["seats"] = "three"
    assert error_of(tmp_path, files) == (
        "crew_vehicles.yaml: crew vehicle 'soyuz-ms': field 'seats': expected a number, got 'three'"
    )


def test_dangling_reference(tmp_path, files):
    files["pads.yaml"]["pads"][0]["site"] = "baikonurr"
    assert error_of(tmp_path, files) == (
        "pads.yaml: pad 'baikonur-31-6': field 'site': unknown site 'baikonurr'"
    )


def test_duplicate_id(tmp_path, files):
    vehicles = files["launch_vehicles.yaml"]["launch_vehicles"]
    vehicles.append(dict(vehicles[0]))
    assert error_of(tmp_path, files) == (
        "launch_vehicles.yaml: launch vehicle 'soyuz-2-1a': field 'id': duplicate id 'soyuz-2-1a'"
    )


def test_id_shared_by_two_kinds(tmp_path, files):
    files["sites.yaml"]["sites"][0]["id"] = "soyuz-ms"
    files["pads.yaml"]["pads"][0]["site"] = "soyuz-ms"
    assert "also used in sites.yaml" in error_of(tmp_path, files)


def test_bad_date(tmp_path, files):
    files["pads.yaml"]["pads"][0]["history"][1]["from"] = "2025-13-28"
    assert error_of(tmp_path, files) == (
        "pads.yaml: pad 'baikonur-31-6': field 'history[1].from': '2025-13-28' is not a date (YYYY-MM-DD)"
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
        "sites.yaml: site 'baikonur': field 'sources': at least one source is required"
    )


def test_invalid_yaml_names_the_line(tmp_path, files):
    directory = write(tmp_path / "catalog", files)
    (directory / "pads.yaml").write_text("pads:\n  - id: [unclosed\n")
    with pytest.raises(CatalogError, match=r"^pads.yaml: not valid YAML at line \d+"):
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
