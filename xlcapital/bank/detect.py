"""Which bank an account or a file belongs to (owned by the bank-import work; see issue 3)."""

from __future__ import annotations


def bank_from_account(account: str | None) -> str | None:
    """The bank of an account number: from the IBAN's bank code where it is an IBAN, else None."""
    if not account:
        return None
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        iban = IBAN(account.replace(" ", ""))
    except (SchwiftyException, ValueError):
        return None
    return BANK_CODES.get(iban.bank_code, iban.bank_code)


#: Dutch IBAN bank codes -> the preset names xlcapital uses
BANK_CODES = {
    "INGB": "ing",
    "RABO": "rabobank",
    "ABNA": "abnamro",
    "BUNQ": "bunq",
    "KNAB": "knab",
    "ASNB": "asn",
    "SNSB": "sns",
    "RBRB": "regiobank",
    "TRIO": "triodos",
    "FVLB": "vanlanschot",
}
