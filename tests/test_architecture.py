"""The package split holds: headless paths never import Qt or geopandas."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def test_headless_capability_imports_no_qt_or_geopandas():
    loaded = _modules_after(
        "from explorer.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['capability', '--json', '--date', '2025-11-26']) == 0"
    )
    heavy = {m.split(".")[0] for m in loaded} & {"PySide6", "pyqtgraph", "geopandas", "shapely"}
    assert heavy == set()


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
