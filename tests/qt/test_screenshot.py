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


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


def test_svg_screenshot_is_the_vector_map_of_the_export(tmp_path, make_window):
    out = tmp_path / "map.svg"
    result = run_main("screenshot", "--date", "2025-11-26", "--size", "1400x850", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<image" not in text
    window = make_window(size=(1400, 850))  # the window File > Export > SVG draws from
    exported = window.exports.export_map_svg(tmp_path / "exported.svg").read_text(encoding="utf-8")

    def shape_counts(svg: str) -> dict[str, int]:
        return {tag: svg.count(f"<{tag}") for tag in ("path", "polyline", "text", "image")}

    assert shape_counts(text) == shape_counts(exported)  # one code path, the same drawing
    assert "Crewed access on 2025-11-26 · Baseline · dataset as of" in text


def test_an_unknown_suffix_is_a_one_line_error(tmp_path):
    for name in ("map.jpg", "map"):
        result = run_main("screenshot", "--out", str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and ".png or .svg" in result.stderr
        assert not (tmp_path / name).exists()


def test_scale_2_doubles_the_pixels_and_adds_a_caption(tmp_path):
    plain = shoot(tmp_path / "a.png", "--date", "2025-11-26", "--size", "800x500")
    double = shoot(tmp_path / "b.png", "--date", "2025-11-26", "--size", "800x500", "--scale", "2")
    assert double.width() == 2 * plain.width()
    strip = double.height() - 2 * plain.height()
    assert 30 <= strip <= 120  # one caption line at 2x
    background = double.pixel(double.width() - 2, double.height() - 2)
    inked = sum(
        1
        for x in range(0, double.width(), 2)
        for y in range(double.height() - strip, double.height())
        if double.pixel(x, y) != background
    )
    assert inked > 200  # the caption's words


def test_map_png_screenshot_at_scale_2_is_the_export(tmp_path):
    one = shoot(tmp_path / "one.png", "--date", "2025-11-26", "--size", "1400x850", "--map")
    two = shoot(
        tmp_path / "two.png", "--date", "2025-11-26", "--size", "1400x850", "--map", "--scale", "2"
    )
    assert (two.width(), two.height()) == (2 * one.width(), 2 * one.height())


def test_a_scenario_files_title_is_in_the_svg_caption(tmp_path):
    out = tmp_path / "lease.svg"
    preset = ROOT / "resources" / "presets" / "baikonur-lease-lost.json"
    result = run_main("screenshot", "--scenario", str(preset), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Crewed access on 2025-11-26 · Baikonur lease lost · dataset as of" in out.read_text(
        encoding="utf-8"
    )
