"""Scenario files: read, validate and atomically write the versioned scenario JSON.

Imports the domain and the standard library only. A scenario file is a small JSON object::

    {"schema": "launch-site-explorer/scenario", "version": 1, "title": "...", "date": "2025-11-28",
     "off": ["baikonur-31-6"], "selection": "RU", "view": {"lon": [a, b], "lat": [c, d]},
     "notes": "..."}

Version 2 adds ``changes``: the dated what-if changes as records of
``explorer.loaders.change_records``, and ``destination`` (the station routes must reach, absent
for any orbit); a version-1 file (neither) reads unchanged. Presets add
``description`` and ``sources``. Every problem raises ``ScenarioFileError`` whose
message is one line naming the file. Writes never leave a truncated file behind: the text goes
to a temporary file in the same folder, is flushed and fsynced, and replaces the target with
``os.replace``; the previous version is kept next to it as ``FILE.json.bak``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.changes import Change
from explorer.domain.effective import ChangeError, check_changes
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario
from explorer.domain.timespan import DayError, parse_day
from explorer.loaders.change_records import change_record, parse_changes
from explorer.loaders.safe_files import (
    FileAccessError,
    read_regular,
    write_atomic,
)

SCHEMA = "launch-site-explorer/scenario"
VERSION = 2  # 2 added "changes"; version-1 files still read unchanged
MAX_BYTES = 1_000_000  # a scenario is a few hundred bytes; anything this big is not one
MAX_DIGITS = 30  # of any number in a scenario file (the view's degrees need a few)
MAX_TEXT = 250_000  # characters of a title or notes
BACKUP_SUFFIX = ".bak"
ID = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
LON_LIMIT, LAT_LIMIT = 180.0, 200.0  # the map's limits (latitude may run past the poles)
KNOWN_KEYS = frozenset(
    {"schema", "version", "title", "date", "off", "selection", "view", "notes", "changes"}
    | {"destination"}
    | {"description", "sources"}
)


class ScenarioFileError(ExplorerError, ValueError):
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
    destination: str | None = None  # the station routes must reach (None: any orbit)

    def __post_init__(self) -> None:
        object.__setattr__(self, "off", tuple(sorted(set(self.off))))

    @property
    def scenario(self) -> Scenario:
        return Scenario(frozenset(self.off), self.changes, self.destination)

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
        destination = self.destination
        if destination is not None and destination not in {d.id for d in catalog.destinations}:
            unknown += (destination,)
            destination = None
        saved = replace(
            self, off=off, selection=selection, changes=tuple(changes), destination=destination
        )
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
        if self.destination:
            data["destination"] = self.destination
        if self.description:
            data["description"] = self.description
        if self.sources:
            data["sources"] = list(self.sources)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _known(catalog: Catalog, item_id: str, nations: bool = False) -> bool:
    found = catalog.find(item_id)
    return found is not None and (nations or not found.is_nation)


# -- reading -----------------------------------------------------------------------------------
def read_scenario(path: str | Path) -> SavedScenario:
    """Read and validate one scenario file; ``ScenarioFileError`` on any problem.

    Only a regular file is read (a FIFO or device is refused before it is opened); numbers are
    bounded, text must be valid Unicode and the date must lie in the engine's range.
    """
    path = Path(path)
    name = path.name or str(path)

    def fail(problem: str) -> ScenarioFileError:
        return ScenarioFileError(_one_line(f"{name}: {problem}"))

    try:
        raw = read_regular(path, MAX_BYTES, "scenario file")
    except FileAccessError as exc:
        raise ScenarioFileError(_one_line(str(exc))) from None
    if not raw.strip():
        raise fail("is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail("is not UTF-8 text; not a scenario file") from None
    try:
        data = json.loads(
            text, parse_int=_bounded_int, parse_float=_bounded_float, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise fail(f"is not valid JSON ({where}: {exc.msg})") from None
    except _NumberError as exc:
        raise fail(f"holds {exc}") from None
    except RecursionError:
        raise fail("is not valid JSON (nested too deeply)") from None
    return parse_scenario(data, name)


class _NumberError(ValueError):
    """A number no scenario holds (too long, infinite, not a number)."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _NumberError(f"a number of {len(text)} digits")
    return int(text)


def _bounded_float(text: str) -> float:
    value = float(text) if len(text) <= 4 * MAX_DIGITS else math.inf
    if not math.isfinite(value):
        raise _NumberError(f"the number {text[:20]}{'...' if len(text) > 20 else ''}, too large")
    return value


def _no_constant(text: str) -> float:
    raise _NumberError(f"'{text}', which is not a number")


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
        return _checked_text(value, field, fail)

    raw_day = data.get("date")
    if not isinstance(raw_day, str):
        raise fail(f"field 'date': expected a date YYYY-MM-DD, got {_kind(raw_day)}")
    try:
        day = parse_day(raw_day)
    except DayError as exc:
        raise fail(f"field 'date': {exc}") from None
    off = _ids(data.get("off", []), "off", fail)
    selection = data.get("selection")
    if selection is not None and not (isinstance(selection, str) and ID.match(selection)):
        raise fail(f"field 'selection': expected an id or null, got {_kind(selection)}")
    destination = data.get("destination")
    if destination is not None and not (isinstance(destination, str) and ID.match(destination)):
        raise fail(f"field 'destination': expected an id or null, got {_kind(destination)}")
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
        destination=destination,
    )


def _strings(value: Any, field: str, fail: Callable[[str], Exception]) -> list[str]:
    if not isinstance(value, list):
        raise fail(f"field '{field}': expected a list, got {_kind(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise fail(f"field '{field}[{i}]': expected text, got {_kind(item)}")
        _checked_text(item, f"{field}[{i}]", fail)
    return value


def _checked_text(value: str, field: str, fail: Callable[[str], Exception]) -> str:
    """``value`` when it can be saved again: valid Unicode (no lone surrogates), bounded."""
    if len(value) > MAX_TEXT:
        raise fail(f"field '{field}': {len(value)} characters; at most {MAX_TEXT}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise fail(f"field '{field}': holds {bad}, which is not a Unicode character") from None
    return value


def _ids(value: Any, field: str, fail: Callable[[str], Exception]) -> tuple[str, ...]:
    items = _strings(value, field, fail)
    for i, item in enumerate(items):
        if not ID.match(item):
            raise fail(f"field '{field}[{i}]': '{item[:40]}' is not an id")
    return tuple(items)


def _view(value: Any, fail: Callable[[str], Exception]) -> View | None:
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

    At every instant ``path`` holds either its previous content or the complete new content
    (``explorer.loaders.safe_files.write_atomic``). Text that cannot be encoded is refused.
    """
    path = Path(path)
    name = path.name or str(path)
    for field in ("title", "notes", "description"):
        _checked_text(getattr(saved, field), field, lambda m: ScenarioFileError(f"{name}: {m}"))
    try:
        return write_atomic(
            path, saved.to_json().encode("utf-8"), backup_path(path) if backup else None
        )
    except FileAccessError as exc:
        raise ScenarioFileError(_one_line(str(exc))) from None


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def describe_unknown(ids: Iterable[str]) -> str:
    """One line for the ids a scenario names that the dataset does not have."""
    ids = list(ids)
    noun = "id" if len(ids) == 1 else "ids"
    return f"skipped {len(ids)} {noun} this dataset does not have: {', '.join(ids)}"
