"""The report's side of a live session's take-aways (evidence/takeaway/room_items.py): the report's figures as it
prints them, the word before a share included ("about 60%"), never a rounder number than the report gives."""

import pytest

from evidence.content import room_questions
from evidence.live import session
from evidence.takeaway import room_items
from tests.live_store import sqlite_store_fixture  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def store(sqlite_store):
    """Each test on a fresh SQLite live store (tests/live_store.py)."""


@pytest.mark.parametrize(("item_id", "figure", "not_this"), [("6.a", "support: about 60%", "support: 60%"),
                                                             ("6.e", "support: almost 80%", "support: 80%")])
def test_the_reports_figures_keep_the_word_the_report_puts_before_them(item_id, figure, not_this):
    started = session.start()
    session.ask(started.code, started.secret, f"survey:{item_id}")
    session.answer(started.code, "participant-token-000001", f"survey:{item_id}", "4", None,
                   room_questions.by_key(f"survey:{item_id}").values)
    item = next(item for item in room_items.room(started.code).items if item.key == f"survey:{item_id}")
    figures = [said.text for said in item.report if not said.quoted]
    assert figure in figures and not_this not in figures, figures
