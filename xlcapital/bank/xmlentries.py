"""Cutting the entries out of an XML bank document (CAMT's ``<Ntry>``), and parsing them in batches.

The document's structure (everything but the entries) is small and is parsed by defusedxml; the
entries, which are nearly all of a large file, are cut out as byte ranges and parsed in batches by
the standard library's C parser inside a wrapper that declares the document's namespaces (a
fragment can hold neither a DTD nor an entity definition: expat refuses both). An entry may use any
namespace prefix; a ``<Ntry`` inside a comment, CDATA section or processing instruction is text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from xlcapital.bank.textio import OpaqueRanges, line_of
from xlcapital.errors import BankFileError

__all__ = ["PLACEHOLDER", "cut_entries", "EntryWrapper", "xml_message"]

#: an XML name used as a namespace prefix
_PREFIX = re.compile(rb"[A-Za-z_][\w.\-]*")
_XMLNS = re.compile(rb"""\sxmlns(:[A-Za-z_][\w.\-]*)?\s*=\s*("[^"]*"|'[^']*')""")
PLACEHOLDER = "XlcapitalEntries"
_TAG_END = (b">", b" ", b"\t", b"\r", b"\n", b"/")


def cut_entries(data: bytes) -> tuple[bytes, list[list[tuple[int, int]]]]:
    """The document with every run of consecutive ``<Ntry>`` elements replaced by a placeholder
    element, and the byte ranges of the entries of each run.

    An entry may use any namespace prefix (a document may give one namespace two); a ``<Ntry``
    inside a comment, a CDATA section or a processing instruction is not an entry.
    """
    opaque = OpaqueRanges(data)
    pieces: list[bytes] = []
    runs: list[list[tuple[int, int]]] = []
    copied = 0
    last_end = -1
    for at, prefix in _entry_starts(data, opaque):
        if at < copied:  # an <Ntry> inside the entry just cut: the count tells
            continue
        close = data.find(b">", at)
        if close >= 0 and data[close - 1 : close] == b"/":
            end = close + 1  # <Ntry/>: an empty entry; reading it reports what is missing
        else:
            end = _entry_end(data, at, prefix, opaque)
        if runs and data[last_end:at].strip() == b"":
            runs[-1].append((at, end))
        else:
            pieces.append(data[copied:at])
            pieces.append(b"<" + prefix + PLACEHOLDER.encode() + b' run="' + str(len(runs)).encode() + b'"/>')
            runs.append([(at, end)])
        copied = last_end = end
    if not runs:
        return data, []
    pieces.append(data[copied:])
    return b"".join(pieces), runs


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
                lt = data.rfind(b"<", max(0, at - 256), at)
                if lt >= 0 and _PREFIX.fullmatch(data, lt + 1, at - 1):
                    start, prefix = lt, data[lt + 1 : at]
            if start >= 0 and start not in opaque:
                yield start, prefix
        at = data.find(needle, at + skip)


def _entry_end(data: bytes, at: int, prefix: bytes, opaque: OpaqueRanges) -> int:
    """The offset just after the end tag ``</prefix:Ntry>`` (``</Ntry >`` too) of the entry at ``at``."""
    closing = b"</" + prefix + b"Ntry"
    stop = opaque.find(data, closing, at)
    while stop >= 0:
        gt = stop + len(closing)
        while data[gt : gt + 1] in (b" ", b"\t", b"\r", b"\n"):
            gt += 1
        if data[gt : gt + 1] == b">":
            return gt + 1
        stop = opaque.find(data, closing, stop + 1)
    raise BankFileError("an <Ntry> entry is not closed (is the file cut off?)", line=line_of(data, at))


def xml_message(exc: ET.ParseError) -> str:
    """expat's message without its own ``line N, column M`` (the location is reported apart)."""
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


class EntryWrapper:
    """Wraps entry byte ranges in an element that declares the document's namespaces."""

    def __init__(self, skeleton: bytes, encoding: bytes) -> None:
        declarations: dict[bytes, bytes] = {}
        for m in _XMLNS.finditer(skeleton):
            declarations.setdefault(m.group(1) or b"", m.group(2))
        attrs = b"".join(b" xmlns" + k + b"=" + v for k, v in declarations.items())
        self.head = b'<?xml version="1.0" encoding="' + encoding + b'"?><XlcapitalBatch' + attrs + b">"
        self.tail = b"</XlcapitalBatch>"

    def parse(self, data: bytes, ranges: list[tuple[int, int]], first_line: int) -> ET.Element:
        body = b"".join(data[s:e] for s, e in ranges)
        try:
            # entries hold no prolog, hence no DTD and no entity declarations: expat refuses both
            return ET.fromstring(self.head + body + self.tail)
        except ET.ParseError as exc:
            line = first_line + exc.position[0] - 1 if getattr(exc, "position", None) else first_line
            raise BankFileError(f"not well-formed XML in an entry: {xml_message(exc)}", line=line) from None
        except LookupError as exc:
            raise BankFileError(f"the XML declares an unknown encoding: {exc}", line=1) from None
