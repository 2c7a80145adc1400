"""Import rules (docs/ARCHITECTURE.md): content is data, the domain is pure, the screen is thin.
Checked by parsing every module, so a violation fails CI rather than code review."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "decision_aid"
MODULES = sorted(PACKAGE.rglob("*.py"))
STDLIB = set(sys.stdlib_module_names)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base)
                found.add(f"{prefix}.{node.module}" if node.module else prefix)
            else:
                found.add(node.module or "")
    return found


def third_party(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names if n.split(".")[0] not in STDLIB and not n.startswith("decision_aid")}


def in_package(prefix: str) -> list[Path]:
    return [p for p in MODULES if module_name(p) == prefix or module_name(p).startswith(prefix + ".")]


@pytest.mark.parametrize("path", in_package("decision_aid.content"), ids=module_name)
def test_content_imports_only_stdlib_pydantic_yaml_and_errors(path: Path) -> None:
    names = imports(path)
    assert third_party(names) <= {"pydantic", "yaml"}
    own = {n for n in names if n.startswith("decision_aid")}
    assert all(n.startswith(("decision_aid.content", "decision_aid.errors")) for n in own), own


@pytest.mark.parametrize("path", in_package("decision_aid.domain"), ids=module_name)
def test_domain_is_pure(path: Path) -> None:
    names = imports(path)
    assert third_party(names) == set()
    own = {n for n in names if n.startswith("decision_aid")}
    assert all(n.startswith(("decision_aid.content.schema", "decision_aid.errors", "decision_aid.domain")) for n in own)
    source = path.read_text(encoding="utf-8")
    for forbidden in ("date.today", "datetime.now", "open(", "read_text", "Path("):
        assert forbidden not in source, f"{forbidden} in {module_name(path)}"


@pytest.mark.parametrize("path", in_package("decision_aid.quality"), ids=module_name)
def test_quality_checks_read_content_and_measure_text_only(path: Path) -> None:
    names = imports(path)
    assert third_party(names) <= {"syllapy"}
    own = {n for n in names if n.startswith("decision_aid")}
    assert all(n.startswith(("decision_aid.content", "decision_aid.errors", "decision_aid.quality")) for n in own)


@pytest.mark.parametrize("path", in_package("decision_aid.report"), ids=module_name)
def test_report_never_imports_streamlit_and_only_pdf_imports_reportlab(path: Path) -> None:
    libraries = third_party(imports(path))
    assert "streamlit" not in libraries
    if not module_name(path).startswith("decision_aid.report.pdf"):
        assert "reportlab" not in libraries


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_only_the_ui_imports_streamlit_and_only_state_touches_session_state(path: Path) -> None:
    name = module_name(path)
    if not name.startswith("decision_aid.ui"):
        assert "streamlit" not in third_party(imports(path))
    if name != "decision_aid.ui.state":
        assert "session_state" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_is_over_300_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("path", [p for p in MODULES if p.name == "__init__.py"], ids=module_name)
def test_each_package_declares_its_public_names(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    targets = [t for n in tree.body if isinstance(n, ast.Assign) for t in n.targets]
    targets += [n.target for n in tree.body if isinstance(n, ast.AnnAssign)]
    assert "__all__" in [getattr(t, "id", "") for t in targets]


def test_the_entry_point_imports_only_the_app() -> None:
    assert imports(REPO / "streamlit_app.py") == {"decision_aid.ui.app"}


def test_drawing_a_step_loads_neither_the_pdf_library_nor_the_database_or_fhir_libraries() -> None:
    """The PDF library loads only when the summary is shown, the storage libraries only when a
    person saves or enters a code, and fhir.resources only at the summary or when a file is read:
    a step that needs none of them does not pay for them (the app's first page comes sooner)."""
    import subprocess
    import sys

    probe = (
        "import sys, decision_aid.ui.app, decision_aid.ui.pages;"
        "print(sorted(m for m in ('reportlab', 'sqlalchemy', 'alembic', 'cryptography', 'fhir') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
