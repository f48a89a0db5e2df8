"""Writing output files safely: all or nothing, and never over a file the user did not give up.

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
import tempfile
from pathlib import Path
from typing import Iterator

from xlcapital.errors import OutputError

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
