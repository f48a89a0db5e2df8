"""Cutting CAMT entries out of a document (bank/xmlentries.py): the cases mutation testing found untested
(docs/development.md, "Mutation testing").

Every offset, line and skeleton below is counted by hand in the comments, byte by byte, not taken from the
code. The one document :data:`DOC` holds each thing the cutter must pass over or get right: a comment, a CDATA
section and a processing instruction each holding ``>`` and ``<Ntry>``, two entries with nothing between
them, an entry with a namespace prefix whose end tag has white space and a line end before its ``>``, an
empty entry, CR LF line ends and text after the root. It is cut whole, in two windows split at every byte,
and in slices of every size: the answer must not depend on where the file was cut.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xlcapital import bank
from xlcapital.bank import xmlentries
from xlcapital.bank.xmlentries import LONGEST_PREFIX, EntryWrapper, _Cutter, cut_entries, cut_windows
from xlcapital.errors import BankFileError

sys.path.insert(0, str(Path(__file__).parent))
from test_bank_mutation_camt import NS, document, entry  # noqa: E402  (the hand-written camt.053 documents)

DOC = (
    # line 1, offsets 0-14; CR LF at 15-16
    b'<D xmlns:p="u">\r\n'
    # line 2 from 17: the comment 17-33 (`<!--` 17-20, " > " 21-23, "<Ntry>" 24-29, " -->" 30-33),
    # entry 0 `<Ntry>a</Ntry>` 34-47 (14 bytes, ends at 48), entry 1 right after it 48-61 (ends at 62),
    # CR LF 62-63
    b"<!-- > <Ntry> --><Ntry>a</Ntry><Ntry>c</Ntry>\r\n"
    # line 3 from 64: CDATA 64-81 (18 bytes); entry 2 from 82: `<p:Ntry>` 82-89, "b" 90, `</p:Ntry` 91-98,
    # a space 99, LF 100 (line 4 starts at 101), ">" 101: ends at 102; LF 102 (line 5 starts at 103)
    b"<![CDATA[<Ntry>]]><p:Ntry>b</p:Ntry \n>\n"
    # line 5: the processing instruction 103-118 (16 bytes), entry 3 `<Ntry/>` 119-125 (ends at 126),
    # `</D>` 126-129, CR LF 130-131: 132 bytes in all
    b"<?pi > <Ntry> ?><Ntry/></D>\r\n"
)
STARTS = [34, 48, 82, 119]
ENDS = [48, 62, 102, 126]
LINES = [2, 2, 3, 5]
# entries 0 and 1 are one run (nothing between them); the CDATA section and the processing instruction
# each begin a new one
RUNS = [0, 2, 3]
SKELETON = (
    b'<D xmlns:p="u">\r\n<!-- > <Ntry> -->'
    + b'<XlcapitalEntries run="0"/>'  # entries 0 and 1: one line, no line end in them or between them
    + b"\r\n<![CDATA[<Ntry>]]>"
    + b'<p:XlcapitalEntries run="1"/>'  # entry 2 keeps its prefix ...
    + b"\n"  # ... and its one line end (lines 3-4), so that "</D>" stays on line 5
    + b"\n<?pi > <Ntry> ?>"
    + b'<XlcapitalEntries run="2"/>'
    + b"</D>\r\n"
)


def test_the_hand_counts_add_up():
    """The comments' arithmetic, checked against the bytes themselves (slices, not the cutter)."""
    assert len(DOC) == 132
    for start, end, text in zip(STARTS, ENDS, [b"<Ntry>a</Ntry>", b"<Ntry>c</Ntry>", b"<p:Ntry>b</p:Ntry \n>", b"<Ntry/>"]):
        assert DOC[start:end] == text
    for start, line in zip(STARTS, LINES):
        assert DOC[:start].count(b"\n") + 1 == line


def check(entries: xmlentries.Entries) -> None:
    assert (list(entries.starts), list(entries.ends), list(entries.lines)) == (STARTS, ENDS, LINES)
    assert list(entries.runs) == RUNS
    assert entries.skeleton == SKELETON
    assert [list(entries.run(i)) for i in range(3)] == [[0, 1], [2], [3]]


def test_the_whole_document():
    check(cut_entries(DOC))


@pytest.mark.parametrize("cut", range(len(DOC) + 1))
def test_two_windows_split_at_every_byte(cut):
    # the first window ends anywhere: inside the comment after its ">", inside "<Ntry" or "</p:Ntry \n>",
    # right between the two adjacent entries, after the last ">" with only CR LF to come, ...
    check(cut_windows([DOC[:cut], DOC[cut:]]))


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 13, 31, 64, 131])
def test_slices_of_every_size(size):
    check(cut_windows(DOC[i : i + size] for i in range(0, len(DOC), size)))


def test_an_entry_at_the_very_start_of_the_data():
    # offset 0 is an entry's start, with and without a prefix (a window may begin right at an entry)
    entries = cut_entries(b"<Ntry>a</Ntry>")
    assert (list(entries.starts), list(entries.ends), entries.skeleton) == ([0], [14], b'<XlcapitalEntries run="0"/>')
    entries = cut_entries(b"<p:Ntry xmlns:p='u'>a</p:Ntry>")  # 20 + 1 + 9 bytes
    assert (list(entries.starts), list(entries.ends), entries.skeleton) == ([0], [30], b'<p:XlcapitalEntries run="0"/>')


def test_a_run_over_several_lines_keeps_every_line_end():
    # line 1 "<D>"; entry 0 on lines 2-3 (offsets 4-18: "<Ntry>a" 4-10, LF 11, "</Ntry>" 12-18), LF 19,
    # an empty line 4 (LF 20); entry 1 on line 5 (21-34), LF 35; "<X/>" on line 6 (36-39), entry 2 40-46
    data = b"<D>\n<Ntry>a\n</Ntry>\n\n<Ntry>b</Ntry>\n<X/><Ntry/></D>\n"
    entries = cut_entries(data)
    assert (list(entries.starts), list(entries.ends), list(entries.lines)) == ([4, 21, 40], [19, 35, 47], [2, 5, 6])
    assert list(entries.runs) == [0, 2]  # entries 0 and 1 are separated by white space only
    # run 0 stands for lines 2-5: its placeholder, entry 0's own line end, the two between the entries;
    # "<X/>" is on line 6 in the skeleton as in the file
    assert entries.skeleton == b'<D>\n<XlcapitalEntries run="0"/>\n\n\n\n<X/><XlcapitalEntries run="1"/></D>\n'
    assert entries.skeleton.split(b"\n")[5] == b'<X/><XlcapitalEntries run="1"/></D>'


def test_end_tags_with_white_space_before_the_closing_bracket():
    # "<D>" 0-2; "<Ntry>a</Ntry\t>" 3-17 (ends at 18); "<Ntry>b</Ntry\r\n>" 18-33 (ends at 34)
    entries = cut_entries(b"<D><Ntry>a</Ntry\t><Ntry>b</Ntry\r\n></D>")
    assert (list(entries.starts), list(entries.ends)) == ([3, 18], [18, 34])
    entries = cut_entries(b"<D><Ntry>a</Ntry \n\t>\n</D>")  # 3-19, ends at 20
    assert (list(entries.starts), list(entries.ends)) == ([3], [20])


def test_ntry_in_text_is_not_an_entry_when_prefixes_are_in_use():
    # with ":Ntry" in the document every "Ntry" is looked at: the one in <H>'s text follows ">" and is no
    # tag. "<D xmlns:b='u'>" 0-14, "<H>Ntry list</H>" 15-30, "<b:Ntry>x</b:Ntry>" 31-48, "<Ntry>y</Ntry>" 49-62
    data = b"<D xmlns:b='u'><H>Ntry list</H><b:Ntry>x</b:Ntry><Ntry>y</Ntry></D>"
    entries = cut_entries(data)
    assert (list(entries.starts), list(entries.ends), list(entries.runs)) == ([31, 49], [49, 63], [0])
    assert entries.skeleton == b"<D xmlns:b='u'><H>Ntry list</H><b:XlcapitalEntries run=\"0\"/></D>"


def test_an_ntry_inside_the_entry_just_cut_is_passed_over_and_cutting_goes_on():
    # "<D>" 0-2; the outer entry from 3, its first "</Ntry>" (the inner one's) at 19-25; the inner "<Ntry>"
    # at 14 lies before that end and is passed over; the next entry "<Ntry>b</Ntry>" 37-50 is cut as usual.
    # The outer's own "</Ntry>" is left in the skeleton, and the file is refused (below): nothing is lost
    data = b"<D><Ntry><X><Ntry>i</Ntry></X></Ntry><Ntry>b</Ntry></D>"
    entries = cut_entries(data)
    assert (list(entries.starts), list(entries.ends)) == ([3, 37], [26, 51])


def test_a_nested_ntry_is_refused_by_the_reader():
    nested = entry("1.00", inner="<AddtlNtryInf><Ntry/></AddtlNtryInf>")
    with pytest.raises(BankFileError):
        bank.read_bytes(document(nested, entry("1.00")), "nested.xml")


def test_an_unclosed_entry_names_its_line_in_every_window():
    # "<D>" line 1; "<Ntry>a</Ntry>" line 2; the unclosed "<Ntry>" on line 3
    data = b"<D>\n<Ntry>a</Ntry>\n<Ntry>\n<A/>\n"
    for entries_of in (lambda: cut_entries(data), lambda: cut_windows(data[i : i + 1] for i in range(len(data))),
                       lambda: cut_windows([data[:19], data[19:]])):
        with pytest.raises(BankFileError) as caught:
            entries_of()
        assert caught.value.line == 3
        assert caught.value.message == "an <Ntry> entry is not closed (is the file cut off?)"


class TestWhatAWindowLeaves:
    """``_Cutter.feed(data, final=False)`` returns how much of a window is done: the end of its last
    complete entry, else just after its last ``>`` that lies outside comments and before an entry that
    this window does not close."""

    def test_after_the_last_complete_entry(self):
        # "<D>" 0-2, "<Ntry>a</Ntry>" 3-16 (ends at 17), "<X>" 17-19: done at 17, "<X>" comes again
        assert _Cutter().feed(b"<D><Ntry>a</Ntry><X>", final=False) == 17

    def test_before_an_entry_not_closed_yet(self):
        # "<a>" 0-2, "b>c" 3-5 (">" at 4), "<Ntry>x" from 6: the last ">" before the entry is at 4
        assert _Cutter().feed(b"<a>b>c<Ntry>x", final=False) == 5

    def test_before_a_comment_not_closed_yet(self):
        # "<a>" 0-2, the comment from 3 holds a ">" at 8: what follows must start outside the comment
        cutter = _Cutter()
        assert cutter.feed(b"<a><!-- x > y", final=False) == 3
        assert (cutter.offset, cutter.line) == (3, 1)

    def test_a_greater_than_sign_at_offset_0(self):
        assert _Cutter().feed(b">bc", final=False) == 1

    def test_nothing_done_without_any_greater_than_sign(self):
        assert _Cutter().feed(b"abc", final=False) == 0

    def test_offsets_and_lines_count_on_from_the_windows_before(self):
        cutter = _Cutter()
        assert cutter.feed(b"<D>\n<X>\n<Y", final=False) == 7  # "<D>" LF "<X>": done after the second ">"
        assert (cutter.offset, cutter.line) == (7, 2)
        cutter.feed(b"\n<Ntry>a</Ntry>\n</D>", final=True)  # the entry at 1 in this window: 8 in the file
        assert (list(cutter.entries.starts), list(cutter.entries.lines)) == ([8], [3])

    def test_the_last_window_keeps_its_tail(self):
        # no entry at all: the skeleton is the document, to its last byte
        data = b"<D>\n<X>text</X>\n</D>\r\n"
        assert cut_entries(data).skeleton == data
        assert cut_windows([data[:5], data[5:]]).skeleton == data


def test_namespace_prefix_length_bound():
    """A prefix of up to LONGEST_PREFIX characters is found; a longer one is not cut out, and the reader's
    independent count refuses the file instead of losing its entry."""
    assert LONGEST_PREFIX == 254
    plain = entry("1.00")

    def prefixed(prefix: str) -> str:
        return plain.replace("<Ntry>", f"<{prefix}:Ntry xmlns:{prefix}='{NS}'>").replace("</Ntry>", f"</{prefix}:Ntry>")

    (statement,) = bank.read_bytes(document(plain, prefixed("p" * 254)), "long.xml")
    assert [str(t.amount) for t in statement.transactions] == ["1.00", "1.00"]
    with pytest.raises(BankFileError) as caught:
        bank.read_bytes(document(plain, prefixed("p" * 255)), "longer.xml")
    assert "holds 2 records" in str(caught.value)
    # the bound, at the cutter: the "<" of a 254-character prefix is 256 bytes before "Ntry"
    assert list(cut_entries(b"<D>" + prefixed("q" * 254).encode() + b"</D>").starts) == [3]
    assert list(cut_entries(b"<D>" + prefixed("q" * 255).encode() + b"</D>").starts) == []


class TestEntryWrapper:
    SKELETON = b"<D xmlns='urn:x' xmlns:p='urn:p'><XlcapitalEntries run='0'/></D>"

    def test_the_document_namespaces_are_declared(self):
        # the default namespace and the prefixed one, as the document declares them
        root = EntryWrapper(self.SKELETON, b"UTF-8").parse(b"<Ntry><p:A/><B/></Ntry>", first_line=5)
        assert [e.tag for e in root.iter()] == ["{urn:x}XlcapitalBatch", "{urn:x}Ntry", "{urn:p}A", "{urn:x}B"]

    def test_a_broken_entry_names_expats_problem_and_the_files_line(self):
        # the body starts on line 5; the mismatched "</B>" is on its second line: line 6
        with pytest.raises(BankFileError) as caught:
            EntryWrapper(self.SKELETON, b"UTF-8").parse(b"<Ntry>\n<A></B></Ntry>", first_line=5)
        assert (caught.value.line, caught.value.message) == (6, "not well-formed XML in an entry: mismatched tag")

    def test_an_unknown_encoding(self):
        with pytest.raises(BankFileError) as caught:
            EntryWrapper(self.SKELETON, b"x-no-such-encoding").parse(b"<Ntry/>", first_line=7)
        assert caught.value.line == 1
        assert str(caught.value) == "line 1: the XML declares an unknown encoding: unknown encoding: x-no-such-encoding"
