"""Scenario files in the window: File menu (Open, Save, Save As, Open Recent), presets, autosave.

Qt only (plus the loaders). ``ScenarioFiles`` is a controller attached by ``MainWindow`` with one
line; it adds its actions to the existing File menu and a Presets menu, keeps the window title
(file name and the ``[*]`` marker), autosaves unsaved work to this window's own autosave file
(``explorer.qt.autosave``, debounced), offers every orphaned autosave back at start, and asks
before unsaved work is lost and before a file changed on disk since it was opened is overwritten.
Opening, a preset and a recovery are each one undoable step of the document's state.
A window that is not ``persistent`` (``screenshot``, ``report``) writes no autosave and no settings.
Every dialog is an attribute holding a callable (``ask_open_path``, ``ask_save_path``,
``ask_unsaved``, ``ask_recover``, ``ask_overwrite``, ``warn``) so tests replace them; on the
offscreen platform, where nobody can answer, the defaults never open a dialog.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from explorer.domain.errors import ExplorerError
from explorer.domain.session import DocumentState
from explorer.loaders.presets import Preset, load_presets
from explorer.loaders.safe_files import remove_stale_temps
from explorer.loaders.scenario_file import (
    LAT_LIMIT,
    LON_LIMIT,
    SavedScenario,
    ScenarioFileError,
    View,
    describe_unknown,
    read_scenario,
    write_scenario,
)
from explorer.present.html_report import ReportText
from explorer.qt.autosave import Autosave, discard, find_orphans

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

APP_NAME = "Launch-Site Redundancy Explorer"
MAX_RECENT = 8
RECENT_KEY = "scenarios/recent"
FOLDER_KEY = "scenarios/folder"
AUTOSAVE_MS = 1500
FILE_FILTER = "Scenario files (*.json);;All files (*)"


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells that a file changed on disk: its modification time and size."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def can_ask() -> bool:
    """False on the offscreen platform (tests, screenshots): no one could answer a dialog."""
    return QGuiApplication.platformName() != "offscreen"


class ScenarioFiles(QObject):
    def __init__(self, window: MainWindow, persistent: bool = True) -> None:
        super().__init__(window)
        self.setObjectName("scenario-files")
        self.window = window
        self.document = window.document
        self.persistent = persistent
        self.path: Path | None = None
        self._disk_stamp: tuple[int, int] | None = None
        self.autosave = Autosave() if persistent else None
        self.ask_open_path = self._ask_open_path
        self.ask_save_path = self._ask_save_path
        self.ask_unsaved = self._ask_unsaved
        self.ask_recover = self._ask_recover
        self.ask_overwrite = self._ask_overwrite
        self.warn = self._warn
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        self._build_actions()
        self._build_presets_menu()
        self.document.stateChanged.connect(self._on_document_state_changed)
        self.document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self._update_title()

    # -- menus -----------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(text.replace("&", "").rstrip("…"))
        if slot is not None:
            action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action("action-open", "&Open scenario…", self.open, keys.Open)
        self.save_action = self._action("action-save", "&Save scenario", self.save, keys.Save)
        self.save_as_action = self._action(
            "action-save-as", "Save scenario &as…", self.save_as, keys.SaveAs
        )
        self.save_as_action.setShortcuts([QKeySequence(keys.SaveAs), QKeySequence("Ctrl+Shift+S")])
        self.recent_menu = QMenu("Open &recent", self.window)
        self.recent_menu.setObjectName("menu-recent")
        self.clear_recent_action = self._action(
            "action-clear-recent", "&Clear list", self._clear_recent
        )
        file_menu = cast(QMenu, self.window.findChild(QMenu, "menu-file"))
        quit_action = self.window.quit_action
        file_menu.insertAction(quit_action, self.open_action)
        file_menu.insertMenu(quit_action, self.recent_menu)
        file_menu.insertAction(quit_action, self.save_action)
        file_menu.insertAction(quit_action, self.save_as_action)
        file_menu.insertSeparator(quit_action)
        self._rebuild_recent_menu()

    def _build_presets_menu(self) -> None:
        menu = QMenu("&Presets", self.window)
        menu.setObjectName("menu-presets")
        help_menu = cast(QMenu, self.window.findChild(QMenu, "menu-help"))
        self.window.menuBar().insertMenu(help_menu.menuAction(), menu)
        self.presets_menu = menu
        try:
            self.presets: tuple[Preset, ...] = load_presets()
        except ScenarioFileError as exc:
            self.presets = ()
            broken = self._action("action-presets-broken", f"Presets unavailable: {exc}", None)
            broken.setEnabled(False)
            menu.addAction(broken)
        for preset in self.presets:
            action = self._action(
                f"action-preset-{preset.id}",
                preset.title.replace("&", "&&"),
                lambda _=False, p=preset: self.apply_preset(p),
            )
            action.setToolTip(preset.saved.description)
            action.setStatusTip(preset.saved.description)
            menu.addAction(action)
        menu.setToolTipsVisible(True)

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        for action in menu.actions():
            menu.removeAction(action)
            if action is not self.clear_recent_action:
                action.deleteLater()
        recent = self.recent_files()
        for i, name in enumerate(recent):
            action = QAction(f"&{i + 1} {Path(name).name}", menu)
            action.setObjectName(f"action-recent-{i + 1}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _=False, n=name: self.open_path(n))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.clear_recent_action)
        menu.setEnabled(bool(recent))

    # -- state -----------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.document.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def current(self) -> SavedScenario:
        """The window's scenario as it would be saved now."""
        doc = self.document
        (x0, x1), (y0, y1) = self.window.map_view.getPlotItem().getViewBox().viewRange()
        lon = (max(-LON_LIMIT, x0), min(LON_LIMIT, x1))
        lat = (max(-LAT_LIMIT, y0), min(LAT_LIMIT, y1))
        view = View(lon, lat) if lon[0] < lon[1] and lat[0] < lat[1] else None
        state = doc.state
        return SavedScenario(
            day=state.day,
            off=tuple(state.scenario.off),
            changes=state.scenario.changes,
            destination=state.scenario.destination,
            selection=doc.selection,
            view=view,
            title=state.title,
            notes=state.notes,
            description=state.description,
        )

    @property
    def text(self) -> ReportText:
        """The title, notes and description of the document, as reports print them."""
        state = self.document.state
        return ReportText(state.title, state.notes, state.description)

    def recent_files(self) -> list[str]:
        value = cast("list[object]", QSettings().value(RECENT_KEY, [], type=list))
        return [str(v) for v in value if v][:MAX_RECENT]

    def _add_recent(self, path: Path) -> None:
        if not self.persistent:
            return
        name = _absolute(path)
        recent = [name, *(r for r in self.recent_files() if r != name)][:MAX_RECENT]
        QSettings().setValue(RECENT_KEY, recent)
        self._rebuild_recent_menu()

    def _clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [])
        self._rebuild_recent_menu()

    def _update_title(self) -> None:
        self.window.setWindowTitle(f"{self.display_name()}[*] — {APP_NAME}")
        self.window.setWindowFilePath(str(self.path) if self.path else "")
        self.window.setWindowModified(self.is_modified())

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    # -- applying a scenario ---------------------------------------------------------------------
    def apply(self, saved: SavedScenario, text: str) -> tuple[str, ...]:
        """Apply a scenario as one undoable step plus its date, selection and view.

        Returns the ids the dataset lacks (skipped).
        """
        saved, unknown = saved.without_unknown(self.document.catalog)
        state = DocumentState(
            day=saved.day,
            scenario=saved.scenario,
            title=saved.title,
            notes=saved.notes,
            description=saved.description,
        )
        self.document.apply_state(state, text)
        if saved.selection is not None:
            self.document.select(saved.selection)
        if saved.view is not None:
            self.window.map_view.show_area(*saved.view.lon, *saved.view.lat, padding=0)
        return unknown

    def apply_preset(self, preset: Preset) -> None:
        unknown = self.apply(preset.saved, f"Preset: {preset.title}")
        self._status(f"Preset: {preset.title} — {preset.saved.description}")
        if unknown:
            self.warn(f"Preset {preset.title}: {describe_unknown(unknown)}")

    # -- open and save ---------------------------------------------------------------------------
    def open(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Open a scenario file; a bad file leaves the current work untouched."""
        path = Path(path)
        try:
            saved = read_scenario(path)
        except ScenarioFileError as exc:
            self.warn(str(exc))
            if not path.exists():
                self._forget_recent(path)
            return False
        if not self._settle_unsaved():
            return False
        try:
            unknown = self.apply(saved, f"Open {path.name}")
        except ExplorerError as exc:
            self.warn(f"{path.name}: {exc}")
            return False
        self.document.undo_stack.setClean()
        self.path = path
        self._disk_stamp = _stamp(path)
        self._add_recent(path)
        self._remember_folder(path)
        self._update_title()
        self._remove_autosave()
        self._status(f"Opened {path}")
        if unknown:
            self.warn(f"{path.name}: {describe_unknown(unknown)}")
        return True

    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        suggested = str(self.path) if self.path else str(Path(self._folder()) / "scenario.json")
        path = self.ask_save_path(suggested)
        return self.save_to(path) if path else False

    def save_to(self, path: str | Path) -> bool:
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".json")
        if self._changed_on_disk(path) and not self.ask_overwrite(path.name):
            self._status(f"Not saved: {path.name} changed on disk")
            return False
        try:
            write_scenario(path, self.current())
        except ScenarioFileError as exc:
            self.warn(str(exc))
            return False
        self.path = path
        self._disk_stamp = _stamp(path)
        self.document.undo_stack.setClean()
        self._add_recent(path)
        self._remember_folder(path)
        self._update_title()
        self._remove_autosave()
        self._status(f"Saved {path}")
        return True

    def _changed_on_disk(self, path: Path) -> bool:
        """True when ``path`` is the open file and another program changed it since."""
        if self.path is None or _absolute(path) != _absolute(self.path):
            return False
        now = _stamp(path)
        return now is not None and now != self._disk_stamp

    def _remember_folder(self, path: Path) -> None:
        if self.persistent:
            QSettings().setValue(FOLDER_KEY, str(path.parent))

    def _forget_recent(self, path: Path) -> None:
        if not self.persistent:
            return
        name = _absolute(path)
        QSettings().setValue(RECENT_KEY, [r for r in self.recent_files() if r != name])
        self._rebuild_recent_menu()

    def _folder(self) -> str:
        folder = cast(str, QSettings().value(FOLDER_KEY, "", type=str))
        if folder and Path(folder).is_dir():
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # -- unsaved work ----------------------------------------------------------------------------
    def _settle_unsaved(self) -> bool:
        """Ask about unsaved changes: True when the caller may go on (saved or discarded)."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved(self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def may_close(self) -> bool:
        """``MainWindow.closeEvent`` asks this; a clean exit removes this window's autosave."""
        if not self._settle_unsaved():
            return False
        self.autosave_timer.stop()
        self._remove_autosave()
        return True

    def _remove_autosave(self) -> None:
        if self.autosave is not None:
            self.autosave.remove()

    def _on_document_state_changed(self) -> None:
        """Anything saved changed: autosave soon (debounced), if this window autosaves."""
        if self.autosave is not None:
            self.autosave_timer.start()

    def _on_autosave_timer_timeout(self) -> None:
        """Autosave unsaved work; with nothing unsaved, no autosave."""
        if self.autosave is None:
            return
        if not self.is_modified():
            self.autosave.remove()
            return
        try:
            self.autosave.write(self.current(), self.path)
        except ScenarioFileError as exc:
            self._status(f"Autosave failed: {exc}")

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        """Back to the saved state: the autosave is no longer needed."""
        if self.autosave is None:
            return
        if clean:
            self.autosave_timer.stop()
            self.autosave.remove()
        else:
            self.autosave_timer.start()

    def offer_recovery(self) -> bool:
        """At start: offer the autosaves of windows that ended without saving; True if one is back.

        The user recovers one (as unsaved changes), discards them all, or keeps them for later.
        Also removes our stale temporary files in the folders of recent scenario files.
        """
        for name in self.recent_files():
            remove_stale_temps(Path(name).parent)
        orphans = find_orphans()
        if not orphans:
            return False
        answer, index = self.ask_recover([o.describe() for o in orphans])
        if answer == "discard":
            for orphan in orphans:
                discard(orphan)
            return False
        if answer != "recover" or index is None:
            return False
        chosen = orphans[index]
        if chosen.saved is None:
            self.warn(f"The autosaved scenario cannot be recovered: {chosen.problem}")
            discard(chosen)
            return False
        try:
            unknown = self.apply(chosen.saved, "Recover autosaved scenario")
        except ExplorerError as exc:
            self.warn(f"The autosaved scenario cannot be recovered: {exc}")
            return False
        discard(chosen)
        self.path = chosen.source
        self._disk_stamp = _stamp(chosen.source) if chosen.source else None
        self._update_title()
        if unknown:
            self.warn(f"Autosave: {describe_unknown(unknown)}")
        return True

    # -- default dialogs -------------------------------------------------------------------------
    def _ask_open_path(self) -> str | None:
        if not can_ask():
            return None
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open scenario", self._folder(), FILE_FILTER
        )
        return path or None

    def _ask_save_path(self, suggested: str) -> str | None:
        if not can_ask():
            return None
        path, _ = QFileDialog.getSaveFileName(self.window, "Save scenario", suggested, FILE_FILTER)
        return path or None

    def _ask_unsaved(self, name: str) -> str:
        if not can_ask():
            return "discard"
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.window,
            APP_NAME,
            f"The scenario {name} has unsaved changes. Save them?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def _ask_recover(self, infos: list[str]) -> tuple[str, int | None]:
        """("recover", index), ("discard", None) or ("keep", None)."""
        if not can_ask():
            return "keep", None
        if len(infos) > 1:
            discard_all = "Discard them all"
            choice, ok = QInputDialog.getItem(
                self.window,
                APP_NAME,
                "Earlier sessions ended with unsaved changes. Recover which?",
                [*infos, discard_all],
                0,
                False,
            )
            if not ok:
                return "keep", None
            return ("discard", None) if choice == discard_all else ("recover", infos.index(choice))
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            APP_NAME,
            f"The last session ended with unsaved changes ({infos[0]}). Recover them?",
            buttons.Yes | buttons.Discard | buttons.Cancel,
            buttons.Yes,
        )
        if answer == buttons.Yes:
            return "recover", 0
        return ("discard", None) if answer == buttons.Discard else ("keep", None)

    def _ask_overwrite(self, name: str) -> bool:
        if not can_ask():
            return False
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.window,
            APP_NAME,
            f"{name} was changed by another program since it was opened. Overwrite it?",
            buttons.Save | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Save

    def _warn(self, message: str) -> None:
        self._status(message)
        if can_ask():
            QMessageBox.warning(self.window, APP_NAME, message)


def _absolute(path: Path) -> str:
    """An absolute name for ``path`` without following links (a link loop cannot raise)."""
    return os.path.abspath(path)
