"""xlcapital/bank/streamio.py's UTF-16 copy (``utf8_copy``) and the feeding loop ``fed_windows``, piece by
piece, with slices made tiny: issue 14, "Tests that catch what they claim to". Every expected value is worked
by hand from the bytes written in the test, in the comments beside it."""

from __future__ import annotations

import io
import os

import pytest

from tests.test_bank_mutation_streamio import source
from tests.test_bank_stream_utf16 import BOMS, PROC_FDS, copies, temp_folder  # noqa: F401 (a fixture)
from xlcapital.bank import streamio
from xlcapital.bank.streamio import fed_windows, utf8_copy
from xlcapital.errors import BankFileError

LE = BOMS["utf-16-le"]


def utf16(text: str, encoding: str = "utf-16-le") -> bytes:
    return BOMS[encoding] + text.encode(encoding)


def copied(src, xml_declaration: bool = False) -> tuple[bytes, int]:
    """The copy's bytes and its cap."""
    with utf8_copy(src, xml_declaration) as copy:
        with copy.open() as f:
            return f.read(), copy.limit


def refusal(src, xml_declaration: bool = False) -> BankFileError:
    with pytest.raises(BankFileError) as caught:
        with utf8_copy(src, xml_declaration):
            pass
    return caught.value


# --- fed_windows: what feed is handed, call by call ---------------------------------------------


def feeding(chunks, returns):
    """The (data, final) of every call of feed, which returns ``returns`` one by one (the final call's
    return is not used), and how often fed_windows yielded."""
    calls, answers = [], iter(returns)

    def feed(data, final):
        calls.append((data, final))
        return 0 if final else next(answers)

    yields = sum(1 for _ in fed_windows(chunks, feed))
    return calls, yields


def test_fed_windows_waits_for_twice_as_much_after_a_call_that_did_nothing():
    # "ab": size 2 >= want 0 -> feed("ab") does 0: want 2*2 = 4, "ab" kept
    # "cd": size 4 >= 4 -> feed("abcd") does 0: want 8
    # "ef": size 6 < 8 -> no call
    # "gh": size 8 -> feed("abcdefgh") does 7: want 0, "h" kept (size 1)
    # "ij": size 3 -> feed("hij") does 1 (> 0: want 0), "ij" kept (size 2)
    # "kl": size 4 -> feed("ijkl") does all 4: nothing kept
    # the end: feed("", final)
    calls, yields = feeding([b"ab", b"cd", b"ef", b"gh", b"ij", b"kl"], [0, 0, 7, 1, 4])
    assert calls == [(b"ab", False), (b"abcd", False), (b"abcdefgh", False), (b"hij", False), (b"ijkl", False),
                     (b"", True)]
    assert yields == 6  # once after every call


def test_fed_windows_counts_what_is_left_after_a_call_that_did_some():
    # "abc": feed does 1, "bc" kept (size 3 - 1 = 2); "de": size 4, feed("bcde") does 0: want 8; "f": size 5 < 8;
    # "ghi": size 8, feed("bcdefghi") does 0 (want 16); the end hands all that is left
    calls, _ = feeding([b"abc", b"de", b"f", b"ghi"], [1, 0, 0])
    assert calls == [(b"abc", False), (b"bcde", False), (b"bcdefghi", False), (b"bcdefghi", True)]


def test_fed_windows_joins_text_as_text():
    # the same rule over str slices: "xy" does 0 (want 4), "z" size 3 < 4, "w" size 4: "xyzw"
    calls, _ = feeding(["xy", "z", "w"], [0, 2])
    assert calls == [("xy", False), ("xyzw", False), ("zw", True)]
    assert all(type(data) is str for data, _ in calls)


def test_fed_windows_of_nothing_is_one_final_call_with_no_bytes():
    calls, yields = feeding([], [])
    assert calls == [(b"", True)] and type(calls[0][0]) is bytes and yields == 1


def test_fed_windows_a_first_slice_of_one_byte_is_handed_on_at_once():
    # want starts at 0, so even one byte is a call: "a" does 1, then "b" does 1, then the final call gets ""
    calls, _ = feeding([b"a", b"b"], [1, 1])
    assert calls == [(b"a", False), (b"b", False), (b"", True)]


# --- the copy: its bytes, its cap, its declaration ----------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 5, 1 << 20])
@pytest.mark.parametrize("encoding", BOMS)
def test_the_copy_is_the_utf8_text_and_its_cap_is_its_size(tmp_path, temp_folder, monkeypatch, size, encoding):
    monkeypatch.setattr(streamio, "SLICE", size)
    # "é" is 2 bytes in UTF-8, "€" 3, "𝄞" (a surrogate pair in UTF-16) 4: a, é, CR, €, LF, 𝄞, z: 1 + 2 + 1 + 3 + 1 + 4 + 1 = 13 bytes
    text = "aé\r€\n𝄞z"
    data, cap = copied(source(tmp_path, utf16(text, encoding)))
    assert data == text.encode("utf-8") and cap == 13
    assert copies(temp_folder) == []


def test_a_declaration_of_utf16_is_rewritten_as_utf8_in_capitals(tmp_path, temp_folder, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", 3)
    text = "<?xml version='1.0' encoding = 'utf-16'?>\n<Document/>"
    data, cap = copied(source(tmp_path, utf16(text)), xml_declaration=True)
    expected = b"<?xml version='1.0' encoding = 'UTF-8'?>\n<Document/>"  # only the name changes
    assert data == expected and cap == len(expected) == 52


def test_only_the_first_encoding_is_the_declarations(tmp_path, temp_folder):
    # a second "encoding='...'" further on (an element's text) is the document's, not the declaration's
    text = "<?xml version='1.0' encoding='UTF-16'?><a>encoding='UTF-16'</a>"
    data, _ = copied(source(tmp_path, utf16(text)), xml_declaration=True)
    assert data == b"<?xml version='1.0' encoding='UTF-8'?><a>encoding='UTF-16'</a>"


def test_by_default_the_text_is_copied_as_it_is(tmp_path, temp_folder):
    # a declaration is rewritten only when asked (CAMT): any other text, a look-alike too, is copied unchanged
    text = "<?xml version='1.0' encoding='UTF-16'?><a/>"
    with utf8_copy(source(tmp_path, utf16(text))) as copy:
        assert copy.head(100) == text.encode("utf-8")


def test_a_text_without_a_tag_end_is_copied_whole_when_it_ends(tmp_path, temp_folder, monkeypatch):
    # no ">" at all and shorter than 8192 characters: held to the end, then written (the final write)
    monkeypatch.setattr(streamio, "SLICE", 4)
    text = "line 1\nline 2\nline 3"
    data, cap = copied(source(tmp_path, utf16(text)), xml_declaration=True)
    assert data == text.encode("utf-8") and cap == 20


class Writes(io.BytesIO):
    """An output that keeps the size of every write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data) -> int:
        self.sizes.append(len(data))
        return super().write(data)


def test_the_declaration_is_held_only_until_its_end(tmp_path, monkeypatch):
    # slices of 2 bytes: the mark, then one character a slice. The declaration is 21 characters; the text is
    # written as soon as its ">" has come, then a character at a time: the rest is not held to the end.
    monkeypatch.setattr(streamio, "SLICE", 2)
    declaration = '<?xml version="1.0"?>'
    out = Writes()
    written, damage = streamio._reencode(source(tmp_path, utf16(declaration + "x" * 100)), out, True)
    assert (written, damage) == (121, None)
    assert out.sizes[0] == 21 == len(declaration) and out.sizes[1:] == [1] * 100 + [0]  # the last: the final ""


@pytest.mark.parametrize("chars, first", [(8191, 8191), (8192, 8192), (9000, 8192)])
def test_a_text_without_a_tag_end_is_held_to_8192_characters_at_most(tmp_path, monkeypatch, chars, first):
    # slices of 2 bytes: one character each. Held until 8192 characters have come (or the text ended
    # before: 8191 are written by the final write), then written, then a character at a time
    monkeypatch.setattr(streamio, "SLICE", 2)
    out = Writes()
    written, _ = streamio._reencode(source(tmp_path, utf16("x" * chars)), out, True)
    assert written == chars and out.sizes[0] == first
    assert sum(out.sizes) == chars


@pytest.mark.parametrize("declared", ["UTF-8", "ISO-8859-1", "UTF-16BE"])  # a UTF-16LE file
def test_a_declaration_naming_another_encoding_is_refused_on_line_1(tmp_path, temp_folder, monkeypatch, declared):
    monkeypatch.setattr(streamio, "SLICE", 3)
    text = f'<?xml version="1.0" encoding="{declared}"?>\n<Document/>'
    err = refusal(source(tmp_path, utf16(text)), xml_declaration=True)
    assert err.line == 1 and "encoding specified in XML declaration is incorrect" in err.message
    assert copies(temp_folder) == []


# --- a sequence that is not UTF-16: its byte (in the file) and its line -------------------------


@pytest.mark.parametrize("xml_declaration", [False, True])
def test_a_lone_surrogate_after_three_lines_without_a_tag_end(tmp_path, temp_folder, monkeypatch, xml_declaration):
    # "a\nb\nc" then a low surrogate alone: the mark (2) + 5 characters (10) = byte 12, on line 3; the text
    # before it (held, with xml_declaration, for want of a ">") is written before the line is counted
    monkeypatch.setattr(streamio, "SLICE", 4)
    err = refusal(source(tmp_path, utf16("a\nb\nc") + b"\x00\xdc" + "d".encode("utf-16-le")), xml_declaration)
    assert "at byte 12" in err.message and err.line == 3
    assert copies(temp_folder) == []


@pytest.mark.parametrize("xml_declaration", [False, True])
def test_an_odd_last_byte_after_three_lines_without_a_tag_end(tmp_path, temp_folder, xml_declaration):
    # "a\nb\nc" then half a code unit: byte 2 + 10 = 12, on line 3, found by the final decode
    err = refusal(source(tmp_path, utf16("a\nb\nc") + b"A"), xml_declaration)
    assert "at byte 12" in err.message and err.line == 3


@pytest.mark.parametrize("size, byte", [
    # BOM(0-1) "a"(2-3) D800 as 00 D8 (4-5) "c" as 63 00 (6-7): a high surrogate not followed by a low one
    (6, 4),  # slice 1 ends after the high surrogate: it is pending (2 bytes) when slice 2 fails
    (5, 4),  # slice 1 ends inside it: one byte pending
    (4, 4),  # slice 2 holds the surrogate and "c": nothing pending
    (3, 4),  # slices: FF FE 61 | 00 00 D8 | 63 00: the surrogate pending when the third fails
])
def test_a_high_surrogate_without_its_low_half_is_named_at_its_first_byte(tmp_path, monkeypatch, size, byte):
    monkeypatch.setattr(streamio, "SLICE", size)
    err = refusal(source(tmp_path, LE + b"a\x00" + b"\x00\xd8" + b"c\x00"))
    assert f"at byte {byte}" in err.message and err.line == 1


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 6, 7, 1 << 20])
def test_a_high_surrogate_cut_by_the_end_is_named_at_its_first_byte(tmp_path, monkeypatch, size):
    # BOM(0-1) "a"(2-3) "\n"(4-5) "b"(6-7) D800 (8-9) and the file ends: the pair is cut, at byte 8, line 2
    monkeypatch.setattr(streamio, "SLICE", size)
    err = refusal(source(tmp_path, LE + "a\nb".encode("utf-16-le") + b"\x00\xd8"))
    assert "at byte 8" in err.message and err.line == 2


# --- where the system keeps the copy's name ------------------------------------------------------


def test_on_linux_the_copy_has_no_name_while_it_is_read(tmp_path, temp_folder):
    # the temp folder stays empty; the process holds the copy open, its name gone ("(deleted)")
    with utf8_copy(source(tmp_path, utf16("abc\n"))) as copy:
        assert list(temp_folder.iterdir()) == []
        held = copies(temp_folder)
        assert len(held) == 1 and held[0].startswith("xlcapital-") and held[0].endswith(".utf8.tmp (deleted)")
        assert copy.head(4) == b"abc\n"
    assert copies(temp_folder) == []


def open_descriptors() -> int:
    return len(os.listdir(PROC_FDS))


def test_without_proc_the_copy_keeps_its_name_until_the_block_ends(tmp_path, temp_folder, monkeypatch):
    # macOS and Windows have no /proc/self/fd: the copy is a named file of the temp folder, removed at the end
    monkeypatch.setattr(streamio, "_PROC_FDS", str(tmp_path / "no-proc"))
    before = open_descriptors()
    with utf8_copy(source(tmp_path, utf16("abc\n"))) as copy:
        named = sorted(p.name for p in temp_folder.iterdir())
        assert len(named) == 1 and named[0].startswith("xlcapital-") and named[0].endswith(".utf8.tmp")
        with copy.open() as f:
            assert f.read() == b"abc\n"
        assert open_descriptors() == before  # no descriptor kept for it
    assert list(temp_folder.iterdir()) == [] and open_descriptors() == before


def test_a_name_that_cannot_be_taken_away_at_once_goes_at_the_end(tmp_path, temp_folder, monkeypatch):
    # the first removal (the name taken away at the start) fails: the descriptor kept for it is closed,
    # the copy is read by its name, and the block's end removes it
    real_remove, refused = os.remove, []

    def remove_once_refused(path):
        if not refused:
            refused.append(path)
            raise PermissionError(13, "Permission denied", path)
        real_remove(path)

    monkeypatch.setattr(streamio.os, "remove", remove_once_refused)
    before = open_descriptors()
    with utf8_copy(source(tmp_path, utf16("abc"))) as copy:
        assert [p.name for p in temp_folder.iterdir()] == [os.path.basename(refused[0])]
        assert copy.head(3) == b"abc" and open_descriptors() == before
    assert list(temp_folder.iterdir()) == [] and open_descriptors() == before
