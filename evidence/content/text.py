"""The text the Policy view and the Overview write from the data, built once per input and shared by every session.

Each block is built once (in the one cache, like queries and charts) and written as one element. Data text goes
into the markdown only through `evidence.content.markup`, so it shows as typed, never as markdown or HTML.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pandas as pd

from evidence.content import choices, findings
from evidence.content.links import Link, Row
from evidence.content.markup import Markup, fmt, join
from evidence.query.cache import cached
from evidence.query.store import rows, source_label
from evidence.views import link

# ------------------------------------------------------------------------------ policy


@cached()
def cell_cases(*, type_id: str) -> tuple[int, Markup]:
    """The cases the report names as doing a type of internationalisation (how many, and a line each with its
    evidence sentences), then those it names as not doing it, under a heading of their own with their count."""
    activities = rows("type_activities", type_id=type_id)
    doing = activities[activities["stance"] == "does"]
    blocks = [_case_lines(doing) if not doing.empty else fmt("The report names no case doing this.")]
    not_doing = activities[activities["stance"] != "does"]
    if not not_doing.empty:
        blocks.append(fmt("**Named as not doing it** ({})\n\n{}", not_doing["case_id"].nunique(),
                          _case_lines(not_doing)))
    return doing["case_id"].nunique(), join("\n\n", blocks)


def _case_lines(activities) -> Markup:
    """One line a case, whatever the number of sentences the report gives for it."""
    lines = []
    for _, case in activities.groupby("case_id", sort=False):
        said = join("; ", (fmt("“{}” :gray[{}]{}", act.evidence, source_label(act.source),
                               fmt(" :orange[(project's match)]") if act.coding == "project" else "")
                           for act in case.itertuples()))
        lines.append(fmt("- **{}** {}: {}", case["case_name"].iloc[0],
                         fmt("does" if case["stance"].iloc[0] == "does" else "does **not**"), said))
    return join("\n", lines)


CELL_LINK_KINDS = (("instrument", "Instruments"), ("swot", "SWOT items"), ("implication", "Implications"))


LISTED = 40  # items a cell's panel lists of each kind (today at most a dozen); a count says how many more (issue 26)


@cached()
def cell_links(*, type_id: str, process_id: str) -> tuple[tuple[str, int, Markup], ...]:
    """The instruments, SWOT items and implications linked to a matrix cell: (title, count, list) per kind."""
    links = rows("cell_links", type_id=type_id, process_id=process_id)
    out = []
    for kind, title in CELL_LINK_KINDS:
        mine = links[links["entity_kind"] == kind]
        lines = join("\n", (fmt("- {} :gray[{} · {} · {}]  \n  :orange[Project's link: {}]", link.text, link.label,
                                source_label(link.source), link.scope, link.rationale)
                            for link in mine.head(LISTED).itertuples()))
        if len(mine) > LISTED:
            lines = join("\n", (lines, fmt("- :gray[and {} more (the Data view's policy_links table has them all)]",
                                            f"{len(mine) - LISTED:,}")))
        out.append((title, len(mine), lines or fmt("No {} are linked to this cell.", title.lower())))
    return tuple(out)


@cached()
def routes_from(*, process_id: str) -> Markup:
    """The routes from home to abroad that start at a business process."""
    return join("\n\n", (fmt("**Route {} starts here** :orange[(project's reading)]: “{}” :gray[{}]  \n"
                             "Viability: {} :orange[(project's coding of the report's words)]", route.route_id,
                             route.text, route.source_label, route.viability)
                         for route in rows("routes", from_process=process_id).itertuples()))


@cached()
def swot_quadrants(*, text: str | None, theme_id: str | None, quadrants: tuple[tuple[str, str], ...]
                   ) -> tuple[int, int, Markup]:
    """The SWOT items matching a text filter, a theme's items in bold with a badge: (shown, all, the quadrants under
    their headings as one markdown block)."""
    swot = rows("swot_search", text=text, theme=theme_id)
    blocks = []
    for quadrant, title in quadrants:
        shown = swot[(swot["quadrant"] == quadrant) & swot["matches"]]
        items = [fmt(":orange-badge[theme] **{}**  \n:gray[{} · {}]" if item.highlighted else "{}  \n:gray[{} · {}]",
                     item.text, item.swot_id, item.theme_label)
                 for item in shown.itertuples()]
        blocks.append(join("\n\n", (fmt("### {}", title), join("\n\n", items) or fmt(":gray[No item matches.]"))))
    return int(swot["matches"].sum()), len(swot), join("\n\n", blocks)


@cached()
def implications_by_domain() -> Markup:
    """Each policy domain with its principal challenge, and the implications in it, as one markdown block."""
    implications = rows("policy_implications")
    return join("\n\n", (
        fmt("**{}**  \nPrincipal challenge: {}  \n:gray[Section 2]\n\n{}", group["domain_label"].iloc[0].capitalize(),
            group["challenge"].iloc[0],
            join("\n", (fmt("- {} :gray[{}]", item.text, source_label(item.source)) for item in group.itertuples())))
        for _, group in implications.groupby("domain_id", sort=False)
    ))


@cached()
def routes() -> Markup:
    """The three routes from home to abroad as one markdown table, a row each: the project's title, the viability (the
    project's coding of the report's words), and the report's words with their source."""
    lines = [fmt("| Route | Viability | The report's words |"), fmt("| --- | --- | --- |")]
    lines += [fmt("| **Route {}: {}** :orange[(project's title)] | Viability: **{}** :orange[(project's coding of the "
                  "report's words)] | “{}” :gray[{}] |", route.route_id, route.summary, route.viability, route.text,
                  route.source_label)
              for route in rows("routes", from_process=None).itertuples()]
    return join("\n", lines)


@cached()
def challenge_sets(*, titles: tuple[tuple[str, str], ...]) -> Markup:
    """The report's lists of challenges and barriers, each under its title, as one markdown block."""
    names = dict(titles)
    return join("\n\n", (
        fmt("**{}**\n\n{}", names[challenge_set], join("\n", (
            fmt("- {} — {}", item.label, item.description) if isinstance(item.description, str)
            else fmt("- {}", item.label) for item in group.itertuples())))
        for challenge_set, group in rows("challenges_domains").groupby("challenge_set", sort=False)
    ))


# ------------------------------------------------------------------------------ overview


@cached()
def comparisons(*, outcome: str | None, icons: tuple[tuple[str, str], ...]) -> tuple[int, Markup]:
    """Study vs experts as one markdown table, a row per finding (the study with its source, the experts with
    theirs, the outcome with who paired them), and how many rows it has."""
    icon = dict(icons)
    lines = [fmt("| The study | The experts | Outcome |"), fmt("| --- | --- | --- |")]
    shown = rows("study_vs_experts", outcome=outcome)
    for row in shown.itertuples():
        item = fmt(" · survey item {}", row.item_id) if isinstance(row.item_id, str) else ""
        paired = (fmt("Paired by the project: {}", row.coding_rationale) if row.coding == "project"
                  else fmt("The report: “{}”", row.outcome_wording))
        lines.append(fmt("| **{}** · “{}” :gray[{}] | “{}” :gray[{}{}] | {} **{}** · :gray[{}] |", row.topic,
                         row.study_statement, source_label(row.study_source), row.expert_statement,
                         source_label(row.expert_source), item, fmt(icon[row.outcome]), row.outcome, paired))
    return len(shown), join("\n", lines)


# The view holding each conclusion's evidence, with the link's state: (page file, title, query parameters).
CONCLUSION_VIEWS: dict[str, tuple[str, str, dict]] = {
    "st-002": link("case_studies", {}),
    "st-003": link("case_studies", {"type": "collaboration"}),
    "st-004": link("expert_survey", {"item": "5.a"}),
    "st-005": link("expert_survey", {"item": "2.a"}),
    "st-006": link("policy", {}),
    "st-007": link("expert_survey", {"item": "3.b"}),
    "st-008": link("expert_survey", {"item": "1b.b"}),
    "st-009": link("policy", {"cell": "collaboration-rnd"}),
    "st-010": link("case_studies", {}),
    "st-011": link("policy", {}),
    "st-012": link("policy", {"swot_q": "portfolio"}),
    "st-013": link("policy", {"cell": "collaboration-rnd"}),
    "st-014": link("policy", {"cell": "customising-export"}),
    "st-015": link("expert_survey", {"item": "4.a"}),
    "st-016": link("expert_survey", {"item": "4.a"}),
}


@cached()
def conclusion_rows() -> tuple[Row, ...]:
    """The conclusions of section 2 (the report's first line, the summary, left out), each with its links: the
    view holding its evidence (with that view's state) and the slide that shows it."""
    said = rows("statements", section="sec-2")
    made = []
    for row in said[said["statement_id"].isin(choices.conclusion_ids())].itertuples():
        view = CONCLUSION_VIEWS.get(row.statement_id)
        slug = findings.CONCLUSION_EVIDENCE.get(row.statement_id)
        number = findings.slide_number(slug) if slug else None
        links = (Link(view[1], Path(view[0]).stem + _query(view[2]), "arrow_forward") if view else None,
                 Link(f"Evidence: slide {number}", _query({"present": "1", "slide": number, "from": row.statement_id}),
                      "slideshow") if slug else None)
        made.append(Row(row.statement_id, row.speaker_label, row.paraphrase, links))
    return tuple(made)


def _query(params: dict) -> str:
    return "?" + urllib.parse.urlencode(params) if params else ""


def case_figures(card) -> list[str]:
    """A case's figures as its card says them (the qualifier "about" kept with the staff, "typically" with the
    contracts): the view's card and the case's brief say the same."""
    figures = []
    if pd.notna(card["founded_year"]):
        figures.append(f"founded {int(card['founded_year'])}")
    if pd.notna(card["age_years"]):
        figures.append(f"{int(card['age_years'])} years old")
    if pd.notna(card["staff"]):
        figures.append(f"{'about ' if card['staff_qualifier'] == 'about' else ''}{int(card['staff'])} employees")
    if pd.notna(card["contract_min_eur"]):
        figures.append(f"contract sizes typically EUR {int(card['contract_min_eur']):,} to "
                       f"{int(card['contract_max_eur']):,}")
    if isinstance(card["website"], str):
        figures.append(card["website"])
    return figures
