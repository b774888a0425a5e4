"""``Catalog.get`` with a record type: the record of that kind, or one error naming both kinds."""

import pytest
from factories import BEFORE, mini_world

from explorer.domain.catalog import UnknownIdError
from explorer.domain.entities import LaunchVehicle, Pad, PadStatus, Site


@pytest.fixture(scope="module")
def world():
    return mini_world()


def test_get_with_a_kind_returns_that_record(world):
    pad = world.get("baikonur-31-6", Pad)
    assert pad.site == "baikonur"
    assert pad.status_on(BEFORE) == PadStatus.CREW_CAPABLE


def test_get_with_the_wrong_kind_names_what_the_id_is(world):
    with pytest.raises(UnknownIdError, match="'baikonur-31-6' is a pad, not a launch vehicle"):
        world.get("baikonur-31-6", LaunchVehicle)


def test_get_of_an_unknown_id_with_a_kind_still_suggests_close_ids(world):
    with pytest.raises(UnknownIdError, match="closest: baikonur"):
        world.get("baikonor", Site)
