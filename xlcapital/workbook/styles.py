"""The workbook's cell formats, created once per workbook and shared by every sheet writer.

Conventions of financial models: inputs the user may change are blue on light yellow, formulas
are black, amounts carry two decimals with grouping, negative amounts show in red.
"""

from __future__ import annotations

import xlsxwriter

MONEY = "#,##0.00;[Red]-#,##0.00"
DATE = "yyyy-mm-dd"
PERCENT = "0.0%"
INTEGER = "0"

INPUT_FILL = "#FFF2CC"
INPUT_FONT = "#1F4E79"
HEADER_FILL = "#1F4E79"

#: name -> XlsxWriter format properties
_SPECS: dict[str, dict] = {
    "title": {"bold": True, "font_size": 16, "font_color": HEADER_FILL},
    "subtitle": {"bold": True, "font_size": 12, "font_color": HEADER_FILL},
    "header": {"bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL, "text_wrap": True, "valign": "top"},
    "label": {},
    "label_bold": {"bold": True},
    "note": {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"},
    "note_line": {"italic": True, "font_color": "#595959"},
    "text": {},
    "wrap": {"text_wrap": True, "valign": "top"},
    "money": {"num_format": MONEY},
    "money_bold": {"num_format": MONEY, "bold": True, "top": 1},
    "date": {"num_format": DATE},
    "date_header": {"num_format": DATE, "bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL},
    "percent": {"num_format": PERCENT},
    "integer": {"num_format": INTEGER},
    "number": {"num_format": "0.00"},
    "input_text": {"bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1, "border_color": "#BFBFBF"},
    "input_money": {"num_format": MONEY, "bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1,
                    "border_color": "#BFBFBF"},
    "input_date": {"num_format": DATE, "bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1,
                   "border_color": "#BFBFBF"},
    "input_percent": {"num_format": "0.00%", "bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1,
                      "border_color": "#BFBFBF"},
    "input_integer": {"num_format": INTEGER, "bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1,
                      "border_color": "#BFBFBF"},
    "input_number": {"num_format": "0.00", "bg_color": INPUT_FILL, "font_color": INPUT_FONT, "border": 1,
                     "border_color": "#BFBFBF"},
    "flag": {"align": "center"},
    "red": {"bg_color": "#F8CBAD", "font_color": "#9C0006"},
    "amber": {"bg_color": "#FFE699", "font_color": "#7F6000"},
    "green": {"bg_color": "#C6EFCE", "font_color": "#006100"},
}


class Styles:
    """Lazily created, cached XlsxWriter formats: ``styles["money"]``.

    XlsxWriter formats belong to one workbook, so each workbook gets its own :class:`Styles`.
    """

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self._workbook = workbook
        self._cache: dict[str, object] = {}

    def __getitem__(self, name: str):
        fmt = self._cache.get(name)
        if fmt is None:
            fmt = self._workbook.add_format(_SPECS[name])
            self._cache[name] = fmt
        return fmt

    @staticmethod
    def input_style(kind: str) -> str:
        """The input format name for a value kind ("money", "date", "percent", "integer", "text")."""
        return f"input_{kind}"
