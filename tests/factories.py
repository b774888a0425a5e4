"""Small hand-built catalogs for engine tests (no files involved), and shared test dates."""

from __future__ import annotations

from datetime import date

from explorer.domain.catalog import Catalog
from explorer.domain.entities import (
    Agreement,
    AgreementStatus,
    CrewVehicle,
    CrewVehicleStatus,
    History,
    LaunchVehicle,
    LaunchVehicleStatus,
    Nation,
    Pad,
    PadStatus,
    PadVehicle,
    Site,
    StatusChange,
)

SRC = ("test fixture",)

# The day before Site 31/6 was damaged: Russia independent, 31/6 a single point of failure.
BEFORE = date(2025, 11, 26)


def history(*changes: tuple[str, object]) -> History:
    return History(tuple(StatusChange(date.fromisoformat(d), s) for d, s in changes))


def nation(nation_id: str) -> Nation:
    return Nation(nation_id, f"Nation {nation_id}", "nation", (nation_id,), sources=SRC)


def site(site_id: str) -> Site:
    return Site(site_id, site_id.title(), "XXX", "op", 0.0, 0.0, sources=SRC)


def pad(pad_id: str, site_id: str, vehicles: list[str], *changes: tuple[str, str]) -> Pad:
    return Pad(
        pad_id,
        site_id,
        pad_id,
        0.0,
        0.0,
        tuple(PadVehicle(v) for v in vehicles),
        history(*((d, PadStatus(s)) for d, s in changes)),
        sources=SRC,
    )


def launch_vehicle(lv_id: str, nation_id: str, *changes: tuple[str, str]) -> LaunchVehicle:
    return LaunchVehicle(
        lv_id,
        lv_id,
        nation_id,
        history(*((d, LaunchVehicleStatus(s)) for d, s in changes)),
        sources=SRC,
    )


def crew_vehicle(
    cv_id: str, nation_id: str, vehicles: list[str], *changes: tuple[str, str]
) -> CrewVehicle:
    return CrewVehicle(
        cv_id,
        cv_id,
        nation_id,
        tuple(vehicles),
        3,
        history(*((d, CrewVehicleStatus(s)) for d, s in changes)),
        sources=SRC,
    )


def agreement(
    a_id: str, provider: str, beneficiary: str, vehicles: list[str], *changes: tuple[str, str]
) -> Agreement:
    return Agreement(
        a_id,
        a_id,
        provider,
        beneficiary,
        tuple(vehicles),
        history(*((d, AgreementStatus(s)) for d, s in changes)),
        sources=SRC,
    )


def mini_world() -> Catalog:
    """A 2025-like world: Russia on one pad, the US on two, a seat swap, India in development."""
    return Catalog(
        as_of=date(2026, 11, 1),
        title="mini",
        nations=(nation("RU"), nation("US"), nation("IN")),
        sites=(site("baikonur"), site("florida"), site("sdsc")),
        pads=(
            pad(
                "baikonur-31-6",
                "baikonur",
                ["soyuz-2-1a"],
                ("1961-01-01", "crew_capable"),
                ("2025-11-28", "damaged"),
                ("2026-03-06", "crew_capable"),
            ),
            pad("ksc-lc-39a", "florida", ["falcon-9"], ("2020-01-01", "crew_capable")),
            pad("ccsfs-slc-40", "florida", ["falcon-9"], ("2024-09-01", "crew_capable")),
            pad("sdsc-slp", "sdsc", ["hlvm3"], ("2027-01-01", "crew_capable")),
        ),
        launch_vehicles=(
            launch_vehicle("soyuz-2-1a", "RU", ("2004-01-01", "crew_rated")),
            launch_vehicle("falcon-9", "US", ("2020-05-30", "crew_rated")),
            launch_vehicle("hlvm3", "IN", ("2020-01-01", "development")),
        ),
        crew_vehicles=(
            crew_vehicle("soyuz-ms", "RU", ["soyuz-2-1a"], ("2016-07-07", "operational")),
            crew_vehicle("crew-dragon", "US", ["falcon-9"], ("2020-05-30", "operational")),
            crew_vehicle("gaganyaan", "IN", ["hlvm3"], ("2020-01-01", "development")),
        ),
        agreements=(
            agreement("swap-dragon", "US", "RU", ["crew-dragon"], ("2022-07-15", "in_force")),
            agreement("swap-soyuz", "RU", "US", ["soyuz-ms"], ("2022-07-15", "in_force")),
        ),
    )


def nation_status(win, nation_id):
    """The access text the window's nation table shows for ``nation_id``."""
    from explorer.qt.nation_table import ID_ROLE  # only the GUI tests call this

    model = win.nation_table.source_model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == nation_id:
            return model.index(row, 1).data()
    raise KeyError(nation_id)


def chart_point(panel, x: float, y: float):
    """Where (year ``x``, row ``y``) of the time panel's chart is, in its viewport's pixels."""
    from PySide6.QtCore import QPointF  # only the GUI tests call this

    scene = panel.chart.view_box.mapViewToScene(QPointF(x, y))
    return panel.chart.mapFromScene(scene)
