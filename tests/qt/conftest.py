"""GUI tests run offscreen, with settings in a temporary folder, never the user's."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from factories import BEFORE

from explorer.qt.app import application, build_window


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))


@pytest.fixture
def make_window(qtbot, catalog, basemap):
    """Builds a shown main window on ``BEFORE`` (light theme), closed with the test."""

    def make(size=(1400, 850)):
        application(theme="light")
        win = build_window(catalog, BEFORE, basemap=basemap)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make
