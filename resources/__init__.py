"""The shipped data: catalog, basemap, presets and icons; no code.

This folder installs as the package ``explorer.resources`` (``package-dir`` in pyproject.toml), so
``importlib.resources`` finds the data in a wheel, an editable install and the PyInstaller bundle
alike; ``explorer.paths`` is the one module that reads its layout.
"""
