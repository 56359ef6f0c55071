"""Contrast (WCAG 2.1 AA) where axe-core cannot look: the palette, the theme, the app's CSS and inside the charts.

Text needs 4.5:1 against what it sits on; marks and focus rings 3:1 against the page (1.4.3, 1.4.11)."""

import re
import tomllib
from pathlib import Path

import pytest

from evidence import charts
from evidence.charts import palette
from evidence.charts.statements import STANCES
from evidence.data.queries import unfrozen
from tests.test_charts import CHARTED

REPO = Path(__file__).resolve().parents[1]
THEME = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["theme"]
CATEGORIES = {"typology": palette.TYPOLOGY, "types": palette.TYPES, "processes": palette.PROCESSES,
              "swot": palette.SWOT, "verdicts": palette.VERDICTS, "outcomes": palette.OUTCOMES,
              "topics": palette.TOPICS, "stances": STANCES}


def test_the_ratio_is_wcags():
    # Known pairs, from the WCAG definition: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54.
    assert palette.contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert palette.contrast("#0072B2", "#0072B2") == pytest.approx(1)
    assert palette.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("background", palette.BACKGROUNDS)
def test_body_and_secondary_text_read_on_every_background(background):
    assert palette.contrast(palette.INK, background) >= 4.5
    assert palette.contrast(palette.MUTED, background) >= 4.5
    # Streamlit's own caption grey and the old chart grey are what this replaced: they fail.
    assert palette.contrast("#7d7d83", "#FFFFFF") < 4.5 and palette.contrast(palette.GREY, "#FFFFFF") < 4.5


@pytest.mark.parametrize("name", sorted(CATEGORIES))
def test_a_label_on_any_category_colour_reads(name):
    for fill in CATEGORIES[name].values():
        assert palette.contrast(palette.label_on(fill), fill) >= 4.5, (name, fill, palette.label_on(fill))


def test_white_labels_are_given_only_where_white_reads():
    # The fills the issue measured white labels on, now given black: orange, pink, green, vermillion.
    for fill in (palette.ORANGE, palette.PURPLE, palette.GREEN, palette.VERMILLION):
        assert palette.label_on(fill) == palette.BLACK
    assert palette.label_on(palette.BLUE) == palette.WHITE


def test_the_theme_reads():
    page = THEME["backgroundColor"]
    assert palette.contrast(THEME["textColor"], page) >= 4.5
    assert palette.contrast(THEME["textColor"], THEME["secondaryBackgroundColor"]) >= 4.5
    assert palette.contrast(THEME["linkColor"], page) >= 4.5
    assert palette.contrast(THEME["codeTextColor"], THEME["secondaryBackgroundColor"]) >= 4.5
    # The focus ring and the selected widgets are drawn in the primary colour: 3:1 at least.
    assert palette.contrast(THEME["primaryColor"], page) >= 3
    assert palette.contrast("#FFFFFF", THEME["primaryColor"]) >= 4.5  # text on a primary button


def test_the_apps_css_sets_captions_and_quotes_opaque_and_dark():
    css = (REPO / "assets" / "app.css").read_text()
    caption = re.search(r'\[data-testid="stCaptionContainer"\] \*? ?\{ color: (#[0-9A-Fa-f]{6})', css)
    assert caption and caption.group(1).upper() == palette.MUTED.upper()
    assert re.search(r'\[data-testid="stCaptionContainer"\] \{ opacity: 1', css)
    assert re.search(r"blockquote \{ opacity: 1", css)


def _specs():
    for chart, query, params in sorted(CHARTED):
        for large in (False, True):
            yield pytest.param(chart, query, params, large, id=f"{chart}-{'slide' if large else 'page'}")


def _text_colours(spec, found=None) -> set[str]:
    """Every literal colour given to a text mark or a title in a spec."""
    found = set() if found is None else found
    if isinstance(spec, dict):
        mark = spec.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text":
            if isinstance(mark.get("color"), str):
                found.add(mark["color"])
            colour = spec.get("encoding", {}).get("color", {})
            for part in [colour] + ([colour["condition"]] if isinstance(colour.get("condition"), dict) else []):
                if isinstance(part.get("value"), str):
                    found.add(part["value"])
        for key in ("color", "subtitleColor"):
            if key in spec and isinstance(spec[key], str) and ("text" in spec or "subtitle" in spec):
                found.add(spec[key])
        for value in spec.values():
            _text_colours(value, found)
    elif isinstance(spec, list):
        for value in spec:
            _text_colours(value, found)
    return found


@pytest.mark.parametrize(("chart", "query", "params", "large"), list(_specs()))
def test_chart_text_reads_and_bars_stand_out(db, chart, query, params, large):
    params = unfrozen(params)
    spec = charts.BUILDERS[chart](db.query(query, **params), large=large).to_dict()
    for colour in _text_colours(spec):
        if colour.lower() in ("white", "#ffffff"):
            continue  # white is given only on fills where it reads (palette.label_on, the tests above)
        assert palette.contrast(colour, "#FFFFFF") >= 4.5, (chart, colour)
    # Bars and markers in light fills (orange, sky, yellow) stand out from the page by their dark outline.
    config = spec["config"]
    assert config["bar"]["stroke"] == palette.INK and config["point"]["stroke"] == palette.INK
    assert palette.contrast(palette.INK, "#FFFFFF") >= 3


def test_names_on_the_typology_blocks_read(db):
    frame = db.query("case_filter", countries=None, presented=None, selected=None, types=None, typologies=None)
    spec = charts.case_typology(frame).to_dict()
    names = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    rows = spec["datasets"][names["data"]["name"]]
    assert rows
    for row in rows:
        fill = palette.TYPOLOGY[row["typology_id"]]
        # A bright block carries its name in black or white; a faded one (22% of its colour) in ink.
        ratio = palette.contrast(row["ink"], fill) if row["in_filter"] else palette.contrast(row["ink"], "#FFFFFF")
        assert ratio >= 4.5, row
