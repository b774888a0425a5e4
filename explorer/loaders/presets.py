"""Preset scenarios shipped in ``resources/presets``: scenario files with a description and sources.

Imports the domain, ``explorer.paths`` and ``explorer.loaders.scenario_file``. A preset is a
scenario file (same schema) that must also have a title, a description and at least one source;
its id is the file name without ``.json``. Presets are sorted by date.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.loaders.scenario_file import SavedScenario, ScenarioFileError, read_scenario
from explorer.paths import resources_dir


@dataclass(frozen=True, slots=True)
class Preset:
    id: str
    saved: SavedScenario

    @property
    def title(self) -> str:
        return self.saved.title


def presets_dir() -> Path:
    return resources_dir() / "presets"


def load_presets(directory: Path | None = None) -> tuple[Preset, ...]:
    """Every preset in ``directory`` (default: the shipped ones), sorted by date then title."""
    directory = presets_dir() if directory is None else directory
    presets = []
    for path in sorted(directory.glob("*.json")):
        saved = read_scenario(path)
        for field in ("title", "description"):
            if not getattr(saved, field).strip():
                raise ScenarioFileError(f"{path.name}: a preset needs a '{field}'")
        if not saved.sources:
            raise ScenarioFileError(f"{path.name}: a preset needs at least one source")
        presets.append(Preset(path.stem, saved))
    return tuple(sorted(presets, key=lambda p: (p.saved.day, p.title)))
