"""Launch-Site Redundancy Explorer: who can still put people in orbit, and how fragile is it.

The package is split by dependency: ``domain`` (pure Python), ``loaders`` (files to domain
objects; the only place for geopandas/shapely), ``qt`` (the only place for PySide6/pyqtgraph)
and ``cli`` (headless commands; imports ``qt`` lazily).
"""

__version__ = "0.1.0"
