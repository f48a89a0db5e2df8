"""MS-OVBA compression, checked against the specification's own examples and oletools' decompressor."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import decompress_stream

from tests.conftest import ROOT
from xlcapital.errors import InputError
from xlcapital.workbook.vba.compression import CHUNK, compress, decompress

# MS-OVBA 3.2.1 "No Compression Example" and 3.2.2 "Normal Compression Example": the text and the
# compressed bytes exactly as the specification prints them.
SPEC_EXAMPLES = [
    (
        b"abcdefghijklmnopqrstuv.",
        "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
    ),
    (
        b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
        "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20 6D 6E 6F 70 06 "
        "71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
    ),
]


def olevba_decompress(container: bytes) -> bytes:
    return bytes(decompress_stream(bytearray(container)))


def source_text(size: int) -> bytes:
    """``size`` bytes of real program text (this project's own Python sources, repeated)."""
    text = b"".join(p.read_bytes() for p in sorted((ROOT / "xlcapital").rglob("*.py")))
    return (text * (size // max(len(text), 1) + 1))[:size]


@pytest.mark.parametrize("plain, packed", SPEC_EXAMPLES)
def test_specification_examples(plain, packed):
    expected = bytes.fromhex(packed)
    assert compress(plain) == expected
    assert decompress(expected) == plain
    assert olevba_decompress(expected) == plain


@pytest.mark.parametrize("size", [0, 1, 2, 3, 1039, 4095, 4096, 4097, 8192, 9000, 43_750])
def test_round_trip_through_oletools(size):
    data = source_text(size)
    packed = compress(data)
    assert olevba_decompress(packed) == data
    assert decompress(packed) == data
    if size > 1000:  # text compresses: repetitions become copy tokens
        assert len(packed) < len(data)


def test_empty_input_is_the_signature_byte_only():
    # 2.4.1.3.6: the container of zero bytes is the signature 0x01 and no chunk
    assert compress(b"") == b"\x01"


def test_long_runs_use_the_longest_copy_tokens():
    # 4096 x "a": one literal, then copy tokens; far below the 4096 a raw chunk would take
    data = b"a" * 4096 + b"b" * 4096
    packed = compress(data)
    assert len(packed) < 100
    assert olevba_decompress(packed) == data


def expected_after_round_trip(data: bytes) -> bytes:
    """A raw last chunk shorter than 4096 bytes is zero-padded by the specification (2.4.1.3.10).

    Only an incompressible last chunk of more than 3640 bytes is stored raw: 3640 literals need
    455 flag bytes, and 3640 + 455 = 4095 still fits the 4096 bytes of compressed chunk data.
    """
    tail = len(data) % CHUNK
    if tail > 3640 and len(compress(data[-tail:])) == 1 + 2 + CHUNK:
        return data + bytes(CHUNK - tail)
    return data


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3 * CHUNK + 100))
def test_random_bytes_round_trip(data):
    packed = compress(data)
    assert olevba_decompress(packed) == expected_after_round_trip(data)
    assert decompress(packed) == olevba_decompress(packed)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([b"Dim ", b"x", b" = ", b"\r\n", b"If ", b"Then", b"a", b"\x80", b"\xe9"]), max_size=3000))
def test_repetitive_text_round_trips_exactly(parts):
    data = b"".join(parts)
    assert olevba_decompress(compress(data)) == data


def test_incompressible_chunks_are_stored_raw():
    import random

    noise = random.Random(7).randbytes(CHUNK)
    packed = compress(noise + b"tail")
    # chunk 1 raw: header 0x3FFF (size 4098, flag 0), then the 4096 bytes as they are
    assert packed[1:3] == b"\xff\x3f"
    assert packed[3 : 3 + CHUNK] == noise
    assert olevba_decompress(packed) == noise + b"tail"


def test_decompress_refuses_garbage():
    with pytest.raises(InputError):
        decompress(b"\x02abc")
    with pytest.raises(InputError):
        decompress(b"\x01\x00\x00")  # bad chunk signature
