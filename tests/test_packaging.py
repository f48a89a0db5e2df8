"""The wheel ships every subpackage and the templates (pyproject lists packages explicitly)."""

import sys
from pathlib import Path

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "xlcapital").rglob("__init__.py")
        if "data" not in p.relative_to(ROOT).parts
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"


def test_templates_are_found_from_the_package():
    from xlcapital.templating import templates_dir

    assert templates_dir() == ROOT / "templates"
