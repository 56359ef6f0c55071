"""What the room is asked in live mode (evidence/content/room_questions.py): the report's own statements and scales,
never an invented scale, and a key for every slide's questions."""

import pytest

from evidence.content import findings, room_questions
from evidence.content.room_questions import scale_choices


def test_a_finding_is_asked_with_the_study_vs_experts_outcomes():
    question = room_questions.for_finding("culture")
    assert question.key == "finding:culture" and question.kind == "finding" and question.comment
    assert question.values == ("confirm", "qualify", "disagree")
    assert set(room_questions.OUTCOME_OF_CHOICE.values()) == {"confirmed", "qualified", "diverged"}


@pytest.mark.parametrize(("scale", "values", "ends"), [
    ("on a scale from 5 (fully agree) to 1 (fully disagree)", ("5", "4", "3", "2", "1"),
     ("5 (fully agree)", "1 (fully disagree)")),
    ("on a scale from 5 (high priority) to 1 (low priority", ("5", "4", "3", "2", "1"),
     ("5 (high priority)", "1 (low priority)")),
    ("on a scale from 1-5", ("1", "2", "3", "4", "5"), ("1", "5")),
    ("YES / NO", ("yes", "no"), ("YES", "NO")),
])
def test_the_reports_scales_are_read_as_written(scale, values, ends):
    choices = scale_choices(scale)
    assert tuple(value for value, _ in choices) == values
    assert (choices[0][1], choices[-1][1]) == ends


@pytest.mark.parametrize("scale", [None, "", "   ", "somewhat"])
def test_no_scale_gives_no_choices(scale):
    assert scale_choices(scale) == ()


def test_survey_items_carry_the_reports_statement_and_scale(db):
    item = db.query("survey_item", item_id="6.f").iloc[0]
    question = room_questions.for_survey_item("6.f")
    assert question.prompt == " ".join(item["text"].split()) and question.scale_words == item["scale"]
    assert question.source == "fig-6" and not question.comment
    assert room_questions.for_survey_item("7.a").values == ("yes", "no")


def test_drivers_and_barriers_have_no_scale_in_the_report_so_they_are_not_asked(db):
    items = db.query("survey_items", figure_id=None)
    for item_id in items["item_id"]:
        scale = db.query("survey_item", item_id=item_id).iloc[0]["scale"]
        asked = room_questions.for_survey_item(item_id)
        assert (asked is None) == (not isinstance(scale, str) or not scale.strip()), item_id
    assert all(room_questions.for_survey_item(f"{figure}.a") is None for figure in ("2", "3"))
    assert room_questions.for_survey_item("9.z") is None


def test_every_slide_asks_its_finding_first_and_the_survey_slides_their_items():
    assert room_questions.for_slide(0) == () and room_questions.first_key(0) is None
    for number, finding in enumerate(findings.FINDINGS, start=1):
        asked = room_questions.for_slide(number)
        assert asked[0].key == f"finding:{finding.slug}" == room_questions.first_key(number)
        assert all(room_questions.by_key(q.key) == q for q in asked)
        assert all(room_questions.slide_of(q.key) == number for q in asked[:1])
    priorities = room_questions.for_slide(findings.slide_number("priorities"))
    assert [q.key for q in priorities[1:]] == [f"survey:6.{letter}" for letter in "abcdef"]
    assert [q.key for q in room_questions.for_slide(findings.slide_number("regions"))[1:]] == ["survey:7.a"]


@pytest.mark.parametrize("key", [None, "", "finding:nope", "survey:2.a", "survey:", "other:x", "nonsense"])
def test_unknown_keys_are_none(key):
    assert room_questions.by_key(key) is None


def test_the_join_link_and_its_qr_code():
    from evidence.content import join_link

    url = join_link.join_url(join_link.origin("http://localhost:8750/?present=1&slide=0"), "QX7K3M")
    assert url == "http://localhost:8750/live/join/QX7K3M"
    assert join_link.short_link(url) == "localhost:8750/live/join/QX7K3M"
    assert join_link.join_url("", "QX7K3M") == "/live/join/QX7K3M" and join_link.origin(None) == ""
    assert join_link.qr_png(url).startswith(b"\x89PNG") and "localhost:8750/live/join/QX7K3M" in join_link.qr_alt(url)


def test_the_qr_code_is_a_linked_image_in_the_page_with_its_text_alternative():
    from evidence.content import join_link

    drawn = join_link.qr_html('http://x"><script>/live/join/QX7K3M', 120)
    assert drawn.startswith('<a href="http://x&quot;&gt;&lt;script&gt;') and "<script>" not in drawn
    assert 'src="data:image/png;base64,' in drawn and 'alt="QR code that opens the join link' in drawn
