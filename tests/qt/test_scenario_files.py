"""Scenario files in the window: open/save round trip, bad files, recent list, close prompt,
autosave and recovery, presets. Every dialog is replaced by a recording stand-in."""

import json
from datetime import date
from pathlib import Path

import pytest
from factories import BEFORE
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from explorer.loaders import scenario_file
from explorer.loaders.presets import load_presets
from explorer.present.data import capability_dict
from explorer.present.html_report import report_html
from explorer.present.summary import summarize
from explorer.qt.autosave import find_orphans
from explorer.qt.scenario_files import MAX_RECENT


class Recorder:
    """Stands in for the dialogs of one window."""

    def __init__(self, files):
        self.warnings: list[str] = []
        self.unsaved_answer = "cancel"
        self.asked_unsaved = 0
        self.save_path: str | None = None
        files.warn = self.warnings.append
        files.ask_unsaved = self._unsaved
        files.ask_save_path = lambda _suggested: self.save_path
        files.ask_recover = lambda _infos: ("keep", None)

    def _unsaved(self, _name):
        self.asked_unsaved += 1
        return self.unsaved_answer


@pytest.fixture
def make_recorded_window(make_window):
    """A window whose dialogs are answered by a ``Recorder`` (``win.recorder``).

    At teardown every such window may close: a window whose test left "cancel" as the answer
    would otherwise stay open, and its pending autosave would write into the next test's folder.
    """
    windows = []

    def make():
        win = make_window()
        win.recorder = Recorder(win.scenario_files)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.scenario_files.autosave_timer.stop()
        win.recorder.unsaved_answer = "discard"


@pytest.fixture
def window(make_recorded_window):
    return make_recorded_window()


def state(win):
    doc = win.document
    return doc.scenario, doc.date, doc.selection, doc.undo_stack.index(), win.isWindowModified()


def test_save_then_open_gives_the_same_scenario_and_report(window, make_recorded_window, tmp_path):
    doc = window.document
    doc.set_enabled("baikonur-31-6", False)
    doc.set_enabled("falcon-9", False)
    doc.set_date(date(2025, 11, 20))
    doc.select("RU")
    assert window.isWindowModified() and "Untitled[*]" in window.windowTitle()
    path = tmp_path / "what-if.json"
    assert window.scenario_files.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("what-if.json[*]")

    other = make_recorded_window()
    assert other.scenario_files.open_path(path)
    assert other.document.scenario == doc.scenario
    assert (other.document.date, other.document.selection) == (doc.date, "RU")
    catalog = doc.catalog
    assert capability_dict(catalog, summarize(catalog, other.document.report)) == capability_dict(
        catalog, summarize(catalog, doc.report)
    )
    assert report_html(catalog, other.document.report) == report_html(catalog, doc.report)
    assert not other.isWindowModified() and other.recorder.warnings == []
    assert other.windowTitle().startswith("what-if.json[*]")
    other.document.undo_stack.undo()  # opening was one undoable step
    assert other.document.scenario.off == frozenset()


def test_a_scenario_naming_ids_the_dataset_lacks_opens_with_a_warning(window, tmp_path):
    path = tmp_path / "old.json"
    data = json.loads(scenario_file.SavedScenario(BEFORE, ("baikonur-31-6",)).to_json())
    data["off"] += ["baikonur-31-9", "old-shuttle"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.scenario_files.open_path(path)
    assert window.document.scenario.off == {"baikonur-31-6"}
    [warning] = window.recorder.warnings
    assert "baikonur-31-9" in warning and "old-shuttle" in warning and "\n" not in warning


def _truncated(path: Path) -> None:
    path.write_text('{"schema": "launch-site-explorer/scenario", "vers', encoding="utf-8")


def _future(path: Path) -> None:
    data = json.loads(scenario_file.SavedScenario(BEFORE).to_json())
    path.write_text(json.dumps({**data, "version": 7}), encoding="utf-8")


def _wrong_types(path: Path) -> None:
    data = json.loads(scenario_file.SavedScenario(BEFORE).to_json())
    path.write_text(json.dumps({**data, "off": {"baikonur": True}}), encoding="utf-8")


def _huge(path: Path) -> None:
    with open(path, "wb") as f:
        f.truncate(100_000_000)


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make_bad", "expected"),
    [
        (_truncated, "not valid JSON"),
        (_future, "version 7 is newer"),
        (_wrong_types, "field 'off'"),
        (_huge, "100.0 MB"),
        (_folder, "is a folder"),
        (None, "Permission denied"),
    ],
)
def test_a_bad_file_gives_one_line_and_leaves_the_work_untouched(
    window, tmp_path, monkeypatch, make_bad, expected
):
    doc = window.document
    doc.set_enabled("ksc-lc-39a", False)
    doc.select("US")
    before = state(window)
    path = tmp_path / "bad.json"
    if make_bad is None:
        scenario_file.write_scenario(path, scenario_file.SavedScenario(BEFORE))

        def denied(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("explorer.loaders.safe_files.os.open", denied)
    else:
        make_bad(path)
    assert not window.scenario_files.open_path(path)
    [warning] = window.recorder.warnings
    assert expected in warning and "\n" not in warning and warning.startswith("bad.json")
    assert state(window) == before
    assert window.recorder.asked_unsaved == 0


def test_save_failure_warns_and_keeps_the_work_unsaved(window, tmp_path):
    window.document.set_enabled("ksc", False)
    assert not window.scenario_files.save_to(tmp_path / "no-such-folder" / "s.json")
    [warning] = window.recorder.warnings
    assert "does not exist" in warning
    assert window.isWindowModified()


def test_recent_files_newest_first_at_most_eight_and_reopenable(window, tmp_path):
    files = window.scenario_files
    paths = []
    for i in range(MAX_RECENT + 2):
        window.document.set_enabled("ksc" if i % 2 else "ccsfs", i % 2 == 0)
        paths.append(tmp_path / f"s{i}.json")
        assert files.save_to(paths[-1])
    recent = files.recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(paths[-1].resolve())
    actions = [
        a for a in files.recent_menu.actions() if a.objectName().startswith("action-recent-")
    ]
    assert len(actions) == MAX_RECENT and actions[0].text().endswith(paths[-1].name)
    actions[3].trigger()
    assert files.path == Path(recent[3])


def test_file_actions_have_standard_shortcuts_and_names(window):
    files = window.scenario_files
    assert files.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert files.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert QKeySequence("Ctrl+Shift+S") in files.save_as_action.shortcuts()
    names = {a.objectName() for a in window.findChild(QMenu, "menu-file").actions()}
    assert {"action-open", "action-save", "action-save-as", "action-quit"} <= names
    for menu in window.findChildren(QMenu):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert action.objectName(), action.text()


@pytest.mark.parametrize(("answer", "closes"), [("cancel", False), ("discard", True)])
def test_closing_with_unsaved_changes_asks(window, answer, closes):
    window.document.set_enabled("jiuquan", False)
    window.recorder.unsaved_answer = answer
    window.close()
    assert window.recorder.asked_unsaved == 1
    assert window.isVisible() is not closes


def test_closing_and_choosing_save_writes_the_file(window, tmp_path):
    window.document.set_enabled("jiuquan", False)
    window.recorder.unsaved_answer = "save"
    window.recorder.save_path = str(tmp_path / "on-close")
    window.close()
    assert not window.isVisible()
    saved = scenario_file.read_scenario(tmp_path / "on-close.json")
    assert saved.off == ("jiuquan",)


def test_closing_unchanged_work_does_not_ask(window):
    window.close()
    assert window.recorder.asked_unsaved == 0 and not window.isVisible()


def test_autosave_follows_changes_and_a_clean_exit_removes_it(window, qtbot):
    files = window.scenario_files
    files.autosave_timer.setInterval(10)
    target = files.autosave.path
    window.document.set_enabled("baikonur-31-6", False)
    qtbot.waitUntil(target.exists, timeout=2000)
    assert scenario_file.read_scenario(target).off == ("baikonur-31-6",)
    window.document.undo_stack.undo()  # back to the clean state: nothing to recover
    assert not target.exists()
    window.document.undo_stack.redo()
    qtbot.waitUntil(target.exists, timeout=2000)
    window.recorder.unsaved_answer = "discard"
    window.close()
    assert not target.exists()


def test_two_windows_autosave_to_their_own_files_and_keep_each_others(make_recorded_window, qtbot):
    first, second = make_recorded_window(), make_recorded_window()
    for win in (first, second):
        win.scenario_files.autosave_timer.setInterval(10)
    first.document.set_enabled("crew-dragon", False)
    second.document.set_enabled("baikonur-31-6", False)
    a, b = first.scenario_files.autosave.path, second.scenario_files.autosave.path
    qtbot.waitUntil(lambda: a.exists() and b.exists(), timeout=2000)
    assert a != b
    assert find_orphans() == []  # both windows still run: nothing is offered
    second.recorder.unsaved_answer = "discard"
    second.close()
    assert not b.exists()
    assert scenario_file.read_scenario(a).off == ("crew-dragon",)  # the other's work is kept


def test_an_autosave_left_by_a_crash_is_offered_at_the_next_start(
    window, make_recorded_window, qtbot
):
    window.scenario_files.autosave_timer.setInterval(10)
    window.document.set_enabled("crew-dragon", False)
    window.document.set_date(date(2025, 11, 28))
    target = window.scenario_files.autosave.path
    qtbot.waitUntil(target.exists, timeout=2000)
    window.scenario_files.autosave._lock.unlock()  # as if the process had died: the lock is gone

    declined = make_recorded_window()
    asked = []
    declined.scenario_files.ask_recover = lambda infos: asked.append(infos) or ("recover", 0)
    assert declined.scenario_files.offer_recovery()
    assert asked and len(asked[0]) == 1 and "2025-11-28" in asked[0][0]
    assert declined.document.scenario.off == {"crew-dragon"}
    assert declined.document.date == date(2025, 11, 28)
    assert declined.isWindowModified()  # recovered work is still unsaved
    assert not target.exists()  # taken over by the recovering window

    again = make_recorded_window()
    assert not again.scenario_files.offer_recovery()
    assert again.document.scenario.off == frozenset()


def test_presets_menu_applies_one_undoable_step_and_the_date(window):
    menu = window.findChild(QMenu, "menu-presets")
    actions = {a.text(): a for a in menu.actions()}
    assert len(actions) == len(load_presets())
    doc = window.document
    actions["Florida hurricane (KSC and Cape Canaveral down)"].trigger()
    assert doc.scenario.off == {"ksc", "ccsfs"}
    assert doc.date == date(2024, 10, 10)
    assert doc.report.nation("US").status != "independent"
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText().startswith("Preset:")
    doc.undo_stack.undo()
    assert doc.scenario.off == frozenset()
    window.findChild(QAction, "action-preset-soyuz-ms-28-pad-loss").trigger()
    assert doc.date == date(2025, 11, 28) and doc.selection == "RU"
    assert doc.report.nation("RU").status == "partner"
