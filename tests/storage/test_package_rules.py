"""The storage package's own import rules (on top of tests/test_architecture.py): no streamlit, no
printing, and only the database, migration and cryptography libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ..conftest import REPO
from ..test_architecture import imports, module_name, third_party

PACKAGE = REPO / "decision_aid" / "storage"
MODULES = sorted(PACKAGE.rglob("*.py"))
ALLOWED = {"sqlalchemy", "alembic", "cryptography"}


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_storage_imports_only_its_libraries_errors_and_itself(path: Path) -> None:
    names = imports(path)
    assert third_party(names) <= ALLOWED
    own = {n for n in names if n.startswith("decision_aid")}
    assert all(n.startswith(("decision_aid.storage", "decision_aid.errors")) for n in own), own


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_storage_never_prints(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert "print" not in calls
