"""The VBA project writer: olefile and olevba read it back, LibreOffice opens it and runs a function."""

from __future__ import annotations

import io
import struct

import olefile
import openpyxl
import pytest
import xlsxwriter
from oletools.olevba import VBA_Parser

from tests.libreoffice import MacroRunner
from xlcapital.errors import InputError
from xlcapital.workbook.vba import VbaModule, build_vba_project, document_modules, module_source
from xlcapital.workbook.vba.cfb import write_compound_file
from xlcapital.workbook.vba.project import decrypt

LONG_MODULE = "\n".join(
    f"Function Step{i}(ByVal x As Double) As Double\n    ' stap {i}: é ü € \n    Step{i} = x + {i}\nEnd Function"
    for i in range(400)
)  # about 40 KB of source: ten compression chunks

TRIVIAL = """Option Explicit

Public Function Twice(ByVal x As Double) As Double
    Twice = 2 * x
End Function

Public Function WriteGreeting(ByVal who As String) As Long
    ThisWorkbook.Worksheets("Data").Cells(2, 1).Value = "Hallo " & who & " " & ChrW(8364)
    WriteGreeting = Len(who)
End Function
"""


def project_modules() -> list[VbaModule]:
    return document_modules("ThisWorkbook", ["Sheet1", "Sheet2"]) + [
        VbaModule("Module1", TRIVIAL),
        VbaModule("LongOne", LONG_MODULE),
    ]


def test_olefile_lists_the_streams():
    ole = olefile.OleFileIO(io.BytesIO(build_vba_project(project_modules())), raise_defects=olefile.DEFECT_INCORRECT)
    assert sorted("/".join(p) for p in ole.listdir(streams=True, storages=True)) == [
        "PROJECT",
        "PROJECTwm",
        "VBA",
        "VBA/LongOne",
        "VBA/Module1",
        "VBA/Sheet1",
        "VBA/Sheet2",
        "VBA/ThisWorkbook",
        "VBA/_VBA_PROJECT",
        "VBA/dir",
    ]
    # MS-OVBA 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (no p-code to trust), Reserved2 0x00, Reserved3 0x0003
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes([0xCC, 0x61, 0xFF, 0xFF, 0x00, 0x03, 0x00])
    assert ole.openstream("PROJECTwm").read().startswith(b"ThisWorkbook\x00T\x00h\x00i\x00s\x00")


def test_olevba_reads_every_module_back_exactly():
    modules = project_modules()
    parser = VBA_Parser("vbaProject.bin", data=build_vba_project(modules), relaxed=False)
    found = {stream: code for _, stream, _, code in parser.extract_macros()}
    assert sorted(found) == sorted(f"VBA/{m.name}" for m in modules)
    for m in modules:
        stored = module_source(m)
        assert found[f"VBA/{m.name}"] == stored.decode("cp1252")
    assert found["VBA/LongOne"].count("\r\n") == 400 * 4 + 1  # every line, CRLF, plus VB_Name
    assert "€" in found["VBA/LongOne"]
    assert parser.detect_vba_macros()


def test_document_modules_carry_their_base_class():
    workbook, sheet = document_modules("ThisWorkbook", ["Blad1"])
    # the class ids of Excel's Workbook and Worksheet objects, as Excel writes them
    assert b'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in module_source(workbook)
    assert b'Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"' in module_source(sheet)
    assert module_source(VbaModule("M", "x")) == b'Attribute VB_Name = "M"\r\nx\r\n'


def test_project_stream_declares_modules_and_no_protection():
    ole = olefile.OleFileIO(io.BytesIO(build_vba_project(project_modules())))
    text = ole.openstream("PROJECT").read().decode("cp1252")
    lines = text.split("\r\n")
    assert "Document=ThisWorkbook/&H00000000" in lines and "Document=Sheet2/&H00000000" in lines
    assert "Module=Module1" in lines and 'Name="VBAProject"' in lines
    values = {k: v.strip('"') for k, _, v in (line.partition("=") for line in lines) if k in ("CMG", "DPB", "GC")}
    # 2.3.1.15-17: protection state 0 (4 bytes), no password (one 0x00), visible (0xFF)
    assert decrypt(values["CMG"]) == bytes(4)
    assert decrypt(values["DPB"]) == b"\x00"
    assert decrypt(values["GC"]) == b"\xff"


def test_same_modules_give_the_same_bytes():
    assert build_vba_project(project_modules()) == build_vba_project(project_modules())


def test_character_outside_cp1252_is_refused_with_module_and_line():
    with pytest.raises(InputError) as e:
        build_vba_project([VbaModule("Greek", "Sub A()\n    x = \"α\"\nEnd Sub")])
    assert e.value.line == 2 and "Greek" in str(e.value) and "U+03B1" in str(e.value)


@pytest.mark.parametrize("name", ["", "1abc", "has space", "x" * 32, "Bank-Import"])
def test_bad_module_names_are_refused(name):
    with pytest.raises(InputError):
        build_vba_project([VbaModule(name, "")])


def test_duplicate_module_names_are_refused_ignoring_case():
    with pytest.raises(InputError):
        build_vba_project([VbaModule("Sheet1", kind="worksheet"), VbaModule("SHEET1")])


# --- the compound file itself --------------------------------------------------------------------


def directory_entries(data: bytes) -> list[dict]:
    """Parse the directory of a compound file written in one chain (independent of the writer)."""
    ole = olefile.OleFileIO(io.BytesIO(data))
    raw = ole._open(ole.first_dir_sector, force_FAT=True).read()
    out = []
    for i in range(0, len(raw), 128):
        name_len = struct.unpack_from("<H", raw, i + 64)[0]
        kind, color = raw[i + 66], raw[i + 67]
        left, right, child = struct.unpack_from("<III", raw, i + 68)
        out.append(dict(name=raw[i : i + max(name_len - 2, 0)].decode("utf-16-le"), kind=kind, color=color,
                        left=left, right=right, child=child))
    return out


def test_sibling_trees_are_valid_red_black_search_trees():
    names = {f"S{i:0{1 + i % 3}d}": bytes([i]) * (i * 97) for i in range(23)}
    data = write_compound_file({**names, "Stor/A": b"a", "Stor/BB": b"b", "Stor/c": b"c"})
    entries = directory_entries(data)
    none = 0xFFFFFFFF

    def key(e):  # MS-CFB 2.6.4: shorter names first, then upper-cased code points
        return (len(e["name"]), e["name"].upper())

    def check(node_id: int) -> int:
        """Black height of the subtree; asserts the ordering and the colour rules on the way."""
        if node_id == none:
            return 1
        e = entries[node_id]
        for side, cmp in (("left", -1), ("right", 1)):
            if e[side] != none:
                other = entries[e[side]]
                assert (key(other) > key(e)) - (key(other) < key(e)) == cmp
                assert not (e["color"] == 0 and other["color"] == 0), "two red nodes in a row"
        lh, rh = check(e["left"]), check(e["right"])
        assert lh == rh, "paths with different numbers of black nodes"
        return lh + (e["color"] == 1)

    def members(node_id):
        if node_id == none:
            return []
        e = entries[node_id]
        return members(e["left"]) + [e["name"]] + members(e["right"])

    root = entries[0]
    assert root["name"] == "Root Entry" and root["kind"] == 5
    assert entries[root["child"]]["color"] == 1  # the top of every sibling tree is black
    check(root["child"])
    in_order = members(root["child"])
    assert sorted(in_order, key=lambda n: (len(n), n.upper())) == in_order and len(in_order) == 24
    storage = next(e for e in entries if e["name"] == "Stor")
    check(storage["child"])
    assert sorted(members(storage["child"])) == ["A", "BB", "c"]
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    for name, content in names.items():
        assert ole.openstream(name).read() == content  # mini stream and regular sectors alike


# --- LibreOffice --------------------------------------------------------------------------------


def write_xlsm(path, modules, sheet_codenames):
    wb = xlsxwriter.Workbook(str(path))
    sheets = [wb.add_worksheet(name) for name in ("Data", "Other")]
    sheets[0].write_number(0, 0, 41)
    wb.add_vba_project(io.BytesIO(build_vba_project(modules)), is_stream=True)
    wb.set_vba_name("ThisWorkbook")
    for ws, code in zip(sheets, sheet_codenames):
        ws.set_vba_name(code)
    wb.close()


@pytest.mark.libreoffice
def test_libreoffice_opens_the_project_and_runs_functions(soffice, tmp_path):
    path = tmp_path / "trivial.xlsm"
    write_xlsm(path, project_modules(), ["Sheet1", "Sheet2"])
    out = tmp_path / "after.xlsx"
    with MacroRunner(soffice, tmp_path / "profile") as lo:
        results = lo.run(path, [("Module1.Twice", [21.25]), ("Module1.WriteGreeting", ["Anna"]),
                                ("LongOne.Step399", [1.5])], store=out)
    # 2 x 21.25 = 42.5; Len("Anna") = 4; Step399(1.5) = 1.5 + 399 = 400.5 (the last of 40 KB of source compiled)
    assert results == [{"value": 42.5}, {"value": 4}, {"value": 400.5}]
    assert openpyxl.load_workbook(out)["Data"]["A2"].value == "Hallo Anna €"


def test_project_version_is_excel_like():
    """PROJECTVERSION as EPPlus writes it for a new project (major 1361024421, minor 6), not 1.0: every file
    Excel writes carries a large major (xlwings' quickstart.xlsm, saved by Excel: 1761730623.2)."""
    ole = olefile.OleFileIO(io.BytesIO(build_vba_project(project_modules())))
    from oletools.olevba import decompress_stream

    dir_stream = decompress_stream(bytearray(ole.openstream("VBA/dir").read()))
    at = dir_stream.find(b"\x09\x00\x04\x00\x00\x00")  # Id 0x0009, Reserved 4 (MS-OVBA 2.3.4.2.1.11)
    assert at > 0 and dir_stream.find(b"\x09\x00\x04\x00\x00\x00", at + 1) == -1
    assert struct.unpack_from("<IH", dir_stream, at + 6) == (1361024421, 6)
    assert dir_stream[at + 12: at + 14] == b"\x0c\x00"  # PROJECTCONSTANTS follows
