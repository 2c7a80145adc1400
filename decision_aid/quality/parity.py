"""A translation says what the default language says: the same numbers, placeholders and citations.

Every wording text of a language is compared with the text at the same key in the default language
(keys missing on either side are reported by the content loader's checks). A number is compared
after its thousands separator is removed ("1,000", "1000" and "11 000" with a no-break space are
the same number), so each language can write numbers its own way; digits inside citation markers
are not numbers. The order may change with the grammar, the count may not. A text of three words
or more that is still exactly the default language's is reported as not yet translated (a folder
copied from content/en lists everything left to translate). Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..content.integrity import WORDING_FILES
from ..content.markup import CITATION, PLACEHOLDER, cited_ids, iter_text
from ..content.schema import ContentBundle
from ..errors import ContentIssue

__all__ = ["UNTRANSLATED_WORDS", "numbers", "parity_issues", "text_pairs"]

UNTRANSLATED_WORDS = 3
"""A text this long (in words) that is the same as in the default language is not yet translated."""

_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> list[str]:
    """The numbers a reader sees in `text`, in order, without thousands separators."""
    return _NUMBER.findall(_THOUSANDS.sub("", CITATION.sub("", text)))


def text_pairs(bundle: ContentBundle, language: str) -> Iterator[tuple[str, str, str, str]]:
    """(file part, key.path, default-language text, `language` text) for every key both have."""
    base = bundle.languages[bundle.default_language]
    pack = bundle.languages[language]
    for part in WORDING_FILES:
        theirs = dict(iter_text(getattr(pack, part)))
        for path, text in iter_text(getattr(base, part)):
            if path in theirs:
                yield part, path, text, theirs[path]


def _differs(kind: str, base: str, language: str, want: list[str], have: list[str]) -> str | None:
    if Counter(want) == Counter(have):
        return None
    missing = sorted((Counter(want) - Counter(have)).elements())
    extra = sorted((Counter(have) - Counter(want)).elements())
    parts = [f"{', '.join(missing)} missing in {language}"] if missing else []
    parts += [f"{', '.join(extra)} not in {base}"] if extra else []
    return f"{kind} differ from {base}: " + "; ".join(parts)


def parity_issues(bundle: ContentBundle, language: str) -> list[ContentIssue]:
    """Texts of `language` whose numbers, placeholders or citations differ from the default language."""
    base = bundle.default_language
    if language == base:
        return []
    issues = []
    for part, path, want, have in text_pairs(bundle, language):
        if have == want and len(CITATION.sub("", want).split()) >= UNTRANSLATED_WORDS:
            issues.append(
                ContentIssue(f"{language}/{part}.yaml", path, f"not translated yet (as in {base})", "warning")
            )
            continue
        for kind, extract in (
            ("numbers", numbers),
            ("placeholders", lambda t: [f"{{{n}}}" for n in PLACEHOLDER.findall(t)]),
            ("citations", lambda t: [f"[@{c}]" for c in cited_ids(t)]),
        ):
            message = _differs(kind, base, language, extract(want), extract(have))
            if message:
                issues.append(ContentIssue(f"{language}/{part}.yaml", path, message, "warning"))
    return issues
