"""The window says what the CLI and the report say, in the same words."""

from datetime import date

import pytest
from program import run
from PySide6.QtCore import Qt

from explorer.domain.capability import AccessStatus
from explorer.domain.entities import LaunchVehicleStatus
from explorer.present.html_report import report_html
from explorer.present.words import ACCESS_WORDS, status_word
from explorer.qt.nation_table import ID_ROLE

AFTER = date(2025, 11, 28)


@pytest.fixture
def window(make_window):
    win = make_window()
    win.document.set_date(AFTER)
    return win


def test_partner_access_reads_the_same_in_the_table_details_map_report_and_cli(window):
    """Regression: "partner", "via partner", "partner access only" and the raw enum."""
    word = ACCESS_WORDS[AccessStatus.PARTNER]
    model = window.nation_table.source_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == "RU")
    assert model.index(row, 1).data() == word
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0].endswith(f": {word}")
    window.document.select("RU")
    assert f"Crewed access on 2025-11-28: {word}" in window.details.toPlainText()
    legend = [label.text for _sample, label in window.map_view.legend.items]
    assert any(word in text for text in legend)
    assert f"<td>{word}</td>" in report_html(window.document.catalog, window.document.report)
    assert f"RU      {word}" in run("capability", "--date", "2025-11-28").stdout


def test_the_tree_and_the_details_word_a_status_alike(window):
    """Regression: "crew-rated" in the tree, "crew rated" in the details."""
    word = status_word(LaunchVehicleStatus.CREW_RATED)
    assert window.vehicles_tree.item_for("falcon-9").text(1) == word
    window.document.select("falcon-9")
    assert word in window.details.toPlainText()
    assert "crew rated" not in window.details.toPlainText()


def test_the_details_list_as_many_cut_sets_as_the_report(window):
    """Regression: one of the three explanations used a different cut-set size."""
    window.document.select("US")
    details = window.details.toPlainText()
    html = report_html(window.document.catalog, window.document.report)
    us = html.split("United States (US) — cut sets at level")[1].split("<h3>")[0]
    assert f"Minimal cut sets up to size 3 ({us.count('<li>')})" in details
