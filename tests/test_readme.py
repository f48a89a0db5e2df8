"""The README's Python tour runs as written: a user copying it gets what it says."""

import doctest

from tests.conftest import ROOT


def test_readme_tour_runs_as_written():
    result = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 10, "the README lost its examples"
    assert result.failed == 0


def test_readme_company_file_reads(tmp_path, capsys):
    """The README's company-file example is a valid file: it balances and gives the seed-003 style figures."""
    import json
    import re

    from xlcapital.cli import main

    block = re.search(r"```toml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    path = tmp_path / "jansen.toml"
    path.write_text(block, encoding="utf-8")
    assert main(["ratios", str(path), "--json"]) == 0
    ratios = json.loads(capsys.readouterr().out)
    # closing: receivables 95,000 + inventory 45,000 + cash 42,000 = 182,000; minus payables 100,000 = 82,000
    assert float(ratios["gross_working_capital"]) == 182_000
    assert float(ratios["net_working_capital"]) == 82_000
    # DSO: average receivables (90,000 + 95,000) / 2 = 92,500 over revenue 500,000 / 365 days = 67.525 days
    assert abs(ratios["dso"] - 92_500 / (500_000 / 365)) < 1e-9
