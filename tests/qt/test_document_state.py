"""One document state: every saved thing is one undo step and marks the window modified; view state
does not. Reproduces the faults found when undo covered only the switched-off set."""

from datetime import date

import pytest
from factories import BEFORE
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from explorer.domain.scenario import Scenario
from explorer.domain.session import DocumentState
from explorer.loaders import scenario_file
from explorer.qt import document as document_module
from explorer.qt.document import ScenarioDocument, TextError


@pytest.fixture
def window(make_window):
    win = make_window()
    files = win.scenario_files
    files.warnings = []
    files.warn = files.warnings.append
    files.ask_unsaved = lambda _name: "discard"
    files.autosave_timer.stop()
    return win


def test_a_preset_that_only_moves_the_date_is_one_undo_step(window):
    doc = window.document
    doc.apply_state(DocumentState(date(2011, 7, 30), title="Post-Shuttle"), "Preset: gap")
    assert doc.undo_stack.count() == 1 and window.isWindowModified()
    doc.undo_stack.undo()
    assert (doc.date, doc.state.title) == (BEFORE, "")  # undoing a preset restores its date
    assert not window.isWindowModified()


def test_after_save_a_date_change_is_unsaved_and_the_file_gets_the_new_date(window, tmp_path):
    path = tmp_path / "s.json"
    assert window.scenario_files.save_to(path)
    window.document.set_date(date(2025, 11, 28))
    assert window.isWindowModified()
    asked = []
    window.scenario_files.ask_unsaved = lambda name: asked.append(name) or "cancel"
    window.close()
    assert asked == ["s.json"] and window.isVisible()  # closing asks
    assert window.scenario_files.save_to(path)
    assert scenario_file.read_scenario(path).day == date(2025, 11, 28)


def test_title_and_notes_are_state_and_reset_clears_them(window, tmp_path):
    doc = window.document
    doc.set_text("Two pads", "What a second pad buys")
    assert window.isWindowModified() and doc.undo_stack.undoText() == "Edit title and notes"
    path = tmp_path / "t.json"
    window.scenario_files.save_to(path)
    assert scenario_file.read_scenario(path).title == "Two pads"
    window.findChild(QAction, "action-preset-soyuz-ms-28-pad-loss").trigger()
    assert doc.state.title.startswith("Soyuz MS-28") and doc.state.description
    doc.reset()
    assert (doc.state.title, doc.state.notes, doc.state.description) == ("", "", "")
    assert doc.scenario == Scenario() and doc.date == date(2025, 11, 28)  # Reset keeps the date
    doc.undo_stack.undo()
    assert doc.state.title.startswith("Soyuz MS-28")


def test_a_title_that_cannot_be_saved_is_refused_and_autosave_keeps_working(window, qtbot):
    doc = window.document
    with pytest.raises(TextError):
        doc.set_text("\ud800", "")
    assert doc.state.title == "" and doc.undo_stack.count() == 0
    files = window.scenario_files
    files.autosave_timer.setInterval(10)
    doc.set_enabled("ksc", False)
    qtbot.waitUntil(files.autosave.path.exists, timeout=2000)


def test_selection_and_zoom_are_view_state(window):
    window.document.select("RU")
    window.map_view.show_area(60, 70, 40, 50)
    assert window.document.undo_stack.count() == 0 and not window.isWindowModified()


def test_a_date_drag_is_one_step_and_separate_moves_are_separate(window, monkeypatch):
    doc = window.document
    slider = window.timeline_panel.slider
    for day in range(1, 30):  # a drag: many values in quick succession
        slider.setValue(date(2020, 1, day).toordinal())
    assert doc.undo_stack.count() == 1 and doc.date == date(2020, 1, 29)
    clock = [document_module.time.monotonic()]
    monkeypatch.setattr(document_module.time, "monotonic", lambda: clock[0])
    clock[0] += 5
    doc.set_date(date(2021, 1, 1))
    clock[0] += 5
    doc.set_date(date(2022, 1, 1))
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.date == date(2021, 1, 1)


def test_a_drag_back_to_the_start_leaves_no_step(window):
    doc = window.document
    doc.set_date(date(2020, 1, 1))
    doc.set_date(BEFORE)
    assert doc.undo_stack.count() == 0 and not window.isWindowModified()


def test_saving_over_a_file_changed_on_disk_asks(window, tmp_path):
    import os

    path = tmp_path / "shared.json"
    files = window.scenario_files
    assert files.save_to(path)
    other = scenario_file.SavedScenario(date(2020, 1, 1), ("ccsfs",))
    scenario_file.write_scenario(path, other)  # another window or program saves meanwhile
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    window.document.set_enabled("ksc", False)
    asked = []
    files.ask_overwrite = lambda name: asked.append(name) or False
    assert not files.save_to(path)
    assert asked == ["shared.json"] and scenario_file.read_scenario(path) == other
    files.ask_overwrite = lambda _name: True
    assert files.save_to(path)
    assert scenario_file.read_scenario(path).off == ("ksc",)


def test_a_symlink_loop_in_open_recent_is_one_line(window, tmp_path):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert not window.scenario_files.open_path(loop)
    [warning] = window.scenario_files.warnings
    assert warning.startswith("loop.json: cannot read") and "\n" not in warning


def test_a_date_outside_the_range_is_refused_without_a_step(window):
    from explorer.domain.timespan import DayError

    with pytest.raises(DayError):
        window.document.set_date(date(3000, 1, 1))
    assert window.document.undo_stack.count() == 0


def test_the_undo_stack_is_bounded(catalog):
    doc = ScenarioDocument(catalog, BEFORE, undo_limit=25)
    for i in range(200):
        doc.set_enabled("ksc", i % 2 == 1)
    assert doc.undo_stack.count() == 25


def test_the_destination_is_saved_restored_and_undoable(window, make_window, tmp_path):
    doc = window.document
    doc.set_destination("iss")
    assert window.isWindowModified() and doc.undo_stack.count() == 1
    path = tmp_path / "iss.json"
    assert window.scenario_files.save_to(path)
    assert scenario_file.read_scenario(path).destination == "iss"
    other = make_window()
    other.scenario_files.warn = lambda message: pytest.fail(message)
    assert other.scenario_files.open_path(path)
    assert other.document.destination == "iss" and not other.isWindowModified()
    assert other.document.report == doc.report
    doc.reset()
    assert doc.destination == "iss"  # Reset switches things back on; the question stays


def test_a_scenario_file_naming_an_unknown_destination_opens_without_it(window, tmp_path):
    path = tmp_path / "old.json"
    scenario_file.write_scenario(path, scenario_file.SavedScenario(BEFORE, destination="skylab-b"))
    warnings = []
    window.scenario_files.warn = warnings.append
    assert window.scenario_files.open_path(path)
    assert window.document.destination is None
    [warning] = warnings
    assert "skylab-b" in warning


def test_the_seed_event_at_world_view_shows_baikonurs_crew_pad_lost(window):
    """Switching off Site 31/6 on 2025-11-26 must not turn Baikonur into a 'retired' marker."""
    doc = window.document
    doc.set_enabled("baikonur-31-6", False)
    style = window.map_view.spot_style(("baikonur-1-5", "baikonur-31-6"))
    assert style["symbol"] == "o"  # the crew-capable symbol ...
    assert style["brush"].style() == Qt.BrushStyle.NoBrush  # ... hollow: switched off
