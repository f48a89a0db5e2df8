"""xlcapital/bank/streamio.py through its public pieces (ByteSource, open_regular, text_encoding), with
slices made tiny so that every seam between two slices is crossed: issue 14, "Tests that catch what they
claim to". Every expected value is worked by hand from the bytes written in the test."""

from __future__ import annotations

import os

import pytest

from xlcapital.bank import streamio
from xlcapital.bank.streamio import ByteSource, open_regular, text_encoding
from xlcapital.errors import BankFileError

BOM = b"\xef\xbb\xbf"


def source(tmp_path, data: bytes, limit: int = 1 << 30) -> ByteSource:
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    return ByteSource.of_path(path, limit)


@pytest.fixture
def slice_of(monkeypatch):
    def set_slice(n: int) -> None:
        monkeypatch.setattr(streamio, "SLICE", n)
    return set_slice


def test_open_regular_refuses_a_folder_and_names_it(tmp_path):
    with pytest.raises(BankFileError) as caught:
        open_regular(tmp_path)
    assert caught.value.file == str(tmp_path)
    assert "regular file" in caught.value.message and caught.value.hint


def test_open_regular_names_a_missing_file(tmp_path):
    missing = tmp_path / "nope.sta"
    with pytest.raises(BankFileError) as caught:
        open_regular(missing)
    assert caught.value.file == str(missing)


def test_open_regular_opens_a_file_for_binary_reading(tmp_path):
    (tmp_path / "a.sta").write_bytes(b"x\r\ny")
    with open_regular(tmp_path / "a.sta") as f:
        assert f.read() == b"x\r\ny"  # no newline translation


def test_chunks_are_slices_and_the_limit_is_inclusive(tmp_path, slice_of):
    slice_of(4)
    assert list(source(tmp_path, b"abcdefghij", limit=10).chunks()) == [b"abcd", b"efgh", b"ij"]
    with pytest.raises(BankFileError) as caught:
        list(source(tmp_path, b"abcdefghij", limit=9).chunks())
    assert caught.value.file.endswith("export.txt")


def test_the_size_refusal_names_the_limit_in_megabytes(tmp_path):
    # a 3 MB limit on a file of 3 MB + 1 byte: 3 * 2**20 // 2**20 = 3
    data = b"x" * (3 * 2**20 + 1)
    with pytest.raises(BankFileError) as caught:
        list(source(tmp_path, data, limit=3 * 2**20).chunks())
    assert "3 MB" in caught.value.message


def test_head_and_find_across_slices(tmp_path, slice_of):
    slice_of(4)
    s = source(tmp_path, b"abcdefghij")
    assert s.head(3) == b"abc"
    assert s.find(b"a") == 0
    assert s.find(b"d") == 3   # last byte of the first slice
    assert s.find(b"g") == 6   # 4 bytes of the first slice + 2
    assert s.find(b"j") == 9
    assert s.find(b"z") == -1


@pytest.mark.parametrize("size", [1, 2, 3, 1 << 20])
def test_line_of_counts_crlf_cr_and_lf_once_each(tmp_path, slice_of, size):
    # a(0) CR(1) LF(2) b(3) CR(4) c(5) LF(6) d(7): before d three line ends, so d is on line 4;
    # with slices of 2 the CR LF is cut between the first and the second slice
    slice_of(size)
    s = source(tmp_path, b"a\r\nb\rc\nd")
    assert [s.line_of(i) for i in range(8)] == [1, 1, 2, 2, 2, 3, 3, 4]


@pytest.mark.parametrize("size", [1, 2, 4, 1 << 20])
def test_line_of_after_a_byte_order_mark(tmp_path, slice_of, size):
    # offsets counted after the 3 bytes of the mark: a(0) LF(1) b(2) LF(3) c(4)
    slice_of(size)
    s = source(tmp_path, BOM + b"a\nb\nc")
    assert [s.line_of(i, skip=3) for i in range(5)] == [1, 1, 2, 2, 3]


def test_lines_leave_out_the_mark_and_the_line_ends(tmp_path, slice_of):
    slice_of(2)
    assert list(source(tmp_path, BOM + b"a\r\nb\rc\nd").lines("utf-8")) == ["a", "b", "c", "d"]
    # no mark: the first 3 bytes are read again
    assert list(source(tmp_path, b"abc\ndef\n").lines("utf-8")) == ["abc", "def"]
    assert list(source(tmp_path, b"caf\xe9\n").lines("cp1252")) == ["caf\u00e9"]


def test_lines_read_a_file_exactly_as_large_as_the_limit(tmp_path):
    assert list(source(tmp_path, b"ab\ncd", limit=5).lines("utf-8")) == ["ab", "cd"]


def test_lines_refuse_a_file_larger_than_the_limit(tmp_path):
    with pytest.raises(BankFileError) as caught:
        list(source(tmp_path, b"ab\ncd\n", limit=5).lines("utf-8"))
    assert caught.value.file.endswith("export.txt") and "grew" in caught.value.message


def test_windows_end_where_the_cut_says_and_add_up_to_the_file(tmp_path, slice_of):
    # slices "aa\nb" "bb\nc" "c": windows end after each line end; 0 (no line end) reads on
    slice_of(4)
    s = source(tmp_path, b"aa\nbbb\ncc")
    windows = list(s.windows(lambda data: data.rfind(b"\n") + 1))
    assert windows == [b"aa\n", b"bbb\n", b"cc"]


def test_windows_of_a_file_without_a_cut_is_the_whole_file(tmp_path, slice_of):
    slice_of(3)
    assert list(source(tmp_path, b"abcdefg").windows(lambda data: -1)) == [b"abcdefg"]
    assert list(source(tmp_path, b"ab\n").windows(lambda data: data.rfind(b"\n") + 1)) == [b"ab\n"]


def test_text_encoding_utf8_across_a_cut_sequence(tmp_path, slice_of):
    slice_of(1)  # the two bytes of an e acute in two slices
    assert text_encoding(source(tmp_path, b"caf\xc3\xa9\n")) == "utf-8"


def test_text_encoding_falls_back_to_cp1252(tmp_path):
    assert text_encoding(source(tmp_path, b"caf\xe9\n")) == "cp1252"


def test_unknown_encodings_fall_back_to_the_defaults(tmp_path):
    assert text_encoding(source(tmp_path, b"caf\xe9\n"), ["x-unknown"]) == "cp1252"


def test_a_byte_no_encoding_decodes_is_named_with_its_line(tmp_path):
    # 0x81 is neither UTF-8 nor cp1252; it stands at offset 6, after two line ends: line 3
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"ab\ncd\n\x81"))
    error = caught.value
    assert error.line == 3 and "0x81" in error.message
    assert "utf-8" in error.message and "cp1252" in error.message
    assert error.hint


def test_the_hint_given_is_the_hint_of_the_refusal(tmp_path):
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"\x81"), hint="export it again")
    assert caught.value.hint == "export it again" and caught.value.line == 1


def test_the_byte_read_furthest_is_the_one_named(tmp_path):
    # UTF-8 fails at offset 0 (0xe9 then a line end), cp1252 only at offset 3 (0x81, line 3)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"\xe9\n\n\x81"))
    assert caught.value.line == 3 and "0x81" in caught.value.message


def test_the_line_after_a_byte_order_mark(tmp_path):
    # after the mark: a(0) LF(1) 0x81(2): line 2
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, BOM + b"a\n\x81"))
    assert caught.value.line == 2 and "0x81" in caught.value.message


def test_a_sequence_cut_between_slices_that_fails_names_its_first_byte(tmp_path, slice_of):
    # e2 82 is the start of a 3-byte UTF-8 sequence, then a line end: the failure is at offset 0 (line 1),
    # found while the 2 bytes wait in the decoder and the slice "\n\n" is decoded
    slice_of(2)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"\xe2\x82\n\n"), ["utf-8"])
    assert caught.value.line == 1 and "0xe2" in caught.value.message


def test_a_sequence_cut_by_the_end_of_the_file(tmp_path, slice_of):
    # a LF then the first byte of a 2-byte sequence and nothing after: the decoder fails only when told
    # the file ended; the byte is on line 2 (offset 2)
    slice_of(2)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"a\n\xc3"), ["utf-8"])
    assert caught.value.line == 2 and "0xc3" in caught.value.message


def test_a_sequence_cut_by_the_end_after_line_ends(tmp_path, slice_of):
    # the last slice holds 2 waiting bytes of a 3-byte sequence at offsets 4 and 5, after 2 line ends
    slice_of(2)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"a\nb\n\xe2\x82"), ["utf-8"])
    assert caught.value.line == 3 and "0xe2" in caught.value.message


def test_the_byte_named_is_the_one_read_furthest_within_a_cut_sequence(tmp_path):
    # "ab\n" then E2 81 and the end: UTF-8 fails at offset 3 (E2 starts a 3-byte sequence that the end cuts,
    # found by the final decode with 2 bytes waiting: 5 - 2), cp1252 at offset 4 (it has no character for
    # 81): 81 is read furthest and named, on line 2
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"ab\n\xe2\x81"))
    assert caught.value.line == 2 and "byte 0x81 " in caught.value.message


# --- second round: the cases docs/development.md listed as "not equivalent, untested" ---------------


def test_open_regular_says_why_the_system_refused(tmp_path):
    # a missing file: the system's reason (ENOENT) is in the message, in English "No such file"
    with pytest.raises(BankFileError) as caught:
        open_regular(tmp_path / "nope.sta")
    assert "no such file" in caught.value.message.lower()


def test_find_gives_the_first_of_two(tmp_path, slice_of):
    # "abca": a at 0 and 3 in one slice of 4; "xbcb" + "b": b at 1 (not 3, and not the 4 of slice 2)
    slice_of(4)
    assert source(tmp_path, b"abca").find(b"a") == 0
    assert source(tmp_path, b"xbcbb").find(b"b") == 1


def test_line_of_the_first_byte_is_1_even_when_it_ends_a_line(tmp_path, slice_of):
    # offset 0 is before any byte: line 1 even though byte 0 is a line end; offset 1 is after it: line 2
    for size in (1, 2, 1 << 20):
        slice_of(size)
        s = source(tmp_path, b"\nx")
        assert (s.line_of(0), s.line_of(1)) == (1, 2), size


def test_a_cr_lf_cut_between_slices_after_other_line_ends(tmp_path, slice_of):
    # LF(0) LF(1) CR(2) | LF(3) x(4): three line ends before x (LF, LF, CR LF): x is on line 4
    slice_of(3)
    s = source(tmp_path, b"\n\n\r\nx")
    assert s.line_of(4) == 4


def test_windows_a_cut_after_the_first_byte(tmp_path, slice_of):
    # slices "\na" "bc": the first window ends after its first byte (cut 1), "a" waits for "bc"
    slice_of(2)
    windows = list(source(tmp_path, b"\nabc").windows(lambda data: data.rfind(b"\n") + 1))
    assert windows == [b"\n", b"abc"]


def test_a_byte_order_mark_is_no_text_of_the_file_for_ascii(tmp_path, slice_of):
    # the mark's 3 bytes are not ASCII; left out, the rest is: "ascii" is the first that decodes
    assert text_encoding(source(tmp_path, BOM + b"abc"), ["ascii", "cp1252"]) == "ascii"
    # e9 right after the mark is not ASCII: cp1252 (a 4-byte skip would pass over it)
    assert text_encoding(source(tmp_path, BOM + b"\xe9abc"), ["ascii", "cp1252"]) == "cp1252"
    slice_of(1)  # the mark cut over three slices
    assert text_encoding(source(tmp_path, BOM + b"abc"), ["ascii", "cp1252"]) == "ascii"


def test_the_furthest_failure_wins_far_into_the_file(tmp_path):
    # UTF-8 fails at offset 200 (e9 then a LF), cp1252 only at 0x81, offset 301: 200 + e9 + LF + 99 bytes.
    # The byte 0x81 (129) is smaller than 200: offsets, not bytes, are compared. LF at 201: line 2.
    data = b"a" * 200 + b"\xe9\n" + b"b" * 99 + b"\x81"
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, data))
    assert caught.value.line == 2 and "0x81" in caught.value.message


def test_unknown_encodings_keep_the_hint_given(tmp_path):
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"\x81"), ["x-unknown"], hint="export it again")
    assert caught.value.hint == "export it again"
    assert "utf-8" in caught.value.message and "cp1252" in caught.value.message  # the defaults were tried


def test_a_failing_byte_after_a_mark_is_on_its_own_line(tmp_path):
    # after the mark: 0x81 at offset 0, then three line ends: line 1 (offsets counted after the mark)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, BOM + b"\x81\n\n\n"))
    assert caught.value.line == 1


def test_a_sequence_completed_across_slices_then_a_failing_byte(tmp_path, slice_of):
    # slices "\n\n\xc3" "\xa9\x81\n" "\n": c3 waits, c3 a9 is an e acute, 0x81 at offset 4 fails
    # (exc.start 2 in the waiting byte + the slice); before it two line ends: line 3
    slice_of(3)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"\n\n\xc3\xa9\x81\n\n"), ["utf-8"])
    assert caught.value.line == 3 and "0x81" in caught.value.message


def test_the_offset_runs_on_over_three_slices(tmp_path, slice_of):
    # slices "ab" "\nc" "\n\x81": 0x81 at offset 5 after two line ends: line 3
    slice_of(2)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, b"ab\nc\n\x81"), ["utf-8"])
    assert caught.value.line == 3


def test_a_mark_cut_over_slices_then_a_failing_byte(tmp_path, slice_of):
    # slices ef bb | bf "a" | LF 81: the mark's last byte shares a slice with "a"; after the mark
    # a(0) LF(1) 0x81(2): line 2 (skipping on past the mark would lose "a" or the LF)
    slice_of(2)
    with pytest.raises(BankFileError) as caught:
        text_encoding(source(tmp_path, BOM + b"a\n\x81"))
    assert caught.value.line == 2 and "0x81" in caught.value.message
