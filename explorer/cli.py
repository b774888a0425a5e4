"""Command line: ``python main.py`` opens the window; a subcommand runs headless on the same engine.

Imports the domain and the loaders; imports ``explorer.qt`` lazily, only for the window and
``screenshot``, so headless commands never pay for Qt. Bad arguments, unknown ids and broken data
files end with exit status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from explorer import __version__

EXIT_USAGE = 2
PROG = "launch-site-explorer"  # the installed command


class UsageError(Exception):
    """A problem with what the user asked for; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of argparse's usage block
        raise UsageError(message)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD (default: today)")
    common.add_argument(
        "--off",
        action="append",
        default=[],
        metavar="ID",
        help="switch off a pad, site, launch vehicle, crew vehicle or agreement (repeatable)",
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument(
        "--destination", default=None, metavar="ID", help="count only routes reaching it (iss, ...)"
    )
    common.add_argument(
        "--scenario",
        default=None,
        metavar="FILE",
        help="scenario file (.json): its date and switched-off ids (--date overrides, --off adds)",
    )

    parser = _Parser(
        prog=PROG,
        description="Launch-Site Redundancy Explorer. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("pads", parents=[common], help="pads and their status on a date")
    commands.add_parser("capability", parents=[common], help="every nation's crewed access")
    cuts = commands.add_parser("cutsets", parents=[common], help="minimal cut sets of a nation")
    cuts.add_argument("--nation", required=True, help="nation id, e.g. RU")
    cuts.add_argument("--max-size", type=_positive, default=3, help="largest cut set (default 3)")
    cuts.add_argument("--level", choices=["independent", "any"], default=None)
    line = commands.add_parser("timeline", parents=[common], help="access intervals over time")
    line.add_argument("--from", dest="start", type=parse_day, default=date(1961, 4, 12))
    line.add_argument("--to", dest="end", type=parse_day, default=date(2036, 1, 1))
    line.add_argument("--nation", action="append", default=[], help="nation id (repeatable)")
    shot = commands.add_parser("screenshot", parents=[common], help="render the window to PNG")
    shot.add_argument("--out", required=True, help="PNG file to write")
    shot.add_argument("--select", default=None, metavar="ID", help="pad, site or nation to select")
    shot.add_argument("--size", default="1600x900", help="WIDTHxHEIGHT (default 1600x900)")
    shot.add_argument("--theme", choices=["light", "dark"], default=None)
    report = commands.add_parser("report", parents=[common], help="write a report (HTML or PDF)")
    report.add_argument("--out", required=True, help="FILE.html or FILE.pdf")
    mef = commands.add_parser(
        "export-mef", parents=[common], help="a nation's fault tree as Open-PSA MEF XML"
    )
    mef.add_argument("--nation", required=True, help="nation id, e.g. RU")
    mef.add_argument("--out", required=True, help="XML file to write")
    mef.add_argument("--level", choices=["independent", "any"], default=None)
    where = commands.add_parser("reach", parents=[common], help="orbital reach of pads")
    where.add_argument("--pad", default=None, metavar="ID", help="one pad (default: crew-capable)")
    where.add_argument("--inclination", type=_number, default=None, metavar="DEG")
    where.add_argument("--downrange", type=_number, default=2000.0, metavar="KM")
    return parser


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else text)


def _run(args: argparse.Namespace) -> int:
    # Imported here so that `--version`/`--help` and the window path stay light.
    from explorer.domain.capability import Level, assess
    from explorer.domain.obstacles import describe, own_access_obstacles
    from explorer.domain.scenario import Scenario
    from explorer.domain.summaries import capability_dict, cutsets_dict, pad_rows, timeline_dict
    from explorer.domain.timeline import timeline
    from explorer.loaders.catalog import load_catalog

    catalog = load_catalog()
    catalog.check_ids(args.off)
    saved = _read_scenario_file(args.scenario, catalog)
    scenario = Scenario.of([*(saved.off if saved else ()), *args.off])
    day = args.date or (saved.day if saved else date.today())
    if args.destination is not None:
        from explorer.domain.reach import destination

        scenario = scenario.with_destination(destination(catalog, args.destination).id)

    if args.command == "pads":
        rows = pad_rows(catalog, day)
        text = _table(
            ["id", "name", "site", "status", "launch vehicles"],
            [
                [r["id"], r["name"], r["site"], r["status"], ", ".join(r["launch_vehicles"])]
                for r in rows
            ],
        )
        _emit(args, rows, text)
    elif args.command == "capability":
        data = capability_dict(catalog, assess(catalog, scenario, day))
        text = _table(
            ["nation", "status", "routes", "usable pads", "min cut", "single points of failure"],
            [
                [
                    n["id"],
                    n["status"],
                    len(n["routes"]),
                    ", ".join(n["usable_pads"]),
                    n["min_cut_size"],
                    ", ".join(n["single_points_of_failure"]),
                ]
                for n in data["nations"]
            ],
        )
        grounded = [
            f"  {n['id']}  {describe(catalog, g)}"
            for n in data["nations"]
            if n["status"] != "independent"
            for g in own_access_obstacles(catalog, scenario, day, n["id"])
        ]
        if grounded:
            text += "\n\nWhat keeps their own crew vehicles on the ground:\n" + "\n".join(grounded)
        note = catalog.projection_note(day)
        head = f"Crewed access on {data['date']} (dataset as of {data['dataset_as_of']})"
        _emit(args, data, f"{head}\n{text}" + (f"\n\nNote: {note}." if note else ""))
    elif args.command == "cutsets":
        nation = catalog.nation(args.nation).id
        level = Level(args.level) if args.level else None
        data = cutsets_dict(catalog, assess(catalog, scenario, day), nation, level, args.max_size)
        text = _table(
            ["size", "components"],
            [
                [c["size"], ", ".join(f"{x['id']} ({x['kind']})" for x in c["components"])]
                for c in data["cut_sets"]
            ],
        )
        head = f"{nation} on {data['date']}"
        if data["level"] is None:
            _emit(args, data, f"{head}: no crewed access, so nothing to cut")
        else:
            level = data["level"]
            _emit(args, data, f"{head}: {data['status']}, cut sets at level {level}\n{text}")
    elif args.command == "timeline":
        if args.end <= args.start:
            raise UsageError(f"--to {args.end} must come after --from {args.start}")
        result = timeline(catalog, scenario, args.start, args.end, args.nation or None)
        data = timeline_dict(result, scenario.sorted_off())
        text = _table(
            ["nation", "from", "to", "status", "pads", "crew vehicles"],
            [
                [
                    n["id"],
                    i["from"],
                    i["to"],
                    i["status"],
                    ", ".join(i["pads"]),
                    ", ".join(i["crew_vehicles"]),
                ]
                for n in data["nations"]
                for i in n["intervals"]
            ],
        )
        _emit(args, data, text)
    elif args.command == "screenshot":
        from explorer.qt.screenshot import save_screenshot

        size = _parse_size(args.size)
        select = args.select or (saved.selection if saved else None)
        save_screenshot(catalog, scenario, day, args.out, size, select, args.theme)
        print(args.out)
    elif args.command == "report":
        _report(args, catalog, assess(catalog, scenario, day), saved)
        print(args.out)
    elif args.command == "reach":
        from explorer.reach_command import REACH_HEADERS, reach_records, reach_text

        if args.destination is not None and args.inclination is not None:
            raise UsageError("give --destination or --inclination, not both")
        try:
            records = reach_records(
                catalog, day, args.pad, args.destination, args.inclination, args.downrange
            )
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        _emit(args, records, _table(REACH_HEADERS, reach_text(records)))
    elif args.command == "export-mef":
        from explorer.domain.fault_tree import mef_xml

        nation = catalog.nation(args.nation).id
        level = Level(args.level) if args.level else None
        _write_text(args.out, mef_xml(catalog, assess(catalog, scenario, day), nation, level))
        print(args.out)
    return 0


def _read_scenario_file(path: str | None, catalog):
    """The scenario file named by ``--scenario`` without the ids the dataset lacks (warned)."""
    if path is None:
        return None
    from explorer.loaders.scenario_file import describe_unknown, read_scenario

    saved, unknown = read_scenario(path).without_unknown(catalog)
    if unknown:
        print(f"{PROG}: warning: {path}: {describe_unknown(unknown)}", file=sys.stderr)
    return saved


def _report(args: argparse.Namespace, catalog, report, saved) -> None:
    if not args.out.lower().endswith((".html", ".htm", ".pdf")):
        raise UsageError(f"--out '{args.out}' must end in .html or .pdf")
    from explorer.domain.html_report import ReportText
    from explorer.qt.report import ReportError, save_report

    text = ReportText(saved.title, saved.notes, saved.description) if saved else None
    view = saved.view.lon + saved.view.lat if saved and saved.view else None
    try:
        save_report(catalog, report, args.out, text, view, saved.selection if saved else None)
    except (ReportError, OSError) as exc:
        raise UsageError(str(exc)) from None


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {path} ({exc.strerror or exc})") from None


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size '{text}' is not WIDTHxHEIGHT, e.g. 1600x900") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise UsageError(f"--size '{text}' is outside 200..8000 pixels per side")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from explorer.qt.app import run_window

        return run_window()
    from explorer.domain.catalog import UnknownIdError
    from explorer.loaders.catalog import CatalogError
    from explorer.loaders.scenario_file import ScenarioFileError

    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("no command given; try --help")
        return _run(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (UnknownIdError, CatalogError, ScenarioFileError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
