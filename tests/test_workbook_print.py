"""The printed workbook (issue 11 item 7): LibreOffice prints the sample workbook to PDF with the
workbook's own page setup, and every page is A4, nothing runs past its right edge, and the text is
legible (the smallest main font size of each sheet's pages, read from the PDF with pdfium).

Looked at too: ``soffice --convert-to pdf`` of a generated workbook, rendered with pypdfium2
(docs/workbook.md, "Printing").
"""

from __future__ import annotations

import collections
import re
import subprocess
from pathlib import Path

import pytest

from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs

pytestmark = pytest.mark.libreoffice

A4 = (595, 842)  # points, portrait
#: the smallest main text size (points) accepted: the 13-week grids are 11-point text scaled to one
#: page wide; the tables print larger
MIN_POINTS = {"Forecast": 5.0, "Scenarios": 5.0, "Dashboard": 5.0, "Bank": 5.5}
DEFAULT_MIN = 6.0


def pdf_pages(libreoffice, xlsx: Path) -> list[dict]:
    """Each page of LibreOffice's PDF of ``xlsx``: size, the sheet (its footer), main font size, text extent."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = xlsx.parent / "pdf"
    done = subprocess.run([libreoffice.soffice, f"-env:UserInstallation={libreoffice.profile_url}", "--headless",
                           "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(xlsx)],
                          capture_output=True, text=True, timeout=300)
    pdf = out / (xlsx.stem + ".pdf")
    assert pdf.exists(), done.stderr
    pages = []
    doc = pdfium.PdfDocument(str(pdf))
    for i in range(len(doc)):
        page = doc[i]
        width, height = page.get_size()
        text = page.get_textpage()
        sizes = collections.Counter()
        right = 0.0
        for k in range(text.count_chars()):
            size = raw.FPDFText_GetFontSize(text.raw, k)
            if size > 1.5:  # spaces and line ends report 1
                sizes[round(size, 1)] += 1
                right = max(right, text.get_charbox(k)[2])
        body = text.get_text_range()
        footer = [line for line in body.splitlines() if line.strip()]
        pages.append({"size": (round(width), round(height)), "text": body, "right": right,
                      "main": sizes.most_common(1)[0][0] if sizes else 0.0, "lines": footer})
    return pages


def sheet_of(page: dict, sheets) -> str | None:
    """The sheet a page belongs to: its footer reads "<sheet> Page n of N" (or "Pagina n van N")."""
    for line in page["lines"]:
        m = re.fullmatch(r"(.+) (?:Page \d+ of|Pagina \d+ van) \d+", line.strip())
        if m and m.group(1) in sheets:
            return m.group(1)
    return None


def test_every_sheet_prints_on_a4_one_page_wide_and_legibly(libreoffice, tmp_path):
    inputs, statements = load_inputs(None)
    path = tmp_path / "sample.xlsx"
    generate(inputs, path, statements=statements)
    import openpyxl

    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    pages = pdf_pages(libreoffice, path)
    by_sheet = collections.defaultdict(list)
    for p in pages:
        by_sheet[sheet_of(p, names)].append(p)
    bad = []
    for sheet, ps in by_sheet.items():
        assert sheet is not None, "a page without the footer naming its sheet"
        for p in ps:
            w, h = p["size"]
            portrait = sheet in ("Start", "xlwings.conf")
            if (w, h) != (A4 if portrait else A4[::-1]):
                bad.append(f"{sheet}: page {w}x{h}, not A4 {'portrait' if portrait else 'landscape'}")
            if p["right"] > w - 14:  # the right margin stays free: nothing is cut off at the edge
                bad.append(f"{sheet}: text reaches x={p['right']:.0f} on a page {w} wide")
            if p["main"] < MIN_POINTS.get(sheet, DEFAULT_MIN):
                bad.append(f"{sheet}: text printed at {p['main']} pt")
    assert not bad, "\n".join(bad)
    # the page counts: one page wide means the rows alone decide how many pages a sheet takes
    # (a page break puts the Forecast's look-ahead and the Dashboard's per-week trigger rows on page 2)
    forecast, dashboard = by_sheet["Forecast"], by_sheet["Dashboard"]
    assert len(forecast) == 2 and len(dashboard) == 2
    assert "Closing cash before the facility" in forecast[0]["text"] and "Look-ahead" not in forecast[0]["text"]
    assert "Lowest closing cash including the look-ahead" in forecast[1]["text"]
    assert "Key figures" in dashboard[0]["text"] and "Ask the bank in time" in dashboard[0]["text"]
    assert "Trigger values and status per week" in dashboard[1]["text"]
    assert len(by_sheet["Start"]) <= 2 and by_sheet["Start"][0]["main"] == 11.0  # at 100 %, wrapped in the page
    rows = sum(len(s.transactions) for s in statements)
    assert 5 <= len(by_sheet["Bank"]) <= rows // 40  # at least 40 transactions a page
    # the company is named on every page (the header), the footer counts the pages in English
    assert all("Van der Berg Installatietechniek B.V." in p["text"] for p in pages)
    assert f"Page 1 of {len(pages)}" in pages[0]["text"]


def test_the_dutch_workbook_prints_dutch_footers(libreoffice, tmp_path):
    inputs, statements = load_inputs(None)
    path = tmp_path / "nl.xlsx"
    generate(inputs, path, statements=statements, lang="nl")
    pages = pdf_pages(libreoffice, path)
    assert f"Pagina 1 van {len(pages)}" in pages[0]["text"]
    assert not any("Page " in p["text"] and " of " in p["text"] for p in pages)
