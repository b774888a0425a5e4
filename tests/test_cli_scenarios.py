"""`--scenario FILE`, `report` and `export-mef`: in-process through `main`; the commands that
render with Qt run as a user would, `python main.py ...` (slow)."""

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from program import by_id, run, run_json, run_program

from explorer.loaders.scenario_file import SavedScenario, View, write_scenario


@pytest.fixture
def scenario(tmp_path) -> Path:
    saved = SavedScenario(
        date(2025, 11, 26),
        ("baikonur-31-6",),
        "RU",
        View((40.0, 90.0), (30.0, 60.0)),
        title="Russia without Site 31/6",
        notes="A what-if.",
    )
    return write_scenario(tmp_path / "what-if.json", saved)


def test_scenario_date_and_off_ids_apply(scenario):
    data = run_json("capability", "--scenario", str(scenario))
    assert data["date"] == "2025-11-26" and data["off"] == ["baikonur-31-6"]
    assert by_id(data, "RU")["status"] == "partner"


def test_explicit_date_overrides_and_off_adds(scenario):
    data = run_json(
        "capability", "--scenario", str(scenario), "--date", "2024-01-01", "--off", "crew-dragon"
    )
    assert data["date"] == "2024-01-01"
    assert data["off"] == ["baikonur-31-6", "crew-dragon"]
    assert by_id(data, "RU")["status"] == "none"


def test_cutsets_and_timeline_accept_a_scenario(scenario):
    cuts = run_json("cutsets", "--nation", "RU", "--scenario", str(scenario))
    assert cuts["level"] == "any" and cuts["off"] == ["baikonur-31-6"]
    line = run_json(
        "timeline",
        "--nation",
        "RU",
        "--from",
        "2025-11-01",
        "--to",
        "2025-12-01",
        "--scenario",
        str(scenario),
    )
    assert line["off"] == ["baikonur-31-6"]
    assert {i["status"] for i in line["nations"][0]["intervals"]} == {"partner"}


def test_a_scenario_with_ids_the_dataset_lacks_warns_and_applies_the_rest(tmp_path):
    path = tmp_path / "old.json"
    data = json.loads(SavedScenario(date(2025, 11, 26), ("baikonur-31-6",)).to_json())
    data["off"].append("pad-that-was-renamed")
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("capability", "--scenario", str(path), "--json")
    assert result.returncode == 0
    assert "pad-that-was-renamed" in result.stderr and len(result.stderr.splitlines()) == 1
    assert json.loads(result.stdout)["off"] == ["baikonur-31-6"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"schema": "launch-site-explorer/scen', "not valid JSON"),
        (
            '{"schema": "launch-site-explorer/scenario", "version": 9, "date": "2025-01-01"}',
            "version 9 is newer",
        ),
        (None, "no such file"),
    ],
)
def test_a_bad_scenario_file_exits_2_with_one_line(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for command in (
        ["capability"],
        ["cutsets", "--nation", "RU"],
        ["report", "--out", str(tmp_path / "x.html")],
    ):
        result = run(*command, "--scenario", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert expected in line and "bad.json" in line


@pytest.mark.slow
def test_report_html_uses_the_scenario(scenario, tmp_path):
    out = tmp_path / "report.html"
    result = run_program("report", "--out", str(out), "--scenario", str(scenario))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Russia without Site 31/6" in html and "A what-if." in html
    assert "2025-11-26" in html and "data:image/png;base64," in html
    assert "Site 31/6 (baikonur-31-6)" in html


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.slow
def test_report_pdf_renders_with_pdftoppm(tmp_path):
    out = tmp_path / "report.pdf"
    result = run_program("report", "--out", str(out), "--date", "2025-11-28")
    assert result.returncode == 0, result.stderr
    rendered = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")],
        capture_output=True,
        text=True,
    )
    assert rendered.returncode == 0, rendered.stderr
    assert len(list(tmp_path.glob("page-*.png"))) >= 2


def test_report_refuses_other_suffixes(tmp_path):
    result = run("report", "--out", str(tmp_path / "report.docx"))
    assert result.returncode == 2 and ".html or .pdf" in result.stderr


def test_export_mef_matches_the_engine(tmp_path):
    from explorer.domain.capability import Level, assess
    from explorer.domain.fault_tree import mef_xml
    from explorer.domain.scenario import Scenario
    from explorer.loaders.catalog import load_catalog

    out = tmp_path / "ru.xml"
    result = run(
        "export-mef",
        "--nation",
        "ru",
        "--out",
        str(out),
        "--date",
        "2025-11-26",
        "--level",
        "any",
        "--off",
        "ksc-lc-39a",
    )
    assert result.returncode == 0, result.stderr
    catalog = load_catalog()
    report = assess(catalog, Scenario.of(["ksc-lc-39a"]), date(2025, 11, 26))
    assert out.read_text(encoding="utf-8") == mef_xml(catalog, report, "RU", Level.ANY)
    root = ET.parse(out).getroot()
    assert root.tag == "opsa-mef" and root.find("define-fault-tree/define-gate") is not None


def test_export_mef_takes_a_scenario_and_rejects_unknown_nations(scenario, tmp_path):
    out = tmp_path / "ru.xml"
    assert (
        run(
            "export-mef", "--nation", "RU", "--out", str(out), "--scenario", str(scenario)
        ).returncode
        == 0
    )
    events = {e.get("name") for e in ET.parse(out).getroot().iter("define-basic-event")}
    assert "baikonur-31-6" not in events and "crew-dragon" in events
    bad = run("export-mef", "--nation", "XX", "--out", str(out))
    assert bad.returncode == 2 and "unknown nation 'XX'" in bad.stderr


@pytest.mark.slow
def test_screenshot_accepts_a_scenario(scenario, tmp_path):
    out = tmp_path / "shot.png"
    result = run_program(
        "screenshot", "--out", str(out), "--size", "800x500", "--scenario", str(scenario)
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_a_report_into_a_missing_folder_is_one_line(tmp_path):
    result = run("report", "--out", str(tmp_path / "missing" / "r.pdf"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"launch-site-explorer: error: cannot write {tmp_path / 'missing' / 'r.pdf'}: "
        f"the folder {tmp_path / 'missing'} does not exist"
    )
