"""The Open-PSA MEF export, analysed by a real MEF tool: SCRAM (Debian package `scram`) must
accept each file and find exactly the minimal cut sets that `cutsets` reports."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from explorer.domain.capability import Level, assess, cut_sets
from explorer.domain.fault_tree import mef_xml
from explorer.domain.scenario import Scenario

pytestmark = pytest.mark.skipif(
    shutil.which("scram") is None, reason="SCRAM is not installed (scripts/system_deps.sh)"
)


def scram_cut_sets(path) -> set[frozenset[str]]:
    result = subprocess.run(["scram", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout[-500:] + result.stderr[-500:]
    products = ET.fromstring(result.stdout).find("results/sum-of-products")
    return {
        frozenset(event.get("name") for event in product.findall("basic-event"))
        for product in products.findall("product")
    }


@pytest.mark.parametrize(
    ("nation", "day", "level", "off"),
    [
        ("RU", date(2025, 11, 26), None, ()),  # one route: three single points of failure
        ("RU", date(2025, 11, 26), Level.ANY, ()),  # plus the seat swap on Dragon
        ("RU", date(2025, 11, 28), None, ()),  # partner only after the pad damage
        ("US", date(2025, 11, 28), None, ()),  # two Dragon pads and Starliner
        ("US", date(2011, 7, 30), None, ()),  # Soyuz seats after the last Shuttle
        ("ESA", date(2025, 11, 28), Level.ANY, ("ksc-lc-39a",)),
        ("US", date(1985, 6, 1), None, ()),  # the Shuttle from two pads
        ("RU", date(1980, 6, 1), None, ()),  # two Soyuz families from two pads
    ],
)
def test_scram_finds_the_same_minimal_cut_sets_as_the_engine(
    catalog, tmp_path, nation, day, level, off
):
    report = assess(catalog, Scenario.of(off), day)
    path = tmp_path / f"{nation}.xml"
    path.write_text(mef_xml(catalog, report, nation, level), encoding="utf-8")
    expected = set(cut_sets(report, nation, level, max_size=None))
    assert expected, "the case must have access to lose"
    assert scram_cut_sets(path) == expected


def test_a_nation_without_access_is_a_tree_scram_reads_as_already_failed(catalog, tmp_path):
    report = assess(catalog, Scenario(), date(2025, 11, 28))
    path = tmp_path / "IN.xml"
    path.write_text(mef_xml(catalog, report, "IN", Level.ANY), encoding="utf-8")
    assert scram_cut_sets(path) == {frozenset()}  # the empty product: failed with no loss
