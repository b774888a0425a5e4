"""The words of the time features: event tooltips, the projection banner, launch rows."""

from datetime import date

from explorer.present.launches import launch_cells, launch_search_text
from explorer.present.words import (
    CREWED_LAUNCH_HEADERS,
    as_of_text,
    event_list_text,
    projection_banner,
)


def test_the_event_tooltip_lists_in_date_order_and_caps_a_pile():
    pile = [(date(2000, 1, 12 - i), f"event {i}") for i in range(11)]
    lines = event_list_text(pile, limit=8).splitlines()
    assert lines[0] == "2000-01-02: event 10" and lines[7] == "2000-01-09: event 3"
    assert lines[8] == "… and 3 more" and len(lines) == 9
    assert event_list_text(pile[:2]).splitlines() == ["2000-01-11: event 1", "2000-01-12: event 0"]
    assert event_list_text([]) == ""


def test_the_projection_banner_and_the_as_of_label_name_both_dates():
    text = projection_banner(date(2026, 7, 1), date(2026, 5, 24))
    assert "2026-07-01" in text and "2026-05-24" in text and "\n" not in text
    assert as_of_text(date(2026, 5, 24)) == "dataset as of 2026-05-24"


def test_launch_rows_use_names_not_ids(catalog):
    for launch in catalog.crewed_launches:
        cells = launch_cells(catalog, launch)
        assert len(cells) == len(CREWED_LAUNCH_HEADERS)
        for record_id in (launch.nation, launch.crew_vehicle, launch.launch_vehicle, launch.pad):
            assert record_id not in cells
    t11 = next(launch for launch in catalog.crewed_launches if launch.mission == "Soyuz T-11")
    cells = launch_cells(catalog, t11)
    assert cells[0] == "1984-04-03" and cells[5].startswith(catalog.get(t11.pad).name)
    assert "baikonur" in launch_search_text(catalog, t11)
