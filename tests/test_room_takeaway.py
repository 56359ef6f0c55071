"""A live session's take-aways (issue 25): the room's brief (pdftotext), the deck's room section (python-pptx, the
PDF's pages, LibreOffice headless) and the results view's offer of both, with the presenter's link only. Each test
on a fresh SQLite live store in its own temporary folder."""

import html
import re
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_FILL

from evidence.content import findings, room_questions
from evidence.content.slide_words import slide_words
from evidence.live import session
from evidence.takeaway import deck, room_brief, room_deck, room_items
from evidence.ui.live_room import room_date
from tests.briefs import pdf_words
from tests.live_store import sqlite_store_fixture  # noqa: F401 (fixture)
from tests.test_live_pages import run

MARKUP = "Matches *our* #strong[work] $x$ <b>hi</b> [link](http://x) @ref"
HIDDEN = "hide me please"
LINK = "http://localhost:8501/?present=1"


@pytest.fixture(autouse=True)
def store(sqlite_store):
    """Each test on a fresh SQLite live store (tests/live_store.py)."""


def _answer(code: str, key: str, choices: list[tuple[str, str | None]]) -> None:
    question = room_questions.by_key(key)
    for n, (choice, comment) in enumerate(choices):
        token = f"participant-token-{n:06d}"
        session.join(code, token)
        session.answer(code, token, key, choice, comment, question.values)


@pytest.fixture
def answered() -> session.Started:
    """Four phones answer slide 1's finding (two comments, one hidden later), three a survey statement (6.f)."""
    started = session.start()
    first = room_questions.first_key(1)
    session.move(started.code, started.secret, 1, first)
    _answer(started.code, first, [("confirm", MARKUP), ("confirm", None), ("qualify", HIDDEN), ("disagree", None)])
    hidden = next(c for c in session.tally(started.code, first, ("confirm", "qualify", "disagree")).comments
                  if c.text == HIDDEN)
    session.hide_comment(started.code, started.secret, hidden.answer_id)
    session.move(started.code, started.secret, 8, room_questions.first_key(8))
    session.ask(started.code, started.secret, "survey:6.f")
    _answer(started.code, "survey:6.f", [("5", None), ("4", None), ("5", None)])
    return started


def label(code: str, n: int) -> str:
    return f"This room, {room_date(session.now(code).started_ms)}, n = {n}"


def brief_text(code: str, tmp_path) -> str:
    content = room_brief.build(room_items.room(code), f"http://localhost:8501/room?live={code}", "2026-12-07")
    return pdf_words(content, tmp_path)


def test_the_rooms_brief_has_the_session_the_labels_the_counts_and_n(answered, tmp_path):
    said = brief_text(answered.code, tmp_path)
    assert f"live session {answered.code}" in said
    assert "n = 4 participants answered at least one of 3 questions (4 phones joined)" in said
    assert label(answered.code, 4) in said and label(answered.code, 3) in said and label(answered.code, 0) in said
    for words in ("Confirm 2 (50%)", "Qualify 1 (25%)", "Disagree 1 (25%)", "5 (high priority) 2 (67%)", "4 1 (33%)",
                  "1 (low priority) 0 (0%)"):
        assert words in said, words
    assert "“Support the development of SME networks”" in said  # the report's statement, verbatim, quoted
    assert "Does this match what you see?" in said and "“Does this match" not in said  # ours: never quoted


def test_the_report_figures_sit_beside_the_rooms(answered, tmp_path):
    said = brief_text(answered.code, tmp_path)
    quote = " ".join(slide_words(findings.FINDINGS[0]).quote.split())
    assert f"“{quote}”" in said and "Study vs experts: confirmed" in said
    assert "high priority: 49%" in said and "priority total: 90%" in said
    # Beside, not under: each item's "The report" is on the line of the room's label, to its right.
    path = tmp_path / "beside.pdf"
    path.write_bytes(room_brief.build(room_items.room(answered.code), "http://x/room", "2026-12-07"))
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    words = [(float(x), float(y), html.unescape(t)) for x, y, t in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', boxes)]
    rooms = [(x, y) for x, y, t in words if t == "This"]
    reports = [(x, y) for (x, y, t), (_, _, after) in zip(words, words[1:], strict=False)
               if t == "The" and after == "report"]
    beside = [(r, p) for r in rooms for p in reports if abs(r[1] - p[1]) < 3 and p[0] > r[0] + 150]
    assert len(beside) == 3, (rooms, reports)


def test_a_hidden_comment_is_absent_and_markup_in_a_comment_is_plain_text(answered, tmp_path):
    said = brief_text(answered.code, tmp_path)
    assert HIDDEN not in said
    packed = re.sub(r"\s", "", said)  # a line may break anywhere in the comment
    assert re.sub(r"\s", "", f"▸ {MARKUP} (Confirm)") in packed  # set as text: no bold, code, maths or link
    assert re.sub(r"\s", "", f"“{MARKUP}") not in packed  # the room's words, never in the report's quotation marks


def test_no_take_away_holds_the_presenters_secret(answered, tmp_path):
    room = room_items.room(answered.code)
    assert answered.secret not in brief_text(answered.code, tmp_path)
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(deck.deck_pdf(LINK, "2026-12-07", room, "http://localhost:8501/room?live=X"))
    assert answered.secret not in pdf_words(pdf.read_bytes(), tmp_path)


def test_the_deck_gains_the_room_slides_only_for_a_session(answered, tmp_path):
    ordinary = Presentation(__import__("io").BytesIO(deck.deck_pptx(LINK, "2026-12-07")))
    assert len(ordinary.slides) == len(findings.FINDINGS)
    room = room_items.room(answered.code)
    live = Presentation(__import__("io").BytesIO(deck.deck_pptx(LINK, "2026-12-07", room)))
    assert len(live.slides) == len(findings.FINDINGS) + 1 + len(room.items) == len(findings.FINDINGS) + 4
    section = live.slides[len(findings.FINDINGS)]
    assert room_items.NOT_THE_REPORT in section.notes_slide.notes_text_frame.text
    survey = live.slides[-1]
    assert survey.shapes.title.text == "“Support the development of SME networks”"
    chart = next(shape for shape in survey.shapes if shape.has_chart).chart
    assert list(chart.plots[0].categories) == [label for _, label in room_questions.by_key("survey:6.f").choices]
    assert list(chart.plots[0].series[0].values) == [2, 1, 0, 0, 0]
    assert chart.plots[0].series[0].format.fill.type == MSO_FILL.PATTERNED  # hatched: the room's, not the report's
    texts = " ".join(shape.text_frame.text for shape in survey.shapes if shape.has_text_frame)
    assert label(answered.code, 3) in texts and "high priority: 49%" in texts
    notes = survey.notes_slide.notes_text_frame.text
    assert "not the report's expert survey" in notes and "5 (high priority) 2 (67%)" in notes
    finding = live.slides[len(findings.FINDINGS) + 1].notes_slide.notes_text_frame.text
    assert MARKUP in finding and HIDDEN not in finding
    pages = {}
    for name, built in (("plain", deck.deck_pdf(LINK, "2026-12-07")),
                        ("live", deck.deck_pdf(LINK, "2026-12-07", room, "http://x/room"))):
        (tmp_path / f"{name}.pdf").write_bytes(built)
        info = subprocess.run(["pdfinfo", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True,
                              check=True).stdout
        pages[name] = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == {"plain": len(findings.FINDINGS), "live": len(findings.FINDINGS) + 4}
    said = pdf_words((tmp_path / "live.pdf").read_bytes(), tmp_path)
    assert label(answered.code, 4) in said and "Confirm" in said and "2 (50%)" in said
    assert "This room" not in pdf_words((tmp_path / "plain.pdf").read_bytes(), tmp_path)


def test_libreoffice_opens_the_live_deck_and_prints_the_rooms_slides(answered, tmp_path):
    room = room_items.room(answered.code)
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.deck_pptx(LINK, "2026-12-07", room))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=240)
    info = subprocess.run(["pdfinfo", str(tmp_path / "deck.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{len(findings.FINDINGS) + 4}\b", info)
    last = subprocess.run(["pdftotext", "-f", str(len(findings.FINDINGS) + 4), "-l", str(len(findings.FINDINGS) + 4),
                           str(tmp_path / "deck.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    last = re.sub(r"\s+", " ", last)
    assert label(answered.code, 3) in last
    for words in ("2 (67%)", "1 (33%)", "5 (high priority)", "answers in this room", "The report"):
        assert words in last, words


def test_the_results_view_offers_the_brief_and_the_deck_with_the_secret_only(answered):
    for host in (None, "wrong-secret"):
        app = run("pages/room.py", live=answered.code, **({"host": host} if host else {}))
        assert not [b for b in app.button if b.key in ("room-brief", "room-deck")]
    app = run("pages/room.py", live=answered.code, host=answered.secret)
    app.button(key="room-brief").click().run()
    assert not app.exception
    built = app.session_state["room-takeaway-built-brief"]
    assert "error" not in built and built["content"].startswith(b"%PDF")
    assert "Download the room's brief" in [b.proto.label for b in app.get("download_button")]
    app.button(key="room-deck").click().run()
    offered = [b.proto.label for b in app.get("download_button")]
    assert "Download the deck (PDF)" in offered and "Download the deck (PowerPoint)" in offered
    assert app.session_state["room-takeaway-built-deck-pptx"]["content"][:2] == b"PK"


def test_the_room_deck_keeps_its_notes_honest_about_what_the_room_is():
    assert "not the report's expert survey" in room_items.NOT_THE_REPORT
    assert "never enter the report's tables" in room_items.NOT_THE_REPORT
    assert room_deck.footer(room_items.Room("ABCDEF", "7 December 2026", 0, 0, False, ())).endswith("not the report's")
