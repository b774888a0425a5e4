"""Scenario files: read, validate and atomically write the versioned scenario JSON.

Imports the domain and the standard library only. A scenario file is a small JSON object::

    {"schema": "launch-site-explorer/scenario", "version": 1, "title": "...", "date": "2025-11-28",
     "off": ["baikonur-31-6"], "selection": "RU", "view": {"lon": [a, b], "lat": [c, d]},
     "notes": "..."}

Version 2 adds ``changes``: the dated what-if changes as records of
``explorer.loaders.change_records``; a version-1 file (no changes) reads unchanged. Presets add
``description`` and ``sources``. Every problem raises ``ScenarioFileError`` whose
message is one line naming the file. Writes never leave a truncated file behind: the text goes
to a temporary file in the same folder, is flushed and fsynced, and replaces the target with
``os.replace``; the previous version is kept next to it as ``FILE.json.bak``.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.changes import Change
from explorer.domain.effective import ChangeError, check_changes
from explorer.domain.scenario import Scenario
from explorer.loaders.change_records import change_record, parse_changes

SCHEMA = "launch-site-explorer/scenario"
VERSION = 2  # 2 added "changes"; version-1 files still read unchanged
MAX_BYTES = 1_000_000  # a scenario is a few hundred bytes; anything this big is not one
BACKUP_SUFFIX = ".bak"
ID = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
LON_LIMIT, LAT_LIMIT = 180.0, 200.0  # the map's limits (latitude may run past the poles)
KNOWN_KEYS = frozenset(
    {"schema", "version", "title", "date", "off", "selection", "view", "notes", "changes"}
    | {"description", "sources"}
)


class ScenarioFileError(ValueError):
    """A scenario file that cannot be read or written; the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class View:
    """The map's visible extent in degrees (EPSG:4326)."""

    lon: tuple[float, float]
    lat: tuple[float, float]


@dataclass(frozen=True, slots=True)
class SavedScenario:
    """Everything a scenario file holds: date, switched-off ids, selection, view and texts."""

    day: date
    off: tuple[str, ...] = ()
    selection: str | None = None
    view: View | None = None
    title: str = ""
    notes: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "off", tuple(sorted(set(self.off))))

    @property
    def scenario(self) -> Scenario:
        return Scenario.of(self.off, self.changes)

    def without_unknown(self, catalog: Catalog) -> tuple[SavedScenario, tuple[str, ...]]:
        """This scenario without the ids (and selection) ``catalog`` lacks, and those ids."""
        unknown = tuple(i for i in self.off if not _known(catalog, i))
        selection = self.selection
        if selection is not None and not _known(catalog, selection, nations=True):
            unknown += (selection,)
            selection = None
        off = tuple(i for i in self.off if i not in unknown)
        changes: list[Change] = []
        for change in self.changes:  # a change naming what the dataset lacks is skipped
            try:
                check_changes(catalog, (*changes, change))
            except (UnknownIdError, ChangeError):
                unknown += (getattr(change, "component", str(change.kind)),)
                continue
            changes.append(change)
        saved = replace(self, off=off, selection=selection, changes=tuple(changes))
        return saved, unknown

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "version": VERSION,
            "title": self.title,
            "date": self.day.isoformat(),
            "off": list(self.off),
            "selection": self.selection,
            "view": None
            if self.view is None
            else {"lon": list(self.view.lon), "lat": list(self.view.lat)},
            "notes": self.notes,
        }
        if self.changes:
            data["changes"] = [change_record(c) for c in self.changes]
        if self.description:
            data["description"] = self.description
        if self.sources:
            data["sources"] = list(self.sources)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _known(catalog: Catalog, item_id: str, nations: bool = False) -> bool:
    try:
        catalog.get(item_id)
    except UnknownIdError:
        if not nations:
            return False
        try:
            catalog.nation(item_id)
        except UnknownIdError:
            return False
    return True


# -- reading -----------------------------------------------------------------------------------
def read_scenario(path: str | Path) -> SavedScenario:
    """Read and validate one scenario file; ``ScenarioFileError`` on any problem."""
    path = Path(path)
    name = path.name or str(path)

    def fail(problem: str) -> ScenarioFileError:
        return ScenarioFileError(_one_line(f"{name}: {problem}"))

    try:
        info = path.stat()
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as exc:
        raise fail(f"cannot read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise fail("is a folder, not a scenario file")
    if info.st_size > MAX_BYTES:  # refuse by size before reading a byte
        raise fail(f"is {_size(info.st_size)}; a scenario file is at most {_size(MAX_BYTES)}")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except PermissionError:
        raise fail("cannot read: permission denied") from None
    except IsADirectoryError:
        raise fail("is a folder, not a scenario file") from None
    except OSError as exc:
        raise fail(f"cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"is larger than {_size(MAX_BYTES)}; not a scenario file")
    if not raw.strip():
        raise fail("is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail("is not UTF-8 text; not a scenario file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise fail(f"is not valid JSON ({where}: {exc.msg})") from None
    except RecursionError:
        raise fail("is not valid JSON (nested too deeply)") from None
    return parse_scenario(data, name)


def parse_scenario(data: Any, name: str = "scenario") -> SavedScenario:
    """Validate already-decoded JSON; ``name`` prefixes every error message."""

    def fail(problem: str) -> ScenarioFileError:
        return ScenarioFileError(_one_line(f"{name}: {problem}"))

    if not isinstance(data, dict):
        raise fail(f"expected a JSON object, got {_kind(data)}")
    if data.get("schema") != SCHEMA:
        raise fail(f"not a scenario file (field 'schema' must be '{SCHEMA}')")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail(f"field 'version': expected a whole number, got {_kind(version)}")
    if version > VERSION:
        raise fail(f"scenario version {version} is newer than this program reads ({VERSION})")
    if version < 1:
        raise fail(f"unknown scenario version {version}")
    extra = sorted(set(data) - KNOWN_KEYS)
    if extra:
        raise fail(f"unknown field '{extra[0]}'")
    if version < 2 and "changes" in data:
        raise fail("field 'changes' needs version 2")
    try:
        changes = parse_changes(data.get("changes", []))
    except ValueError as exc:
        raise fail(str(exc)) from None

    def text(field: str) -> str:
        value = data.get(field, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise fail(f"field '{field}': expected text, got {_kind(value)}")
        return value

    raw_day = data.get("date")
    if not isinstance(raw_day, str):
        raise fail(f"field 'date': expected a date YYYY-MM-DD, got {_kind(raw_day)}")
    try:
        day = date.fromisoformat(raw_day)
    except ValueError:
        raise fail(f"field 'date': '{raw_day[:40]}' is not a date (YYYY-MM-DD)") from None
    off = _ids(data.get("off", []), "off", fail)
    selection = data.get("selection")
    if selection is not None and not (isinstance(selection, str) and ID.match(selection)):
        raise fail(f"field 'selection': expected an id or null, got {_kind(selection)}")
    return SavedScenario(
        day=day,
        off=off,
        selection=selection,
        view=_view(data.get("view"), fail),
        title=text("title"),
        notes=text("notes"),
        description=text("description"),
        sources=tuple(_strings(data.get("sources", []), "sources", fail)),
        changes=changes,
    )


def _strings(value: Any, field: str, fail) -> list[str]:
    if not isinstance(value, list):
        raise fail(f"field '{field}': expected a list, got {_kind(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise fail(f"field '{field}[{i}]': expected text, got {_kind(item)}")
    return value


def _ids(value: Any, field: str, fail) -> tuple[str, ...]:
    items = _strings(value, field, fail)
    for i, item in enumerate(items):
        if not ID.match(item):
            raise fail(f"field '{field}[{i}]': '{item[:40]}' is not an id")
    return tuple(items)


def _view(value: Any, fail) -> View | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"lon", "lat"}:
        raise fail('field \'view\': expected {"lon": [west, east], "lat": [south, north]}')
    spans = []
    for axis, limit in (("lon", LON_LIMIT), ("lat", LAT_LIMIT)):
        span = value[axis]
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in span
            )
        ):
            raise fail(f"field 'view.{axis}': expected two numbers, got {_kind(span)}")
        low, high = float(span[0]), float(span[1])
        if not -limit <= low < high <= limit:
            raise fail(f"field 'view.{axis}': [{low}, {high}] is not a range within ±{limit:g}")
        spans.append((low, high))
    return View(spans[0], spans[1])


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value[:40]}'"
    return names.get(type(value), type(value).__name__)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} kB"


def _one_line(message: str) -> str:
    return " ".join(message.split())


# -- writing -----------------------------------------------------------------------------------
def write_scenario(path: str | Path, saved: SavedScenario, backup: bool = True) -> Path:
    """Write ``saved`` to ``path`` atomically; keep the previous version as ``path.bak``.

    At every instant ``path`` holds either its previous content or the complete new content:
    the text is written and fsynced to a temporary file in the same folder, then renamed over
    ``path`` (``os.replace`` is atomic within one filesystem).
    """
    path = Path(path)
    if path.is_symlink():  # write through the link, keep the link
        path = path.resolve()
    folder = path.parent
    name = path.name
    if path.is_dir():
        raise ScenarioFileError(f"{name}: is a folder; choose a file name")
    if not folder.is_dir():
        raise ScenarioFileError(_one_line(f"{name}: folder {folder} does not exist"))
    data = saved.to_json().encode("utf-8")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ScenarioFileError(_one_line(f"{name}: cannot write ({_reason(exc)})")) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(path, temp)
        if backup and path.is_file():
            _keep_backup(path)
        os.replace(temp, path)
    except OSError as exc:
        with suppress(OSError):
            temp.unlink()
        raise ScenarioFileError(_one_line(f"{name}: cannot write ({_reason(exc)})")) from None
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
    return path


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def _keep_backup(path: Path) -> None:
    """Make ``path.bak`` hold the current content of ``path``, itself atomically."""
    backup = backup_path(path)
    temp = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
    with suppress(FileNotFoundError):
        temp.unlink()
    try:
        os.link(path, temp)  # the old inode survives the rename below: no copy needed
    except OSError:
        shutil.copy2(path, temp)
    os.replace(temp, backup)


def _copy_mode(path: Path, temp: Path) -> None:
    """A new file gets the usual 0644; a replaced one keeps its permissions."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    with suppress(OSError):
        os.chmod(temp, mode)


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself (POSIX); harmless to skip where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def remove_file(path: str | Path) -> None:
    """Delete ``path`` if it exists (the autosave after a clean exit)."""
    with suppress(FileNotFoundError):
        Path(path).unlink()


def describe_unknown(ids: Iterable[str]) -> str:
    """One line for the ids a scenario names that the dataset does not have."""
    ids = list(ids)
    noun = "id" if len(ids) == 1 else "ids"
    return f"skipped {len(ids)} {noun} this dataset does not have: {', '.join(ids)}"
