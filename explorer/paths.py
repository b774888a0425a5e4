"""Where the shipped resources live, in a source checkout and in a PyInstaller bundle.

The one module that knows the resource layout; imports only the standard library.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding ``catalog/``, ``basemap/``, ``presets/`` and ``icons/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def basemap_dir() -> Path:
    return resources_dir() / "basemap"
