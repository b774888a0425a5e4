"""Minimal cut sets: the smallest sets of components whose loss breaks every route.

Pure Python. A *path* is the set of components one route needs (crew vehicle, launch vehicle,
pad, and the agreement for a partner route). A *cut set* hits every path; it is *minimal* when
no proper subset is also a cut set. Components are encoded as bits so that checking a candidate
costs one AND per path; the paths of one nation are few, so enumeration by size is exact and fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations


def _minimal_path_masks(paths: Iterable[frozenset[str]]) -> tuple[list[str], list[int]]:
    """Components (sorted) and the path masks, without paths that contain another path.

    A path that contains another is implied: whatever cuts the smaller one cuts it too.
    """
    unique = {frozenset(p) for p in paths}
    components = sorted(set().union(*unique)) if unique else []
    index = {c: i for i, c in enumerate(components)}
    masks = sorted({sum(1 << index[c] for c in p) for p in unique}, key=int.bit_count)
    kept: list[int] = []
    for mask in masks:
        if not any(k & mask == k for k in kept):
            kept.append(mask)
    return components, kept


def minimal_cut_sets(
    paths: Iterable[frozenset[str]], max_size: int | None = 3
) -> list[frozenset[str]]:
    """Every minimal cut set of at most ``max_size`` components (``None``: any size).

    Sorted by size, then by component ids. No paths (no access to lose): no cut sets.

    Examples
    --------
    >>> minimal_cut_sets([frozenset({"a", "b"}), frozenset({"a", "c"})])
    [frozenset({'a'}), frozenset({'b', 'c'})]
    """
    components, masks = _minimal_path_masks(paths)
    if not masks:
        return []
    limit = len(components) if max_size is None else min(max_size, len(components))
    found: list[int] = []
    for size in range(1, limit + 1):
        for combo in combinations(range(len(components)), size):
            mask = 0
            for i in combo:
                mask |= 1 << i
            if any(f & mask == f for f in found):
                continue
            if all(p & mask for p in masks):
                found.append(mask)
    return [
        frozenset(components[i] for i in range(len(components)) if mask >> i & 1) for mask in found
    ]


def min_cut_size(paths: Sequence[frozenset[str]]) -> int | None:
    """The size of the smallest cut set, or ``None`` when there are no paths to cut."""
    components, masks = _minimal_path_masks(paths)
    if not masks:
        return None
    for size in range(1, len(masks) + 1):
        for combo in combinations(range(len(components)), size):
            mask = 0
            for i in combo:
                mask |= 1 << i
            if all(p & mask for p in masks):
                return size
    return len(masks)  # one component from each path always cuts


def single_points_of_failure(paths: Sequence[frozenset[str]]) -> frozenset[str]:
    """The components that every path needs."""
    if not paths:
        return frozenset()
    return frozenset.intersection(*map(frozenset, paths))
