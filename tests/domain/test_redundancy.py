"""Minimal cut sets as minimal hitting sets of route paths."""

from explorer.domain.redundancy import min_cut_size, minimal_cut_sets, single_points_of_failure

F = frozenset


def test_no_paths_means_nothing_to_cut():
    assert minimal_cut_sets([]) == []
    assert min_cut_size([]) is None
    assert single_points_of_failure([]) == F()


def test_shared_component_is_the_only_single_cut():
    paths = [F({"cv", "lv", "a"}), F({"cv", "lv", "b"})]
    assert minimal_cut_sets(paths, 1) == [F({"cv"}), F({"lv"})]
    assert minimal_cut_sets(paths, 2) == [F({"cv"}), F({"lv"}), F({"a", "b"})]
    assert single_points_of_failure(paths) == F({"cv", "lv"})


def test_larger_paths_containing_smaller_ones_change_nothing():
    assert minimal_cut_sets([F({"a"}), F({"a", "b"})]) == [F({"a"})]


def test_min_cut_size_is_exact_beyond_the_listing_limit():
    paths = [F({f"p{i}"}) for i in range(5)]
    assert minimal_cut_sets(paths, 3) == []
    assert min_cut_size(paths) == 5
