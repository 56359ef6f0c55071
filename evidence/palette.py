"""One palette for the whole app: colour-blind-safe (Okabe-Ito), one colour per category on every page.

Values the project coded itself are drawn lighter and dashed, with a legend entry saying so.
"""

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#7F7F7F"
INK = "#262730"

TYPOLOGY = {
    "born_global": BLUE,
    "urged_global": ORANGE,
    "intentional_global": GREEN,
    "accidental_global": PURPLE,
}

TYPES = {
    "branch": ORANGE,
    "collaboration": BLUE,
    "customising": VERMILLION,
    "ip": PURPLE,
    "employment": GREEN,
}

PROCESSES = {"export": ORANGE, "production": GREY, "rnd": BLUE}

SWOT = {"strength": GREEN, "weakness": VERMILLION, "opportunity": BLUE, "threat": ORANGE}

VERDICTS = {
    "agreed": BLUE,
    "important": BLUE,
    "more important": BLUE,
    "useful": BLUE,
    "priority": BLUE,
    "less important": SKY,
    "divided": ORANGE,
    "mixed": ORANGE,
    "rejected": VERMILLION,
}

OUTCOMES = {"confirmed": BLUE, "qualified": ORANGE, "diverged": VERMILLION}

TOPICS = {"activity": BLUE, "motive": GREEN, "barrier": VERMILLION, "impact": PURPLE}

# How the two kinds of value look: what the report states, and what the project coded or derived.
STATED = "stated in the report"
CODED = "project's coding or arithmetic"
CODING_OPACITY = {STATED: 1.0, CODED: 0.45}
CODING_DASH = {STATED: [1, 0], CODED: [4, 3]}


def scale(mapping: dict[str, str], labels: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Domain and range for an Altair colour scale, in the mapping's order (labels rename the domain)."""
    domain = [labels.get(key, key) if labels else key for key in mapping]
    return domain, list(mapping.values())

# How a survey share is drawn, by the report's qualifier: the marker says how precise the number is.
QUALIFIER_SHAPES = {
    "exact": ("circle", "exact: the report prints this number"),
    "almost": ("triangle-left", "almost / nearly: just under this number"),
    "nearly": ("triangle-left", "almost / nearly: just under this number"),
    "more than": ("triangle-right", "more than: over this number"),
    "about": ("diamond", "about: roughly this number"),
}

MEASURES = {
    "agree": BLUE, "fully_agree": "#003f63", "important": BLUE, "useful": BLUE, "very_useful": "#003f63",
    "support": BLUE, "high_priority": BLUE, "priority": SKY, "priority_total": "#003f63",
    "undecided": ORANGE, "undecided_or_reject": ORANGE, "undecided_or_not_convinced": ORANGE,
    "reject": VERMILLION, "yes": BLUE, "no": VERMILLION,
}
