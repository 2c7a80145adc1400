"""Read the content folder into a validated ContentBundle, collecting every problem.

Each problem is reported as "file: key.path: message", all of them, not just the first. YAML
duplicate keys are errors (a silently overwritten key is a lost sentence).
Imports only the standard library, pydantic, yaml and the content schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import ContentError, ContentIssue
from .integrity import check_integrity
from .schema import ContentBundle
from .schema.citation import Citation
from .schema.structure import ComparisonStructure, GuidanceRules, Manifest, Questionnaire
from .schema.text import ComparisonText, GlossaryText, GuidanceText, LanguagePack, PagesText, QuestionsText, UiText

__all__ = ["DEFAULT_CONTENT_DIR", "load_content", "read_content"]

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

STRUCTURE_FILES: dict[str, type[BaseModel]] = {
    "manifest.yaml": Manifest,
    "questionnaire.yaml": Questionnaire,
    "guidance.yaml": GuidanceRules,
    "comparison.yaml": ComparisonStructure,
}
LANGUAGE_FILES: dict[str, type[BaseModel]] = {
    "questions.yaml": QuestionsText,
    "guidance.yaml": GuidanceText,
    "comparison.yaml": ComparisonText,
    "pages.yaml": PagesText,
    "ui.yaml": UiText,
    "glossary.yaml": GlossaryText,
}
CITATIONS = TypeAdapter(dict[str, Citation])
UNCITED_NUMBERS = TypeAdapter(dict[str, str])

M = TypeVar("M", bound=BaseModel)


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's parser (in PyYAML's wheels) when present: 4x faster, most of a new server's first page
    _SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _UniqueKeyLoader(_SafeLoader):
    """A safe YAML loader that refuses duplicate keys in a mapping."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(root: Path, name: str, issues: list[ContentIssue]) -> Any:
    path = root / name
    if not path.is_file():
        issues.append(ContentIssue(name, "", "file not found"))
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        issues.append(ContentIssue(name, where, f"not valid YAML: {problem}"))
        return None
    except UnicodeDecodeError:
        issues.append(ContentIssue(name, "", "is not UTF-8 text"))
        return None
    return {} if data is None else data


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _issues_from(name: str, exc: ValidationError) -> list[ContentIssue]:
    issues = []
    for error in exc.errors(include_url=False):
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key (check its spelling)"
        elif error["type"] == "missing":
            message = "missing (this key is required)"
        issues.append(ContentIssue(name, _location(error["loc"]), message))
    return issues


def _validate(name: str, model: type[M], data: Any, issues: list[ContentIssue]) -> M | None:
    if data is None:
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        issues.extend(_issues_from(name, exc))
        return None


def read_content(root: Path = DEFAULT_CONTENT_DIR) -> tuple[ContentBundle | None, list[ContentIssue]]:
    """Read and check the content folder.

    Returns:
        The bundle (None when an error prevents building it) and every issue found, errors and
        warnings alike. Use `load_content` when any error should raise.
    """
    issues: list[ContentIssue] = []
    parsed: dict[str, Any] = {}
    for name, model in STRUCTURE_FILES.items():
        parsed[name] = _validate(name, model, _read_yaml(root, name, issues), issues)

    citations = None
    raw_citations = _read_yaml(root, "citations.yaml", issues)
    if raw_citations is not None:
        try:
            citations = CITATIONS.validate_python(raw_citations)
        except ValidationError as exc:
            issues.extend(_issues_from("citations.yaml", exc))

    uncited: dict[str, str] = {}
    raw_uncited = _read_yaml(root, "uncited_numbers.yaml", issues)
    if raw_uncited is not None:
        try:
            uncited = UNCITED_NUMBERS.validate_python(raw_uncited)
        except ValidationError as exc:
            issues.extend(_issues_from("uncited_numbers.yaml", exc))

    languages: dict[str, LanguagePack] = {}
    manifest = parsed["manifest.yaml"]
    for code in manifest.languages if manifest else []:
        texts = {
            name: _validate(f"{code}/{name}", model, _read_yaml(root, f"{code}/{name}", issues), issues)
            for name, model in LANGUAGE_FILES.items()
        }
        if all(value is not None for value in texts.values()):
            languages[code] = LanguagePack(
                code=code,
                questions=texts["questions.yaml"],
                guidance=texts["guidance.yaml"],
                comparison=texts["comparison.yaml"],
                pages=texts["pages.yaml"],
                ui=texts["ui.yaml"],
                glossary=texts["glossary.yaml"],
            )

    if any(issue.level == "error" for issue in issues) or citations is None:
        return None, issues
    bundle = ContentBundle(
        manifest=parsed["manifest.yaml"],
        questionnaire=parsed["questionnaire.yaml"],
        rules=parsed["guidance.yaml"],
        comparison=parsed["comparison.yaml"],
        citations=citations,
        languages=languages,
        uncited_numbers=uncited,
    )
    issues.extend(check_integrity(bundle))
    if any(issue.level == "error" for issue in issues):
        return None, issues
    return bundle, issues


def load_content(root: Path = DEFAULT_CONTENT_DIR) -> ContentBundle:
    """Load the content, raising ContentError listing every error if any is found."""
    bundle, issues = read_content(root)
    errors = [issue for issue in issues if issue.level == "error"]
    if bundle is None or errors:
        raise ContentError(errors or issues)
    return bundle
