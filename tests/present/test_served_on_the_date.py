"""The details pane, the map's tooltips and the pads listing name only vehicles in being."""

from datetime import date

from explorer.domain.entities import Pad
from explorer.present.cells import pad_tooltip
from explorer.present.data import pad_rows
from explorer.present.details import record_html


def _serves(html: str, day: date) -> str:
    return html.split(f"Serves on {day.isoformat()}: ")[1].split("</p>")[0]


def test_site_31_6_in_1975_serves_no_soyuz_2_and_in_2025_no_soyuz_u(catalog):
    found = catalog.resolve("baikonur-31-6")
    old = _serves(record_html(catalog, found, date(1975, 1, 1), None), date(1975, 1, 1))
    assert "Soyuz-U" in old and "Soyuz-2" not in old and "Soyuz-FG" not in old
    new = _serves(record_html(catalog, found, date(2025, 1, 1), None), date(2025, 1, 1))
    assert "Soyuz-2.1a" in new and "Soyuz-U (" not in new  # retired in 2017


def test_the_tooltip_and_the_pads_listing_follow_the_same_rule(catalog):
    pad = catalog.get("baikonur-1-5", Pad)
    tip = pad_tooltip(catalog, pad, date(1975, 1, 1), None)
    assert "Vostok" not in tip and "Soyuz-FG" not in tip and "Soyuz-U" in tip
    rows = {row["id"]: row for row in pad_rows(catalog, date(1975, 1, 1))}
    assert rows["ccsfs-slc-41"]["launch_vehicles"] == []  # no Atlas V or Vulcan in 1975
    assert "soyuz-2-1a" not in rows["baikonur-31-6"]["launch_vehicles"]
