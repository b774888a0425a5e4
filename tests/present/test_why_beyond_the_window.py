"""Why partner routes vanished, and what a grounding is about, reach the CLI text, the JSON and
the report (issue 14, item 18 beyond the window), in the words the details pane uses."""

import shutil
import subprocess
from datetime import date

import pytest
from program import by_id, run, run_json, run_program

from explorer.domain.capability import assess
from explorer.domain.scenario import Scenario
from explorer.present.html_report import report_html
from explorer.present.text import WIDTH
from explorer.present.words import IN_FORCE_BUT, WHY_GROUNDED, WHY_NO_PARTNER

SITE_31_6_DAMAGE = "Site 31/6: damaged since 2025-11-28, after Soyuz MS-28 launch collapses"
SITE_31_6_RETURN = "crew-capable again from 2026-03-22 (Progress MS-33"


def _section(text: str, heading: str) -> str:
    """One "why" section of the capability text, its wrapped lines rejoined."""
    body = text.split(f"\n{heading}:\n")[1].split("\n\n")[0]
    return " ".join(body.split())


def _nation_part(section: str, nation: str, following: str) -> str:
    return section.split(f" {nation} ", 1)[1].split(f" {following} ", 1)[0]


# -- the CLI text ----------------------------------------------------------------------------
def test_capability_text_names_the_shuttles_retirement_for_japan_in_2011():
    text = run("capability", "--date", "2011-08-01").stdout
    japan = _nation_part(" " + _section(text, WHY_NO_PARTNER), "JP", "CA")
    assert japan.startswith(f"Japanese (NASDA/JAXA) astronauts on US vehicles (US): {IN_FORCE_BUT}")
    assert "Space Shuttle orbiter: retired since 2011-07-22" in japan
    assert "Crew Dragon (Dragon 2): in development since 2011-04-18" in japan


def test_capability_text_names_the_pad_damage_its_cause_and_return():
    text = run("capability", "--date", "2025-11-28").stdout
    own = _section(text, WHY_GROUNDED)
    assert SITE_31_6_DAMAGE in own and SITE_31_6_RETURN in own
    partner = _section(text, WHY_NO_PARTNER)
    assert (
        "RU Russian cosmonauts on the Space Shuttle (Shuttle-Mir and ISS) (US): ended on "
        "2011-07-22" in partner
    )
    assert "JP JAXA astronauts on Russian Soyuz (RU): " + IN_FORCE_BUT in partner


def test_capability_text_says_an_agreement_was_switched_off():
    text = run("capability", "--date", "2025-11-28", "--off", "us-ru-integrated-crew").stdout
    assert "Roscosmos cosmonauts on Crew Dragon (US): switched off in this scenario" in (
        _section(text, WHY_NO_PARTNER)
    )


@pytest.mark.parametrize("day", ["2025-11-28", "2011-08-01", "2003-03-01", "1975-07-16"])
def test_the_explanations_fit_a_terminal_of_100_columns(day):
    text = run("capability", "--date", day).stdout
    why = text.split(f"\n{WHY_GROUNDED}:\n", 1)[1]
    assert why.splitlines() and all(len(line) <= WIDTH for line in why.splitlines())


def test_a_spell_is_told_once_in_the_text_even_when_several_nations_wait_on_it():
    text = run("capability", "--date", "2025-11-28").stdout  # Soyuz MS holds RU, JP and CA
    assert " ".join(text.split()).count(SITE_31_6_DAMAGE) == 1


# -- the JSON --------------------------------------------------------------------------------
def test_json_partner_gaps_for_japan_in_2011_name_agreement_reason_and_dates():
    japan = by_id(run_json("capability", "--date", "2011-08-01"), "JP")
    gap = next(g for g in japan["partner_gaps"] if g["agreement"] == "us-jp-crew")
    assert gap["name"] == "Japanese (NASDA/JAXA) astronauts on US vehicles"
    assert gap["provider"] == "US" and gap["reason"] == "in_force"
    assert gap["spell"]["since"] == "1992-09-12"
    shuttle = next(v for v in gap["vehicles"] if v["crew_vehicle"] == "shuttle-orbiter")
    (obstacle,) = shuttle["obstacles"]
    assert obstacle["reason"] == "retired"
    assert obstacle["spell"] == {
        "status": "retired",
        "since": "2011-07-22",
        "until": None,
        "cause": None,
        "back": None,
    }
    assert shuttle["own_text"] == "retired since 2011-07-22"


def test_json_grounding_names_its_cause_event_and_return_date():
    russia = by_id(run_json("capability", "--date", "2025-11-28"), "RU")
    soyuz = next(g for g in russia["grounded"] if g["crew_vehicle"] == "soyuz-ms")
    pad = next(o for o in soyuz["obstacles"] if o["id"] == "baikonur-31-6")
    spell = pad["spell"]
    assert (spell["status"], spell["since"], spell["until"]) == (
        "damaged",
        "2025-11-28",
        "2026-03-22",
    )
    assert spell["cause"]["date"] == "2025-11-27" and spell["cause"]["kind"] == "pad-damage"
    assert spell["back"]["title"].startswith("Progress MS-33")
    assert any(SITE_31_6_DAMAGE in d for d in soyuz["details"])
    ended = next(g for g in russia["partner_gaps"] if g["agreement"] == "us-ru-shuttle-cosmonauts")
    assert ended["reason"] == "ended" and ended["spell"]["since"] == "2011-07-22"


def test_json_a_switched_off_agreement_has_reason_switched_off():
    data = run_json("capability", "--date", "2025-11-28", "--off", "us-ru-integrated-crew")
    gaps = {g["agreement"]: g for g in by_id(data, "RU")["partner_gaps"]}
    assert gaps["us-ru-integrated-crew"]["reason"] == "switched_off"
    assert gaps["us-ru-integrated-crew"]["text"].endswith("switched off in this scenario")


def test_json_an_independent_nation_has_no_partner_gaps():
    assert "partner_gaps" not in by_id(run_json("capability", "--date", "2025-11-28"), "US")


# -- the report ------------------------------------------------------------------------------
def test_report_names_the_pad_damage_and_why_partner_routes_are_missing(catalog):
    html = report_html(catalog, assess(catalog, Scenario(), date(2025, 11, 28)))
    assert SITE_31_6_DAMAGE in html and SITE_31_6_RETURN in html
    assert f"<h2>{WHY_NO_PARTNER}</h2>" in html
    assert "JAXA astronauts on Russian Soyuz (RU): " + IN_FORCE_BUT in html
    assert "<b>Soyuz TMA</b>: retired since 2011-11-15" in html


def test_report_for_2011_names_the_shuttles_retirement_for_japan(catalog):
    html = report_html(catalog, assess(catalog, Scenario(), date(2011, 8, 1)))
    japan = html.split("<b>Japan (JP)</b>")[-1]  # the last mention: the partner section
    assert "Japanese (NASDA/JAXA) astronauts on US vehicles (US)" in japan
    assert "<b>Space Shuttle orbiter</b>: retired since 2011-07-22" in japan


def test_report_sources_cover_the_agreements_without_a_route(catalog):
    html = report_html(catalog, assess(catalog, Scenario(), date(2011, 8, 1)))
    sources = html.split("<h2>Sources</h2>")[1]
    assert "(us-jp-crew), agreement:" in sources
    assert "(shuttle-orbiter), crew vehicle:" in sources


def test_report_sources_cite_the_events_a_grounding_is_told_by(catalog):
    html = report_html(catalog, assess(catalog, Scenario(), date(2025, 11, 28)))
    sources = html.split("<h2>Sources</h2>")[1]
    cause = next(
        e for e in catalog.events if e.kind == "pad-damage" and e.day == date(2025, 11, 27)
    )
    assert cause.sources
    assert f"{cause.title} (2025-11-27), event: " in sources
    assert cause.sources[0] in sources
    assert "Progress MS-33" in sources.split("(2025-11-27), event:")[1]  # the return, after it


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.slow
def test_the_pdf_report_names_the_pad_damage_and_its_return_date(tmp_path):
    out = tmp_path / "report.pdf"
    result = run_program("report", "--out", str(out), "--date", "2025-11-28")
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert WHY_NO_PARTNER in flat
    assert "Site 31/6: damaged since 2025-11-28" in flat
    assert "crew-capable again from 2026-03-22" in flat
