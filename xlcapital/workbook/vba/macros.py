"""The bank-feed import macros of the generated workbook, rendered from the bank presets.

``BankImport`` (templates/vba/BankImport.bas.j2) reads a bank's CSV export exactly as
:mod:`xlcapital.bank.csvbank` does and appends the transactions to the Excel Table ``Bank``,
skipping those whose dedupe key is already there; ``BankImportHost`` finds and grows that table
in Excel (a ListObject) and in LibreOffice (a database range, for the tests). Every preset of
:data:`xlcapital.bank.presets.PRESETS` is rendered into the module as data, field by field, so
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
from xlcapital.workbook.vba.project import VbaModule, build_vba_project, document_modules

BANK_SHEET = "Bank"
BANK_TABLE = "Bank"
#: the Sub a button runs, and the Function the tests (and other macros) call with a path
IMPORT_MACRO = "ImportBankFeed"
IMPORT_FUNCTION = "ImportBankFeedFromPath"
MODULE_NAMES = ("BankImport", "BankImportHost")

#: every Preset field, in the order the VBA keeps them (F_NAME = 0, ...)
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Preset))
#: Preset fields the macro does not need: the Bank table has no column for the balances or the bank id
UNUSED_BY_MACRO = frozenset({"opening_balance", "closing_balance", "bank"})

#: the encodings the detection tries, as xlcapital.bank.csvbank does
DETECT_ENCODINGS = ("utf-8", "cp1252", "latin-1")

BUTTON_CAPTION = {"nl": "Bankafschrift importeren", "en": "Import bank export",
                  "both": "Bankafschrift importeren / Import bank export"}
_TEXTS = {
    "filter": "Bank export (*.csv;*.tab;*.txt),*.csv;*.tab;*.txt,All files (*.*),*.*",
    "dialog_title": "Bankafschrift kiezen / Choose a bank export",
    "failed_text": "Niet ingelezen / Not imported:",
    "added_text": "Toegevoegd / Added",
    "skipped_text": "Al aanwezig, overgeslagen / Already there, skipped",
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


def bank_import_source(*, sheet: str = BANK_SHEET, table: str = BANK_TABLE, presets: Iterable[Preset] | None = None) -> str:
    """The VBA source of module ``BankImport`` (without its Attribute lines)."""
    chosen = list(PRESETS.values() if presets is None else presets)
    encodings = [e for p in chosen for e in p.encodings] + list(DETECT_ENCODINGS)
    kinds, halves = encoding_tables(encodings)
    from xlcapital import __version__

    return render(
        "vba/BankImport.bas.j2",
        version=__version__,
        sheet=sheet,
        table=table,
        key_text_length=KEY_TEXT_LENGTH,
        detect_lines=csvbank._DETECT_LINES,
        detect_chars=csvbank._DETECT_CHARS,
        detect_bytes=csvbank._DETECT_CHARS * 4,  # csvbank decodes data[:_DETECT_CHARS * 4] to recognise
        fields=FIELDS,
        column_fields=COLUMN_FIELDS,
        presets=[render_preset(p) for p in chosen],
        encoding_kinds=kinds,
        high_halves=halves,
        known_bank_codes=", ".join(f'"{code}"' for code in sorted(BANK_CODES)),
        **_TEXTS,
    )


def host_source(*, table: str = BANK_TABLE) -> str:
    """The VBA source of module ``BankImportHost``: find and grow the table in Excel or LibreOffice."""
    from xlcapital import __version__

    return render("vba/BankImportHost.bas.j2", version=__version__, table=table)


def macro_modules(*, sheet: str = BANK_SHEET, table: str = BANK_TABLE) -> list[VbaModule]:
    """The standard modules of the import macros: ``BankImport`` and ``BankImportHost``."""
    return [
        VbaModule("BankImport", bank_import_source(sheet=sheet, table=table)),
        VbaModule("BankImportHost", host_source(table=table)),
    ]


def project_for_workbook(
    sheet_codenames: Iterable[str],
    workbook_codename: str = "ThisWorkbook",
    *,
    sheet: str = BANK_SHEET,
    table: str = BANK_TABLE,
) -> bytes:
    """The bytes of ``vbaProject.bin`` for a workbook whose sheets have ``sheet_codenames``.

    Give the codeName of every sheet, in sheet order, exactly as set with XlsxWriter's
    ``set_vba_name`` (and ``workbook_codename`` as set on the workbook).
    """
    modules = document_modules(workbook_codename, list(sheet_codenames)) + macro_modules(sheet=sheet, table=table)
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
