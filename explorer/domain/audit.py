"""The machine checks of the catalog: histories agree with the crewed launches, sources are citable.

Pure Python (standard library and ``explorer.domain`` only); no printing. ``audit(catalog)``
returns every :class:`Finding` the data can decide:

- every crewed launch falls in a crew-capable interval of its pad, a crew-rated interval of its
  launch vehicle and an operational interval of its crew vehicle (and the pad serves that launch
  vehicle, which the crew vehicle rides);
- no grounding (of a launch vehicle or crew vehicle) and no pad damage outlives a recorded flight:
  a crewed launch, or a flight event (first flight, return to flight, crewed launch) naming it;
- every record has at least one source that passes the source rule, and no source anywhere is one
  the rule never accepts (bare IP hosts, search-result links, dynamic-DNS hosts, content farms).

The source rule keeps its patterns in ONE list, :data:`REJECTED_SOURCES`. Mirrors and scraped
copies of reputable pages are in that list too, marked ``tolerated_beside_reputable``: kept only
when the record also cites a source that passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from explorer.domain.catalog import Catalog
from explorer.domain.entities import (
    CrewVehicleStatus,
    History,
    LaunchVehicleStatus,
    PadStatus,
)


class SourceProblem(StrEnum):
    """Why a source fails the source rule."""

    IP_HOST = "bare IP host"
    SEARCH_RESULT = "search-result link"
    DYNAMIC_DNS = "dynamic-DNS host"
    CONTENT_FARM = "content farm"
    MIRROR = "mirror or scraped copy"


@dataclass(frozen=True, slots=True)
class RejectedSource:
    """One pattern of the source rule: a regular expression matched against the whole URL."""

    problem: SourceProblem
    pattern: str
    tolerated_beside_reputable: bool = False

    def matches(self, url: str) -> bool:
        return re.search(self.pattern, url, re.IGNORECASE) is not None


def _hosts(*names: str) -> str:
    """A pattern matching a URL whose host is one of ``names`` or a subdomain of one."""
    alternatives = "|".join(re.escape(n) for n in names)
    return rf"^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:]*\.)?({alternatives})\.?(:\d+)?([/?#]|$)"


# The one list of the source rule. Hosts named here were found in the catalog or are well-known
# members of their class; a new source from the same class belongs in this list.
REJECTED_SOURCES: tuple[RejectedSource, ...] = (
    RejectedSource(
        SourceProblem.IP_HOST, r"^[a-z][a-z0-9+.-]*://(\d{1,3}\.){3}\d{1,3}(:\d+)?([/?#]|$)"
    ),
    RejectedSource(SourceProblem.IP_HOST, r"^[a-z][a-z0-9+.-]*://\[[0-9a-f:]+\]"),
    RejectedSource(SourceProblem.IP_HOST, _hosts("compute.amazonaws.com", "fanyv88.com")),
    RejectedSource(
        SourceProblem.SEARCH_RESULT,
        r"^[^?#]*/search(/|\?|$)|[?&](q|query|search|search_query|wd)=",
    ),
    RejectedSource(
        SourceProblem.SEARCH_RESULT,
        _hosts("richxsearch.com", "easyfinder.store", "liquisearch.com", "bdmobi.com"),
    ),
    RejectedSource(
        SourceProblem.DYNAMIC_DNS,
        _hosts(
            "ddns-ip.net",
            "ddns.net",
            "cloudns.org",
            "cloudns.net",
            "duckdns.org",
            "dyndns.org",
            "no-ip.org",
            "no-ip.com",
            "hopto.org",
            "zapto.org",
            "servebeer.com",
            "sytes.net",
            "remotevs.com",
            "freeddns.org",
        ),
    ),
    RejectedSource(
        SourceProblem.CONTENT_FARM,
        _hosts(
            "askwikinow.com",
            "bkum.asia",
            "cachlambanh.co",
            "gbdtradinghk.tech",
            "int2inf.com",
            "storejscdn.pw",
            "zalansite.site",
            "fivesooft.com",
            "gokawiil.com",
            "etdev.fun",
            "amiproj.dev",
            "pages.dev",
            "questionai.com",
            "factsnippet.com",
            "findwords.info",
            "slovar-vocab.com",
            "jeuxdemots.org",
            "wikiwordbook.info",
            "datais.info",
            "docslib.org",
            "papertrell.com",
            "geniusbrainteasers.com",
            "amazingpaperairplanes.com",
            "terapiayrehabilitacionfisica.com",
            "prepliberty.com",
            "todayheadline.co",
            "tellerreport.com",
            "15minutenews.com",
            "notably.news",
            "pulse.bot",
            "hanna-ai.com",
            "vaidra.in",
            "sotaproject.com",
            "starconnectmedia.com",
            "roboscout.in",
            "thisdaystory.com",
            "historyshoppe.com",
            "robotdyn.com",
            "support.arraynetworks.net",
            "profilpelajar.com",
            "gayaone.com",
            "xadara.com",
            "fandratt.com",
            "aspirehk.ltd",
            "broward-directory.com",
            "vistosulweb.com",
            "meltingpointathens.com",
            "mercercountyoutlook.net",
            "ircnf.com",
            "home.cydlabs.com",
            "it.midwestbiomed.org",
            "infoce-klin.ru",
            "planetafans.com",
            "ourplnt.com",
            "idxchannel.com",
            "eclecticplanet.org",
            "awanireview.com",
            "dailyupdatesindia.com",
            "freeindia.in",
            "fxtribune.com",
            "lidbom.com",
            "hgruson.fr",
            "foundation.app",
            "abemblem.com",
            "keneci.locals.com",
            "handofmoscow.com",
            "everything2.com",
            "conservapedia.com",
        ),
    ),
    RejectedSource(
        SourceProblem.MIRROR,
        _hosts(
            "wikimili.com",
            "wiki2.org",
            "weebau.com",
            "wiki.av1.space",
            "thefullwiki.org",
            "worldheritage.org",
            "fact-index.com",
            "pipedot.org",
            "piglix.com",
            "memim.com",
            "wikisum.wiki",
            "kiwix.lema.org",
            "wikipedia-on-ipfs.org",
            "wikizero.org",
            "knowpia.com",
            "wikivisually.com",
            "friendlywiki.com",
            "theinfolist.com",
            "primidi.com",
            "owiki.org",
            "wikiplanet.click",
            "wikiredia.com",
            "explained.today",
            "encyclopedia.kids.net.au",
            "celestia.mobi",
            "db0nus869y26v.cloudfront.net",
            "infospaze.com",
            "app.defzone.net",
            "review.clateway.com",
            "wikiwand.com",
            "dbpedia.org",
            "everybodywiki.com",
            "justapedia.org",
            "infogalactic.com",
        ),
        tolerated_beside_reputable=True,
    ),
)

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def source_problem(source: str) -> RejectedSource | None:
    """The first rule of :data:`REJECTED_SOURCES` that ``source`` breaks, or ``None``.

    A bibliographic note (not a URL) always passes: it names a publication, not a host.
    """
    text = source.strip()
    if not _URL.match(text):
        return None
    for rule in REJECTED_SOURCES:
        if rule.matches(text):
            return rule
    if urlsplit(text).hostname is None:
        return RejectedSource(SourceProblem.CONTENT_FARM, "no host")
    return None


def passes_source_rule(source: str) -> bool:
    return source_problem(source) is None


class Check(StrEnum):
    """The kinds of finding, so a reader can filter them."""

    PAD = "pad"
    LAUNCH_VEHICLE = "launch vehicle"
    CREW_VEHICLE = "crew vehicle"
    ROUTE = "route"
    GROUNDING = "grounding"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the catalog gets wrong: where (file, record, field) and what."""

    check: Check
    file: str
    record: str
    field: str
    message: str

    def line(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"


# The record kinds, each with its file, in the order the catalog holds them.
_FILES = {
    "nations": "nations.yaml",
    "sites": "sites.yaml",
    "pads": "pads.yaml",
    "launch_vehicles": "launch_vehicles.yaml",
    "crew_vehicles": "crew_vehicles.yaml",
    "agreements": "agreements.yaml",
    "destinations": "destinations.yaml",
    "events": "events.yaml",
    "crewed_launches": "crewed_launches.yaml",
}
_FLIGHT_EVENTS = frozenset({"first-flight", "return-to-flight", "crewed-launch"})


def audit(catalog: Catalog) -> tuple[Finding, ...]:
    """Every finding on ``catalog``, in file order; an empty tuple means the catalog is clean."""
    return (
        *_launch_findings(catalog),
        *_grounding_findings(catalog),
        *_source_findings(catalog),
    )


def _launch_findings(catalog: Catalog) -> Iterator[Finding]:
    file = _FILES["crewed_launches"]
    pads = {p.id: p for p in catalog.pads}
    launch_vehicles = {v.id: v for v in catalog.launch_vehicles}
    crew_vehicles = {v.id: v for v in catalog.crew_vehicles}
    for launch in catalog.crewed_launches:
        day = launch.day
        pad = pads.get(launch.pad)
        status: StrEnum | None = pad.status_on(day) if pad else None
        if pad is None or status is not PadStatus.CREW_CAPABLE:
            yield Finding(
                Check.PAD,
                file,
                launch.id,
                "pad",
                f"{launch.pad} is {_status(status)} on {day}, not crew_capable",
            )
        elif not any(
            v.launch_vehicle == launch.launch_vehicle and v.serves_on(day)
            for v in pad.launch_vehicles
        ):
            yield Finding(
                Check.ROUTE,
                file,
                launch.id,
                "pad",
                f"{launch.pad} does not serve {launch.launch_vehicle} on {day}",
            )
        lv = launch_vehicles.get(launch.launch_vehicle)
        status = lv.status_on(day) if lv else None
        if status is not LaunchVehicleStatus.CREW_RATED:
            yield Finding(
                Check.LAUNCH_VEHICLE,
                file,
                launch.id,
                "launch_vehicle",
                f"{launch.launch_vehicle} is {_status(status)} on {day}, not crew_rated",
            )
        cv = crew_vehicles.get(launch.crew_vehicle)
        status = cv.status_on(day) if cv else None
        if cv is None or status is not CrewVehicleStatus.OPERATIONAL:
            yield Finding(
                Check.CREW_VEHICLE,
                file,
                launch.id,
                "crew_vehicle",
                f"{launch.crew_vehicle} is {_status(status)} on {day}, not operational",
            )
        elif launch.launch_vehicle not in cv.launch_vehicles:
            yield Finding(
                Check.ROUTE,
                file,
                launch.id,
                "crew_vehicle",
                f"{launch.crew_vehicle} does not ride {launch.launch_vehicle}",
            )


def _status(status: object) -> str:
    return "not yet in the catalog" if status is None else str(status)


def _grounding_findings(catalog: Catalog) -> Iterator[Finding]:
    """A grounding (or pad damage) still in force on the day of a recorded flight."""
    flights: dict[str, list[tuple[date, str]]] = {}
    for launch in catalog.crewed_launches:
        for component in (launch.pad, launch.launch_vehicle, launch.crew_vehicle):
            flights.setdefault(component, []).append((launch.day, launch.mission))
    for event in catalog.events:
        if event.kind in _FLIGHT_EVENTS:
            for component in event.components:
                flights.setdefault(component, []).append((event.day, event.title))
    kinds = (
        ("pads", catalog.pads, PadStatus.DAMAGED),
        ("launch_vehicles", catalog.launch_vehicles, LaunchVehicleStatus.GROUNDED),
        ("crew_vehicles", catalog.crew_vehicles, CrewVehicleStatus.GROUNDED),
    )
    for kind, records, grounded in kinds:
        for record in records:
            for i, start, end in _intervals(record.history, grounded):
                for day, what in sorted(flights.get(record.id, ())):
                    if start <= day and (end is None or day < end):
                        until = f"until {end}" if end else "with no end"
                        yield Finding(
                            Check.GROUNDING,
                            _FILES[kind],
                            record.id,
                            f"history[{i}]",
                            f"{grounded} from {start} {until}, but flew on {day} ({what})",
                        )


def _intervals(history: History[Any], status: StrEnum) -> Iterator[tuple[int, date, date | None]]:
    changes = history.changes
    for i, change in enumerate(changes):
        if change.status == status:
            end = changes[i + 1].start if i + 1 < len(changes) else None
            yield i, change.start, end


def _source_findings(catalog: Catalog) -> Iterator[Finding]:
    for kind, file in _FILES.items():
        for record in getattr(catalog, kind):
            entries: list[tuple[str, tuple[str, ...]]] = [("sources", record.sources)]
            history = getattr(record, "history", None)
            if history is not None:
                entries += [
                    (f"history[{i}].sources", c.sources) for i, c in enumerate(history.changes)
                ]
            yield from _record_source_findings(file, record.id, entries)


def _record_source_findings(
    file: str, record_id: str, entries: Iterable[tuple[str, tuple[str, ...]]]
) -> Iterator[Finding]:
    entries = list(entries)
    passing = any(passes_source_rule(s) for _, sources in entries for s in sources)
    if not passing:
        yield Finding(
            Check.SOURCE,
            file,
            record_id,
            "sources",
            "no source from an agency, operator, established publication, McDowell or Wikipedia",
        )
    for field, sources in entries:
        for source in sources:
            rule = source_problem(source)
            if rule is None or (rule.tolerated_beside_reputable and passing):
                continue
            yield Finding(Check.SOURCE, file, record_id, field, f"{rule.problem}: {source}")


def summary(catalog: Catalog, findings: tuple[Finding, ...]) -> str:
    """The last line ``check`` prints: a clean summary, or how many findings there are."""
    records = sum(len(getattr(catalog, kind)) for kind in _FILES)
    if findings:
        plural = "" if len(findings) == 1 else "s"
        return f"{len(findings)} finding{plural} in {records} records"
    launches = len(catalog.crewed_launches)
    return (
        f"clean: {records} records, {launches} crewed launches agree with the histories, "
        f"every record has a source that passes the source rule"
    )
