"""Mutation testing of the core modules: mutmut, plus the functions mutmut leaves alone.

    .venv/bin/python -m pip install -e ".[test,mutation]"
    .venv/bin/python scripts/mutation.py              # mutmut, then the decorated functions; prints the scores
    .venv/bin/python scripts/mutation.py --no-mutmut  # only the decorated functions (a minute or two)
    .venv/bin/python scripts/mutation.py --list       # the decorated-function mutants, without running them
    .venv/bin/python scripts/mutation.py --module xlcapital/forecast/schedule.py   # one module, its own tests
    .venv/bin/python scripts/mutation.py --module all   # each module of [tool.xlcapital.mutation-tests] in turn
    .venv/bin/python scripts/mutation.py --module xlcapital/forecast/schema.py --declarations   # and its Field(...)s
    .venv/bin/python scripts/mutation.py --module xlcapital/bank/presets.py --declarations     # and its Preset(...)s

What is mutated and which tests run come from ``[tool.mutmut]`` in pyproject.toml (``only_mutate``,
``pytest_add_cli_args_test_selection``, ``also_copy``): one configuration for both halves.

``--module PATH`` (repeatable) measures one module alone against the few fast tests that
``[tool.xlcapital.mutation-tests]`` in pyproject.toml lists for it: mutmut and the decorated functions
run in a copy of the project under ``build/mutation/<module>/`` whose ``[tool.mutmut]`` names only that
module and those tests (so the main ``mutants/`` and a run of another module are left alone);
``mutmut results`` / ``mutmut show NAME`` work inside that folder.

mutmut 3 does not mutate a decorated function (its trampoline cannot wrap one): in xlcapital that
is every ratio formula (``@ratio``), every ``@property`` (the balance-sheet totals, the statement's
attributes) and the wrapper inside the ``ratio`` decorator. This script mutates exactly those
with the operators that matter for arithmetic (``+``/``-``, ``*``/``/``, comparisons, ``and``/
``or``, a dropped minus sign, numbers +1, text, ``True``/``False``, the defaults of the signature),
runs the selected tests against each mutant in a copy of the project (pytest ``-x``, 2 processes),
and reports the mutants no test noticed. A mutant is *killed* when the tests fail or time out.

The score of a module is killed / all mutants; mutmut's "no tests" mutants count as not killed.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_BY_NOTHING = {"staticmethod", "classmethod"}  # mutmut handles these decorators itself

_SWAP = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.Mult, ast.Pow: ast.Mult,
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.And: ast.Or, ast.Or: ast.And,
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    """One small change of one source segment: ``path`` lines ``start``..``end`` (1-based, columns 0-based)."""

    path: str
    function: str
    start: tuple[int, int]
    end: tuple[int, int]
    old: str
    new: str

    @property
    def name(self) -> str:
        return f"{self.path}:{self.start[0]}:{self.function}: {self.old!r} -> {self.new!r}"

    def apply(self, source: str) -> str:
        lines = source.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line.encode("utf-8")))
        data = source.encode("utf-8")
        a = offsets[self.start[0] - 1] + self.start[1]
        b = offsets[self.end[0] - 1] + self.end[1]
        return (data[:a] + self.new.encode("utf-8") + data[b:]).decode("utf-8")


def config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def module_tests() -> dict[str, list[str]]:
    """``[tool.xlcapital.mutation-tests]``: module path -> the tests aimed at it (``--module``; globs)."""
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    return tool.get("xlcapital", {}).get("mutation-tests", {})


def _with_mutmut_table(text: str, cfg: dict) -> str:
    """pyproject.toml ``text`` with ``cfg`` (lists and strings) as its ``[tool.mutmut]`` table."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "[tool.mutmut]")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    table = ["[tool.mutmut]\n", *(f"{key} = {json.dumps(value)}\n" for key, value in cfg.items()), "\n"]
    return "".join(lines[:start] + table + lines[end:])


def modules(cfg: dict) -> list[Path]:
    """The files ``only_mutate`` names (globs relative to the project)."""
    found = []
    for source in cfg.get("source_paths", ["xlcapital/"]):
        for path in sorted((ROOT / source).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if any(fnmatch.fnmatch(rel, pattern) for pattern in cfg.get("only_mutate", ["*"])):
                found.append(path)
    return found


def _decorated(tree: ast.AST):
    """Every function mutmut skips: decorated (not by staticmethod/classmethod), outermost only."""

    def visit(node, qual):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = {getattr(d, "id", getattr(d, "attr", None)) for d in child.decorator_list}
                name = f"{qual}{child.name}"
                if child.decorator_list and not names <= SKIPPED_BY_NOTHING:
                    yield name, child
                else:
                    yield from visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, f"{qual}{child.name}.")

    yield from visit(tree, "")


def _docstring_nodes(fn) -> set[int]:
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        return {id(body[0].value)}
    return set()


def _replacements(node: ast.AST, source: str):
    """(start node, replacement text) for each mutation of one node."""
    if isinstance(node, ast.BinOp) and type(node.op) in _SWAP:
        yield node, f"({ast.unparse(ast.BinOp(node.left, _SWAP[type(node.op)](), node.right))})"
    elif isinstance(node, ast.BoolOp):
        yield node, f"({ast.unparse(ast.BoolOp(_SWAP[type(node.op)](), node.values))})"
    elif isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _SWAP:
                ops = list(node.ops)
                ops[i] = _SWAP[type(op)]()
                yield node, f"({ast.unparse(ast.Compare(node.left, ops, node.comparators))})"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        yield node, f"({ast.unparse(node.operand)})"
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield node, repr(not value)
        elif isinstance(value, (int, float)):
            yield node, repr(value + 1)
        elif isinstance(value, str) and value:
            yield node, repr("XX" + value + "XX")


def mutants_of(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    rel = path.relative_to(ROOT).as_posix()
    out = []
    for name, fn in _decorated(tree):
        skip = _docstring_nodes(fn)
        roots = [*fn.body, *fn.args.defaults, *(d for d in fn.args.kw_defaults if d is not None)]
        for root in roots:
            for node in ast.walk(root):
                if id(node) in skip or isinstance(node, ast.JoinedStr):
                    continue
                if isinstance(node, ast.Constant) and any(
                    isinstance(parent, ast.JoinedStr) for parent in _parents(root, node)
                ):
                    continue  # the literal parts of an f-string: mutmut's job where it reaches, noise here
                for target, new in _replacements(node, source):
                    old = ast.get_source_segment(source, target) or ""
                    out.append(Mutant(rel, name, (target.lineno, target.col_offset),
                                      (target.end_lineno, target.end_col_offset), old, new))
    return out


#: the keywords of a module-level declaration (a schema ``Field(...)``, a ``dict(low=..., high=...)`` of bounds)
#: that ``--declarations`` mutates: each is a fact the tests must pin
DECLARED = ("low", "high", "default", "required", "choices")
#: modules of which every keyword of a module-level declaration is a fact, but these (words for people):
#: a bank layout's every column, notation, signature and marker (bank/presets.py's ``Preset(...)`` and
#: the ``dict(...)`` of what a bank's layouts share)
EVERY_KEYWORD_BUT = {"xlcapital/bank/presets.py": {"label"}}


def declaration_mutants(path: Path) -> list[Mutant]:
    """Mutants of the module-level declarations' bounds, defaults, required flags and choices (``--declarations``).

    mutmut mutates function bodies only, so a module of declarations (forecast/schema.py: one ``Field``
    per input field) scores on its few functions while its facts go unchecked. Each keyword of
    :data:`DECLARED` in a call outside any function or class is changed the smallest way that matters:
    a number one unit in its last place up and down (``104`` -> 103, 105; ``Decimal("0.08")`` -> 0.07,
    0.09; ``-365`` -> -364, -366: only a test on the exact boundary notices), ``True``/``False`` swapped,
    text framed with ``XX``, a tuple of choices without its first or its last item. In the modules of
    :data:`EVERY_KEYWORD_BUT` every keyword is mutated so (but those named there), a tuple literal too.
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    rel = path.relative_to(ROOT).as_posix()
    every_but = EVERY_KEYWORD_BUT.get(rel)
    out = []

    def number(node: ast.AST) -> Decimal | None:
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return Decimal(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = number(node.operand)
            return None if inner is None else -inner
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Decimal" and len(node.args) == 1
                and not node.keywords and isinstance(node.args[0], ast.Constant)
                and type(node.args[0].value) in (int, str)):
            try:
                return Decimal(str(node.args[0].value))
            except ArithmeticError:
                return None
        return None

    def replacements(node: ast.AST):
        value = number(node)
        if value is not None:
            ulp = Decimal(1).scaleb(min(value.as_tuple().exponent, 0))
            for new in (value - ulp, value + ulp):
                written_as_decimal = isinstance(getattr(node, "operand", node), ast.Call)
                yield f'Decimal("{new}")' if written_as_decimal else str(new)
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            yield repr(not node.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield repr("XX" + node.value + "XX")
        elif isinstance(node, ast.Tuple) and len(node.elts) < 2:  # () changes nothing; (x,) only one way
            if node.elts:
                yield f"({ast.get_source_segment(source, node)})[1:]"
        elif isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Tuple)):
            text = ast.get_source_segment(source, node)
            yield f"({text})[1:]"
            yield f"({text})[:-1]"

    def visit(node: ast.AST, assigned: str = "<module>") -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(child, ast.Assign) and len(child.targets) == 1 and isinstance(child.targets[0], ast.Name):
                visit(child, child.targets[0].id)  # `_RABOBANK = dict(...)`: named by its variable
                continue
            if isinstance(child, ast.Call):
                name = child.args[0] if child.args else next((k.value for k in child.keywords if k.arg == "name"), None)
                label = name.value if isinstance(name, ast.Constant) else ast.unparse(name) if name else assigned
                for kw in child.keywords:
                    if kw.arg in DECLARED or (every_but is not None and kw.arg is not None and kw.arg not in every_but):
                        for new in replacements(kw.value):
                            if (kw.arg != "choices" and not isinstance(kw.value, ast.Tuple)
                                    and new.endswith(("[1:]", "[:-1]"))):
                                continue  # a default or bound given by name (ONE_OFF, OPERATING): not a list
                            out.append(Mutant(rel, f"{label}.{kw.arg}", (kw.value.lineno, kw.value.col_offset),
                                              (kw.value.end_lineno, kw.value.end_col_offset),
                                              ast.get_source_segment(source, kw.value) or "", new))
            visit(child, assigned)

    visit(tree)
    return out


def _parents(root: ast.AST, node: ast.AST):
    for parent in ast.walk(root):
        if node in list(ast.iter_child_nodes(parent)):
            yield parent


def _copy_project(cfg: dict, into: Path) -> None:
    for name in ["xlcapital", "tests", "pyproject.toml", *cfg.get("also_copy", [])]:
        src = ROOT / name.rstrip("/")
        dst = into / name.rstrip("/")
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)
        elif src.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def _pytest(workdir: Path, tests: list[str], timeout: float) -> int:
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *tests]
    env = {**os.environ, "PYTHONPATH": str(workdir), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        return subprocess.run(cmd, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        return -1


def run_ast_mutants(mutants: list[Mutant], cfg: dict, jobs: int) -> dict[Mutant, str]:
    """Each mutant in a private copy of the project: "killed", "timeout" or "survived"."""
    tests = cfg.get("pytest_add_cli_args_test_selection", ["tests"])
    base = Path(tempfile.mkdtemp(prefix="xlcapital-mutants-"))
    try:
        workers = []
        for k in range(jobs):
            _copy_project(cfg, base / f"w{k}")
            workers.append(base / f"w{k}")
        started = time.monotonic()
        if _pytest(workers[0], tests, timeout=600) != 0:
            raise SystemExit("the selected tests fail without any mutant: fix them first")
        clean = time.monotonic() - started
        timeout = 10 * clean + 10
        free = list(workers)
        results: dict[Mutant, str] = {}

        def one(m: Mutant) -> None:
            work = free.pop()
            target = work / m.path
            original = target.read_text(encoding="utf-8")
            try:
                target.write_text(m.apply(original), encoding="utf-8")
                code = _pytest(work, tests, timeout)
                results[m] = "timeout" if code == -1 else ("survived" if code == 0 else "killed")
            finally:
                target.write_text(original, encoding="utf-8")
                free.append(work)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for n, _ in enumerate(pool.map(one, mutants), 1):
                print(f"\r  decorated functions: {n}/{len(mutants)}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        return results
    finally:
        shutil.rmtree(base, ignore_errors=True)


def mutmut_results(root: Path = ROOT) -> dict[str, Counter]:
    """Per source file: mutmut's verdicts from ``root``/mutants/**/*.meta."""
    from mutmut.stats import status_by_exit_code

    out: dict[str, Counter] = {}
    for meta in sorted((root / "mutants").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        rel = meta.relative_to(root / "mutants").as_posix()[: -len(".meta")]
        out[rel] = Counter("not run" if c is None else status_by_exit_code.get(c, str(c)) for c in codes)
    return out


def _killed(c: Counter) -> int:
    return c["killed"] + c["timeout"]


def report(mm: dict[str, Counter], ast_results: dict[Mutant, str], files: list[str],
           where: str = "`mutmut results`, one in detail: `mutmut show NAME`") -> None:
    by_file: dict[str, Counter] = {}
    for m, verdict in ast_results.items():
        by_file.setdefault(m.path, Counter())[verdict] += 1
    print(f"\n{'module':40} {'mutmut':>16} {'decorated (AST)':>18} {'together':>16}")
    for rel in files:
        a, b = mm.get(rel, Counter()), by_file.get(rel, Counter())
        cells = []
        for c in (a, b, a + b):
            total = sum(c.values())
            cells.append(f"{_killed(c)}/{total} {100 * _killed(c) / total:5.1f}%" if total else "-")
        print(f"{rel:40} {cells[0]:>16} {cells[1]:>18} {cells[2]:>16}")
    survivors = sorted((m for m, v in ast_results.items() if v == "survived"), key=lambda m: (m.path, m.start))
    if survivors:
        print("\nsurviving decorated-function mutants:")
        for m in survivors:
            print("  " + m.name)
    if mm:
        print(f"\nmutmut's survivors: {where}")


def run_mutmut(root: Path, jobs: int) -> None:
    """``mutmut run`` in ``root`` (the project or a one-module copy), from a fresh ``mutants/``."""
    # a fresh mutants/: mutmut keeps an old copy of a file it once left alone, so a module added to
    # only_mutate later would silently not be mutated
    shutil.rmtree(root / "mutants", ignore_errors=True)
    log = root / "build" / "mutmut.log"  # its progress bar redraws thousands of times
    log.parent.mkdir(exist_ok=True)
    print(f"mutmut run --max-children {jobs} (progress in {log})", file=sys.stderr)
    with log.open("w", encoding="utf-8") as out:
        subprocess.run([str(Path(sys.executable).with_name("mutmut")), "run", "--max-children", str(jobs)],
                       cwd=root, stdout=out, stderr=subprocess.STDOUT, check=False)


def run_module(module: str, args: argparse.Namespace) -> None:
    """One module alone against its own tests (``[tool.xlcapital.mutation-tests]``), in build/mutation/."""
    patterns = args.tests or module_tests().get(module)
    missing = [p for p in patterns or [] if not any(ROOT.glob(p))]
    if missing:
        raise SystemExit(f"{module}: no test file matches {', '.join(missing)}")
    # in the listed order (pytest -x: a fast test listed first ends a killed mutant's run early)
    tests = list(dict.fromkeys(t.relative_to(ROOT).as_posix() for p in patterns or [] for t in sorted(ROOT.glob(p))))
    if not tests:
        raise SystemExit(f"{module}: no tests listed for it in [tool.xlcapital.mutation-tests] of pyproject.toml "
                         "(or give --tests)")
    path = ROOT / module
    if not path.is_file():
        raise SystemExit(f"{module}: no such file")
    cfg = {**config(), "only_mutate": [module], "pytest_add_cli_args_test_selection": tests}
    work = ROOT / "build" / "mutation" / path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
    if not args.no_mutmut:
        shutil.rmtree(work, ignore_errors=True)
        _copy_project(cfg, work)
        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        (work / "pyproject.toml").write_text(_with_mutmut_table(text, cfg), encoding="utf-8")
        run_mutmut(work, args.jobs)
    mm = mutmut_results(work) if (work / "mutants").is_dir() else {}
    mutants = mutants_of(path) + (declaration_mutants(path) if args.declarations else [])
    ast_results = {} if args.no_ast or not mutants else run_ast_mutants(mutants, cfg, args.jobs)
    report(mm, ast_results, [module], where=f"cd {work.relative_to(ROOT)} && ../../../.venv/bin/mutmut results")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-mutmut", action="store_true", help="skip mutmut (report mutants/ of its last run)")
    parser.add_argument("--no-ast", action="store_true", help="skip the decorated functions")
    parser.add_argument("--list", action="store_true", help="list the decorated-function mutants and stop")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--module", action="append", metavar="PATH",
                        help="measure this module alone with its tests from [tool.xlcapital.mutation-tests] "
                             "(`all`: each module listed there, one after the other)")
    parser.add_argument("--tests", nargs="+", metavar="TEST", help="with --module: these tests instead")
    parser.add_argument("--declarations", action="store_true",
                        help="with --module: mutate the module-level declarations' bounds, defaults, required flags "
                             "and choices too (forecast/schema.py), every keyword but the label of bank/presets.py's layouts "
                             "(counted with the decorated functions)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    # the tests run in copies of the project (mutants/, build/mutation/...): tell them where ../shared is, or every
    # test of a real bank export would skip there
    os.environ.setdefault("XLCAPITAL_SHARED", str(ROOT.parent / "shared"))
    if args.module:
        for module in (m for given in args.module for m in (module_tests() if given == "all" else [given])):
            run_module(module, args)
        return 0
    cfg = config()
    paths = modules(cfg)
    files = [p.relative_to(ROOT).as_posix() for p in paths]
    mutants = [m for p in paths for m in mutants_of(p)]
    if args.list:
        for m in mutants:
            print(m.name)
        print(f"{len(mutants)} mutants in decorated functions")
        return 0
    if not args.no_mutmut:
        run_mutmut(ROOT, args.jobs)
    mm = mutmut_results() if (ROOT / "mutants").is_dir() else {}
    ast_results = {} if args.no_ast else run_ast_mutants(mutants, cfg, args.jobs)
    report(mm, ast_results, files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
