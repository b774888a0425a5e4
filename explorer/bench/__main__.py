"""Run the benchmarks and print their numbers as JSON: ``python -m explorer.bench [engine|...]``."""

from __future__ import annotations

import importlib
import json
import sys

SUITES = ("engine", "basemap", "window", "whatif", "reach")


def main(argv: list[str]) -> int:
    wanted = argv or list(SUITES)
    results = {}
    for name in wanted:
        if name not in SUITES:
            print(f"unknown benchmark '{name}'; choose from {', '.join(SUITES)}", file=sys.stderr)
            return 2
        results[name] = importlib.import_module(f"explorer.bench.{name}").run()
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
