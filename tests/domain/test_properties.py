"""Engine invariants on random small catalogs (Hypothesis)."""

from datetime import date
from itertools import combinations

from factories import agreement, crew_vehicle, launch_vehicle, nation, pad, site
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.domain.capability import AccessStatus, Level, assess, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario

DAY = date(2020, 1, 1)
NATIONS = ["AA", "BB", "CC"]
LVS = ["l0", "l1", "l2"]
RANK = {AccessStatus.NONE: 0, AccessStatus.PARTNER: 1, AccessStatus.INDEPENDENT: 2}


@st.composite
def catalogs(draw) -> Catalog:
    start = "2000-01-01"
    n_pads = draw(st.integers(1, 4))
    pads = tuple(
        pad(
            f"p{i}",
            draw(st.sampled_from(["s0", "s1"])),
            draw(st.lists(st.sampled_from(LVS), min_size=1, max_size=3, unique=True)),
            (start, draw(st.sampled_from(["crew_capable", "crew_capable", "damaged"]))),
        )
        for i in range(n_pads)
    )
    lvs = tuple(
        launch_vehicle(
            lv, "AA", (start, draw(st.sampled_from(["crew_rated", "crew_rated", "grounded"])))
        )
        for lv in LVS
    )
    cvs = tuple(
        crew_vehicle(
            f"c{i}",
            draw(st.sampled_from(NATIONS)),
            draw(st.lists(st.sampled_from(LVS), min_size=1, max_size=2, unique=True)),
            (start, draw(st.sampled_from(["operational", "operational", "grounded"]))),
        )
        for i in range(3)
    )
    agreements = tuple(
        agreement(
            f"a{i}",
            draw(st.sampled_from(NATIONS)),
            draw(st.sampled_from(NATIONS)),
            draw(
                st.lists(st.sampled_from(["c0", "c1", "c2"]), min_size=1, max_size=2, unique=True)
            ),
            (start, draw(st.sampled_from(["in_force", "ended"]))),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Catalog(
        as_of=DAY,
        title="random",
        nations=tuple(nation(n) for n in NATIONS),
        sites=(site("s0"), site("s1")),
        pads=pads,
        launch_vehicles=lvs,
        crew_vehicles=cvs,
        agreements=agreements,
    )


def components(catalog: Catalog) -> list[str]:
    return [
        r.id
        for group in (
            catalog.pads,
            catalog.launch_vehicles,
            catalog.crew_vehicles,
            catalog.agreements,
        )
        for r in group
    ]


def below(status: AccessStatus, level: Level) -> bool:
    return (
        status is not AccessStatus.INDEPENDENT
        if level is Level.INDEPENDENT
        else status is AccessStatus.NONE
    )


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_switching_more_off_never_improves_access(data):
    catalog = data.draw(catalogs())
    ids = [*components(catalog), "s0", "s1"]
    more = data.draw(st.sets(st.sampled_from(ids)))
    fewer = data.draw(st.sets(st.sampled_from(sorted(more)))) if more else set()
    a = assess(catalog, Scenario.of(fewer), DAY)
    b = assess(catalog, Scenario.of(more), DAY)
    for n in NATIONS:
        assert RANK[b.nation(n).status] <= RANK[a.nation(n).status]


@settings(max_examples=150, deadline=None)
@given(catalog=catalogs())
def test_every_minimal_cut_set_cuts_and_no_proper_subset_does(catalog):
    base = assess(catalog, Scenario(), DAY)
    for access in base.nations:
        level = access.default_level
        if level is None:
            assert cut_sets(base, access.nation) == []
            continue
        for cut in cut_sets(base, access.nation, level, 3):
            after = assess(catalog, Scenario.of(cut), DAY).nation(access.nation)
            assert below(after.status, level)
            for kept in cut:
                partial = assess(catalog, Scenario.of(cut - {kept}), DAY).nation(access.nation)
                assert not below(partial.status, level)


@settings(max_examples=60, deadline=None)
@given(catalog=catalogs(), level=st.sampled_from(list(Level)))
def test_cut_sets_equal_brute_force_enumeration(catalog, level):
    base = assess(catalog, Scenario(), DAY)
    ids = components(catalog)
    grounding = {n: [] for n in NATIONS}
    for size in (1, 2, 3):
        for combo in combinations(ids, size):
            report = assess(catalog, Scenario.of(combo), DAY)
            for n in NATIONS:
                if below(base.nation(n).status, level):
                    continue
                cut = frozenset(combo)
                if below(report.nation(n).status, level) and not any(
                    g <= cut for g in grounding[n]
                ):
                    grounding[n].append(cut)
    for n in NATIONS:
        expected = sorted(grounding[n], key=lambda c: (len(c), sorted(c)))
        assert cut_sets(base, n, level, 3) == expected
        spofs = {next(iter(c)) for c in expected if len(c) == 1}
        if base.nation(n).default_level is level:
            assert set(base.nation(n).single_points_of_failure) == spofs
