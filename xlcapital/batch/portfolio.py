"""The portfolio of a batch: ``portfolio.xlsx``, ``portfolio.csv``, ``portfolio.json`` and ``failures.csv``.

One row per client that ran (the columns of :mod:`xlcapital.batch.columns`), the failed clients
apart. The workbook has a summary at the top (clients, clients in alert, total extra financing,
failed clients), the rows as an Excel table with filters, conditional formatting on the alerts,
a link to each client's workbook, the failed clients on a sheet of their own and the columns
explained on another. Its two formulas (COUNTIF and SUM over the table's columns) are Excel 2010
functions; their cached values are the engine's, so a viewer that does not recalculate shows them.
Text from the clients' files is written as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlcapital import __version__
from xlcapital.batch.columns import COLUMNS, FAILURE_COLUMNS, KINDS, column, display, to_json_value
from xlcapital.batch.job import ClientResult
from xlcapital.fileio import atomic_output, csv_text

ZERO = Decimal(0)
#: The first row of the table (0-based) on the Portfolio sheet: below the summary.
TABLE_ROW = 7
#: The summary at the top: key -> its row (0-based); labels in column A, values in column B.
SUMMARY = {"clients": 2, "in_alert": 3, "extra_financing_total": 4, "failed": 5}
SUMMARY_LABELS = {
    "clients": "Clients in the portfolio",
    "in_alert": "Clients in alert",
    "extra_financing_total": "Total extra financing needed",
    "failed": "Failed clients (sheet Failed)",
}


def summary(results: list[ClientResult]) -> dict[str, Any]:
    """The portfolio's summary, computed by the engine (the workbook's formulas must give the same)."""
    rows = [r.row for r in results if r.ok]
    return {
        "clients": len(rows),
        "in_alert": sum(row["status"] == "alert" for row in rows),
        "extra_financing_total": sum((row["extra_financing"] or ZERO for row in rows), ZERO),
        "failed": sum(not r.ok for r in results),
    }


def write_portfolio(out_dir: Path, results: list[ClientResult]) -> list[Path]:
    """Write the four files (each atomically; the batch owns OUT_DIR, see run.prepare_out_dir, so its own files are replaced) and return their paths."""
    paths = [out_dir / n for n in ("portfolio.xlsx", "portfolio.csv", "portfolio.json", "failures.csv")]
    rows = [r.row for r in results if r.ok]
    failed = [r.error for r in results if not r.ok]
    with atomic_output(paths[0], force=True) as tmp:
        write_xlsx(tmp, rows, failed, summary(results))
    with atomic_output(paths[1], force=True) as tmp:
        tmp.write_text(_csv([c.key for c in COLUMNS], [[_cell(c, row[c.key]) for c in COLUMNS] for row in rows]),
                       encoding="utf-8")
    with atomic_output(paths[2], force=True) as tmp:
        tmp.write_text(json.dumps(to_json(results), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with atomic_output(paths[3], force=True) as tmp:
        tmp.write_text(_csv(list(FAILURE_COLUMNS), [["" if f[k] is None else csv_text(str(f[k])) for k in FAILURE_COLUMNS]
                                                    for f in failed]), encoding="utf-8")
    return paths


def _cell(col, value: Any) -> str:
    """A CSV cell: text made inert when a spreadsheet would take it for a formula; numbers as they are."""
    text = display(col, value)
    return csv_text(text) if col.kind in ("text", "status", "link") else text


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text (UTF-8, comma, quoted as needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_json(results: list[ClientResult]) -> dict[str, Any]:
    """portfolio.json: the summary, the rows (amounts as strings rounded to cents, as `xlcapital forecast
    --json`), the failed clients."""
    s = summary(results)

    def value(key: str, v: Any) -> Any:
        col = column(key)
        return display(col, v) if col.kind == "amount" and v is not None else to_json_value(col, v)

    return {
        "xlcapital": __version__,
        "summary": {k: display(column("extra_financing"), v) if k == "extra_financing_total" else v
                    for k, v in s.items()},
        "clients": [{c.key: value(c.key, r.row[c.key]) for c in COLUMNS} for r in results if r.ok],
        "failed": [r.error for r in results if not r.ok],
    }


# --------------------------------------------------------------------------------------------
# The workbook
# --------------------------------------------------------------------------------------------


def _col(index: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(index)


def table_range(key: str, count: int) -> str:
    """The absolute A1 range of a column's data rows on the Portfolio sheet (at least one row)."""
    index = [c.key for c in COLUMNS].index(key)
    first, last = TABLE_ROW + 2, TABLE_ROW + 1 + max(count, 1)
    return f"${_col(index)}${first}:${_col(index)}${last}"


def write_xlsx(path: Path, rows: list[dict], failed: list[dict], totals: dict[str, Any]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    wb.set_properties({"title": "xlcapital portfolio", "comments": f"Generated by xlcapital {__version__}"})
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 14})
    formats = {kind: wb.add_format({"num_format": f}) if f else None for kind, f in KINDS.items()}
    alert = wb.add_format({"bg_color": "#F4C7C3", "font_color": "#9C0006"})
    warning = wb.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"})

    ws = wb.add_worksheet("Portfolio")
    ws.write_string(0, 0, "Portfolio: working capital and the 13-week cash forecast of every client", title)
    formulas = {
        "clients": None,
        "in_alert": f'=COUNTIF({table_range("status", len(rows))},"alert")',
        "extra_financing_total": f'=SUM({table_range("extra_financing", len(rows))})',
        "failed": None,
    }
    for key, row in SUMMARY.items():
        ws.write_string(row, 0, SUMMARY_LABELS[key], bold)
        value = totals[key]
        fmt = formats["amount"] if isinstance(value, Decimal) else None
        if formulas[key]:
            ws.write_formula(row, 1, formulas[key], fmt, float(value))
        else:
            ws.write_number(row, 1, float(value), fmt)
        if key == "failed" and value:
            ws.write_url(row, 2, "internal:'Failed'!A1", string="see the Failed sheet")
    ws.conditional_format(SUMMARY["in_alert"], 1, SUMMARY["in_alert"], 1,
                          {"type": "cell", "criteria": ">", "value": 0, "format": alert})

    last = TABLE_ROW + max(len(rows), 1)
    for r, row in enumerate(rows, start=TABLE_ROW + 1):
        for c, col in enumerate(COLUMNS):
            _write(ws, r, c, col, row[col.key], formats[col.kind])
    ws.add_table(TABLE_ROW, 0, last, len(COLUMNS) - 1, {
        "name": "Clients", "style": "Table Style Light 9",
        "columns": [{"header": c.header, "format": formats[c.kind]} for c in COLUMNS],
    })  # fmt: skip
    for c, col in enumerate(COLUMNS):
        if col.kind == "status":
            for word, fmt in (("alert", alert), ("warning", warning)):
                ws.conditional_format(TABLE_ROW + 1, c, last, c,
                                      {"type": "cell", "criteria": "==", "value": f'"{word}"', "format": fmt})
        elif col.key in ("first_breach_week", "extra_financing"):
            ws.conditional_format(TABLE_ROW + 1, c, last, c, {"type": "cell", "criteria": ">", "value": 0,
                                                              "format": alert})
    ws.set_column(0, 1, 28)
    ws.set_column(2, len(COLUMNS) - 1, 14)
    ws.freeze_panes(TABLE_ROW + 1, 1)

    fs = wb.add_worksheet("Failed")
    for r, failure in enumerate(failed, start=1):
        for c, key in enumerate(FAILURE_COLUMNS):
            v = failure[key]
            if isinstance(v, int):
                fs.write_number(r, c, v)
            elif v is not None:
                fs.write_string(r, c, str(v))
    fs.add_table(0, 0, max(len(failed), 1), len(FAILURE_COLUMNS) - 1,
                 {"name": "FailedClients", "columns": [{"header": k} for k in FAILURE_COLUMNS]})
    fs.set_column(0, 3, 22)
    fs.set_column(4, 4, 100)

    about = wb.add_worksheet("Columns")
    about.write_row(0, 0, ["Column", "Key (CSV, JSON)", "Where the value comes from"], bold)
    for r, col in enumerate(COLUMNS, start=1):
        about.write_row(r, 0, [col.header, col.key, col.source])
    about.set_column(0, 1, 26)
    about.set_column(2, 2, 90)
    wb.close()


def _write(ws, r: int, c: int, col, value: Any, fmt) -> None:
    """One table cell: empty for None, numbers as numbers, the workbook as a link, text always as text."""
    if value is None or value == "":
        return
    if col.kind == "link":
        ws.write_url(r, c, "external:" + value, string=Path(value).name)
    elif col.kind == "date":
        ws.write_datetime(r, c, value, fmt)
    elif col.kind in ("text", "status"):
        ws.write_string(r, c, str(value))
    else:
        ws.write_number(r, c, float(value), fmt)
