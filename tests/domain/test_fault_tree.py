"""The Open-PSA MEF fault tree: its structure, and its minimal cut sets equal the engine's.

The cut sets of the XML are computed here by an independent evaluator: parse the gates, then
try every set of basic events by brute force and keep the minimal ones that trip the top gate.
"""

import xml.etree.ElementTree as ET
from datetime import date
from itertools import combinations

import pytest
from factories import mini_world

from explorer.domain.capability import Level, assess, cut_sets
from explorer.domain.fault_tree import fault_tree, mef_xml
from explorer.domain.scenario import Scenario

FORMULAS = {"and", "or", "gate", "basic-event", "constant"}


class MefTree:
    """A small independent reader of one MEF fault tree: gates, basic events, evaluation."""

    def __init__(self, xml: str) -> None:
        root = ET.fromstring(xml)
        assert root.tag == "opsa-mef"
        trees = root.findall("define-fault-tree")
        assert len(trees) == 1 and trees[0].get("name")
        self.gates = {}
        for gate in trees[0].findall("define-gate"):
            formulas = [c for c in gate if c.tag in FORMULAS]
            assert len(formulas) == 1, gate.get("name")
            self.gates[gate.get("name")] = formulas[0]
        self.events = [e.get("name") for e in root.find("model-data").findall("define-basic-event")]
        referenced = {g.get("name") for f in self.gates.values() for g in f.iter("gate")}
        tops = [name for name in self.gates if name not in referenced]
        assert len(tops) == 1
        self.top = tops[0]

    def referenced_events(self) -> set[str]:
        return {e.get("name") for f in self.gates.values() for e in f.iter("basic-event")}

    def fails(self, lost: frozenset[str], node=None) -> bool:
        node = self.gates[self.top] if node is None else node
        if node.tag == "and":
            return all(self.fails(lost, c) for c in node)
        if node.tag == "or":
            return any(self.fails(lost, c) for c in node)
        if node.tag == "gate":
            return self.fails(lost, self.gates[node.get("name")])
        if node.tag == "basic-event":
            return node.get("name") in lost
        assert node.tag == "constant"
        return node.get("value") == "true"

    def minimal_cut_sets(self) -> set[frozenset[str]]:
        assert len(self.events) <= 16, "brute force is for small trees"
        found: set[frozenset[str]] = set()
        for size in range(0, len(self.events) + 1):
            for combo in combinations(self.events, size):
                candidate = frozenset(combo)
                if any(f <= candidate for f in found):
                    continue
                if self.fails(candidate):
                    found.add(candidate)
        return found


@pytest.mark.parametrize(
    ("nation", "day", "level", "off"),
    [
        ("RU", date(2025, 11, 26), None, ()),
        ("US", date(2025, 1, 1), None, ()),
        ("RU", date(2025, 11, 26), Level.ANY, ()),
        ("RU", date(2025, 11, 28), None, ()),
        ("US", date(2025, 11, 26), Level.ANY, ("falcon-9",)),
    ],
)
def test_mef_cut_sets_equal_the_engines(catalog, nation, day, level, off):
    report = assess(catalog, Scenario.of(off), day)
    tree = MefTree(mef_xml(catalog, report, nation, level))
    expected = set(cut_sets(report, nation, level, max_size=None))
    assert expected, "the case must have access to lose"
    assert tree.minimal_cut_sets() == expected
    small = {c for c in tree.minimal_cut_sets() if len(c) <= 3}
    assert small == set(cut_sets(report, nation, level))  # the `cutsets` default, size <= 3


def test_mef_structure_follows_open_psa(catalog):
    report = assess(catalog, Scenario(), date(2025, 11, 26))
    root = ET.fromstring(mef_xml(catalog, report, "RU", Level.ANY))
    tree = root.find("define-fault-tree")
    assert tree.get("name") == "RU-crewed-access"
    top = tree.find("define-gate[@name='RU-below-any']")
    assert [c.tag for c in top.find("and")] == ["gate"] * len(top.find("and"))
    routes = [g for g in tree.findall("define-gate") if g is not top]
    for gate in routes:
        assert {c.tag for c in gate.find("or")} == {"basic-event"}
    defined = {e.get("name") for e in root.find("model-data").findall("define-basic-event")}
    assert defined == MefTree(ET.tostring(root, "unicode")).referenced_events()
    assert {"baikonur-31-6", "soyuz-ms", "soyuz-2-1a", "us-ru-integrated-crew"} <= defined


def test_basic_events_are_named_by_component_id_and_routes_hold_their_components():
    world = mini_world()
    report = assess(world, Scenario(), date(2025, 11, 26))
    tree = fault_tree(world, report, "RU", Level.ANY)
    assert {e.name for e in tree.basic_events} == {
        "baikonur-31-6",
        "soyuz-2-1a",
        "soyuz-ms",
        "ksc-lc-39a",
        "ccsfs-slc-40",
        "falcon-9",
        "crew-dragon",
        "swap-dragon",
    }
    partner = [g for g in tree.gates[1:] if "swap-dragon" in g.events]
    assert len(partner) == 2 and all(len(g.events) == 4 for g in partner)


def test_a_single_route_is_a_pass_through_gate():
    world = mini_world()
    report = assess(world, Scenario(), date(2025, 11, 26))
    mef = MefTree(mef_xml(world, report, "RU", Level.INDEPENDENT))
    assert mef.gates[mef.top].tag == "gate"  # no one-input AND
    assert mef.minimal_cut_sets() == {
        frozenset({c}) for c in ("baikonur-31-6", "soyuz-2-1a", "soyuz-ms")
    }


def test_a_nation_without_access_has_a_tree_already_failed():
    world = mini_world()
    report = assess(world, Scenario(), date(2025, 11, 26))
    tree = fault_tree(world, report, "IN")
    assert tree.already_failed and tree.level is Level.ANY
    mef = MefTree(mef_xml(world, report, "IN"))
    assert mef.minimal_cut_sets() == {frozenset()}
