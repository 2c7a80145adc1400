"""The FHIR package keeps to its place (docs/ARCHITECTURE.md, docs/FHIR.md): it builds and reads
resources from the content and the domain with fhir.resources, never draws a screen, never reads
the clock and never does I/O."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_architecture import imports, in_package, module_name, third_party


@pytest.mark.parametrize("path", in_package("decision_aid.fhir"), ids=module_name)
def test_fhir_imports_only_content_domain_errors_and_fhir_resources(path: Path) -> None:
    names = imports(path)
    assert third_party(names) <= {"fhir", "pydantic"}
    assert all(n.startswith("fhir.resources.R4B") for n in names if n.split(".")[0] == "fhir")
    own = {n for n in names if n.startswith("decision_aid")}
    allowed = ("decision_aid.content", "decision_aid.domain", "decision_aid.errors", "decision_aid.fhir")
    assert all(n.startswith(allowed) for n in own), own
    source = path.read_text(encoding="utf-8")
    for forbidden in ("date.today", "datetime.now", "open(", "read_text", "write_text", "Path("):
        assert forbidden not in source, f"{forbidden} in {module_name(path)}"


def test_the_package_exists_and_is_checked() -> None:
    assert len(in_package("decision_aid.fhir")) >= 5
