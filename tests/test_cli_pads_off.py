"""`pads` says which pads the scenario switches off, and why, in the tree's words (issue 14,
item 4 beyond the window): `--off`, `--scenario FILE` and dated outages all count."""

from datetime import date

from program import run, run_json

from explorer.loaders.scenario_file import SavedScenario, write_scenario
from explorer.present.words import OUT_BY_CHANGE, SWITCHED_OFF, SWITCHED_OFF_WITH_SITE


def _rows(*args: str) -> dict[str, dict]:
    return {r["id"]: r for r in run_json("pads", "--date", "2025-11-26", *args)}


def _line(stdout: str, pad_id: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(pad_id + " "))


def test_a_switched_off_site_switches_off_its_pads_in_the_json():
    rows = _rows("--off", "baikonur")
    for pad_id in ("baikonur-31-6", "baikonur-1-5"):
        assert rows[pad_id]["off"] == "site_switched_off"
        assert rows[pad_id]["off_text"] == SWITCHED_OFF_WITH_SITE
    assert rows["baikonur-31-6"]["status"] == "crew_capable"  # the dataset's status stays
    assert rows["vostochny-1s"]["off"] is None and rows["vostochny-1s"]["off_text"] is None


def test_a_switched_off_pad_alone_is_switched_off():
    rows = _rows("--off", "baikonur-31-6")
    assert rows["baikonur-31-6"]["off"] == "switched_off"
    assert rows["baikonur-31-6"]["off_text"] == SWITCHED_OFF
    assert rows["baikonur-1-5"]["off"] is None  # its site's other pad stays on


def test_the_table_says_switched_off_with_its_site():
    result = run("pads", "--date", "2025-11-26", "--off", "baikonur")
    assert result.returncode == 0, result.stderr
    assert f"crew-capable · {SWITCHED_OFF_WITH_SITE}" in _line(result.stdout, "baikonur-31-6")
    assert "switched off" not in _line(result.stdout, "vostochny-1s")


def test_the_table_says_switched_off_for_the_pad_itself():
    result = run("pads", "--date", "2025-11-26", "--off", "baikonur-31-6")
    line = _line(result.stdout, "baikonur-31-6")
    assert f"crew-capable · {SWITCHED_OFF}" in line and SWITCHED_OFF_WITH_SITE not in line


def test_a_scenario_file_switches_pads_off(tmp_path):
    path = write_scenario(
        tmp_path / "no-baikonur.json", SavedScenario(date(2025, 11, 26), ("baikonur",))
    )
    rows = {r["id"]: r for r in run_json("pads", "--scenario", str(path))}
    assert rows["baikonur-31-6"]["off"] == "site_switched_off"
    text = run("pads", "--scenario", str(path)).stdout
    assert SWITCHED_OFF_WITH_SITE in _line(text, "baikonur-1-5")


def test_a_dated_outage_counts_only_inside_its_window():
    inside = _rows("--off", "baikonur-31-6@2025-11-01..2025-12-01")
    assert inside["baikonur-31-6"]["off"] == "dated_change"
    assert inside["baikonur-31-6"]["off_text"] == OUT_BY_CHANGE
    after = _rows("--off", "baikonur-31-6@2025-12-01..")
    assert after["baikonur-31-6"]["off"] is None
