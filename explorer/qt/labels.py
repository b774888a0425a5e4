"""Short display names for sites and pads, where space is tight (map labels, tree rows).

Pure string functions; the full names stay in the catalog and in tooltips.
"""

from __future__ import annotations

import re

SITE_WORDS = (
    " Cosmodrome",
    " Space Force Station",
    " Space Center",
    " Space Centre",
    " Satellite Launch Center",
    " Space Launch Site",
    " Space Force Base",
    " Launch Center",
)
# The abbreviations the ranges use themselves: "SLC-40", "LC-39A".
PAD_ABBREVIATIONS = (
    (re.compile(r"^Space Launch Complex "), "SLC-"),
    (re.compile(r"^Launch Complex "), "LC-"),
)


def short_site_name(name: str) -> str:
    """ "Satish Dhawan Space Centre (Sriharikota Range, SHAR)" -> "Satish Dhawan"."""
    name = name.split(" (")[0].split(",")[0]
    for word in SITE_WORDS:
        name = name.replace(word, "")
    return name.strip()


def short_pad_name(name: str) -> str:
    """ "Launch Complex 39A" -> "LC-39A"; "Site 1S (Soyuz-2 launch complex)" -> "Site 1S"."""
    name = name.split(" (")[0]
    for pattern, abbreviation in PAD_ABBREVIATIONS:
        name = pattern.sub(abbreviation, name)
    return name
