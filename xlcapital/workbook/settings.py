"""The Settings sheet: one input cell per setting, each a workbook-scope defined name.

Every setting is a yellow input cell with a comment explaining it and data validation where the
value has a range or a list of choices. Its defined name is ``Settings_<Key>``
(``Settings_OpeningBalance``, ``Settings_CreditLimit``, ...); every formula of the workbook uses
the name, never the address, so the sheet can be rearranged without breaking the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.styles import wrapped_height
from xlcapital.workbook.tables import KINDS, value_writer

SHEET = "Settings"
#: widths of the label, value and explanation columns
WIDTHS = (44, 22, 90)
#: the column headers per language
HEADERS = {"en": ("Setting", "Value", "Explanation"), "nl": ("Instelling", "Waarde", "Toelichting")}


@dataclass(frozen=True)
class Setting:
    """One setting: its key (the defined name is ``Settings_<key>``), label, kind and explanation.

    ``validation`` is an XlsxWriter data-validation dict (without the messages, added here).
    """

    key: str
    label: str
    kind: str
    comment: str
    validation: dict | None = None
    #: a calculated setting (shown, not typed): the formula, with '='
    formula: str | None = None
    #: the label in the Dutch workbook (None: the English label)
    nl: str | None = None
    #: the explanation in the Dutch workbook (the schema's ``help_nl``, or given with a hand-declared setting)
    comment_nl: str | None = None

    def label_in(self, lang: str) -> str:
        """The label shown in a workbook of language ``lang``."""
        return self.nl if lang == "nl" and self.nl else self.label

    def comment_in(self, lang: str) -> str:
        """The explanation shown in a workbook of language ``lang``."""
        return self.comment_nl if lang == "nl" and self.comment_nl else self.comment

    @property
    def defined_name(self) -> str:
        return defined(self.key)


def defined(key: str) -> str:
    """The defined name of setting ``key`` (for use inside formulas).

    >>> defined("CreditLimit")
    'Settings_CreditLimit'
    """
    return f"Settings_{key}"


@dataclass
class SettingsSheet:
    """Writes ``settings`` with their ``values`` (key -> value) as input cells."""

    settings: Sequence[Setting]
    values: dict[str, Any]
    title: str = "Settings"

    def write(self, book: Book) -> None:
        ws = book.titled_sheet(SHEET, self.title, {(i, i): w for i, w in enumerate(WIDTHS)})
        ws.freeze_panes(3, 1)
        book.print_wide(ws, repeat_rows=(2, 2))
        st = book.styles
        lang = getattr(book, "lang", "en")
        book.header(ws, 2, HEADERS.get(lang, HEADERS["en"]))
        for i, s in enumerate(self.settings):
            r = 3 + i
            label, comment = s.label_in(lang), s.comment_in(lang)
            ws.write_string(r, 0, label, st["label_bold"])
            fmt = st[KINDS[s.kind][0]] if s.formula is None else st[KINDS[s.kind][1]]
            value = self.values.get(s.key)
            if s.formula is not None:
                ws.write_formula(r, 1, s.formula, fmt)
            elif value is None or value == "":
                ws.write_blank(r, 1, None, fmt)
            else:
                value_writer(book, ws, s.kind, fmt)(r, 1, value)
            ws.write_string(r, 2, comment, st["note"])
            if wrapped_height(comment, WIDTHS[2]) > 15:
                ws.set_row(r, wrapped_height(comment, WIDTHS[2]))
            ws.write_comment(r, 1, comment, {"x_scale": 2.5, "y_scale": 1.5})
            if s.validation:
                dv = dict(s.validation)
                if isinstance(dv.get("value"), str):  # a custom rule refers to its own cell
                    dv["value"] = dv["value"].replace("{cell}", Ref(SHEET, r, 1).a1(sheet=False, absolute=False))
                dv.setdefault("error_title", label[:32])
                dv.setdefault("error_message", comment[:255])
                dv.setdefault("input_title", label[:32])
                dv.setdefault("input_message", comment[:255])
                ws.data_validation(r, 1, r, 1, dv)
            book.place(f"settings.{s.key}", Ref(SHEET, r, 1), defined_name=s.defined_name)
        self.rows = len(self.settings)
