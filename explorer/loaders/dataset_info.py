"""The dataset's own description for the About box: its licence, read from ``dataset.yaml``.

Loaders layer (files, domain errors). The catalog keeps what the engine needs (title, as-of date);
the licence is only ever shown, so it is read here, when the About box asks.
"""

from __future__ import annotations

from pathlib import Path

from explorer.loaders.catalog import CatalogError, _read_yaml
from explorer.paths import catalog_dir

NO_LICENCE = "no licence is stated in dataset.yaml; each record cites its public sources"


def dataset_licence(directory: Path | None = None) -> str:
    """The ``license`` text of ``dataset.yaml`` (``NO_LICENCE``: none, or unreadable)."""
    try:
        meta = _read_yaml(
            Path(directory) if directory is not None else catalog_dir(), "dataset.yaml"
        )
    except CatalogError:
        return NO_LICENCE
    value = meta.get("license") if isinstance(meta, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else NO_LICENCE
