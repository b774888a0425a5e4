"""Autosave files: one per window, locked while its window lives, offered back after a crash.

Qt only (``QLockFile``, ``QStandardPaths``) plus the loaders. Each window writes its unsaved work to
``autosave-<pid>-<n>.json`` in the application's data folder, with ``.source`` naming the scenario
file it came from and ``.lock`` held by the window. A window removes only its own files. At start,
every autosave whose lock can be taken (its process ended without cleaning up) is an *orphan* and
is offered back; the autosaves of windows still open are left alone.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from explorer.loaders.safe_files import (
    FileAccessError,
    read_regular,
    remove_file,
    remove_stale_temps,
    write_text_atomic,
)
from explorer.loaders.scenario_file import (
    SavedScenario,
    ScenarioFileError,
    read_scenario,
    write_scenario,
)

PREFIX = "autosave-"
_serials = itertools.count(1)


def autosave_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "autosave"


@dataclass(frozen=True, slots=True)
class Orphan:
    """An autosave left by a window that no longer runs (``saved`` is None when unreadable)."""

    path: Path
    source: Path | None
    saved: SavedScenario | None
    problem: str = ""

    def describe(self) -> str:
        name = self.source.name if self.source else "Untitled"
        if self.saved is None:
            return f"{name}: unreadable ({self.problem})"
        title = f" “{self.saved.title}”" if self.saved.title else ""
        off = f"{len(self.saved.off)} switched off" if self.saved.off else "nothing switched off"
        return f"{name}{title}: {self.saved.day.isoformat()}, {off}"


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_suffix(".source"), path.with_suffix(".lock")


class Autosave:
    """This window's autosave file, locked for as long as the window lives."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or autosave_folder()
        self.path = self.folder / f"{PREFIX}{os.getpid()}-{next(_serials)}.json"
        self._source_path, lock_path = _sidecars(self.path)
        self._lock: QLockFile | None = None
        self._lock_path = lock_path

    def write(self, saved: SavedScenario, source: Path | None) -> None:
        """Write the unsaved work (atomically); raises ``ScenarioFileError`` on failure."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ScenarioFileError(f"{self.folder}: cannot create ({exc.strerror})") from None
        if self._lock is None:
            self._lock = QLockFile(str(self._lock_path))
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)
        write_scenario(self.path, saved, backup=False)
        try:
            write_text_atomic(self._source_path, str(source) if source else "-")
        except FileAccessError as exc:
            raise ScenarioFileError(str(exc)) from None

    def remove(self) -> None:
        """Delete this window's autosave (saved, or back to the saved state, or closed)."""
        remove_file(self.path)
        remove_file(self._source_path)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def find_orphans(folder: Path | None = None) -> list[Orphan]:
    """Every autosave in ``folder`` whose window has gone; stale temporary files are removed."""
    folder = folder or autosave_folder()
    remove_stale_temps(folder)
    orphans = []
    for path in sorted(folder.glob(f"{PREFIX}*.json")):
        source_path, lock_path = _sidecars(path)
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # stale only when its process has gone, however old
        if not lock.tryLock(0):
            continue  # a window that still runs
        lock.unlock()
        source = _read_source(source_path)
        try:
            orphans.append(Orphan(path, source, read_scenario(path)))
        except ScenarioFileError as exc:
            orphans.append(Orphan(path, source, None, str(exc)))
    return orphans


def discard(orphan: Orphan) -> None:
    for path in (orphan.path, *_sidecars(orphan.path)):
        remove_file(path)


def _read_source(path: Path) -> Path | None:
    try:
        text = read_regular(path, 10_000, "source note").decode("utf-8").strip()
    except (FileAccessError, UnicodeDecodeError):
        return None
    return Path(text) if text and text != "-" else None
