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
import os
import sys
import tempfile
from pathlib import Path
from decimal import Decimal
from typing import Iterator

from xlcapital.errors import InputError, OutputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

def read_text(path: str | os.PathLike, *, hint: str | None = None) -> str:
    """The UTF-8 text (a byte-order mark dropped) of a file the user gave.

    ``hint`` tells a user whose file is missing what to give instead.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(p), hint=hint) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=str(p), hint="save the file as UTF-8") from None


def loads_toml(text: str, *, file: str | None = None) -> dict:
    """TOML text as a dict, its numbers with a fraction as exact Decimals (never floats).

    >>> loads_toml("cash = 12.10")
    {'cash': Decimal('12.10')}
    """
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", file=file) from None


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
def atomic_output(path: str | os.PathLike, *, force: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it onto ``path``, else delete it.

    With ``force=False`` an existing ``path`` is an :class:`OutputError` (checked before any work).
    The rename is atomic on one file system, so a reader sees the old file or the whole new one.
    """
    target = Path(path)
    if not force and target.exists():
        raise OutputError("the file exists already", file=str(target), hint="use --force to replace it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"the folder {directory} does not exist", file=str(target), hint="create it first")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the mode any new file of the user gets
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _umask() -> int:
    """The process umask (read by setting it, then restoring it: there is no plain getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
