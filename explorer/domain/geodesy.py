"""Distances on the WGS84 ellipsoid, in pure Python (no pyproj in the domain).

Pure Python (``math`` only). ``distance_km`` solves the inverse geodesic problem with Vincenty's
iteration (T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid", Survey
Review 23, 1975), accurate to well under a millimetre where it converges. For nearly antipodal
points, where Vincenty's iteration may not converge, it falls back to the great-circle distance
on a sphere of the ellipsoid's mean radius (error below 0.5 %); region outages use radii far
smaller than half the Earth's circumference, so that case does not decide which pads are inside.
"""

from __future__ import annotations

import math

WGS84_A_M = 6_378_137.0
WGS84_F = 1 / 298.257223563
WGS84_B_M = WGS84_A_M * (1 - WGS84_F)
MEAN_RADIUS_M = (2 * WGS84_A_M + WGS84_B_M) / 3


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float, radius_m: float) -> float:
    """Haversine distance on a sphere of ``radius_m``, in metres (degrees in)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius_m * math.asin(min(1.0, math.sqrt(h)))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two points on the WGS84 ellipsoid, in metres (degrees in)."""
    a, b, f = WGS84_A_M, WGS84_B_M, WGS84_F
    if lat1 == lat2 and (lon1 - lon2) % 360.0 == 0.0:
        return 0.0
    u1 = math.atan((1 - f) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - f) * math.tan(math.radians(lat2)))
    big_l = math.radians((lon2 - lon1 + 180.0) % 360.0 - 180.0)
    sin_u1, cos_u1 = math.sin(u1), math.cos(u1)
    sin_u2, cos_u2 = math.sin(u2), math.cos(u2)
    lam = big_l
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0.0:
            return 0.0  # coincident points
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha**2
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha != 0 else 0.0
        c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2))
        )
        if abs(lam - previous) < 1e-12:
            break
    else:
        return great_circle_m(lat1, lon1, lat2, lon2, MEAN_RADIUS_M)
    u_sq = cos2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm**2)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)
            )
        )
    )
    return b * big_a * (sigma - delta_sigma)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid, in kilometres (degrees in)."""
    return distance_m(lat1, lon1, lat2, lon2) / 1000.0


def destination(
    lat_deg: float, lon_deg: float, azimuth_deg: float, distance_m: float
) -> tuple[float, float]:
    """The point ``distance_m`` from a point along ``azimuth_deg`` on WGS84 (Vincenty's direct
    solution); ``(lat_deg, lon_deg)``. Used to draw a region's circle on the map."""
    a, b, f = WGS84_A_M, WGS84_B_M, WGS84_F
    alpha1 = math.radians(azimuth_deg)
    sin_a1, cos_a1 = math.sin(alpha1), math.cos(alpha1)
    tan_u1 = (1 - f) * math.tan(math.radians(lat_deg))
    cos_u1 = 1 / math.sqrt(1 + tan_u1 * tan_u1)
    sin_u1 = tan_u1 * cos_u1
    sigma1 = math.atan2(tan_u1, cos_a1)
    sin_alpha = cos_u1 * sin_a1
    cos2_alpha = 1 - sin_alpha * sin_alpha
    u_sq = cos2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    sigma = distance_m / (b * big_a)
    for _ in range(200):
        cos_2sm = math.cos(2 * sigma1 + sigma)
        sin_sigma, cos_sigma = math.sin(sigma), math.cos(sigma)
        delta = (
            big_b
            * sin_sigma
            * (
                cos_2sm
                + big_b
                / 4
                * (
                    cos_sigma * (-1 + 2 * cos_2sm**2)
                    - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)
                )
            )
        )
        previous, sigma = sigma, distance_m / (b * big_a) + delta
        if abs(sigma - previous) < 1e-12:
            break
    cos_2sm = math.cos(2 * sigma1 + sigma)
    sin_sigma, cos_sigma = math.sin(sigma), math.cos(sigma)
    x = sin_u1 * sin_sigma - cos_u1 * cos_sigma * cos_a1
    lat2 = math.atan2(
        sin_u1 * cos_sigma + cos_u1 * sin_sigma * cos_a1,
        (1 - f) * math.hypot(sin_alpha, x),
    )
    lam = math.atan2(sin_sigma * sin_a1, cos_u1 * cos_sigma - sin_u1 * sin_sigma * cos_a1)
    c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
    big_l = lam - (1 - c) * f * sin_alpha * (
        sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2))
    )
    lon2 = (lon_deg + math.degrees(big_l) + 180) % 360 - 180
    return math.degrees(lat2), lon2
