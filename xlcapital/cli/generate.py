"""``xlcapital generate [FOLDER] -o NAME.xlsm``: the 13-week cash-flow forecast workbook of a company.

Without FOLDER it uses the bundled sample company. ``--month YYYY-MM`` starts the forecast at the
first Monday of that month; ``--previous LAST.xlsm`` carries last month's workbook over (its
tables and settings, and its bank transactions as actuals, with a Variance sheet). The workbook
is written to a temporary file and renamed; an existing file is only replaced with ``--force``.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, timedelta
from pathlib import Path

from xlcapital.errors import InputError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "generate",
        help="write the 13-week cash-flow forecast workbook (.xlsm) of a company folder",
        description="Write a workbook with the 13-week cash-flow forecast of a company folder (the files of "
        "docs/forecast-model.md) in native Excel formulas: Settings, Bank, the input tables, Forecast, Scenarios, "
        "Dashboard. Without FOLDER the bundled sample company is used.",
    )
    p.add_argument("folder", metavar="FOLDER", nargs="?", help="the company folder (default: the bundled sample)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the workbook to write (.xlsm, or .xlsx "
                   "without macros)")
    p.add_argument("--month", metavar="YYYY-MM", type=first_monday, help="start at the first Monday of this month")
    p.add_argument("--previous", metavar="LAST.xlsm", help="last month's workbook: its tables, settings and bank "
                   "transactions carry over, with a Variance sheet")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the Start sheet (default en)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists; with --previous, also carry "
                   "over the workbook of another company")
    p.set_defaults(func=run_generate)


def first_monday(text: str) -> date:
    """The first Monday of month ``YYYY-MM``.

    >>> first_monday("2026-12"), first_monday("2026-06")
    (datetime.date(2026, 12, 7), datetime.date(2026, 6, 1))
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"not a month: {text!r} (write YYYY-MM, e.g. 2026-12)")
    first = date(int(m.group(1)), int(m.group(2)), 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def run_generate(args: argparse.Namespace) -> int:
    from xlcapital.fileio import atomic_output
    from xlcapital.workbook.api import generate_folder

    out = Path(args.output)
    if out.suffix.lower() not in (".xlsm", ".xlsx"):
        raise InputError(f"{out.name}: the workbook must end in .xlsm (or .xlsx without macros)", field="--output")
    with atomic_output(out, force=args.force) as tmp:
        result = generate_folder(args.folder, tmp, macros=out.suffix.lower() == ".xlsm", lang=args.lang,
                                 start=args.month, previous=args.previous, force=args.force)
    print(f"wrote {out}: {result.summary}")
    print("\n".join(result.roll)) if result.roll else None
    print(f"open it in Excel (or LibreOffice Calc){' and enable macros' if out.suffix.lower() == '.xlsm' else ''}; "
          "the Start sheet explains the weekly routine")
    return 0


#: where ``xlcapital demo`` writes the demo workbook (relative to the current folder)
DEMO_WORKBOOK = Path("workbooks") / "demo.xlsm"


def demo_step(args: argparse.Namespace, sample: Path) -> None:
    """The demo's workbook step: generate the sample company's workbook into workbooks/demo.xlsm.

    The demo regenerates its own file each time (same inputs, same workbook).
    """
    from xlcapital.fileio import atomic_output
    from xlcapital.workbook.api import generate_folder

    DEMO_WORKBOOK.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(DEMO_WORKBOOK, force=True) as tmp:
        result = generate_folder(None, tmp, macros=True, lang="en")  # None: the bundled sample
    print(f"wrote {DEMO_WORKBOOK}: {result.summary}")
    print(f"open it in Excel (enable macros) or LibreOffice Calc: {DEMO_WORKBOOK.resolve()}")
    print("its Forecast and Dashboard show the numbers above; change a yellow cell on Settings and they follow")
