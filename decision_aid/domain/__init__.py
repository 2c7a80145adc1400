"""Pure rules: answers validation, the guidance and the scores. No I/O, no clock, no streamlit."""

from .answers import Answers, applies, check_answers, exclusive_pick, pruned, salvage_answers, validate_answers
from .answers_schema import answers_json_schema
from .guidance import Guidance, Status, assess, findings
from .problems import describe_problem
from .scores import KnowledgeResult, SureResult

__all__ = [
    "Answers",
    "Guidance",
    "KnowledgeResult",
    "Status",
    "SureResult",
    "answers_json_schema",
    "applies",
    "assess",
    "check_answers",
    "describe_problem",
    "exclusive_pick",
    "findings",
    "pruned",
    "salvage_answers",
    "validate_answers",
]
