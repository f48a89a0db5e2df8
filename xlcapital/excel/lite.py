"""The xlcapital Excel functions for xlwings Lite: Excel on Windows, the Mac and the web.

xlwings Lite is an Office add-in that runs Python (Pyodide) inside Excel. A workbook's Python is
its ``main.py`` and its packages are listed in ``requirements.txt``, both edited in the add-in's
task pane. :func:`main_py` writes a ``main.py`` that registers every function of
:data:`xlcapital.excel.functions.FUNCTIONS` with xlwings' decorators for Office.js custom
functions (``func`` and ``arg``: the same names, arguments, defaults, help and error values as the
classic add-in), each one line calling the shared definition. :func:`requirements_txt` names the
xlcapital release the functions come from (pinned, so main.py and the package match), or the URL
of a wheel. See docs/excel-functions.md for the set-up.

>>> text = main_py()
>>> "def DSO(receivables, revenue, days=365):" in text
True
>>> print(requirements_txt("https://example.org/xlcapital-0.1.0-py3-none-any.whl").splitlines()[-1])
https://example.org/xlcapital-0.1.0-py3-none-any.whl
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from xlcapital import __version__
from xlcapital.errors import InputError, OutputError
from xlcapital import messages as say
from xlcapital.excel.functions import FUNCTIONS, ExcelFunction
from xlcapital.fileio import atomic_output

MAIN, REQUIREMENTS = "main.py", "requirements.txt"

_HEADER = f'''"""xlcapital's Excel functions for xlwings Lite: =DSO(B2:C2, D2), =CCC(...), =CASHFLOW_INDIRECT(...), ...

Written by `xlcapital lite` (xlcapital {__version__}); do not edit: write it again with a newer
xlcapital. Each function hands its ranges to xlcapital, which holds the one definition the classic
Excel add-in uses too. A single cell is a value, two cells across an (opening, closing) pair, a
column one result per row. #DIV/0! and #N/A are Excel's error values; bad input shows as text
starting with #VALUE! that says what to do. Docs: docs/excel-functions.md of xlcapital.
"""

from xlwings import arg, func

from xlcapital.excel.functions import call_function as _xlcapital
'''


def _literal(text: str) -> str:
    """A Python string literal for ``text``, in double quotes where that needs no escapes."""
    if '"' in text or "\\" in text or not text.isprintable():
        return repr(text)
    return f'"{text}"'


def _docstring(text: str) -> str:
    """``text`` as a docstring literal (xlwings sends the docstring to Excel as the function's help)."""
    if '"' in text or "\\" in text or not text.isprintable():
        return repr(text)
    return f'"""{text}"""'


def _function_source(function: ExcelFunction) -> str:
    """The decorated definition of one function in main.py."""
    lines = ["", "", "", "@func"]
    lines += [f"@arg({_literal(p.name)}, ndim=2, doc={_literal(function.arg_docs[p.name])})" for p in function.params]
    names = ", ".join(p.name for p in function.params)
    lines += [
        f"def {function.name}{function.signature}:",
        f"    {_docstring(function.description)}",
        f"    return _xlcapital({_literal(function.name)}, {names})",
    ]
    return "\n".join(lines)


def main_py() -> str:
    """The text of ``main.py``: every xlcapital Excel function, registered for Office.js."""
    return _HEADER.rstrip("\n") + "".join(_function_source(f) for f in FUNCTIONS) + "\n"


def requirements_txt(wheel: str | None = None) -> str:
    """The text of ``requirements.txt``: xlcapital pinned to this release, or the wheel at ``wheel``.

    Lite installs with micropip: a name comes from PyPI (or the index the add-in is set up with),
    a URL must be an https address of a ``py3-none-any`` wheel that answers the browser (CORS).
    """
    lines = [
        f"# xlcapital for xlwings Lite (written by `xlcapital lite`, xlcapital {__version__}).",
        "# xlwings itself comes with the add-in; numpy and pandas are Pyodide's own builds.",
    ]
    if wheel is None:
        lines.append(f"xlcapital=={__version__}")
    else:
        wheel = wheel.strip()
        if not (wheel.startswith(("https://", "http://")) and wheel.endswith(".whl")):
            raise InputError(
                say.NOT_A_WHEEL(wheel=wheel), field="--wheel", hint=say.GIVE_A_WHEEL(),
            )
        lines.append(wheel)
    return "\n".join(lines) + "\n"


def write_lite(directory: str | Path, *, force: bool = False, wheel: str | None = None) -> list[Path]:
    """Write ``main.py`` and ``requirements.txt`` into ``directory`` (made if missing); return their paths.

    Both or neither: without ``force`` an existing file is an :class:`OutputError` before anything
    is written, and each file is replaced atomically.
    """
    directory = Path(directory)
    texts = {MAIN: main_py(), REQUIREMENTS: requirements_txt(wheel)}
    if directory.exists() and not directory.is_dir():
        raise OutputError(say.NOT_A_FOLDER(), file=str(directory), hint=say.GIVE_A_LITE_FOLDER())
    targets = [directory / name for name in texts]
    if not force:
        for target in targets:
            if target.exists():
                raise OutputError(say.FILE_EXISTS(), file=str(target), hint=say.USE_FORCE())
    try:
        directory.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise OutputError(say.FOLDER_MISSING(folder=directory.parent), file=str(directory),
                          hint=say.CREATE_IT_FIRST()) from None
    except OSError as exc:
        raise OutputError(say.CANNOT_CREATE_FOLDER(why=say.os_reason(exc)), file=str(directory)) from None
    with contextlib.ExitStack() as stack:
        for target in targets:
            tmp = stack.enter_context(atomic_output(target, force=True))
            tmp.write_text(texts[target.name], encoding="utf-8", newline="\n")
    return targets
