"""A 10,000-step soak of toggles, dates, undo and redo: memory stays flat and the final state is
exactly what a fresh computation gives."""

import random
import resource
from datetime import date, timedelta

from factories import BEFORE

from explorer.domain.capability import assess
from explorer.domain.timeline import timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY
from explorer.qt.document import ScenarioDocument

STEPS = 10_000


def rss_mb() -> float:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * resource.getpagesize() / 1e6


def test_ten_thousand_steps_keep_memory_flat_and_the_state_exact(catalog):
    document = ScenarioDocument(catalog, BEFORE, undo_limit=300)
    ids = [p.id for p in catalog.pads[:12]] + ["soyuz-ms", "crew-dragon", "falcon-9", "baikonur"]
    rng = random.Random(20251127)

    def step() -> None:
        kind = rng.random()
        if kind < 0.45:
            component = rng.choice(ids)
            document.set_enabled(component, not document.is_enabled(component))
        elif kind < 0.65:
            document.set_date(date(1990, 1, 1) + timedelta(days=rng.randrange(16_000)))
        elif kind < 0.85:
            document.undo_stack.undo()
        else:
            document.undo_stack.redo()

    for _ in range(1_000):  # warm the caches before measuring
        step()
    before = rss_mb()
    for _ in range(STEPS):
        step()
    growth = rss_mb() - before
    assert growth < 15, f"RSS grew by {growth:.1f} MB over {STEPS} steps"
    assert document.undo_stack.count() <= 300
    fresh = assess(catalog, document.scenario, document.date)
    assert document.report == fresh
    expected = timeline(catalog, document.scenario, FIRST_DAY, END_DAY)
    assert document.timeline == expected
    while document.undo_stack.canUndo():  # the oldest kept step still undoes cleanly
        document.undo_stack.undo()
    assert document.report == assess(catalog, document.scenario, document.date)
