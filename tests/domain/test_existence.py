"""One rule for what existed on a date: no pad before it is built, no vehicle before it is in
being (nor after it retired), the Soviet Union's territory before 1991-12-26."""

from datetime import date

import pytest

from explorer.domain.entities import LaunchVehicle, Pad
from explorer.domain.existence import (
    existing_pads,
    name_on,
    pad_exists_on,
    served_on,
    site_exists_on,
    sites_existing,
    territory_on,
    vehicle_exists_on,
)


def test_a_pad_is_not_yet_built_before_its_history_begins(catalog):
    pad = catalog.get("vostochny-1s", Pad)
    assert not pad_exists_on(pad, date(1975, 1, 1))
    assert pad_exists_on(pad, pad.history.dates[0])
    assert not site_exists_on(catalog, "wenchang", date(1980, 1, 1))
    assert site_exists_on(catalog, "wenchang", date(2025, 1, 1))


@pytest.mark.parametrize(
    ("pad_id", "day", "absent", "present"),
    [
        ("baikonur-31-6", date(1975, 1, 1), {"soyuz-2-1a", "soyuz-fg"}, {"soyuz-u"}),
        ("baikonur-31-6", date(2025, 1, 1), {"soyuz-u"}, {"soyuz-2-1a"}),
        ("baikonur-1-5", date(1975, 1, 1), {"vostok-k", "soyuz-fg"}, {"soyuz-u"}),
        ("sdsc-slp", date(2010, 1, 1), {"lvm3", "hlvm3"}, {"pslv"}),
        ("plesetsk-35", date(2014, 8, 1), {"angara-a5"}, set()),  # before its first flight
    ],
)
def test_a_pad_serves_only_vehicles_in_being_on_the_date(catalog, pad_id, day, absent, present):
    served = set(served_on(catalog, catalog.get(pad_id, Pad), day))
    assert not served & absent
    assert present <= served


def test_a_vehicle_is_in_being_from_its_first_status_until_it_retires(catalog):
    lvm3 = catalog.get("lvm3", LaunchVehicle)
    assert not vehicle_exists_on(lvm3, date(1980, 1, 1))
    assert vehicle_exists_on(lvm3, date(2020, 1, 1))
    angara = catalog.get("angara-a5", LaunchVehicle)
    assert not vehicle_exists_on(angara, date(1968, 1, 1))
    vostok = catalog.get("vostok-k", LaunchVehicle)
    assert vehicle_exists_on(vostok, date(1962, 1, 1))
    assert not vehicle_exists_on(vostok, date(1975, 1, 1))  # retired


def test_russia_is_shaded_as_the_soviet_union_until_1991_12_26(catalog):
    russia = catalog.nation("RU")
    assert territory_on(russia, date(1975, 1, 1)) == ("SUN",)
    assert territory_on(russia, date(1991, 12, 25)) == ("SUN",)
    assert territory_on(russia, date(1991, 12, 26)) == ("RUS",)
    assert territory_on(catalog.nation("US"), date(1975, 1, 1)) == ("USA",)


def test_existing_pads_and_their_sites_follow_the_report(catalog):
    status = {p.id: p.status_on(date(1975, 1, 1)) for p in catalog.pads}
    pads = existing_pads(status)
    assert "baikonur-31-6" in pads and "vostochny-1s" not in pads
    sites = sites_existing(catalog, pads)
    assert {"baikonur", "ccsfs", "ksc"} <= sites
    assert not sites & {"vostochny", "wenchang", "jiuquan", "sdsc"}


def test_russia_is_named_the_soviet_union_before_the_dissolution_everywhere(catalog):
    from explorer.domain.capability import assess
    from explorer.domain.scenario import Scenario
    from explorer.present.launches import launch_cells

    russia = catalog.nation("RU")
    assert name_on(russia, date(1991, 12, 25)) == "Soviet Union"
    assert name_on(russia, date(1991, 12, 26)) == russia.name
    assert name_on(catalog.nation("US"), date(1965, 1, 1)) == catalog.nation("US").name
    assert assess(catalog, Scenario(), date(1975, 7, 16)).nation("RU").name == "Soviet Union"
    assert assess(catalog, Scenario(), date(2025, 11, 28)).nation("RU").name == russia.name
    first, last = catalog.crewed_launches[0], catalog.crewed_launches[-1]
    assert launch_cells(catalog, first)[2] == "Soviet Union"  # Vostok 1, 1961
    assert "Soviet" not in launch_cells(catalog, last)[2]
