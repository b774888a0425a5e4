"""Load the shipped basemap (``resources/basemap/*.npz``) as flat numpy arrays.

Reads what ``scripts/build_basemap.py`` writes from Natural Earth: three levels of detail of
land, lakes and land borders, cut into square tiles, and the 110m countries keyed by
ADM0_A3. Coordinates are lon/lat degrees (EPSG:4326) as float32 ``(N, 2)`` arrays with
int64 ring offsets. Imports only numpy, the standard library and ``explorer.paths``: no
geopandas or shapely, so the window reaches its first frame without them (a load takes a
few milliseconds). Every problem with a file raises :class:`BasemapError` naming the file.
"""

from __future__ import annotations

import io
import math
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from explorer.domain.errors import ExplorerError
from explorer.paths import basemap_dir

FORMAT_VERSION = 1
LEVEL_NAMES = ("lod0", "lod1", "lod2")
COUNTRIES_FILE = "countries.npz"
FORMER_COUNTRIES_FILE = "former_countries.npz"  # the Soviet Union (SUN), for dates before 1992


class BasemapError(ExplorerError):
    """A basemap file is missing, unreadable or inconsistent; the message names the file."""


@dataclass(frozen=True, slots=True, eq=False)
class Rings:
    """Polygon rings or polylines stored flat.

    Ring ``i`` is ``xy[offsets[i]:offsets[i + 1]]``; ``offsets`` ends with ``len(xy)``.
    Polygon holes are ordinary rings: fill with the odd-even rule.
    """

    xy: NDArray[np.float32]
    offsets: NDArray[np.int64]

    @property
    def ring_count(self) -> int:
        return len(self.offsets) - 1

    @property
    def vertex_count(self) -> int:
        return len(self.xy)

    def ring(self, index: int) -> NDArray[np.float32]:
        """The ``(n, 2)`` coordinates of one ring."""
        return self.xy[self.offsets[index] : self.offsets[index + 1]]

    def contains(self, lon: float, lat: float) -> bool:
        """Whether a point is inside by the even-odd rule (holes count as outside)."""
        if self.vertex_count == 0:
            return False
        x = self.xy[:, 0].astype(np.float64)
        y = self.xy[:, 1].astype(np.float64)
        # Every segment inside a ring, plus each ring's closing segment (zero-length when
        # the ring repeats its first vertex, and a zero-length segment never crosses).
        joined = self.connect()[:-1]
        starts = np.concatenate([np.flatnonzero(joined), self.offsets[1:] - 1])
        ends = np.concatenate([np.flatnonzero(joined) + 1, self.offsets[:-1]])
        x0, y0, x1, y1 = x[starts], y[starts], x[ends], y[ends]
        straddles = (y0 > lat) != (y1 > lat)
        x0, y0, x1, y1 = x0[straddles], y0[straddles], x1[straddles], y1[straddles]
        crossing_x = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
        return bool(np.count_nonzero(crossing_x > lon) % 2)

    def connect(self) -> NDArray[np.bool_]:
        """Per vertex, whether it joins the next one (False on each ring's last vertex)."""
        joined = np.ones(len(self.xy), dtype=bool)
        joined[self.offsets[1:] - 1] = False
        return joined


@dataclass(frozen=True, slots=True, eq=False)
class TiledLayer:
    """One layer of one level, clipped into ``tile_deg`` squares from (-180, -90).

    Tile ``row * columns + column`` holds rings ``tiles[t]:tiles[t + 1]`` of ``rings``.
    """

    rings: Rings
    tiles: NDArray[np.int64]
    tile_deg: float

    @property
    def columns(self) -> int:
        return math.ceil(360.0 / self.tile_deg)

    @property
    def rows(self) -> int:
        return math.ceil(180.0 / self.tile_deg)

    @property
    def tile_count(self) -> int:
        return len(self.tiles) - 1

    def tile(self, index: int) -> Rings:
        """The rings of one tile, with offsets starting at 0."""
        first, last = int(self.tiles[index]), int(self.tiles[index + 1])
        offsets = self.rings.offsets[first : last + 1]
        start = int(offsets[0])
        return Rings(self.rings.xy[start : int(offsets[-1])], offsets - start)

    def tile_bounds(self, index: int) -> tuple[float, float, float, float]:
        """``(lon0, lat0, lon1, lat1)`` of one tile."""
        row, column = divmod(index, self.columns)
        lon0 = -180.0 + column * self.tile_deg
        lat0 = -90.0 + row * self.tile_deg
        return lon0, lat0, min(180.0, lon0 + self.tile_deg), min(90.0, lat0 + self.tile_deg)

    def tiles_in(
        self, lon0: float, lat0: float, lon1: float, lat1: float, *, include_empty: bool = False
    ) -> tuple[int, ...]:
        """Indices of the tiles overlapping a lon/lat rectangle (by default non-empty ones)."""
        first_column = max(0, math.floor((lon0 + 180.0) / self.tile_deg))
        last_column = min(self.columns - 1, math.floor((lon1 + 180.0) / self.tile_deg))
        first_row = max(0, math.floor((lat0 + 90.0) / self.tile_deg))
        last_row = min(self.rows - 1, math.floor((lat1 + 90.0) / self.tile_deg))
        found = []
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                index = row * self.columns + column
                if include_empty or self.tiles[index + 1] > self.tiles[index]:
                    found.append(index)
        return tuple(found)

    def outline_connect(self, index: int) -> NDArray[np.bool_]:
        """Connect mask that strokes a tile's rings without the cuts made by tiling.

        Segments lying along the tile's edges or the world's edges (the antimeridian cut
        through Chukotka and Fiji, Antarctica's edge at -90) are artefacts of clipping,
        not shoreline; for the land layer the rest of the outline is the coastline.
        """
        rings = self.tile(index)
        joined = rings.connect()
        if rings.vertex_count < 2:
            return joined
        lon0, lat0, lon1, lat1 = self.tile_bounds(index)
        x, y = rings.xy[:, 0], rings.xy[:, 1]
        same_x = x[:-1] == x[1:]
        same_y = y[:-1] == y[1:]
        on_vertical = np.isin(x[:-1], np.array([lon0, lon1, -180.0, 180.0], np.float32))
        on_horizontal = np.isin(y[:-1], np.array([lat0, lat1, -90.0, 90.0], np.float32))
        seam = (same_x & on_vertical) | (same_y & on_horizontal)
        joined[:-1] &= ~seam
        return joined


@dataclass(frozen=True, slots=True, eq=False)
class Level:
    """One level of detail: 10m Natural Earth simplified at ``tolerance_deg`` (0 = full).

    The coastline is the outline of ``land`` (see :meth:`TiledLayer.outline_connect`).
    """

    name: str
    tolerance_deg: float
    land: TiledLayer
    lakes: TiledLayer
    borders: TiledLayer

    @property
    def tile_deg(self) -> float:
        return self.land.tile_deg


@dataclass(frozen=True, slots=True, eq=False)
class Basemap:
    """All basemap layers: ``levels`` from coarsest to full detail, and 110m countries.

    ``countries`` are the 110m outlines (ADM0_A3 -> rings), plus former countries dissolved
    from their successors (``SUN``, the Soviet Union). ``territories`` are the same
    countries grown up to 2 deg into the sea towards the nearest country, for shading that
    is drawn under the sea: they cover the coastal land (and launch sites such as Cape
    Canaveral or Tanegashima) that the coarse 110m outline cuts off.
    """

    levels: tuple[Level, ...]
    countries: dict[str, Rings]
    territories: dict[str, Rings]
    former: frozenset[str] = frozenset()  # codes of countries that no longer exist (SUN)

    def level_for(self, deg_per_px: float, max_error_px: float = 1.0) -> Level:
        """The coarsest level whose simplification stays within ``max_error_px`` pixels."""
        for level in self.levels:
            if level.tolerance_deg <= max_error_px * deg_per_px:
                return level
        return self.levels[-1]


def load_basemap(directory: Path | None = None) -> Basemap:
    """Read every level and the countries from ``directory`` (default: the shipped one).

    Raises
    ------
    BasemapError
        A file is missing, is not a readable npz, or its arrays are inconsistent.
    """
    folder = basemap_dir() if directory is None else Path(directory)
    levels = tuple(_read_level(folder / f"{name}.npz", name) for name in LEVEL_NAMES)
    countries, territories = _read_countries(folder / COUNTRIES_FILE)
    # Former countries shade like any other code (the map only); overflight reads countries.npz.
    former, former_territories = _read_countries(folder / FORMER_COUNTRIES_FILE)
    return Basemap(
        levels=levels,
        countries={**countries, **former},
        territories={**territories, **former_territories},
        former=frozenset(former),
    )


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    """All arrays of an npz file, as read-only views into one read of the file.

    ``np.load`` streams each member through zipfile, whose CRC pass costs ~10 ms for the
    7 MB basemap; the members are stored uncompressed, so they are sliced out of the file
    bytes instead, and the structure is validated by the callers.
    """
    try:
        data = path.read_bytes()
        arrays: dict[str, np.ndarray] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                key = info.filename.removesuffix(".npy")
                if info.compress_type == zipfile.ZIP_STORED:
                    arrays[key] = _stored_array(data, info)
                else:
                    with archive.open(info) as member:
                        arrays[key] = np.lib.format.read_array(member, allow_pickle=False)
    except FileNotFoundError:
        raise BasemapError(f"{path}: basemap file is missing") from None
    except (OSError, ValueError, EOFError, struct.error, zipfile.BadZipFile) as error:
        raise BasemapError(f"{path}: not a readable npz file ({error})") from None
    version = arrays.get("format_version")
    if version is None or version.shape != () or int(version) != FORMAT_VERSION:
        raise BasemapError(
            f"{path}: format_version {version} is not {FORMAT_VERSION};"
            " rebuild with scripts/build_basemap.py"
        )
    return arrays


def _stored_array(data: bytes, info: zipfile.ZipInfo) -> np.ndarray:
    """The .npy member described by ``info``, viewed in place in ``data``."""
    # Local file header: 30 fixed bytes, then the name and an extra field of given lengths.
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    # .npy: 6 magic bytes, 2 version bytes, the header length (2 bytes in v1, 4 in v2).
    version = (data[start + 6], data[start + 7])
    if version == (1, 0):
        header_end = start + 10 + struct.unpack_from("<H", data, start + 8)[0]
    elif version == (2, 0):
        header_end = start + 12 + struct.unpack_from("<I", data, start + 8)[0]
    else:
        raise ValueError(f"member {info.filename} has unsupported .npy version {version}")
    header = io.BytesIO(data[start:header_end])
    np.lib.format.read_magic(header)
    if version == (1, 0):
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(header)
    else:
        shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(header)
    if dtype.hasobject:
        raise ValueError(f"member {info.filename} holds Python objects")
    count = math.prod(shape)
    if header.tell() + count * dtype.itemsize > info.file_size:
        raise ValueError(f"member {info.filename} is truncated")
    array = np.frombuffer(data, dtype=dtype, count=count, offset=start + header.tell())
    return array.reshape(shape, order="F" if fortran_order else "C")


def _array(path: Path, arrays: Mapping[str, np.ndarray], key: str, dtype: type) -> np.ndarray:
    if key not in arrays:
        raise BasemapError(f"{path}: missing array {key!r}")
    value = arrays[key]
    if value.dtype != dtype:
        raise BasemapError(f"{path}: array {key!r} is {value.dtype}, expected {np.dtype(dtype)}")
    return value


def _starts(path: Path, key: str, starts: np.ndarray, end: int) -> None:
    """Check an index array runs from 0 to ``end`` without going backwards."""
    if (
        starts.ndim != 1
        or len(starts) == 0
        or starts[0] != 0
        or starts[-1] != end
        or bool(np.any(np.diff(starts) < 0))
    ):
        raise BasemapError(f"{path}: array {key!r} is not a valid index from 0 to {end}")


def _rings(path: Path, arrays: Mapping[str, np.ndarray], prefix: str) -> Rings:
    xy = _array(path, arrays, f"{prefix}xy", np.float32)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise BasemapError(f"{path}: array '{prefix}xy' has shape {xy.shape}, expected (N, 2)")
    if not bool(np.isfinite(xy).all()):
        raise BasemapError(f"{path}: array '{prefix}xy' holds non-finite coordinates")
    offsets = _array(path, arrays, f"{prefix}offsets", np.int64)
    _starts(path, f"{prefix}offsets", offsets, len(xy))
    return Rings(xy=xy, offsets=offsets)


def _read_level(path: Path, name: str) -> Level:
    arrays = _read_npz(path)
    tile_deg = float(_array(path, arrays, "tile_deg", np.float64))
    tolerance_deg = float(_array(path, arrays, "tolerance_deg", np.float64))
    if not 0.0 < tile_deg <= 360.0:
        raise BasemapError(f"{path}: tile_deg {tile_deg} is outside (0, 360]")
    layers = {}
    for layer in ("land", "lakes", "borders"):
        rings = _rings(path, arrays, f"{layer}_")
        tiles = _array(path, arrays, f"{layer}_tiles", np.int64)
        _starts(path, f"{layer}_tiles", tiles, rings.ring_count)
        tiled = TiledLayer(rings=rings, tiles=tiles, tile_deg=tile_deg)
        if tiled.tile_count != tiled.columns * tiled.rows:
            raise BasemapError(
                f"{path}: '{layer}_tiles' has {tiled.tile_count} tiles,"
                f" expected {tiled.columns * tiled.rows} for {tile_deg} deg tiles"
            )
        layers[layer] = tiled
    return Level(name=name, tolerance_deg=tolerance_deg, **layers)


def _read_countries(path: Path) -> tuple[dict[str, Rings], dict[str, Rings]]:
    arrays = _read_npz(path)
    codes = arrays.get("codes")
    if codes is None or codes.dtype.kind != "U" or codes.ndim != 1:
        raise BasemapError(f"{path}: missing or malformed array 'codes'")
    names = codes.tolist()
    return _keyed_rings(path, arrays, "country_", names), _keyed_rings(
        path, arrays, "territory_", names
    )


def _keyed_rings(
    path: Path, arrays: Mapping[str, np.ndarray], prefix: str, codes: list[str]
) -> dict[str, Rings]:
    rings = _rings(path, arrays, prefix)
    first_rings = _array(path, arrays, f"{prefix}rings", np.int64)
    _starts(path, f"{prefix}rings", first_rings, rings.ring_count)
    if len(first_rings) != len(codes) + 1:
        raise BasemapError(f"{path}: '{prefix}rings' does not match 'codes'")
    keyed: dict[str, Rings] = {}
    for index, code in enumerate(codes):
        first, last = int(first_rings[index]), int(first_rings[index + 1])
        offsets = rings.offsets[first : last + 1]
        start = int(offsets[0])
        keyed[code] = Rings(rings.xy[start : int(offsets[-1])], offsets - start)
    return keyed
