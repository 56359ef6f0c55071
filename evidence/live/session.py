"""The live session API (issue 25), the one module of evidence/live/ the layers above call: the presenter starts a
session, moves it from slide to slide, opens and closes questions, hides a comment, ends it and exports; a phone
follows it (`now`), joins and answers; the room's tallies and results are read here.

Every function refuses anything wrong with a LiveError whose message is for the person; a host function refuses a
wrong secret (or an unknown code) with NotHost; a store that cannot answer now raises Unavailable (a LiveError too).
Every write is committed before the function returns."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass

import pandas as pd

from evidence.live import codes, export, limits
from evidence.live.checks import (  # noqa: F401 (LiveError and NotHost are this API's, re-exported)
    CLOSED,
    ENDED,
    NOT_ASKED,
    LiveError,
    NotHost,
    checked_comment,
    participant,
    question_key_checked,
    unknown_code,
)
from evidence.live.database import Unavailable, store  # noqa: F401 (Unavailable: a LiveError of this API)

COMMENTS_SHOWN = 200  # the newest visible comments a tally carries


@dataclass(frozen=True)
class Started:
    code: str
    secret: str


@dataclass(frozen=True)
class Now:
    """What a phone shows: the presenter's current slide and question, and whether it takes answers."""
    code: str
    slide: int
    question_key: str | None
    question_open: bool
    ended: bool
    version: int
    started_ms: int


@dataclass(frozen=True)
class Comment:
    answer_id: str
    choice: str
    text: str
    hidden: bool


@dataclass(frozen=True)
class Tally:
    """The room's answers to one question: every choice present, 0 included; the visible comments, newest first."""
    question_key: str
    n: int
    counts: dict[str, int]
    comments: tuple[Comment, ...]


def clock_ms() -> int:
    return time.time_ns() // 1_000_000


def _row(code: object) -> dict | None:
    normal = codes.normal_code(code) if isinstance(code, str) else None
    if normal is None:
        return None
    found = store().rows("session_get", code=normal)
    return found[0] if found else None


def _existing(code: object) -> dict:
    row = _row(code)
    if row is None:
        raise LiveError(unknown_code(code))
    return row


def _host(code: object, secret: object) -> dict:
    """The session, when the secret is its presenter's (an unknown code says nothing more than a wrong secret)."""
    row = _row(code)
    if row is None or not isinstance(secret, str) or not secret:
        raise NotHost()
    if not hmac.compare_digest(codes.digest(secret), row["host_digest"]):
        raise NotHost()
    return row


def start(client: str | None = None) -> Started:
    """A new live session on the join slide (slide 0), its code unique; the secret goes in the presenter's link.
    With `client` (the address the server saw), at most limits.STARTS_A_MINUTE a minute from it."""
    if client is not None and not limits.starts.hit(client):
        raise LiveError(limits.TOO_MANY_STARTS)
    for _ in range(20):
        code, secret = codes.new_code(), codes.new_secret()
        made = store().write(lambda tx, code=code, secret=secret: tx.run(
            "session_insert", code=code, host_digest=codes.digest(secret), now_ms=clock_ms()))
        if made:
            return Started(code, secret)
    raise LiveError("No free join code was found; try again.")


def is_host(code: str, secret: str | None) -> bool:
    try:
        _host(code, secret)
    except NotHost:
        return False
    return True


def _open_current(tx, code: str, question_key: str | None, statement: str, **params) -> None:
    if not tx.run(statement, code=code, question_key=question_key, **params):
        raise LiveError("This live session has ended.")
    if question_key is not None:
        tx.run("question_open", code=code, question_key=question_key, now_ms=clock_ms())


def move(code: str, secret: str, slide: int, question_key: str | None) -> None:
    """The presenter's current slide and question; a question is opened the first time it is current."""
    row = _host(code, secret)
    if isinstance(slide, bool) or not isinstance(slide, int) or slide < 0:
        raise LiveError("A slide is a number, 0 for the join slide.")
    key = None if question_key is None else question_key_checked(question_key)
    store().write(lambda tx: _open_current(tx, row["code"], key, "session_move", slide=slide))


def ask(code: str, secret: str, question_key: str) -> None:
    """Make a question current (an Expert survey view's item) without moving the slide."""
    row = _host(code, secret)
    key = question_key_checked(question_key)
    store().write(lambda tx: _open_current(tx, row["code"], key, "session_ask"))


def _set_state(code: str, secret: str, question_key: str, state: str) -> None:
    row = _host(code, secret)
    if state == "open" and row["ended_ms"] is not None:
        raise LiveError("This live session has ended.")

    def work(tx) -> None:
        if not tx.run("question_set_state", code=row["code"], question_key=question_key, state=state,
                      closed_ms=clock_ms() if state == "closed" else None):
            raise LiveError("This question was not asked in this live session.")
        tx.run("session_bump", code=row["code"])
    store().write(work)


def close_question(code: str, secret: str, question_key: str) -> None:
    _set_state(code, secret, question_key, "closed")


def reopen_question(code: str, secret: str, question_key: str) -> None:
    _set_state(code, secret, question_key, "open")


def hide_comment(code: str, secret: str, answer_id: str) -> None:
    """Hide an answer's comment from the room's tally and the export (it stays hidden if the answer changes)."""
    row = _host(code, secret)

    def work(tx) -> None:
        if not tx.run("answer_hide_comment", code=row["code"], answer_id=str(answer_id)):
            raise LiveError("No such answer in this live session.")
        tx.run("session_bump", code=row["code"])
    store().write(work)


def end(code: str, secret: str) -> None:
    """End the session: answers are refused from now on; its results stay (ending twice changes nothing)."""
    row = _host(code, secret)
    store().write(lambda tx: tx.run("session_end", code=row["code"], now_ms=clock_ms()))


def now(code: str, client: str | None = None) -> Now | None:
    """What a phone shows; None when no session has the code. With `client` (the address the server saw), unknown
    codes are counted and a client that tried too many is refused for a minute (limits.TOO_MANY_CODES)."""
    if client is not None and limits.unknown_codes.blocked(client):
        raise LiveError(limits.TOO_MANY_CODES)
    row = _row(code)
    if row is None:
        if client is not None:
            limits.unknown_codes.hit(client)
        return None
    return Now(code=row["code"], slide=row["slide"], question_key=row["question_key"],
               question_open=row["question_state"] == "open" and row["ended_ms"] is None,
               ended=row["ended_ms"] is not None, version=row["version"], started_ms=row["created_ms"])


def join(code: str, token: str, client: str | None = None) -> None:
    """Record the phone (its token's digest) in the session, once; an unknown code is refused with a message."""
    who = participant(token)
    if now(code, client) is None:
        raise LiveError(unknown_code(code))
    normal = codes.normal_code(code)
    store().write(lambda tx: tx.run("participant_join", code=normal, participant_digest=who, now_ms=clock_ms()))


def answer(code: str, token: str, question_key: str, choice: str, comment: str | None,
           allowed: tuple[str, ...]) -> None:
    """A participant's answer (or its change), stored and committed before this returns."""
    who = participant(token)
    if not limits.answers.hit(who):
        raise LiveError(limits.TOO_MANY_ANSWERS)
    row = _existing(code)
    if row["ended_ms"] is not None:
        raise LiveError(ENDED)
    key = question_key_checked(question_key)
    if not isinstance(choice, str) or choice not in tuple(allowed):
        raise LiveError(f"{str(choice)[:40]} is not one of this question's answers.")
    text = checked_comment(comment)
    if text is not None and not limits.comments.hit(who):
        raise LiveError(limits.TOO_MANY_COMMENTS)

    def work(tx) -> int:
        tx.run("participant_join", code=row["code"], participant_digest=who, now_ms=clock_ms())
        return tx.run("answer_upsert", code=row["code"], question_key=key, participant_digest=who,
                      answer_id=secrets.token_hex(8), choice=choice, comment=text, now_ms=clock_ms())
    if store().write(work):
        return
    if _existing(code)["ended_ms"] is not None:
        raise LiveError(ENDED)
    state = store().rows("question_state", code=row["code"], question_key=key)
    raise LiveError(CLOSED if state else NOT_ASKED)


def my_answer(code: str, token: str, question_key: str) -> tuple[str, str | None] | None:
    """The phone's own answer to a question (choice, comment), or None."""
    normal = codes.normal_code(code)
    if normal is None:
        return None
    found = store().rows("answer_mine", code=normal, question_key=question_key, participant_digest=participant(token))
    return (found[0]["choice"], found[0]["comment"]) if found else None


def tally(code: str, question_key: str, choices: tuple[str, ...]) -> Tally:
    normal = _existing(code)["code"]
    counts = dict.fromkeys(choices, 0)
    for row in store().rows("tally_counts", code=normal, question_key=question_key):
        counts[row["choice"]] = int(row["answers"])
    comments = tuple(Comment(row["answer_id"], row["choice"], row["comment"], bool(row["comment_hidden"]))
                     for row in store().rows("tally_comments", code=normal, question_key=question_key,
                                             most=COMMENTS_SHOWN))
    return Tally(question_key, sum(counts.values()), counts, comments)


def results(code: str, choices: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """One row a (question_key, choice) of every question asked: count, n, share. `choices` (optional, by question
    key) adds the choices nobody picked, with 0; a question without answers and without choices has one row whose
    choice is empty (None)."""
    rows = store().rows("results_counts", code=_existing(code)["code"])
    return export.results_frame(rows, choices or {})


def head_count(code: str) -> tuple[int, int]:
    """(phones that joined, participants who answered at least one question) of a session."""
    row = store().rows("session_counts", code=_existing(code)["code"])[0]
    return int(row["joined"]), int(row["answered"])


def answers_export(code: str, secret: str) -> pd.DataFrame:
    """The presenter's download: anonymous rows (question_key, choice, comment unless hidden, answered_minute)."""
    row = _host(code, secret)
    return export.answers_frame(store().rows("export_answers", code=row["code"]))


def export_descriptor(code: str) -> dict:
    """The data-package description (Frictionless) of answers_export's CSV: the room's answers, not the report's."""
    row = _existing(code)
    return export.descriptor(row["code"], row["created_ms"])
