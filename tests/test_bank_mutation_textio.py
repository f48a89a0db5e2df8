"""xlcapital/bank/textio.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). Every expected value is worked by hand from the bytes or text written in the test;
errors are checked by line, byte and key words, not by their English wording."""

from __future__ import annotations

import gc
from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.bank.textio import (LineCounter, OpaqueRanges, bounded_amount, date_parser, decode_text, exact_amount,
                                   gc_paused, iter_lines, known_encodings, line_of, make_date, one_line, shown,
                                   undecodable)
from xlcapital.errors import BankFileError

BOM = b"\xef\xbb\xbf"


# --- decoding -------------------------------------------------------------------------------------------


def test_the_mark_is_left_out_only_at_the_start():
    assert decode_text(BOM + b"ab") == "ab"
    assert decode_text(b"a" + BOM) == "a\ufeff"  # elsewhere it is text (a zero-width no-break space)


def test_a_mark_is_no_text_for_ascii():
    # left out before decoding: ASCII decodes the rest
    assert decode_text(BOM + b"abc", ["ascii"]) == "abc"


def test_the_encoding_that_read_furthest_is_named_far_into_the_file():
    # UTF-8 fails at 200 (e9 then LF), cp1252 at 301 (0x81, whose value 129 is below 200): line 2
    data = b"a" * 200 + b"\xe9\n" + b"b" * 99 + b"\x81"
    with pytest.raises(BankFileError) as caught:
        decode_text(data)
    assert caught.value.line == 2 and "0x81" in caught.value.message


def test_a_tie_names_the_first_encodings_byte():
    # both fail at offset 1 (0x81 is neither UTF-8 nor cp1252): line 1, that byte
    with pytest.raises(BankFileError) as caught:
        decode_text(b"a\x81\nb")
    assert caught.value.line == 1 and "0x81" in caught.value.message


def test_unknown_encodings_fall_back_to_the_defaults_with_the_hint_given():
    assert decode_text(BOM + "caf\u00e9".encode("cp1252"), ["x-unknown"]) == "caf\u00e9"
    with pytest.raises(BankFileError) as caught:
        decode_text(b"\n\x81", ["x-unknown"], hint="save it again")
    assert caught.value.hint == "save it again" and caught.value.line == 2
    assert "utf-8" in caught.value.message and "cp1252" in caught.value.message


def test_known_encodings_keep_the_first_name_of_each_codec():
    assert known_encodings(["latin-1", "ISO-8859-1", "x", "utf8", "UTF-8"]) == ["latin-1", "utf8"]
    assert known_encodings([]) == []


def test_undecodable_names_byte_encodings_line_and_a_default_hint():
    error = undecodable(0x9D, ["utf-8", "cp1252"], 12)
    assert error.line == 12 and "0x9d" in error.message and "utf-8 or cp1252" in error.message
    assert "UTF-8" in error.hint
    assert undecodable(0x05, ["ascii"], 1).message.count("0x05") == 1  # two hex digits
    assert undecodable(0x81, ["x"], 1, "do this").hint == "do this"


# --- opaque ranges ----------------------------------------------------------------------------------------


def test_opaque_ranges_of_each_kind_and_their_edges():
    data = b"<a><!--x--><![CDATA[<b>]]><?pi?><b/></a>"
    # "<a>" 0-2, "<!--x-->" 3-10, "<![CDATA[<b>]]>" 11-25, "<?pi?>" 26-31, "<b/>" from 32
    ranges = OpaqueRanges(data)
    assert ranges.starts == [3, 11, 26] and ranges.ends == [11, 26, 32]
    assert 2 not in ranges and 3 in ranges and 10 in ranges
    assert 11 in ranges and 25 in ranges and 26 in ranges and 31 in ranges and 32 not in ranges
    assert ranges.find(data, b"<b", 0) == 32
    assert ranges.find(data, b"<b", 33) == -1
    assert ranges.find(data, b"<c", 0) == -1


def test_an_unclosed_comment_runs_to_the_end():
    data = b"<a><!-- <b> <b>"
    ranges = OpaqueRanges(data)
    assert ranges.ends == [len(data)] and ranges.find(data, b"<b", 0) == -1
    assert len(data) - 1 in ranges


def test_a_needle_after_two_ranges_in_a_row():
    data = b"<!--<b>--><!--<b>--><b>"
    # ranges 0..10 and 10..20: the needle at 4 and 14 is inside, at 20 not
    assert OpaqueRanges(data).find(data, b"<b", 0) == 20
    assert OpaqueRanges(b"").starts == []


# --- lines ---------------------------------------------------------------------------------------------------


def test_line_of_text_and_bytes_with_each_line_end():
    for data in ("a\r\nb\rc\nd", b"a\r\nb\rc\nd"):
        assert [line_of(data, i) for i in range(8)] == [1, 1, 2, 2, 2, 3, 3, 4]
    assert line_of("a\nb", 0) == 1 and line_of("\n\n", 2) == 3


def test_line_counter_counts_on_and_back():
    for data in (b"a\nb\nc\nd", "a\r\nb\rc\nd"):
        lines = LineCounter(data)
        assert lines.at(0) == 1
        assert lines.at(2 if "\r" not in str(data) else 3) == 2
        assert lines.at(len(data) - 1) == 4
        assert lines.at(0) == 1  # back to the start: counted again
    crlf = LineCounter(b"x\r\ny\r\nz")
    assert crlf.at(6) == 3 and crlf.at(3) == 2


def test_iter_lines_edges():
    assert list(iter_lines("a")) == ["a"]
    assert list(iter_lines("\n")) == [""]
    assert list(iter_lines("\r\n\r\n")) == ["", ""]
    assert list(iter_lines("a\n\nb")) == ["a", "", "b"]
    assert list(iter_lines("a\rb")) == ["a", "b"]


def test_one_line():
    assert one_line("a  b") == "a b"
    assert one_line("a\tb") == "a b" and one_line("a\rb") == "a b" and one_line("a\nb") == "a b"
    assert one_line("  a b  ") == "a b"


# --- dates and amounts ----------------------------------------------------------------------------------------


def test_make_date_names_what_and_the_line():
    assert make_date(2024, 2, 29) == date(2024, 2, 29)
    with pytest.raises(BankFileError) as caught:
        make_date(2023, 2, 29, what="value date", line=9)
    assert caught.value.line == 9 and "value date" in caught.value.message and "2023-02-29" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        make_date(5, 1, 32)
    assert "0005-01-32" in caught.value.message and caught.value.line is None


def test_shown_cuts_at_the_limit():
    assert shown("x" * 40) == repr("x" * 40)
    assert shown("x" * 41) == repr("x" * 40) + "... (41 characters)"
    assert shown("abcdef", limit=3) == "'abc'... (6 characters)"


def test_bounded_amount_at_18_digits():
    assert bounded_amount(D("1" * 18)) == D("1" * 18)
    assert bounded_amount(D("0.00000000000000000")) == D(0)  # leading zeros: 1 digit
    with pytest.raises(BankFileError) as caught:
        bounded_amount(D("1" * 19), what="balance", line=3)
    assert caught.value.line == 3 and "19" in caught.value.message and "18" in caught.value.message
    assert "a balance" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        bounded_amount(D("1" * 19), what="opening balance")
    assert "an opening balance" in caught.value.message
    for special in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(BankFileError):
            bounded_amount(D(special))


def test_exact_amount_sign_and_lengths():
    assert exact_amount("-0,5", signed=True) == D("-0.5")
    assert exact_amount("+0,5", signed=True) == D("0.5")
    assert exact_amount("1" * 18) == D("1" * 18)
    with pytest.raises(BankFileError) as caught:
        exact_amount("1" * 19, what="balance", line=4)
    assert caught.value.line == 4 and "19" in caught.value.message
    # 64 characters of zeros and one digit: accepted (zeros do not count)
    assert exact_amount("0" * 63 + "7") == D(7)
    # 65 characters, 19 digits after the zeros: refused before Decimal, naming the length
    with pytest.raises(BankFileError) as caught:
        exact_amount("0" * 46 + "1" * 19, what="transaction amount", line=2)
    assert "65" in caught.value.message and caught.value.line == 2
    # 65 characters but only 18 digits: accepted
    assert exact_amount("0" * 47 + "1" * 18) == D("1" * 18)
    # 66 characters with a decimal point: 18 digits around it are accepted
    assert exact_amount("0" * 47 + "1" * 9 + "." + "1" * 9) == D("111111111.111111111")


def test_exact_amount_refusal_names_the_kind_the_text_and_the_line():
    with pytest.raises(BankFileError) as caught:
        exact_amount("12x", what="balance amount", line=5)
    error = caught.value
    assert error.line == 5 and "'12x'" in error.message and "balance amount" in error.message and error.hint
    with pytest.raises(BankFileError) as caught:
        exact_amount("1.2.3", what="opening", line=6)
    assert "an opening" in caught.value.message
    with pytest.raises(BankFileError):
        exact_amount("1,2,3")
    with pytest.raises(BankFileError):
        exact_amount("+5")  # a sign only when signed


@pytest.mark.parametrize("fmt, text, day", [
    ("YYYY-MM-DD", "2026-03-07", date(2026, 3, 7)),
    ("YYMMDD", "260307", date(2026, 3, 7)),
    ("D-M-YYYY", "7-3-2026", date(2026, 3, 7)),
    ("DD.MM.YY", "07.03.26", date(2026, 3, 7)),
    ("MM/DD/YYYY", "12/31/2025", date(2025, 12, 31)),
])
def test_date_parser_formats(fmt, text, day):
    assert date_parser(fmt)(text) == day
    assert date_parser(fmt)(text) == day  # again, from the cache


def test_date_parser_anchoring_and_refusals():
    parse = date_parser("DD-MM-YYYY")
    with pytest.raises(ValueError):
        parse("07-03-2026 10:00")  # anchored: nothing may follow
    assert date_parser("DD-MM-YYYY", anchored=False)("07-03-2026 10:00") == date(2026, 3, 7)
    with pytest.raises(ValueError):
        parse("7-3-2026")
    with pytest.raises(ValueError):
        parse("31-02-2026")
    with pytest.raises(ValueError):
        date_parser("DD.MM.YYYY")("07x03x2026")  # "." is a literal dot, not any character


def test_gc_paused_restores_what_it_found():
    was = gc.isenabled()
    try:
        gc.enable()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(RuntimeError):
            with gc_paused():
                raise RuntimeError("a reader failed")
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


# --- second look: what the first run of this file left ---------------------------------------------------


def test_opaque_ranges_at_the_very_start_and_an_element_between_two():
    data = b"<!--x--><b/><!--y-->"
    ranges = OpaqueRanges(data)
    assert ranges.starts == [0, 12] and ranges.ends == [8, 20]
    assert ranges.find(data, b"<b", 0) == 8  # between the two comments
    assert ranges.find(data, b"<", 0) == 8  # the "<" at 0 opens the comment: text, passed over


def test_a_lone_cr_at_the_start_ends_a_line():
    assert line_of("\rx", 1) == 2 and line_of(b"\rx", 1) == 2
    assert line_of(b"\r\nx", 2) == 2


def test_line_counter_from_a_line_end_at_the_start():
    lines = LineCounter(b"\nx\ny")
    assert lines.at(1) == 2 and lines.at(3) == 3
    assert lines.at(1) == 2  # back: counted again from the start, the line end at 0 included
    assert LineCounter("\r\nx").at(2) == 2


def test_the_default_hint_says_what_to_do():
    error = undecodable(0x81, ["utf-8"], 1)
    assert "encoding" in error.hint and "UTF-8" in error.hint


def test_the_kinds_of_amount_have_their_own_words_in_dutch():
    with pytest.raises(BankFileError) as caught:
        exact_amount("12x", what="balance amount", line=5)
    assert "saldobedrag" in caught.value.in_language("nl")


def test_amount_messages_name_the_amount_with_its_article():
    with pytest.raises(BankFileError) as caught:
        bounded_amount(D("1" * 19))
    assert "an amount of 19 digits" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        exact_amount("1" * 19, what="balance")
    assert "a balance of 19 digits" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        exact_amount("0" * 46 + "1" * 19, what="transaction amount")
    assert "a transaction amount of 65 characters" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        exact_amount("0" * 46 + "1" * 19, what="opening amount")
    assert "an opening amount of 65" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        exact_amount("1.2.3")
    assert caught.value.hint  # the notation expected


def test_64_characters_are_counted_as_digits_65_as_characters():
    # 64 ones: not over 64 characters, so Decimal reads them and the digits are counted (64 > 18)
    with pytest.raises(BankFileError) as caught:
        exact_amount("1" * 64)
    assert "64 digits" in caught.value.message
    # 64 ones and a trailing separator ("75," style): still 64 characters without it
    with pytest.raises(BankFileError) as caught:
        exact_amount("1" * 64 + ",")
    assert "64 digits" in caught.value.message


def test_a_kind_of_amount_not_in_the_table_takes_a_or_an():
    with pytest.raises(BankFileError) as caught:
        exact_amount("1.2.3", what="balance")
    assert "not a balance:" in caught.value.message
    with pytest.raises(BankFileError) as caught:
        exact_amount("1.2.3", what="opening balance")
    assert "not an opening balance:" in caught.value.message
