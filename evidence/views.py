"""The views, declared once: each one's page file, title, icon, URL path, place in the sidebar, what its brief says
it is, and its URL parameters in words. app.py builds the navigation from this; search, the workshop's links, the
conclusions' links, the brief, *Cite this*, the benchmark and the tests read it. Adding a view is one entry here and
one page file in pages/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    key: str  # the view's name: its URL path (the Overview's is served at `/`), the brief's and the deck's
    file: str  # its page, from the repository's root
    title: str
    icon: str  # a Material Symbols name, as st.Page takes it
    group: str  # the sidebar's group
    summary: str  # what the view is for, as its brief says
    labels: dict[str, str]  # URL parameter -> what it means, in words (the brief's filters)

    @property
    def path(self) -> str:
        """The view's address, relative to the app's root."""
        return "" if self.key == "overview" else self.key


def _view(key: str, title: str, icon: str, group: str, summary: str, labels: dict[str, str]) -> View:
    return View(key, f"pages/{key}.py", title, f":material/{icon}:", group, summary, labels)


VIEWS: dict[str, View] = {view.key: view for view in [
    _view("overview", "Overview", "insights", "Explore",
          "The story of the report in one screen: headline figures, the conclusions, and where the experts "
          "confirmed or diverged from the study.",
          {"outcome": "Study vs experts, showing", "slide": "Slide", "present": "Presenter mode"}),
    _view("case_studies", "Case studies", "apartment", "Explore",
          "The 12 SMEs of the study: country, typology, types of internationalising innovation, motives and barriers.",
          {"country": "Home country", "typology": "Typology group", "type": "Type named",
           "presented": "Presented at the workshop", "case": "Case"}),
    _view("expert_survey", "Expert survey", "forum", "Explore",
          "The online survey of experts of May and June 2016 (Annex 3): who answered and what the report says about "
          "each statement.",
          {"sample": "Sample", "theme": "Theme", "item": "Survey item"}),
    _view("policy", "Policy", "account_balance", "Explore",
          "The WHAT/HOW matrix, EU instruments and budgets, the SWOT and the policy implications.",
          {"cell": "WHAT/HOW cell", "level": "Instrument level", "kind": "Instrument kind",
           "q": "Instruments matching", "swot_q": "SWOT items matching", "swot_theme": "SWOT theme"}),
    _view("workshop", "Workshop", "groups", "Explore",
          "The expert workshop in Brussels on 13 June 2016: agenda, participants, and who said what.",
          {"slot": "Agenda item", "from": "Participants from", "org": "Kind of organisation",
           "speaker": "Speaker", "section": "Part of the report", "about": "Theme"}),
    _view("search", "Evidence search", "search", "Look up",
          "One search over every statement of the report.",
          {"search": "Search words", "kinds": "Kinds", "topic": "Theme", "part": "Part of the report"}),
    _view("data", "Data", "database", "Look up",
          "Every table of the evidence base, its fields and its sources.",
          {"table": "Table", "sql": "SQL query", "query": "Named query"}),
]}


def link(key: str, params: dict | None = None) -> tuple[str, str, dict]:
    """A link to a view as the pages draw it: (page file, title, query parameters)."""
    return VIEWS[key].file, VIEWS[key].title, dict(params or {})
