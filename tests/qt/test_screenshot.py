"""`python main.py screenshot` writes the real window as a PNG, offscreen."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def shoot(out: Path, *args: str) -> QImage:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "screenshot", "--out", str(out), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    return image


def test_screenshot_has_the_requested_size_and_is_not_blank(tmp_path):
    image = shoot(tmp_path / "a.png", "--date", "2025-11-26", "--size", "1200x700")
    assert (image.width(), image.height()) == (1200, 700)
    colours = {image.pixel(x, y) for x in range(0, 1200, 23) for y in range(0, 700, 17)}
    assert len(colours) > 20


def test_switching_off_31_6_changes_the_image(tmp_path):
    a = shoot(tmp_path / "a.png", "--date", "2025-11-26")
    b = shoot(tmp_path / "b.png", "--date", "2025-11-26", "--off", "baikonur-31-6")
    differing = sum(
        a.pixel(x, y) != b.pixel(x, y)
        for x in range(0, a.width(), 4)
        for y in range(0, a.height(), 4)
    )
    assert differing > 50


def test_unknown_select_id_is_a_one_line_error(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "screenshot",
            "--out",
            str(tmp_path / "x.png"),
            "--select",
            "baikonur-31-9",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 2
    assert "unknown id 'baikonur-31-9'" in result.stderr
