"""reach.yaml: loaded when present, each problem one line naming file, record and field."""

import re
import shutil

import pytest

from explorer.loaders.catalog import CatalogError, load_catalog
from explorer.paths import catalog_dir


@pytest.fixture
def folder(tmp_path):
    for path in catalog_dir().glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_catalog_loads_without_reach_yaml(folder):
    (folder / "reach.yaml").unlink()
    assert load_catalog(folder).reach.services == ()


def test_shipped_reach_data_is_loaded():
    reach = load_catalog().reach
    assert any(s.crew_vehicle == "shenzhou" and s.destination == "tiangong" for s in reach.services)
    assert reach.vehicle("falcon-9").drop_zones[0].downrange_km == 322
    assert all(s.sources for s in reach.services)


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "destination: salyut-1,",
            "destination: atlantis,",
            "service 'soyuz-7k' -> 'atlantis': field 'destination': unknown destination 'atlantis'",
        ),
        (
            'max_deg: 120\n    confidence: published\n    note: "Eastern',
            'max_deg: 400\n    confidence: published\n    note: "Eastern',
            "site constraint 'ksc': field 'max_deg': 400 is outside [0, 360]",
        ),
        (
            'confidence: observed\n    note: "51.6',
            'confidence: maybe\n    note: "51.6',
            "site constraint 'baikonur': field 'confidence': 'maybe' is not one of",
        ),
        (
            "downrange_km: 322",
            "downrange_km: far",
            "drop_zones[0]: field 'downrange_km': expected a number",
        ),
        (
            "kind: inclinations\n    values_deg: [51.6]\n    confidence: observed",
            "kind: inclinations\n    values_deg: []\n    confidence: observed",
            "field 'values_deg'",
        ),
    ],
)
def test_bad_reach_records_name_file_record_and_field(folder, old, new, message):
    path = folder / "reach.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    assert re.match(r"^reach\.yaml:\d+: ", str(info.value))  # the file and the record's line
    assert message in str(info.value)
    assert "\n" not in str(info.value)
