"""Content larger than today's: a step with more questions or tick boxes than fit on one screen is
shown in parts (Back and Next go through them), and a question with a long list of options is one
searchable list. Today's content fits on one screen per step, which is checked too."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.grow import grow
from decision_aid.content.schema import ContentBundle, Question, QuestionKind
from decision_aid.domain import exclusive_pick
from decision_aid.ui import option_lists
from decision_aid.ui.navigation import BOXES_PER_PART, PAGED_STEPS, QUESTIONS_PER_PART, question_parts
from decision_aid.ui.widgets import CHECKBOX_LIMIT

from .conftest import REPO
from .test_app import boxes, tick

ENTRY = str(REPO / "streamlit_app.py")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _question(qid: str, options: int = 0, exclusive: tuple[str, ...] = ()) -> Question:
    data: dict[str, object] = {"id": qid, "kind": "text", "max_length": 50}
    if options:
        data = {
            "id": qid,
            "kind": "multi_choice",
            "options": [
                {"code": f"o{i}", **({"exclusive": True} if f"o{i}" in exclusive else {})} for i in range(options)
            ],
        }
    return Question.model_validate(data)


def test_todays_content_fits_one_screen_per_step(bundle: ContentBundle) -> None:
    for step in bundle.steps:
        if step.id in PAGED_STEPS:
            parts = question_parts([bundle.questions[q] for q in step.questions])
            assert parts == [list(step.questions)], step.id
    longest = max(len(q.codes) for q in bundle.questions.values() if q.kind is QuestionKind.MULTI_CHOICE)
    assert longest <= CHECKBOX_LIMIT  # every multi-choice question is still tick boxes


def test_parts_hold_at_most_the_questions_and_boxes_that_fit() -> None:
    texts = [_question(f"t{i}") for i in range(QUESTIONS_PER_PART + 3)]
    assert [len(p) for p in question_parts(texts)] == [QUESTIONS_PER_PART, 3]
    boxes = [_question(f"m{i}", options=9) for i in range(5)]  # 9 boxes each: two fit in 20
    assert question_parts(boxes) == [["m0", "m1"], ["m2", "m3"], ["m4"]]
    # A list too long for boxes is one searchable list, so it takes no box room; a question with
    # more boxes than a part holds still gets a part of its own.
    mixed = [
        _question("big", options=BOXES_PER_PART - 5),
        _question("long", options=CHECKBOX_LIMIT + 30),
        _question("t"),
    ]
    assert question_parts(mixed) == [["big", "long", "t"]]
    assert question_parts([]) == [[]]


def test_the_searchable_list_keeps_the_none_of_these_rule() -> None:
    q = _question("q", options=20, exclusive=("o19",))
    assert exclusive_pick(q, [], ["o3", "o1"]) == ["o1", "o3"]  # in the question's order
    assert exclusive_pick(q, ["o1", "o3"], ["o1", "o3", "o19"]) == ["o19"]  # "none" clears the rest
    assert exclusive_pick(q, ["o19"], ["o19", "o2"]) == ["o2"]  # anything else clears "none"
    assert exclusive_pick(q, ["o1", "o3"], ["o3"]) == ["o3"]  # taking one out takes only that out


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content three times over (bench.grow): three safety questions of 9 boxes each, and
    the long lists 43 options long."""
    return grow(tmp_path_factory.mktemp("content") / "x3", 3)


def _box_lists(app: AppTest) -> set[str]:
    return {option_lists.sent(e.proto.json)["id"] for e in app.get("bidi_component")}


def _progress(app: AppTest) -> str:
    return str(app.get("progress")[0].proto.text)


def test_a_long_step_is_walked_in_parts_and_keeps_every_answer(grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_AID_CONTENT_DIR", str(grown))
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    app.button(key="next.welcome").click().run()  # welcome: 3 questions, one part
    assert _progress(app) == "Step 2 of 9: Safety check (part 1 of 2)"
    assert _box_lists(app) == {"q.red_flags", "q.red_flags_x1"}  # 18 boxes; the third waits for part 2
    tick(app, "red_flags", "none")
    app.button(key="next.safety").click().run()
    assert _progress(app) == "Step 2 of 9: Safety check (part 2 of 2)"
    assert _box_lists(app) == {"q.red_flags_x2"}  # part 1's boxes are gone
    tick(app, "red_flags_x2", "none")
    app.button(key="next.safety").click().run()
    assert _progress(app).startswith("Step 3 of 9")
    app.button(key="back.fracture").click().run()  # Back from the next step: the last part
    assert _progress(app) == "Step 2 of 9: Safety check (part 2 of 2)"
    app.button(key="back.safety").click().run()
    assert _progress(app) == "Step 2 of 9: Safety check (part 1 of 2)"
    assert boxes(app, "red_flags")["ticked"] == ["none"]
    answers = app.session_state["answers"]
    assert answers["red_flags"] == ["none"]
    assert answers["red_flags_x2"] == ["none"]


def test_a_long_list_is_one_searchable_list_with_the_none_rule(grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_AID_CONTENT_DIR", str(grown))
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    for step in ("welcome", "safety", "safety"):
        app.button(key=f"next.{step}").click().run()
    assert _progress(app).startswith("Step 3 of 9")
    assert not [c for c in app.checkbox if c.key and c.key.startswith("q.bone_loss_medicines.")]
    medicines = app.multiselect(key="q.bone_loss_medicines")
    assert len(medicines.options) > CHECKBOX_LIMIT
    medicines.select("glucocorticoids").run()
    assert app.session_state["answers"]["bone_loss_medicines"] == ["glucocorticoids"]
    app.multiselect(key="q.bone_loss_medicines").select("none").run()
    assert app.session_state["answers"]["bone_loss_medicines"] == ["none"]
    assert app.multiselect(key="q.bone_loss_medicines").value == ["none"]
