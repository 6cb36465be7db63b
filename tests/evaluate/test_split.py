"""The tune/check split: stable, balanced, and selective."""

import pytest

from eventwire.evaluate.split import half_of, in_half


def test_half_is_stable_and_depends_only_on_the_id():
    assert half_of("plv_train_0") == half_of("plv_train_0")
    assert half_of(11) == half_of("11")


def test_halves_are_balanced_on_many_ids():
    halves = [half_of(f"record_{i}") for i in range(2000)]
    assert 0.45 < halves.count("tune") / len(halves) < 0.55


def test_in_half_keeps_only_that_half_and_all_keeps_everything():
    records = [{"id": f"r{i}"} for i in range(100)]
    tune = list(in_half(records, "tune", key=lambda r: r["id"]))
    check = list(in_half(records, "check", key=lambda r: r["id"]))
    assert len(tune) + len(check) == 100 and not {r["id"] for r in tune} & {r["id"] for r in check}
    assert list(in_half(records, "all", key=lambda r: r["id"])) == records
    with pytest.raises(ValueError):
        list(in_half(records, "dev", key=lambda r: r["id"]))


def test_a_salted_set_is_split_differently_from_its_plain_ids():
    ids = [f"PLOVER-GSR01-AGREE-{i:04d}" for i in range(200)]
    salted = [half_of(i, "plover_gsr") for i in ids]
    assert 0.4 < salted.count("tune") / len(ids) < 0.6
    assert salted != [half_of(i) for i in ids]
