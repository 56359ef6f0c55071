"""The Overview and presenter mode, server-side with AppTest: figures from the data, slides, junk links."""

import json
import random
import string
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from evidence.content import state
from evidence.content.findings import CONCLUSION_EVIDENCE, FINDINGS
from evidence.views import VIEWS

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


@pytest.fixture(scope="module")
def overview() -> AppTest:
    """The Overview as a link without parameters opens it, run once for the tests that only read it."""
    app = run()
    assert not app.exception
    return app


def test_headline_figures_come_from_the_data(db, overview):
    # Labels are markdown: the data's words arrive escaped ("R\\&D"), and show as typed.
    metrics = {m.label.replace("\\", ""): m.value for m in overview.metric}
    sample = db.query("survey_samples", sample_id="2016-06-30").iloc[0]
    assert metrics == {
        "Case studies": str(len(db.query("cases", typology=None))),
        "Home countries": "11",
        "Survey responses": str(sample["valid_responses"]),
        "Workshop participants": str(len(db.query("participants", countries=None, kinds=None))),
        "SMEs with an R&D partner abroad": "8%",
    }
    assert "Annex 3, Section 7.1" in texts(overview)  # each figure names its source


def conclusion_rows(app: AppTest) -> list[dict]:
    """The conclusions as the page sends them to the browser: one element, its rows as data."""
    (element,) = app.get("bidi_component")
    return json.loads(element.proto.json)["rows"]


def test_every_conclusion_of_section_2_is_shown(db, overview):
    shown = conclusion_rows(overview)
    said = db.query("statements", section="sec-2")
    assert [row["text"] for row in shown] == list(said["paraphrase"][1:])
    assert [row["who"] for row in shown] == list(said["speaker_label"][1:])
    slides = [link for row in shown for link in row["links"] if link and link["label"].startswith("Evidence: slide")]
    assert len(slides) == len(CONCLUSION_EVIDENCE)


def test_each_conclusion_links_to_its_view_and_its_slide(overview):
    from evidence.content.findings import slide_number
    from evidence.content.text import CONCLUSION_VIEWS

    for row in conclusion_rows(overview):
        view, slide = row["links"]
        if row["key"] in CONCLUSION_VIEWS:
            target, label, params = CONCLUSION_VIEWS[row["key"]]
            assert view["label"] == label
            path, _, query = view["href"].partition("?")
            assert f"pages/{path}.py" == target and parse_qs(query) == {k: [v] for k, v in params.items()}
        else:
            assert view is None
        if row["key"] in CONCLUSION_EVIDENCE:
            number = slide_number(CONCLUSION_EVIDENCE[row["key"]])
            assert slide["label"] == f"Evidence: slide {number}"
            assert parse_qs(slide["href"].lstrip("?")) == {"present": ["1"], "slide": [str(number)],
                                                            "from": [row["key"]]}
        else:
            assert slide is None


def test_the_conclusions_caption_counts_the_conclusions_that_have_a_link(overview):
    """Audit: the caption said each conclusion links to the evidence; st-017 and st-018 have no link."""
    shown = conclusion_rows(overview)
    linked = [row for row in shown if any(row["links"])]
    caption = next(c.value for c in overview.caption if c.value.startswith("Section 2 of the report"))
    assert "each links" not in caption
    assert f"{len(linked)} of the {len(shown)} link to a view or a slide" in caption


def test_study_vs_experts_shows_both_sides(db, overview):
    shown = texts(overview)
    for row in db.query("study_vs_experts", outcome=None).itertuples():
        assert row.study_statement[:40] in shown and row.expert_statement[:40] in shown
    assert "diverged" in shown and "Paired by the project" in shown
    assert "nan" not in shown.split() and "survey item nan" not in shown
    assert any(c.value == "11 of 11 findings" for c in overview.caption)


def test_presenter_mode_shows_the_first_key_finding():
    app = run(present="1")
    assert not app.exception
    assert app.title[0].value == FINDINGS[0].headline
    assert any(f"Key finding 1 of {len(FINDINGS)}" in c.value for c in app.caption)
    assert not app.metric  # the overview's content is not on the slide


def test_presenter_mode_accepts_another_spelling():
    # Every spelling is checked in tests/test_state.py (state.is_present, which app.py and the view call).
    app = run(present="ON")
    assert not app.exception and app.title[0].value == FINDINGS[0].headline


def test_unknown_parameters_and_a_malformed_slide_get_a_notice():
    app = run(present="1", slide="99", colour="red")
    assert not app.exception
    assert any("unknown parameter" in c.value and "colour" in c.value for c in app.caption)
    assert any("unusable value" in c.value and "slide" in c.value for c in app.caption)
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


JUNK = list(junk_strings(50))


@pytest.mark.parametrize("params", JUNK, ids=[f"junk-{number}" for number in range(len(JUNK))])
def test_fifty_junk_query_strings_are_reviewed_without_an_error(params):
    """What the app and the Overview do with a link's parameters (the Overview's checks in evidence/views.py, reviewed
    by evidence/content/state.py), for each of fifty junk links."""
    params = {name: [value] for name, value in params.items() if name}  # as st.query_params.get_all gives them
    view = VIEWS["overview"]
    assert state.is_present(params.get("present")) is False  # no junk value is a yes (1, true, yes, on)
    unknown, malformed = state.review(params, view.validators())
    assert not set(unknown) & (set(view.params) | state.GLOBAL_PARAMS)  # the view's own names are never unknown
    assert set(malformed) <= set(params) and not set(unknown) & set(malformed)
    message = state.notice(unknown, malformed)
    assert (message is None) == (not unknown and not malformed)
    if message:
        assert len(message) < 400 and "\n" not in message
    if "slide" in params and "slide" not in malformed:
        assert 1 <= int(state.last(params["slide"])) <= len(FINDINGS)  # what the slide view then reads


def test_the_overview_checks_its_links_against_the_data():
    checks = VIEWS["overview"].validators()
    assert checks["slide"](str(len(FINDINGS))) and not checks["slide"](str(len(FINDINGS) + 1))
    assert checks["outcome"]("diverged") and not checks["outcome"]("<b>nope</b>")
    assert checks["from"]("st-002") and not checks["from"]("st-001")  # the summary is no conclusion
    assert checks["present"]("ON") and not checks["present"]("maybe")


END_TO_END = (3, 12, 18, 30, 38)  # a slide, a present, a nameless parameter, four at once, a nameless and a present


@pytest.mark.parametrize("params", [JUNK[i] for i in END_TO_END], ids=[f"junk-{number}" for number in END_TO_END])
def test_junk_query_strings_raise_nothing_in_the_app(params):
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        if name:
            app.query_params[name] = value
    app.run()
    assert not app.exception
    assert app.title  # the page still shows


@pytest.mark.parametrize(("outcome", "rows"), [("confirmed", 8), ("qualified", 1), ("diverged", 2)])
def test_outcome_filter(db, outcome, rows):
    # What the Overview's outcome filter asks for; its wiring from the URL is checked below with "diverged".
    shown = db.query("study_vs_experts", outcome=outcome)
    assert len(shown) == rows and set(shown["outcome"]) == {outcome}


def test_outcome_filter_from_the_url():
    app = run(outcome="diverged")
    assert not app.exception
    assert any(c.value == "2 of 11 findings · diverged" for c in app.caption)


def test_bad_outcome_is_ignored():
    app = run(outcome="<b>nope</b>")
    assert not app.exception
    assert any(c.value == "11 of 11 findings" for c in app.caption)
    assert any("unusable value" in c.value and "outcome" in c.value for c in app.caption)


def test_conclusion_view_links_point_at_pages_that_exist_with_valid_state(db):
    from evidence.content.text import CONCLUSION_VIEWS

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
