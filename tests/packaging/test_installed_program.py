"""The installable program, as a user gets it: build the bundle and the .deb, unpack the .deb
(``dpkg -x``) into a temporary root and run the installed launcher from there, far from the source
tree. Linux only (the only platform that can be built here); takes about a minute to build.
"""

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from explorer import __version__

ROOT = Path(__file__).resolve().parents[2]
NAME = "launch-site-explorer"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the .deb and this smoke test are Linux-only"
)


def _build_module():
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [
            *(sys.executable, str(ROOT / "packaging" / "build.py")),
            *("--dist", str(dist), "--work", str(tmp_path_factory.mktemp("work"))),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return dist


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory):
    """The .deb unpacked into a fresh root; yields that root."""
    (deb,) = dist.glob(f"{NAME}_{__version__}_*.deb")
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A user's environment with no source tree, display or settings of ours in reach."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        QT_QPA_PLATFORM="offscreen",
        PATH="/usr/bin:/bin",
    )
    return home, env


def run(installed, home, *args):
    folder, env = home
    return subprocess.run(
        [str(installed / "usr" / "bin" / NAME), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=120,
    )


def test_the_deb_installs_bundle_launcher_menu_entry_and_icons(installed):
    assert (installed / "opt" / NAME / NAME).is_file()
    assert (installed / "usr" / "bin" / NAME).is_symlink()
    desktop = (installed / "usr" / "share" / "applications" / f"{NAME}.desktop").read_text()
    assert f"Exec={NAME}" in desktop and f"Icon={NAME}" in desktop
    icons = installed / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{NAME}.svg").is_file()
    assert (icons / "256x256" / "apps" / f"{NAME}.png").is_file()
    catalog = installed / "opt" / NAME / "_internal" / "explorer" / "resources" / "catalog"
    assert (catalog / "pads.yaml").is_file()


def test_the_deb_declares_what_it_needs(dist):
    (deb,) = dist.glob("*.deb")
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Package: {NAME}" in fields
    assert f"Version: {__version__}" in fields
    assert "Depends: libc6 (>= 2." in fields


def test_the_portable_archive_holds_the_same_program(dist):
    (archive,) = dist.glob(f"{NAME}-{__version__}-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    top = archive.name.removesuffix(".tar.gz")
    assert f"{top}/{NAME}" in names
    assert f"{top}/_internal/explorer/resources/catalog/pads.yaml" in names


def test_bundle_stays_small(dist):
    size = _build_module().tree_bytes(dist / NAME)
    assert size <= 250e6, f"bundle is {size / 1e6:.0f} MB"


def test_version_and_help(installed, home):
    version = run(installed, home, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"{NAME} {__version__}"
    helped = run(installed, home, "--help")
    assert helped.returncode == 0
    for command in ("pads", "capability", "cutsets", "timeline", "screenshot", "report"):
        assert command in helped.stdout


def test_capability_json_finds_the_bundled_dataset(installed, home):
    result = run(installed, home, "capability", "--json", "--date", "2025-11-28")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    status = {n["id"]: n["status"] for n in data["nations"]}
    assert status["RU"] == "partner" and status["US"] == "independent" and status["IN"] == "none"


def test_every_headless_command_runs(installed, home):
    folder, _ = home
    for args in (
        ["pads", "--date", "2025-11-28"],
        ["cutsets", "--nation", "RU", "--date", "2025-11-26", "--json"],
        ["timeline", "--nation", "US", "--from", "2011-01-01", "--to", "2021-01-01", "--json"],
        ["report", "--out", str(folder / "report.html"), "--date", "2025-11-28"],
        ["export-mef", "--nation", "RU", "--date", "2025-11-26", "--out", str(folder / "ru.xml")],
    ):
        result = run(installed, home, *args)
        assert result.returncode == 0, f"{args}: {result.stderr}"
    cuts = json.loads(
        run(installed, home, "cutsets", "--nation", "RU", "--date", "2025-11-26", "--json").stdout
    )
    assert [{"id": "baikonur-31-6", "kind": "pad"}] in [c["components"] for c in cuts["cut_sets"]]
    assert "<opsa-mef>" in (folder / "ru.xml").read_text()
    assert "Crewed access on 2025-11-28" in (folder / "report.html").read_text()
    bad = run(installed, home, "capability", "--off", "baikonur-31-7")
    assert bad.returncode == 2 and "baikonur-31-7" in bad.stderr and "Traceback" not in bad.stderr


def test_screenshot_from_the_installed_program(installed, home):
    from PySide6.QtGui import QImage

    folder, _ = home
    out = folder / "shot.png"
    result = run(
        installed,
        home,
        "screenshot",
        "--out",
        str(out),
        "--size",
        "800x450",
        "--date",
        "2025-11-28",
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 450)
    colours = {image.pixel(x, y) for x in range(0, 800, 10) for y in range(0, 450, 10)}
    assert len(colours) > 20, "the screenshot looks blank"


def test_the_window_opens_and_paints(installed, home):
    _, env = home
    seconds = _build_module().first_frame_seconds(installed / "usr" / "bin" / NAME, env)
    assert seconds < 60
