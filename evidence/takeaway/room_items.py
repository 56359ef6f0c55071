"""A live session's results as the take-away files print them (issue 25): item by item, the room's whole
distribution (counts, shares, n, labelled `This room, <date>, n = N`) beside what the report says of the same item,
and the room's visible comments. Plain data, read once, shared by the room's brief (room_brief.py) and the deck's
room section (room_deck.py).

The room's answers are never the report's: the report's words are marked `quoted` (set in quotation marks), the
room's comments never are, and nothing here is written anywhere."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from evidence.content import findings, room_questions, survey_text
from evidence.content.slide_words import slide_words
from evidence.live import session
from evidence.query import store
from evidence.ui.live_room import room_date, room_label

NOT_THE_REPORT = ("This room: the participants of one live session who answered on their phones while the findings "
                  "were shown. It is not the report's expert survey, not a sample of anyone and not a measurement; "
                  "its answers never enter the report's tables, contradictions, facts or data package.")


@dataclass(frozen=True)
class Bar:
    label: str  # the choice as the phone offered it ("Qualify", "5 (fully agree)")
    count: int
    share: float  # of the item's n (0 when nobody answered)

    @property
    def words(self) -> str:
        return f"{self.count} ({self.share:.0%})"


@dataclass(frozen=True)
class Said:
    text: str
    source: str
    quoted: bool  # the report's exact words (in quotation marks); else a figure or the dashboard's own words


@dataclass(frozen=True)
class Item:
    key: str
    kind: str  # "finding" | "survey"
    heading: str  # the finding's headline (the dashboard's), or the survey's statement (the report's, verbatim)
    heading_quoted: bool
    asked: str  # what the phones showed: "Does this match what you see?", or the report's scale in its words
    n: int
    label: str  # This room, 7 December 2026, n = 14
    bars: tuple[Bar, ...]
    report: tuple[Said, ...]  # the report's figures and words for the same item
    comments: tuple[str, ...]  # the room's visible comments, with the answer they came with

    @property
    def max_share(self) -> float:
        return max((bar.share for bar in self.bars), default=0.0)


@dataclass(frozen=True)
class Room:
    code: str
    date: str  # 7 December 2026
    joined: int
    answered: int  # the session's n: participants who answered at least one question
    ended: bool
    items: tuple[Item, ...]

    @property
    def heading(self) -> str:
        return f"This room, {self.date}: live session {self.code}"

    @property
    def summary(self) -> str:
        return (f"n = {self.answered} participants answered at least one of {len(self.items)} questions "
                f"({self.joined} phones joined); " + ("the session has ended." if self.ended else
                                                      "the session was still running when this was built."))


def _survey_report(item_id: str) -> tuple[Said, ...]:
    """The report's results for a survey statement: its figures (shares, counts) first, then its words, each once,
    with their sources, and the mark where the report contradicts itself about them."""
    figures, words, marks = [], {}, {}
    for row in store.rows("survey_results", item_id=item_id).itertuples():
        share = survey_text.share(row.value_pct, row.qualifier) if _given(row.value_pct) else ""  # "about 60%"
        count = f"{row.value_count:g} experts" if _given(row.value_count) else ""
        if share or count:
            figure = f"{row.measure.replace('_', ' ')}: {share}" + (f" ({count})" if share and count else count)
            figures.append(Said(figure, f"{row.source_label} (the report's figure)", False))
        words.setdefault(" ".join(str(row.wording).split()), str(row.source_label))
        if isinstance(row.contradiction_topic, str) and row.contradiction_topic:
            marks[f"The report contradicts itself here: {row.contradiction_topic}"] = None
    return (tuple(figures) + tuple(Said(text, source, True) for text, source in words.items())
            + tuple(Said(mark, "", False) for mark in marks))


def _given(value) -> bool:
    return not pd.isna(value)  # None, NaN and <NA>: the report gives no figure


def _finding_report(slug: str) -> tuple[Said, ...]:
    """The report's side of a key finding: its sentence under the slide and the study-vs-experts outcome, if any."""
    said = []
    words = slide_words(findings.BY_SLUG[slug])
    if words:
        said.append(Said(words.quote, words.source, True))
        if words.mark():
            said.append(Said(words.mark(), "", False))
    pair = room_questions.COMPARISON.get(slug)
    compared = store.rows("study_vs_experts", outcome=None)
    row = compared[compared["comparison_id"] == pair]
    if pair and not row.empty:
        row = row.iloc[0]
        coded = "" if str(row["coding"]) == "stated" else " (the project's coding)"
        said.append(Said(f"Study vs experts: {row['outcome']}{coded}", "the report's comparison of the study and "
                         "the experts", False))
        said.append(Said(" ".join(str(row["expert_statement"]).split()), str(row["expert_source_label"]), True))
    else:
        said.append(Said("The report compares no expert view with this finding.", "", False))
    return tuple(said)


def _item(code: str, key: str, started_ms: int) -> Item | None:
    question = room_questions.by_key(key)
    if question is None:
        return None
    tally = session.tally(code, key, question.values)
    bars = tuple(Bar(label, tally.counts.get(value, 0), tally.counts.get(value, 0) / tally.n if tally.n else 0.0)
                 for value, label in question.choices)
    comments = tuple(f"{comment.text} ({question.label(comment.choice)})"
                     for comment in tally.comments if not comment.hidden)
    if question.kind == "survey":
        item_id = key.split(":", 1)[1]
        figure = question.source.replace("fig-", "Figure ")
        return Item(key, "survey", question.prompt, True, f"{figure}, item {item_id}, on the report's scale: "
                    f"{question.scale_words}", tally.n, room_label(tally.n, started_ms), bars,
                    _survey_report(item_id), comments)
    slug = key.split(":", 1)[1]
    return Item(key, "finding", findings.BY_SLUG[slug].headline, False,
                f"Key finding {findings.slide_number(slug)}. The room was asked: {question.prompt}", tally.n,
                room_label(tally.n, started_ms), bars, _finding_report(slug), comments)


def room(code: str) -> Room:
    """Every question asked in the session, in the order first asked. Raises session.LiveError for no session."""
    now = session.now(code)
    if now is None:
        raise session.LiveError(f"No live session has the code {code}.")
    results = session.results(now.code)
    asked = list(dict.fromkeys(results["question_key"])) if len(results) else []
    items = tuple(item for item in (_item(now.code, key, now.started_ms) for key in asked) if item is not None)
    joined, answered = session.head_count(now.code)
    return Room(now.code, room_date(now.started_ms), joined, answered, now.ended, items)
