"""What the room is asked in live mode (issue 25), on each slide and on each survey item, read from the evidence:
a key finding's "does this match what you see?" with the study-vs-experts table's three outcomes, and a survey
item's own statement with the report's own scale for its question (`survey_questions.scale`). Where the report
gives no scale (the drivers and barriers of Figures 2 and 3) the item is not asked: a scale is never invented."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence.content import findings
from evidence.query import store

FINDING_PROMPT = "Does this match what you see?"
# The study-vs-experts table's outcomes (confirmed, qualified, diverged), as a participant answers them.
FINDING_CHOICES = (("confirm", "Confirm"), ("qualify", "Qualify"), ("disagree", "Disagree"))
OUTCOME_OF_CHOICE = {"confirm": "confirmed", "qualify": "qualified", "disagree": "diverged"}
COMMENT_LIMIT = 280
# The study-vs-experts row a slide's finding is compared in (the project's pairing: the same topic; the last slide
# quotes the "manageable" row's experts' words). Slides without one have no outcome in the report.
COMPARISON = {"collaboration": "collaboration", "home-market": "market-size", "culture": "culture",
              "confirmed": "manageable"}
# "on a scale from 5 (fully agree) to 1 (fully disagree)": the two ends and their words. The report drops a
# closing parenthesis once ("5 (high priority) to 1 (low priority"): the last one is optional.
_ENDS = re.compile(r"from\s+(\d)\s*\(([^)]*)\)\s*to\s+(\d)\s*\(([^)]*)\)?")
_RANGE = re.compile(r"from\s+(\d)\s*-\s*(\d)")
_WORDS = re.compile(r"^\s*([A-Za-z]+)(\s*/\s*[A-Za-z]+)+\s*$")


@dataclass(frozen=True)
class Question:
    key: str  # "finding:<slug>" or "survey:<item_id>"
    kind: str  # "finding" | "survey"
    prompt: str  # plain text; for survey items the report's own statement, verbatim
    choices: tuple[tuple[str, str], ...]  # (value, label)
    source: str  # where in the report: the finding's slide, or the item's figure (fig-1a …)
    scale_words: str | None  # the report's scale text, verbatim, or None
    comment: bool  # a comment box (findings: yes; survey items: no)

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed answers, as session.answer and session.tally take them."""
        return tuple(value for value, _ in self.choices)

    def label(self, value: str) -> str:
        return dict(self.choices).get(value, value)


def scale_choices(scale: str | None) -> tuple[tuple[str, str], ...]:
    """The answers a scale allows, in the order the report states it; () where there is none to read."""
    if not scale or not scale.strip():
        return ()
    if ends := _ENDS.search(scale):
        first, first_words, last, last_words = ends.groups()
        step = -1 if int(first) > int(last) else 1
        numbers = range(int(first), int(last) + step, step)
        words = {int(first): first_words.strip(), int(last): last_words.strip()}
        return tuple((str(n), f"{n} ({words[n]})" if n in words else str(n)) for n in numbers)
    if span := _RANGE.search(scale):
        low, high = int(span.group(1)), int(span.group(2))
        return tuple((str(n), str(n)) for n in range(low, high + 1))
    if _WORDS.match(scale):
        return tuple((word.strip().lower(), word.strip()) for word in scale.split("/"))
    return ()


def for_finding(slug: str) -> Question:
    number = findings.slide_number(slug)
    return Question(f"finding:{slug}", "finding", FINDING_PROMPT, FINDING_CHOICES,
                    f"Key finding {number}: {findings.BY_SLUG[slug].headline}", None, True)


def for_survey_item(item_id: str) -> Question | None:
    """The item's statement with its question's scale; None for an unknown item or one whose question has none."""
    found = store.rows("survey_item", item_id=item_id)
    if found.empty:
        return None
    item = found.iloc[0]
    scale = None if item["scale"] is None or str(item["scale"]) in ("", "nan", "None") else str(item["scale"])
    choices = scale_choices(scale)
    if not choices:
        return None
    return Question(f"survey:{item_id}", "survey", " ".join(str(item["text"]).split()), choices,
                    f"fig-{item['figure_id']}", scale, False)


def survey_items(figure_id: str | None = None) -> tuple[Question, ...]:
    """Every askable item (of one figure), in the report's order."""
    items = store.rows("survey_items", figure_id=figure_id)
    return tuple(q for q in (for_survey_item(str(i)) for i in items["item_id"]) if q is not None)


def for_slide(number: int) -> tuple[Question, ...]:
    """Slide 1..10: the finding's question, then the survey items the slide's chart draws (a figure's or one item's).
    Slide 0 (the join slide) and any other number: none."""
    if not 1 <= number <= len(findings.FINDINGS):
        return ()
    finding = findings.FINDINGS[number - 1]
    asked = [for_finding(finding.slug)]
    if finding.query.startswith("survey_"):
        if finding.params.get("figure_id"):
            asked += survey_items(finding.params["figure_id"])
        elif finding.params.get("item_id") and (item := for_survey_item(finding.params["item_id"])):
            asked.append(item)
    return tuple(asked)


def first_key(number: int) -> str | None:
    """The question a slide makes current when the presenter moves to it (session.move)."""
    asked = for_slide(number)
    return asked[0].key if asked else None


def by_key(key: str | None) -> Question | None:
    if not key or ":" not in key:
        return None
    kind, _, rest = key.partition(":")
    if kind == "finding":
        return for_finding(rest) if rest in findings.BY_SLUG else None
    if kind == "survey":
        return for_survey_item(rest)
    return None


def slide_of(key: str | None) -> int | None:
    """The slide a question belongs to (a finding's; a survey item's first slide drawing it), or None."""
    for number in range(1, len(findings.FINDINGS) + 1):
        if key in {question.key for question in for_slide(number)}:
            return number
    return None
