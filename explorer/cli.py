"""Command line: ``python main.py`` opens the window; a subcommand runs headless on the same engine.

Imports the domain, the loaders and ``explorer.present``; imports ``explorer.qt`` lazily, only for
the window, ``screenshot`` and ``report``, so headless commands never pay for Qt. Every error a
user can cause is an ``ExplorerError`` (bad arguments, unknown ids, broken data or scenario
files, unwritable outputs): ``main`` catches it once and ends with exit status 2 and one line on
stderr, never a traceback. A closed pipe (``capability | head -1``) or a full disk ends quietly
with exit status 1.

Adding a subcommand is one handler and one registration::

    def _check_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--strict", action="store_true", help="...")

    @command("check", "check the dataset", _check_options)
    def check(run: Run) -> None:
        data = ...  # from explorer.present: the same summary gives the JSON and the text
        run.emit(data, text)

Every subcommand gets the common options (``--date``, ``--off``, ``--json``, ``--scenario``);
``run`` holds the catalog, the scenario and the date they give.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from explorer import __version__
from explorer.domain.errors import ExplorerError
from explorer.domain.timespan import END_DAY, FIRST_DAY, RANGE_TEXT, DayError, clamp_day
from explorer.domain.timespan import parse_day as parse_strict_day

if TYPE_CHECKING:
    from explorer.domain.capability import CapabilityReport
    from explorer.domain.catalog import Catalog
    from explorer.domain.scenario import Scenario
    from explorer.loaders.scenario_file import SavedScenario

EXIT_USAGE = 2
EXIT_OUTPUT = 1  # stdout closed or full
PROG = "launch-site-explorer"  # the installed command


class UsageError(ExplorerError):
    """A problem with what the user asked for; printed as one line, exit status 2."""


class OutputError(ExplorerError):
    """Standard output cannot take the result (a full disk); exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage
        raise UsageError(message)


def parse_day(text: str) -> date:
    """A date written YYYY-MM-DD inside the engine's range (``explorer.domain.timespan``)."""
    try:
        return parse_strict_day(text)
    except DayError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


# -- the command table --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Run:
    """What a handler works on: the parsed arguments, catalog, scenario and date."""

    args: argparse.Namespace
    catalog: Catalog
    scenario: Scenario
    day: date
    saved: SavedScenario | None

    def report(self) -> CapabilityReport:
        from explorer.domain.capability import assess

        return assess(self.catalog, self.scenario, self.day)

    def emit(self, data: Any, text: str) -> None:
        """Print ``data`` as JSON with ``--json``, else ``text``."""
        write(json.dumps(data, indent=2, ensure_ascii=False) if self.args.json else text)


Handler = Callable[[Run], int | None]  # the exit status; None means 0


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    handler: Handler
    options: Callable[[argparse.ArgumentParser], None]


COMMANDS: dict[str, Command] = {}


def _no_options(_parser: argparse.ArgumentParser) -> None:
    pass


def command(
    name: str, help: str, options: Callable[[argparse.ArgumentParser], None] = _no_options
) -> Callable[[Handler], Handler]:
    """Register ``handler`` as subcommand ``name``, its own options added by ``options``."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(name, help, handler, options)
        return handler

    return register


def write(text: str) -> None:
    """Print a result; a full stdout becomes an ``OutputError`` (a closed pipe stays a
    ``BrokenPipeError``, ended quietly by ``main``)."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output ({exc.strerror or exc})") from None


# -- the commands -------------------------------------------------------------------------------
@command("pads", "pads and their status on a date")
def pads(run: Run) -> None:
    from explorer.present.data import pad_rows
    from explorer.present.text import pads_text

    report = run.report()  # what is off on the date, dated outages included
    rows = pad_rows(run.catalog, run.day, run.scenario, report.switched_off)
    run.emit(rows, pads_text(run.catalog, rows))


def _capability_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv", action="store_true", help="the nation table as CSV, as File > Export writes it"
    )


@command("capability", "every nation's crewed access", _capability_options)
def capability(run: Run) -> None:
    from explorer.present.data import capability_dict
    from explorer.present.summary import summarize
    from explorer.present.text import capability_text

    summary = summarize(run.catalog, run.report())
    if run.args.csv:
        from explorer.present.nation_csv import nations_csv

        if run.args.json:
            raise UsageError("--csv and --json cannot be combined; choose one")
        title = run.saved.title if run.saved else ""
        write(nations_csv(run.catalog, summary, title).rstrip("\r\n"))
        return
    run.emit(capability_dict(run.catalog, summary), capability_text(summary))


def _cutsets_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nation", required=True, help="nation id, e.g. RU")
    parser.add_argument("--max-size", type=_positive, default=3, help="largest cut set (default 3)")
    parser.add_argument("--level", choices=["independent", "any"], default=None)


@command("cutsets", "minimal cut sets of a nation", _cutsets_options)
def cutsets(run: Run) -> None:
    from explorer.domain.capability import Level
    from explorer.present.data import cutsets_dict
    from explorer.present.summary import summarize_nation
    from explorer.present.text import cutsets_text

    args, catalog = run.args, run.catalog
    level = Level(args.level) if args.level else None
    nation = catalog.nation(args.nation).id
    summary = summarize_nation(catalog, run.report(), nation, args.max_size, level)
    run.emit(
        cutsets_dict(catalog, summary, run.scenario.sorted_off()), cutsets_text(catalog, summary)
    )


def _timeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=parse_day, default=FIRST_DAY)
    parser.add_argument(
        "--to", dest="end", type=parse_day, default=END_DAY, help=f"exclusive (default {END_DAY})"
    )
    parser.add_argument("--nation", action="append", default=[], help="nation id (repeatable)")


@command("timeline", "access intervals over time", _timeline_options)
def timeline(run: Run) -> None:
    from explorer.domain.timeline import timeline as exact_timeline
    from explorer.present.data import timeline_dict
    from explorer.present.text import timeline_text

    args = run.args
    if args.end <= args.start:
        raise UsageError(f"--to {args.end} must come after --from {args.start}")
    result = exact_timeline(run.catalog, run.scenario, args.start, args.end, args.nation or None)
    run.emit(timeline_dict(result, run.scenario.sorted_off()), timeline_text(result))


def _screenshot_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, help="FILE.png (the window) or FILE.svg (the map, as vectors)"
    )
    parser.add_argument("--select", default=None, metavar="ID", help="pad, site or nation")
    parser.add_argument("--size", default="1600x900", help="WIDTHxHEIGHT (default 1600x900)")
    parser.add_argument("--theme", choices=["light", "dark"], default=None)
    parser.add_argument(
        "--scale",
        type=_scale,
        default=None,
        help="PNG pixels per screen pixel, e.g. 2; adds a caption (date, scenario, dataset)",
    )
    parser.add_argument(
        "--map", action="store_true", help="PNG of the map alone, as File > Export > PNG"
    )


@command("screenshot", "render the window to PNG, or the map to SVG", _screenshot_options)
def screenshot(run: Run) -> None:
    from explorer.qt.screenshot import save_screenshot

    args, saved = run.args, run.saved
    size = _parse_size(args.size)
    select = args.select or (saved.selection if saved else None)
    view = saved.view.lon + saved.view.lat if saved and saved.view else None
    title = saved.title if saved else ""
    save_screenshot(
        run.catalog,
        run.scenario,
        run.day,
        args.out,
        size,
        select,
        args.theme,
        view,
        scale=args.scale,
        map_only=args.map,
        title=title,
    )
    write(args.out)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number, e.g. 2") from None
    if not 1 <= value <= 4:
        raise argparse.ArgumentTypeError(f"'{text}' is outside 1..4")
    return value


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, help="FILE.html or FILE.pdf")


@command("report", "write a report (HTML or PDF)", _report_options)
def report(run: Run) -> None:
    args, saved = run.args, run.saved
    if not args.out.lower().endswith((".html", ".htm", ".pdf")):
        raise UsageError(f"--out '{args.out}' must end in .html or .pdf")
    from explorer.present.html_report import ReportText
    from explorer.qt.report import save_report

    text = ReportText(saved.title, saved.notes, saved.description) if saved else None
    view = saved.view.lon + saved.view.lat if saved and saved.view else None
    selection = saved.selection if saved else None
    save_report(run.catalog, run.report(), args.out, text, view, selection)
    write(args.out)


def _mef_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nation", required=True, help="nation id, e.g. RU")
    parser.add_argument("--out", required=True, help="XML file to write")
    parser.add_argument("--level", choices=["independent", "any"], default=None)


@command("export-mef", "a nation's fault tree as Open-PSA MEF XML", _mef_options)
def export_mef(run: Run) -> None:
    from explorer.domain.capability import Level
    from explorer.domain.fault_tree import mef_xml

    args = run.args
    nation = run.catalog.nation(args.nation).id
    level = Level(args.level) if args.level else None
    _write_text(args.out, mef_xml(run.catalog, run.report(), nation, level))
    write(args.out)


@command("check", "audit the catalog: histories, crewed launches, sources")
def check(run: Run) -> int:
    """One line per finding (exit 1), or a one-line clean summary (exit 0)."""
    from explorer.domain.audit import audit, summary

    findings = audit(run.catalog)
    for finding in findings:
        write(finding.line())
    print(summary(run.catalog, findings), file=sys.stderr if findings else sys.stdout)
    return 1 if findings else 0


def _compare_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--against", default=None, metavar="FILE", help="scenario file to compare with"
    )
    parser.add_argument("--from", dest="start", type=parse_day, default=FIRST_DAY)
    parser.add_argument(
        "--to", dest="end", type=parse_day, default=END_DAY, help=f"exclusive (default {END_DAY})"
    )


@command(
    "compare", "days of access: a scenario against the baseline (or --against)", _compare_options
)
def compare(run: Run) -> None:
    from explorer.domain.compare import compare as compare_scenarios
    from explorer.domain.compare import comparison_dict
    from explorer.present.text import comparison_text

    args, catalog = run.args, run.catalog
    if args.end <= args.start:
        raise UsageError(f"--to {args.end} must come after --from {args.start}")
    against = _read_scenario_file(args.against, catalog.root)
    reference = against.scenario if against else None
    result = compare_scenarios(catalog, run.scenario, reference, args.start, args.end)
    data = comparison_dict(result)
    run.emit(data, comparison_text(data, result, args.against))


def _reach_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pad", default=None, metavar="ID", help="one pad (default: crew-capable)")
    parser.add_argument("--inclination", type=_number, default=None, metavar="DEG")
    parser.add_argument("--downrange", type=_number, default=2000.0, metavar="KM")


@command("reach", "orbital reach of pads: azimuths, dog-leg, corridor, overflight", _reach_options)
def reach(run: Run) -> None:
    from explorer.present.text import table
    from explorer.reach_command import REACH_HEADERS, reach_records, reach_text

    args = run.args
    if args.destination is not None and args.inclination is not None:
        raise UsageError("give --destination or --inclination, not both")
    try:
        records = reach_records(
            run.catalog, run.day, args.pad, args.destination, args.inclination, args.downrange
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    run.emit(records, table(REACH_HEADERS, reach_text(records)))


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None


# -- plumbing -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--date", type=parse_day, default=None, help=f"YYYY-MM-DD in {RANGE_TEXT} (default: today)"
    )
    common.add_argument(
        "--off",
        action="append",
        default=[],
        metavar="ID[@FROM..TO]",
        help="switch off a pad, site, launch vehicle, crew vehicle or agreement: for all time, "
        "over [FROM, TO) or from FROM on (ID@FROM..); repeatable",
    )
    common.add_argument(
        "--crew-rate",
        action="append",
        default=[],
        metavar="ID@FROM",
        help="what-if: a pad counts as crew-capable, a launch vehicle as crew-rated, a crew "
        "vehicle as operational from FROM on (repeatable)",
    )
    common.add_argument(
        "--off-within",
        action="append",
        default=[],
        metavar="LAT,LON,KM[@FROM..TO]",
        help="switch off every pad within KM of a point (WGS84), optionally over a window",
    )
    common.add_argument(
        "--destination", default=None, metavar="ID", help="count only routes reaching it (iss, ...)"
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
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
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for entry in COMMANDS.values():
        sub = commands.add_parser(entry.name, parents=[common], help=entry.help)
        entry.options(sub)
        sub.set_defaults(handler=entry.handler)
    return parser


def _prepare(args: argparse.Namespace) -> Run:
    """Catalog, scenario (file, then ``--off``) and date (``--date``, file, today)."""
    from explorer.domain.effective import what_if_catalog
    from explorer.domain.scenario import Scenario
    from explorer.loaders.catalog import load_catalog
    from explorer.loaders.change_spec import scenario_from_options

    catalog = load_catalog()
    saved = _read_scenario_file(args.scenario, catalog)
    base = saved.scenario if saved else Scenario()
    scenario = scenario_from_options(catalog, args.off, args.crew_rate, args.off_within, base)
    if args.destination is not None:
        from explorer.domain.reach import destination

        scenario = scenario.with_destination(destination(catalog, args.destination).id)
    catalog = what_if_catalog(catalog, scenario)  # the dataset plus the scenario's hypotheticals
    day = args.date or (saved.day if saved else clamp_day(date.today()))
    return Run(args, catalog, scenario, day, saved)


def _read_scenario_file(path: str | None, catalog: Catalog) -> SavedScenario | None:
    """The scenario file named by ``--scenario`` without the ids the dataset lacks (warned)."""
    if path is None:
        return None
    from explorer.loaders.scenario_file import describe_unknown, read_scenario

    saved, unknown = read_scenario(path).without_unknown(catalog)
    if unknown:
        print(f"{PROG}: warning: {path}: {describe_unknown(unknown)}", file=sys.stderr)
    return saved


def _write_text(path: str, text: str) -> None:
    from explorer.loaders.safe_files import write_text_atomic

    write_text_atomic(path, text)


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size '{text}' is not WIDTHxHEIGHT, e.g. 1600x900") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise UsageError(f"--size '{text}' is outside 200..8000 pixels per side")
    return width, height


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from explorer.qt.app import run_window

        return run_window()
    try:
        args = build_parser().parse_args(argv)
        if args.handler is None:
            raise UsageError("no command given; try --help")
        return args.handler(_prepare(args)) or 0
    except SystemExit as exit_:  # --help and --version
        return exit_.code if isinstance(exit_.code, int) else 0
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OUTPUT
    except OutputError as exc:
        _quiet_stdout()
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except ExplorerError as exc:
        print(f"{PROG}: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_USAGE
