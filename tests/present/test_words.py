"""One wording per thing: every status, kind and reason has its words, and they agree."""

from datetime import date

import pytest
from factories import mini_world

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.catalog import UnknownIdError
from explorer.domain.entities import (
    AgreementStatus,
    ComponentKind,
    CrewVehicleStatus,
    DestinationStatus,
    LaunchVehicleStatus,
    PadStatus,
)
from explorer.domain.errors import ExplorerError
from explorer.domain.obstacles import Blocked
from explorer.domain.scenario import Scenario
from explorer.present.summary import summarize
from explorer.present.words import (
    ACCESS_RANK,
    ACCESS_WORDS,
    KIND_LABELS,
    reason_word,
    source_html,
    status_word,
)

ENUMS = (PadStatus, LaunchVehicleStatus, CrewVehicleStatus, AgreementStatus, DestinationStatus)


@pytest.mark.parametrize("status", [s for enum in ENUMS for s in enum])
def test_every_record_status_has_words_without_underscores(status):
    word = status_word(status)
    assert word and "_" not in word


def test_the_same_status_reads_the_same_for_every_kind():
    """Regression: "crew-rated" in the tree but "crew rated" in the details; "development" in
    one place, "in development" in another."""
    assert status_word(LaunchVehicleStatus.CREW_RATED) == "crew-rated"
    assert status_word(LaunchVehicleStatus.DEVELOPMENT) == "in development"
    assert status_word(CrewVehicleStatus.DEVELOPMENT) == "in development"
    assert status_word(PadStatus.UNCREWED_ONLY) == status_word(LaunchVehicleStatus.UNCREWED_ONLY)
    assert status_word(None, ComponentKind.PAD) == "not yet built"
    assert reason_word(Blocked.SWITCHED_OFF) == "switched off"
    assert reason_word(PadStatus.DAMAGED, ComponentKind.PAD) == "damaged"


def test_access_words_and_rank_cover_every_status_best_first():
    assert set(ACCESS_WORDS) == set(AccessStatus) == set(ACCESS_RANK)
    assert len(set(ACCESS_WORDS.values())) == len(AccessStatus)
    assert sorted(AccessStatus, key=ACCESS_RANK.get)[0] is AccessStatus.INDEPENDENT
    assert set(KIND_LABELS) == set(ComponentKind)


def test_sources_become_links_only_when_they_are_web_addresses():
    assert source_html("https://a.example/x?a=1&b=2") == (
        '<a href="https://a.example/x?a=1&amp;b=2">https://a.example/x?a=1&amp;b=2</a>'
    )
    assert source_html("NASA <press kit>") == "NASA &lt;press kit&gt;"


def test_resolve_names_a_nation_or_a_record_in_one_lookup():
    world = mini_world()
    ru = world.resolve("ru")
    assert ru.is_nation and ru.id == "RU" and ru.kind is None
    pad = world.resolve("baikonur-31-6")
    assert pad.kind is ComponentKind.PAD and pad.record.id == "baikonur-31-6"
    assert world.find("nothing") is None
    with pytest.raises(UnknownIdError, match="closest: baikonur-31-6"):
        world.resolve("baikonur-31-7")


def test_every_error_a_user_can_cause_is_an_explorer_error():
    from explorer.cli import OutputError, UsageError
    from explorer.loaders.basemap import BasemapError
    from explorer.loaders.catalog import CatalogError
    from explorer.loaders.scenario_file import ScenarioFileError
    from explorer.qt.report import ReportError
    from explorer.qt.screenshot import ScreenshotError

    for error in (
        UnknownIdError,
        CatalogError,
        ScenarioFileError,
        BasemapError,
        ReportError,
        ScreenshotError,
        UsageError,
        OutputError,
    ):
        assert issubclass(error, ExplorerError), error
    assert issubclass(UnknownIdError, KeyError) and issubclass(CatalogError, ValueError)


def test_a_summary_grounds_exactly_the_nations_without_own_access():
    world = mini_world()
    summary = summarize(world, assess(world, Scenario(), date(2025, 11, 28)))
    for n in summary.nations:
        assert bool(n.grounded) == (n.status is not AccessStatus.INDEPENDENT and n.has_own_vehicle)
        assert all(p.grounds >= 1 for p in n.single_points)
        assert all(len(c) <= n.max_cut_size for c in n.cut_sets)
