"""The decision aid's exceptions: one small tree.

DecisionAidError
├── ContentError      the content files are missing, malformed or inconsistent (holds every issue)
└── AnswersError      an answers file or upload is not valid (holds every problem, by question id)

Imports nothing from the rest of the package.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = ["AnswerProblem", "AnswersError", "ContentError", "ContentIssue", "DecisionAidError"]


class DecisionAidError(Exception):
    """Base class for every error the decision aid raises on purpose."""


@dataclass(frozen=True, slots=True)
class ContentIssue:
    """One problem in the content: where it is and what is wrong.

    Attributes:
        file: path of the content file, relative to the content folder (for example "en/ui.yaml").
        path: dotted key path inside the file ("questions.red_flags.options"), or "" for the file.
        message: what is wrong, in one line.
        level: "error" stops the app; "warning" fails only `check-content --strict`; "notice" is
            reported and never fails (for example, a file still waiting for clinical review).
    """

    file: str
    path: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        location = f"{self.file}: {self.path}" if self.path else self.file
        return f"{location}: {self.message}"


class ContentError(DecisionAidError):
    """The content could not be loaded. `issues` lists every problem found, not just the first."""

    def __init__(self, issues: list[ContentIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


@dataclass(frozen=True, slots=True)
class AnswerProblem:
    """One problem with one answer.

    Attributes:
        field: the question id (or "" when the whole file is at fault).
        code: a message key in the content's `answer_errors` table.
        params: values for the message's placeholders.
    """

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


class AnswersError(DecisionAidError):
    """An answers object is not valid. `problems` lists every problem found."""

    def __init__(self, problems: list[AnswerProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
