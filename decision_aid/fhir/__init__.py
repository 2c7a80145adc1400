"""FHIR R4: the content as a Questionnaire, answers as a QuestionnaireResponse, and back (docs/FHIR.md).

Built and checked with fhir.resources' R4B models (R4B and R4 share these two resources). Imports
the content schema, the domain and fhir.resources; never streamlit. No I/O.
"""

from .links import code_system, questionnaire_canonical, questionnaire_url
from .questionnaire import build_questionnaire
from .reading import answers_from_response, is_fhir_resource
from .response import build_response, to_json

__all__ = [
    "answers_from_response",
    "build_questionnaire",
    "build_response",
    "code_system",
    "is_fhir_resource",
    "questionnaire_canonical",
    "questionnaire_url",
    "to_json",
]
