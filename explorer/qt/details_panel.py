"""The right-dock details of the selection: a nation's routes and cut sets, a record's history.

Qt only. Renders read-only HTML from the document's report; links open in the system browser.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.domain.capability import AccessStatus, cut_sets
from explorer.domain.catalog import UnknownIdError
from explorer.domain.entities import ComponentKind
from explorer.domain.obstacles import NO_VEHICLE, describe, own_access_obstacles
from explorer.qt.document import KIND_LABELS, ScenarioDocument
from explorer.qt.styles import ACCESS_COLORS, ACCESS_LABELS, PAD_STYLES


def _source(text: str) -> str:
    if text.startswith(("http://", "https://")):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


class DetailsPanel(QTextBrowser):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self.setAccessibleName("Details of the selection")
        self.setOpenExternalLinks(True)
        self.document = document
        document.reportChanged.connect(self.refresh)
        document.selectionChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setHtml(self.html())

    def html(self) -> str:
        selected = self.document.selection
        if selected is None:
            return "<p><i>Select a nation, a site or a pad to see its details.</i></p>"
        try:
            return self._nation_html(self.document.catalog.nation(selected).id)
        except UnknownIdError:
            pass
        try:
            kind = self.document.catalog.kind_of(selected)
        except UnknownIdError:
            return f"<p>Nothing named <b>{escape(selected)}</b>.</p>"
        return self._record_html(selected, kind)

    def _name(self, component_id: str) -> str:
        try:
            return escape(self.document.catalog.get(component_id).name)
        except UnknownIdError:
            return escape(component_id)

    def _nation_html(self, nation_id: str) -> str:
        report = self.document.report
        access = report.nation(nation_id)
        color = ACCESS_COLORS[access.status]
        parts = [
            f"<h3>{escape(access.name)} ({access.nation})</h3>",
            f"<p>Crewed access on {report.day.isoformat()}: "
            f'<b style="color:{color}">{ACCESS_LABELS[access.status]}</b></p>',
        ]
        if access.status is not AccessStatus.INDEPENDENT:
            parts.append(self._obstacles_html(nation_id))
        if access.routes:
            rows = "".join(
                f"<tr><td>{self._name(r.crew_vehicle)}</td><td>{self._name(r.launch_vehicle)}</td>"
                f"<td>{self._name(r.pad)}</td>"
                f"<td>{'own' if r.agreement is None else escape(r.provider)}</td></tr>"
                for r in access.routes
            )
            parts.append(
                "<h4>Routes</h4><table cellspacing=0 cellpadding=3 border=0>"
                "<tr><th align=left>Crew vehicle</th><th align=left>Launch vehicle</th>"
                f"<th align=left>Pad</th><th align=left>Provider</th></tr>{rows}</table>"
            )
        level = access.default_level
        if level is not None:
            parts.append(f"<h4>Single points of failure (level: {level})</h4>")
            spofs = access.single_points_of_failure
            parts.append(
                "<ul>"
                + "".join(
                    f"<li>{self._name(c)} <small>({KIND_LABELS[self.document.catalog.kind_of(c)]}"
                    f"; grounds {report.grounding_count(c)} nation(s))</small></li>"
                    for c in spofs
                )
                + "</ul>"
                if spofs
                else "<p>None: no single loss takes this level away.</p>"
            )
            cuts = cut_sets(report, nation_id, level, 3)
            parts.append(f"<h4>Minimal cut sets up to size 3 ({len(cuts)})</h4><ol>")
            parts.extend(
                "<li>" + " + ".join(self._name(c) for c in sorted(cut)) + "</li>" for cut in cuts
            )
            parts.append("</ol>")
            if access.grounding_sites:
                names = ", ".join(self._name(s) for s in access.grounding_sites)
                parts.append(f"<p><b>Losing the whole site grounds it:</b> {names}</p>")
        return "".join(parts)

    def _obstacles_html(self, nation_id: str) -> str:
        """What keeps each of the nation's own crew vehicles on the ground."""
        document = self.document
        grounded = own_access_obstacles(
            document.catalog, document.scenario, document.date, nation_id
        )
        if not grounded:
            return f"<p>{NO_VEHICLE.capitalize()}.</p>"
        items = "".join(f"<li>{escape(describe(document.catalog, g))}</li>" for g in grounded)
        return f"<h4>Why it cannot fly crews on its own</h4><ul>{items}</ul>"

    def _record_html(self, record_id: str, kind: ComponentKind) -> str:
        catalog, day = self.document.catalog, self.document.date
        record = catalog.get(record_id)
        parts = [
            f"<h3>{escape(record.name)}</h3><p>{KIND_LABELS[kind].capitalize()} "
            f"<code>{record.id}</code>"
        ]
        if not self.document.is_enabled(record_id):
            parts.append(" — <b>switched off in this scenario</b>")
        parts.append("</p>")
        if kind is ComponentKind.SITE:
            parts.append(
                f"<p>{escape(record.operator)}; host country {record.country}; "
                f"{record.lat_deg:.3f}°, {record.lon_deg:.3f}°</p><ul>"
            )
            for pad_id in catalog.pads_of_site(record_id):
                status = catalog.get(pad_id).status_on(day)
                parts.append(f"<li>{self._name(pad_id)}: {PAD_STYLES[status].label}</li>")
            parts.append("</ul>")
        if kind is ComponentKind.PAD:
            aliases = ", ".join(record.aliases)
            served = ", ".join(
                self._name(v.launch_vehicle) for v in record.launch_vehicles if v.serves_on(day)
            )
            parts.append(
                f"<p>{self._name(record.site)}{' · also ' + escape(aliases) if aliases else ''}"
                f"<br>{record.lat_deg:.3f}°, {record.lon_deg:.3f}°"
                f"<br>Serves on {day.isoformat()}: {served or '—'}</p>"
            )
        if hasattr(record, "history"):
            parts.append("<h4>Status history</h4><table cellspacing=0 cellpadding=3>")
            current = record.history.change_on(day)
            for change in record.history.changes:
                mark = "▶ " if change is current else ""
                label = (
                    PAD_STYLES[change.status].label
                    if kind is ComponentKind.PAD
                    else str(change.status).replace("_", " ")
                )
                sources = "<br>".join(_source(s) for s in change.sources)
                parts.append(
                    f"<tr><td valign=top>{mark}{change.start.isoformat()}</td>"
                    f"<td valign=top><b>{escape(label)}</b></td>"
                    f"<td valign=top>{escape(change.note)}"
                    f"{'<br><small>' + sources + '</small>' if sources else ''}</td></tr>"
                )
            parts.append("</table>")
        if record.notes:
            parts.append(f"<p><i>{escape(record.notes)}</i></p>")
        parts.append("<h4>Sources</h4><ul>")
        parts.extend(f"<li>{_source(s)}</li>" for s in record.sources)
        parts.append("</ul>")
        return "".join(parts)
