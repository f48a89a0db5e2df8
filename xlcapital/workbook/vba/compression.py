"""MS-OVBA 2.4.1 compression: the run-length/LZ77 scheme VBA uses for the ``dir`` stream and module source.

A *compressed container* is the signature byte 0x01 followed by chunks. Each chunk stands for up
to 4096 bytes of the decompressed data and starts with a 2-byte little-endian header::

    bits 0-11   chunk size - 3 (the size counts the header itself)
    bits 12-14  0b011 (signature)
    bit 15      1 = compressed (token sequences), 0 = raw (4096 bytes copied as they are)

A token sequence is a flag byte and up to 8 tokens; flag bit *i* says whether token *i* is a
literal byte (0) or a 2-byte copy token (1). A copy token packs an offset back into the chunk's
already-decompressed data and a length; how many of its 16 bits are offset depends on how far
the current position is into the chunk (:func:`_bit_count`)::

    bit_count = max(ceil(log2(position in chunk)), 4)
    token     = ((offset - 1) << (16 - bit_count)) | (length - 3)

A chunk whose compressed form would not fit in 4098 bytes is stored raw: 4096 bytes, the last
chunk padded with zeros (2.4.1.3.10), so only an incompressible *last* chunk of more than 3640
bytes gains trailing zeros on a round trip. Source text never comes near that.

>>> data = b"Attribute VB_Name = \\"Module1\\"\\r\\n" * 20
>>> packed = compress(data)
>>> len(packed) < len(data), decompress(packed) == data
(True, True)
>>> compress(b"")
b'\\x01'
"""

from __future__ import annotations

import struct

from xlcapital.errors import InputError

CHUNK = 4096
#: compressed chunk data may hold at most this many bytes (4098 with the header)
_MAX_CHUNK_DATA = 4096
_MIN_MATCH = 3
#: how many earlier positions with the same 3-byte prefix the matcher tries (the nearest first);
#: any match is valid, this only trades compression ratio for speed
_MAX_CANDIDATES = 64


def _bit_count(position: int) -> int:
    """Bits of a copy token given to the offset at ``position`` (1..4096) bytes into the chunk.

    >>> [_bit_count(p) for p in (1, 16, 17, 32, 33, 2048, 2049, 4096)]
    [4, 4, 5, 5, 6, 11, 12, 12]
    """
    return max((position - 1).bit_length(), 4)


def _common_prefix(data: bytes, a: int, b: int, limit: int) -> int:
    """How many bytes from ``data[a:]`` and ``data[b:]`` agree, at most ``limit`` (binary search on slices)."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if data[a : a + mid] == data[b : b + mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _compress_chunk(chunk: bytes) -> bytes:
    """One chunk (at most 4096 bytes) as header + data, compressed or raw (2.4.1.3.7)."""
    out = bytearray()
    heads: dict[bytes, list[int]] = {}
    pos, end = 0, len(chunk)
    while pos < end and len(out) < _MAX_CHUNK_DATA:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            length, offset = 0, 0
            if pos > 0:
                bits = _bit_count(pos)
                max_length = min((0xFFFF >> bits) + 3, end - pos)
                if max_length >= _MIN_MATCH:
                    for candidate in reversed(heads.get(chunk[pos : pos + 3], ())[-_MAX_CANDIDATES:]):
                        n = _common_prefix(chunk, candidate, pos, max_length)
                        if n > length:
                            length, offset = n, pos - candidate
                            if n == max_length:
                                break
            if length >= _MIN_MATCH:
                out += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                flags |= 1 << bit
                step = length
            else:
                out.append(chunk[pos])
                step = 1
            for p in range(pos, min(pos + step, end - 2)):
                heads.setdefault(chunk[p : p + 3], []).append(p)
            pos += step
        out[flag_at] = flags
    if pos < end or len(out) > _MAX_CHUNK_DATA:
        return struct.pack("<H", 0x3FFF) + chunk + bytes(CHUNK - len(chunk))
    return struct.pack("<H", 0xB000 | (len(out) + 2 - 3)) + bytes(out)


def compress(data: bytes) -> bytes:
    """``data`` as an MS-OVBA compressed container (2.4.1.3.6)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        out += _compress_chunk(data[start : start + CHUNK])
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """The data of an MS-OVBA compressed container (2.4.1.3.1); InputError if it is malformed.

    Written from the specification for the project's own checks; the tests also read every
    container back with oletools' independent decompressor.
    """
    if container[:1] != b"\x01":
        raise InputError("not an MS-OVBA compressed container (first byte is not 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise InputError(f"truncated chunk header at byte {pos}")
        (header,) = struct.unpack_from("<H", container, pos)
        if (header >> 12) & 0b111 != 0b011:
            raise InputError(f"bad chunk signature at byte {pos}")
        size = (header & 0x0FFF) + 3
        data_end = min(pos + size, len(container))
        chunk_start = len(out)
        if not header & 0x8000:
            if size != CHUNK + 2:
                raise InputError(f"raw chunk of {size} bytes at byte {pos}")
            out += container[pos + 2 : pos + 2 + CHUNK]
        else:
            i = pos + 2
            while i < data_end:
                flags = container[i]
                i += 1
                for bit in range(8):
                    if i >= data_end:
                        break
                    if not flags >> bit & 1:
                        out.append(container[i])
                        i += 1
                        continue
                    if i + 2 > data_end:
                        raise InputError(f"truncated copy token at byte {i}")
                    (token,) = struct.unpack_from("<H", container, i)
                    i += 2
                    bits = _bit_count(len(out) - chunk_start)
                    offset = (token >> (16 - bits)) + 1
                    length = (token & (0xFFFF >> bits)) + 3
                    src = len(out) - offset
                    if src < chunk_start:
                        raise InputError(f"copy token at byte {i - 2} points before its chunk")
                    for k in range(length):  # byte by byte: a copy may overlap what it writes
                        out.append(out[src + k])
        pos += size
    return bytes(out)
