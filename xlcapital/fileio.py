"""Files the user gives and files xlcapital writes.

Reading: :func:`read_text` and :func:`read_toml` turn every way a user's file can be unreadable
(missing, not UTF-8, not valid TOML) into one :class:`InputError` naming the file.
Writing: all or nothing, and never over a file the user did not give up.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_output(d / "out.txt") as tmp:
...     _ = tmp.write_text("hello")
>>> (d / "out.txt").read_text()
'hello'
>>> sorted(p.name for p in d.iterdir())
['out.txt']
>>> oct((d / "out.txt").stat().st_mode & 0o777) == oct(0o666 & ~_umask())
True
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path
from decimal import Decimal
from typing import Iterator

from xlcapital.errors import InputError, OutputError, XlcapitalError
from xlcapital import messages as say

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The largest text input xlcapital reads (a company file, forecast.toml, a CSV of invoices): far
#: beyond any small business's, small enough that memory stays bounded on any file.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_bytes(path: str | os.PathLike, *, hint: str | None = None, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file the user gave, at most ``limit`` of them.

    A device (``/dev/zero``), a FIFO (which would wait forever) or a folder is refused before it is
    read; a larger file is refused after ``limit + 1`` bytes, whatever its size claims.
    """
    p = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then tells what was opened
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(say.FILE_NOT_FOUND(), file=str(p), hint=hint) from None
    except IsADirectoryError:
        raise InputError(say.IS_A_FOLDER_NOT_A_FILE(), file=str(p), hint=hint) from None
    except OSError as exc:
        raise InputError(say.CANNOT_READ(why=say.os_reason(exc)), file=str(p)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = say.IS_A_FOLDER_NOT_A_FILE() if stat.S_ISDIR(mode) else say.NOT_A_REGULAR_FILE()
        raise InputError(what, file=str(p), hint=hint)
    with os.fdopen(fd, "rb") as fh:
        try:
            raw = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(say.CANNOT_READ(why=say.os_reason(exc)), file=str(p)) from None
    if len(raw) > limit:
        raise InputError(say.TOO_LARGE_FILE(megabytes=limit // 1024 // 1024), file=str(p), hint=say.READS_UP_TO())
    return raw


def read_text(path: str | os.PathLike, *, hint: str | None = None) -> str:
    """The UTF-8 text (a byte-order mark dropped) of a file the user gave (:func:`read_bytes`).

    ``hint`` tells a user whose file is missing what to give instead.
    """
    p = Path(path)
    raw = read_bytes(p, hint=hint)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(say.NOT_UTF8(byte=exc.start), file=str(p), hint=say.SAVE_AS_UTF8()) from None


def loads_toml(text: str, *, file: str | None = None) -> dict:
    """TOML text as a dict, its numbers with a fraction as exact Decimals (never floats).

    >>> loads_toml("cash = 12.10")
    {'cash': Decimal('12.10')}
    """
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(say.NOT_TOML(why=exc), file=file) from None
    except ValueError:  # int() refuses a number of more than 4,300 digits
        line = next((n for n, row in enumerate(text.splitlines(), 1) if re.search(r"\d{4000}", row)), None)
        raise InputError(say.THOUSANDS_OF_DIGITS(), file=file, line=line, hint=say.WRITE_ORDINARY_AMOUNTS()) from None
    except RecursionError:
        raise InputError(say.TOML_TOO_DEEP(), file=file) from None


def read_toml(path: str | os.PathLike, *, hint: str | None = None) -> dict:
    """A user's TOML file (:func:`read_text`, then :func:`loads_toml`)."""
    return loads_toml(read_text(path, hint=hint), file=str(path))


#: The first characters that make a spreadsheet treat text as a formula (CSV/formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula if it were not forced to text.

    >>> looks_like_formula("=HYPERLINK(1)"), looks_like_formula("-5 korting"), looks_like_formula("Huur")
    (True, True, False)
    """
    return bool(text) and text.startswith(FORMULA_TRIGGERS)


def csv_text(text: str) -> str:
    """Text made safe for a CSV that a spreadsheet will open: a formula-like value gets a leading '.

    >>> csv_text("=1+1"), csv_text("Albert Heijn")
    ("'=1+1", 'Albert Heijn')
    """
    return "'" + text if looks_like_formula(text) else text


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, *, force: bool = False) -> Iterator[Path]:
    """Yield a path to write the output to; on success it becomes ``path``, else nothing is left.

    The rules every command that writes a file follows (``bank --csv``, ``generate``, ``demo``, ``addin``):

    - without ``force`` an existing ``path`` is an :class:`OutputError`, checked before any work and
      again at the end: the finished file is *linked* into place (``link`` fails on an existing
      name), so a file that appeared at ``path`` meanwhile is never replaced;
    - with ``force`` a regular file is replaced atomically (``os.replace``): a reader sees the old
      file or the whole new one. A folder, a device (``/dev/full``), a FIFO or a symbolic link is
      never replaced;
    - on Linux the output is written to an unnamed file (``O_TMPFILE``), so a kill -9 leaves
      nothing behind; elsewhere to a hidden temporary name that is removed on failure and on
      SIGTERM / SIGHUP;
    - every failure (folder missing or read-only, disk full, ...) is one :class:`OutputError`
      naming ``path``, never the temporary file.
    """
    target = Path(path)
    check_output(target, force)
    with _SignalCleanup() as cleanup:
        tmp, fd = _new_unnamed(target)
        if tmp is None:
            tmp = _new_named(target)
            cleanup.remove(tmp)
        try:
            try:
                yield tmp
            except XlcapitalError as exc:
                cause = _os_error_in(exc)
                if exc.file == str(tmp) and cause is not None:  # a writer's wrapped OSError
                    raise _write_error(cause, target, None) from None
                if exc.file == str(tmp):  # a writer that names the file it was given: the user's path
                    exc.file = str(target)
                    exc.message = exc.message.replace(str(tmp), str(target))
                raise
            except OSError as exc:
                raise _write_error(exc, target, tmp) from None
            _put_in_place(tmp, fd, target, force)
        except BaseException:
            if fd is None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            raise
        finally:
            if fd is not None:
                os.close(fd)


def write_bytes(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` by the rules of :func:`atomic_output`; return the path."""
    with atomic_output(path, force=force) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def check_output(target: str | os.PathLike, force: bool) -> None:
    """Refuse before any work: a missing folder, a folder or special file as output, an existing
    file without ``force`` (a command that reads long before it writes calls this first)."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(say.FOLDER_MISSING(folder=directory), file=str(target), hint=say.CREATE_IT_FIRST())
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(say.CANNOT_USE_PATH(why=say.os_reason(exc)), file=str(target)) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(say.OUTPUT_IS_A_FOLDER(), file=str(target), hint=say.NAME_A_FILE_INSIDE())
    if stat.S_ISLNK(st.st_mode):
        raise OutputError(say.IS_A_LINK(), file=str(target), hint=say.GIVE_THE_FILE_ITSELF())
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(say.NOT_REPLACEABLE(), file=str(target), hint=say.GIVE_ANOTHER_NAME())
    if not force:
        raise OutputError(say.FILE_EXISTS(), file=str(target), hint=say.USE_FORCE())


def _new_unnamed(target: Path) -> tuple[Path | None, int | None]:
    """An unnamed file (Linux ``O_TMPFILE``) in the target's folder, as a path writers can open,
    and its descriptor; (None, None) where the system or file system has none."""
    flag = getattr(os, "O_TMPFILE", None)
    proc = Path("/proc/self/fd")
    if flag is None or not proc.is_dir():
        return None, None
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd = os.open(directory, flag | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o666)  # the umask applies
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None, None  # a file system without O_TMPFILE (or an old kernel): the named way
        raise _write_error(exc, target, None) from None
    return proc / str(fd), fd


def _new_named(target: Path) -> Path:
    """A hidden temporary name beside the target (where there is no unnamed file)."""
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _write_error(exc, target, None) from None
    os.close(fd)
    tmp = Path(name)
    # mkstemp makes the file private (0600); give it the mode any new file of the user gets
    os.chmod(tmp, 0o666 & ~_umask())
    return tmp


def _put_in_place(tmp: Path, fd: int | None, target: Path, force: bool) -> None:
    """Link (without ``force``) or atomically rename (with ``force``) the finished file to ``target``."""
    try:
        if fd is not None:
            os.fsync(fd)
        if not force:
            # link never replaces: a file that appeared at the target meanwhile stays as it is
            _link(tmp, target)
            if fd is None:
                with contextlib.suppress(FileNotFoundError):  # renamed on Windows
                    tmp.unlink()
            return
        check_output(target, force=True)
        if fd is None:
            os.replace(tmp, target)
            return
        # an unnamed file cannot be renamed: give it a hidden name for the instant of the replace
        named = target.with_name(f".{target.name}.{os.getpid()}.{fd}.tmp")
        _link(tmp, named)
        try:
            os.replace(named, target)
        except BaseException:
            with contextlib.suppress(OSError):
                named.unlink()
            raise
    except FileExistsError:
        raise OutputError(say.FILE_APPEARED(), file=str(target), hint=say.FORCE_OR_ANOTHER_NAME()) from None
    except OSError as exc:
        raise _write_error(exc, target, None) from None


def _link(source: Path, target: Path) -> None:
    """Hard-link ``source`` (a file, or an unnamed file's ``/proc/self/fd/N``) as ``target``.

    Python calls plain ``link()`` (which would link the /proc entry itself) unless a directory
    descriptor is given; with one it calls ``linkat(..., AT_SYMLINK_FOLLOW)``, which links the
    file the descriptor points to, as open(2) describes for ``O_TMPFILE``.
    """
    if os.name == "nt":  # Windows: rename never replaces an existing file
        os.rename(source, target)
        return
    if os.link not in os.supports_dir_fd:  # pragma: no cover - every POSIX system Python runs on has linkat
        os.link(source, target)
        return
    directory = target.parent if str(target.parent) else Path(".")
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.link(os.path.abspath(source), target.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=True)
    finally:
        os.close(dir_fd)


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OSError a writer wrapped (XlsxWriter: FileCreateError(OSError) as the cause of ours)."""
    seen = exc.__cause__
    for _ in range(3):
        if seen is None or (isinstance(seen, OSError) and not isinstance(seen, XlcapitalError)):
            return seen
        inner = [a for a in getattr(seen, "args", ()) if isinstance(a, OSError)]
        seen = inner[0] if inner else seen.__cause__
    return None


#: errors of the output that always mean "the output could not be written", whichever file they name
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def _write_error(exc: OSError, target: Path, tmp: Path | None) -> OSError:
    """``exc`` as one :class:`OutputError` naming the user's path when it is about the output
    (``tmp`` None: creating or placing it, so always); else ``exc`` itself (an input that could
    not be read, while the output was being written, is not an output problem)."""
    if isinstance(exc, OutputError):
        return exc
    about_output = tmp is None or exc.filename is None or str(exc.filename) == str(tmp)
    if not about_output and exc.errno not in _WRITE_ERRNOS:
        return exc
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what, hint = say.DISK_FULL(), say.MAKE_ROOM()
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what, hint = say.NO_WRITE_PERMISSION(), say.WRITE_ELSEWHERE()
    elif isinstance(exc, IsADirectoryError):
        what, hint = say.OUTPUT_IS_A_FOLDER(), say.NAME_A_FILE_INSIDE()
    else:
        what, hint = say.os_reason(exc), None
    return OutputError(say.CANNOT_WRITE(what=what), file=str(target), hint=hint)


class _SignalCleanup:
    """Remove the named temporary files on SIGTERM and SIGHUP (a kill -9 cannot be caught; on
    Linux the unnamed file leaves nothing to clean). Only in the main thread; the previous
    handlers come back on exit."""

    SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self) -> None:
        self._paths: list[Path] = []
        self._previous: dict = {}

    def remove(self, path: Path) -> None:
        self._paths.append(path)

    def _handle(self, signum, frame):  # pragma: no cover - exercised in a subprocess
        for p in self._paths:
            with contextlib.suppress(OSError):
                p.unlink()
        raise SystemExit(128 + signum)

    def __enter__(self) -> "_SignalCleanup":
        if threading.current_thread() is threading.main_thread():
            for s in self.SIGNALS:
                self._previous[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for s, handler in self._previous.items():
            signal.signal(s, handler)


def _umask() -> int:
    """The process umask (read by setting it, then restoring it: there is no plain getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
