"""The small markup allowed in content text: inline citations [@id], {placeholders}, Markdown.

Pure functions over strings. Imports only the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

__all__ = [
    "CITATION",
    "PLACEHOLDER",
    "cited_ids",
    "iter_text",
    "raw_html",
    "split_citations",
]

CITATION = re.compile(r"\s?\[@([a-z0-9_]+)\]")
"""An inline citation, with the space before it: 'pain eased [@venmans2012].'"""

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
"""A value the app fills in: 'You have had {weeks_done} weeks.'"""

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def cited_ids(text: str) -> list[str]:
    """Citation ids in `text`, in order of appearance (repeats kept)."""
    return CITATION.findall(text)


def split_citations(text: str) -> tuple[str, list[str]]:
    """Return `text` without its citation markers, and the ids it cited (first use order, unique)."""
    ids: list[str] = []
    for cid in CITATION.findall(text):
        if cid not in ids:
            ids.append(cid)
    return CITATION.sub("", text), ids


def raw_html(text: str) -> bool:
    """True when `text` contains an HTML tag (not allowed in content)."""
    return bool(_HTML_TAG.search(text))


def iter_text(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (key.path, string) for every string inside a content model, dict or list."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        extra = value.model_extra or {}
        for name in [*type(value).model_fields, *extra]:
            yield from iter_text(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_text(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from iter_text(item, f"{path}.{index}" if path else str(index))
