"""The one base of every error a user can cause: bad ids, broken files, unwritable outputs.

Pure Python, imports nothing. Each layer keeps its own error type (``UnknownIdError`` in the
catalog, ``CatalogError`` and ``ScenarioFileError`` in the loaders, the report and screenshot
errors in ``explorer.qt``) and derives it from ``ExplorerError``, so that the command line
catches them once and prints one line, and the window shows one line in a message.
"""

from __future__ import annotations


class ExplorerError(Exception):
    """A problem the user can fix; ``str(error)`` is one line naming what is wrong and where."""
