"""The details say why a nation's routes are missing, in the words of ``explorer.present``."""

from datetime import date

from explorer.domain.capability import assess
from explorer.domain.scenario import Scenario
from explorer.present.details import nation_html
from explorer.present.summary import summarize_nation
from explorer.present.words import IN_FORCE_BUT, WHY_NO_PARTNER


def _html(catalog, day, nation, scenario=None):
    report = assess(catalog, scenario or Scenario(), day)
    return nation_html(catalog, summarize_nation(catalog, report, nation), "#000")


def test_japan_2011_details_say_the_shuttle_retired_and_dragon_was_in_development(catalog):
    html = _html(catalog, date(2011, 8, 1), "JP")
    assert WHY_NO_PARTNER in html and IN_FORCE_BUT in html
    assert "<b>Space Shuttle orbiter</b>: retired since 2011-07-22" in html
    assert "<b>Crew Dragon (Dragon 2)</b>: in development since 2011-04-18" in html


def test_russia_after_the_pad_damage_names_the_cause_and_the_return(catalog):
    html = _html(catalog, date(2025, 11, 28), "RU")
    assert "Site 31/6: damaged since 2025-11-28, after Soyuz MS-28 launch collapses" in html
    assert "crew-capable again from 2026-03-22 (Progress MS-33" in html
    assert (
        "Russian cosmonauts on the Space Shuttle (Shuttle-Mir and ISS) (US): ended on 2011-07-22"
        in html
    )


def test_a_switched_off_agreement_is_named_as_switched_off(catalog):
    scenario = Scenario().with_enabled("us-ru-integrated-crew", False)
    html = _html(catalog, date(2025, 11, 28), "RU", scenario)
    assert "Roscosmos cosmonauts on Crew Dragon (US): switched off in this scenario" in html


def test_an_independent_nation_has_no_partner_section(catalog):
    assert WHY_NO_PARTNER not in _html(catalog, date(2025, 11, 28), "US")


def test_short_names_drop_only_a_closing_parenthesis_or_a_subtitle():
    from explorer.present.words import short_name

    assert short_name("Crew Dragon (Dragon 2)") == "Crew Dragon"
    assert short_name("Canadian (CSA) astronauts on Soyuz") == "Canadian (CSA) astronauts on Soyuz"
    assert short_name("NASA-Roscosmos integrated crew agreement: NASA astronauts") == (
        "NASA-Roscosmos integrated crew agreement"
    )
    assert short_name("Russia (Soviet Union until December 1991)") == "Russia"
