"""Cutting the entries out of an XML bank document (CAMT's ``<Ntry>``), and parsing them in batches.

The document's structure (everything but the entries) is small and is parsed by defusedxml; the
entries, which are nearly all of a large file, are cut out as byte ranges and parsed in batches by
the standard library's C parser inside a wrapper that declares the document's namespaces (a
fragment can hold neither a DTD nor an entity definition: expat refuses both). An entry may use any
namespace prefix; a ``<Ntry`` inside a comment, CDATA section or processing instruction is text.

The cutting works on the whole document or on a file read in windows (:func:`cut_windows`): each
window ends after a complete entry (or a ``>``) outside a comment, CDATA section or processing
instruction, so the next one starts outside them too. What is kept is small: the skeleton (with a
placeholder per run of consecutive entries, followed by the run's line ends, so that the
skeleton's line numbers are the file's) and, per entry, its byte range and first line in arrays.
Where the windows were cut changes nothing: a run goes on across a window's edge, so the entries,
their runs and the skeleton are those of the whole document (tests/test_bank_mutation_xmlentries.py
cuts one document at every byte).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from array import array
from typing import Iterable

from xlcapital.bank.streamio import fed_windows
from xlcapital.bank.textio import LineCounter, OpaqueRanges
from xlcapital.bank import messages as say
from xlcapital.errors import BankFileError

__all__ = ["PLACEHOLDER", "Entries", "cut_entries", "cut_windows", "EntryWrapper", "xml_message"]

#: an XML name used as a namespace prefix
_PREFIX = re.compile(rb"[A-Za-z_][\w.\-]*")
_XMLNS = re.compile(rb"""\sxmlns(:[A-Za-z_][\w.\-]*)?\s*=\s*("[^"]*"|'[^']*')""")
PLACEHOLDER = "XlcapitalEntries"
#: the longest namespace prefix looked for before ``:Ntry``: the ``<`` is looked for at most this
#: far back, so that a long text full of ":Ntry" costs linear time. An entry with a longer prefix
#: is not cut out; the independent count then refuses the file, so nothing is lost.
LONGEST_PREFIX = 254
_TAG_END = (b">", b" ", b"\t", b"\r", b"\n", b"/")


class Entries:
    """The entries cut out of one document, in file order: byte ranges and first lines, and the
    runs of consecutive entries (separated by nothing but white space) each placeholder stands for.
    Arrays of 8-byte numbers: 24 bytes an entry, whatever the entry holds."""

    def __init__(self) -> None:
        self.starts, self.ends, self.lines = array("q"), array("q"), array("q")
        #: the index of each run's first entry
        self.runs = array("q")
        self.skeleton_parts: list[bytes] = []

    def __len__(self) -> int:
        return len(self.starts)

    def run(self, index: int) -> range:
        """The indexes of the entries of run ``index``."""
        return range(self.runs[index], self.runs[index + 1] if index + 1 < len(self.runs) else len(self.starts))

    @property
    def skeleton(self) -> bytes:
        """The document with each run of entries replaced by its placeholder and line ends."""
        return b"".join(self.skeleton_parts)


class _Cutter:
    """Cuts the entries out of a document handed over in consecutive windows."""

    def __init__(self) -> None:
        self.entries = Entries()
        self.offset = 0  # where the next window starts in the file
        self.line = 1  # the line it starts on
        # whether the file so far ends with an entry (the next entry, after white space only, joins
        # its run, wherever the window was cut), and the file line that entry ends on
        self.in_run = False
        self.run_line = 1

    def feed(self, data: bytes, final: bool) -> int:
        """Cut the entries of ``data`` (the file from ``self.offset``); return how much of it is
        done: the end of its last complete entry, else of its last ``>`` outside comments (so
        what is left starts outside one). ``final``: the file ends with ``data``."""
        entries, parts = self.entries, self.entries.skeleton_parts
        opaque = OpaqueRanges(data)
        lines = LineCounter(data)
        copied = 0
        pending = len(data)  # where an entry starts that this window does not close
        in_run, run_line = self.in_run, self.run_line
        for at, prefix in _entry_starts(data, opaque):
            if at < copied:  # an <Ntry> inside the entry just cut: the count tells
                continue
            line = self.line + lines.at(at) - 1  # in the file
            end = _entry_end(data, at, prefix, opaque)
            if end < 0:
                if not final:
                    pending = at
                    break
                raise BankFileError(say.ENTRY_NOT_CLOSED(), line=line)
            if in_run and data[copied:at].strip() == b"":
                parts.append(b"\n" * (line - run_line))  # the line ends between the two entries
            else:
                parts.append(data[copied:at])
                parts.append(b"<" + prefix + PLACEHOLDER.encode() + b' run="' + str(len(entries.runs)).encode() + b'"/>')
                entries.runs.append(len(entries.starts))
            entries.starts.append(self.offset + at)
            entries.ends.append(self.offset + end)
            entries.lines.append(line)
            run_line = self.line + lines.at(end) - 1
            parts.append(b"\n" * (run_line - line))  # the entry's own line ends
            copied, in_run = end, True
        done = len(data) if final else copied
        if not final and copied == 0:  # no entry yet: as much as is surely outside comments and entries
            limit = min(pending, opaque.starts[-1] if opaque.starts and opaque.ends[-1] >= len(data) else len(data))
            done = data.rfind(b">", 0, limit) + 1
        parts.append(data[copied:done])
        if not final:
            self.line += lines.at(done) - 1
            self.offset += done
            # text after the last entry (a ">" at least) ends the run; a window with nothing done keeps it
            self.in_run, self.run_line = in_run and done == copied, run_line
        return done


def cut_entries(data: bytes) -> Entries:
    """The entries of a whole document (see :class:`Entries`).

    An entry may use any namespace prefix (a document may give one namespace two); a ``<Ntry``
    inside a comment, a CDATA section or a processing instruction is not an entry.
    """
    cutter = _Cutter()
    cutter.feed(data, final=True)
    return cutter.entries


def cut_windows(chunks: Iterable[bytes]) -> Entries:
    """:func:`cut_entries` of a file read in slices, in windows that end after a complete entry
    (:func:`~xlcapital.bank.streamio.fed_windows`)."""
    cutter = _Cutter()
    for _ in fed_windows(chunks, cutter.feed):
        pass
    return cutter.entries


def _entry_starts(data: bytes, opaque: OpaqueRanges):
    """``(offset of "<", prefix with its colon or b"")`` of every ``<Ntry`` start tag, in file order.

    ``bytes.find`` is far faster than a regex scan over every "<" of a 50 MB document. Without a
    prefixed ``:Ntry`` anywhere only ``<Ntry`` is looked for; otherwise every ``Ntry`` and the
    characters before it. ``NtryDtls`` and the like are passed over by the character after the name.
    """
    prefixed = b":Ntry" in data
    needle = b"Ntry" if prefixed else b"<Ntry"
    skip = len(needle)
    at = data.find(needle)
    while at >= 0:
        if data[at + skip : at + skip + 1] in _TAG_END:
            start, prefix = -1, b""
            if not prefixed:
                start = at
            elif data[at - 1 : at] == b"<":
                start = at - 1
            elif data[at - 1 : at] == b":":
                lt = data.rfind(b"<", max(0, at - 2 - LONGEST_PREFIX), at)  # 2: the "<" and the ":"
                if lt >= 0 and _PREFIX.fullmatch(data, lt + 1, at - 1):
                    start, prefix = lt, data[lt + 1 : at]
            if start >= 0 and start not in opaque:
                yield start, prefix
        at = data.find(needle, at + skip)


def _entry_end(data: bytes, at: int, prefix: bytes, opaque: OpaqueRanges) -> int:
    """The offset just after the end tag ``</prefix:Ntry>`` (``</Ntry >`` too) of the entry at
    ``at``, or just after ``<Ntry/>`` (an empty entry: reading it reports what is missing); -1
    when ``data`` does not hold it."""
    close = data.find(b">", at)
    if close < 0:
        return -1
    if data[close - 1 : close] == b"/":
        return close + 1
    closing = b"</" + prefix + b"Ntry"
    stop = opaque.find(data, closing, at)
    while stop >= 0:
        gt = stop + len(closing)
        while data[gt : gt + 1] in (b" ", b"\t", b"\r", b"\n"):
            gt += 1
        if data[gt : gt + 1] == b">":
            return gt + 1
        stop = opaque.find(data, closing, stop + 1)
    return -1


def xml_message(exc: ET.ParseError) -> str:
    """expat's message without its own ``line N, column M`` (the location is reported apart)."""
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


class EntryWrapper:
    """Wraps the bytes of a run of entries in an element that declares the document's namespaces."""

    def __init__(self, skeleton: bytes, encoding: bytes) -> None:
        declarations: dict[bytes, bytes] = {}
        for m in _XMLNS.finditer(skeleton):
            declarations.setdefault(m.group(1) or b"", m.group(2))
        attrs = b"".join(b" xmlns" + k + b"=" + v for k, v in declarations.items())
        self.head = b'<?xml version="1.0" encoding="' + encoding + b'"?><XlcapitalBatch' + attrs + b">"
        self.tail = b"</XlcapitalBatch>"

    def parse(self, body: bytes, first_line: int) -> ET.Element:
        """The entries of ``body`` (consecutive entries of one run, from the file as they stand
        there: white space and line ends between them too, so expat's line is the file's)."""
        try:
            # entries hold no prolog, hence no DTD and no entity declarations: expat refuses both
            return ET.fromstring(self.head + body + self.tail)
        except ET.ParseError as exc:
            # expat's line counts from the head, which holds no line end
            raise BankFileError(say.NOT_WELL_FORMED_ENTRY(problem=xml_message(exc)),
                                line=first_line + exc.position[0] - 1) from None
        except LookupError as exc:
            raise BankFileError(say.UNKNOWN_XML_ENCODING(reason=exc), line=1) from None
