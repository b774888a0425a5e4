"""The catalog audit (`python main.py check`): each rule on small hand-made catalogs, then the shipped one."""

from dataclasses import replace
from datetime import date

import pytest
from factories import crew_vehicle, launch_vehicle, mini_world, nation, pad, site
from hypothesis import given
from hypothesis import strategies as st
from program import run

from explorer import cli
from explorer.domain.audit import (
    REJECTED_SOURCES,
    Check,
    SourceProblem,
    audit,
    passes_source_rule,
    source_problem,
)
from explorer.domain.catalog import Catalog
from explorer.domain.entities import CrewedLaunch, Event, StatusChange

D = date.fromisoformat
WIKI = "https://en.wikipedia.org/wiki/Soyuz_MS-28"


def launch(day: str, pad_id: str = "baikonur-31-6", lv: str = "soyuz-2-1a", cv: str = "soyuz-ms"):
    return CrewedLaunch(
        f"launch-{day}", D(day), f"Mission {day}", "RU", cv, lv, pad_id, sources=(WIKI,)
    )


def world(*launches: CrewedLaunch, events: tuple[Event, ...] = (), **changes) -> Catalog:
    base = mini_world()
    fields = {
        "as_of": base.as_of,
        "title": base.title,
        "nations": base.nations,
        "sites": base.sites,
        "pads": base.pads,
        "launch_vehicles": base.launch_vehicles,
        "crew_vehicles": base.crew_vehicles,
        "agreements": base.agreements,
        "crewed_launches": launches,
        "events": events,
    }
    return Catalog(**(fields | changes))


def checks(catalog: Catalog) -> list[tuple[Check, str, str]]:
    return [(f.check, f.record, f.field) for f in audit(catalog)]


def test_a_consistent_catalog_is_clean():
    assert audit(world(launch("2025-11-27"), launch("2026-04-01"))) == ()


def test_a_launch_from_a_damaged_pad_is_found():
    # Site 31/6 is damaged from 2025-11-28 to 2026-03-06 in the mini world.
    findings = audit(world(launch("2026-01-15")))
    assert [(f.check, f.file, f.record, f.field) for f in findings] == [
        (Check.PAD, "crewed_launches.yaml", "launch-2026-01-15", "pad"),
        # ... and the pad's damage outlives that recorded flight.
        (Check.GROUNDING, "pads.yaml", "baikonur-31-6", "history[1]"),
    ]
    assert "damaged on 2026-01-15" in findings[0].message
    assert findings[0].line().startswith("crewed_launches.yaml: launch-2026-01-15: pad: ")


def test_a_launch_on_a_grounded_rocket_is_found_twice():
    grounded = launch_vehicle(
        "soyuz-2-1a", "RU", ("2004-01-01", "crew_rated"), ("2025-01-01", "grounded")
    )
    found = checks(world(launch("2025-06-01"), launch_vehicles=(grounded,)))
    assert (Check.LAUNCH_VEHICLE, "launch-2025-06-01", "launch_vehicle") in found
    # The grounding outlives a recorded flight of that vehicle.
    assert (Check.GROUNDING, "soyuz-2-1a", "history[1]") in found


def test_a_launch_before_the_crew_vehicle_is_operational_is_found():
    late = crew_vehicle("soyuz-ms", "RU", ["soyuz-2-1a"], ("2030-01-01", "operational"))
    found = checks(world(launch("2025-06-01"), crew_vehicles=(late,)))
    assert found == [(Check.CREW_VEHICLE, "launch-2025-06-01", "crew_vehicle")]


def test_a_pad_that_does_not_serve_the_rocket_is_found():
    wrong = pad("baikonur-31-6", "baikonur", ["falcon-9"], ("1961-01-01", "crew_capable"))
    pads = (wrong, *mini_world().pads[1:])
    assert checks(world(launch("2025-06-01"), pads=pads)) == [
        (Check.ROUTE, "launch-2025-06-01", "pad")
    ]


def test_a_grounding_that_outlives_a_return_to_flight_event_is_found():
    long_grounding = launch_vehicle(
        "falcon-9",
        "US",
        ("2020-05-30", "crew_rated"),
        ("2024-08-29", "grounded"),
        ("2024-09-10", "crew_rated"),
    )
    flight = Event(
        "rtf",
        D("2024-08-31"),
        "Falcon 9 flies again",
        "return-to-flight",
        components=("falcon-9",),
        sources=(WIKI,),
    )
    findings = audit(
        world(
            events=(flight,),
            launch_vehicles=(
                mini_world().launch_vehicles[0],
                long_grounding,
                mini_world().launch_vehicles[2],
            ),
        )
    )
    assert [(f.check, f.record, f.field) for f in findings] == [
        (Check.GROUNDING, "falcon-9", "history[1]")
    ]
    assert "until 2024-09-10, but flew on 2024-08-31" in findings[0].message
    # Ending the grounding at that flight, as the convention says, makes it clean.
    fixed = replace(
        long_grounding,
        history=type(long_grounding.history)(
            (
                *long_grounding.history.changes[:2],
                StatusChange(D("2024-08-31"), long_grounding.history.changes[2].status),
            )
        ),
    )
    assert (
        audit(
            world(
                events=(flight,),
                launch_vehicles=(
                    mini_world().launch_vehicles[0],
                    fixed,
                    mini_world().launch_vehicles[2],
                ),
            )
        )
        == ()
    )


def test_an_accident_event_does_not_count_as_a_flight():
    accident = Event(
        "boom",
        D("2025-11-27"),
        "Pad damage",
        "pad-damage",
        components=("baikonur-31-6",),
        sources=(WIKI,),
    )
    assert audit(world(events=(accident,))) == ()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://108.161.137.60/piglix/Baikonour_Kosmodrome", SourceProblem.IP_HOST),
        ("https://[2001:db8::1]/page", SourceProblem.IP_HOST),
        ("https://fanyv88.com:443/https/wn.com/Vostok_rocket", SourceProblem.IP_HOST),
        ("https://cfipb.data.cloudns.org/news/search?form=X&q=site", SourceProblem.SEARCH_RESULT),
        ("https://www.bing.com/search?q=Soyuz", SourceProblem.SEARCH_RESULT),
        ("https://example.org/view_html.php?lang=en&q=Salyut_7", SourceProblem.SEARCH_RESULT),
        ("https://foo.ddns-ip.net/news/article", SourceProblem.DYNAMIC_DNS),
        ("https://mypad.duckdns.org/", SourceProblem.DYNAMIC_DNS),
        ("https://starconnectmedia.com/a-giant-leap-back/", SourceProblem.CONTENT_FARM),
        ("https://prepliberty.com/upsc/x", SourceProblem.CONTENT_FARM),
        ("https://wikimili.com/en/Voskhod_1", SourceProblem.MIRROR),
        ("http://www.thefullwiki.org/Salyut_5", SourceProblem.MIRROR),
        ("http://community.worldheritage.org/articles/eng/Soyuz_TM-34", SourceProblem.MIRROR),
    ],
)
def test_the_source_rule_rejects_each_kind(url, problem):
    rule = source_problem(url)
    assert rule is not None and rule.problem is problem
    assert rule in REJECTED_SOURCES


@pytest.mark.parametrize(
    "source",
    [
        "https://en.wikipedia.org/wiki/Gagarin%27s_Start",
        "https://ru.wikipedia.org/wiki/Байконур",
        "https://www.nasa.gov/image-detail/amf-51l-s-156/",
        "https://spaceflightnow.com/2026/02/06/spacex-shifts-away-from-dragon-launches-at-pad-39a",
        "https://planet4589.org/space/log/launchlog.txt",
        "https://research.example.edu/results/2024",
        "J. McDowell, General Catalog of Artificial Space Objects, launch list (2024)",
    ],
)
def test_the_source_rule_accepts_reputable_sources_and_notes(source):
    assert passes_source_rule(source)


@given(
    st.tuples(*[st.integers(0, 255)] * 4),
    st.sampled_from(["http", "https"]),
    st.text(alphabet="abcdefghij/_-", max_size=20),
)
def test_every_bare_ipv4_host_is_rejected(octets, scheme, path):
    url = f"{scheme}://{'.'.join(map(str, octets))}/{path}"
    assert source_problem(url).problem is SourceProblem.IP_HOST


def test_a_mirror_is_kept_only_beside_a_reputable_source():
    only_mirror = replace(nation("RU"), sources=("https://wikimili.com/en/Russia",))
    beside = replace(nation("RU"), sources=("https://wikimili.com/en/Russia", WIKI))
    nations = mini_world().nations
    found = checks(world(nations=(only_mirror, *nations[1:])))
    assert found == [(Check.SOURCE, "RU", "sources"), (Check.SOURCE, "RU", "sources")]
    assert audit(world(nations=(beside, *nations[1:]))) == ()


def test_a_content_farm_is_never_kept_even_beside_a_reputable_source():
    farm = replace(site("baikonur"), sources=(WIKI, "https://hgruson.fr/pu8gh/cap-canaveral"))
    sites = mini_world().sites
    findings = audit(world(sites=(farm, *sites[1:])))
    assert [(f.file, f.record, f.field) for f in findings] == [
        ("sites.yaml", "baikonur", "sources")
    ]
    assert findings[0].message.startswith("content farm: ")


def test_history_sources_are_checked_with_their_field():
    pad_ = mini_world().pads[1]
    bad = replace(
        pad_,
        history=type(pad_.history)(
            (replace(pad_.history.changes[0], sources=("https://www.liquisearch.com/lc-39b",)),)
        ),
    )
    found = checks(world(pads=(mini_world().pads[0], bad, *mini_world().pads[2:])))
    assert found == [(Check.SOURCE, "ksc-lc-39a", "history[0].sources")]


def test_the_shipped_catalog_is_clean():
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("clean: ")


def test_check_prints_one_line_per_finding_and_exits_1(monkeypatch, capsys):
    broken = world(launch("2026-01-15"))
    monkeypatch.setattr("explorer.loaders.catalog.load_catalog", lambda: broken)
    assert cli.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "crewed_launches.yaml: launch-2026-01-15: pad: baikonur-31-6 is damaged on 2026-01-15, "
        "not crew_capable",
        "pads.yaml: baikonur-31-6: history[1]: damaged from 2025-11-28 until 2026-03-06, "
        "but flew on 2026-01-15 (Mission 2026-01-15)",
    ]
    assert err.strip() == "2 findings in 19 records"
