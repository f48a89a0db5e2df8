"""The Jinja2 templates (``templates/`` in the repository, ``xlcapital.templates`` when installed)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2


def templates_dir() -> Path:
    """The folder holding the templates, in a checkout and in an installed wheel alike."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    try:  # an editable install maps xlcapital.templates onto the repository's templates/
        from importlib.resources import files

        return Path(str(files("xlcapital.templates")))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        raise FileNotFoundError("xlcapital's templates folder is missing") from None


@lru_cache(maxsize=None)
def environment(autoescape: bool = False) -> jinja2.Environment:
    """A Jinja2 environment over :func:`templates_dir`; undefined variables are errors, not blanks."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context) -> str:
    """Render template ``name`` (a path below templates/) with ``context``."""
    return environment().get_template(name).render(**context)
