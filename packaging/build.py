"""Build the installable program: the PyInstaller bundle, a portable archive and (Linux) a .deb.

Usage: ``python packaging/build.py [--skip-deb] [--measure] [--dist DIR] [--work DIR]``.
Writes into ``dist/`` by default: ``launch-site-explorer/`` (the one-folder bundle), the portable
``launch-site-explorer-<version>-<os>-<arch>.tar.gz`` (``.zip`` on Windows) and, on Linux with
``dpkg-deb``, ``launch-site-explorer_<version>_<arch>.deb``; then prints their sizes. ``--measure``
also times ``capability --json`` and the first painted window from the bundle. Imports only the
standard library (PyInstaller runs as a subprocess of the same interpreter).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "launch_site_explorer.spec"
DESKTOP = ROOT / "packaging" / "launch-site-explorer.desktop"
ICONS = ROOT / "resources" / "icons"
NAME = "launch-site-explorer"
MACOS_APP = "Launch-Site Explorer.app"
# System libraries PyInstaller leaves to the host (glibc, GL, xcb); Qt's Wayland plugin is optional:
# without libwayland Qt falls back to xcb.
DEB_DEPENDS = ["libgl1", "libegl1", "libxcb1", "libfontconfig1"]
DEB_RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]


def version() -> str:
    text = (ROOT / "explorer" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("build: no __version__ in explorer/__init__.py")
    return found.group(1)


def tree_bytes(path: Path) -> int:
    """Bytes of the regular files under ``path``, symlinks not followed (what ``du -b`` counts)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(dist: Path, work: Path) -> Path:
    options = ["--noconfirm", "--log-level=WARN", f"--distpath={dist}", f"--workpath={work}"]
    subprocess.run([sys.executable, "-m", "PyInstaller", *options, str(SPEC)], check=True)
    return dist / (MACOS_APP if sys.platform == "darwin" else NAME)


def portable_archive(bundle: Path, dist: Path) -> Path:
    """The bundle in one archive, unpacking to a single ``launch-site-explorer-<version>/``."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    stem = f"{NAME}-{version()}-{system}-{platform.machine().lower()}"
    if sys.platform == "win32":
        out = dist / f"{stem}.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, Path(stem) / path.relative_to(bundle))
        return out
    out = dist / f"{stem}.tar.gz"
    # Level 6: within 2 % of level 9's size on Qt libraries at a third of the time.
    with tarfile.open(out, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{stem}/{bundle.name}" if bundle.suffix == ".app" else stem)
    return out


def glibc_floor(bundle: Path) -> str:
    """The newest glibc symbol version any binary of the bundle asks for (e.g. ``2.36``)."""
    versions = {"2.17"}
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and (".so" in path.name or path.name == NAME):
            symbols = subprocess.run(
                ["objdump", "-T", str(path)], capture_output=True, text=True
            ).stdout
            versions.update(re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", symbols))
    return max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))


def debian_package(bundle: Path, dist: Path, work: Path) -> Path:
    """A .deb installing the bundle in /opt, a launcher in /usr/bin, a menu entry and icons."""
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / NAME, symlinks=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.parent.mkdir(parents=True)
    # Relative, so the launcher also works from a `dpkg -x` unpacked into any folder. The bootloader
    # resolves its own path through /proc/self/exe, so it finds _internal/ behind the link.
    launcher.symlink_to(Path("..", "..", "opt", NAME, NAME))
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(DESKTOP, applications / DESKTOP.name)
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for png in sorted(ICONS.glob(f"{NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True)
        shutil.copy2(png, target)
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / f"{NAME}.svg", scalable / f"{NAME}.svg")

    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {NAME}\n"
        f"Version: {version()}\n"
        "Section: science\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Depends: libc6 (>= {glibc_floor(bundle)}), {', '.join(DEB_DEPENDS)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        f"Installed-Size: {tree_bytes(root) // 1024}\n"
        "Maintainer: Launch-Site Redundancy Explorer maintainers <noreply@example.org>\n"
        "Description: crewed access to orbit and its single points of failure\n"
        " A world map of cosmodromes and pads with their crew-rating status on any date\n"
        " since 1961. Switch a site, pad, vehicle or agreement off and every nation's\n"
        " crewed access, its routes and its minimal cut sets recompute at once. Also a\n"
        " headless command line (launch-site-explorer --help).\n",
        encoding="utf-8",
    )
    # dpkg-deb refuses group- or world-writable control folders, and packages should not carry
    # the builder's umask.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)
    out = dist / f"{NAME}_{version()}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def executable_in(bundle: Path) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / NAME
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def first_frame_seconds(program: Path, env: dict[str, str]) -> float:
    """Wall seconds from starting the window to its first painted frame; the program is killed.

    The frame is seen without touching the program: Qt's ``qt.widgets.painting`` logging category
    reports each backing-store flush on stderr, and the clock stops at the first of the main window.
    """
    paint_env = {**env, "QT_LOGGING_RULES": "qt.widgets.painting=true"}
    start = time.perf_counter()
    with subprocess.Popen(
        [str(program)], env=paint_env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
    ) as process:
        assert process.stderr is not None  # stderr=PIPE
        try:
            for line in process.stderr:
                if b"Flushing" in line and b"MainWindow" in line:
                    return time.perf_counter() - start
        finally:
            process.kill()
    raise RuntimeError(f"{program} exited (status {process.returncode}) before painting a frame")


def measure(program: Path) -> dict[str, float]:
    """Wall seconds of ``capability --json`` and of the first painted window.

    Each is the best of three runs after one warm-up, so the numbers compare warm starts.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    capability, window = [], []
    for _ in range(4):
        start = time.perf_counter()
        subprocess.run(
            [str(program), "capability", "--json"], env=env, capture_output=True, check=True
        )
        capability.append(time.perf_counter() - start)
        window.append(first_frame_seconds(program, env))
    return {"capability --json": min(capability[1:]), "first painted window": min(window[1:])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--skip-deb", action="store_true", help="no .deb (always on non-Linux)")
    parser.add_argument("--measure", action="store_true", help="time start-ups from the bundle")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    start = time.perf_counter()
    bundle = build_bundle(dist, work)
    report = {f"bundle  {bundle}": tree_bytes(bundle)}
    archive = portable_archive(bundle, dist)
    report[f"archive {archive}"] = archive.stat().st_size
    if not args.skip_deb and sys.platform.startswith("linux"):
        if shutil.which("dpkg-deb") is None:
            raise SystemExit("build: dpkg-deb not found; install dpkg or pass --skip-deb")
        deb = debian_package(bundle, dist, work)
        report[f"deb     {deb}"] = deb.stat().st_size
    elapsed = time.perf_counter() - start

    for label, size in report.items():
        print(f"{size / 1e6:8.1f} MB  {label}")
    print(f"built in {elapsed:.0f} s")
    if args.measure:
        for label, seconds in measure(executable_in(bundle)).items():
            print(f"{seconds:8.2f} s   {label} (warm, best of 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
