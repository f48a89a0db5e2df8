"""Every formula cell carries its value: the cached result equals LibreOffice's recalculation.

The generator stores the engine's value as each formula's cached result (xlcapital/workbook/cached.py),
so readers that never recalculate see the numbers. The oracle is LibreOffice: it recalculates the
generated file (a profile that always recalculates on load) and saves it; then every formula cell of
every sheet of the generated file is compared, cached value against LibreOffice's, to 0.005.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cached_check import differences
from tests.test_workbook_engine import company
from xlcapital.forecast import analyse
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs

pytestmark = pytest.mark.libreoffice


def check(libreoffice, tmp_path: Path, companies: list) -> int:
    paths = []
    for i, (inputs, statements) in enumerate(companies):
        paths.append(tmp_path / f"company{i}.xlsx")
        generate(inputs, paths[-1], statements=statements)
    done = libreoffice.recalculate(paths, tmp_path / "recalculated")
    bad, total = [], 0
    for i, (mine, theirs) in enumerate(zip(paths, done)):
        count, diff = differences(mine, theirs)
        total += count
        bad += [f"company {i}: {d}" for d in diff]
    assert not bad, f"{len(bad)} cached values differ:\n" + "\n".join(bad[:40])
    return total


def test_sample_every_formula_cell_caches_the_recalculated_value(libreoffice, tmp_path):
    inputs, statements = load_inputs(None)
    count = check(libreoffice, tmp_path, [(inputs, statements)])
    # counted independently of the generator: openpyxl's formula cells of the written file (issue 11: 6,996)
    assert count > 6000


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large],
          phases=("explicit", "reuse", "generate"))
@given(batch=st.lists(company(), min_size=6, max_size=6))
def test_random_companies_cache_the_recalculated_values(libreoffice, tmp_path_factory, batch):
    check(libreoffice, tmp_path_factory.mktemp("random-cached"), batch)


def test_readers_that_do_not_recalculate_see_the_numbers(tmp_path):
    """pandas and openpyxl (data_only) read the engine's closing cash, without any recalculation."""
    import pandas as pd

    inputs, statements = load_inputs(None)
    path = tmp_path / "sample.xlsx"
    cells = generate(inputs, path, statements=statements)
    want = [float(w.closing_cash) for w in analyse(inputs).default.weeks]
    ref = cells["forecast.closing"]
    frame = pd.read_excel(path, sheet_name="Forecast", header=None)
    got = [frame.iat[r, c] for r, c in ref.positions()]
    assert got == pytest.approx(want, abs=0.005)
    assert any(abs(x) > 1000 for x in got)  # real amounts, not the zeros of an uncached file
    ws = openpyxl.load_workbook(path, data_only=True)["Settings"]
    opening = cells["settings.OpeningBalance"]
    assert ws.cell(opening.first_row + 1, opening.first_col + 1).value == pytest.approx(
        float(analyse(inputs).default.weeks[0].opening_cash), abs=0.005)
    assert Decimal(str(ws.cell(opening.first_row + 1, opening.first_col + 1).value)) != 0


def test_the_variance_sheet_caches_the_recalculated_values(libreoffice, tmp_path):
    """With --previous: the Variance sheet's Actual and Variance cells too, with January's bank bookings."""
    import datetime as dt

    from tests.test_workbook_previous import next_export
    from xlcapital.workbook.generator import Generator
    from xlcapital.workbook.previous import carry_over

    inputs, statements = load_inputs(None)
    last = tmp_path / "2025-01.xlsx"
    generate(inputs, last, statements=statements)
    actual = next_export(inputs.settings.start)  # Monday 6 January 2025
    fresh = load_inputs(None, start=dt.date(2025, 2, 3))[0]
    nxt, merged, carried = carry_over(last, fresh, [*statements, actual])
    path = tmp_path / "2025-02.xlsx"
    cells = Generator(previous=carried).write(nxt, path, merged)
    done, = libreoffice.recalculate([path], tmp_path / "recalculated")
    count, bad = differences(path, done)
    assert not bad, "\n".join(bad[:40])
    wb = openpyxl.load_workbook(path, data_only=True)["Variance"]
    ref = cells["table.Variance.Actual"]
    assert any(abs(wb.cell(r + 1, c + 1).value or 0) > 1000 for r, c in ref.positions())  # not all zero
