"""A small writer of MS-CFB compound files (the OLE2 container of ``vbaProject.bin``).

Only what a VBA project needs: version 3 (512-byte sectors), streams and storages given by path,
the mini stream (64-byte mini sectors) for streams under 4096 bytes, at most 109 FAT sectors
(about 7 MB, no DIFAT sectors), no timestamps and no CLSIDs. The layout is::

    header | FAT | directory | mini FAT | mini stream | large streams

Each storage's children form a binary search tree ordered as MS-CFB 2.6.4 says (shorter name
first, then code point by code point of the upper-cased names), built balanced from the sorted
names and coloured so that it is a valid red-black tree: the nodes on the deepest level are red,
all others black, so every path from the top to a leaf passes the same number of black nodes.

No maintained Python package writes these files (olefile only reads and patches in place;
pycfb 0.0.3 and ms-cfb 0.0.6 are early single-maintainer releases), and the format needed here
is small, so xlcapital owns it. The tests read every file back with olefile.

>>> data = write_compound_file({"PROJECT": b"Name=1", "VBA/dir": b"x" * 5000})
>>> data[:8].hex(), len(data) % 512
('d0cf11e0a1b11ae1', 0)
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from xlcapital.errors import InputError

SECTOR = 512
MINI_SECTOR = 64
MINI_STREAM_CUTOFF = 4096
ENTRY = 128
MAX_NAME = 31

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF

_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_HEADER_DIFAT = 109


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Entry"] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN


def _sort_key(name: str) -> tuple[int, list[int]]:
    """MS-CFB 2.6.4 order: by length in UTF-16 code units, then by upper-cased code points."""
    units = name.encode("utf-16-le")
    upper = name.upper().encode("utf-16-le")
    return len(units) // 2, list(struct.unpack(f"<{len(upper) // 2}H", upper))


def _check_name(name: str, path: str) -> None:
    if not name or len(name) > MAX_NAME or any(c in name for c in "/\\:!") or not name.isprintable():
        raise InputError(
            f"invalid compound-file name {name!r}",
            field=path,
            hint=f"use 1 to {MAX_NAME} printable characters without / \\ : !",
        )


def _build_tree(streams: dict[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        parts = path.split("/")
        node = root
        for depth, part in enumerate(parts):
            _check_name(part, path)
            last = depth == len(parts) - 1
            key = part.upper()
            existing = node.children.get(key)
            if existing is None:
                existing = node.children[key] = _Entry(part, _STREAM if last else _STORAGE)
            if (existing.kind == _STREAM) != last or (last and existing.data):
                raise InputError(f"{path!r} clashes with another stream or storage", field=path)
            if last:
                existing.data = bytes(data)
            node = existing
    return root


def _number(root: _Entry) -> list[_Entry]:
    """Directory order: the root first, then depth first, siblings in CFB order."""
    entries: list[_Entry] = []

    def visit(entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        for child in sorted(entry.children.values(), key=lambda e: _sort_key(e.name)):
            visit(child)

    visit(root)
    return entries


def _link_siblings(parent: _Entry) -> None:
    """Hang ``parent``'s children on it as a balanced, validly coloured red-black tree."""
    ordered = sorted(parent.children.values(), key=lambda e: _sort_key(e.name))

    def depth_of(n: int) -> int:
        return max(n.bit_length() - 1, 0)  # depth of the deepest level of a balanced tree of n nodes

    deepest = depth_of(len(ordered)) if ordered else 0
    perfect = len(ordered) == (1 << (deepest + 1)) - 1

    def build(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = ordered[mid]
        node.left = build(lo, mid, depth + 1)
        node.right = build(mid + 1, hi, depth + 1)
        node.color = _RED if depth == deepest and deepest > 0 and not perfect else _BLACK
        return node.sid

    parent.child = build(0, len(ordered), 0)
    for child in ordered:
        _link_siblings(child)


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i + 1 < count else ENDOFCHAIN


def _pad(data: bytes, size: int) -> bytes:
    return data + bytes(-len(data) % size)


def _dir_entry(e: _Entry) -> bytes:
    if e.kind == 0:
        name = b""
    else:
        name = (e.name + "\0").encode("utf-16-le")
    size = len(e.data) if e.kind in (_STREAM, _ROOT) else 0
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        e.kind,
        e.color,
        e.left,
        e.right,
        e.child,
        bytes(16),
        0,
        0,
        0,
        e.start if e.kind in (_STREAM, _ROOT) else 0,
        size,
    )


def write_compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` (path with ``/`` between storages -> bytes).

    Storages are made for every folder in a path. Raises InputError for a bad name or a
    clash, and for contents over the ~7 MB this writer supports.
    """
    root = _build_tree(streams)
    entries = _number(root)
    _link_siblings(root)

    small = [e for e in entries if e.kind == _STREAM and 0 < len(e.data) < MINI_STREAM_CUTOFF]
    large = [e for e in entries if e.kind == _STREAM and len(e.data) >= MINI_STREAM_CUTOFF]

    mini_fat: list[int] = []
    mini_stream = bytearray()
    for e in small:
        e.start = len(mini_fat)
        count = -(-len(e.data) // MINI_SECTOR)
        mini_fat += [0] * count
        _chain(mini_fat, e.start, count)
        mini_stream += _pad(e.data, MINI_SECTOR)
    root.data = bytes(mini_stream)

    def sectors(n_bytes: int) -> int:
        return -(-n_bytes // SECTOR)

    n_dir = sectors(len(entries) * ENTRY)
    n_minifat = sectors(len(mini_fat) * 4)
    n_mini = sectors(len(mini_stream))
    n_large = [sectors(len(e.data)) for e in large]
    n_content = n_dir + n_minifat + n_mini + sum(n_large)
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + n_content:
        n_fat += 1
    if n_fat > _HEADER_DIFAT:
        raise InputError("the VBA project is too large for this compound-file writer (about 7 MB)")

    fat = [FREESECT] * (n_fat * (SECTOR // 4))
    for i in range(n_fat):
        fat[i] = FATSECT
    at = n_fat
    dir_start = at
    _chain(fat, at, n_dir)
    at += n_dir
    minifat_start = at if n_minifat else ENDOFCHAIN
    _chain(fat, at, n_minifat)
    at += n_minifat
    root.start = at if n_mini else ENDOFCHAIN
    _chain(fat, at, n_mini)
    at += n_mini
    for e, n in zip(large, n_large):
        e.start = at
        _chain(fat, at, n)
        at += n

    difat = list(range(n_fat)) + [FREESECT] * (_HEADER_DIFAT - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("d0cf11e0a1b11ae1"),
        bytes(16),
        0x003E,  # minor version
        0x0003,  # major version 3: 512-byte sectors
        0xFFFE,  # byte order mark: little-endian
        9,  # sector shift: 2**9 = 512
        6,  # mini sector shift: 2**6 = 64
        bytes(6),
        0,  # number of directory sectors: always 0 in version 3
        n_fat,
        dir_start,
        0,  # transaction signature
        MINI_STREAM_CUTOFF,
        minifat_start,
        n_minifat,
        ENDOFCHAIN,  # first DIFAT sector: none
        0,
        *difat,
    )
    directory = b"".join(_dir_entry(e) for e in entries)
    unused = _Entry("", 0, color=_RED)
    directory += _dir_entry(unused) * (n_dir * (SECTOR // ENTRY) - len(entries))
    parts = [
        header,
        struct.pack(f"<{len(fat)}I", *fat),
        directory,
        _pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat), SECTOR) if mini_fat else b"",
        _pad(bytes(mini_stream), SECTOR),
        *(_pad(e.data, SECTOR) for e in large),
    ]
    return b"".join(parts)
