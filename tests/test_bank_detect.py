"""Which bank an account belongs to, and the warning for an IBAN whose check digits are wrong.

Check digits here are worked out by hand with ISO 7064 mod 97-10 (move the first four characters to
the end, letters as 10..35, the number mod 97 must be 1): for ``RABO0987654321`` the digits that
make it 1 are 93, so NL93RABO0987654321 is valid and NL50RABO0987654321 is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from xlcapital.bank import read_bytes
from xlcapital.bank.detect import bank_from_account, check_digits_wrong, iban_bank_code


def mod97(account: str) -> int:
    moved = account[4:] + account[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def test_the_examples_check_digits_worked_out():
    assert mod97("NL93RABO0987654321") == 1 and mod97("NL50RABO0987654321") != 1
    assert mod97("NL91ABNA0417164300") == 1 and mod97("DE89370400440532013000") == 1


@pytest.mark.parametrize(
    "account, bank, wrong",
    [
        ("NL93RABO0987654321", "rabobank", False),
        ("NL50RABO0987654321", "rabobank", True),  # wrong check digits: the letters RABO still name it
        ("NL50RABO 0987 6543 21", "rabobank", True),  # spaces as people write it
        ("NL50XXXX0987654321", None, True),  # letters of no bank xlcapital knows
        ("NL91ABNA0417164300", "abnamro", False),
        ("DE89370400440532013000", "37040044", False),  # a foreign IBAN: its own bank code
        ("DE00370400440532013000", None, True),  # a foreign IBAN with wrong check digits: no guess
        ("NL50RABO012345678", None, False),  # one digit short: not an IBAN at all
        ("123456789", None, False),
        ("", None, False),
        (None, None, False),
    ],
)
def test_bank_and_check_digits(account, bank, wrong):
    assert bank_from_account(account) == bank
    assert check_digits_wrong(account) is wrong


def test_iban_bank_code():
    assert iban_bank_code("NL50rabo0987654321") == "RABO"  # check digits not looked at
    assert iban_bank_code("P004500018") == iban_bank_code("NL50RABO") == ""


def test_reader_keeps_the_bank_and_warns_once_per_statement():
    data = (DATA / "bank" / "mt940_rabobank_structured.sta").read_bytes()
    assert data.count(b"NL93RABO0987654321") == 2
    s1, s2 = read_bytes(data.replace(b"NL93RABO0987654321", b"NL50RABO0987654321"), "rabo.sta")
    assert s1.bank == s2.bank == "rabobank"
    assert s1.reconciles and s2.reconciles  # so the one warning is about the account
    for s in (s1, s2):
        [warning] = s.warnings
        assert warning.startswith("rabo.sta: account NL50RABO0987654321: the IBAN's check digits are wrong")
    # the valid account: no warning
    assert not any(s.warnings for s in read_bytes(data, "rabo.sta"))


def test_csv_account_with_wrong_check_digits_is_warned_about():
    data = (DATA / "bank" / "triodos.csv").read_bytes()
    assert b"NL70TRIO0123456789" in data and mod97("NL70TRIO0123456789") == 1
    [s] = read_bytes(data.replace(b"NL70TRIO0123456789", b"NL71TRIO0123456789"), "triodos.csv")
    assert s.bank == "triodos" and s.reconciles
    assert len(s.warnings) == 1 and "NL71TRIO0123456789: the IBAN's check digits are wrong" in s.warnings[0]


def test_preset_bank_codes_come_from_the_one_table():
    """Issue 14: each IBAN bank code is declared once (detect.BANK_CODES); a preset's codes are
    those of the banks it serves, by name."""
    from xlcapital.bank.detect import BANK_CODES
    from xlcapital.bank.presets import PRESETS

    served = {name: {BANK_CODES[c] for c in p.bank_codes} for name, p in PRESETS.items() if p.bank_codes}
    assert served["asn"] == {"asn", "sns", "regiobank"}  # the Volksbank layout
    assert served["ing"] == served["ing_semicolon"] == {"ing"} and served["triodos"] == {"triodos"}
    assert PRESETS["rabobank_old"].bank_codes == ("RABO",) and PRESETS["knab"].bank_codes == ("KNAB",)
    source = (Path(__file__).resolve().parents[1] / "xlcapital" / "bank" / "presets.py").read_text()
    assert not any(f'"{code}"' in source for code in BANK_CODES)  # no code written twice
