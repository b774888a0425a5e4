"""A full disk: every writer fails in one line, the old file stays whole, no empty file is left.

Uses a small tmpfs, which needs root (skipped otherwise)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from program import ENV, ROOT

from explorer.loaders.safe_files import TEMP_SUFFIX, FileAccessError, write_atomic

OLD = b"the previous, good content\n"


@pytest.fixture
def full_disk(tmp_path):
    """A 256 kB tmpfs holding one good file per writer, then filled to the last byte."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)])
    if result.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        for name in ("map.png", "report.html", "report.pdf", "ru.xml", "s.json"):
            (mount / name).write_bytes(OLD)
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 512)
        except OSError:
            pass
        finally:
            os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)])


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX) or p.stat().st_size == 0
    )  # the filler is never empty: it holds the whole disk


def test_write_atomic_on_a_full_disk_keeps_the_old_file(full_disk):
    target = full_disk / "s.json"
    with pytest.raises(
        FileAccessError, match=r"^s\.json: cannot write \(No space left on device\)$"
    ):
        write_atomic(target, b"x" * 200_000)
    assert target.read_bytes() == OLD
    assert leftovers(full_disk) == []


def test_a_new_file_on_a_full_disk_leaves_nothing(full_disk):
    with pytest.raises(FileAccessError):
        write_atomic(full_disk / "new.json", b"x" * 200_000)
    assert not (full_disk / "new.json").exists()
    assert leftovers(full_disk) == []


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--out", "report.html", "--date", "2025-11-28"],
        ["report", "--out", "report.pdf", "--date", "2025-11-28"],
        ["screenshot", "--out", "map.png", "--date", "2025-11-28"],
        ["export-mef", "--nation", "RU", "--date", "2025-11-26", "--out", "ru.xml"],
    ],
    ids=["html", "pdf", "png", "mef"],
)
def test_cli_writers_on_a_full_disk_exit_2_and_keep_the_old_file(full_disk, args):
    out = args[args.index("--out") + 1]
    args = [str(full_disk / a) if a == out else a for a in args]
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert (full_disk / out).read_bytes() == OLD
    assert leftovers(full_disk) == []


def test_capability_into_a_full_stdout_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "capability", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
    assert result.returncode == 1  # EXIT_OUTPUT: the result could not be delivered
    assert result.stderr == (
        "launch-site-explorer: error: cannot write the output (No space left on device)\n"
    )


def test_capability_into_a_closed_pipe_ends_quietly():
    read_fd, write_fd = os.pipe()
    os.close(read_fd)  # as after `capability | true`: the reader has gone before we write
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "timeline", "--json"],
        stdout=write_fd,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=ROOT,
    )
    os.close(write_fd)
    assert result.returncode != 0
    assert result.stderr == ""  # no traceback, no "Exception ignored ..."
