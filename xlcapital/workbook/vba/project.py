"""A VBA project (``vbaProject.bin``) from module source text, as MS-OVBA 2.3 lays it out.

The compound file holds::

    PROJECT            text: the project's properties and its modules (2.3.1)
    PROJECTwm          module names in the code page and in UTF-16 (2.3.3)
    VBA/_VBA_PROJECT   CC 61 FF FF 00 03 00: version 0xFFFF, no p-code, so the host
                       compiles the project from source when it opens it (2.3.4.1)
    VBA/dir            compressed records: project information, references, modules (2.3.4.2)
    VBA/<module>       each module's source, compressed (2.3.4.3; no performance cache)

Source is encoded in the project's code page, Windows-1252, with CRLF line ends; a character
outside it is refused with an InputError naming the module and the line. Everything is
deterministic (the project id is derived from the module names, the obfuscation seeds from the
id), so the same modules always give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from dataclasses import dataclass
from typing import Iterable, Literal

from xlcapital.errors import InputError
from xlcapital.workbook.vba.cfb import write_compound_file
from xlcapital.workbook.vba.compression import compress

CODE_PAGE = 1252
ENCODING = "cp1252"
LCID_EN_US = 0x0409
#: the one reference besides the built-in VBA and Excel libraries that every Excel project has
STDOLE_LIBID = r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation"
#: the class ids Excel uses as the base of a workbook and a worksheet document module
WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000300")
#: PROJECTVERSION (MS-OVBA 2.3.4.2.1.11): the spec leaves the value to the writer. Excel writes a large major
#: that changes as the project is saved (xlwings' quickstart.xlsm: 1761730623.2); EPPlus, a proven writer,
#: writes 1361024421.6 for every new project. A fixed value keeps the generated file reproducible.
PROJECT_VERSION = (1361024421, 6)

ModuleKind = Literal["standard", "workbook", "worksheet"]
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}")


@dataclass(frozen=True)
class VbaModule:
    """One module: its name, its code (without ``Attribute`` lines) and its kind.

    ``kind`` is "standard" (a code module such as ``BankImport``), "workbook" (the document
    module of the workbook, ``ThisWorkbook``) or "worksheet" (the document module of a sheet,
    named by the sheet's codeName).
    """

    name: str
    code: str = ""
    kind: ModuleKind = "standard"

    @property
    def is_document(self) -> bool:
        return self.kind != "standard"


def document_modules(workbook: str = "ThisWorkbook", sheets: Iterable[str] = ()) -> list[VbaModule]:
    """Empty document modules for the workbook and each sheet codeName, in that order."""
    return [VbaModule(workbook, kind="workbook")] + [VbaModule(s, kind="worksheet") for s in sheets]


def attribute_lines(module: VbaModule) -> list[str]:
    """The ``Attribute`` lines the VBA editor keeps at the top of a module's stored source."""
    lines = [f'Attribute VB_Name = "{module.name}"']
    if module.is_document:
        base = WORKBOOK_BASE if module.kind == "workbook" else WORKSHEET_BASE
        lines += [
            f'Attribute VB_Base = "{base}"',
            "Attribute VB_GlobalNameSpace = False",
            "Attribute VB_Creatable = False",
            "Attribute VB_PredeclaredId = True",
            "Attribute VB_Exposed = True",
            "Attribute VB_TemplateDerived = False",
            "Attribute VB_Customizable = True",
        ]
    return lines


def module_source(module: VbaModule) -> bytes:
    """The source as stored: attribute lines and code, CRLF line ends, Windows-1252.

    >>> module_source(VbaModule("M", "Sub A()\\n  x = \\"€\\"\\nEnd Sub"))
    b'Attribute VB_Name = "M"\\r\\nSub A()\\r\\n  x = "\\x80"\\r\\nEnd Sub\\r\\n'
    """
    code_lines = module.code.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if code_lines and code_lines[-1] == "":
        code_lines.pop()
    out = bytearray()
    for line in attribute_lines(module):
        out += line.encode(ENCODING) + b"\r\n"
    for number, line in enumerate(code_lines, start=1):
        try:
            out += line.encode(ENCODING) + b"\r\n"
        except UnicodeEncodeError as exc:
            bad = line[exc.start]
            raise InputError(
                f"character {bad!r} (U+{ord(bad):04X}) is not in the VBA code page Windows-1252",
                file=f"VBA module {module.name}",
                line=number,
                hint="write it with ChrW() or leave it out",
            ) from None
    return bytes(out)


def _check_modules(modules: list[VbaModule], project_name: str) -> None:
    if not _IDENTIFIER.fullmatch(project_name):
        raise InputError(f"invalid VBA project name {project_name!r}", hint="use a letter, then letters, digits or _")
    seen: set[str] = set()
    for m in modules:
        if not _IDENTIFIER.fullmatch(m.name):
            raise InputError(
                f"invalid VBA module name {m.name!r}",
                hint="use a letter, then up to 30 letters, digits or _ (no spaces)",
            )
        if m.kind not in ("standard", "workbook", "worksheet"):
            raise InputError(f"unknown module kind {m.kind!r}", field=m.name)
        if m.name.upper() in seen:
            raise InputError(f"two VBA modules are named {m.name!r}", hint="module names ignore case")
        seen.add(m.name.upper())
    if sum(m.kind == "workbook" for m in modules) > 1:
        raise InputError("more than one workbook document module")


# --- PROJECT stream (2.3.1) -------------------------------------------------------------------


def project_id(modules: list[VbaModule], project_name: str) -> str:
    """A stable ``{GUID}`` for the project, derived from its name and module names."""
    names = ",".join([project_name] + [f"{m.kind}:{m.name}" for m in modules])
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "xlcapital-vba:" + names)).upper() + "}"


def encrypt(data: bytes, project_id: str, seed: int) -> str:
    """MS-OVBA 2.4.3.2 data encryption (an obfuscation, not security), as upper-case hex.

    The project key is the byte sum of the ``{GUID}`` text; every byte is XORed with the sum of
    the previous-but-one encrypted byte and the previous plain byte.
    """
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    version_enc = seed ^ 2
    proj_key_enc = seed ^ proj_key
    out = [seed, version_enc, proj_key_enc]
    plain1, enc1, enc2 = proj_key, proj_key_enc, version_enc
    ignored = [0] * ((seed & 6) // 2)  # IgnoredLength bytes of any value
    for byte in ignored + list(struct.pack("<I", len(data))) + list(data):
        enc = byte ^ ((enc2 + plain1) & 0xFF)
        out.append(enc)
        enc2, enc1, plain1 = enc1, enc, byte
    return bytes(out).hex().upper()


def decrypt(text: str) -> bytes:
    """The data of an MS-OVBA 2.4.3.3 encrypted hex string (for the project's own checks).

    >>> pid = "{00000000-0000-0000-0000-000000000000}"
    >>> [decrypt(encrypt(d, pid, s)) for d, s in ((b"\\xff", 0x41), (bytes(4), 7))]
    [b'\\xff', b'\\x00\\x00\\x00\\x00']
    """
    raw = bytes.fromhex(text)
    seed, version_enc, proj_key_enc = raw[:3]
    if seed ^ version_enc != 2:
        raise InputError("encrypted data of an unknown version")
    plain1, enc1, enc2 = seed ^ proj_key_enc, proj_key_enc, version_enc
    plain = []
    for enc in raw[3:]:
        byte = enc ^ ((enc2 + plain1) & 0xFF)
        plain.append(byte)
        enc2, enc1, plain1 = enc1, enc, byte
    rest = plain[(seed & 6) // 2 :]
    length = struct.unpack("<I", bytes(rest[:4]))[0]
    return bytes(rest[4 : 4 + length])


#: the plain data of CMG, DPB and GC (2.3.1.15-17): not protected, no password, visible
_NOT_PROTECTED, _NO_PASSWORD, _VISIBLE = bytes(4), b"\x00", b"\xff"


def _seed(pid: str, what: str) -> int:
    return hashlib.sha256(f"{pid}:{what}".encode()).digest()[0]


def project_stream(modules: list[VbaModule], project_name: str, pid: str) -> bytes:
    """The PROJECT stream: properties, modules, protection (none) and host extenders."""
    lines = [f'ID="{pid}"']
    for m in modules:
        lines.append(f"Document={m.name}/&H00000000" if m.is_document else f"Module={m.name}")
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{encrypt(_NOT_PROTECTED, pid, _seed(pid, "CMG"))}"',
        f'DPB="{encrypt(_NO_PASSWORD, pid, _seed(pid, "DPB"))}"',
        f'GC="{encrypt(_VISIBLE, pid, _seed(pid, "GC"))}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode(ENCODING)


def projectwm_stream(modules: list[VbaModule]) -> bytes:
    """PROJECTwm: each module name in the code page and in UTF-16, NUL-terminated (2.3.3)."""
    out = bytearray()
    for m in modules:
        out += m.name.encode(ENCODING) + b"\x00" + m.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


# --- dir stream (2.3.4.2) ---------------------------------------------------------------------


def _record(record_id: int, payload: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(payload)) + payload


def _u32(record_id: int, value: int) -> bytes:
    return _record(record_id, struct.pack("<I", value))


def _u16(record_id: int, value: int) -> bytes:
    return _record(record_id, struct.pack("<H", value))


def _text_pair(record_id: int, text: str, unicode_id: int) -> bytes:
    """A record with the text in the code page, then a reserved id and the text in UTF-16."""
    return _record(record_id, text.encode(ENCODING)) + _record(unicode_id, text.encode("utf-16-le"))


def dir_stream(modules: list[VbaModule], project_name: str) -> bytes:
    """The uncompressed ``dir`` stream: project information, one reference, the modules."""
    out = bytearray()
    out += _u32(0x0001, 0x00000001)  # PROJECTSYSKIND: 32-bit Windows (no p-code, so only informative)
    out += _u32(0x0002, LCID_EN_US)  # PROJECTLCID
    out += _u32(0x0014, LCID_EN_US)  # PROJECTLCIDINVOKE
    out += _u16(0x0003, CODE_PAGE)  # PROJECTCODEPAGE
    out += _record(0x0004, project_name.encode(ENCODING))  # PROJECTNAME
    out += _text_pair(0x0005, "", 0x0040)  # PROJECTDOCSTRING
    out += _record(0x0006, b"") + _record(0x003D, b"")  # PROJECTHELPFILEPATH: no help file (both in the code page)
    out += _u32(0x0007, 0)  # PROJECTHELPCONTEXT
    out += _u32(0x0008, 0)  # PROJECTLIBFLAGS
    # PROJECTVERSION: its "size" field is a reserved 4 followed by 6 bytes of version
    out += struct.pack("<HIIH", 0x0009, 4, *PROJECT_VERSION)
    out += _text_pair(0x000C, "", 0x003C)  # PROJECTCONSTANTS
    # PROJECTREFERENCES: stdole, as a REFERENCENAME + REFERENCEREGISTERED pair
    out += _text_pair(0x0016, "stdole", 0x003E)
    libid = STDOLE_LIBID.encode(ENCODING)
    out += _record(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0))
    # PROJECTMODULES
    out += _u16(0x000F, len(modules))
    out += _u16(0x0013, 0xFFFF)  # PROJECTCOOKIE
    for m in modules:
        out += _record(0x0019, m.name.encode(ENCODING))  # MODULENAME
        out += _record(0x0047, m.name.encode("utf-16-le"))  # MODULENAMEUNICODE
        out += _text_pair(0x001A, m.name, 0x0032)  # MODULESTREAMNAME
        out += _text_pair(0x001C, "", 0x0048)  # MODULEDOCSTRING
        out += _u32(0x0031, 0)  # MODULEOFFSET: the source starts at 0 (no performance cache)
        out += _u32(0x001E, 0)  # MODULEHELPCONTEXT
        out += _u16(0x002C, 0xFFFF)  # MODULECOOKIE
        out += struct.pack("<HI", 0x0022 if m.is_document else 0x0021, 0)  # MODULETYPE
        out += struct.pack("<HI", 0x002B, 0)  # module terminator
    out += struct.pack("<HI", 0x0010, 0)  # dir terminator
    return bytes(out)


def build_vba_project(modules: list[VbaModule], project_name: str = "VBAProject") -> bytes:
    """The bytes of a ``vbaProject.bin`` holding ``modules`` (document modules included).

    Give one "workbook" module (ThisWorkbook) and one "worksheet" module per sheet codeName
    (:func:`document_modules` makes empty ones), then the standard modules.
    """
    modules = list(modules)
    _check_modules(modules, project_name)
    pid = project_id(modules, project_name)
    streams = {
        "PROJECT": project_stream(modules, project_name, pid),
        "PROJECTwm": projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(dir_stream(modules, project_name)),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(module_source(m))
    return write_compound_file(streams)
