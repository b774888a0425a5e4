"""Short names keep pads and sites distinguishable where space is tight."""

import pytest

from explorer.loaders.catalog import load_catalog
from explorer.qt.labels import short_pad_name, short_site_name


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Launch Complex 39A", "LC-39A"),
        ("Space Launch Complex 40", "SLC-40"),
        ("Site 1S (Soyuz-2 launch complex)", "Site 1S"),
        ("Gagarin's Start (Site 1/5)", "Gagarin's Start"),
    ],
)
def test_short_pad_names_use_the_ranges_own_abbreviations(name, short):
    assert short_pad_name(name) == short


def test_short_site_name_drops_the_generic_words():
    assert (
        short_site_name("Satish Dhawan Space Centre (Sriharikota Range, SHAR)") == "Satish Dhawan"
    )
    assert short_site_name("Baikonur Cosmodrome") == "Baikonur"


def test_short_names_stay_unique_within_each_site_and_across_sites():
    catalog = load_catalog()
    sites = [short_site_name(s.name) for s in catalog.sites]
    assert len(set(sites)) == len(sites)
    for site in catalog.sites:
        pads = [short_pad_name(catalog.get(p).name) for p in catalog.pads_of_site(site.id)]
        assert len(set(pads)) == len(pads), site.id
