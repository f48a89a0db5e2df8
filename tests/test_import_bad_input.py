"""Bad and messy auditfiles: one clear line (file, line, element) and exit 2, or a warning naming the line."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal as D

import pytest

from xlcapital import imports
from xlcapital.cli import main
from xlcapital.errors import InputError
from tests.test_import_xaf import build_xaf, write_xaf


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(["import", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def one_error_line(err: str) -> str:
    lines = [l for l in err.splitlines() if l.startswith("xlcapital: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_another_version_is_one_line_naming_file_line_and_element(tmp_path, capsys):
    path = tmp_path / "old.xaf"
    path.write_text(build_xaf("3.2").replace("XAF/3.2", "XAF/3.0"), encoding="utf-8")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    line = one_error_line(err)
    assert code == 2 and f"{path}:2: auditfile: an auditfile of version 3.0 is not read" in line
    assert not (tmp_path / "out").exists()


def test_not_an_auditfile(tmp_path, capsys):
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022"/>', encoding="utf-8")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "not an XAF auditfile: the root element is <Document>" in one_error_line(err)


def test_a_damaged_file_names_the_line_and_the_open_element(tmp_path, capsys):
    text = write_xaf(tmp_path, "3.2").read_text(encoding="utf-8")
    cut = text.index("<trLine>", len(text) // 2) + 20
    damaged = tmp_path / "damaged.xaf"
    damaged.write_text(text[:cut], encoding="utf-8")
    code, _, err = run_cli(capsys, damaged, "-o", tmp_path / "out")
    line = one_error_line(err)
    expected_line = text[:cut].count("\n") + 1
    assert code == 2 and f"{damaged}:{expected_line}: " in line and "trLine" in line and "damaged" in line


def test_a_bad_amount_names_line_and_element(tmp_path):
    text = write_xaf(tmp_path, "3.2").read_text(encoding="utf-8")
    at = text.index("<amnt>1210.00</amnt>", text.index("<journal>"))
    path = tmp_path / "bad.xaf"
    path.write_text(text[:at] + "<amnt>1.210,00</amnt>" + text[at + len("<amnt>1210.00</amnt>"):], encoding="utf-8")
    with pytest.raises(InputError) as info:
        imports.read(path)
    assert info.value.line == text[:at].count("\n") + 1 and info.value.field == "trLine/amnt"
    assert "not an amount: '1.210,00'" in str(info.value)


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE auditfile [<!ENTITY boom "boom">]>',
    '<!DOCTYPE auditfile [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
])
def test_entities_are_refused(tmp_path, capsys, doctype):
    text = build_xaf("3.2").replace("<companyName>Bakkerij Proef B.V.", "<companyName>&boom;&ext;")
    path = tmp_path / "evil.xaf"
    path.write_text(text.replace("?>\n", "?>\n" + doctype + "\n", 1), encoding="utf-8")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "refused" in one_error_line(err)


def test_a_zip_bomb_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.xaf", b'<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">' + b" " * 5_000_000)
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "refused: unpacks to 5,000,0" in one_error_line(err)


def test_a_zip_with_two_auditfiles_is_refused(tmp_path, capsys):
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.xaf", build_xaf("3.2"))
        z.writestr("b.xaf", build_xaf("3.2"))
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "must hold one .xaf or .xml auditfile; it holds a.xaf, b.xaf" in one_error_line(err)


def test_declared_utf8_that_is_windows_1252_is_read_with_a_warning(tmp_path):
    path = write_xaf(tmp_path, "3.2", codec="cp1252")
    first_bad = next(n for n, l in enumerate(path.read_bytes().split(b"\n"), 1) if b"\xe9" in l)
    ledger = imports.read(path)
    assert ledger.relations["C1"].name == "Café De Gouden Leeuw"
    assert ledger.warnings[0] == f"{path}:{first_bad}: declared UTF-8 but is not: read as windows-1252"


def test_a_miscounted_linescount_is_read_with_a_warning(tmp_path):
    path = write_xaf(tmp_path, "3.2", lines_count=99)
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, l in enumerate(text, 1) if l == "<linesCount>99</linesCount>")
    result = imports.build(imports.read(path))
    assert f"{path}:{line}: transactions/linesCount says 99 but the file has 35 trLine: all 35 read" in result.warnings  # 9 + 6 + 12 + 2 + 6 lines
    assert result.figures.closing["receivables"] == D("4435.00")


def test_an_unbalanced_opening_balance_is_an_error(tmp_path, capsys):
    path = tmp_path / "unbalanced.xaf"
    path.write_text(build_xaf("3.2").replace("<amnt>605.00</amnt><amntTp>C</amntTp>", "<amnt>600.00</amnt><amntTp>C</amntTp>"),
                    encoding="utf-8")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "the opening balance does not balance: debit exceeds the other side by 5.00" in one_error_line(err)


def test_not_xml_at_all(tmp_path, capsys):
    path = tmp_path / "junk.xaf"
    path.write_bytes(b"\x00\x01garbage")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and f"{path}:1: " in one_error_line(err)


def test_missing_file(tmp_path, capsys):
    code, _, err = run_cli(capsys, tmp_path / "nope.xaf", "-o", tmp_path / "out")
    assert code == 2 and "file not found" in one_error_line(err)


def test_an_endless_text_is_refused(tmp_path, capsys):
    path = tmp_path / "long.xaf"
    path.write_text(build_xaf("3.2").replace("<desc>Dagboek VK</desc>", "<desc>" + "x" * 1_200_000 + "</desc>"),
                    encoding="utf-8")
    code, _, err = run_cli(capsys, path, "-o", tmp_path / "out")
    assert code == 2 and "refused: <desc> holds more than 1,000,000 characters" in one_error_line(err)


def test_a_subledger_that_miscounts_its_lines_is_read_with_a_warning(tmp_path):
    text = build_xaf("3.2")
    at = text.rindex("<sbType>CU</sbType><linesCount>2</linesCount>")
    path = tmp_path / "sub.xaf"
    path.write_text(text[:at] + "<sbType>CU</sbType><linesCount>3</linesCount>" + text[at + 45:], encoding="utf-8")
    warnings = imports.build(imports.read(path)).warnings
    assert any("subledger CU/linesCount says 3 but the file has 2 sbLine: all 2 read" in w for w in warnings)
