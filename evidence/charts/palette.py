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
GREY = "#7F7F7F"  # a mark's colour only (4.0:1 on white): never text
INK = "#262730"
# Secondary text (captions, chart subtitles, "no result given"): 6.4:1 on white, 5.9:1 on the grey panels.
# Streamlit's own caption grey (#7d7d83, 4.09:1) fails WCAG 2.1 AA; assets/app.css sets this one instead.
MUTED = "#5E5E66"
WHITE = "#FFFFFF"
BLACK = "#000000"
# Backgrounds text sits on: the page, Streamlit's secondary panels (config.toml) and the "no case" tiles.
BACKGROUNDS = ("#FFFFFF", "#F4F6F8", "#EEF0F3")

# One meaning per colour across a view: where a view gives a hue to a category (Case studies: the typology;
# Expert survey: the stance; Workshop: the part of the day; Policy: the matrix's activity), its other charts draw
# their bars in this neutral, so no bar reads as a category it is not. 4.0:1 on white, with the ink outline.
NEUTRAL = GREY
# Counts on a tile or a heatmap cell where a view's blue names a category: from light to dark grey (ink on the
# light steps, white on the dark one: each pair 4.5:1 at least, tests/test_contrast.py).
NEUTRAL_STEPS = ("#D5D8DE", "#A3A7B0", "#4A4C55")
# The chosen mark's ring (a tile, a cell): ink, so it means "chosen" on every view and nothing else.
CHOSEN = INK
# The survey's ring round a number the report contradicts elsewhere: the reddish purple, which no other mark
# on the Expert survey view wears (vermillion there means "against").
CONTRADICTED = PURPLE

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

# Workshop parts (Annex 1); the participants' bars on the same view are NEUTRAL.
PARTS = {"opening": SKY, "I": BLUE, "II": ORANGE, "closing": PURPLE}

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
QUALIFIER_SHAPES = {  # short labels: the legend sits beside the item labels, on a phone too
    "exact": ("circle", "exact: as printed"),
    "almost": ("triangle-left", "almost / nearly (under)"),
    "nearly": ("triangle-left", "almost / nearly (under)"),
    "more than": ("triangle-right", "more than (over)"),
    "about": ("diamond", "about (roughly)"),
}


# ------------------------------------------------------------------------------ contrast (WCAG 2.1, 1.4.3, 1.4.11)


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.1 definition)."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(one: str, other: str, share: float) -> str:
    """The colour `share` of the way from `one` to `other`, in RGB (as a Vega scale with interpolate "rgb")."""
    a, b = ([int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)] for c in (one, other))
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))


def label_on(fill: str) -> str:
    """The text colour for a label drawn on `fill`: white or black, whichever contrasts more (white on the
    Okabe-Ito blue, black on orange, sky, green, vermillion and pink, where white fails 4.5:1)."""
    return WHITE if contrast(WHITE, fill) >= contrast(BLACK, fill) else BLACK
