"""Reading and writing the user's files safely: regular files only, bounded, atomic.

Imports the standard library and the domain's error base only; every writer of the program (scenario
files, autosave, PNG, SVG, CSV, HTML, PDF, MEF) goes through ``write_atomic`` and every reader of a
user-named file through ``read_regular``.

- ``write_atomic`` writes the bytes to a temporary file in the target's folder, flushes and fsyncs
  it, then renames it over the target (``os.replace`` is atomic within a filesystem) and fsyncs the
  folder. At every instant the target holds its old content or the complete new one; on any failure
  (full disk, permission, a folder in the way) the temporary file is removed, the old file is intact
  and ``FileAccessError`` says why in one line. Nothing empty is ever renamed into place.
- ``read_regular`` refuses what is not a regular file (a FIFO would block forever, a device never
  ends) before reading it, and reads at most a given number of bytes.
- Temporary files carry ``TEMP_SUFFIX``; ``remove_stale_temps`` deletes ours left by a killed
  process once they are older than a day.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from explorer.domain.errors import ExplorerError

TEMP_SUFFIX = ".lse-tmp"
STALE_AFTER_S = 24 * 3600


class FileAccessError(ExplorerError, OSError):
    """A file that cannot be read or written; the message is one line naming the file."""


def reason(exc: OSError) -> str:
    """The operating system's words for ``exc`` ("No space left on device")."""
    return exc.strerror or str(exc) or type(exc).__name__


def read_regular(path: str | Path, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``max_bytes``.

    A FIFO, device, socket or folder is refused before it is opened for reading; the file is
    opened non-blocking and checked again, so one swapped in meanwhile cannot hang the program.
    """
    path = Path(path)
    name = path.name or str(path)

    def fail(problem: str) -> FileAccessError:
        return FileAccessError(f"{name}: {problem}")

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as exc:
        raise fail(f"cannot read ({reason(exc)})") from None
    _require_regular(info.st_mode, fail, what)
    if info.st_size > max_bytes:
        raise fail(f"is {_size(info.st_size)}; a {what} is at most {_size(max_bytes)}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise fail(f"cannot read ({reason(exc)})") from None
    try:
        _require_regular(os.fstat(fd).st_mode, fail, what)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise fail(f"cannot read ({reason(exc)})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise fail(f"is larger than {_size(max_bytes)}; not a {what}")
    return data


def _require_regular(mode: int, fail: Callable[[str], Exception], what: str) -> None:
    if stat.S_ISDIR(mode):
        raise fail(f"is a folder, not a {what}")
    if not stat.S_ISREG(mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device or socket"
        raise fail(f"is {kind}, not a {what}")


def write_atomic(path: str | Path, data: bytes, backup: Path | None = None) -> Path:
    """Replace ``path`` by ``data`` atomically; keep its old content as ``backup`` if given.

    A symbolic link is written through (the link stays). Raises ``FileAccessError``.
    """
    path = Path(path)
    if path.is_symlink():
        with suppress(OSError, RuntimeError):
            path = path.resolve(strict=True)
    name = path.name or str(path)
    folder = path.parent
    if path.is_dir():
        raise FileAccessError(f"{name}: is a folder; choose a file name")
    if not folder.is_dir():
        raise FileAccessError(f"{name}: the folder {folder} does not exist")
    if not data:
        raise FileAccessError(f"{name}: nothing to write (empty output)")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise FileAccessError(f"{name}: cannot write ({reason(exc)})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(path, temp)
        if backup is not None and path.is_file():
            _keep_backup(path, backup)
        os.replace(temp, path)
    except OSError as exc:
        with suppress(OSError):
            temp.unlink()
        raise FileAccessError(f"{name}: cannot write ({reason(exc)})") from None
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """``write_atomic`` of UTF-8 text; text that cannot be encoded is refused in one line."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FileAccessError(
            f"{Path(path).name}: the text holds a character that cannot be written"
            f" ({exc.object[exc.start : exc.end]!r})"
        ) from None
    return write_atomic(path, data)


def remove_stale_temps(folder: str | Path, max_age_s: float = STALE_AFTER_S) -> int:
    """Delete our temporary files in ``folder`` older than ``max_age_s``; how many were removed."""
    removed = 0
    cutoff = time.time() - max_age_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        with suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
    return removed


def remove_file(path: str | Path) -> None:
    """Delete ``path`` if it is there."""
    with suppress(FileNotFoundError):
        Path(path).unlink()


def _keep_backup(path: Path, backup: Path) -> None:
    """Make ``backup`` hold the current content of ``path``, itself atomically."""
    temp = backup.with_name(f".{backup.name}.{os.getpid()}{TEMP_SUFFIX}")
    with suppress(FileNotFoundError):
        temp.unlink()
    try:
        os.link(path, temp)  # the old inode survives the rename of the new file: no copy needed
    except OSError:
        import shutil

        shutil.copy2(path, temp)
    os.replace(temp, backup)


def _copy_mode(path: Path, temp: Path) -> None:
    """A new file gets the usual 0644 (mkstemp makes 0600); a replaced one keeps its mode."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    with suppress(OSError):
        os.chmod(temp, mode)


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself (POSIX); skipped where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} kB"
