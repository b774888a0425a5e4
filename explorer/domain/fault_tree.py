"""A nation's crewed access as a fault tree, written in the Open-PSA Model Exchange Format (MEF).

Pure Python (``xml.etree`` only). The top event "nation N falls below its level of access" is
the AND over its routes of "the route fails"; each route gate is the OR of its components as
basic events: crew vehicle, launch vehicle, pad, and the agreement for a partner route. Basic
events are named exactly by component id (ids are slugs, valid MEF names), so the tree's minimal
cut sets are those of ``capability.cut_sets`` at the same level.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from explorer.domain.capability import CapabilityReport, Level, Route
from explorer.domain.catalog import Catalog
from explorer.domain.entities import KIND_LABELS

LOSS = {Level.INDEPENDENT: "its independent crewed access", Level.ANY: "all crewed access"}


@dataclass(frozen=True, slots=True)
class Gate:
    """``operator`` is ``"and"`` or ``"or"``; ``gates`` and ``events`` name its inputs."""

    name: str
    label: str
    operator: str
    gates: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BasicEvent:
    name: str
    label: str


@dataclass(frozen=True, slots=True)
class FaultTree:
    """Gates (the top gate first) and basic events; ``already_failed`` when no route is left."""

    name: str
    label: str
    nation: str
    level: Level
    day: str
    off: tuple[str, ...]
    gates: tuple[Gate, ...]
    basic_events: tuple[BasicEvent, ...]

    @property
    def top(self) -> Gate:
        return self.gates[0]

    @property
    def already_failed(self) -> bool:
        return not self.top.gates


def _route_label(catalog: Catalog, route: Route) -> str:
    text = (
        f"{catalog.get(route.crew_vehicle).name} on {catalog.get(route.launch_vehicle).name}"
        f" from {catalog.get(route.pad).name}"
    )
    if route.agreement is not None:
        text += f" via {catalog.get(route.agreement).name}"
    return f"Route fails: {text}"


def fault_tree(
    catalog: Catalog, report: CapabilityReport, nation_id: str, level: Level | None = None
) -> FaultTree:
    """The fault tree of ``nation_id`` losing its access at ``level`` (default: current status).

    A nation with no crewed access and no ``level`` gets level ``any``: a tree with no routes,
    whose top event has already happened.
    """
    access = report.nation(nation_id)
    level = level or access.default_level or Level.ANY
    routes = access.routes_at(level)
    nation = access.nation
    route_gates = tuple(
        Gate(
            name=f"{nation}-route-{i}",
            label=_route_label(catalog, route),
            operator="or",
            events=tuple(sorted(route.components)),
        )
        for i, route in enumerate(routes, start=1)
    )
    top = Gate(
        name=f"{nation}-below-{level}",
        label=f"{access.name} ({nation}) loses {LOSS[level]}",
        operator="and",
        gates=tuple(g.name for g in route_gates),
    )
    components = sorted({c for route in routes for c in route.components})
    events = tuple(
        BasicEvent(c, f"{catalog.get(c).name} ({KIND_LABELS[catalog.kind_of(c)]}) lost")
        for c in components
    )
    return FaultTree(
        name=f"{nation}-crewed-access",
        label=f"Crewed access of {access.name} on {report.day.isoformat()}",
        nation=nation,
        level=level,
        day=report.day.isoformat(),
        off=tuple(report.scenario.sorted_off()),
        gates=(top, *route_gates),
        basic_events=events,
    )


def _formula(parent: ET.Element, gate: Gate) -> None:
    """One input stands alone (MEF tools reject a one-input AND/OR); several get the operator."""
    refs = [("gate", n) for n in gate.gates] + [("basic-event", n) for n in gate.events]
    if not refs:  # no route left: the top event has already happened
        ET.SubElement(parent, "constant", value="true")
        return
    holder = parent if len(refs) == 1 else ET.SubElement(parent, gate.operator)
    for tag, name in refs:
        ET.SubElement(holder, tag, name=name)


def to_mef(tree: FaultTree) -> str:
    """The tree as an Open-PSA MEF document (``<opsa-mef>``), indented, with an XML declaration."""
    root = ET.Element("opsa-mef")
    ft = ET.SubElement(root, "define-fault-tree", name=tree.name)
    ET.SubElement(ft, "label").text = tree.label
    attributes = ET.SubElement(ft, "attributes")
    for key, value in (
        ("nation", tree.nation),
        ("level", str(tree.level)),
        ("date", tree.day),
        ("switched-off", " ".join(tree.off)),
    ):
        if value:  # the MEF schema (as SCRAM validates it) refuses an empty attribute value
            ET.SubElement(attributes, "attribute", name=key, value=value)
    for gate in tree.gates:
        element = ET.SubElement(ft, "define-gate", name=gate.name)
        ET.SubElement(element, "label").text = gate.label
        _formula(element, gate)
    data = ET.SubElement(root, "model-data")
    for event in tree.basic_events:
        element = ET.SubElement(data, "define-basic-event", name=event.name)
        ET.SubElement(element, "label").text = event.label
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def mef_xml(
    catalog: Catalog, report: CapabilityReport, nation_id: str, level: Level | None = None
) -> str:
    """Shortcut: ``to_mef(fault_tree(...))``."""
    return to_mef(fault_tree(catalog, report, nation_id, level))
