"""The workbook's part of cost drivers and collections (docs/forecast-model.md sections 3 and 7).

Helper columns and formula terms that :mod:`~xlcapital.workbook.model` adds to its input tables and
flow lines: the purchase behind each sale, the later parts of the collection curve, the largest
customer and its stress tests, revenue-linked Recurring rows. The engine's twins are
:mod:`xlcapital.forecast.drivers` and :mod:`xlcapital.forecast.collections`.
"""

from __future__ import annotations

from typing import Callable

from xlcapital.workbook.formulas import exact_expr
from xlcapital.workbook.settings import Setting, defined
from xlcapital.workbook.tables import Column

FIRST_DAY = defined("FirstDay")
#: the Settings of ``[sales]`` this module's formulas read (laid out from the schema by the model)
SETTING_KEYS = ("GrossMargin", "StockDays", "SupplierDays", "CollectionDays2", "CollectionShare2", "CollectionDays3",
                "CollectionShare3")


# --------------------------------------------------------------------------------------------
# Sales and SalesPlan: the purchase behind each sale, the collection curve's later parts
# --------------------------------------------------------------------------------------------

#: paid on invoice date - stock days + supplier days; empty without a gross margin or when bought
#: before the first day counted (in Payables already)
PURCHASE_DATE = Column(
    "PurchaseDate", "date",
    formula=f'=IF(OR([@Date]="",{defined("GrossMargin")}=""),"",IF([@Date]-N({defined("StockDays")})<{FIRST_DAY},"",'
            f'[@Date]-N({defined("StockDays")})+N({defined("SupplierDays")})))',
    comment="Payment date of the purchase behind this sale (before the scenario's payment delay): invoice date - "
            "stock days + supplier days (Settings); empty when bought before the first day counted.",
    name_nl="Inkoopbetaling")

#: the later parts of the collection curve: invoice date + their days (Settings)
CURVE_DATES = tuple(
    Column(f"BaseDate{k}", "date", formula=f'=IF([@Date]="","",[@Date]+N({defined(f"CollectionDays{k}")}))',
           comment=f"Cash date of the collection curve's part {k}: invoice date + its days (Settings).",
           name_nl=f"Basisdatum{k}")
    for k in (2, 3))

SALE_COLUMNS = (PURCHASE_DATE, *CURVE_DATES)

# --------------------------------------------------------------------------------------------
# Receivables: the largest customer (section 7)
# --------------------------------------------------------------------------------------------

LARGEST_CUSTOMER = Setting(
    "LargestCustomer", "Largest customer (open receivables)", "text",
    "The customer with the most open receivables (the first on a tie): the largest-customer stress tests on "
    "Scenarios.",
    formula='=IFERROR(IF(MAX(Receivables[CustomerOpen])>0,INDEX(Receivables[Customer],'
            'MATCH(MAX(Receivables[CustomerOpen]),Receivables[CustomerOpen],0)),""),"")',
    nl="Grootste klant (openstaande debiteuren)",
    comment_nl="De klant met de meeste openstaande debiteuren (de eerste bij gelijkspel): de stresstests van de "
               "grootste klant op Scenarios.")

RECEIVABLE_COLUMNS = (
    Column("CustomerOpen", "money",
           formula='=IF([@PaidDate]<>"",0,SUMIFS(Receivables[Amount],Receivables[Customer],'
                   + exact_expr("[@Customer]") + ',Receivables[PaidDate],"="))',
           comment="The open receivables of this invoice's customer together (0 when paid).", name_nl="OpenKlant"),
    Column("Largest", "integer",
           formula=f'=IF(AND([@PaidDate]="",{defined("LargestCustomer")}<>""),'
                   f'IF([@Customer]={defined("LargestCustomer")},1,0),0)',
           comment="1: an open invoice of the largest customer (Settings), the one the largest-customer stress "
                   "tests on Scenarios move or cut.", name_nl="Grootste"),
)

# --------------------------------------------------------------------------------------------
# Flow terms; ``dated(column, shift)`` gives the SUMIFS criteria "column + shift is in the period"
# --------------------------------------------------------------------------------------------

Dated = Callable[[str, str], str]


def receivables_term(p, sign: str, dated: Dated) -> str:
    """The open receivables expected in the period; in a largest-customer stress test that customer's
    invoices later still (``p.largest_delay``) and times the share paid (``p.largest_share``)."""
    received = f"SUMIFS(Receivables[Expected],{dated('Receivables[ExpectedDate]', p.collection_delay)}," \
               f"Receivables[Expected],{sign}"
    if not p.largest_delay:
        return received + ")"
    later = f"({p.collection_delay}+{p.largest_delay})"
    return (f"{received},Receivables[Largest],0)+{p.largest_share}*SUMIFS(Receivables[Expected],"
            f"{dated('Receivables[ExpectedDate]', later)},Receivables[Expected],{sign},Receivables[Largest],1)")


#: the sales plan and Sales amounts as received: ``1 + VAT rate`` when declared excluding VAT, else 1
#: (a Settings cell with [vat] on, a defined constant without; workbook/vat.py)
SALES_GROSS = defined("VatSalesGross")


def sales_term(p, growth: str, sign: str, dated: Dated) -> str:
    """``(1 + r) x gross x`` the sales collected in the period along the curve: part 1 (1 - share 2 -
    share 3) on BaseDate, parts 2 and 3 on BaseDate2 and BaseDate3."""
    s2, s3 = (f"N({defined(f'CollectionShare{k}')})" for k in (2, 3))
    parts = [f"{share}*(SUMIFS(Sales[Amount],{dated(f'Sales[{column}]', p.collection_delay)},Sales[Amount],{sign})"
             f"+SUMIFS(SalesPlan[Amount],{dated(f'SalesPlan[{column}]', p.collection_delay)},SalesPlan[Amount],{sign}))"
             for share, column in ((f"(1-{s2}-{s3})", "BaseDate"), (s2, "BaseDate2"), (s3, "BaseDate3"))]
    return f"{growth}*{SALES_GROSS}*({'+'.join(parts)})"


def purchases_term(p, growth: str, opposite: str, dated: Dated) -> str:
    """``-(1 + r) x (1 - margin) x`` the sales whose purchase is paid in the period (``opposite``: the
    sign of the sales that make a flow of this side)."""
    bought = "+".join(f"SUMIFS({t}[Amount],{dated(f'{t}[PurchaseDate]', p.payment_delay)},{t}[Amount],{opposite})"
                      for t in ("Sales", "SalesPlan"))
    return f"-{growth}*(1-N({defined('GrossMargin')}))*({bought})"


def recurring_term(column: str, by_category: str, sign: str, growth: str) -> str:
    """The Recurring rows' amounts in the period; a revenue-linked (variable) row times ``(1 + r)``."""
    return (f'SUMIFS({column},{by_category}{column},{sign},Recurring[RevenueLinked],"<>yes")'
            f'+{growth}*SUMIFS({column},{by_category}{column},{sign},Recurring[RevenueLinked],"yes")')
