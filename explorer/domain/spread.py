"""Geographic spread of a nation's pads: the smallest circle holding them all, in km on WGS84.

Pure Python (``explorer.domain.geodesy`` for ellipsoidal distances). The pads are projected
azimuthal-equidistantly about their mean (on the sphere: distances from the centre true to
well under 1 % at the few thousand km pads lie apart), the smallest enclosing circle is found
there (Welzl), and its radius is measured back on the ellipsoid from the circle's centre to the
farthest pad. The result is the smallest single-area event that could ground the nation: a
hurricane for Florida's pads, Baikonur alone for Russia's.
"""

from __future__ import annotations

import math

from explorer.domain.capability import NationAccess
from explorer.domain.catalog import Catalog
from explorer.domain.geodesy import distance_km

Point = tuple[float, float]  # (lon_deg, lat_deg)


def pad_spread_km(points: list[Point]) -> float:
    """Radius (km, WGS84) of the smallest circle holding every ``(lon, lat)``; 0 for one or none."""
    unique = sorted(set(points))
    if len(unique) < 2:
        return 0.0
    lon0 = math.degrees(
        math.atan2(
            sum(math.sin(math.radians(lo)) for lo, _ in unique),
            sum(math.cos(math.radians(lo)) for lo, _ in unique),
        )
    )
    lat0 = sum(la for _, la in unique) / len(unique)
    planar = [_aeqd(lon, lat, lon0, lat0) for lon, lat in unique]
    cx, cy, _ = smallest_circle(planar)
    clon, clat = _aeqd_inverse(cx, cy, lon0, lat0)
    return max(distance_km(clat, clon, lat, lon) for lon, lat in unique)


def nation_pad_spread_km(catalog: Catalog, access: NationAccess) -> float:
    """The spread of the pads of a nation's own routes (0 with one pad or none)."""
    pads = {r.pad for r in access.own_routes}
    return pad_spread_km([(p.lon_deg, p.lat_deg) for p in catalog.pads if p.id in pads])


def _aeqd(lon: float, lat: float, lon0: float, lat0: float) -> Point:
    """Spherical azimuthal-equidistant coordinates (radians of arc) about ``(lon0, lat0)``."""
    phi, lam = math.radians(lat), math.radians(lon - lon0)
    phi0 = math.radians(lat0)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    c = math.acos(max(-1.0, min(1.0, cos_c)))
    k = c / math.sin(c) if c > 1e-12 else 1.0
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def _aeqd_inverse(x: float, y: float, lon0: float, lat0: float) -> Point:
    c = math.hypot(x, y)
    if c < 1e-12:
        return lon0, lat0
    phi0 = math.radians(lat0)
    phi = math.asin(math.cos(c) * math.sin(phi0) + y * math.sin(c) * math.cos(phi0) / c)
    lam = math.atan2(
        x * math.sin(c), c * math.cos(phi0) * math.cos(c) - y * math.sin(phi0) * math.sin(c)
    )
    return lon0 + math.degrees(lam), math.degrees(phi)


def smallest_circle(points: list[Point]) -> tuple[float, float, float]:
    """Welzl's smallest enclosing circle (iterative form) of planar points: centre and radius."""

    def circle2(a: Point, b: Point) -> tuple[float, float, float]:
        cx, cy = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        return cx, cy, math.dist(a, (cx, cy))

    def circle3(a: Point, b: Point, c: Point) -> tuple[float, float, float]:
        d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
        if abs(d) < 1e-18:
            return max((circle2(a, b), circle2(a, c), circle2(b, c)), key=lambda t: t[2])
        ux = (
            (a[0] ** 2 + a[1] ** 2) * (b[1] - c[1])
            + (b[0] ** 2 + b[1] ** 2) * (c[1] - a[1])
            + (c[0] ** 2 + c[1] ** 2) * (a[1] - b[1])
        ) / d
        uy = (
            (a[0] ** 2 + a[1] ** 2) * (c[0] - b[0])
            + (b[0] ** 2 + b[1] ** 2) * (a[0] - c[0])
            + (c[0] ** 2 + c[1] ** 2) * (b[0] - a[0])
        ) / d
        return ux, uy, math.dist(a, (ux, uy))

    def inside(circle: tuple[float, float, float], p: Point) -> bool:
        return math.dist((circle[0], circle[1]), p) <= circle[2] * (1 + 1e-9) + 1e-15

    circle = (points[0][0], points[0][1], 0.0)
    for i, p in enumerate(points):
        if inside(circle, p):
            continue
        circle = (p[0], p[1], 0.0)
        for j in range(i):
            q = points[j]
            if inside(circle, q):
                continue
            circle = circle2(p, q)
            for k in range(j):
                r = points[k]
                if not inside(circle, r):
                    circle = circle3(p, q, r)
    return circle
