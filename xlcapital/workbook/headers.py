"""The Dutch workbook's table column names, and the one rewrite that puts them into formulas.

Every formula of the workbook is written with the English column names (``Receivables[DueDate]``):
the model (:mod:`~xlcapital.workbook.model`) and every sheet writer stay language-free. A column's
Dutch header is declared once beside its English one (``Field.header_nl`` in the schema,
``Column.name_nl`` beside a hand-declared helper column); :func:`names_of` collects them per table
from the tables being written, and :func:`rename` rewrites the structured references of one formula
with that map. :class:`~xlcapital.workbook.book.Book` applies it where formulas enter the file:
cell formulas (the streamed Bank sheet's included), the tables' calculated columns, conditional
formats, data validations and defined names.

>>> names = {"Receivables": {"DueDate": "Vervaldatum", "Amount": "Bedrag"}}
>>> rename('=SUMIFS(Receivables[Amount],Receivables[[#This Row],[DueDate]],"Receivables[Amount]")', names)
'=SUMIFS(Receivables[Bedrag],Receivables[[#This Row],[Vervaldatum]],"Receivables[Amount]")'

A Dutch name never equals another column's English name in the same table (:func:`names_of` refuses
it), so renaming a renamed formula changes nothing: the tables' calculated columns pass through
twice (their definition, then every cell).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

#: a string literal of a formula (its quotes doubled inside), or a table name and its bracketed part:
#: ``T[Col]``, ``T[[#This Row],[Col]]``, ``T[[#Headers],[Col]]``, ``T[[Col1]:[Col2]]``, ``T[#All]``
_TOKEN = re.compile(r'"(?:[^"]|"")*"|(?<![\w.])([A-Za-z_][\w.]*)\[((?:[^\[\]"]|\[[^\[\]]*\])*)\]')
#: one column item inside the brackets of a reference with several parts (``[#This Row]`` is kept)
_ITEM = re.compile(r"\[([^\[\]#][^\[\]]*)\]")

Names = Mapping[str, Mapping[str, str]]


def rename(formula: str, names: Names) -> str:
    """``formula`` with every structured reference to a column of ``names`` (table -> English ->
    Dutch) renamed; string literals and references to other tables are left as they are.

    >>> rename("=INDEX(T[[Lo]:[Hi]],1)+T[#Headers]+U[Lo]", {"T": {"Lo": "Van", "Hi": "Tot"}})
    '=INDEX(T[[Van]:[Tot]],1)+T[#Headers]+U[Lo]'
    """
    if "[" not in formula:
        return formula

    def sub(m: re.Match) -> str:
        table = m.group(1)
        columns = names.get(table) if table else None
        if not columns:
            return m.group(0)
        inner = m.group(2)
        if "[" in inner:
            inner = _ITEM.sub(lambda i: f"[{columns.get(i.group(1), i.group(1))}]", inner)
        elif not inner.startswith("#"):
            inner = columns.get(inner, inner)
        return f"{table}[{inner}]"

    return _TOKEN.sub(sub, formula)


def names_of(tables: Iterable) -> dict[str, dict[str, str]]:
    """Table -> English column name -> Dutch header, of the columns whose Dutch header differs
    (``tables``: :class:`~xlcapital.workbook.tables.TableSheet` s). Headers must be valid Excel
    Table headers (no brackets, ``#`` or ``'``), unique per table (case ignored, as Excel compares
    them), and no Dutch header may be another column's English name (:func:`rename` stays idempotent).

    >>> from xlcapital.workbook.tables import Column, TableSheet
    >>> names_of([TableSheet("S", "T", (Column("Lo", name_nl="Van"), Column("W1")))])
    {'T': {'Lo': 'Van'}}
    """
    out: dict[str, dict[str, str]] = {}
    for t in tables:
        english = {c.name for c in t.columns}
        dutch = [c.header("nl") for c in t.columns]
        bad = [h for h in dutch if not h or set(h) & set("[]#'\"") or h != h.strip()]
        repeated = sorted({h for h in dutch if [d.casefold() for d in dutch].count(h.casefold()) > 1})
        clash = sorted(c.name_nl for c in t.columns if c.name_nl and c.name_nl != c.name and c.name_nl in english)
        if bad or repeated or clash:
            raise ValueError(f"{t.table}: Dutch headers {bad or repeated or clash} are not valid, unique and "
                             "distinct from the English names")
        out.setdefault(t.table, {}).update({c.name: c.name_nl for c in t.columns if c.name_nl and c.name_nl != c.name})
    return {t: m for t, m in out.items() if m}


def english_of(names: Names) -> dict[str, dict[str, str]]:
    """The inverse of :func:`names_of`'s map: table -> Dutch header -> English name."""
    return {table: {nl: en for en, nl in columns.items()} for table, columns in names.items()}


__all__ = ["rename", "names_of", "english_of"]
