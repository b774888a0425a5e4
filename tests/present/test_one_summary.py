"""The CLI text, its JSON, the report and the details panel say the same thing about a nation,
because they all read one ``NationSummary``."""

import json
import re
from datetime import date

from program import run

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.scenario import Scenario
from explorer.present.html_report import summary_html
from explorer.present.summary import summarize
from explorer.present.words import ACCESS_WORDS, WHY_GROUNDED, WHY_NO_PARTNER

DAY = "2025-11-28"


def _sentences(held: dict) -> list[str]:
    """Every sentence of a held crew vehicle in the JSON, as the text may print it."""
    own = [f"{held['name']}: {held['own_text']}"] if held["own_text"] else []
    return [held["text"], *own, *held["details"]]


def test_json_carries_every_line_the_text_prints():
    """Regression: `--json` lacked the "what keeps them on the ground" lines and the note; the
    text's explanations (spells, partner gaps) are all in the JSON too."""
    text = run("capability", "--date", DAY).stdout
    data = json.loads(run("capability", "--date", DAY, "--json").stdout)
    why = " ".join(text.split(f"{WHY_GROUNDED}:\n")[1].split())  # the wrapped lines rejoined
    assert WHY_NO_PARTNER in why
    sentences = {WHY_NO_PARTNER + ":", *(n["id"] for n in data["nations"])}
    for n in data["nations"]:
        sentences.add(n.get("grounded_note") or n["id"])
        for held in n.get("grounded", []):
            sentences.update(_sentences(held))
        for gap in n.get("partner_gaps", []):
            sentences.add(gap["text"])
            for held in gap["vehicles"]:
                sentences.update(_sentences(held))
    for sentence in sorted(sentences, key=len, reverse=True):
        why = why.replace(sentence, " ")
    assert [w for w in why.split() if w != "-"] == [], why  # nothing the JSON lacks
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
    text = " ".join(text.split())  # the wrapped lines rejoined
    for nation in ("RU", "JP"):
        n = summary.nation(nation)
        held = [*n.grounded, *(v for gap in n.partner_gaps for v in gap.vehicles)]
        assert held
        for grounded in held:
            assert (f"{grounded.name}: {grounded.own}" if grounded.own else grounded.text) in text
            for line in (grounded.own, *grounded.details):
                assert line.replace("&", "&amp;") in html
        for gap in n.partner_gaps:
            assert gap.text in text and gap.text.replace("&", "&amp;") in html
    cuts = json.loads(run("cutsets", "--nation", "US", "--date", DAY, "--json").stdout)
    assert [tuple(c["id"] for c in cut["components"]) for cut in cuts["cut_sets"]] == list(
        summary.nation("US").cut_sets
    )
