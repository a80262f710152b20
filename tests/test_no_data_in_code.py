"""Hand-typed data rows live in curated/ (CSV, TOML), not in Python code.

A "literal block" is a list, tuple, set or dict made only of constants (numbers, text, None and
nested literals). No module of the package and no script may hold one longer than 50 lines.
The one exception is ``multipolar/catalog.py``: it is the schema (field names, types, allowed
values, sources), which the issue asks to keep in one Python module. A block of rules rather than
data (the unit-slip messages of the answer checks, say) may say so on the line above it with a
comment that starts ``# not data:`` and gives the reason.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 50
SCHEMA = {ROOT / "multipolar" / "catalog.py"}
FILES = sorted(
    p
    for folder in ("multipolar", "scripts", "benchmarks")
    for p in (ROOT / folder).rglob("*.py")
    if p not in SCHEMA
)


def _is_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_literal(k) for k in node.keys) and all(
            _is_literal(v) for v in node.values
        )
    return False


def literal_blocks(source: str) -> list[tuple[int, int]]:
    """(first line, number of lines) of every maximal literal container in ``source``."""
    out, seen = [], set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and _is_literal(node):
            span = (node.lineno, node.end_lineno - node.lineno + 1)
            if not any(a <= node.lineno and node.end_lineno <= a + n - 1 for a, n in seen):
                seen.add(span)
                out.append(span)
    return out


def test_the_measure_finds_a_long_block_and_ignores_code():
    rows = "ROWS = [\n" + "".join(f"    ({i}, 'x{i}', None),\n" for i in range(60)) + "]\n"
    assert literal_blocks(rows) == [(1, 62)]
    assert literal_blocks("X = [f(i) for i in range(60)]\nY = [a, b]\n") == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_holds_more_than_50_lines_of_literal_data(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")

    def declared(start):  # "# not data: why" on one of the two lines above the block
        return any(
            ln.strip().startswith("# not data:") for ln in lines[max(0, start - 3) : start - 1]
        )

    blocks = [(start, n) for start, n in literal_blocks(text) if n > LIMIT and not declared(start)]
    assert not blocks, (
        f"{path.relative_to(ROOT)}: literal data at lines {blocks}; move it to curated/"
    )
