"""Pydantic models of the content files: the schema is the reference documentation."""

from .bundle import ContentBundle
from .citation import Citation
from .structure import (
    Certainty,
    ComparisonRow,
    ComparisonStructure,
    GuidanceRules,
    IconArray,
    IconGroup,
    Manifest,
    Option,
    Question,
    QuestionKind,
    Questionnaire,
    ShowIf,
    Step,
    Widget,
)
from .text import LanguagePack

__all__ = [
    "Certainty",
    "Citation",
    "ComparisonRow",
    "ComparisonStructure",
    "ContentBundle",
    "GuidanceRules",
    "IconArray",
    "IconGroup",
    "LanguagePack",
    "Manifest",
    "Option",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "ShowIf",
    "Step",
    "Widget",
]
