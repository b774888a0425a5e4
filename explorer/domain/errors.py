"""The one base class of every failure a user can cause and act on.

Pure Python, imports nothing. Each layer derives its own errors from ``ExplorerError`` (an unknown
id, a broken catalog or scenario file, a file that cannot be written, a bad date); the command line
catches it once (one line, exit status 2) and the window shows it in a message box. The message is
always one line naming what is wrong and where.
"""

from __future__ import annotations


class ExplorerError(Exception):
    """A failure the user can act on; ``str(error)`` is one line naming what and where."""
