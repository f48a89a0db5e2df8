"""A bank file read a slice at a time, as often as needed: the bytes behind :func:`xlcapital.bank.stream`.

A streamed read passes over the file more than once (the encoding is decided on the whole file
before the first line is read, the reader reads it, the independent count counts it again), each
time in slices of 1 MB, so the file itself is never in memory: a 200 MB export costs what the
reader keeps, not 200 MB of bytes and 200 MB of text.

The rules are those of the whole-file helpers in :mod:`xlcapital.bank.textio`, over slices: the
encoding that decodes every byte (:func:`text_encoding` as :func:`~xlcapital.bank.textio.decode_text`,
with the same error naming the line), lines ended by CR LF, LF or CR (:meth:`ByteSource.lines` as
:func:`~xlcapital.bank.textio.iter_lines`).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import stat
import tempfile
import weakref
from pathlib import Path
from typing import AnyStr, BinaryIO, Callable, Iterable, Iterator

from xlcapital.bank.textio import ENCODINGS, known_encodings, undecodable
from xlcapital.bank import messages as say
from xlcapital.errors import BankFileError
from xlcapital.messages import CANNOT_READ, os_reason

__all__ = ["SLICE", "UTF16_BOMS", "ByteSource", "fed_windows", "open_regular", "text_encoding", "utf8_copy"]

#: bytes read at a time
SLICE = 1 << 20
_BOM = b"\xef\xbb\xbf"
#: the byte-order marks of UTF-16 (little-endian, big-endian) and the codec each stands for
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """A regular file opened for reading, else :class:`BankFileError`.

    Only a regular file is opened (a device such as /dev/zero never ends, a FIFO blocks until a
    writer comes): the check is made on the opened descriptor (``O_NONBLOCK``, so opening a FIFO
    does not wait).
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # POSIX only
        # Windows only: on Linux, where the tests run, its mutants change nothing (docs/development.md)
        flags |= getattr(os, "O_BINARY", 0)  # pragma: no mutate
        fd = os.open(path, flags)
    except OSError as exc:
        raise BankFileError(CANNOT_READ(why=os_reason(exc)), file=str(path)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BankFileError(say.NOT_REGULAR_FILE(), file=str(path), hint=say.SAVED_ON_DISK())
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class ByteSource:
    """A bank file that can be read from its start as often as needed, in slices, never more than
    ``limit`` bytes (a file that grows past it is refused)."""

    def __init__(self, name: str, opener: Callable[[], BinaryIO], limit: int) -> None:
        self.name, self._opener, self.limit = name, opener, limit

    @classmethod
    def of_path(cls, path: str | os.PathLike, limit: int) -> "ByteSource":
        return cls(str(path), lambda: open_regular(Path(path)), limit)

    def chunks(self) -> Iterator[bytes]:
        with self._opener() as f:
            total = 0
            while chunk := f.read(SLICE):
                total += len(chunk)
                if total > self.limit:
                    raise BankFileError(say.FILE_TOO_LARGE(mb=self.limit // 2**20), file=self.name)
                yield chunk

    def open(self) -> BinaryIO:
        """The file opened at its start (for reading back ranges already read through :meth:`chunks`)."""
        return self._opener()

    def head(self, n: int) -> bytes:
        with self._opener() as f:
            return f.read(n)

    def find(self, needle: bytes) -> int:
        """The offset of the first ``needle`` (of one byte), or -1."""
        at = 0
        for chunk in self.chunks():
            i = chunk.find(needle)
            if i >= 0:
                return at + i
            at += len(chunk)
        return -1

    def line_of(self, offset: int, skip: int = 0) -> int:
        """The 1-based line of byte ``offset`` (counted after the first ``skip`` bytes), line ends
        counted as :func:`~xlcapital.bank.textio.line_of` counts them (CR LF, LF, CR: one each)."""
        ends, at, cr_before = 0, 0, False
        for chunk in self.chunks():
            if skip:  # a mark longer than the slice: skip on
                chunk, skip = chunk[skip:], max(0, skip - len(chunk))
            part = chunk[: max(0, offset - at)]
            ends += part.count(b"\n") + part.count(b"\r") - part.count(b"\r\n")
            if cr_before and part[:1] == b"\n":  # a CR LF cut between two slices is one line end
                ends -= 1
            cr_before = part[-1:] == b"\r"
            at += len(chunk)
            if at >= offset:
                break
        return ends + 1

    def lines(self, encoding: str) -> Iterator[str]:
        """The file's lines (without their ends) in ``encoding``, a UTF-8 byte-order mark left out;
        call :func:`text_encoding` first: a byte that does not decode is an error here without a line."""
        with self._opener() as f:
            for line in self._text(f, encoding):
                yield line[:-1] if line.endswith("\n") else line

    def texts(self, encoding: str) -> Iterator[str]:
        """The file's text in slices, every line end (CR LF, LF, CR) written as LF, otherwise as
        :meth:`lines`."""
        with self._opener() as f:
            text = self._text(f, encoding)
            while chunk := text.read(SLICE):
                yield chunk

    def _text(self, f: BinaryIO, encoding: str) -> io.TextIOWrapper:
        if f.read(3) != _BOM:
            f.seek(0)
        # TextIOWrapper's defaults: strict decoding, and universal newlines (CR LF, LF, CR each end a line)
        return io.TextIOWrapper(io.BufferedReader(_Capped(f, self.limit, self.name), SLICE), encoding=encoding)

    def windows(self, cut: Callable[[bytes], int]) -> Iterator[bytes]:
        """The file in slices each ending where ``cut(slice)`` says (the offset the next one starts
        at, or -1 to read on), so that a count made per window adds up to the count of the whole."""
        rest = b""
        for chunk in self.chunks():
            data = rest + chunk
            at = cut(data)
            if at <= 0:
                rest = data
                continue
            yield data[:at]
            rest = data[at:]
        if rest:
            yield rest


def fed_windows(chunks: Iterable[AnyStr], feed: Callable[[AnyStr, bool], int]) -> Iterator[None]:
    """Hand a file's slices (bytes or text) to ``feed(data, final)``, which returns how much of
    ``data`` it has done (0: none yet); what it leaves comes back at the start of the next call.
    The last call has ``final`` true and all that is left. Yields after each call (for what
    ``feed`` has made to be handed on). Where nothing could be done the next call waits for twice
    as much, so that a record longer than a slice costs a few calls, not one per slice."""
    parts: list = []
    size = want = 0
    empty: AnyStr = b""  # type: ignore[assignment]
    for chunk in chunks:
        empty = chunk[:0]
        parts.append(chunk)
        size += len(chunk)
        if size < want:
            continue
        data = parts[0] if len(parts) == 1 else empty.join(parts)
        done = feed(data, False)
        want = 0 if done > 0 else 2 * size
        parts = [data[done:]] if done < size else []
        size -= done
        yield
    feed(empty.join(parts), True)
    yield


class _Capped(io.RawIOBase):
    """A binary file that refuses to be read past ``limit`` bytes (the file grew since it was checked)."""

    def __init__(self, f: BinaryIO, limit: int, name: str) -> None:
        self.f, self.left, self.name = f, limit, name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.f.read(len(buffer))
        self.left -= len(data)
        if self.left < 0:
            raise BankFileError(say.FILE_GREW(), file=self.name)
        buffer[: len(data)] = data
        return len(data)


def text_encoding(source: ByteSource, encodings: Iterable[str] = ENCODINGS, *, hint: str | None = None) -> str:
    """The first of ``encodings`` that decodes every byte of the file (a UTF-8 byte-order mark
    left out): :func:`~xlcapital.bank.textio.decode_text`'s rule and error, on a file read in slices."""
    skip = 3 if source.head(3) == _BOM else 0
    names = known_encodings(encodings) or list(ENCODINGS)  # no encoding given is known: the defaults decide
    failures = []  # (offset after the byte-order mark, byte) per encoding
    for encoding in names:
        failed = _first_undecodable(source, encoding, skip)
        if failed is None:
            return encoding
        failures.append(failed)
    offset, byte = max(failures)  # read furthest (the same offset is the same byte)
    raise undecodable(byte, names, source.line_of(offset, skip), hint)


def _first_undecodable(source: ByteSource, encoding: str, skip: int) -> tuple[int, int] | None:
    """(offset, byte) of the first byte ``encoding`` cannot decode, or None."""
    decoder = codecs.getincrementaldecoder(encoding)()  # strict
    at = 0  # the offset (after the first ``skip`` bytes) of the slice's first byte
    for chunk in source.chunks():
        if skip:  # a mark longer than the slice: skip on
            chunk, skip = chunk[skip:], max(0, skip - len(chunk))
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return at - pending + exc.start, exc.object[exc.start]
        at += len(chunk)
    pending = len(decoder.getstate()[0])
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return at - pending + exc.start, exc.object[exc.start]
    return None


# --- UTF-16 files: re-encoded as UTF-8 in slices, into a private temporary file ------------------


@contextlib.contextmanager
def utf8_copy(source: ByteSource, xml_declaration: bool = False) -> Iterator[ByteSource]:
    """A UTF-16 file (it starts with a byte-order mark) as a :class:`ByteSource` of the same text
    in UTF-8 without the mark, so that every streaming reader reads it as it reads a UTF-8 file:
    what :func:`xlcapital.bank.read_bytes` does in memory (``data.decode("utf-16").encode("utf-8")``),
    done a slice at a time into a temporary file of the system's temp folder (readable by its owner
    only), which is removed when the block ends, however it ends. On Linux its name is taken away
    at once (:func:`_nameless`), so even a killed process leaves nothing behind.

    The copy keeps the source's name, so every error names the user's file; its line numbers are
    the source's (each line end is copied as it is). The source is read against its own cap; the
    copy is at most 1.5 times as large (a character of 2 bytes in UTF-16 takes at most 3 in UTF-8,
    one of 4 takes 4). ``xml_declaration``: the XML declaration's encoding is rewritten as
    "UTF-8" (what :mod:`xlcapital.bank.camt` does with a UTF-16 document read whole), and one
    that names another encoding than UTF-16 (or this UTF-16) is refused as expat refuses it. A sequence
    that is not UTF-16 is :data:`~xlcapital.bank.messages.NOT_UTF16` at its byte and line, raised
    before the copy is handed out; a temp folder that cannot take the copy is
    :data:`~xlcapital.messages.CANNOT_READ` with the system's reason, naming the user's file.
    """
    try:
        fd, path = tempfile.mkstemp(prefix="xlcapital-", suffix=".utf8.tmp")
    except OSError as exc:  # no temp folder, or not writable: named by the system's reason
        raise BankFileError(CANNOT_READ(why=os_reason(exc)), file=source.name) from None
    kept = _nameless(fd, path)
    # the copy's readers, closed at the block's end: a reader stopped by an error is a suspended
    # generator that closes its file only when collected (the error's traceback keeps it), and
    # Windows cannot remove a file still open
    opened: weakref.WeakSet = weakref.WeakSet()
    try:
        try:
            with os.fdopen(fd, "wb") as out:
                written, damage = _reencode(source, out, xml_declaration)
        except OSError as exc:  # the temp folder full: the user's file named, not the copy
            raise BankFileError(CANNOT_READ(why=os_reason(exc)), file=source.name) from None
        where = path if kept is None else f"{_PROC_FDS}/{kept}"

        def reopen() -> BinaryIO:
            f = open(where, "rb")
            opened.add(f)
            return f

        copy = ByteSource(source.name, reopen, written)
        if damage is not None:
            reason, offset = damage
            raise BankFileError(say.NOT_UTF16(reason=reason, byte=offset), file=source.name, line=copy.line_of(written))
        yield copy
    finally:
        for f in list(opened):
            f.close()
        if kept is None:
            os.remove(path)
        else:
            os.close(kept)


#: where Linux shows a process's open files: a file with no name left is opened again through it
_PROC_FDS = "/proc/self/fd"


def _nameless(fd: int, path: str) -> int | None:
    """Take the new temporary file's name away where the system lets it be opened again without one
    (Linux: ``/proc/self/fd/N`` of a descriptor kept open), so that nothing is left in the temp
    folder however the process ends, a kill -9 too; its space is freed when the last descriptor
    closes. Returns the descriptor kept, or None where the file keeps its name."""
    if not os.path.isdir(_PROC_FDS):  # macOS, Windows: the name stays and the block's end removes it
        return None
    kept = os.dup(fd)
    try:
        os.remove(path)
    except OSError:  # the name cannot go now: it goes at the block's end, as elsewhere
        os.close(kept)
        return None
    return kept


def _reencode(source: ByteSource, out: BinaryIO, xml_declaration: bool) -> tuple[int, tuple[str, int] | None]:
    """Write ``source``'s UTF-16 text to ``out`` as UTF-8; returns the bytes written and, for a
    sequence that is not UTF-16, (reason, its offset in the file) with the text before it written."""
    codec = UTF16_BOMS[source.head(2)]
    decoder = codecs.getincrementaldecoder(codec)()  # strict
    skip = 2  # the byte-order mark
    at = 0  # the offset (after the mark) of the slice's first byte
    held: str | None = "" if xml_declaration else None  # the first text, until its declaration is whole
    written = 0

    def write(text: str, final: bool) -> None:
        nonlocal held, written
        if held is not None:
            held += text
            if ">" not in held and len(held) < 8192 and not final:
                return
            declared = XML_DECLARED_ENCODING.match(held)
            if declared and declared[2].lower() not in ("utf-16", codec.replace("-le", "le").replace("-be", "be")):
                # expat's rule, which bank.read's count applies to the document as it is
                raise BankFileError(say.NOT_WELL_FORMED(problem="encoding specified in XML declaration is incorrect"),
                                    file=source.name, line=1)
            text, held = XML_DECLARED_ENCODING.sub(r"\1UTF-8", held, count=1), None
        data = text.encode("utf-8")
        out.write(data)
        written += len(data)

    for chunk in source.chunks():
        if skip:  # a mark longer than the slice: skip on
            chunk, skip = chunk[skip:], max(0, skip - len(chunk))
        pending = len(decoder.getstate()[0])
        try:
            write(decoder.decode(chunk), False)
        except UnicodeDecodeError as exc:
            write(exc.object[: exc.start].decode(codec, "ignore"), True)  # whole code units: for the line
            return written, (exc.reason, 2 + at - pending + exc.start)
        at += len(chunk)
    pending = len(decoder.getstate()[0])
    try:
        write(decoder.decode(b"", final=True), True)
    except UnicodeDecodeError as exc:
        write("", True)
        return written, (exc.reason, 2 + at - pending + exc.start)
    return written, None


#: the encoding an XML declaration names (group 2), after what comes before it (group 1)
XML_DECLARED_ENCODING = re.compile(r"""\A(<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)""")
