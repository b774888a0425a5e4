"""Explanations on screen (issue 14, items 17-20): the scenario's title and notes, why partner
routes are missing, the guide and glossary, About, and a nation table that fits and lets Tab go."""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.loaders.presets import load_presets
from explorer.present.cells import NATION_HEADERS
from explorer.present.guide import GLOSSARY
from explorer.qt.help_dialog import HelpDialog
from explorer.qt.nation_table import ID_ROLE

PRESET = "soyuz-ms-28-pad-loss"


@pytest.fixture
def window(make_window):
    return make_window((1280, 720))


def _dock(window):
    return window.scenario_dock.widget()


def _row(table, nation):
    proxy = table.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ID_ROLE) == nation)


# -- item 17: title, notes, description ------------------------------------------------------
def test_the_title_and_notes_are_edited_in_the_dock_as_one_undoable_step(window):
    dock, document = _dock(window), window.document
    dock.title_edit.setText("Pad loss drill")
    dock.title_edit.editingFinished.emit()
    dock.notes_edit.setPlainText("Check the seat swap.")
    QApplication.sendEvent(dock.notes_edit, QFocusEvent(QEvent.Type.FocusOut))
    assert (document.state.title, document.state.notes) == (
        "Pad loss drill",
        "Check the seat swap.",
    )
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert dock.title_edit.text() == "" and dock.notes_edit.toPlainText() == ""


def test_text_that_cannot_be_saved_is_refused_inline(window):
    dock, document = _dock(window), window.document
    assert not dock.apply_text("bad \ud800", "")
    assert dock.text_error.isVisibleTo(dock) and "cannot be saved" in dock.text_error.text()
    assert document.state.title == "" and document.undo_stack.count() == 0
    assert dock.apply_text("good", "")
    assert not dock.text_error.isVisibleTo(dock)


def test_a_preset_shows_its_title_and_full_description_and_reset_clears_them(window):
    preset = next(p for p in load_presets() if p.id == PRESET)
    window.scenario_files.apply_preset(preset)
    dock = _dock(window)
    assert dock.title_edit.text() == preset.saved.title
    assert dock.description_view.toPlainText() == preset.saved.description
    assert dock.description_view.isVisibleTo(dock)
    window.document.select(None)
    assert preset.saved.description in window.details.toPlainText()
    window.reset_action.trigger()
    assert window.document.state.title == "" and dock.title_edit.text() == ""
    assert not dock.description_view.isVisibleTo(dock)
    assert preset.saved.description not in window.details.toPlainText()


# -- item 18: why partner routes are missing ---------------------------------------------------
def test_japan_in_2011_says_the_shuttle_retired_and_dragon_was_in_development(window):
    window.document.set_date(date(2011, 8, 1))
    window.document.select("JP")
    text = window.details.toPlainText()
    assert "Why partner routes are missing" in text
    assert "Space Shuttle orbiter: retired since 2011-07-22" in text
    assert "Crew Dragon (Dragon 2): in development since 2011-04-18" in text


def test_russia_after_the_pad_damage_names_the_cause_and_the_return(window):
    window.document.set_date(date(2025, 11, 28))
    window.document.select("RU")
    text = window.details.toPlainText()
    assert "after Soyuz MS-28 launch collapses the Site 31/6 service cabin" in text
    assert "crew-capable again from 2026-03-22" in text


# -- item 19: guide, glossary, header tooltips, About ------------------------------------------
def test_f1_opens_the_guide_and_glossary(window):
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.help_action.trigger()
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for term in ("Route", "Independent", "Partner", "Minimal cut set", "Single point of failure"):
        assert term in text and GLOSSARY[term] in text
    window.help_action.trigger()
    assert len(window.findChildren(HelpDialog)) == 1


def test_every_nation_column_header_has_a_tooltip(window):
    model = window.nation_table.source_model
    tips = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert all(tip and tip.startswith(NATION_HEADERS[c]) for c, tip in enumerate(tips))
    assert GLOSSARY["Single point of failure"] in tips[-1]


def test_about_names_the_dataset_licence_as_of_and_sources(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    (text,) = shown
    assert window.document.catalog.title in text and "2026-05-24" in text
    assert "CC-BY-4.0" in text and "python main.py check" in text and "sources" in text


# -- item 20: the nation table fits, Tab leaves it, the empty details sum up ----------------------
def test_key_columns_fit_at_1280_by_720_with_single_points_as_names(window, qtbot):
    table = window.nation_table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    assert table.horizontalScrollBar().maximum() == 0
    last = len(NATION_HEADERS) - 1
    assert table.columnWidth(last) >= 80
    row = _row(table, "US")
    cell = table.proxy.index(row, last).data()
    assert "Falcon 9" in cell and "falcon-9" not in cell
    tip = table.proxy.index(row, last).data(Qt.ItemDataRole.ToolTipRole)
    assert "Crew Dragon (Dragon 2) (crew vehicle; grounds" in tip
    esa = _row(table, "ESA")
    assert table.proxy.index(esa, 0).data() == "ESA"
    assert "European Space Agency" in table.proxy.index(esa, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_tab_leaves_the_nation_table(window, qtbot):
    table = window.nation_table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.proxy.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().column() == 0  # Tab did not move between cells


def test_the_empty_details_name_the_nations_that_hang_on_one_pad(window):
    document = window.document
    document.select(None)
    text = window.details.toPlainText()  # 2025-11-26: Russia hangs on Site 31/6
    assert "Hanging on one pad" in text
    line = next(s for s in text.splitlines() if s.strip().startswith("Russia"))
    assert "Site 31/6" in line
    document.set_date(date(2025, 11, 28))
    text = window.details.toPlainText()
    assert "No crewed access" in text and "India" in text
    assert not any(s.strip().startswith("Russia") and "Site 31/6" in s for s in text.splitlines())


def test_clearing_the_selection_clears_the_nation_row(window):
    table = window.nation_table
    window.document.select("RU")
    assert table.selectionModel().selectedRows()
    window.document.select(None)
    assert not table.selectionModel().selectedRows()
    assert "Hanging on one pad" in window.details.toPlainText()
    table.selectRow(_row(table, "RU"))
    assert window.document.selection == "RU"
