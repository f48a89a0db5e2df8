"""xlcapital/bank/detect.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). The IBANs' check digits are worked out with ISO 7064 mod 97-10 in the test."""

from __future__ import annotations

import pytest

from xlcapital.bank.detect import BANK_CODES, bank_codes, bank_from_account, check_digits_wrong, iban_bank_code


def mod97(account: str) -> int:
    moved = account[4:] + account[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def test_bank_codes_in_table_order_whatever_the_order_asked():
    assert bank_codes("regiobank", "asn") == ("ASNB", "RBRB")
    assert bank_codes() == () and bank_codes("nobank") == ()
    assert bank_codes(*BANK_CODES.values()) == tuple(BANK_CODES)


@pytest.mark.parametrize("account, code", [
    ("NO9386011117947", "8601"),   # a Norwegian IBAN: 15 characters, the shortest: letters 5-8
    ("NO938601111794", ""),        # 14: too short
    ("NL50rabo0987654321", "RABO"),
    ("N150RABO0987654321", ""),    # the country is not two letters
    ("NLX0RABO0987654321", ""),    # the check digits are not two digits
    ("NL5XRABO0987654321", ""),
    ("1250RABO0987654321", ""),
])
def test_iban_bank_code_needs_the_shape_of_an_iban(account, code):
    assert iban_bank_code(account) == code


def test_the_examples_check_digits():
    assert mod97("NL91ABNA0417164300") == 1 and mod97("NL02ABNA0123456789") == 1
    assert mod97("NL90ABNA0417164300") != 1 and mod97("NL00ABNA0123456789") != 1


def test_bank_from_account_of_every_known_dutch_bank_with_wrong_check_digits():
    # NL00 is never right (check digits run from 02 to 98): the letters alone name the bank
    for code, bank in BANK_CODES.items():
        assert bank_from_account(f"NL00{code}0123456789") == bank


def test_a_valid_iban_written_with_spaces_names_its_bank():
    assert bank_from_account("NL91 ABNA 0417 1643 00") == "abnamro"
    assert bank_from_account("NL02 ABNA 0123 4567 89") == "abnamro"
    assert check_digits_wrong("NL91 ABNA 0417 1643 00") is False
    assert check_digits_wrong("NL90 ABNA 0417 1643 00") is True


def test_a_dutch_shape_with_an_unknown_bank_or_a_wrong_shape_names_none():
    assert bank_from_account("NL00ZZZZ0123456789") is None  # letters of no bank
    assert bank_from_account("NL00ABNA012345678") is None  # nine digits
    assert bank_from_account("NL0ABNA01234567890") is None


def test_only_a_wrong_check_sum_is_a_wrong_check_digit():
    assert check_digits_wrong("NL00ABNA0123456789") is True
    assert check_digits_wrong("NL02ABNA012345678") is False  # too short: not an IBAN at all
    assert check_digits_wrong("XX02ABNA0123456789") is False  # no such country
    assert check_digits_wrong("") is False and check_digits_wrong(None) is False
