"""The CLI text, its JSON, the report and the details panel say the same thing about a nation,
because they all read one ``NationSummary``."""

import json
import re
from datetime import date

from program import by_id, run

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.scenario import Scenario
from explorer.present.html_report import summary_html
from explorer.present.summary import summarize
from explorer.present.words import ACCESS_WORDS, WHY_GROUNDED

DAY = "2025-11-28"


def test_json_carries_every_line_the_text_prints():
    """Regression: `--json` lacked the "what keeps them on the ground" lines and the note."""
    text = run("capability", "--date", DAY).stdout
    data = json.loads(run("capability", "--date", DAY, "--json").stdout)
    why = text.split(f"{WHY_GROUNDED}:\n")[1].splitlines()
    for line in why:
        nation_id, sentence = line.split(maxsplit=1)
        nation = by_id(data, nation_id)
        assert sentence in [g["text"] for g in nation["grounded"]] + [nation.get("grounded_note")]
    for n in data["nations"]:
        row = next(r for r in text.splitlines() if r.startswith(f"{n['id']} "))
        cells = re.split(r"\s{2,}", row)
        assert cells[1] == ACCESS_WORDS[AccessStatus(n["status"])]
        assert cells[2] == str(n["route_count"])
    late = json.loads(run("capability", "--date", "2035-01-01", "--json").stdout)
    assert late["note"] in run("capability", "--date", "2035-01-01").stdout


def test_the_report_and_the_cli_name_the_same_cut_sets_and_obstacles(catalog):
    """Regression: the three explanations of "why it cannot fly" were assembled separately."""
    summary = summarize(catalog, assess(catalog, Scenario(), date.fromisoformat(DAY)))
    html = summary_html(catalog, summary)
    text = run("capability", "--date", DAY).stdout
    ru = summary.nation("RU")
    for grounded in ru.grounded:
        assert grounded.text in text
        assert grounded.text.replace("&", "&amp;") in html
    cuts = json.loads(run("cutsets", "--nation", "US", "--date", DAY, "--json").stdout)
    assert [tuple(c["id"] for c in cut["components"]) for cut in cuts["cut_sets"]] == list(
        summary.nation("US").cut_sets
    )
