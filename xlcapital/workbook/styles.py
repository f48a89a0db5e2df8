"""The workbook's cell formats, created once per workbook and shared by every sheet writer.

Conventions of financial models: inputs the user may change are blue on light yellow, formulas
are black, amounts carry two decimals with grouping, negative amounts show in red.
"""

from __future__ import annotations

import xlsxwriter

#: amounts: grouping, two decimals, negatives red, zero as a dash (as accountants print it)
MONEY = '#,##0.00;[Red]-#,##0.00;"-"'
DATE = "yyyy-mm-dd"
PERCENT = "0.0%"
INTEGER = "0"
#: days, months, factors: one decimal (two for the seasonality factors)
NUMBER = "0.00"
DAYS = "0.0"

INPUT_FILL = "#FFF2CC"
INPUT_FONT = "#1F4E79"
HEADER_FILL = "#1F4E79"
#: sheet tabs: what the workbook shows, what the user types, what is calculated or technical
TAB_OUTPUT = "#1F4E79"
TAB_INPUT = "#FFC000"
TAB_HELPER = "#A6A6A6"
#: points per line of wrapped text (Calibri 11) and characters per unit of column width
LINE_HEIGHT = 15
CHARS_PER_WIDTH = 1.05

_HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL, "text_wrap": True, "valign": "top"}
#: the value kinds: their plain (formula) format; an input adds the input colours and a border
#: (top-aligned, like the wrapped explanations beside them)
_KINDS: dict[str, dict] = {
    "text": {"valign": "top"},
    "money": {"num_format": MONEY, "valign": "top"},
    "date": {"num_format": DATE, "valign": "top"},
    "percent": {"num_format": PERCENT, "valign": "top"},
    "integer": {"num_format": INTEGER, "valign": "top"},
    "number": {"num_format": NUMBER, "valign": "top"},
    "days": {"num_format": DAYS, "valign": "top"},
}
_INPUT = {"bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1, "border_color": "#BFBFBF"}

#: name -> XlsxWriter format properties
_SPECS: dict[str, dict] = {
    "title": {"bold": True, "font_size": 16, "font_color": HEADER_FILL},
    "subtitle": {"bold": True, "font_size": 12, "font_color": HEADER_FILL},
    # a title in a text column (the Start sheet): wrapped within the page
    "title_wrap": {"bold": True, "font_size": 16, "font_color": HEADER_FILL, "text_wrap": True, "valign": "top"},
    "header": _HEADER,
    # over a column of numbers or dates: right-aligned like the values under it
    "header_right": {**_HEADER, "align": "right"},
    "label": {"valign": "top"},
    "label_bold": {"bold": True, "valign": "top"},
    "note": {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"},
    "note_line": {"italic": True, "font_color": "#595959", "indent": 1},
    "wrap": {"text_wrap": True, "valign": "top"},
    "money_bold": {"num_format": MONEY, "bold": True, "top": 1},
    "date_header": {"num_format": DATE, "bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL},
    # a week number or "none", a status word: right-aligned so texts and numbers line up
    "text_right": {"align": "right"},
    "flag": {"align": "center"},
    "red": {"bg_color": "#F8CBAD", "font_color": "#9C0006"},
    "amber": {"bg_color": "#FFE699", "font_color": "#7F6000"},
    "green": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "muted": {"font_color": "#A6A6A6"},
    **_KINDS,
    **{f"input_{kind}": {**spec, **_INPUT} for kind, spec in _KINDS.items()},
    # a typed rate shows what was typed: 7.25%, not 7.3%
    "input_percent": {"num_format": "0.00%", **_INPUT},
}
#: the kinds whose values are right-aligned (numbers and dates): their column headers too
NUMERIC = frozenset(k for k in _KINDS if k != "text")


def header_style(kind: str) -> str:
    """The header format over a column of ``kind``: right-aligned over numbers and dates.

    >>> header_style("money"), header_style("text")
    ('header_right', 'header')
    """
    return "header_right" if kind in NUMERIC else "header"


def wrapped_height(text: str, width: float) -> float:
    """The row height (points) that shows ``text`` wrapped in a column ``width`` wide.

    XlsxWriter cannot measure text and LibreOffice does not grow rows on opening, so the height is
    estimated: lines of at most ``width x CHARS_PER_WIDTH`` characters, each ``LINE_HEIGHT``.

    >>> wrapped_height("short", 20), wrapped_height("x" * 50, 20)
    (15, 45)
    """
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
    return LINE_HEIGHT * lines


class Styles:
    """Lazily created, cached XlsxWriter formats: ``styles["money"]``.

    XlsxWriter formats belong to one workbook, so each workbook gets its own :class:`Styles`.
    """

    def __init__(self, workbook: xlsxwriter.Workbook, *, indent_headers: bool = False) -> None:
        self._workbook = workbook
        self._cache: dict[str, object] = {}
        #: headers indented one character from the side they align to, so that a right-aligned
        #: header and a left-aligned one beside it never run together ("Worst Status")
        self._indent = indent_headers

    def __getitem__(self, name: str):
        fmt = self._cache.get(name)
        if fmt is None:
            spec = _SPECS[name]
            if self._indent and name in ("header", "header_right"):
                spec = {**spec, "align": spec.get("align", "left"), "indent": 1}
            fmt = self._workbook.add_format(spec)
            self._cache[name] = fmt
        return fmt

    @staticmethod
    def input_style(kind: str) -> str:
        """The input format name for a value kind ("money", "date", "percent", "integer", "text")."""
        return f"input_{kind}"
