"""Models of the words of saving and resuming with a code, and of consultation mode (ui.yaml
`saving` and `clinician`)."""

from __future__ import annotations

from pydantic import Field

from .base import Text

__all__ = ["ClinicianText", "SavingText"]


class SavingText(Text):
    """Saving with a resume code (sidebar), continuing with it (welcome step), deleting (sidebar).

    The error keys match the `.code` of the storage errors (docs/STORAGE.md); {minutes}, {date},
    {code} and {questions} are filled in by the screen.
    """

    heading: str = Field(description="Heading of the save panel in the sidebar.")
    intro: str = Field(description="What a code is for, and that anyone who has it can see the answers.")
    save_button: str
    code_label: str = Field(description="Shown above the code once it is made.")
    code_note: str = Field(description="Under the code: write it down; kept until {date}; saved as you go.")
    autosave_failed: str = Field(description="A save after a change did not work; the answers are still on screen.")
    code_gone: str = Field(description="A later save found the code deleted (elsewhere) or expired; it is forgotten.")
    delete_button: str
    delete_question: str = Field(description="Asks to confirm, and says it cannot be undone.")
    delete_confirm: str
    delete_cancel: str
    deleted: str = Field(description="Shown after the answers were deleted.")
    resume_heading: str = Field(description="Heading of 'continue with a code' on the welcome step.")
    resume_intro: str
    resume_label: str = Field(description="Label of the code box.")
    resume_button: str
    resumed: str = Field(description="Shown on the step the code led to.")
    resume_dropped: str = Field(description="Some saved answers no longer fit the questions; {questions} lists them.")
    print_code_label: str = Field(description="Summary step: a switch to print the code on the summary.")
    print_code_help: str = Field(description="Warns that anyone who sees the page can open the answers.")
    summary_line: str = Field(description="The line on the summary: {code} and {date}.")
    invalid_code: str = Field(description="The code is too short, too long or has a character codes never have.")
    empty_code: str
    mistyped_code: str = Field(description="The check character shows a character is wrong or two are swapped.")
    not_found_or_expired: str = Field(description="One neutral answer for wrong, expired and deleted codes.")
    too_many_attempts: str = Field(description="Too many wrong codes from this computer; {minutes} to wait.")
    corrupt_session: str = Field(description="The saved row was changed or damaged; nothing on screen changed.")
    storage_unavailable: str = Field(description="The database cannot be reached or is not set up right.")


class ClinicianText(Text):
    """Consultation mode: the panel on every step and the clinician page of the PDF."""

    panel_label: str = Field(description="Names the always-visible panel (for screen readers and the eye).")
    red_flags: str
    weeks: str
    risk_factors: str
    pain: str
    pain_value: str = Field(description="{value} and {max} of the pain scale.")
    leaning: str
    sure: str
    sure_value: str = Field(description="{score} and {total} of the SURE test.")
    sure_conflict: str
    sure_no_conflict: str
    knowledge: str
    knowledge_value: str = Field(description="{correct}, {answered} and {total} of the knowledge check.")
    guidance: str
    none: str = Field(description="No red flags or no risk factors ticked.")
    talking_points: str = Field(description="Label of the talking points of the current step.")
    page_heading: str = Field(description="Heading of the clinician page of the PDF.")
    page_intro: str
    field_column: str
    code_column: str
    meaning_column: str
    questionnaire: str = Field(description="{url} and {version} of the questionnaire the codes belong to.")
