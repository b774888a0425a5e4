"""Shared fixtures: the shipped catalog and basemap, each read once per test session."""

import sys
from pathlib import Path

import pytest

# Make tests/factories.py importable as `factories` from every test folder.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def catalog():
    """The shipped dataset (immutable, so one copy serves every test)."""
    from explorer.loaders.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def basemap():
    """The shipped basemap (immutable arrays, read once)."""
    from explorer.loaders.basemap import load_basemap

    return load_basemap()
