"""Live mode's pages, server-side with AppTest (issue 25): Go live and the join slide, the session following the
presenter, a live link without the secret refused, the phone view's answers, the results view, *Ask the room*."""

import pytest
from streamlit.testing.v1 import AppTest

from evidence.content import room_questions
from evidence.live import limits, session
from evidence.ui import live_phone, live_room
from tests.live_store import sqlite_store_fixture  # noqa: F401 (fixture)
from tests.views import APP, shown_text

TOKEN = "participant-token-000001"


@pytest.fixture(autouse=True)
def store(sqlite_store):
    """Each test on a fresh SQLite live store (tests/live_store.py)."""


def run(page: str | None = None, **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    (app.switch_page(page) if page else app).run()
    assert not app.exception
    return app


def param(app: AppTest, name: str) -> str:
    value = app.query_params[name]
    return value if isinstance(value, str) else value[-1]


def buttons(app: AppTest) -> list[str]:
    return [button.label for button in app.button]


def test_go_live_opens_the_join_slide_and_each_move_follows_the_presenter():
    app = run(present="1", slide="3")
    assert "Go live" in buttons(app)
    app.button(key="go-live").click().run()
    code, secret = param(app, "live"), param(app, "host")
    assert param(app, "slide") == "0" and session.is_host(code, secret)
    assert [t.value for t in app.title] == ["Answer from your phone"]
    assert "Go live" not in buttons(app) and code in shown_text(app)
    assert session.now(code).slide == 0 and session.now(code).question_key is None
    app.button(key="slide-button-next").click().run()
    assert not app.exception and session.now(code).slide == 1
    assert session.now(code).question_key == room_questions.first_key(1)
    assert "This room," in shown_text(app) and "n = 0" in shown_text(app)
    app.button(key="slide-button-last").click().run()
    assert session.now(code).slide == 10 and session.now(code).question_key == "finding:confirmed"


@pytest.mark.parametrize("host", [None, "wrong-secret"])
def test_a_live_link_without_the_presenters_secret_shows_a_message_and_no_control(host):
    started = session.start()
    session.move(started.code, started.secret, 2, room_questions.first_key(2))
    params = {"present": "1", "slide": "5", "live": started.code, **({"host": host} if host else {})}
    app = run(**params)
    assert [t.value for t in app.title] == ["This is the presenter's link"]
    assert "Only the presenter's link can do this" in app.error[0].value
    assert buttons(app) == [] and not app.toggle  # no slide, no control
    assert session.now(started.code).slide == 2  # nothing moved


def test_an_unknown_live_code_says_so():
    app = run(present="1", live="QX7K3M", host="whatever")
    assert "No live session has the code QX7K3M." in app.error[0].value


def test_the_phone_view_without_a_code_offers_a_field_and_refuses_a_malformed_one():
    app = run("pages/join.py")
    assert [t.value for t in app.title] == ["Join a live session"] and app.text_input[0].label == "Join code"
    app = run("pages/join.py", code="0OI1")
    assert "is not a join code" in app.error[0].value
    app = run("pages/join.py", code="QX7K3M")
    assert "No live session has the code QX7K3M." in app.error[0].value


def test_a_phone_without_the_cookie_joins_through_the_route():
    started = session.start()
    app = run("pages/join.py", code=started.code)
    assert app.title[0].value.startswith("Join live session")


def test_a_phone_answers_changes_its_answer_and_a_closed_question_refuses(monkeypatch):
    monkeypatch.setattr(live_phone, "token", lambda: TOKEN)
    started = session.start()
    app = run("pages/join.py", code=started.code)
    assert "Waiting for the presenter" in app.info[0].value
    session.move(started.code, started.secret, 3, "finding:culture")
    app = run("pages/join.py", code=started.code)
    assert "Does this match what you see?" in shown_text(app)
    app.button(key="choice-finding:culture-qualify").click().run()
    assert session.my_answer(started.code, TOKEN, "finding:culture") == ("qualify", None)
    assert "Saved: Qualify" in shown_text(app)
    app.text_area(key="comment-finding:culture").input("Only for *some* sectors <b>").run()
    app.button(key="choice-finding:culture-disagree").click().run()
    assert session.my_answer(started.code, TOKEN, "finding:culture") == ("disagree", "Only for *some* sectors <b>")
    session.close_question(started.code, started.secret, "finding:culture")
    app = run("pages/join.py", code=started.code)
    assert "This question is closed" in app.warning[0].value
    assert all(button.disabled for button in app.button if button.key.startswith("choice-"))
    session.end(started.code, started.secret)
    app = run("pages/join.py", code=started.code)
    assert [t.value for t in app.title] == ["This session has ended"]


def test_the_results_view_sets_the_room_beside_the_report_and_downloads_need_the_secret():
    started = session.start()
    session.move(started.code, started.secret, 9, "finding:regions")
    session.ask(started.code, started.secret, "survey:7.a")
    session.answer(started.code, TOKEN, "survey:7.a", "no", None, ("yes", "no"))
    app = run("pages/room.py", live=started.code)
    text = shown_text(app)
    assert "This room," in text and "n = 1" in text and "NO · 1 (100%)" in " ".join(p.text for p in app.get("progress")
                                                                                     if hasattr(p, "text"))
    assert "two thirds" in text or "YES" in text  # the report's own words for item 7.a beside the room's
    assert not app.get("link_button")
    hosted = run("pages/room.py", live=started.code, host=started.secret)
    assert len(hosted.get("link_button")) == 2
    assert "No live session" in run("pages/room.py", live="QX7K3M").error[0].value


def test_the_expert_survey_asks_the_room_about_an_item_with_a_scale():
    started = session.start()
    app = run("pages/expert_survey.py", live=started.code, host=started.secret, item="6.f")
    app.button(key="ask-6.f").click().run()
    assert session.now(started.code).question_key == "survey:6.f"
    app = run("pages/expert_survey.py", live=started.code, host=started.secret, item="2.a")
    assert not [b for b in app.button if b.key and b.key.startswith("ask-")]
    assert "not asked" in shown_text(app)
    app = run("pages/expert_survey.py", live=started.code, item="6.f")
    assert not [b for b in app.button if b.key and b.key.startswith("ask-")]


def test_leaving_presenter_mode_keeps_the_presenters_live_link():
    started = session.start()
    app = run(present="1", slide="4", live=started.code, host=started.secret)
    app.toggle(key="presenter-toggle").set_value(False).run()
    assert not app.exception and "present" not in app.query_params
    assert param(app, "live") == started.code and param(app, "host") == started.secret


def test_a_store_that_cannot_answer_gives_its_message_never_a_traceback(monkeypatch):
    def unavailable(*args, **kwargs):
        raise session.LiveError("The live store cannot answer now; try again in a moment.")

    monkeypatch.setattr(session, "now", unavailable)
    for page, params in ((None, {"present": "1", "live": "QX7K3M", "host": "x"}), ("pages/join.py", {"code": "QX7K3M"}),
                         ("pages/room.py", {"live": "QX7K3M"}), ("pages/expert_survey.py", {"live": "QX7K3M"})):
        app = run(page, **params)
        assert "The live store cannot answer now" in " ".join(
            [e.value for e in app.error] + [c.value.replace("\\", "") for c in app.caption]), page


@pytest.mark.parametrize("page", [None, "pages/room.py", "pages/expert_survey.py"])
def test_the_presenters_results_and_survey_links_count_unknown_codes(page, monkeypatch):
    """Only the phone view counted unknown codes: presenter mode, the results view and the Expert survey told a
    known code from an unknown one without limit."""
    monkeypatch.setattr(live_room, "client", lambda: "203.0.113.7")  # AppTest's address is a new mock each run
    for _ in range(limits.UNKNOWN_CODES_A_MINUTE):
        run(page, **({"present": "1"} if page is None else {}), live="QX7K3M")
    started = session.start()
    app = run(page, **({"present": "1"} if page is None else {}), live=started.code)
    said = (shown_text(app) + " ".join(e.value for e in app.error)).replace("\\", "")
    assert limits.TOO_MANY_CODES in said and started.code not in said


def test_the_phone_views_headlines_have_no_anchor_link(monkeypatch):
    """Streamlit's heading anchor is a 16 px link that the keyboard stops on: under the 44 px touch target."""
    monkeypatch.setattr(live_phone, "token", lambda: TOKEN)
    started = session.start()
    session.move(started.code, started.secret, 1, room_questions.first_key(1))
    for app in (run("pages/join.py"), run("pages/join.py", code=started.code)):
        assert app.title and all(title.proto.hide_anchor for title in app.title)


def _popovers(node, found: list) -> list:
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "popover") and proto.HasField("popover"):
        found.append(proto.popover)
    for child in getattr(node, "children", {}).values():
        _popovers(child, found)
    return found


def test_the_presenters_controls_have_no_tooltip_to_stay_over_the_slide():
    """*End* took the place of *Go live* under the presenter's pointer, and its tooltip stayed over the toggle."""
    app = run(present="1", slide="1")
    app.button(key="go-live").click().run()
    ends = [popover for popover in _popovers(app._tree, []) if popover.label == "End"]
    assert len(ends) == 1 and not ends[0].help


def test_a_comment_typed_after_the_answer_says_it_is_not_sent_until_the_answer_is_tapped(monkeypatch):
    """A comment typed after the tap was kept only in the box: the phone said Saved, and a reload lost it."""
    monkeypatch.setattr(live_phone, "token", lambda: TOKEN)
    started = session.start()
    session.move(started.code, started.secret, 3, "finding:culture")
    app = run("pages/join.py", code=started.code)
    app.button(key="choice-finding:culture-qualify").click().run()
    assert "not sent yet" not in " ".join(c.value for c in app.caption)
    app.text_area(key="comment-finding:culture").input("Only in some sectors").run()
    assert "Your comment is not sent yet" in " ".join(c.value for c in app.caption)
    app.button(key="choice-finding:culture-qualify").click().run()
    assert session.my_answer(started.code, TOKEN, "finding:culture") == ("qualify", "Only in some sectors")
    assert "Saved: Qualify" in shown_text(app) and "Your comment is saved with it." in shown_text(app)
    assert "not sent yet" not in shown_text(app)


def test_going_live_again_and_again_from_one_address_is_refused_with_a_message():
    """Anyone may go live (no account), so a script could fill the store with sessions: an address opens at most
    limits.STARTS_A_MINUTE a minute, and the next *Go live* says why it did nothing."""
    for _ in range(limits.STARTS_A_MINUTE):
        app = run(present="1", slide="3")
        app.button(key="go-live").click().run()
        assert param(app, "live")
    app = run(present="1", slide="3")
    app.button(key="go-live").click().run()
    assert "live" not in app.query_params and "go-live" in [b.key for b in app.button]
    assert limits.TOO_MANY_STARTS in [e.value.replace("\\", "") for e in app.error]
