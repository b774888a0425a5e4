"""The dialog that creates or edits one dated what-if change (outage, crew rating, region
outage, hypothetical pad or agreement).

Qt only (plus the domain). ``edit_change(parent, catalog, change)`` returns the new change, or
``None`` when the user cancels; a window that is not valid (TO before FROM, a radius of 0)
cannot be accepted, the dialog says why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from explorer.domain.catalog import Catalog
from explorer.domain.changes import (
    Change,
    CrewRating,
    HypotheticalAgreement,
    HypotheticalPad,
    Outage,
    RegionOutage,
    Window,
)

TITLES = {
    Outage: "Outage",
    CrewRating: "Crew-rate from",
    RegionOutage: "Region outage",
    HypotheticalPad: "Hypothetical pad",
    HypotheticalAgreement: "Hypothetical agreement",
}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _DateField(QWidget):
    """A date with a check box: unchecked is an open side of the window."""

    def __init__(self, name: str, day: date | None, fallback: date, parent: QWidget) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QHBoxLayout

        self.check = QCheckBox(self)
        self.check.setAccessibleName(f"{name} set")
        self.edit = QDateEdit(_qdate(day or fallback), self)
        self.edit.setObjectName(f"date-{name.lower()}")
        self.edit.setAccessibleName(name)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return _day(self.edit) if self.check.isChecked() else None


class ChangeDialog(QDialog):
    def __init__(self, parent: QWidget | None, catalog: Catalog, change: Change, today: date):
        super().__init__(parent)
        self.setObjectName("dialog-change")
        self.setWindowTitle(TITLES[type(change)])
        self.catalog, self.change, self.today = catalog, change, today
        self.form = QFormLayout(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("label-problem")
        self.problem.setWordWrap(True)
        kind = type(change)
        if hasattr(change, "component") and kind in (Outage, CrewRating):
            self.form.addRow("Component", QLabel(self._name(change.component)))
        if isinstance(change, RegionOutage):
            self.lat = self._number(change.lat_deg, -90, 90, "Centre latitude (°)")
            self.lon = self._number(change.lon_deg, -180, 180, "Centre longitude (°)")
            self.radius = self._number(change.radius_km, 0, 20000, "Radius (km, WGS84)")
        if isinstance(change, HypotheticalPad):
            self.name = QLineEdit(change.name, self)
            self.name.setAccessibleName("Pad name")
            self.form.addRow("Name", self.name)
            self.site = QComboBox(self)
            self.site.setAccessibleName("Site")
            self.site.addItem("(at the point itself)", None)
            for site in catalog.root.sites:
                self.site.addItem(site.name, site.id)
            self.site.setCurrentIndex(max(0, self.site.findData(change.site)))
            self.form.addRow("Site", self.site)
            self.lat = self._number(change.lat_deg, -90, 90, "Latitude (°)")
            self.lon = self._number(change.lon_deg, -180, 180, "Longitude (°)")
            self.vehicles = self._choices(
                catalog.root.launch_vehicles, change.launch_vehicles, "Launch vehicles"
            )
            self.capable = _DateField("Crew-capable from", change.crew_capable_from, today, self)
            self.capable.check.setChecked(True)
            self.capable.check.setEnabled(False)
            self.form.addRow("Crew-capable from", self.capable)
        if isinstance(change, HypotheticalAgreement):
            nations = [n.id for n in catalog.root.nations]
            self.provider = self._combo(nations, change.provider, "Provider")
            self.beneficiary = self._combo(nations, change.beneficiary, "Beneficiary")
            self.vehicles = self._choices(
                catalog.root.crew_vehicles, change.crew_vehicles, "Crew vehicles"
            )
        if isinstance(change, CrewRating):
            self.start = _DateField("From", change.start, today, self)
            self.start.check.setChecked(True)
            self.start.check.setEnabled(False)
            self.form.addRow("From", self.start)
        else:
            window = change.window
            self.start = _DateField("From", window.start, today, self)
            self.end = _DateField("To", window.end, today, self)
            self.form.addRow("From (inclusive)", self.start)
            self.form.addRow("To (exclusive)", self.end)
        self.form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.result_change: Change | None = None

    def _name(self, component_id: str) -> str:
        try:
            return f"{self.catalog.get(component_id).name} ({component_id})"
        except KeyError:
            return component_id

    def _number(self, value: float, low: float, high: float, label: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setAccessibleName(label)
        box.setDecimals(4)
        box.setRange(low, high)
        box.setValue(value)
        self.form.addRow(label, box)
        return box

    def _combo(self, values: list[str], current: str, label: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(label)
        box.addItems(values)
        box.setCurrentText(current)
        self.form.addRow(label, box)
        return box

    def _choices(self, records, chosen, label: str) -> QListWidget:
        box = QListWidget(self)
        box.setAccessibleName(label)
        box.setMaximumHeight(120)
        for record in records:
            item = QListWidgetItem(record.name, box)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            item.setCheckState(
                Qt.CheckState.Checked if record.id in chosen else Qt.CheckState.Unchecked
            )
        self.form.addRow(label, box)
        return box

    @staticmethod
    def _checked(box: QListWidget) -> tuple[str, ...]:
        return tuple(
            box.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        )

    def built(self) -> Change:
        """The change as the form now describes it (``ValueError`` when it is not valid)."""
        c = self.change
        if isinstance(c, CrewRating):
            return replace(c, start=_day(self.start.edit))  # always set (box checked, locked)
        window = Window(self.start.value(), self.end.value())
        if isinstance(c, Outage):
            return replace(c, window=window)
        if isinstance(c, RegionOutage):
            return RegionOutage(self.lat.value(), self.lon.value(), self.radius.value(), window)
        if isinstance(c, HypotheticalPad):
            vehicles = self._checked(self.vehicles)
            if not vehicles or not self.name.text().strip():
                raise ValueError("a hypothetical pad needs a name and at least one launch vehicle")
            return replace(
                c,
                name=self.name.text().strip(),
                site=self.site.currentData(),
                lat_deg=self.lat.value(),
                lon_deg=self.lon.value(),
                launch_vehicles=vehicles,
                crew_capable_from=_day(self.capable.edit),  # always set (box checked, locked)
                window=window,
            )
        vehicles = self._checked(self.vehicles)
        if not vehicles or self.provider.currentText() == self.beneficiary.currentText():
            raise ValueError("an agreement needs two different nations and a crew vehicle")
        return replace(
            c,
            provider=self.provider.currentText(),
            beneficiary=self.beneficiary.currentText(),
            crew_vehicles=vehicles,
            window=window,
        )

    def _on_buttons_accepted(self) -> None:
        """Accept only a valid change; otherwise say what is wrong."""
        try:
            self.result_change = self.built()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()


def edit_change(parent: QWidget | None, catalog: Catalog, change: Change, today: date):
    """The edited change, or ``None`` when cancelled."""
    dialog = ChangeDialog(parent, catalog, change, today)
    return dialog.result_change if dialog.exec() == QDialog.DialogCode.Accepted else None
