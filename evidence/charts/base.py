"""What every chart builder shares: the registry by name, the title with its source, the finish (type sizes,
legend, width fitting), and the look of project-coded values (lighter and dashed, with a legend entry)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette

BUILDERS: dict[str, callable] = {}


def builder(function):
    """Register a chart builder by name, so pages and slides can refer to it by name."""
    BUILDERS[function.__name__] = function
    return function


# Axis labels given as lines joined by a newline are drawn as those lines (never cut with an ellipsis).
LINES = "split(datum.label, '\\n')"


def centred_on_tick(line_height: float, most: int = 8) -> dict:
    """Axis settings for labels drawn as lines (LINES) that centre each label on its tick: Vega draws the first
    line at the tick and the others under it, into the next row, so a label of n lines moves up by (n - 1) / 2."""
    return {"labelLineHeight": line_height,
            "labelOffset": {"condition": [{"test": f"length(split(datum.label, '\\n')) == {n}",
                                           "value": -(n - 1) * line_height / 2} for n in range(2, most + 1)],
                            "value": 0}}


def wrapped(text: str, width: int = 34, break_words: bool = True) -> str:
    """A label broken into lines of at most `width` characters at spaces, joined by newlines (see LINES); a word
    longer than `width` is kept whole unless `break_words`."""
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width, break_long_words=break_words)) or str(text)


def centred(text_layer, data: pd.DataFrame, field: str, line_height: float) -> list[alt.Chart]:
    """A text of several lines centred where one line would sit (Vega draws the first line there and the others
    under it, out of a block or a tile): one layer per number of lines in `field`, each moved up by half its
    extra lines. `text_layer(dy)` makes the text mark, its lines `line_height` px apart, moved by `dy`."""
    extras = sorted(set(data[field].astype(str).str.count("\n")))
    return [text_layer(-extra * line_height / 2).transform_filter(
        f"length(split(datum['{field}'], '\\n')) == {extra + 1}") for extra in extras]


# A title and its subtitle are drawn in lines that fit a phone's 360 px (Vega cuts a long line with an ellipsis).
TITLE_WIDTH, SUBTITLE_WIDTH = 36, 58

# A slide's chart (`large`) on a phone: the browser says how wide the chart's box is, and below 600 px the slide
# is drawn at the page's sizes (12 px, labels re-wrapped) instead of the projector's 18 px, which would leave
# no room for the bars and cut the source lines. Exports (vl-convert) have no box: they keep the slide's sizes.
NARROW = "narrow"
_NARROW_PARAM = alt.param(name=NARROW, expr="width >= 0 && containerSize()[0] < 600")


def sized(large: bool, big, small):
    """A size for a slide (`big`, or `small` on a phone) or for a page (`small`)."""
    return {"expr": f"{NARROW} ? {small} : {big}"} if large else small


def lines(large: bool, narrow_width: int, keep_breaks: bool = False) -> str:
    """An axis labelExpr drawing the label's lines (LINES); on a phone, a slide's label re-wrapped to
    `narrow_width` characters (each of its lines on its own with `keep_breaks`: a name over its amount)."""
    if not large:
        return LINES
    wrap = f"/(.{{1,{narrow_width}}})( +|$)/g{'m' if keep_breaks else ''}"
    text = "datum.label" if keep_breaks else "replace(datum.label, /\\n/g, ' ')"
    rewrapped = f"split(trim(replace(replace({text}, {wrap}, '$1\\n'), /\\n+/g, '\\n')), '\\n')"
    return f"{NARROW} ? {rewrapped} : {LINES}"


def _title(title: str, source: str, note: str | None = None) -> alt.Title:
    # A subtitle given with newlines keeps those breaks; each part is wrapped to the phone's width.
    subtitle = [line for part in [f"Source: {source}"] + ([note] if note else []) for given in part.split("\n")
                for line in wrapped(given, SUBTITLE_WIDTH).split("\n")]
    return alt.Title(wrapped(title, TITLE_WIDTH).split("\n"), subtitle=subtitle, anchor="start",
                     subtitleColor=palette.MUTED)


def described(chart: alt.TopLevelMixin, says: str) -> alt.TopLevelMixin:
    """The chart's text alternative: its title, then what it shows in words (`says`), then its source and note.

    Vega-Lite puts it on the SVG as its accessible name; the page passes the same text to Streamlit's `alt`."""
    title = chart.title
    text = " ".join(title.text) if isinstance(title.text, list) else title.text
    # The subtitle's lines (the source, then any note) as running text again.
    return chart.properties(description=" ".join([text.rstrip(".") + ".", says.strip()] + list(title.subtitle or [])))


def _finish(chart: alt.TopLevelMixin, large: bool) -> alt.TopLevelMixin:
    size = sized(large, 18, 12)
    if large:
        # On a slide the headline is the title: keep only the source lines, to fit one screen.
        source = list(chart.title.subtitle)
        chart = chart.properties(title=alt.Title(source[0], subtitle=source[1:], anchor="start", color=palette.MUTED,
                                                 fontWeight="normal", subtitleColor=palette.MUTED))
        chart = chart.add_params(_NARROW_PARAM)
    return (
        chart.configure_title(fontSize=size if large else 16, subtitleFontSize=size, offset=12)
        # Light fills (orange, sky, yellow: under 3:1 on white) get a dark outline, so every bar and marker
        # stands out from the page (WCAG 1.4.11); an encoded stroke (a selection ring) still wins.
        .configure_bar(stroke=palette.INK, strokeWidth=0.6)
        .configure_point(stroke=palette.INK, strokeWidth=0.6)
        .configure_axis(labelFontSize=size, titleFontSize=size, labelLimit=sized(large, 460, 340))
        .configure_legend(labelFontSize=size, titleFontSize=size, orient="bottom", labelLimit=400)
        .configure_view(stroke=None)
        # Fit the width to the page; the height set by each builder is the plot's own, so titles and
        # legends add to it instead of squeezing it (Streamlit's default would fit both). Side-by-side
        # charts cannot be fitted: they keep the widths their builder gives them.
        # On a slide the chart fills the height the screen leaves (the page gives it its container's height).
        .properties(autosize=alt.AutoSizeParams(
            type="pad" if isinstance(chart, alt.HConcatChart) else "fit" if large else "fit-x", contains="padding"))
    )


def _coding_legend() -> dict:
    # Over the chart: Vega lays legends that share a side out in a row, wider than a phone; in two lines
    # ("project's coding / or arithmetic"), as it starts where the plot does, after the axis labels.
    domain = [palette.STATED, palette.CODED]
    lines = "split(replace(datum.label, / or /, '\\nor '), '\\n')"
    legend = alt.Legend(title=None, orient="top", direction="vertical", labelExpr=lines)
    opacity = alt.Scale(domain=domain, range=[palette.CODING_OPACITY[value] for value in domain])
    dash = alt.Scale(domain=domain, range=[palette.CODING_DASH[value] for value in domain])
    return {"opacity": alt.Opacity("coding:N", scale=opacity, legend=legend),
            "strokeDash": alt.StrokeDash("coding:N", scale=dash, legend=legend)}
