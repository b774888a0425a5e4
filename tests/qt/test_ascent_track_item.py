"""The ascent-track layer and the Destination selector, as a user drives them."""

import sys

import numpy as np
import pytest
from factories import nation_status

from explorer.qt.ascent_track_item import AscentTrackItem, TrackDrawing


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def test_item_draws_one_curve_per_track_and_its_drop_zones(qtbot):
    item = AscentTrackItem()
    ring = np.array([[0, 0], [1, 0], [1, 1], [0, 0]], float)
    drawing = TrackDrawing(
        np.array([0.0, 1.0, 2.0]),
        np.array([0.0, 0.5, 1.0]),
        ((1.0, 0.5, "boosters"),),
        (ring,),
        ("FR",),
    )
    item.set_tracks([drawing])
    assert len(item.curves) == 1
    x, y = item.curves[0].getData()
    assert list(x) == [0, 1, 2] and list(y) == [0, 0.5, 1]
    assert [tuple(p.pos()) for p in item.drop_item.points()] == [(1.0, 0.5)]
    assert not item.tint_item.path().isEmpty()
    item.set_tracks(())
    assert (
        item.curves == [] and item.drop_item.points().size == 0 and item.tint_item.path().isEmpty()
    )


def test_selecting_a_pad_with_a_destination_draws_its_track_off_the_ui_thread(window, qtbot):
    window.document.select("baikonur-31-6")
    window.map_view.wait_for_tracks()
    assert window.map_view.ascent_item.tracks == ()  # no destination: nothing drawn
    box = window.destination_box
    box.setCurrentIndex(box.findData("iss"))
    assert window.document.destination == "iss"
    qtbot.waitUntil(lambda: len(window.map_view.ascent_item.tracks) == 1, timeout=5000)
    (track,) = window.map_view.ascent_item.tracks
    assert track.overflies[0] == "KZ" and "CN" not in track.overflies
    box.setCurrentIndex(box.findData("tiangong"))  # a dog-leg from Baikonur: drawn due east
    qtbot.waitUntil(lambda: "CN" in window.map_view.ascent_item.tracks[0].overflies, timeout=5000)
    window.document.select(None)
    assert window.map_view.ascent_item.tracks == ()


def test_destination_switches_the_nation_table_and_undo_restores_it(window):
    box = window.destination_box
    box.setCurrentIndex(box.findData("tiangong"))
    assert "independent" in nation_status(window, "CN").lower()
    assert "none" in nation_status(window, "US").lower()
    box.setCurrentIndex(box.findData("iss"))
    assert "none" in nation_status(window, "CN").lower()
    window.document.undo_stack.undo()
    assert box.currentData() == "tiangong"
    window.document.undo_stack.undo()
    assert box.currentData() is None
    assert "independent" in nation_status(window, "CN").lower()


def test_the_window_starts_without_the_geometry_modules():
    """First paint pays nothing for shapely/pyproj: they load only when a track is wanted."""
    import subprocess

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from datetime import date\n"
        "from explorer.qt.app import application, build_window\n"
        "from explorer.loaders.catalog import load_catalog\n"
        "application(); w = build_window(load_catalog(), date(2025, 11, 26)); w.show()\n"
        "w.document.select('baikonur-31-6')\n"
        "print(sorted(m for m in ('shapely', 'pyproj', 'explorer.loaders.geography') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
