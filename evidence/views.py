"""The views, declared once: each one's page file, title, icon, URL path, place in the sidebar, what its brief says
it is, and its URL parameters, each with what it means in words and the check of a link's value. app.py builds the
navigation from this; every page checks its link against it (ui/page.py); search, the workshop's links, the
conclusions' links, the brief, *Cite this*, the benchmark and the tests read it. Adding a view is one entry here and
one page file in pages/."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from evidence.content import choices, findings, state
from evidence.live import codes
from evidence.query import package

Check = Callable[[str | list[str] | None], bool]  # whether a link's value of a parameter is one the view can use


@dataclass(frozen=True)
class Param:
    label: str | None  # what it means, in words, as the brief names it (None: the brief shows its name)
    check: Check


def anything(value) -> bool:
    """Free text (a search, a SQL query): any value will do."""
    return True


def one_of(options: Callable[[], Collection]) -> Check:
    """One of the options (read when a link is first checked, not when this module is imported)."""
    return lambda value: state.valid_choice(value, options())


def some_of(options: Callable[[], Collection]) -> Check:
    """Any number of the options (?country=NL&country=DE, or comma-separated)."""
    return lambda value: state.valid_choices(value, options())


@dataclass(frozen=True)
class View:
    key: str  # the view's name: its URL path (the Overview's is served at `/`), the brief's and the deck's
    file: str  # its page, from the repository's root
    title: str
    icon: str  # a Material Symbols name, as st.Page takes it
    group: str  # the sidebar's group
    summary: str  # what the view is for, as its brief says
    params: dict[str, Param]  # the URL parameters the view keeps
    # Parameters whose names come from the data (the canned queries' on the Data view), any value: their own forms
    # check them.
    more_params: Callable[[], Collection[str]] = field(default=frozenset)

    @property
    def path(self) -> str:
        """The view's address, relative to the app's root."""
        return "" if self.key == "overview" else self.key

    @property
    def labels(self) -> dict[str, str]:
        """URL parameter -> what it means, in words (the brief's filters)."""
        return {name: param.label for name, param in self.params.items() if param.label}

    def validators(self) -> dict[str, Check]:
        """Each parameter the view keeps, with its check (state.review takes them)."""
        return {**{name: anything for name in self.more_params()},
                **{name: param.check for name, param in self.params.items()}}


def live_code(value) -> bool:
    """A live session's join code (six characters of codes.ALPHABET, as typed: lower case, spaces, dashes)."""
    return codes.normal_code(state.last(value)) is not None


# A live session (issue 25): its code, and the presenter's secret (never printed: no label, so no brief names it).
LIVE_PARAMS = {"live": Param("Live session", live_code), "host": Param(None, anything)}


def _view(key: str, title: str, icon: str, group: str, summary: str, params: dict[str, Param], **more) -> View:
    return View(key, f"pages/{key}.py", title, f":material/{icon}:", group, summary, params, **more)


def _case_ids(field_name: str) -> Callable[[], Collection]:
    return lambda: choices.case_choices()["ids"][field_name]


VIEWS: dict[str, View] = {view.key: view for view in [
    _view("overview", "Overview", "insights", "Explore",
          "The story of the report in one screen: headline figures, the conclusions, and where the experts "
          "confirmed or diverged from the study.",
          {"outcome": Param("Study vs experts, showing", one_of(lambda: choices.OUTCOMES)),
           # 0 is the join slide of a live session (ui/live_presenter.py); without one the first slide shows.
           "slide": Param("Slide", lambda value: state.valid_page_number(value, len(findings.FINDINGS))
                          or state.last(value) == "0"),
           "present": Param("Presenter mode", state.valid_flag),
           "from": Param(None, one_of(choices.conclusion_ids)),  # the conclusion a slide was opened from
           "at": Param(None, one_of(choices.conclusion_ids)), **LIVE_PARAMS}),  # the conclusion the list shows first
    _view("case_studies", "Case studies", "apartment", "Explore",
          "The 12 SMEs of the study: country, typology, types of internationalising innovation, motives and barriers.",
          {"country": Param("Home country", some_of(_case_ids("country"))),
           "typology": Param("Typology group", some_of(_case_ids("typology"))),
           "type": Param("Type named", some_of(_case_ids("type"))),
           "presented": Param("Presented at the workshop", one_of(lambda: choices.PRESENTED)),
           "case": Param("Case", one_of(_case_ids("case")))}),
    _view("expert_survey", "Expert survey", "forum", "Explore",
          "The online survey of experts of May and June 2016 (Annex 3): who answered and what the report says about "
          "each statement.",
          {"sample": Param("Sample", one_of(lambda: choices.SURVEY_SAMPLES)),
           "theme": Param("Theme", some_of(lambda: choices.SURVEY_THEMES.values())),
           "item": Param("Survey item", one_of(choices.survey_item_labels)), **LIVE_PARAMS}),
    _view("policy", "Policy", "account_balance", "Explore",
          "The WHAT/HOW matrix, EU instruments and budgets, the SWOT and the policy implications.",
          {"cell": Param("WHAT/HOW cell", one_of(lambda: choices.policy_choices()["cells"])),
           "level": Param("Instrument level", some_of(lambda: choices.policy_choices()["levels"])),
           "kind": Param("Instrument kind", some_of(lambda: choices.policy_choices()["kinds"])),
           "q": Param("Instruments matching", anything),
           "swot_q": Param("SWOT items matching", anything),
           "swot_theme": Param("SWOT theme", one_of(lambda: choices.policy_choices()["swot_themes"]))}),
    _view("workshop", "Workshop", "groups", "Explore",
          "The expert workshop in Brussels on 13 June 2016: agenda, participants, and who said what.",
          {"slot": Param("Agenda item", one_of(lambda: choices.workshop_choices()["slots"])),
           "from": Param("Participants from", some_of(lambda: choices.workshop_choices()["countries"])),
           "org": Param("Kind of organisation", some_of(lambda: choices.workshop_choices()["kinds"])),
           "speaker": Param("Speaker", some_of(lambda: choices.workshop_choices()["speakers"])),
           "section": Param("Part of the report", one_of(lambda: dict(choices.statement_sections()))),
           "about": Param("Theme", one_of(choices.theme_ids))}),
    _view("search", "Evidence search", "search", "Look up",
          "One search over every statement of the report.",
          {"search": Param("Search words", anything),
           "kinds": Param("Kinds", some_of(lambda: choices.SEARCH_KINDS)),
           "topic": Param("Theme", one_of(choices.theme_ids)),
           "part": Param("Part of the report", one_of(lambda: choices.REPORT_PARTS))}),
    _view("data", "Data", "database", "Look up",
          "Every table of the evidence base, its fields and its sources.",
          {"table": Param("Table", one_of(lambda: {r["name"] for r in package.datapackage()["resources"]})),
           "sql": Param("SQL query", anything),
           "query": Param("Named query", one_of(choices.canned_queries))},
          more_params=choices.canned_parameters),
]}


def link(key: str, params: dict | None = None) -> tuple[str, str, dict]:
    """A link to a view as the pages draw it: (page file, title, query parameters)."""
    return VIEWS[key].file, VIEWS[key].title, dict(params or {})
