"""The text the views write from the data, built once per input and shared by every session.

A page that loops over rows writing one markdown element each costs a pandas pass and dozens of elements on
every rerun; here each block is built once (cached by its inputs, like queries and charts) and written as one
element. Every piece of data text goes through `md`, so it shows as typed and never as markdown or HTML.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from evidence.ui import md, memo, query, source_label


def _share(value, qualifier) -> str:
    """A printed share with the word the report puts before it ("almost 90%"); other words stay in the wording."""
    return f"{qualifier + ' ' if qualifier in ('almost', 'nearly', 'more than', 'about') else ''}{int(value)}%"


# ------------------------------------------------------------------------------ expert survey


@memo()
def survey_item_results(item_id: str) -> str:
    """What the report says about one survey item: each number as printed, the wording, source, contradiction."""
    results = query("survey_results", item_id=item_id)
    if results.empty:
        return "The report gives no result for this item: its chart was lost, and the prose does not mention it."
    lines = []
    for row in results.itertuples():
        value = f"{_share(row.value_pct, row.qualifier)} " if pd.notna(row.value_pct) else ""
        count = f"({int(row.value_count)}) " if pd.notna(row.value_count) else ""
        flag = f"  \n  :red[Contradiction {md(row.contradiction_id)}]" if isinstance(row.contradiction_id, str) else ""
        printed = f"**{md(value + count).strip()}** · " if value or count else ""
        lines.append(f"- {printed}“{md(row.wording)}”  \n  :gray[{md(source_label(row.source))}]{flag}")
    lines += [f"- “{md(p.text)}”  \n  :gray[{md(source_label(p.source))}] · :orange[linked to the item by the project]"
              for p in query("survey_item_passages", item_id=item_id).itertuples()]
    return "\n".join(lines)


@memo()
def survey_item_reading(item_id: str) -> str:
    """The project's coding of each result of one survey item (measure and verdict), marked as the project's."""
    return "\n".join(f"- :orange[Project's reading] of {md(source_label(r.source))}: measure *{md(r.measure)}*, "
                     f"verdict *{md(r.verdict)}*" for r in query("survey_results", item_id=item_id).itertuples())


@memo()
def survey_item_tested(item_id: str) -> str:
    """The study findings the project matches to a survey item, each saying who compares them, or "" if none."""
    tested = query("study_vs_experts", outcome=None)
    return "\n\n".join(
        f"“{md(r.study_statement)}” :gray[{md(source_label(r.study_source))}]  \n"
        + (f"The report compares them: “{md(r.outcome_wording)}” :gray[{md(source_label(r.expert_source))}] · "
           f":orange[project's word for it: {md(r.outcome)}]" if r.coding == "stated" else
           f":orange[Paired by the project, not the report: {md(r.coding_rationale)} · reading: {md(r.outcome)}]")
        for r in tested[tested["item_id"] == item_id].itertuples())


@memo()
def survey_comment_quotes(question_id: str | None) -> tuple[int, str]:
    """The respondents' comments on one question (or all), as block quotes, and how many there are."""
    comments = query("survey_comments", question_id=question_id)
    return len(comments), "\n\n".join(f"> {md(text)}" for text in comments["text"])


@memo()
def survey_comments_by_question(question_ids: tuple[str, ...] | None, themes: tuple[tuple[str, str], ...]
                                ) -> tuple[int, tuple[tuple[str, str], ...]]:
    """The comments of the chosen questions (all if None), grouped by question: (heading, quotes) pairs."""
    comments = query("survey_comments", question_id=None)
    if question_ids:
        comments = comments[comments["question_id"].isin(question_ids)]
    names = dict(themes)
    groups = tuple(
        (f"**{md(names.get(question_id, question_id))}** :gray[{md(source_label(group['source'].iloc[0]))}]",
         "\n\n".join(f"> {md(text)}" for text in group["text"]))
        for question_id, group in comments.groupby("question_id", sort=False)
    )
    return len(comments), groups


@memo()
def survey_figure_items(figure_id: str) -> str:
    """A figure's items, each with the verdicts and shares the report gives for it."""
    results = query("survey_figure_results", figure_id=figure_id)
    blocks = []
    for row in query("survey_items", figure_id=figure_id).itertuples():
        mine = results[results["item_id"] == row.item_id]
        verdicts = ", ".join(dict.fromkeys(mine["verdict"]))
        shares = "; ".join(_share(v, q) for v, q in zip(mine["value_pct"], mine["qualifier"], strict=True)
                           if pd.notna(v))
        reading = f":orange[project's reading: {md(verdicts)}]" if verdicts else "no result given"
        blocks.append(f"**{row.letter}.** {md(row.text)}  \n" + (f"{md(shares)} · " if shares else "") + reading)
    return "\n\n".join(blocks)


@memo()
def survey_contradictions() -> tuple[tuple[str, str, str], ...]:
    """The report's contradictions about the survey: (title, both statements with sources, note)."""
    return tuple(
        (f"{row.topic} ({row.kind})",
         f"“{md(row.statement_a)}” :gray[{md(source_label(row.source_a))}]  \n"
         f"“{md(row.statement_b)}” :gray[{md(source_label(row.source_b))}]",
         md(row.note))
        for row in query("survey_contradictions").itertuples()
    )


# ------------------------------------------------------------------------------ policy


@memo()
def cell_cases(type_id: str) -> tuple[int, str]:
    """The cases the report names for a type of internationalisation, with the evidence sentences."""
    activities = query("type_activities", type_id=type_id)
    if activities.empty:
        return 0, "The report names no case for this type."
    lines = []
    for act in activities.itertuples():
        verb = "does" if act.stance == "does" else "does **not**"
        coded = " :orange[(project's match)]" if act.coding == "project" else ""
        lines.append(f"- **{md(act.case_name)}** {verb}: “{md(act.evidence)}” :gray[{md(source_label(act.source))}]"
                     f"{coded}")
    return activities[activities["stance"] == "does"]["case_id"].nunique(), "\n".join(lines)


CELL_LINK_KINDS = (("instrument", "Instruments"), ("swot", "SWOT items"), ("implication", "Implications"))


@memo()
def cell_links(type_id: str, process_id: str) -> tuple[tuple[str, int, str], ...]:
    """The instruments, SWOT items and implications linked to a matrix cell: (title, count, list) per kind."""
    links = query("cell_links", type_id=type_id, process_id=process_id)
    out = []
    for kind, title in CELL_LINK_KINDS:
        mine = links[links["entity_kind"] == kind]
        lines = "\n".join(
            f"- {md(link.text)} :gray[{md(link.label)} · {md(source_label(link.source))} · {md(link.scope)}]  \n"
            f"  :orange[Project's link: {md(link.rationale)}]"
            for link in mine.itertuples()
        )
        out.append((title, len(mine), lines or f"No {title.lower()} are linked to this cell."))
    return tuple(out)


@memo()
def routes_from(process_id: str) -> str:
    """The routes from home to abroad that start at a business process."""
    routes = query("table_rows", table_name="routes")
    return "\n\n".join(
        f"**Route {md(route.route_id)} starts here** ({md(route.viability)}): “{md(route.text)}” "
        f":gray[{md(source_label(route.source))}]"
        for route in routes[routes["from_process"] == process_id].itertuples()
    )


@memo()
def swot_quadrants(text: str | None, theme_id: str | None, quadrants: tuple[tuple[str, str], ...]
                   ) -> tuple[int, int, tuple[tuple[str, str], ...]]:
    """The SWOT items matching a text filter, a theme's items in bold with a badge: (shown, all, quadrants)."""
    swot = query("swot_search", text=text, theme=theme_id)
    columns = []
    for quadrant, title in quadrants:
        shown = swot[(swot["quadrant"] == quadrant) & swot["matches"]]
        items = []
        for item in shown.itertuples():
            mark = ":orange-badge[theme] " if item.highlighted else ""
            body = f"**{md(item.text)}**" if item.highlighted else md(item.text)
            items.append(f"{mark}{body}  \n:gray[{md(item.swot_id)} · {md(item.theme_label)}]")
        columns.append((title, "\n\n".join(items)))
    return int(swot["matches"].sum()), len(swot), tuple(columns)


@memo()
def implications_by_domain() -> tuple[tuple[str, str], ...]:
    """Each policy domain with its principal challenge, and the implications in it: (challenge, list)."""
    implications = query("policy_implications")
    return tuple(
        (f"**{md(group['domain_label'].iloc[0].capitalize())}**  \n"
         f"Principal challenge: {md(group['challenge'].iloc[0])}  \n:gray[Section 2]",
         "\n".join(f"- {md(item.text)} :gray[{md(source_label(item.source))}]" for item in group.itertuples()))
        for _, group in implications.groupby("domain_id", sort=False)
    )


@memo()
def routes() -> tuple[tuple[str, str], ...]:
    """The three routes from home to abroad: (title and viability, quote with source)."""
    return tuple(
        (f"**Route {md(route.route_id)}: {md(route.summary)}**  \n{md(route.viability)}",
         f"“{md(route.text)}”  \n:gray[{md(source_label(route.source))}]")
        for route in query("table_rows", table_name="routes").itertuples()
    )


@memo()
def challenge_sets(titles: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The report's lists of challenges and barriers, one markdown block per list."""
    names = dict(titles)
    return tuple(
        f"**{names[challenge_set]}**\n\n" + "\n".join(
            f"- {md(item.label)}" + (f" — {md(item.description)}" if isinstance(item.description, str) else "")
            for item in group.itertuples())
        for challenge_set, group in query("challenges_domains").groupby("challenge_set", sort=False)
    )


# ------------------------------------------------------------------------------ overview


@memo()
def comparisons(outcome: str | None, icons: tuple[tuple[str, str], ...]) -> tuple[int, str]:
    """Study vs experts as one markdown table, a row per finding (the study with its source, the experts with
    theirs, the outcome with who paired them), and how many rows it has."""
    icon = dict(icons)
    lines = ["| The study | The experts | Outcome |", "| --- | --- | --- |"]
    shown = query("study_vs_experts", outcome=outcome)
    for row in shown.itertuples():
        item = f" · survey item {md(row.item_id)}" if isinstance(row.item_id, str) else ""
        paired = (f"Paired by the project: {md(row.coding_rationale)}" if row.coding == "project"
                  else f"The report: “{md(row.outcome_wording)}”")
        lines.append(
            f"| **{md(row.topic)}** · “{md(row.study_statement)}” :gray[{md(source_label(row.study_source))}] "
            f"| “{md(row.expert_statement)}” :gray[{md(source_label(row.expert_source))}{item}] "
            f"| {icon[row.outcome]} **{md(row.outcome)}** · :gray[{paired}] |")
    return len(shown), "\n".join(lines)


@memo()
def conclusions() -> tuple[tuple[str, str], ...]:
    """The conclusions of section 2 (the report's first line, the summary, left out): (statement id, text)."""
    said = query("statements", section="sec-2")
    return tuple((row.statement_id, f"**{md(row.speaker_label)}** · {md(row.paraphrase)}")
                 for row in said[said["statement_id"] != "st-001"].itertuples())


# ------------------------------------------------------------------------------ tables (Arrow, sent as is)


@memo()
def case_table(params: tuple, type_labels: tuple[tuple[str, str], ...]) -> pa.Table:
    """The cases matching the Case studies filters, as the page's table shows them."""
    cases = query("case_filter", **{k: list(v) if isinstance(v, tuple) else v for k, v in params})
    matching = cases[cases["in_filter"]]
    labels = dict(type_labels)
    shown = matching.assign(
        home=matching["home_country_label"],
        types=matching["types_named"].fillna("").map(lambda t: [labels[x] for x in t.split(";") if x]),
        presented=matching["presented_at_workshop"].map({True: "yes", False: ""}),
        founded=matching["founded_year"].map(lambda y: "–" if pd.isna(y) else str(int(y))),
        staff=[("–" if pd.isna(n) else ("about " if q == "about" else "") + str(int(n)))
               for n, q in zip(matching["staff"], matching["staff_qualifier"], strict=True)],
        source=matching["source"].map(source_label),
    )[["case_id", "name", "home", "typology_label", "types", "presented", "founded", "staff", "source"]]
    return pa.Table.from_pandas(shown, preserve_index=False)


@memo()
def participant_table(countries: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[int, pa.Table]:
    """The participants from the chosen countries and kinds of organisation (all when none is chosen)."""
    participants = query("participants", country_label=None)
    keep = pd.Series(True, index=participants.index)
    if countries:
        keep &= participants["country_label"].isin(countries)
    if kinds:
        keep &= participants["org_type"].isin(kinds)
    return len(participants), pa.Table.from_pandas(participants[keep], preserve_index=False)


@memo()
def statement_sections() -> tuple[tuple[str, str], ...]:
    """The parts of the report the statements come from (and the chapters above them): (label, source id)."""
    used = set(query("statements_filtered", speakers=None, organisations=None, section=None, theme=None)["source"])
    used |= {"sec-3", "sec-4", "sec-3.4", "sec-4.3", "sec-4.4"}
    sources = query("table_rows", table_name="sources")
    return tuple((row.label, row.source_id) for row in sources.itertuples() if row.source_id in used)


# ------------------------------------------------------------------------------ the choices each view offers


@memo()
def policy_choices() -> dict:
    """The Policy view's choices and counts, read once: cells (as ?cell= names them), levels, kinds, themes."""
    cells = query("what_how_cells", type_id=None, process_id=None)
    instruments = query("instruments_filtered", levels=None, kinds=None, text=None)
    swot = query("swot_search", text=None, theme=None)
    active = cells["symbols"] > 0
    rows = {f"{r.type_id}-{r.process_id}": r for r in cells.itertuples()}
    return {
        "cells": tuple(rows),
        "cell_names": {name: f"{r.type_label} × {r.process_label}" for name, r in rows.items()},
        "cell_symbols": {name: (int(r.symbols), r.intensity) for name, r in rows.items()},
        "levels": tuple(sorted(instruments["level"].dropna().unique())),
        "kinds": tuple(sorted(instruments["kind"].unique())),
        "instrument_count": len(instruments),
        "swot_themes": dict(zip(swot["theme_label"], swot["theme_id"], strict=True)),
        "active_cells": int(active.sum()),
        "gaps": int((active & (cells["cell_instruments"] == 0)).sum()),
    }


@memo()
def recommendation_table() -> pa.Table:
    """Every statement classed as a recommendation, with who made it."""
    recommendations = query("recommendations")
    shown = recommendations.assign(
        source=recommendations["source"].map(source_label),
        who=recommendations["speaker_label"] + recommendations["organisation"].map(
            lambda o: f" ({o})" if isinstance(o, str) else ""))
    return pa.Table.from_pandas(shown, preserve_index=False)


@memo()
def case_choices() -> dict:
    """The Case studies view's choices: labels by field (the widgets offer labels) and ids by label."""
    options = query("case_options")
    labels = {field: dict(zip(group["value"], group["label"], strict=True))
              for field, group in options.groupby("field")}
    labels["type"] = {key: label.removeprefix("the ").removesuffix(" type") for key, label in labels["type"].items()}
    return {"labels": labels, "ids": {field: {label: key for key, label in by.items()} for field, by in labels.items()}}
