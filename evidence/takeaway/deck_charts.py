"""The deck's native PowerPoint bar charts, read from the chart's own Vega-Lite specification (the slide's, as the
presenter's screen draws it), so an office suite shows what the screen shows: the same categories in the same
lines, the same labels on the bars (a case's names, "9 of 12", "43%"), the app's colours per category and its
lighter, dashed look for the project's coding, and an axis titled and numbered as on screen (cases in whole
steps, shares as %, money as "EUR 1 billion"). A bar the report gives no number for is a gap, never a 0, and
its words ("no count given") are a label beside the axis, as on screen.

LibreOffice and PowerPoint drop category labels that do not fit and wrap a data label's text to a narrow column;
the charts here set every label to show, at 14 pt, unwrapped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Pt

from evidence.charts import palette

NATIVE_MARKS = {"bar", "text"}  # a chart drawn only with these becomes a native PowerPoint bar chart
TYPE = Pt(14)  # the smallest type on a slide's chart
# Money as the app's axis writes it (EUR 1 billion, EUR 10 million, EUR 100,000): Excel's format codes scale by
# a thousand per trailing comma.
MONEY = '[>=1000000000]"EUR "#,##0,,," billion";[>=1000000]"EUR "#,##0,," million";"EUR "#,##0'


@dataclass
class Series:
    name: str
    values: list[float | None]
    colours: list[str]  # a colour per category: the app's colour of each bar
    labels: list[str]  # the words on each bar as the screen shows them ("" for none)
    opacity: float = 1.0
    dashed: bool = False


@dataclass
class NativeChart:
    categories: list[str]  # with the screen's line breaks
    series: list[Series]
    stacked: bool
    axis_title: str
    number_format: str
    minimum: float = 0
    maximum: float | None = None
    major_unit: float | None = None
    log: bool = False
    value_labels: bool = False  # no words on the screen's bars: PowerPoint labels each bar with its number


def layers(spec: dict, data: dict | None = None):
    """(mark, encoding, data, transforms) of every layer of a chart."""
    data = spec.get("data", data)
    for sub in spec.get("layer", []) + spec.get("hconcat", []) + spec.get("vconcat", []):
        yield from layers(sub, data)
    if "mark" in spec:
        mark = spec["mark"]["type"] if isinstance(spec["mark"], dict) else spec["mark"]
        yield mark, spec.get("encoding", {}), data, spec


def _scaled(encoding: dict, channel: str, row: dict, default):
    """The value a scale gives a row on a channel (colour, opacity, dash), or `default` with no such encoding."""
    spec = encoding.get(channel) or {}
    scale = spec.get("scale") or {}
    if "field" not in spec or "domain" not in scale:
        return default
    return dict(zip(scale["domain"], scale["range"], strict=False)).get(row.get(spec["field"]), default)


def _text_field(layer: dict, field: str | None) -> str | None:
    """The rows' field a text mark shows: a field the layer calculates as `narrow ? datum.a : datum.b` (the phone's
    lines or the projector's) is the projector's field."""
    for step in layer.get("transform", []):
        if step.get("as") == field:
            found = re.fullmatch(r"(?:\w+ \? datum\.\w+ : )?datum\.(\w+)", step.get("calculate", "").strip())
            return found.group(1) if found else None
    return field


def native_chart(spec: dict) -> NativeChart | None:
    """The chart as a native bar chart, or None for charts PowerPoint has no match for."""
    found = list(layers(spec))
    if not found or {mark for mark, *_ in found} - NATIVE_MARKS:
        return None
    _, encoding, data, bar_layer = next(layer for layer in found if layer[0] == "bar")
    rows = spec.get("datasets", {}).get((data or {}).get("name"), [])
    x, category = encoding["x"], encoding["y"]["field"]
    counted = x.get("aggregate") == "count"
    value = None if counted else x["field"]
    series_field = (encoding.get("yOffset") or encoding.get("opacity") or {}).get("field")
    order = encoding["y"].get("sort")
    categories = list(order) if isinstance(order, list) else list(dict.fromkeys(r[category] for r in rows))
    if order == "-x":
        categories.sort(key=lambda c: -max((r[value] or 0) for r in rows if r[category] == c))
    text_layer = next((layer for mark, _, _, layer in found if mark == "text"), None)
    text = _text_field(text_layer, text_layer["encoding"]["text"].get("field")) if text_layer else None
    mark = bar_layer["mark"] if isinstance(bar_layer["mark"], dict) else {}
    colour = mark.get("color") or mark.get("fill") or palette.BLUE
    percent = "%" in str(x.get("title") or "")
    names = list(dict.fromkeys(r[series_field] for r in rows)) if series_field else [str(x.get("title") or "")]
    series = []
    for name in names:
        picked = [r for r in rows if not series_field or r[series_field] == name]
        first = {c: next((r for r in picked if r[category] == c), {}) for c in categories}
        values = [float(len([r for r in picked if r[category] == c])) if counted else first[c].get(value)
                  for c in categories]
        said = [str(first[c].get(text) or "") if text else "" for c in categories]
        # A bar the app draws at 0 with words for its label ("no count given", "specific cases") has no number.
        values = [None if v == 0 and words and not any(ch.isdigit() for ch in words) else v
                  for v, words in zip(values, said, strict=True)]
        if percent:
            values = [None if v is None else v / 100 for v in values]
        series.append(Series(str(name), values, [_scaled(encoding, "color", first[c], colour) for c in categories],
                             said, float(_scaled(encoding, "opacity", picked[0], 1.0)),
                             _scaled(encoding, "strokeDash", picked[0], [1, 0]) != [1, 0]))
    # The app's lines, each as the line it wrapped (an office suite wraps the label to its own width).
    width = max(len(line) for c in categories for line in str(c).split("\n"))
    labels = ["\n".join(paragraphs(str(c).split("\n"), width)) for c in categories]
    for index in range(len(labels)):
        _place_gap_words(series, index, labels)
    scale = x.get("scale") or {}
    domain = scale.get("domain") or [None, None]
    ticks = (x.get("axis") or {}).get("values") or []
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    top = domain[1] if domain[1] is not None else max((v or 0) for s in series for v in s.values)
    money = "EUR" in str((x.get("axis") or {}).get("labelExpr") or "")
    whole = counted or all(float(v).is_integer() for s in series for v in s.values if v is not None)
    return NativeChart(
        categories=labels, series=series, stacked="yOffset" not in encoding and len(series) > 1,
        axis_title=str(x.get("title") or ""), number_format=MONEY if money else "0%" if percent else "#,##0",
        minimum=domain[0] if scale.get("type") == "log" else 0,
        maximum=(top / 100 if percent else top) if domain[1] is not None else None,
        major_unit=(0.1 if percent else None) if not whole or money else (
            steps.pop() if len(steps) == 1 else 1 if top <= 12 else max(1, round(top / 10))),
        log=scale.get("type") == "log", value_labels=text_layer is None and counted)


def paragraphs(lines: list[str], width: int) -> list[str]:
    """Lines wrapped at `width` characters, as the paragraphs they were: a line ends its paragraph when the next
    line's first word would have fitted on it (the wrap would have put it there)."""
    joined: list[str] = []
    for before, line in zip([None, *lines], lines, strict=False):
        if before is not None and len(before) + 1 + len(line.split(" ", 1)[0]) > width:
            hyphen = re.search(r"\w-$", before) is not None  # the wrap broke a word at its hyphen
            joined[-1] += ("" if hyphen else " ") + line
        else:
            joined.append(line)
    return joined


def _place_gap_words(series: list[Series], index: int, labels: list[str]) -> None:
    """The words of a bar with no number go on a bar of the same category drawn at 0 with no words of its own (an
    office suite draws no label on a gap), or else into the category's label, on a line of their own."""
    for gap in series:
        words = gap.labels[index]
        if gap.values[index] is not None or not words:
            continue
        gap.labels[index] = ""
        host = next((s for s in series if s.values[index] == 0 and not s.labels[index]), None)
        if host:
            host.labels[index] = words
        else:
            labels[index] += f"\n({words})"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper()[:6])


def _fill(shape_format, colour: str, opacity: float) -> None:
    shape_format.fill.solid()
    shape_format.fill.fore_color.rgb = _rgb(colour)
    if opacity < 1:
        rgb = shape_format.fill._xPr.find(".//" + qn("a:srgbClr"))
        rgb.append(rgb.makeelement(qn("a:alpha"), {"val": str(int(opacity * 100000))}))


def _unwrapped(label) -> None:
    """A data label's text in one line: office suites wrap it to a narrow column otherwise."""
    for body in label._element.iter(qn("a:bodyPr")):
        body.set("wrap", "none")


def _deleted(series_element, index: int) -> None:
    labels = series_element.get_or_add_dLbls()
    label = labels._insert_dLbl_in_sequence(index)
    for child in list(label)[1:]:
        label.remove(child)
    label.append(label.makeelement(qn("c:delete"), {"val": "1"}))


def add_chart(slide, native: NativeChart, left, top, width, height) -> None:
    """Draw `native` on `slide` in the given box."""
    data = CategoryChartData(number_format="General")
    data.categories = native.categories
    for one in native.series:
        data.add_series(one.name, one.values)
    kind = XL_CHART_TYPE.BAR_STACKED if native.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    chart = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    chart.has_title = False  # the slide's headline says what the chart shows
    chart.font.size = TYPE
    chart.has_legend = len(native.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = TYPE
    categories = chart.category_axis
    categories.reverse_order = True  # the first category on top, as in the app
    categories.tick_labels.font.size = TYPE
    categories.has_major_gridlines = False
    # Every category label shown, never every other one (c:tickLblSkip comes before c:noMultiLvlLbl).
    categories._element.find(qn("c:noMultiLvlLbl")).addprevious(
        categories._element.makeelement(qn("c:tickLblSkip"), {"val": "1"}))
    values = chart.value_axis
    # The value axis crosses the category axis at its last category: at the bottom, as in the app.
    values._element.find(qn("c:crosses")).set("val", "max")
    values.tick_labels.font.size = TYPE
    values.tick_labels.number_format = native.number_format
    values.tick_labels.number_format_is_linked = False
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = _rgb("#D9D9D9")
    if native.axis_title:
        values.has_title = True
        values.axis_title.text_frame.text = native.axis_title
        values.axis_title.text_frame.paragraphs[0].font.size = TYPE
        values.axis_title.text_frame.paragraphs[0].font.bold = False
    if native.log:
        scaling = values._element.find(qn("c:scaling"))
        scaling.insert(0, scaling.makeelement(qn("c:logBase"), {"val": "10"}))
    values.minimum_scale = native.minimum
    if native.maximum is not None:
        values.maximum_scale = native.maximum
    if native.major_unit:
        values.major_unit = native.major_unit
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = 100 if native.stacked else 0
    for one, drawn in zip(native.series, plot.series, strict=True):
        _series_look(one, drawn, native, drawn._element)


def _series_look(one: Series, drawn, native: NativeChart, element) -> None:
    varied = len(set(one.colours)) > 1
    # The legend shows the series' own look: ink, lighter for the project's coding, when bars take their
    # category's colour; otherwise the series' one colour.
    _fill(drawn.format, palette.INK if varied else one.colours[0], one.opacity)
    drawn.format.line.color.rgb = _rgb(palette.INK)
    drawn.format.line.width = Pt(0.75)
    if one.dashed:
        drawn.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    drawn.invert_if_negative = False
    for index, value in enumerate(one.values):
        if varied:
            _fill(drawn.points[index].format, one.colours[index], one.opacity)
        words = one.labels[index] or (f"{value:,.0f}" if native.value_labels and value else "")
        if not words:
            _deleted(element, index)  # no "0" on an empty bar, no label on a gap
            continue
        label = drawn.points[index].data_label
        label.text_frame.text = words
        # Inside a stacked bar, ink or white as on the app's tiles; beside a bar, ink.
        ink = palette.label_on(one.colours[index]) if native.stacked and one.opacity == 1 else palette.INK
        for paragraph in label.text_frame.paragraphs:
            paragraph.font.size = TYPE
            paragraph.font.color.rgb = _rgb(ink)
        label.position = XL_LABEL_POSITION.CENTER if native.stacked else XL_LABEL_POSITION.OUTSIDE_END
        _unwrapped(label)
