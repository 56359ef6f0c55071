"""The text the Expert survey view writes from the data, built once per input and shared by every session.

Each block is built once (in the one cache, like queries and charts) and written as one element. Data text goes
into the markdown only through `evidence.content.markup`, so it shows as typed, never as markdown or HTML.
"""

from __future__ import annotations

import pandas as pd

from evidence.content.markup import Markup, fmt, join
from evidence.query.cache import cached
from evidence.query.store import rows, source_label

SHOWN_QUALIFIERS = ("almost", "nearly", "more than", "about")


def share(value, qualifier) -> str:
    """A printed share with the word the report puts before it ("almost 90%"); other words stay in the wording."""
    return f"{qualifier + ' ' if qualifier in SHOWN_QUALIFIERS else ''}{int(value)}%"


@cached()
def item_results(*, item_id: str) -> Markup:
    """What the report says about one survey item: each number as printed, the wording, source, contradiction."""
    results = rows("survey_results", item_id=item_id)
    if results.empty:
        return fmt("The report gives no result for this item: its chart was lost, and the prose does not mention it.")
    lines = []
    for row in results.itertuples():
        value = f"{share(row.value_pct, row.qualifier)} " if pd.notna(row.value_pct) else ""
        count = f"({int(row.value_count)}) " if pd.notna(row.value_count) else ""
        flag = (fmt("  \n  :red[The report contradicts itself here: {}]", row.contradiction_topic)
                if isinstance(row.contradiction_id, str)
                else fmt(""))
        printed = fmt("**{}** · ", (value + count).strip()) if value or count else ""
        lines.append(fmt("- {printed}“{wording}”  \n  :gray[{source}]{flag}", printed=printed, wording=row.wording,
                         source=source_label(row.source), flag=flag))
    lines += [fmt("- “{}”  \n  :gray[{}] · :orange[linked to the item by the project]", p.text, source_label(p.source))
              for p in rows("survey_item_passages", item_id=item_id).itertuples()]
    return join("\n", lines)


@cached()
def item_reading(*, item_id: str) -> Markup:
    """The project's coding of each result of one survey item (measure and verdict), marked as the project's."""
    return join("\n", (fmt("- :orange[Project's reading] of {}: measure *{}*, verdict *{}*",
                           source_label(r.source), r.measure, r.verdict)
                       for r in rows("survey_results", item_id=item_id).itertuples()))


@cached()
def item_tested(*, item_id: str) -> Markup:
    """The study findings the project matches to a survey item, each saying who compares them, or "" if none."""
    tested = rows("study_vs_experts", outcome=None)
    blocks = []
    for r in tested[tested["item_id"] == item_id].itertuples():
        if r.coding == "stated":
            verdict = fmt("The report compares them: “{}” :gray[{}] · :orange[project's word for it: {}]",
                          r.outcome_wording, source_label(r.expert_source), r.outcome)
        else:
            verdict = fmt(":orange[Paired by the project, not the report: {} · reading: {}]", r.coding_rationale,
                          r.outcome)
        blocks.append(fmt("“{}” :gray[{}]  \n{}", r.study_statement, source_label(r.study_source), verdict))
    return join("\n\n", blocks)


def _quotes(texts) -> Markup:
    return join("\n\n", (fmt("> {}", text) for text in texts))


@cached()
def comment_quotes(*, question_id: str | None) -> tuple[int, Markup]:
    """The respondents' comments on one question (or all), as block quotes, and how many there are."""
    comments = rows("survey_comments", question_ids=[question_id] if question_id else None)
    return len(comments), _quotes(comments["text"])


@cached()
def comments_by_question(*, question_ids: tuple[str, ...] | None, themes: tuple[tuple[str, str], ...]
                         ) -> tuple[int, tuple[tuple[Markup, Markup], ...]]:
    """The comments of the chosen questions (all if None), grouped by question: (heading, quotes) pairs."""
    comments = rows("survey_comments", question_ids=list(question_ids) if question_ids else None)
    names = dict(themes)
    groups = tuple(
        (fmt("**{}** :gray[{}]", names.get(question_id, question_id), group["source_label"].iloc[0]),
         _quotes(group["text"]))
        for question_id, group in comments.groupby("question_id", sort=False)
    )
    return len(comments), groups


@cached()
def statement_counts(*, questions: tuple[str, ...] | None) -> tuple[int, int]:
    """How many items the statements chart draws for these questions, and how many of the report's results."""
    found = rows("survey_statement_results", questions=questions, item=None)
    return int(found["item_id"].nunique()), int(found["result_id"].notna().sum())


@cached()
def figure_items(*, figure_id: str) -> Markup:
    """A figure's items, each with the verdicts and shares the report gives for it."""
    results = rows("survey_figure_results", figure_id=figure_id)
    blocks = []
    for row in rows("survey_items", figure_id=figure_id).itertuples():
        mine = results[results["item_id"] == row.item_id]
        verdicts = ", ".join(dict.fromkeys(mine["verdict"]))
        shares = "; ".join(share(v, q) for v, q in zip(mine["value_pct"], mine["qualifier"], strict=True)
                           if pd.notna(v))
        reading = fmt(":orange[project's reading: {}]", verdicts) if verdicts else fmt("no result given")
        blocks.append(fmt("**{}.** {}  \n{}{}", row.letter, row.text, fmt("{} · ", shares) if shares else "", reading))
    return join("\n\n", blocks)


@cached()
def contradictions() -> tuple[int, Markup]:
    """The report's contradictions about the survey as one markdown table (a row each: the topic and its kind,
    both statements with their sources, the project's note), and how many there are. One element, not three
    per contradiction: on this view they were half of every rerun's messages."""
    lines = [fmt("| Where (label and kind: the project's coding) | The report says | and also says "
                 "| Note (the project's) |"),
             fmt("| --- | --- | --- | --- |")]
    found = rows("survey_contradictions")
    lines += [fmt("| **{}** ({}) | “{}” :gray[{}] | “{}” :gray[{}] | {} |", row.topic, row.kind, row.statement_a,
                  source_label(row.source_a), row.statement_b, source_label(row.source_b), row.note)
              for row in found.itertuples()]
    return len(found), join("\n", lines)
