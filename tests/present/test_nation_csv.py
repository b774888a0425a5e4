"""The nation table as CSV: a header block saying what it shows, names beside ids, no dashes."""

import csv
import io
from datetime import date
from pathlib import Path

from program import run

from explorer.domain.capability import assess
from explorer.domain.scenario import Scenario
from explorer.present.captions import export_caption
from explorer.present.nation_csv import COLUMNS, nations_csv
from explorer.present.summary import summarize

PRESET = Path(__file__).resolve().parents[2] / "resources" / "presets" / "baikonur-lease-lost.json"


def parse(text: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = "\n".join(line for line in lines if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    return comments, rows


def test_names_with_commas_stay_in_one_cell_and_ids_stand_beside(catalog):
    summary = summarize(catalog, assess(catalog, Scenario(), date(2025, 11, 28)))
    comments, rows = parse(nations_csv(catalog, summary))
    assert comments[:2] == ["# date: 2025-11-28", "# scenario: Baseline"]
    assert comments[2].endswith(f"as of {catalog.as_of.isoformat()}")
    assert list(rows[0]) == list(COLUMNS)
    china = next(r for r in rows if r["nation_id"] == "CN")
    pad = catalog.get("jiuquan-921")
    assert "," in pad.name  # "Launch Area 4, pad 921 ...": the list separator is "; "
    assert china["usable_pads"] == f"{pad.name} (jiuquan-921)"
    assert china["usable_pad_ids"] == "jiuquan-921"
    india = next(r for r in rows if r["nation_id"] == "IN")
    assert india["smallest_cut"] == "" and india["single_point_of_failure_ids"] == ""


def test_a_projection_date_says_so_in_the_header(catalog):
    later = date(catalog.as_of.year + 2, 1, 1)
    summary = summarize(catalog, assess(catalog, Scenario(), later))
    comments, _ = parse(nations_csv(catalog, summary, "  Two\nlines  "))
    assert "# scenario: Two lines" in comments  # a title's line break cannot end the comment
    assert any(c.startswith("# note: ") for c in comments)
    assert all("\n" not in c for c in comments)


def test_capability_csv_from_the_command_line_is_the_export(catalog):
    result = run("capability", "--csv", "--scenario", str(PRESET))
    assert result.returncode == 0, result.stderr
    comments, rows = parse(result.stdout)
    assert comments[1] == "# scenario: Baikonur lease lost"
    assert comments[3] == f"# switched off: {catalog.get('baikonur').name} (baikonur)"
    assert {r["nation_id"] for r in rows} == {n.id for n in catalog.nations}
    assert next(r for r in rows if r["nation_id"] == "RU")["access"] == "via partner"


def test_csv_and_json_together_are_a_one_line_error():
    result = run("capability", "--csv", "--json")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_caption_words():
    assert export_caption(date(2025, 11, 28), "", date(2026, 5, 24)) == (
        "Crewed access on 2025-11-28 · Baseline · dataset as of 2026-05-24"
    )
    assert "· Pad lost ·" in export_caption(date(2025, 11, 28), " Pad\n lost ", date(2026, 5, 24))
