"""Models of one language's screen wording: content/<language>/pages.yaml and ui.yaml."""

from __future__ import annotations

from pydantic import Field

from .base import Reviewed, Text
from .sessions import ClinicianText, SavingText

__all__ = [
    "AccessibilityText",
    "ClinicianText",
    "FhirText",
    "PagesText",
    "SavingText",
    "StepText",
    "StepsText",
    "UiText",
]


# --- pages.yaml -----------------------------------------------------------------------------------


class StepText(Text):
    """Wording every step has."""

    nav: str = Field(description="Name in the step list and the progress line.")
    heading: str = Field(description="The step's main heading.")
    intro: str = Field(description="Markdown under the heading; may be empty.")
    talking_points: list[str] = Field(
        min_length=1, description="Consultation mode: what the clinician may raise on this step (Markdown)."
    )


class WelcomeText(StepText):
    """The welcome step."""

    not_a_replacement: str
    sources: str
    clinician_mode_label: str
    clinician_mode_help: str
    language_label: str


class SafetyText(StepText):
    """The safety check."""

    red_flag_alert_heading: str
    red_flag_alert: str
    none_ticked: str


class FractureText(StepText):
    """About your fracture."""

    causes_heading: str
    medicines_heading: str
    never_stop_medicine: str


class TreatmentText(StepText):
    """Your treatment so far."""

    guidance_heading: str


class LeaningText(StepText):
    """Your leaning."""

    suggested_questions_heading: str
    suggested_questions: list[str] = Field(min_length=1, description="Questions to ask the clinician.")


class StepsText(Text):
    """One entry per step id in content/questionnaire.yaml."""

    welcome: WelcomeText
    safety: SafetyText
    fracture: FractureText
    treatment: TreatmentText
    compare: StepText
    values: StepText
    knowledge: StepText
    leaning: LeaningText
    summary: StepText


class PagesText(Reviewed):
    """content/<language>/pages.yaml."""

    steps: StepsText


# --- ui.yaml --------------------------------------------------------------------------------------


class NavText(Text):
    """Navigation labels. `progress` has {step}, {total} and {name}."""

    back: str
    next: str
    start: str
    progress: str
    part: str = Field(description="Added to the progress line when a step is shown in parts: {part} and {parts}.")
    steps_heading: str
    settings_heading: str


class AnswerWords(Text):
    """How answers are shown back."""

    not_answered: str
    yes: str
    no: str
    choose_options: str = Field(description="The empty searchable list of a long multi-choice question.")


class SummaryWords(Text):
    """Fixed text of the summary (screen, PDF, HTML, text)."""

    title: str
    prepared_for: str
    no_name: str
    date: str
    content_version: str
    red_flag_heading: str
    red_flag_action: str
    guidance_heading: str
    answers_heading: str
    comparison_heading: str
    icon_arrays_heading: str
    priorities_heading: str
    priority_column: str = Field(description="Header of the first column of the priorities table.")
    knowledge_heading: str
    leaning_heading: str
    leaning: str
    questions_heading: str
    no_questions: str
    suggested_heading: str
    sources_heading: str
    about_heading: str
    download_pdf: str
    download_answers: str
    print: str
    certainty: str
    page: str
    industry_funded: str
    not_reviewed: str
    reviewed: str
    translation_not_reviewed: str = Field(
        description="Shown on the welcome step and the summary while a translated language is not reviewed."
    )
    language: str


class AboutText(Text):
    """The IPDAS statements printed on every summary."""

    disclaimer: str
    funding: str
    update_policy: str
    industry_note: str
    how_made: str


class ErrorsText(Text):
    """Error screens."""

    content_heading: str
    content_body: str
    unexpected: str


class AnswerErrorsText(Text):
    """Message templates for problems in an answers file; {field} is the question id."""

    not_json: str
    not_object: str
    unknown_question: str
    wrong_type_text: str
    wrong_type_integer: str
    wrong_type_boolean: str
    wrong_type_single: str
    wrong_type_multi: str
    out_of_range: str
    too_long: str
    unknown_code: str
    duplicate_code: str
    empty_list: str
    exclusive_code: str
    control_characters: str
    not_applicable: str
    # QuestionnaireResponse files (docs/FHIR.md); {field} is the item's linkId.
    fhir_wrong_resource: str
    fhir_invalid_resource: str
    fhir_invalid: str
    fhir_wrong_questionnaire: str
    fhir_bad_status: str
    fhir_unknown_link_id: str
    fhir_repeated_item: str
    fhir_not_a_question: str
    fhir_empty_answer: str
    fhir_wrong_answer_type: str
    fhir_too_many_answers: str
    fhir_missing_code: str
    fhir_wrong_system: str
    fhir_required_missing: str


class AccessibilityText(Text):
    """Reading settings in the sidebar, for people who see less well."""

    larger_text_label: str = Field(description="Label of the switch that makes all text at least 25% larger.")
    larger_text_help: str = Field(description="Tooltip under the question mark beside that switch.")
    streamlit_labels: dict[str, str] = Field(
        description="Streamlit's own English accessible names (sidebar, menus) -> the words to say instead."
    )
    help_button: str = Field(
        description="Accessible name of a question-mark help button; {label} is the question ('Help for ...')."
    )


class FhirText(Text):
    """Health-record files (docs/FHIR.md): continuing from a saved file, downloading for the record."""

    upload_label: str = Field(description="Label of the file upload on the welcome step.")
    upload_help: str = Field(description="Tooltip of that upload: which files it takes and what happens.")
    upload_button: str = Field(description="Words on the upload box's button (instead of Streamlit's 'Upload').")
    upload_note: str = Field(description="Under that button: which file to choose.")
    upload_success: str = Field(description="Shown when a file's answers have been loaded.")
    upload_failed: str = Field(description="Shown above the list of problems when a file cannot be used.")
    download: str = Field(description="Label of the summary's QuestionnaireResponse download button.")
    download_help: str = Field(description="Tooltip of that button: what the file is for.")


class UiText(Reviewed):
    """content/<language>/ui.yaml: buttons, labels, fixed summary text and error messages."""

    language_name: str = Field(description="The language's name in itself, for the language menu.")
    app_title: str
    nav: NavText
    accessibility: AccessibilityText
    answers: AnswerWords
    summary: SummaryWords
    about: AboutText
    errors: ErrorsText
    answer_errors: AnswerErrorsText
    fhir: FhirText = Field(description="Words of the health-record (FHIR) upload and download.")
    saving: SavingText = Field(description="Words of saving and continuing with a resume code.")
    clinician: ClinicianText = Field(description="Words of consultation mode's panel and clinician page.")
