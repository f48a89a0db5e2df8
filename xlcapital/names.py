"""The readable name of every ratio, KPI, trigger rule and stress test, in English and Dutch.

The code names (``bhk_cashflow``, ``dso_trend``) stay the keys of JSON and of the Python API; a
person reads these names instead: the CLI's tables, and any sheet that shows a ratio. One entry
per code name: :func:`display_name` is the only way to get one, and ``tests/test_cli_language.py``
checks that every ratio of :data:`xlcapital.ratios.RATIO_FUNCTIONS`, every row of
:func:`xlcapital.company.company_ratios`, every KPI of the forecast and every trigger rule has one.

>>> display_name("bhk_cashflow"), display_name("bhk_cashflow", "nl")
('BHK cash flow', 'BHK-kasstroom')
>>> display_name("dso", "nl")
'Debiteurendagen (DSO)'
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Name", "NAMES", "LANGUAGES", "display_name"]

#: the languages every name is given in
LANGUAGES = ("en", "nl")


class Name(NamedTuple):
    en: str
    nl: str


#: code name -> readable names. A code used by more than one part (``free_cash`` is a ratio, a KPI
#: and a trigger rule) means the same thing there and has one name.
NAMES: dict[str, Name] = {
    # ratios (xlcapital.ratios, in the order of RATIO_FUNCTIONS)
    "gross_working_capital": Name("Gross working capital", "Bruto werkkapitaal"),
    "net_working_capital": Name("Net working capital", "Netto werkkapitaal"),
    "net_working_capital_narrow": Name("Net working capital (short form)", "Netto werkkapitaal (korte vorm)"),
    "working_capital_ratio": Name("Working capital to total assets", "Werkkapitaal / totaal vermogen"),
    "nwc_to_revenue": Name("Net working capital to revenue", "Netto werkkapitaal / omzet"),
    "current_ratio": Name("Current ratio", "Current ratio"),
    "quick_ratio": Name("Quick ratio", "Quick ratio"),
    "quick_ratio_narrow": Name("Quick ratio, narrow (acid test)", "Quick ratio, eng (zuurtest)"),
    "cash_ratio": Name("Cash ratio", "Kasratio"),
    "dso": Name("Days sales outstanding (DSO)", "Debiteurendagen (DSO)"),
    "dsi": Name("Days inventory (DSI)", "Voorraaddagen (DSI)"),
    "dpo": Name("Days payables outstanding (DPO)", "Crediteurendagen (DPO)"),
    "ccc": Name("Cash conversion cycle (CCC)", "Kasconversiecyclus (CCC)"),
    "operating_cycle": Name("Operating cycle", "Operationele cyclus"),
    "receivables_turnover": Name("Receivables turnover", "Omloopsnelheid debiteuren"),
    "inventory_turnover": Name("Inventory turnover", "Omloopsnelheid voorraden"),
    "payables_turnover": Name("Payables turnover", "Omloopsnelheid crediteuren"),
    "working_capital_turnover": Name("Working capital turnover", "Omloopsnelheid werkkapitaal"),
    "bhk_cashflow": Name("BHK cash flow", "BHK-kasstroom"),
    "interest_coverage": Name("Interest coverage (EBIT / interest)", "Rentedekking (bedrijfsresultaat / rente)"),
    "cashflow_interest_coverage": Name("Cash-flow interest coverage", "Rentedekking uit kasstroom"),
    "cashflow_coverage": Name("Debt service coverage (cash flow)", "Dekking rente en aflossing uit kasstroom"),
    "ocf_ratio": Name("Operating cash flow to debt service", "Operationele kasstroom / rente en aflossing"),
    "burn_rate": Name("Burn rate (per month)", "Kasverbruik (per maand)"),
    "cash_runway": Name("Cash runway", "Kasreikwijdte (runway)"),
    "free_cash": Name("Free cash", "Vrije kasruimte"),
    "buffer_months": Name("Cash buffer (months of fixed costs)", "Kasbuffer (maanden vaste lasten)"),
    # the cash-flow statement's extras
    "bhk_cashflow_simple": Name("BHK cash flow, simple", "BHK-kasstroom, eenvoudig"),
    "bhk_cashflow_extended": Name("BHK cash flow, extended", "BHK-kasstroom, uitgebreid"),
    # KPIs of the forecast (xlcapital.forecast.kpis.DEFINITIONS takes its labels from here)
    "cash_position": Name("Cash position", "Kaspositie"),
    "credit_limit": Name("Credit limit", "Kredietlimiet"),
    "headroom": Name("Headroom", "Ruimte"),
    "monthly_costs": Name("Monthly costs", "Maandelijkse uitgaven"),
    "monthly_fixed_costs": Name("Monthly fixed costs", "Vaste kosten per maand"),
    "runway_months": Name("Cash runway (months)", "Kas reikt (maanden)"),
    "lowest_cash": Name("Lowest closing cash", "Laagste eindsaldo"),
    "lowest_week": Name("Week of the lowest cash", "Week van de laagste kasstand"),
    "open_receivables": Name("Open receivables", "Openstaande debiteuren"),
    "open_payables": Name("Open payables", "Openstaande crediteuren"),
    "bad_debt_allowance": Name("Bad-debt allowance", "Voorziening dubieuze debiteuren"),
    "dso_open": Name("DSO of the open invoices (days)", "Debiteurendagen van de open facturen (DSO)"),
    "dpo_open": Name("DPO of the open invoices (days)", "Crediteurendagen van de open facturen (DPO)"),
    "ccc_open": Name("Cash conversion cycle of the open invoices (days)",
                     "Kasconversiecyclus van de open facturen (CCC, dagen)"),
    # trigger rules (xlcapital.forecast.triggers.RULES)
    "cash_buffer": Name("Cash buffer", "Kasbuffer"),
    "dso_trend": Name("DSO trend", "Trend debiteurendagen"),
    "revenue_drop": Name("Revenue drop", "Omzetdaling"),
    "solvency": Name("Solvency (equity / total assets)", "Solvabiliteit (eigen vermogen / totaal vermogen)"),
    "dscr": Name("Debt-service coverage (DSCR)", "Dekking rente en aflossing (DSCR)"),
    # stress tests (xlcapital.forecast.scenarios.STRESS_TESTS): the English name is the code (what
    # ``--scenario`` and the JSON take), the Dutch one what the Dutch workbook's Scenarios sheet shows
    **{en: Name(en, nl) for en, nl in (
        ("revenue -10%", "omzet -10%"),
        ("revenue -20%", "omzet -20%"),
        ("revenue -30%", "omzet -30%"),
        ("customers +15 days", "klanten +15 dagen"),
        ("customers +30 days", "klanten +30 dagen"),
        ("interest +2 points", "rente +2 procentpunt"),
        ("largest customer +30 days", "grootste klant +30 dagen"),
        ("largest customer defaults", "grootste klant betaalt niet"),
    )},
}


def display_name(code: str, lang: str = "en") -> str:
    """The readable name of ``code`` in ``lang`` ("en" or "nl"); an unknown code is itself (so a
    new ratio shows up, and the test that checks coverage names it)."""
    name = NAMES.get(code)
    if name is None:
        return code
    return name.nl if lang == "nl" else name.en
