"""Content a patient can trust and read: evidence, plain language, risk pictures, balance.

Each test fails when the content drifts: a number loses its source, a section gets harder to read,
one option gets more space than the others, or a claim the evidence contradicts creeps in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from decision_aid.content import load_content
from decision_aid.content.markup import cited_ids
from decision_aid.content.schema import ContentBundle
from decision_aid.content.schema.contract import OPTION_IDS
from decision_aid.quality.checks import BALANCE_TOLERANCE, option_word_counts, quality_issues, uncited_numbers
from decision_aid.quality.readability import MAX_GRADE, prepare, reading_levels, syllables
from decision_aid.quality.texts import patient_texts
from decision_aid.report import build_summary
from decision_aid.report.citing import Citer

from .conftest import TODAY


def all_wording(bundle: ContentBundle, language: str = "en") -> str:
    return " ".join(text for items in patient_texts(bundle, language).values() for _, text in items)


# --- evidence ----------------------------------------------------------------------------------


def test_every_number_a_patient_reads_has_a_source(bundle: ContentBundle) -> None:
    assert uncited_numbers(bundle, "en") == []


def test_a_number_without_a_source_is_caught(content_copy: Callable[..., Path]) -> None:
    root = content_copy(
        ("en/comparison.yaml", 'short: "No cement is used, so nothing can leak."',
         'short: "No cement is used. 9 of 10 people feel better."'),
    )
    bundle = load_content(root)
    assert uncited_numbers(bundle, "en") == ["comparison.rows.cement_leakage.cells.non_surgical.short"]
    assert any("a number without a source" in str(i) for i in quality_issues(bundle))


def test_every_exemption_from_citing_still_matches_a_text_with_a_number(bundle: ContentBundle) -> None:
    texts = {path: text for items in patient_texts(bundle, "en").values() for path, text in items}
    for path, reason in bundle.uncited_numbers.items():
        assert path in texts, f"{path} no longer exists"
        assert re.search(r"\d", texts[path]), f"{path} has no number any more: drop its exemption"
        assert reason.strip()


@pytest.mark.parametrize(
    ("citation", "what"),
    [
        ("buchbinder2009", "vertebroplasty vs sham (Buchbinder 2009)"),
        ("kallmes2009", "vertebroplasty vs sham (INVEST, Kallmes 2009)"),
        ("firanescu2018", "vertebroplasty vs sham (VERTOS IV 2018)"),
        ("clark2016", "vertebroplasty vs placebo (VAPOUR 2016)"),
        ("buchbinder2018", "Cochrane review 2018"),
        ("ebeling2019", "ASBMR task force 2019"),
        ("wardlaw2009", "kyphoplasty vs non-surgical care (FREE)"),
        ("dohm2014", "kyphoplasty vs vertebroplasty (KAVIAR)"),
    ],
)
def test_the_comparison_states_what_the_best_studies_found(bundle: ContentBundle, citation: str, what: str) -> None:
    comparison = bundle.text("en").comparison
    cited = {cid for row in comparison.rows.values() for cell in row.cells.values()
             for cid in cited_ids(cell.short + cell.detail)}
    assert citation in cited, what


def test_industry_funded_studies_are_disclosed_wherever_they_are_cited(bundle: ContentBundle) -> None:
    citer = Citer(bundle, "paid for by the device maker")
    funded = [cid for cid, c in bundle.citations.items() if c.industry_funded]
    assert {"wardlaw2009", "vanmeirhaeghe2013", "dohm2014", "hirsch2018"} <= set(funded)
    for cid in funded:
        assert citer.render(f"A fact [@{cid}].").endswith(", paid for by the device maker).")


def test_certainty_is_given_in_plain_words_for_every_cell(bundle: ContentBundle) -> None:
    summary = build_summary(bundle, {}, TODAY)
    for row in summary.comparison.rows:
        for cell in row.cells:
            assert cell.certainty  # a plain sentence, e.g. "Moderate: we are fairly sure..."
            if cell.certainty_level != "descriptive":
                assert cell.certainty_note.startswith("Certainty: ")


def test_every_citation_has_a_doi_or_pmid_or_a_publisher_page(bundle: ContentBundle) -> None:
    for cid, citation in bundle.citations.items():
        assert citation.doi or citation.pmid or (citation.url or "").startswith("https://"), cid


# --- risk communication ------------------------------------------------------------------------


def test_icon_arrays_cover_leakage_for_each_procedure_relief_without_one_and_new_fractures(bundle: ContentBundle) -> None:
    arrays = {a.id: a for a in bundle.comparison.icon_arrays}
    leakage = {g.group for g in arrays["cement_leakage"].groups}
    assert leakage == {"vertebroplasty", "kyphoplasty"}
    assert [g.group for g in arrays["pain_eased_without_procedure"].groups] == ["non_surgical"]
    fracture_groups = {g.group for a in arrays.values() if a.row == "new_fractures" for g in a.groups}
    assert fracture_groups == set(OPTION_IDS)


@pytest.mark.parametrize(("events", "total", "expected"), [(57, 95, 60), (15, 91, 16), (21, 85, 25), (57, 131, 44)])
def test_icon_array_counts_are_the_study_figures_out_of_100_rounded_half_up(
    bundle: ContentBundle, events: int, total: int, expected: int
) -> None:
    groups = [g for a in bundle.comparison.icon_arrays for g in a.groups if (g.events, g.total) == (events, total)]
    assert groups
    assert groups[0].per_100 == expected


def test_icon_arrays_give_both_framings_a_time_frame_and_a_text_alternative(bundle: ContentBundle) -> None:
    summary = build_summary(bundle, {}, TODAY)
    for array in summary.icon_arrays:
        assert array.timeframe
        assert array.source.startswith("(")
        for group in array.groups:
            assert f"{group.count} of 100" in group.caption
            assert f"{100 - group.count} of 100" in group.caption
            assert group.caption in array.alt


# --- plain language ----------------------------------------------------------------------------


def test_every_section_reads_at_grade_8_or_lower(bundle: ContentBundle) -> None:
    readings = reading_levels(bundle, "en")
    assert {r.section for r in readings} >= {"welcome", "safety", "fracture", "treatment", "comparison", "glossary"}
    for r in readings:
        assert r.fk_grade <= MAX_GRADE, r
        assert r.smog <= MAX_GRADE, r


def test_the_measure_is_honest_about_markup_short_units_and_syllables() -> None:
    assert prepare("- **Vertebroplasty**: bone cement put into the bone [@kim2014]") == [
        "Vertebroplasty: bone cement put into the bone."
    ]
    assert prepare("Yes") == []  # buttons and one-word labels are not counted as sentences
    assert prepare("It helps you talk about three choices:") == ["It helps you talk about three choices."]
    assert [syllables(w) for w in ("vertebroplasty", "people", "medicine", "100")] == [5, 2, 3, 3]


def test_hard_text_is_measured_as_hard_and_flagged(bundle: ContentBundle, content_copy: Callable[..., Path]) -> None:
    jargon = (
        "An organisation manufacturing percutaneous augmentation instrumentation. Consequently it influences "
        "investigational methodology. Publication and dissemination are considerably affected."
    )
    root = content_copy(
        ("en/glossary.yaml", '"A firm that makes and sells the tools used in a procedure."', f'"{jargon}"'),
        ("en/glossary.yaml", '"A scan that measures how strong your bones are."', f'"{jargon}"'),
        ("en/glossary.yaml", '"A firm support that you wear around your body."', f'"{jargon}"'),
    )
    before = next(r for r in reading_levels(bundle, "en") if r.section == "glossary")
    after = next(r for r in reading_levels(load_content(root), "en") if r.section == "glossary")
    assert after.smog > before.smog + 1
    assert after.smog > MAX_GRADE
    issues = [str(i) for i in quality_issues(load_content(root))]
    assert any(i.startswith("en/*: glossary: reading level above grade 8") for i in issues)


MEDICAL_WORDS = [
    "vertebra", "compression fracture", "osteoporosis", "vertebroplasty", "kyphoplasty", "sham",
    "anesthesia", "opioids", "kyphosis", "certainty", "glucocorticoids", "multiple myeloma", "hemangioma",
    "osteonecrosis", "hyperparathyroidism", "physical therapy", "nerve block", "cleft",
    "thoracolumbar junction", "bone density test",
]


@pytest.mark.parametrize("word", MEDICAL_WORDS)
def test_each_medical_word_used_is_explained_in_the_glossary(bundle: ContentBundle, word: str) -> None:
    wording = all_wording(bundle).lower()
    terms = " ".join(f"{t.term} {t.means}" for t in bundle.text("en").glossary.terms.values()).lower()
    if word in wording.replace(terms, ""):
        assert word in " ".join(t.term.lower() for t in bundle.text("en").glossary.terms.values()), word


def test_every_glossary_word_is_used_somewhere(bundle: ContentBundle) -> None:
    assert not [i for i in quality_issues(bundle) if "not used anywhere" in i.message]


# --- balance -----------------------------------------------------------------------------------


def test_the_three_options_get_equal_detail_within_25_percent(bundle: ContentBundle) -> None:
    counts = option_word_counts(bundle, "en")
    assert set(counts) == set(OPTION_IDS)
    mean = sum(counts.values()) / len(counts)
    for option, words in counts.items():
        assert abs(words - mean) <= BALANCE_TOLERANCE * mean, (option, words, mean)


def test_unequal_detail_is_caught(content_copy: Callable[..., Path]) -> None:
    padding = " Cement is quick." * 200
    root = content_copy(("en/comparison.yaml", "          There is no cut, only a small hole in the skin.",
                         "          There is no cut, only a small hole in the skin." + padding))
    issues = [str(i) for i in quality_issues(load_content(root))]
    assert any("cells.vertebroplasty" in i and "equal detail" in i for i in issues)


def test_every_option_has_benefits_and_harms_rows(bundle: ContentBundle) -> None:
    rows = {row.id for row in bundle.comparison.rows}
    assert {"how_soon_relief", "best_studies"} <= rows  # benefits
    assert {"cement_leakage", "other_risks", "new_fractures"} <= rows  # harms
    for row in bundle.text("en").comparison.rows.values():
        assert set(row.cells) == set(OPTION_IDS)


def test_no_procedure_is_always_an_option(bundle: ContentBundle) -> None:
    assert bundle.comparison.options[0] == "non_surgical"
    assert "non_surgical" in bundle.questions["leaning"].codes


@pytest.mark.parametrize(
    "claim",
    ["minimal and rarely reported", "risks are minimal", "rarely reported", "no risk", "completely safe",
     "proven to work", "guaranteed", "reduces pain by over 60"],
)
def test_no_claim_the_evidence_contradicts(bundle: ContentBundle, claim: str) -> None:
    assert claim not in all_wording(bundle).lower()
