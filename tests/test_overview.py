"""The Overview and presenter mode, server-side with AppTest: figures from the data, slides, junk links."""

import random
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from evidence.findings import CONCLUSION_EVIDENCE, FINDINGS

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run(**params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    return app


def texts(app: AppTest) -> str:
    """What the page says, with the markdown escapes of data text removed."""
    shown = " ".join(m.value for m in app.markdown) + " " + " ".join(c.value for c in app.caption)
    return shown.replace("\\", "")


def test_headline_figures_come_from_the_data(db):
    app = run()
    assert not app.exception
    # Labels are markdown: the data's words arrive escaped ("R\\&D"), and show as typed.
    metrics = {m.label.replace("\\", ""): m.value for m in app.metric}
    sample = db.query("survey_samples", sample_id="2016-06-30").iloc[0]
    assert metrics == {
        "Case studies": str(len(db.query("cases", typology=None))),
        "Home countries": "11",
        "Survey responses": str(sample["valid_responses"]),
        "Workshop participants": str(len(db.query("participants", countries=None, kinds=None))),
        "SMEs with an R&D partner abroad": "8%",
    }
    assert "Annex 3, Section 7.1" in texts(app)  # each figure names its source


def test_every_conclusion_of_section_2_is_shown(db):
    app = run()
    shown = texts(app)
    for paraphrase in db.query("statements", section="sec-2")["paraphrase"][1:]:
        assert paraphrase in shown
    buttons = [b.label for b in app.button]
    assert sum(label.startswith("Evidence: slide") for label in buttons) == len(CONCLUSION_EVIDENCE)


def test_study_vs_experts_shows_both_sides(db):
    app = run()
    shown = texts(app)
    for row in db.query("study_vs_experts", outcome=None).itertuples():
        assert row.study_statement[:40] in shown and row.expert_statement[:40] in shown
    assert "diverged" in shown and "Paired by the project" in shown
    assert "nan" not in shown.split() and "survey item nan" not in shown


def test_presenter_mode_shows_the_first_key_finding():
    app = run(present="1")
    assert not app.exception
    assert app.title[0].value == FINDINGS[0].headline
    assert any(f"Key finding 1 of {len(FINDINGS)}" in c.value for c in app.caption)
    assert not app.metric  # the overview's content is not on the slide


@pytest.mark.parametrize("value", ["true", "yes", "ON"])
def test_presenter_mode_accepts_several_spellings(value):
    assert run(present=value).title[0].value == FINDINGS[0].headline


def test_unknown_parameters_are_ignored_with_a_notice():
    app = run(colour="red")
    assert not app.exception
    assert any("unknown parameter" in c.value and "colour" in c.value for c in app.caption)


def test_malformed_slide_gets_a_notice():
    app = run(present="1", slide="99")
    assert not app.exception
    assert any("unusable value" in c.value for c in app.caption)
    assert app.title[0].value == FINDINGS[0].headline


def junk_strings(count: int, seed: int = 2016):
    rng = random.Random(seed)
    alphabet = string.printable + "äöü€😀\u202e<>\"'`*_[]()"
    names = ["present", "slide", "embed", "x", "", "page", "slide[]", "__proto__"]
    for _ in range(count):
        params = {}
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(names) if rng.random() < 0.6 else "".join(rng.choices(alphabet, k=rng.randint(1, 12)))
            params[name] = "".join(rng.choices(alphabet, k=rng.randint(0, rng.choice([3, 30, 300]))))
        yield params


@pytest.mark.parametrize("params", list(junk_strings(50)), ids=lambda p: str(abs(hash(str(p))) % 10**8))
def test_fifty_junk_query_strings_raise_nothing(params):
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        if name:
            app.query_params[name] = value
    app.run()
    assert not app.exception
    assert app.title  # the page still shows


@pytest.mark.parametrize(("outcome", "rows"), [("confirmed", 8), ("qualified", 1), ("diverged", 2)])
def test_outcome_filter_from_the_url(outcome, rows):
    app = run(outcome=outcome)
    assert not app.exception
    assert any(c.value == f"{rows} of 11 findings · {outcome}" for c in app.caption)


def test_bad_outcome_is_ignored():
    app = run(outcome="<b>nope</b>")
    assert not app.exception
    assert any(c.value == "11 of 11 findings" for c in app.caption)


def test_conclusion_view_links_point_at_pages_that_exist_with_valid_state(db):
    from evidence.findings import CONCLUSION_VIEWS

    pages = {"pages/case_studies.py", "pages/expert_survey.py", "pages/policy.py"}
    items = set(db.query("survey_items", figure_id=None)["item_id"])
    for statement_id, (target, _, params) in CONCLUSION_VIEWS.items():
        assert target in pages and (Path(APP).parent / target).exists()
        assert statement_id in set(db.query("statements", section="sec-2")["statement_id"])
        if "item" in params:
            assert params["item"] in items
        if "cell" in params:
            type_id, process_id = params["cell"].split("-", 1)
            assert not db.query("cell_links", type_id=type_id, process_id=process_id).empty
