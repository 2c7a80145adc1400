"""Shared fixtures: the real content, a writable copy of it, and a fixed date."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from decision_aid.content import DEFAULT_CONTENT_DIR, load_content
from decision_aid.content.schema import ContentBundle

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def bundle() -> ContentBundle:
    """The real content, loaded once."""
    return load_content()


@pytest.fixture
def content_copy(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the real content folder; call it with (file, old, new) edits to break it.

    Each edit replaces the first occurrence of `old` with `new` in `file` and fails the test if
    `old` is not there, so a fixture cannot silently stop breaking what it means to break.
    """

    def make(*edits: tuple[str, str, str]) -> Path:
        root = tmp_path / "content"
        shutil.copytree(DEFAULT_CONTENT_DIR, root)
        for file, old, new in edits:
            path = root / file
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{file} does not contain {old!r}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return make
