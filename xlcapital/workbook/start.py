"""The Start sheet: what the workbook is and how to use it week by week, from a Jinja2 template.

The template (templates/start.<lang>.txt.j2) is plain text: a line ``# ...`` is the title,
``## ...`` a heading, any other non-empty line a paragraph in one wrapped cell. Every line is
written with write_string, so nothing in it can become a formula.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from xlcapital.workbook import sheetnames
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.errors import InputError
from xlcapital.forecast import schema
from xlcapital.workbook import messages as say
from xlcapital.templating import render

SHEET = "Start"
LANGUAGES = ("nl", "en")
#: the width of the text column (characters of the default font): A4 portrait at 100 %, with margins
WIDTH = 72


def check_language(lang: str) -> str:
    """``lang`` when the Start text exists in it, else an InputError naming the choices."""
    if lang not in LANGUAGES:
        raise InputError(say.UNKNOWN_LANGUAGE(lang=lang), field="lang", hint=say.USE_ONE_OF(names=", ".join(LANGUAGES)))
    return lang


def paragraphs(text: str) -> list[tuple[str, str]]:
    """(style, text) for every non-empty line of a rendered template.

    >>> paragraphs("# T\\n\\n## H\\nbody\\n")
    [('title', 'T'), ('subtitle', 'H'), ('wrap', 'body')]
    """
    out = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("## "):
            out.append(("subtitle", line[3:]))
        elif line.startswith("# "):
            out.append(("title", line[2:]))
        else:
            out.append(("wrap", line))
    return out


@dataclass
class StartSheet:
    """Writes the Start sheet in ``lang`` ("nl" or "en") with the template ``context``."""

    lang: str = "en"
    context: dict = field(default_factory=dict)

    def text(self) -> str:
        # tab: English sheet name -> the Dutch tab name the Dutch text names each sheet by;
        # label: a Settings field's key -> its label on the Settings sheet in this language
        lang = check_language(self.lang)
        label = {f.key: f.nl if lang == "nl" else f.label for f in schema.FORECAST}
        return render(f"start.{lang}.txt.j2", tab=sheetnames.DUTCH, label=label, **self.context)

    def write(self, book: Book) -> None:
        """One paragraph a row, as high as its wrapped lines; an empty row above each heading."""
        ws = book.add_sheet(SHEET)
        ws.set_column(0, 0, WIDTH)
        ws.hide_gridlines(2)
        r = 0
        for style, line in paragraphs(self.text()):
            if style == "subtitle" and r:
                r += 1
            if style == "title":  # 16-point text: fewer characters a line, 24 points a line
                ws.write_string(r, 0, line, book.styles["title_wrap"])
                ws.set_row(r, 24 * len(textwrap.wrap(line, int(WIDTH * 11 / 16 * 0.9)) or [""]))
            else:
                book.paragraph(ws, r, line, WIDTH, style)
            r += 1
        book.place("start.text", Ref(SHEET, 0, 0, max(r - 1, 0), 0))
        book.print_wide(ws, landscape=False)
        ws.activate()
