"""Every language says the same thing: the same keys, options, placeholders, citations and numbers;
the same guidance from the same answers; a summary with no words left in another language; and a
Spanish reading measure that counts Spanish syllables properly.

The checks here are written independently of the content checks they test (decision_aid.quality.parity
and the key check in decision_aid.content.integrity), and then those checks are shown to catch a
broken translation.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from decision_aid.cli import main
from decision_aid.content import load_content, read_content
from decision_aid.content.integrity import WORDING_FILES
from decision_aid.content.markup import CITATION, PLACEHOLDER, cited_ids, iter_text
from decision_aid.content.schema import ContentBundle, QuestionKind
from decision_aid.domain import assess, validate_answers
from decision_aid.errors import ContentError
from decision_aid.quality import quality_issues, reading_table
from decision_aid.quality.parity import numbers, parity_issues
from decision_aid.quality.readability import MIN_EASE, ease_levels, prepare, reading_levels, spanish_ease
from decision_aid.quality.spanish import spanish_syllables
from decision_aid.report import build_summary, render_text
from decision_aid.report.html import render_html
from decision_aid.report.pdf import render_pdf

from .conftest import TODAY
from .test_summary_outputs import TYPICAL

BUNDLE = load_content()
BASE = BUNDLE.default_language
OTHERS = [code for code in BUNDLE.languages if code != BASE]
SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))


def texts(bundle: ContentBundle, code: str, part: str) -> dict[str, str]:
    return dict(iter_text(getattr(bundle.languages[code], part)))


def pairs(code: str) -> list[tuple[str, str, str, str]]:
    """(file, key.path, English text, translated text) for every key."""
    out = []
    for part in WORDING_FILES:
        theirs = texts(BUNDLE, code, part)
        out += [(part, path, text, theirs[path]) for path, text in texts(BUNDLE, BASE, part).items() if path in theirs]
    return out


def plain_numbers(text: str) -> Counter[str]:
    """Numbers as a reader sees them, with thousands written any way ("1,000", "1000", "11 000")."""
    text = CITATION.sub("", text)
    text = re.sub(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)", "", text)
    return Counter(re.findall(r"\d+", text))


def test_spanish_is_a_language_and_english_stays_the_default() -> None:
    assert BUNDLE.manifest.languages[:2] == ["en", "es"]
    assert BUNDLE.text("es").ui.language_name == "Español"


# --- the same keys, options, placeholders, citations and numbers --------------------------------


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("part", WORDING_FILES)
def test_every_key_exists_in_both_languages(code: str, part: str) -> None:
    english, other = set(texts(BUNDLE, BASE, part)), set(texts(BUNDLE, code, part))
    assert sorted(english - other) == [], f"missing in {code}/{part}.yaml"
    assert sorted(other - english) == [], f"in {code}/{part}.yaml but not in {BASE}"


@pytest.mark.parametrize("code", OTHERS)
def test_every_question_has_the_same_options_in_both_languages(code: str) -> None:
    english = BUNDLE.text(BASE).questions.questions
    other = BUNDLE.text(code).questions.questions
    assert set(english) == set(other)
    for qid, question in english.items():
        assert list(other[qid].options) == list(question.options), qid
        assert (other[qid].value_format is None) == (question.value_format is None), qid


@pytest.mark.parametrize("code", OTHERS)
def test_every_text_keeps_its_placeholders_citations_and_numbers(code: str) -> None:
    problems = []
    for part, path, english, other in pairs(code):
        if set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(other)):
            problems.append(f"{part}.{path}: placeholders {PLACEHOLDER.findall(other)}")
        if Counter(cited_ids(english)) != Counter(cited_ids(other)):
            problems.append(f"{part}.{path}: citations {cited_ids(other)}")
        if plain_numbers(english) != plain_numbers(other):
            problems.append(f"{part}.{path}: numbers {sorted(plain_numbers(other).elements())}")
    assert problems == []


@pytest.mark.parametrize("code", OTHERS)
def test_the_content_checks_find_no_difference_between_the_languages(code: str) -> None:
    _, issues = read_content()
    assert [str(i) for i in issues if i.file.startswith(f"{code}/") and i.level != "notice"] == []
    assert parity_issues(BUNDLE, code) == []


def test_numbers_are_compared_without_thousands_separators() -> None:
    assert numbers("About 8 in 1,000 [@hsieh2019], $11,000.") == ["8", "1000", "11000"]
    assert numbers("Unas 8 de cada 1000 [@hsieh2019], 11\u00a0000 dólares.") == ["8", "1000", "11000"]
    assert numbers("T11 a L2, 2 a 4 semanas") == ["11", "2", "2", "4"]


# --- a broken translation is caught, saying what is missing and where ---------------------------

BROKEN: list[Any] = [
    pytest.param(
        (
            "es/questions.yaml",
            '        explain: "Marque esta casilla si no tiene ninguno de los problemas de arriba."\n',
            "",
        ),
        "es/questions.yaml: questions.red_flags.options.none.explain: missing in es (present in en)",
        id="optional-key-missing",
    ),
    pytest.param(
        ("es/pages.yaml", '      - "¿Cuánto me costaría cada opción?"\n', ""),
        "es/pages.yaml: steps.leaning.suggested_questions.5: missing in es (present in en)",
        id="list-item-missing",
    ),
    pytest.param(
        (
            "es/glossary.yaml",
            "terms:\n",
            'terms:\n  extra:\n    term: "Columna"\n    means: "Los huesos de la espalda."\n',
        ),
        "es/glossary.yaml: terms.extra.term: not in en: add it there or remove it",
        id="key-only-in-translation",
    ),
    pytest.param(
        (
            "es/comparison.yaml",
            "unas 55 de cada 100 personas tienen una fuga en las imágenes, y 45 no",
            "unas 55 de cada 100 personas tienen una fuga en las imágenes, y 46 no",
        ),
        "es/comparison.yaml: rows.cement_leakage.cells.vertebroplasty.short: numbers differ from en: "
        "45 missing in es; 46 not in en",
        id="number-changed",
    ),
    pytest.param(
        ("es/comparison.yaml", "estaban igual.", "estaban igual (12 meses)."),
        "es/comparison.yaml: icon_arrays.arrays.pain_low_sham_trial.timeframe: numbers differ from en: 12 not in en",
        id="number-added",
    ),
    pytest.param(
        ("es/guidance.yaml", "no es el momento de decidir\n    [@legare2010].", "no es el momento de decidir."),
        "es/guidance.yaml: sure.conflict: citations differ from en: [@legare2010] missing in es",
        id="citation-dropped",
    ),
    pytest.param(
        ("es/guidance.yaml", "Le quedan\n      más o menos {weeks_remaining}.", "Le queda poco."),
        "es/guidance.yaml: statuses.continue_non_surgical.body: placeholders differ from en: "
        "{weeks_remaining} missing in es",
        id="placeholder-dropped",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), BROKEN)
def test_a_broken_translation_is_reported_and_fails_strict_mode(
    content_copy: Callable[..., Path], edit: tuple[str, str, str], expected: str
) -> None:
    bundle, issues = read_content(content_copy(edit))
    assert bundle is not None
    found = [str(i) for i in issues + quality_issues(bundle) if i.level == "warning"]
    assert expected in found, found


def test_a_missing_required_key_stops_loading_and_names_file_and_key(content_copy: Callable[..., Path]) -> None:
    root = content_copy(("es/ui.yaml", '  back: "Atrás"\n', ""))
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert "es/ui.yaml: nav.back: missing (this key is required)" in [str(i) for i in error.value.issues]


def test_a_missing_option_is_an_error_that_names_the_language(content_copy: Callable[..., Path]) -> None:
    root = content_copy(
        (
            "es/questions.yaml",
            '      hemangioma:\n        label: "Hemangioma"\n',
            '      hemangiomas:\n        label: "H"\n',
        )
    )
    with pytest.raises(ContentError) as error:
        load_content(root)
    messages = [str(i) for i in error.value.issues]
    assert (
        "es/questions.yaml: questions.fracture_causes.options.hemangioma: missing (needed by the structure files)"
        in messages
    )


def test_a_folder_copied_from_english_lists_everything_left_to_translate(content_copy: Callable[..., Path]) -> None:
    root = content_copy(("manifest.yaml", "languages: [en, es]", "languages: [en, es, fr]"))
    shutil.copytree(root / "en", root / "fr")
    bundle, _ = read_content(root)
    assert bundle is not None
    untranslated = [str(i) for i in quality_issues(bundle) if i.file.startswith("fr/")]
    assert "fr/questions.yaml: questions.red_flags.prompt: not translated yet (as in en)" in untranslated
    assert len(untranslated) > 300
    assert not [i for i in quality_issues(bundle) if i.file.startswith("es/")]


def test_a_missing_language_folder_is_reported_file_by_file(content_copy: Callable[..., Path]) -> None:
    root = content_copy(("manifest.yaml", "languages: [en, es]", "languages: [en, es, fr]"))
    _, issues = read_content(root)
    assert "fr/questions.yaml: file not found" in [str(i) for i in issues]


# --- the same guidance and a summary with no English left --------------------------------------

STORIES = [yaml.safe_load(p.read_text(encoding="utf-8"))["answers"] for p in SCENARIOS]
TYPICAL_ES: dict[str, Any] = {
    **TYPICAL,  # the English tests' typical patient, with Spanish typed text
    "patient_name": "María José Núñez",
    "fracture_cause_other": "uso de esteroides por mucho tiempo – 10 años",
    "questions_for_clinician": "¿Cuánto tiempo estaría en el hospital?\n¿Puedo seguir manejando?",
}
ANSWERS = [pytest.param(TYPICAL_ES, id="typical"), pytest.param({}, id="empty")] + [
    pytest.param(story, id=path.stem) for story, path in zip(STORIES, SCENARIOS, strict=True)
]


@pytest.mark.parametrize("answers", ANSWERS)
def test_an_answers_file_gives_the_same_guidance_in_both_languages(tmp_path: Path, answers: dict[str, Any]) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    printed = {}
    for code in BUNDLE.languages:
        out = io.StringIO()
        assert main(["guidance", str(path), "--lang", code], stdout=out) == 0
        printed[code] = json.loads(out.getvalue())
    assert all(result == printed[BASE] for result in printed.values())
    valid = dict(validate_answers(BUNDLE, answers))
    english = build_summary(BUNDLE, valid, TODAY, BASE)
    for code in OTHERS:
        other = build_summary(BUNDLE, valid, TODAY, code)
        assert other.guidance_data == english.guidance_data == assess(BUNDLE, valid)
        assert other.guidance.status == english.guidance.status
        assert other.guidance.timeline.weeks_done == english.guidance.timeline.weeks_done


# Words of the English interface that must never appear in another language's summary (the titles
# of the cited publications, which stay in their own language, are left out first).
ENGLISH_ONLY = [
    "Next",
    "Back",
    "Step",
    "Summary",
    "Download",
    "Print",
    "Page",
    "Sources",
    "Your",
    "You",
    "Yes",
    "Not answered",
    "Warning",
    "Guidance",
    "Leaning",
    "Certainty",
    "weeks",
    "week",
    "people",
    "out of",
    "Prepared for",
    "Date",
    "Content version",
    "paid for by",
    "the",
    "and",
    "with",
    "of",
    "to",
    "is",
]


def summary_text_without_references(code: str, answers: dict[str, Any]) -> str:
    """The text summary, without the list of sources and without what the person typed."""
    summary = build_summary(BUNDLE, dict(validate_answers(BUNDLE, answers)), TODAY, code)
    text = " ".join(render_text(summary).split())
    for qid, value in answers.items():
        if BUNDLE.questions[qid].kind is QuestionKind.TEXT:
            text = text.replace(" ".join(value.split()), "")
    before, found, rest = text.partition(summary.words.sources_heading.upper())
    assert found, "the text summary has a list of sources"
    return before + rest[rest.index(summary.words.about_heading.upper()) :]


@pytest.mark.parametrize("answers", ANSWERS)
def test_the_spanish_summary_has_no_english_interface_words(answers: dict[str, Any]) -> None:
    text = summary_text_without_references("es", answers)
    assert BUNDLE.text("es").ui.summary.title in text
    leftovers = [word for word in ENGLISH_ONLY if re.search(rf"\b{re.escape(word)}\b", text)]
    assert leftovers == []


def test_no_english_sentence_of_the_interface_is_left_in_the_spanish_summary() -> None:
    text = summary_text_without_references("es", TYPICAL_ES)
    english = [t for part in WORDING_FILES for t in texts(BUNDLE, BASE, part).values()]
    fragments = {f.strip(" .:") for t in english for f in PLACEHOLDER.split(CITATION.sub("", t))}
    assert sorted(f for f in fragments if len(f.split()) >= 3 and f in text) == []


# --- the Spanish summary as PDF and HTML ---------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def spanish_summary(**changes: Any):  # type: ignore[no-untyped-def]
    return build_summary(BUNDLE, dict(validate_answers(BUNDLE, {**TYPICAL_ES, **changes})), TODAY, "es")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="typical"),
        pytest.param(
            {"red_flags": ["leg_weakness_numbness", "bladder_bowel_control", "cancer_history"]}, id="three-red-flags"
        ),
        pytest.param({f"values_{k}": 4 for k in ("quick_relief", "avoid_procedure", "low_leakage")}, id="priorities"),
    ],
)
def test_the_spanish_pdf_is_one_to_three_pages(changes: dict[str, Any]) -> None:
    assert 1 <= len(PdfReader(io.BytesIO(render_pdf(spanish_summary(**changes)))).pages) <= 3


def test_the_spanish_pdf_keeps_its_accents_and_says_it_is_spanish() -> None:
    data = render_pdf(spanish_summary())
    text = pdf_text(data)
    for phrase in [
        "Preparado para: María José Núñez",
        "Ha probado el tratamiento sin cirugía por 3 semanas o más",
        "Tratamiento sin cirugía",
        "Vertebroplastia",
        "Cifoplastia",
        "Se inclina por: Vertebroplastia",
        "Su puntaje: 3 de 4",
        "¿Cuánto tiempo estaría en el hospital?",
        "Wardlaw 2009, pagado por el fabricante",
        "Unos 11 000 si pasa la noche",  # a no-break space in the content
        "Versión del contenido 1.0.0",
    ]:
        assert phrase in text, phrase
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata is not None
    assert reader.metadata.title == BUNDLE.text("es").ui.summary.title
    assert [item.title for item in reader.outline][:2] == ["Guía de las tres semanas", "Sus respuestas"]


def test_the_spanish_html_says_it_is_spanish() -> None:
    html = render_html(spanish_summary())
    assert '<html lang="es">' in html
    assert f"<title>{BUNDLE.text('es').ui.summary.title}" in html
    assert "María José Núñez" in html


# --- reading ease in Spanish ---------------------------------------------------------------------

# Hand-checked syllable counts (Real Academia Española spelling rules): hiatus, diphthongs,
# triphthongs, silent u, ü, h between vowels, y as a vowel, and the aid's medical words.
GOLD = """
día 2, días 2, todavía 4, tenía 3, río 2, país 2, oír 2, leer 2, creer 2, caer 2, poeta 3, poesía 4,
cirugía 4, osteoporosis 6, teoría 4, aéreo 4, océano 4, león 2, peor 2, área 3, idea 3, agua 2,
cuatro 2, bueno 2, nuevo 2, nuevas 2, huesos 2, hueso 2, hueco 2, hueca 2, cuerpo 2, fuerte 2,
fuerza 2, puede 2, pueden 2, siempre 2, tiempo 2, cierto 2, bien 1, quien 1, cien 1, muy 1, hoy 1,
rey 1, ley 1, buey 1, Uruguay 3, y 1, mayo 2, ayuda 3, ayudar 3, yo 1, que 1, qué 1, quiero 2,
guía 2, guerra 2, sigue 2, seguro 3, pingüino 3, vergüenza 3, agüero 3, ciudad 2, ruido 2,
cuidado 3, construir 2, huir 1, viuda 2, ahora 3, ahí 2, búho 2, prohíbe 3, rehúsa 3, alcohol 3,
hospital 3, hacer 2, hay 1, calle 2, perro 2, chico 2, llamar 2, carro 2, columna 3, vértebra 3,
vértebras 3, vertebral 3, vertebroplastia 5, cifoplastia 4, procedimiento 5, procedimientos 5,
fractura 3, compresión 3, aplastamiento 5, médico 3, medicina 4, medicinas 4, medicamento 5,
pastillas 3, dolor 2, espalda 3, tratamiento 4, cemento 3, anestesia 4, opioides 3,
glucocorticoides 6, esteroides 4, prednisona 4, heparina 4, radiografía 5, estudio 3, estudios 3,
ensayo 3, ensayos 3, personas 3, persona 3, semanas 3, semana 3, meses 2, mes 1, años 2, riesgo 2,
riesgos 2, fuga 2, pulmones 3, infección 3, diferencia 4, probabilidad 5, fabricante 4, equipo 3,
cifosis 3, hiperparatiroidismo 8, mieloma 3, múltiple 3, hemangioma 4, osteonecrosis 6,
densitometría 6, fisioterapia 5, terapia 3, faja 2, corsé 2, bloqueo 3, nervioso 3, hendidura 4,
unión 2, toracolumbar 5, sanguíneos 4, glándulas 3, hormona 3, hormonas 3, tiroides 3, calcio 2,
vitamina 4, reumatoide 4, celíaca 4, intestino 4, paracetamol 5, acetaminofén 6, ibuprofeno 5,
oxicodona 5, tramadol 3, seguridad 4, respuesta 3, respuestas 3, opción 2, opciones 3, decisión 3,
usted 2, sobre 2, huelga 2, aún 2, aun 1, reír 2, baúl 2, maíz 2, raíz 2, Raúl 2, fiable 2,
diario 2, diaria 2, diarias 2, historia 3, ciencia 2, veinte 2, aire 2, causa 2, pausa 2, Europa 3,
oigo 2, hoyo 2, pie 1, pies 1, fue 1, fui 1, Kümmell 2, Depo-Provera 5
"""
GOLD_COUNTS = {w: int(n) for w, n in (item.split() for item in GOLD.replace("\n", " ").split(","))}


def test_spanish_syllables_match_a_hand_checked_list() -> None:
    assert len(GOLD_COUNTS) >= 190
    wrong = {word: spanish_syllables(word) for word, count in GOLD_COUNTS.items() if spanish_syllables(word) != count}
    assert wrong == {}


def test_every_spanish_section_reads_at_ease_60_or_more() -> None:
    readings = ease_levels(BUNDLE, "es")
    assert {r.section for r in readings} >= {"welcome", "safety", "fracture", "treatment", "comparison", "glossary"}
    for r in readings:
        assert r.fernandez_huerta >= MIN_EASE, r
        assert r.szigriszt_pazos >= MIN_EASE, r


def test_the_spanish_formulas_are_the_published_ones() -> None:
    # 2 sentences, 7 words, 11 syllables: el-pe-rro-co-me / la-ca-sa-es-ro-ja.
    reading = spanish_ease("x", prepare("El perro come. La casa es roja."))
    assert reading is not None
    assert (reading.words, reading.sentences, reading.syllables) == (7, 2, 11)
    assert reading.fernandez_huerta == round(206.84 - 60 * 11 / 7 - 1.02 * 7 / 2, 1)
    assert reading.szigriszt_pazos == round(206.835 - 62.3 * 11 / 7 - 7 / 2, 1)


def test_hard_spanish_is_measured_as_hard_and_flagged(content_copy: Callable[..., Path]) -> None:
    jargon = (
        "La instrumentación percutánea de aumentación vertebral condiciona consecuentemente la "
        "metodología investigacional, considerablemente influenciada por organizaciones fabricantes "
        "multinacionales, independientemente de consideraciones epidemiológicas, farmacoeconómicas o "
        "regulatorias internacionalmente reconocidas."
    )
    replaced = [
        "Una empresa que hace y vende los instrumentos que se usan en un procedimiento.",
        "Un estudio de imagen que mide qué tan fuertes están sus huesos.",
        "Un soporte firme que se pone alrededor del cuerpo.",
        "Una inyección de medicina que adormece, cerca de un nervio, para calmar el dolor.",
        "La parte de la columna donde la parte alta de la espalda se une con la parte baja.",
    ]
    root = content_copy(*(("es/glossary.yaml", f'"{text}"', f'"{jargon}"') for text in replaced))
    bundle = load_content(root)
    before = next(r for r in ease_levels(BUNDLE, "es") if r.section == "glossary")
    after = next(r for r in ease_levels(bundle, "es") if r.section == "glossary")
    assert after.fernandez_huerta < before.fernandez_huerta - 5
    issues = [str(i) for i in quality_issues(bundle)]
    assert any(i.startswith("es/*: glossary: reading ease below 60 (Fernández-Huerta ") for i in issues), issues
    assert not any(i.startswith("es/*") and "grade" in i for i in issues)


def test_the_reading_table_shows_grades_for_english_and_ease_for_spanish() -> None:
    table = reading_table(BUNDLE)
    grade, _, ease = table.partition("Reading ease in Spanish")
    assert "FK grade" in grade
    assert "SMOG" in grade
    assert all(line.startswith("en ") for line in grade.splitlines()[1:] if line.strip())
    assert "Fernández-Huerta" in ease
    assert "Szigriszt-Pazos" in ease
    rows = [line for line in ease.splitlines() if line.startswith("es ")]
    assert len(rows) == len(ease_levels(BUNDLE, "es")) >= 10
    assert len(reading_levels(BUNDLE, "en")) == len(grade.splitlines()) - 2


def test_check_content_strict_prints_the_spanish_table_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["check-content", "--strict"], stdout=out) == 0
    printed = out.getvalue()
    assert "Fernández-Huerta" in printed
    assert re.search(r"^es\s+comparison\s+\d+\s+\d+\s+\d+\.\d\s+\d+\.\d$", printed, re.MULTILINE)
