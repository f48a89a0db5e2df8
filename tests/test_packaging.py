"""The wheel ships every subpackage, the templates and the sample company, and building it says
nothing: setuptools warns ("Package 'xlcapital.templates.vba' is absent from the packages
configuration") about any folder with shipped files that [tool.setuptools] packages does not list.

The non-editable install was checked by hand from a clean copy (docs/development.md, "Packaging").
"""

import fnmatch
import sys
from pathlib import Path

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
#: package -> its folder, as package-dir maps them (templates/ ships as xlcapital.templates)
ROOTS = {name: ROOT / folder for name, folder in SETUPTOOLS["package-dir"].items()}
SKIP = {"__pycache__"}


def folder_of(package: str) -> Path:
    """The folder of ``package``, through the longest package-dir prefix."""
    best = max((name for name in ROOTS if package == name or package.startswith(name + ".")), key=len)
    rest = package[len(best) + 1:]
    return ROOTS[best].joinpath(*rest.split(".")) if rest else ROOTS[best]


def folders_with_files() -> dict[str, list[Path]]:
    """package name -> the files it ships, for every folder under the mapped roots that holds files."""
    found: dict[str, list[Path]] = {}
    for name, root in ROOTS.items():
        for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
            if SKIP & set(folder.relative_to(root).parts):
                continue
            files = [p for p in folder.iterdir() if p.is_file() and not p.name.endswith((".pyc",))]
            if files:
                parts = folder.relative_to(root).parts
                package = ".".join((name, *parts))
                # a folder mapped on its own (templates/) counts once, under its mapped name
                if any(folder == r for n, r in ROOTS.items() if n != name):
                    continue
                found[package] = files
    return found


def test_every_folder_that_ships_files_is_listed():
    listed = set(SETUPTOOLS["packages"])
    assert set(folders_with_files()) - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert all(folder_of(p).is_dir() for p in listed), "a listed package has no folder"


def test_every_data_file_is_covered_by_package_data():
    data = SETUPTOOLS["package-data"]
    missing = [
        str(f.relative_to(ROOT))
        for package, files in folders_with_files().items()
        for f in files
        if f.suffix != ".py" and not any(fnmatch.fnmatch(f.name, pattern) for pattern in data.get(package, []))
    ]
    assert missing == [], "add a pattern to [tool.setuptools.package-data] for these"


def test_the_sample_and_the_templates_are_shipped():
    shipped = folders_with_files()
    assert {p.name for p in shipped["xlcapital.data.sample"]} >= {"company.toml", "forecast.toml", "receivables.csv"}
    assert any(p.suffix == ".csv" for p in shipped["xlcapital.data.sample.bank"])
    assert {p.name for p in shipped["xlcapital.templates.vba"]} >= {"BankImport.bas.j2"}


def test_templates_are_found_from_the_package():
    from xlcapital.templating import templates_dir

    assert templates_dir() == ROOT / "templates"
