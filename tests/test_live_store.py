"""The live session API (evidence/live/session.py), each test on SQLite and on PostgreSQL (tests/live_store.py)."""

from __future__ import annotations

import pytest

from evidence.live import codes, limits, session
from tests.live_store import (  # noqa: F401 (fixtures)
    FINDING,
    VERDICTS,
    columns_of_every_table,
    every_text_value,
    live_fixture,
    postgres_cluster_fixture,
    postgres_url_fixture,
    token,
)

SURVEY = "survey:1a"
SCALE = ("5", "4", "3", "2", "1")


@pytest.fixture
def room(live):
    """A session on the first finding's slide, its question open."""
    started = session.start()
    session.move(started.code, started.secret, 1, FINDING)
    return started


def test_start_makes_a_session_on_the_join_slide(live):
    started = session.start()
    assert codes.normal_code(started.code) == started.code and len(started.secret) >= 24
    now = session.now(started.code)
    assert now.code == started.code and now.slide == 0 and now.question_key is None
    assert not now.question_open and not now.ended and now.version == 0 and now.started_ms > 0
    assert session.start().code != started.code


def test_move_and_ask_set_the_current_slide_and_question(live):
    started = session.start()
    session.move(started.code, started.secret, 3, FINDING)
    now = session.now(started.code)
    assert (now.slide, now.question_key, now.question_open, now.version) == (3, FINDING, True, 1)
    session.ask(started.code, started.secret, SURVEY)
    now = session.now(started.code)
    assert (now.slide, now.question_key, now.question_open, now.version) == (3, SURVEY, True, 2)
    session.move(started.code, started.secret, 4, None)
    assert (session.now(started.code).question_key, session.now(started.code).question_open) == (None, False)


def test_now_reads_a_code_as_typed(room):
    assert session.now(room.code.lower()).code == room.code
    assert session.now(room.code[:3] + "-" + room.code[3:]).code == room.code


def test_a_question_closed_stays_closed_when_it_is_current_again(room):
    session.close_question(room.code, room.secret, FINDING)
    session.move(room.code, room.secret, 2, None)
    session.move(room.code, room.secret, 1, FINDING)
    assert not session.now(room.code).question_open
    session.reopen_question(room.code, room.secret, FINDING)
    assert session.now(room.code).question_open


@pytest.mark.parametrize("call", [
    lambda code, secret: session.move(code, secret, 2, FINDING),
    lambda code, secret: session.ask(code, secret, SURVEY),
    lambda code, secret: session.close_question(code, secret, FINDING),
    lambda code, secret: session.reopen_question(code, secret, FINDING),
    lambda code, secret: session.hide_comment(code, secret, "0123456789abcdef"),
    lambda code, secret: session.end(code, secret),
    lambda code, secret: session.answers_export(code, secret),
])
@pytest.mark.parametrize("wrong", ["", None, "not-the-secret", "participant-token-000001"])
def test_host_functions_refuse_a_wrong_secret(room, call, wrong):
    before = session.now(room.code)
    with pytest.raises(session.NotHost, match="Only the presenter's link can do this."):
        call(room.code, wrong)
    assert session.now(room.code) == before
    assert not session.is_host(room.code, wrong)


def test_is_host(room):
    assert session.is_host(room.code, room.secret) and session.is_host(room.code.lower(), room.secret)
    assert not session.is_host("QX7K3M", room.secret) and not session.is_host("nonsense", room.secret)
    other = session.start()
    assert not session.is_host(room.code, other.secret)
    with pytest.raises(session.NotHost):
        session.move(room.code, other.secret, 2, None)


def test_answer_change_and_my_answer(room):
    assert session.my_answer(room.code, token(1), FINDING) is None
    session.join(room.code, token(1))
    session.answer(room.code, token(1), FINDING, "qualify", "  Only in the north.  ", VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) == ("qualify", "Only in the north.")
    session.answer(room.code, token(1), FINDING, "disagree", None, VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) == ("disagree", None)
    assert session.my_answer(room.code, token(2), FINDING) is None
    tally = session.tally(room.code, FINDING, VERDICTS)
    assert tally.n == 1 and tally.counts == {"confirm": 0, "qualify": 0, "disagree": 1}


def test_one_answer_per_participant_and_question(room):
    for n in range(3):
        session.answer(room.code, token(7), FINDING, VERDICTS[n], None, VERDICTS)
    session.answer(room.code, token(8), FINDING, "confirm", None, VERDICTS)
    session.ask(room.code, room.secret, SURVEY)
    session.answer(room.code, token(7), SURVEY, "5", None, SCALE)
    assert session.tally(room.code, FINDING, VERDICTS).n == 2
    assert session.tally(room.code, SURVEY, SCALE).counts == {"5": 1, "4": 0, "3": 0, "2": 0, "1": 0}


def test_a_closed_question_refuses_and_says_so(room):
    session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)
    session.close_question(room.code, room.secret, FINDING)
    with pytest.raises(session.LiveError, match="This question is closed: it takes no more answers."):
        session.answer(room.code, token(1), FINDING, "disagree", None, VERDICTS)
    with pytest.raises(session.LiveError, match="closed"):
        session.answer(room.code, token(2), FINDING, "disagree", None, VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) == ("confirm", None)
    session.reopen_question(room.code, room.secret, FINDING)
    session.answer(room.code, token(2), FINDING, "disagree", None, VERDICTS)
    assert session.tally(room.code, FINDING, VERDICTS).n == 2


def test_a_question_never_asked_refuses(room):
    with pytest.raises(session.LiveError, match="This question is not open in this live session."):
        session.answer(room.code, token(1), SURVEY, "5", None, SCALE)
    with pytest.raises(session.LiveError, match="not asked"):
        session.close_question(room.code, room.secret, SURVEY)


def test_an_ended_session_refuses_answers_and_keeps_its_results(room):
    session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)
    session.end(room.code, room.secret)
    session.end(room.code, room.secret)  # twice changes nothing
    now = session.now(room.code)
    assert now.ended and not now.question_open
    with pytest.raises(session.LiveError, match="This live session has ended"):
        session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    with pytest.raises(session.LiveError, match="ended"):
        session.move(room.code, room.secret, 2, None)
    assert session.tally(room.code, FINDING, VERDICTS).n == 1
    assert len(session.answers_export(room.code, room.secret)) == 1


@pytest.mark.parametrize("typed", ["QX7K3M", "qx7k3m", "HELLO!", ""])
def test_an_unknown_code_is_refused_with_a_message(live, typed):
    assert session.now(typed) is None
    with pytest.raises(session.LiveError) as refused:
        session.answer(typed, token(1), FINDING, "confirm", None, VERDICTS)
    with pytest.raises(session.LiveError):
        session.join(typed, token(1))
    if typed:
        assert refused.value.message == f"No live session has the code {typed.upper()}."
    else:
        assert refused.value.message == "Type the code shown on the presenter's screen."


def test_guessing_codes_is_limited_per_client_address(room):
    for n in range(limits.UNKNOWN_CODES_A_MINUTE):
        assert session.now(f"QX7K{n % 10}M", client="198.51.100.7") is None
    with pytest.raises(session.LiveError, match="Too many codes tried; wait a minute."):
        session.now(room.code, client="198.51.100.7")
    with pytest.raises(session.LiveError, match="Too many codes tried"):
        session.join(room.code, token(1), client="198.51.100.7")
    assert session.now(room.code, client="198.51.100.8").code == room.code  # another address
    assert session.now(room.code).code == room.code  # the app's own reads are never limited


@pytest.mark.parametrize("choice", ["maybe", "Confirm", "", "5", None, 1])
def test_a_choice_not_allowed_is_refused(room, choice):
    with pytest.raises(session.LiveError, match="is not one of this question's answers"):
        session.answer(room.code, token(1), FINDING, choice, None, VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) is None


def test_a_comment_is_stripped_and_at_most_280_characters(room):
    session.answer(room.code, token(1), FINDING, "confirm", "  " + "x" * 280 + "\n ", VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING)[1] == "x" * 280
    with pytest.raises(session.LiveError, match="at most 280 characters; this one has 281"):
        session.answer(room.code, token(1), FINDING, "confirm", "x" * 281, VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", "   ", VERDICTS)
    assert session.my_answer(room.code, token(2), FINDING) == ("confirm", None)


@pytest.mark.parametrize("text", ["bell\x07", "null\x00byte", "esc\x1b[31mred", "tab\tbed", "del\x7f",
                                  "back\u202eward", "next\x85line"])
def test_a_comment_with_control_characters_is_refused(room, text):
    with pytest.raises(session.LiveError, match="control characters"):
        session.answer(room.code, token(1), FINDING, "confirm", text, VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) is None


def test_a_comment_may_hold_line_breaks_and_any_script(room):
    session.answer(room.code, token(1), FINDING, "qualify", "Zwei Zeilen\r\nÉté — 東京 <b>&amp;", VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING)[1] == "Zwei Zeilen\nÉté — 東京 <b>&amp;"


def test_answers_are_limited_per_token(room):
    for n in range(limits.ANSWERS_A_MINUTE):
        session.answer(room.code, token(1), FINDING, VERDICTS[n % 3], None, VERDICTS)
    with pytest.raises(session.LiveError, match="Too many answers from this phone in a minute"):
        session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)
    assert session.my_answer(room.code, token(1), FINDING) == (VERDICTS[(limits.ANSWERS_A_MINUTE - 1) % 3], None)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)  # another phone is not held back


def test_comments_are_limited_per_token(room):
    for n in range(limits.COMMENTS_A_MINUTE):
        session.answer(room.code, token(1), FINDING, "qualify", f"comment {n}", VERDICTS)
    with pytest.raises(session.LiveError, match="Too many comments from this phone in a minute"):
        session.answer(room.code, token(1), FINDING, "qualify", "one more", VERDICTS)
    session.answer(room.code, token(1), FINDING, "disagree", None, VERDICTS)  # an answer without a comment passes
    assert session.my_answer(room.code, token(1), FINDING) == ("disagree", None)


def test_a_phone_without_a_token_is_refused(room):
    for missing in [None, "", "short"]:
        with pytest.raises(session.LiveError, match="has not joined"):
            session.answer(room.code, missing, FINDING, "confirm", None, VERDICTS)


def test_tally_has_every_choice_and_the_visible_comments_newest_first(room, monkeypatch):
    ticks = iter(range(1_800_000_000_000, 1_800_000_100_000, 1000))
    monkeypatch.setattr(session, "clock_ms", lambda: next(ticks))
    session.answer(room.code, token(1), FINDING, "confirm", "first", VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    session.answer(room.code, token(3), FINDING, "disagree", "second", VERDICTS)
    tally = session.tally(room.code, FINDING, VERDICTS)
    assert tally.question_key == FINDING and tally.n == 3
    assert tally.counts == {"confirm": 2, "qualify": 0, "disagree": 1} and list(tally.counts) == list(VERDICTS)
    assert [comment.text for comment in tally.comments] == ["second", "first"]
    session.answer(room.code, token(1), FINDING, "qualify", "first, changed", VERDICTS)
    assert [c.text for c in session.tally(room.code, FINDING, VERDICTS).comments] == ["first, changed", "second"]
    assert all(not comment.hidden and len(comment.answer_id) == 16 for comment in tally.comments)
    empty = session.tally(room.code, SURVEY, SCALE)
    assert empty.n == 0 and empty.counts == dict.fromkeys(SCALE, 0) and empty.comments == ()


def test_hide_comment_removes_it_from_the_tally_and_the_export(room):
    session.answer(room.code, token(1), FINDING, "disagree", "rude words", VERDICTS)
    session.answer(room.code, token(2), FINDING, "qualify", "a fair point", VERDICTS)
    rude = next(c for c in session.tally(room.code, FINDING, VERDICTS).comments if c.text == "rude words")
    session.hide_comment(room.code, room.secret, rude.answer_id)
    tally = session.tally(room.code, FINDING, VERDICTS)
    assert [c.text for c in tally.comments] == ["a fair point"] and tally.n == 2  # the answer still counts
    exported = session.answers_export(room.code, room.secret)
    assert "rude words" not in exported["comment"].dropna().tolist() and len(exported) == 2
    session.answer(room.code, token(1), FINDING, "disagree", "rude words again", VERDICTS)
    assert [c.text for c in session.tally(room.code, FINDING, VERDICTS).comments] == ["a fair point"]
    with pytest.raises(session.LiveError, match="No such answer"):
        session.hide_comment(room.code, room.secret, "0123456789abcdef")


def test_results_is_one_row_a_question_and_choice(room):
    session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    session.answer(room.code, token(3), FINDING, "qualify", None, VERDICTS)
    session.ask(room.code, room.secret, SURVEY)
    frame = session.results(room.code)
    assert list(frame.columns) == ["question_key", "choice", "count", "n", "share"]
    finding = frame[frame["question_key"] == FINDING].set_index("choice")
    assert finding["count"].to_dict() == {"confirm": 2, "qualify": 1} and set(finding["n"]) == {3}
    assert finding.loc["confirm", "share"] == pytest.approx(2 / 3)
    survey = frame[frame["question_key"] == SURVEY]
    assert len(survey) == 1 and survey["count"].iloc[0] == 0  # asked, not answered: still there
    full = session.results(room.code, {FINDING: VERDICTS, SURVEY: SCALE})
    assert full[full["question_key"] == FINDING]["choice"].tolist() == list(VERDICTS)
    assert full[full["question_key"] == SURVEY]["count"].tolist() == [0] * 5
    assert full["question_key"].drop_duplicates().tolist() == [FINDING, SURVEY]  # in the order asked


def test_the_export_is_anonymous(room):
    session.answer(room.code, token(1), FINDING, "qualify", "In part.", VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    exported = session.answers_export(room.code, room.secret)
    assert list(exported.columns) == ["question_key", "choice", "comment", "answered_minute"]
    text = exported.to_csv(index=False)
    for secret in [token(1), token(2), codes.digest(token(1)), codes.digest(token(2)), room.secret]:
        assert secret not in text
    tally = session.tally(room.code, FINDING, VERDICTS)
    assert tally.comments[0].answer_id not in text
    assert exported["answered_minute"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00Z").all()


def test_nothing_in_the_database_holds_a_token_or_the_secret(room):
    session.join(room.code, token(1))
    session.answer(room.code, token(1), FINDING, "qualify", "mine", VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    values = every_text_value()
    assert codes.digest(token(1)) in values and codes.digest(room.secret) in values  # the scan reads the tables
    for raw in [token(1), token(2), room.secret]:
        assert not [value for value in values if raw in value]
    columns = [column for names in columns_of_every_table().values() for column in names]
    assert not [column for column in columns if set(column.split("_")) & {"ip", "agent", "address", "token", "secret"}]
    assert {"live_sessions", "live_questions", "live_answers", "live_participants", "live_migrations"} <= set(
        columns_of_every_table())
