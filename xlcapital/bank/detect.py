"""Which bank an account belongs to, and whether an IBAN's check digits are right.

>>> bank_from_account("NL91ABNA0417164300"), bank_from_account("NL50RABO0123456789")
('abnamro', 'rabobank')
>>> check_digits_wrong("NL91ABNA0417164300"), check_digits_wrong("NL50RABO0123456789"), check_digits_wrong("123456789")
(False, True, False)
"""

from __future__ import annotations

import functools
import re

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



def bank_codes(*banks: str) -> tuple[str, ...]:
    """The IBAN bank codes of ``banks`` (preset names), in :data:`BANK_CODES` order: what a CSV
    preset serves is derived from here, so each code is declared once.

    >>> bank_codes("asn", "sns", "regiobank"), bank_codes("ing")
    (('ASNB', 'SNSB', 'RBRB'), ('INGB',))
    """
    return tuple(code for code, bank in BANK_CODES.items() if bank in banks)


#: a Dutch IBAN: NL, two check digits, four letters of the bank, ten digits of the account
_DUTCH_IBAN = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")


def iban_bank_code(account: str) -> str:
    """Letters 5-8 of an IBAN-shaped account (the bank code of a Dutch IBAN: NLkk **BBBB** ...),
    upper case, or "" for anything else. The check digits are not looked at: this is what a CSV
    preset and the workbook's import macro (``IbanBankCode``) match layouts by.

    >>> iban_bank_code("NL50rabo0123456789"), iban_bank_code("123456789")
    ('RABO', '')
    """
    if len(account) >= 15 and account[:2].isalpha() and account[2:4].isdigit():
        return account[4:8].upper()
    return ""


@functools.lru_cache(maxsize=1024)
def _iban_problem(account: str) -> tuple[str | None, str | None]:
    """(schwifty's bank code of a valid IBAN, else None; the name of schwifty's complaint, else None).

    Cached: a file of daily statements names one account hundreds of times.
    """
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        return IBAN(account).bank_code, None
    except (SchwiftyException, ValueError) as exc:
        return None, exc.__class__.__name__


def bank_from_account(account: str | None) -> str | None:
    """The bank of an account number, or None.

    A valid IBAN gives its bank code (a Dutch one as the preset name: ``RABO`` is ``rabobank``; a
    foreign one as the code itself). A Dutch IBAN whose check digits are wrong (anonymised test
    files, a typing error) still names its bank in letters 5-8: those count when they are a bank
    xlcapital knows (:data:`BANK_CODES`); :func:`xlcapital.bank.read` warns about the check digits.
    """
    if not account:
        return None
    account = account.replace(" ", "")
    code, _ = _iban_problem(account)
    if code is not None:
        return BANK_CODES.get(code, code)
    if _DUTCH_IBAN.fullmatch(account):
        return BANK_CODES.get(iban_bank_code(account))
    return None


def check_digits_wrong(account: str | None) -> bool:
    """Whether ``account`` is an IBAN in every respect but its check digits (ISO 7064 mod 97-10)."""
    if not account:
        return False
    return _iban_problem(account.replace(" ", ""))[1] == "InvalidChecksumDigits"
