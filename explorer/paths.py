"""Where the shipped resources live: the package ``explorer.resources``, however it was installed.

The one module that knows the resource layout; imports only the standard library. The repository
keeps the data in its top-level ``resources/`` folder, which pyproject.toml installs as the package
``explorer.resources`` (wheel and editable install) and the PyInstaller spec collects as the same
package; ``importlib.resources`` then finds it in every case. A source checkout run without
installing (``python main.py`` with only the dependencies installed) reads the folder directly.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "explorer.resources"
"""The importable name of the shipped data."""


def resources_dir() -> Path:
    """The folder holding ``catalog/``, ``basemap/``, ``presets/`` and ``icons/``."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        # A source checkout that was never installed: explorer/ and resources/ are siblings.
        return Path(__file__).resolve().parent.parent / "resources"
    # Installs from a wheel, an editable install and the PyInstaller bundle all keep the data as
    # files on disk (pip never installs zipped), so the loaders can use plain paths.
    if not isinstance(root, Path):
        raise RuntimeError(f"{PACKAGE} is not a folder on disk ({root!r}); reinstall the program")
    return root


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def basemap_dir() -> Path:
    return resources_dir() / "basemap"
