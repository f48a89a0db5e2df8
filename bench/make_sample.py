"""Write the forecast files of a synthetic company: the bundled sample, or larger ones for the benchmark.

    python bench/make_sample.py OUT_FOLDER            # the sample company's forecast files (deterministic)
    python bench/make_sample.py OUT_FOLDER --weeks 26 --scale 1.0

The company is a Dutch installation-technology wholesaler (the one of xlcapital/data/sample/
company.toml: revenue about 2.5 million a year, 18 staff). Its bank export (ING, the semicolon
CSV with running balance) covers the 26 weeks before the forecast starts and ends on the closing
cash of company.toml; the open receivables and payables add up to its closing balance sheet.
Every figure comes from a seeded random generator: running the script again gives the same files.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from schwifty import IBAN

CENT = Decimal("0.01")
ACCOUNT = "NL67INGB0006543210"
COMPANY = "Van der Berg Installatietechniek B.V."
HOLIDAYS = {date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)}
#: the sample's balance sheet on 31 December 2024 (xlcapital/data/sample/company.toml)
CLOSING_CASH = Decimal("87725.84")
OPEN_RECEIVABLES = Decimal("338415.60")
OPEN_PAYABLES = Decimal("205960.30")
SEASONALITY = ("0.80", "0.90", "1.05", "1.05", "1.05", "1.00", "0.85", "0.80", "1.10", "1.15", "1.10", "0.95")


@dataclass
class Party:
    name: str
    iban: str
    terms: int = 30
    delay: int = 0
    weight: float = 1.0


CUSTOMERS = [
    # name, payment terms (days), habitual delay after the due date, share of invoices
    ("Installatiebedrijf De Vries B.V.", 30, 5, 3.0),
    ("Klimaattechniek Noord B.V.", 30, 12, 2.0),
    ("Van Dijk Loodgieters", 14, 2, 1.5),
    ("Bouwbedrijf Hendriks & Zn.", 30, 25, 2.0),
    ("Warmtepomp Centrale Utrecht", 30, 8, 2.5),
    ("Woonstichting Eemland", 60, 28, 1.0),
    ("Elektro Bakker V.O.F.", 30, 0, 1.0),
    ("Duurzaam Wonen Installaties", 30, 18, 1.5),
    ("Jansen Verwarming", 14, 4, 1.2),
    ("Sanitair Service Brabant", 30, 10, 1.3),
    ("Technisch Bureau Smit", 30, -2, 1.0),
    ("Veenstra Installatiegroep", 45, 15, 2.0),
]
SUPPLIERS = [
    ("Wavin Nederland B.V.", 3.0),
    ("Nefit Bosch Thermotechniek", 3.5),
    ("Grohe Nederland B.V.", 1.5),
    ("Daikin Airconditioning Netherlands", 2.5),
    ("Geberit B.V.", 1.5),
    ("Remeha B.V.", 2.5),
    ("Vaillant Group Netherlands", 2.0),
    ("Itho Daalderop", 1.0),
]


def money(x: float | Decimal) -> Decimal:
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_UP)


def business_day(d: date) -> date:
    while d.weekday() >= 5 or d in HOLIDAYS:
        d += timedelta(days=1)
    return d


def iban(rng: random.Random, bank: str) -> str:
    return str(IBAN.generate("NL", bank_code=bank, account_code=f"{rng.randrange(10**9, 10**10):010d}"))


def nl_amount(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


class Company:
    """The synthetic company: history up to ``end`` (inclusive), forecast from the Monday after."""

    def __init__(self, end: date = date(2024, 12, 31), weeks: int = 26, scale: float = 1.0, seed: int = 20241231,
                 card_payments_per_day: int = 1):  # fmt: skip
        self.rng = random.Random(seed)
        self.card_payments_per_day = card_payments_per_day
        self.end = end
        first = end - timedelta(days=7 * weeks - 1)
        self.first = first - timedelta(days=first.weekday())  # from a Monday
        self.scale = scale
        banks = ("RABO", "INGB", "ABNA", "KNAB", "TRIO")
        self.customers = [Party(n, iban(self.rng, self.rng.choice(banks)), t, d, w) for n, t, d, w in CUSTOMERS]
        self.suppliers = [Party(n, iban(self.rng, self.rng.choice(banks)), weight=w) for n, w in SUPPLIERS]
        self.tx: list[tuple[date, str, str, str, str, Decimal, str, str]] = []  # date, name, iban, code, kind, amount, sort, text
        self.invoices: list[dict] = []

    # --- bank transactions -------------------------------------------------------------
    def book(self, d: date, name: str, counter_iban: str, code: str, kind: str, amount: Decimal, text: str) -> None:
        if self.first <= d <= self.end and amount:
            self.tx.append((d, name, counter_iban, code, kind, amount, text))

    def sales_invoices(self) -> None:
        """Weekly invoicing (Fridays) from 6 weeks before the history, so early receipts exist too."""
        rng = self.rng
        weights = [c.weight for c in self.customers]
        number = 412
        day = self.first - timedelta(days=42)
        day += timedelta(days=(4 - day.weekday()) % 7)
        while day <= self.end:
            season = float(SEASONALITY[day.month - 1])
            for customer in rng.choices(self.customers, weights, k=rng.randint(4, 6)):
                amount = money(rng.lognormvariate(8.9, 0.55) * season * self.scale)
                due = day + timedelta(days=customer.terms)
                paid = business_day(due + timedelta(days=customer.delay + rng.randint(-3, 3)))
                inv = f"VF{day:%y}-{number:04d}"
                number += 1
                self.invoices.append(dict(customer=customer, invoice=inv, date=day, due=due, amount=amount, paid=paid))
                text = rng.choice(("Factuur {}", "Betaling factuur {}", "{} materialen", "Fact. {} project"))
                self.book(paid, customer.name, customer.iban, "OV", "Overschrijving", amount,
                          f"Naam: {customer.name} Omschrijving: {text.format(inv)} IBAN: {customer.iban}")  # fmt: skip
            day += timedelta(days=7)

    def supplier_payments(self) -> None:
        rng = self.rng
        weights = [s.weight for s in self.suppliers]
        d = self.first
        while d <= self.end:
            if d.weekday() in (1, 3) and d not in HOLIDAYS:
                season = float(SEASONALITY[d.month - 1])
                for supplier in rng.choices(self.suppliers, weights, k=rng.randint(2, 3)):
                    amount = -money(rng.uniform(3500, 8200) * season * self.scale)
                    ref = f"{rng.randrange(10**7, 10**8)}"
                    self.book(d, supplier.name, supplier.iban, "GT", "Online bankieren", amount,
                              f"Naam: {supplier.name} Omschrijving: Inkoopfactuur {ref} IBAN: {supplier.iban}")  # fmt: skip
            d += timedelta(days=1)

    def fixed_costs(self) -> None:
        rng = self.rng
        s = self.scale
        tax = "NL86INGB0002445588"
        landlord = ("Vastgoed Nieuwegein B.V.", iban(rng, "RABO"))
        lease = ("LeasePlan Nederland N.V.", iban(rng, "ABNA"))
        lender = ("ING Zakelijke Financiering", iban(rng, "INGB"))
        month = date(self.first.year, self.first.month, 1)
        while month <= self.end:
            nxt = (month + timedelta(days=32)).replace(day=1)
            label = f"{month:%m-%Y}"
            self.book(business_day(month), *landlord, "GT", "Online bankieren", -money(6250 * s),
                      f"Naam: {landlord[0]} Omschrijving: Huur bedrijfspand {label} IBAN: {landlord[1]}")  # fmt: skip
            self.book(business_day(month.replace(day=5)), *lease, "IC", "Incasso", -money(3180 * s),
                      f"Naam: {lease[0]} Omschrijving: Leasetermijn bestelwagens {label} IBAN: {lease[1]}")  # fmt: skip
            self.book(business_day(month.replace(day=23)), COMPANY, ACCOUNT, "VZ", "Verzamelbetaling",
                      -money(rng.uniform(27100, 27700) * s), f"Omschrijving: Salarissen {label} aantal posten 18")  # fmt: skip
            self.book(business_day(nxt - timedelta(days=3)), "Belastingdienst", tax, "GT", "Online bankieren",
                      -money(rng.uniform(13700, 14100) * s), f"Naam: Belastingdienst Omschrijving: Loonheffingen {label} IBAN: {tax}")  # fmt: skip
            self.book(business_day(month.replace(day=28)), "Belastingdienst", tax, "IC", "Incasso", -money(1400 * s),
                      f"Naam: Belastingdienst Omschrijving: Voorlopige aanslag VPB {month:%Y} IBAN: {tax}")  # fmt: skip
            for day, name, amount, what in ((2, "Exact Online", 189, "Abonnement"), (15, "KPN B.V.", 312.40, "Zakelijk mobiel"),
                                            (20, "Eneco Zakelijk", 1480, "Energie"), (3, "Microsoft Ireland", 245.70, "Microsoft 365")):
                self.book(business_day(month.replace(day=day)), name, iban(rng, "ABNA"), "IC", "Incasso", -money(amount * s),
                          f"Naam: {name} Omschrijving: {what} {label}")  # fmt: skip
            self.book(business_day(month.replace(day=1)), "ING Bank N.V.", "", "DV", "Diversen", -money(rng.uniform(52, 74)),
                      f"Kosten Zakelijk Betalen Pakket {label}")  # fmt: skip
            if month.month in (3, 6, 9, 12):
                last = nxt - timedelta(days=1)
                self.book(business_day(last - timedelta(days=1)), *lender, "IC", "Incasso", -money(10000 * s),
                          f"Naam: {lender[0]} Omschrijving: Aflossing lening 67.43.210 IBAN: {lender[1]}")  # fmt: skip
                self.book(business_day(last - timedelta(days=1)), *lender, "IC", "Incasso", -money(3900 * s),
                          f"Naam: {lender[0]} Omschrijving: Rente lening 67.43.210 IBAN: {lender[1]}")  # fmt: skip
            if month.month in (1, 4, 7, 10):
                self.book(business_day(month.replace(day=29)), "Belastingdienst", tax, "GT", "Online bankieren",
                          -money(rng.uniform(36000, 44000) * s), f"Naam: Belastingdienst Omschrijving: Omzetbelasting kwartaal IBAN: {tax}")  # fmt: skip
            month = nxt

    def small_flows(self) -> None:
        rng = self.rng
        s = self.scale
        mollie, shell, gamma = iban(rng, "ABNA"), iban(rng, "INGB"), iban(rng, "RABO")
        d = self.first
        while d <= self.end:
            if d.weekday() < 5 and d not in HOLIDAYS:
                k = self.card_payments_per_day
                for _ in range(k):
                    self.book(d, "Stichting Mollie Payments", mollie, "OV", "Overschrijving", money(rng.uniform(280, 660) * s / k),
                              f"Naam: Stichting Mollie Payments Omschrijving: Uitbetaling Mollie webshop {d:%d-%m} IBAN: {mollie}")  # fmt: skip
                if rng.random() < 0.45:
                    shop = rng.choice(("GAMMA Nieuwegein", "HORNBACH Utrecht", "Bol.com B.V."))
                    self.book(d, shop, gamma if shop.startswith("Bol") else "", "BA", "Betaalautomaat",
                              -money(rng.uniform(60, 260) * s), f"Pasvolgnr: 002 {d:%d-%m-%Y} 11:42 Transactie: 7H3K2 Term: 4H81")  # fmt: skip
            if d.weekday() == 0:
                self.book(d, "Shell Nederland Verkoopmij", shell, "IC", "Incasso", -money(rng.uniform(420, 620) * s),
                          f"Naam: Shell Nederland Verkoopmij Omschrijving: Shell Card week {d:%V} IBAN: {shell}")  # fmt: skip
                self.book(d, "Travelcard Nederland B.V.", shell, "IC", "Incasso", -money(rng.uniform(90, 180) * s),
                          f"Naam: Travelcard Nederland B.V. Omschrijving: Tankpassen week {d:%V} IBAN: {shell}")  # fmt: skip
            d += timedelta(days=1)

    def build(self) -> None:
        self.sales_invoices()
        self.supplier_payments()
        self.fixed_costs()
        self.small_flows()
        self.tx.sort(key=lambda t: (t[0], -t[5]))

    # --- files ---------------------------------------------------------------------------
    def bank_csv(self, closing: Decimal) -> str:
        """The ING export (semicolon, newest first) whose last running balance is ``closing``."""
        balance = closing - sum(t[5] for t in self.tx)
        rows = []
        for d, name, counter, code, kind, amount, text in self.tx:
            balance += amount
            value = f"Valutadatum: {d:%d-%m-%Y}"
            rows.append(";".join(f'"{c}"' for c in (
                f"{d:%Y%m%d}", name, ACCOUNT, counter, code, "Bij" if amount > 0 else "Af", nl_amount(abs(amount)), kind,
                f"{text} {value}", nl_amount(balance), "")))  # fmt: skip
        header = ";".join(f'"{h}"' for h in ("Datum", "Naam / Omschrijving", "Rekening", "Tegenrekening", "Code", "Af Bij",
                                              "Bedrag (EUR)", "Mutatiesoort", "Mededelingen", "Saldo na mutatie", "Tag"))  # fmt: skip
        return "\r\n".join([header, *reversed(rows)]) + "\r\n"

    def receivables_csv(self, open_total: Decimal | None) -> str:
        """Sales invoices from the start of the history: paid ones (matched by the bank) and open ones."""
        inv = [i for i in self.invoices if i["date"] >= self.first]
        open_ = [i for i in inv if i["paid"] > self.end]
        if open_total is not None and open_:
            open_[-1]["amount"] += open_total - sum(i["amount"] for i in open_)
            assert open_[-1]["amount"] > 0
        lines = ["customer,invoice,invoice_date,due_date,amount,paid_date"]
        for i in inv:
            lines.append(f'"{i["customer"].name}",{i["invoice"]},{i["date"]},{i["due"]},{i["amount"]},')
        return "\n".join(lines) + "\n"

    def payables_csv(self, open_total: Decimal | None) -> str:
        rng = self.rng
        weights = [s.weight for s in self.suppliers]
        rows = []
        d = self.end - timedelta(days=48)
        while d <= self.end:
            if d.weekday() < 5 and d not in HOLIDAYS:
                for supplier in rng.choices(self.suppliers, weights, k=rng.randint(0, 2)):
                    terms = rng.choice((30, 45, 60))
                    rows.append([supplier.name, f"{rng.randrange(10**7, 10**8)}", d + timedelta(days=terms),
                                 money(rng.uniform(1500, 9500) * float(SEASONALITY[d.month - 1]) * self.scale)])  # fmt: skip
            d += timedelta(days=1)
        if open_total is not None:
            rows[-1][3] += open_total - sum(r[3] for r in rows)
            assert rows[-1][3] > 0
        rows.sort(key=lambda r: r[2])
        return "supplier,invoice,due_date,amount\n" + "".join(f'"{a}",{b},{c},{e}\n' for a, b, c, e in rows)

    def history(self) -> tuple[list[str], list[Decimal]]:
        """Invoiced revenue per calendar month of the history."""
        months: dict[str, Decimal] = {}
        for i in self.invoices:
            if i["date"] >= self.first.replace(day=1) and i["date"] >= self.first:
                key = f"{i['date']:%Y-%m}"
                months[key] = months.get(key, Decimal(0)) + i["amount"]
        return list(months), list(months.values())


def write_sample(out: Path, weeks: int = 26, scale: float = 1.0, seed: int = 20241231, exact: bool = True,
                 card_payments_per_day: int = 1) -> Company:  # fmt: skip
    """Write bank/<export>.csv, receivables.csv and payables.csv of the synthetic company into ``out``.

    ``exact``: make the closing cash and the open items equal the sample company.toml's balance sheet.
    """
    company = Company(weeks=weeks, scale=scale, seed=seed, card_payments_per_day=card_payments_per_day)
    company.build()
    (out / "bank").mkdir(parents=True, exist_ok=True)
    closing = CLOSING_CASH if exact else money(CLOSING_CASH * Decimal(str(scale)))
    (out / "bank" / f"{ACCOUNT}_{company.first:%d-%m-%Y}_{company.end:%d-%m-%Y}.csv").write_text(
        company.bank_csv(closing), encoding="utf-8", newline=""
    )
    (out / "receivables.csv").write_text(company.receivables_csv(OPEN_RECEIVABLES if exact else None), encoding="utf-8")
    (out / "payables.csv").write_text(company.payables_csv(OPEN_PAYABLES if exact else None), encoding="utf-8")
    return company


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--weeks", type=int, default=26)
    args = parser.parse_args()
    company = write_sample(args.out, args.weeks)
    months, revenue = company.history()
    print(f"{len(company.tx)} bank transactions, {len(company.invoices)} invoices")
    print("history months", months)
    print("history revenue", [str(r) for r in revenue])


if __name__ == "__main__":
    main()
