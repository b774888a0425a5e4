"""The wheel, as ``pip install`` gives it: built from a copy of the sources, installed into a fresh
venv far from the source tree, and run there. About 15 s: the venv gets the wheel only
(``--no-deps``) and sees the dependencies already installed here through a ``.pth`` file (a venv's
``--system-site-packages`` would see the base interpreter's, not this environment's).
"""

import ast
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A copy of the source tree, as a clone has it."""
    source = tmp_path_factory.mktemp("source") / "launch-site-explorer"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    return source


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    (built,) = out.glob("launch_site_explorer-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A fresh venv holding the wheel; the dependencies come from this environment."""
    root = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # Plain path lines: this environment's own .pth files (our editable install) are not run.
    (Path(site) / "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"),
            *("--no-deps", "--no-index", str(wheel)),
        ],
        check=True,
        capture_output=True,
    )
    return root


def run_installed(venv, *args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(venv / "bin" / "launch-site-explorer"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_installed_wheel_answers_capability_from_its_own_dataset(venv, tmp_path):
    result = run_installed(venv, "capability", "--json", "--date", "2025-11-28", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    nations = {n["id"]: n for n in data["nations"]}
    # The day after Site 31/6 was damaged: Russia flies only through the seat swap.
    assert nations["RU"]["status"] == "partner"
    assert nations["US"]["status"] == "independent"
    assert nations["CN"]["status"] == "independent"


def test_installed_program_reads_the_installed_package_not_the_checkout(venv, tmp_path):
    probe = (
        "import explorer, explorer.paths as p; "
        "print(explorer.__file__); print(p.resources_dir()); print(p.catalog_dir().is_dir())"
    )
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    module, resources, has_catalog = result.stdout.split("\n")[:3]
    assert Path(module).is_relative_to(venv) and Path(resources).is_relative_to(venv)
    assert Path(resources).parts[-2:] == ("explorer", "resources")
    assert has_catalog == "True"


def test_wheel_ships_every_resource_file(wheel):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n.removeprefix("explorer/resources/") for n in archive.namelist()}
    wanted = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert wanted <= shipped, f"left out of the wheel: {sorted(wanted - shipped)}"


def test_every_package_of_the_source_tree_is_listed_for_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "explorer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = sorted(found - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_a_checkout_run_without_installing_reads_its_resources_folder(source):
    # Our own editable install would resolve explorer.resources to this worktree: drop its finder.
    probe = (
        "import sys; "
        "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; "
        "import explorer.paths as p; print(p.resources_dir()); print(p.catalog_dir().is_dir())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=source, check=True
    )
    assert result.stdout.split("\n")[:2] == [str(source / "resources"), "True"]


def _requirement_name(requirement: str) -> str:
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group()
    return re.sub(r"[-_.]+", "-", name).lower()


def test_runtime_dependencies_are_what_the_program_imports(wheel):
    """Every distribution a shipped module imports is a dependency; geopandas (only the basemap
    build script uses it) is an extra."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [
            line.removeprefix("Requires-Dist: ")
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist: ")
        ]
        imported: set[str] = set()
        for name in archive.namelist():
            if name.endswith(".py") and not name.startswith("explorer/bench/"):
                for node in ast.walk(ast.parse(archive.read(name))):
                    if isinstance(node, ast.Import):
                        imported.update(a.name.partition(".")[0] for a in node.names)
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        imported.add(node.module.partition(".")[0])
    runtime = {_requirement_name(r) for r in requires if "extra ==" not in r}
    third_party = imported - set(sys.stdlib_module_names) - {"explorer"}
    owners = importlib.metadata.packages_distributions()
    undeclared = {
        module
        for module in third_party
        if not {_requirement_name(d) for d in owners.get(module, [module])} & runtime
        # shiboken6 comes with PySide6 (its binding runtime), never on its own.
        and not (module == "shiboken6" and "pyside6-essentials" in runtime)
    }
    assert not undeclared, f"imported at run time but not a dependency: {sorted(undeclared)}"
    assert "geopandas" not in runtime
    assert {"pyside6-essentials", "pyqtgraph", "numpy", "pyyaml"} <= runtime
