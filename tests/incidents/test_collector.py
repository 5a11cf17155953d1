"""``incidents._collector.collector``: the one garbage-collector tweak, always undone."""

from __future__ import annotations

import gc
from contextlib import nullcontext

import pytest

from incidents._collector import collector


def _state() -> tuple:
    return gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()


@pytest.mark.parametrize(
    "options",
    [
        {"paused": True},
        {"young": 50_000},
        {"skip_existing": True},
        {"age_new": True},
        {"paused": True, "age_new": True},
        {"skip_existing": True, "young": 20_000},
    ],
)
@pytest.mark.parametrize("fails", [False, True])
def test_state_is_restored(options, fails):
    before = _state()
    with pytest.raises(RuntimeError) if fails else nullcontext(), collector(**options):
        if options.get("paused"):
            assert not gc.isenabled()
        if "young" in options:
            assert gc.get_threshold()[0] == max(before[1][0], options["young"])
            assert gc.get_threshold()[1:] == before[1][1:]
        if options.get("skip_existing"):
            assert gc.get_freeze_count() > before[2]
        if fails:
            raise RuntimeError("inside")
    assert _state() == before


def test_a_paused_collector_stays_paused():
    gc.disable()
    try:
        with collector(paused=True):
            pass
        assert not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()


def test_a_young_threshold_below_the_current_one_is_not_lowered():
    old = gc.get_threshold()
    gc.set_threshold(100_000, *old[1:])
    try:
        with collector(young=10):
            assert gc.get_threshold()[0] == 100_000
    finally:
        gc.set_threshold(*old)


def test_age_new_moves_what_the_block_made_to_the_oldest_generation():
    with collector(age_new=True):
        made = [[i] for i in range(1000)]
    assert gc.get_count()[0] < 1000
    assert gc.is_tracked(made[0])


# -- nesting (re-entrancy): an inner block must not undo an outer block's freeze ----------
@pytest.mark.parametrize("inner", [{"skip_existing": True}, {"age_new": True}])
def test_an_inner_block_keeps_the_outer_freeze(inner):
    before = _state()
    with collector(skip_existing=True):
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector(**inner):
            pass
        assert gc.get_freeze_count() >= frozen  # still frozen inside the outer block
    assert _state() == before


def test_nested_blocks_of_every_option_restore_the_state():
    before = _state()
    with collector(paused=True, young=30_000, skip_existing=True, age_new=True):
        with collector(paused=True, young=60_000, skip_existing=True, age_new=True):
            assert not gc.isenabled() and gc.get_threshold()[0] >= 60_000
        assert not gc.isenabled() and gc.get_threshold()[0] == max(before[1][0], 30_000)
    assert _state() == before


@pytest.mark.parametrize("options", [{"skip_existing": True}, {"age_new": True}])
def test_the_callers_own_freeze_is_kept(options):
    gc.freeze()  # e.g. an application freezing before fork
    try:
        frozen = gc.get_freeze_count()
        with collector(**options):
            pass
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
