"""The bank-feed import macros of the generated workbook, rendered from the bank presets.

``BankImport`` (templates/vba/BankImport.bas.j2) reads a bank's CSV export exactly as
:mod:`xlcapital.bank.csvbank` does and appends the transactions to the Excel Table ``Bank``,
skipping those whose dedupe key is already there. It builds on ``BankDecode`` (bytes to text and
lines), ``BankLayouts`` (recognising the bank, one record to one row) and ``BankPresets`` (the
presets as data): four modules by concern, each well under the 64 KB of source a VBA module may hold.
``BankImportHost`` finds and grows that table in Excel (a ListObject) and in LibreOffice (a database
range, for the tests). The
encodings and limits of the detection are :mod:`xlcapital.bank.csvbank`'s own, and the table's
columns are named as :data:`xlcapital.workbook.bank.COLUMNS` names them. Every preset of
:data:`xlcapital.bank.presets.PRESETS` is rendered into ``BankPresets`` as data, field by field, so
the Python reader and the macro share one definition of each bank (tests/test_vba_macros.py
renders each preset and compares it with the preset itself).

For the workbook generator::

    from xlcapital.workbook.vba.macros import project_for_workbook, add_import_button
    workbook.add_vba_project(io.BytesIO(project_for_workbook(codenames)), is_stream=True)
    add_import_button(bank_worksheet, row=0, col=6, lang="nl")

>>> vba_literal(("Af", 3, None, True, "a\\tb"))
'Array("Af", 3, Empty, True, "a" & ChrW(9) & "b")'
"""

from __future__ import annotations

import codecs
import dataclasses
from typing import Iterable

from xlcapital.bank import csvbank
from xlcapital.bank.detect import BANK_CODES
from xlcapital.bank.model import KEY_TEXT_LENGTH
from xlcapital.bank.presets import COLUMN_FIELDS, PRESETS, Preset
from xlcapital.errors import InputError
from xlcapital.templating import render
from xlcapital.workbook import bank as bank_sheet
from xlcapital.workbook.vba.project import VbaModule, build_vba_project, document_modules

BANK_SHEET = bank_sheet.SHEET
BANK_TABLE = bank_sheet.TABLE
#: the Sub a button runs, and the Function the tests (and other macros) call with a path
IMPORT_MACRO = "ImportBankFeed"
IMPORT_FUNCTION = "ImportBankFeedFromPath"
#: the modules of the import, in project order: the entry points first, then what they build on
IMPORT_MODULES = ("BankImport", "BankDecode", "BankLayouts", "BankPresets")
MODULE_NAMES = (*IMPORT_MODULES, "BankImportHost")

#: every Preset field, in the order the VBA keeps them (F_NAME = 0, ...)
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Preset))
#: Preset fields the macro does not need: the Bank table has no column for the balances or the bank id
UNUSED_BY_MACRO = frozenset({"opening_balance", "closing_balance", "bank"})

#: The most digits (cents included) an amount may have in the macro, which keeps amounts as whole cents in a
#: Double: exact up to 2**53, and Excel shows 15 significant digits. Python reads up to
#: textio.MAX_AMOUNT_DIGITS (18); the macro refuses what lies between, naming the line, and never rounds.
MACRO_AMOUNT_DIGITS = 15

#: the encodings the detection tries: xlcapital.bank.csvbank's own
DETECT_ENCODINGS = csvbank._DETECT_ENCODINGS

#: The Bank table column each imported value goes to, by the value's name (a Transaction field, or the
#: statement's account). The names are looked up in xlcapital.workbook.bank.COLUMNS, never positions:
#: :func:`bank_columns` refuses a name the table lacks and a value column the macro would leave empty.
_BANK_COLUMN_OF = {
    "date": "Date", "value_date": "ValueDate", "account": "Account", "amount": "Amount", "currency": "Currency",
    "counterparty": "Counterparty", "counterparty_iban": "CounterpartyIBAN", "description": "Description",
    "reference": "Reference", "key": "Key",
}
#: The text values, with the position (R_*) of each in a parsed row of the macro.
_TEXT_VALUES = (("account", "R_ACCOUNT"), ("currency", "R_CURRENCY"), ("counterparty", "R_COUNTERPARTY"),
                ("counterparty_iban", "R_IBAN"), ("description", "R_DESCRIPTION"), ("reference", "R_REFERENCE"))

BUTTON_CAPTION = {"nl": "Bankafschrift importeren", "en": "Import bank export",
                  "both": "Bankafschrift importeren / Import bank export"}
_TEXTS = {
    "filter": "Bank export (*.csv;*.tab;*.txt),*.csv;*.tab;*.txt,All files (*.*),*.*",
    "dialog_title": "Bankafschrift kiezen / Choose a bank export",
    "failed_text": "Niet ingelezen / Not imported:",
    "added_text": "Toegevoegd / Added",
    "skipped_text": "Al aanwezig, overgeslagen / Already there, skipped",
    "warnings_text": "Ingelezen, met waarschuwingen / Read, with warnings",
}


def vba_literal(value) -> str:
    """A Python value as a VBA expression: text, whole number, True/False, Empty (None), Array(...).

    Characters outside printable ASCII are written as ``ChrW(n)`` so the source stays plain.

    >>> vba_literal('He said "hi" €'), vba_literal(""), vba_literal(())
    ('"He said ""hi"" " & ChrW(8364)', '""', 'Array()')
    """
    if value is None:
        return "Empty"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _vba_string(value)
    if isinstance(value, (tuple, list)):
        return "Array(" + ", ".join(vba_literal(v) for v in value) + ")"
    raise InputError(f"cannot write {value!r} as a VBA literal")


def _vba_string(text: str) -> str:
    if not text:
        return '""'
    parts: list[str] = []
    run = ""
    for ch in text:
        if " " <= ch <= "~":
            run += '""' if ch == '"' else ch
        else:
            if run:
                parts.append(f'"{run}"')
                run = ""
            parts.append(f"ChrW({ord(ch)})")
    if run:
        parts.append(f'"{run}"')
    return " & ".join(parts)


def preset_values(preset: Preset) -> list[tuple[str, str]]:
    """(field, VBA literal) for every field of ``preset``, in :data:`FIELDS` order."""
    return [(name, vba_literal(getattr(preset, name))) for name in FIELDS]


def render_preset(preset: Preset) -> str:
    """The VBA lines that fill one preset (templates/vba/preset.bas.j2)."""
    return render("vba/preset.bas.j2", preset_name=preset.name, label=preset.label, values=preset_values(preset))


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", field="encodings") from None


def encoding_tables(encodings: Iterable[str]) -> tuple[list[tuple[str, str]], list[tuple[str, list[int]]]]:
    """For each encoding the presets name: its kind ("utf-8" or "single"), and for one-byte
    encodings the code point of each byte 128..255 (-1 where the byte is not text in it)."""
    kinds: dict[str, str] = {}
    halves: dict[str, list[int]] = {}
    for name in encodings:
        key = name.lower()
        if key in kinds:
            continue
        codec = _codec(name)
        if codec == "utf-8":
            kinds[key] = "utf-8"
            continue
        if bytes(range(128)).decode(codec, errors="replace") != "".join(map(chr, range(128))):
            raise InputError(f"the import macro reads UTF-8 and one-byte encodings, not {name!r}", field="encodings")
        codes = []
        for b in range(128, 256):
            try:
                text = bytes([b]).decode(codec)
            except UnicodeDecodeError:
                codes.append(-1)
                continue
            if len(text) != 1 or ord(text) > 0xFFFF:
                raise InputError(f"{name!r} is not a one-byte encoding", field="encodings")
            codes.append(ord(text))
        kinds[key] = "single"
        halves[key] = codes
    return sorted(kinds.items()), sorted(halves.items())


def bank_columns(lang: str = "en") -> dict[str, str]:
    """The Bank table's column for each value the macro writes, checked against :data:`bank_sheet.COLUMNS`,
    named as the workbook of language ``lang`` heads them (``Column.header``)."""
    value_columns = {c.name for c in bank_sheet.COLUMNS if c.formula is None}
    missing = sorted(set(_BANK_COLUMN_OF.values()) - value_columns)
    unwritten = sorted(value_columns - set(_BANK_COLUMN_OF.values()))
    if missing or unwritten:
        raise InputError(
            f"the Bank table and the import macro disagree: columns {missing} are not in the table, "
            f"columns {unwritten} would stay empty",
            field="workbook.bank.COLUMNS",
            hint="name each value column in xlcapital.workbook.vba.macros._BANK_COLUMN_OF",
        )
    header = {c.name: c.header(lang) for c in bank_sheet.COLUMNS}
    return {value: header[name] for value, name in _BANK_COLUMN_OF.items()}


def _context(sheet: str, table: str, presets: Iterable[Preset] | None, lang: str = "en") -> dict:
    """Everything the import modules' templates are rendered with (``lang``: the workbook's, whose Bank
    column names and whose tab name of ``sheet`` the macro looks up)."""
    from xlcapital import __version__
    from xlcapital.workbook.sheetnames import DUTCH

    chosen = list(PRESETS.values() if presets is None else presets)
    encodings = [e for p in chosen for e in p.encodings] + list(DETECT_ENCODINGS)
    kinds, halves = encoding_tables(encodings)
    columns = bank_columns(lang)
    return dict(
        version=__version__,
        sheet=DUTCH.get(sheet, sheet) if lang == "nl" else sheet,
        table=table,
        key_text_length=KEY_TEXT_LENGTH,
        detect_lines=csvbank._DETECT_LINES,
        detect_chars=csvbank._DETECT_CHARS,
        detect_bytes=csvbank._DETECT_CHARS * 4,  # csvbank decodes data[:_DETECT_CHARS * 4] to recognise
        amount_digits=MACRO_AMOUNT_DIGITS,
        amount_digits_why="whole cents in a Double are exact below 2^53, and Excel shows 15 significant digits",
        detect_encodings=vba_literal(DETECT_ENCODINGS),
        fields=FIELDS,
        column_fields=COLUMN_FIELDS,
        presets=[render_preset(p) for p in chosen],
        encoding_kinds=kinds,
        high_halves=halves,
        known_bank_codes=", ".join(f'"{code}"' for code in sorted(BANK_CODES)),
        columns=columns,
        text_columns=[(columns[value], position) for value, position in _TEXT_VALUES],
        **_TEXTS,
    )


def import_modules(*, sheet: str = BANK_SHEET, table: str = BANK_TABLE,
                   presets: Iterable[Preset] | None = None, lang: str = "en") -> list[VbaModule]:
    """The modules of the import (:data:`IMPORT_MODULES`), rendered from their templates for a workbook
    of language ``lang``."""
    context = _context(sheet, table, presets, lang)
    return [VbaModule(name, render(f"vba/{name}.bas.j2", **context)) for name in IMPORT_MODULES]


def bank_import_source(*, sheet: str = BANK_SHEET, table: str = BANK_TABLE, presets: Iterable[Preset] | None = None,
                       lang: str = "en") -> str:
    """The VBA source of the import's modules, one after another (without their Attribute lines)."""
    return "\n".join(m.code for m in import_modules(sheet=sheet, table=table, presets=presets, lang=lang))


def host_source(*, table: str = BANK_TABLE) -> str:
    """The VBA source of module ``BankImportHost``: find and grow the table in Excel or LibreOffice."""
    from xlcapital import __version__

    return render("vba/BankImportHost.bas.j2", version=__version__, table=table)


def macro_modules(*, sheet: str = BANK_SHEET, table: str = BANK_TABLE, lang: str = "en") -> list[VbaModule]:
    """The standard modules of the import macros: :data:`MODULE_NAMES` (``lang``: the workbook's)."""
    return import_modules(sheet=sheet, table=table, lang=lang) + [VbaModule("BankImportHost", host_source(table=table))]


def project_for_workbook(
    sheet_codenames: Iterable[str],
    workbook_codename: str = "ThisWorkbook",
    *,
    sheet: str = BANK_SHEET,
    table: str = BANK_TABLE,
    lang: str = "en",
) -> bytes:
    """The bytes of ``vbaProject.bin`` for a workbook whose sheets have ``sheet_codenames``.

    Give the codeName of every sheet, in sheet order, exactly as set with XlsxWriter's
    ``set_vba_name`` (and ``workbook_codename`` as set on the workbook); ``lang`` is the workbook's
    language (the Bank table's column names the macro fills).
    """
    modules = document_modules(workbook_codename, list(sheet_codenames)) + macro_modules(sheet=sheet, table=table,
                                                                                         lang=lang)
    return build_vba_project(modules)


def add_import_button(worksheet, row: int, col: int, *, lang: str = "en") -> None:
    """A button on ``worksheet`` (XlsxWriter) at (row, col) that runs :data:`IMPORT_MACRO`."""
    if lang not in BUTTON_CAPTION:
        raise InputError(f"unknown language {lang!r}", field="lang", hint=f"use one of {', '.join(BUTTON_CAPTION)}")
    worksheet.insert_button(row, col, {
        "macro": IMPORT_MACRO,
        "caption": BUTTON_CAPTION[lang],
        "width": 320 if lang == "both" else 190,
        "height": 30,
    })
