"""Chart builders are pure: a DataFrame in, a chart out. Every chart names its source and keeps qualifiers."""

import ast
import io
import json
from pathlib import Path

import altair as alt
import pytest
from PIL import Image

from evidence import charts
from evidence.charts import palette, render
from evidence.content import findings
from evidence.data.queries import unfrozen
from tests.test_queries import EXAMPLES

CASE_FILTERS = (("countries", ("NL", "DE")), ("presented", None), ("selected", "lifetec"), ("types", None),
                ("typologies", None))
PAGES = Path(__file__).resolve().parent.parent / "pages"


def frozen(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def page_charts() -> list[tuple[str, str, str, dict | None]]:
    """Every chart a page draws, read from its `chart_panel(builder, query, params)` calls: (view, builder, query,
    the parameters when the page writes them out, else None)."""
    found = []
    for page in sorted(PAGES.glob("*.py")):
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "chart_panel":
                chart, query, params = node.args[:3]
                try:
                    given = ast.literal_eval(params)
                except ValueError:
                    given = None  # the page's own state: the query's example below instead
                found.append((page.stem, chart.value, query.value, given))
    return found


# The parameters a chart is drawn with where its page computes them: the Case studies' filter with a selection (so
# the marks' highlights are drawn), and each other query's example of tests/test_queries.py.
DRAWN_WITH = {**{name: frozen(params) for name, params in EXAMPLES.items()},
              "case_filter": CASE_FILTERS, "case_type_cases": CASE_FILTERS}
# Every chart a page draws: the slides' charts and the views' own.
CHARTED = {(f.chart, f.query, tuple(sorted(f.params.items()))) for f in findings.FINDINGS} | {
    (chart, query, DRAWN_WITH[query] if given is None else frozen(given)) for _, chart, query, given in page_charts()}


def tooltip_fields(spec) -> set[str]:
    found = set()
    if isinstance(spec, dict):
        tooltip = spec.get("encoding", {}).get("tooltip")
        for entry in tooltip if isinstance(tooltip, list) else ([tooltip] if tooltip else []):
            found.add(entry.get("title") or entry.get("field"))
        for value in spec.values():
            found |= tooltip_fields(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= tooltip_fields(value)
    return found


@pytest.mark.parametrize(("chart", "query", "params"), sorted(CHARTED))
@pytest.mark.parametrize("large", [False, True])
def test_every_chart_has_title_source_and_tooltips(db, chart, query, params, large):
    params = unfrozen(params)
    spec = charts.BUILDERS[chart](db.query(query, **params), large=large).to_dict()
    title = spec["title"]
    lines = [title["text"]] + list(title.get("subtitle", []))
    assert any(str(line).startswith("Source: ") for line in lines), lines
    assert any(field in tooltip_fields(spec) for field in ("source", "source_label")), tooltip_fields(spec)


def test_every_builder_is_used_by_a_finding():
    assert {chart for chart, _, _ in CHARTED} == set(charts.BUILDERS)


def test_survey_chart_never_draws_a_qualified_share_as_an_exact_bar(db):
    chart = charts.survey_shares(db.query("survey_figure_results", figure_id="6"))
    bars, diamonds = chart.layer[0].data, chart.layer[1].data
    assert set(bars["qualifier"]) == {"exact"}
    assert {"almost", "about", "more than"} <= set(diamonds["qualifier"])
    assert "qualifier" in tooltip_fields(chart.to_dict())


def test_survey_chart_draws_only_shares_the_database_holds(db):
    frame = db.query("survey_figure_results", figure_id="6")
    chart = charts.survey_shares(frame)
    drawn = set(zip(chart.layer[0].data["result_id"], chart.layer[0].data["value_pct"], strict=True)) | set(
        zip(chart.layer[1].data["result_id"], chart.layer[1].data["value_pct"], strict=True))
    held = set(zip(frame["result_id"], frame["value_pct"], strict=True))
    assert drawn <= held and len(drawn) >= 8


def test_regional_focus_shows_both_68_and_70(db):
    chart = charts.regional_focus(db.query("survey_results", item_id="7.a"))
    assert set(chart.layer[0].data["value_pct"]) == {32, 68}
    assert 70 in set(chart.layer[2].data["value_pct"])


def test_project_coding_looks_different(db):
    spec = charts.type_counts(db.query("type_counts")).to_dict()
    text = json.dumps(spec)
    assert palette.CODED in text and palette.STATED in text
    assert "strokeDash" in text and "opacity" in text


def test_categories_keep_their_colours(db):
    spec = json.dumps(charts.typology(db.query("cases", typology=None)).to_dict())
    for colour in palette.TYPOLOGY.values():
        assert colour in spec


def test_png_export_is_a_valid_image(db):
    spec = charts.typology(db.query("cases", typology=None)).to_dict()
    image = Image.open(io.BytesIO(render.png_bytes(json.dumps(spec))))
    image.verify()
    assert image.format == "PNG" and image.size[0] >= render.EXPORT_WIDTH


def test_svg_export_is_svg(db):
    spec = charts.what_how(db.query("what_how_cells", type_id=None, process_id=None)).to_dict()
    assert render.svg_bytes(json.dumps(spec)).lstrip().startswith(b"<svg")


def layer_data(chart, index: int):
    """A layer's rows (Altair lifts data shared by all layers to the top of the chart)."""
    data = chart.layer[index].data
    return chart.data if isinstance(data, type(alt.Undefined)) else data


def case_params() -> dict:
    return unfrozen(CASE_FILTERS)


def test_case_charts_highlight_the_filtered_and_the_selected_case(db):
    params = case_params()
    frame = db.query("case_filter", **params)
    chart = charts.case_typology(frame)
    blocks = layer_data(chart, 0)
    assert set(blocks[blocks["in_filter"]]["name"]) == {"KeyGene", "LifeTec", "WEPROG", "Food Freshly"}
    assert blocks[blocks["selected"]]["name"].tolist() == ["LifeTec"]
    spec = json.dumps(chart.to_dict())
    assert "datum.in_filter" in spec and "datum.selected" in spec


def test_case_map_counts_home_countries(db):
    frame = db.query("case_filter", countries=None, typologies=None, types=None, presented=None, selected=None)
    tiles = layer_data(charts.case_map(frame), 0).set_index("iso2")
    assert tiles.loc["NL", "cases"] == 2 and tiles.loc["DE", "cases"] == 2  # Food Freshly, WEPROG
    assert tiles.loc["DK", "cases"] == 1 and tiles.loc["IL", "cases"] == 1
    assert tiles["cases"].sum() == 13  # 12 cases, WEPROG in two countries
    assert tiles.loc["IT", "cases"] == 0


def test_case_types_show_counts_beside_named_cases(db):
    params = case_params()
    chart = charts.case_types(db.query("case_type_cases", **params))
    counted, named = layer_data(chart, 0).set_index("type_id"), layer_data(chart, 2)
    assert counted.loc["collaboration", "cases"] == 11 and counted.loc["ip", "label"] == "no count given"
    assert len(named[named["type_id"] == "collaboration"]) == 6


# The charts each view draws together (a slide is a view of its own, one chart).
VIEW_CHARTS: dict[str, list[str]] = {}
for _view, _chart, _, _ in page_charts():
    VIEW_CHARTS.setdefault(_view, []).append(_chart)
# Two words for one meaning: Figure 7's YES and NO are the survey's "in favour" and "against".
SAME_MEANING = {"YES": "in favour", "NO": "against"}


def fill_meanings(spec, found=None) -> dict[str, set[str]]:
    """Colour -> what it stands for, over a spec's filled marks: a category of a colour scale, "plain" for a
    colour given as such, "a ring" for a ring round a mark (text, rules and thin outlines carry no category)."""
    found = {} if found is None else found
    if isinstance(spec, dict):
        mark = spec.get("mark")
        kind = mark.get("type") if isinstance(mark, dict) else mark
        if kind in ("bar", "rect", "point", "square", "circle", "area"):
            colour = spec.get("encoding", {}).get("color", {})
            scale = colour.get("scale") or {}
            if colour.get("type") in ("nominal", "ordinal") and isinstance(scale.get("range"), list):
                for value, fill in zip(scale["domain"], scale["range"], strict=True):
                    found.setdefault(fill.upper(), set()).add(SAME_MEANING.get(str(value), str(value)))
            # A ring round a mark (the chosen cell, a contradicted number) means what it rings for.
            ring = spec.get("encoding", {}).get("stroke", {}).get("condition", {}).get("value")
            if isinstance(mark, dict) and mark.get("fill") is None and "fill" in mark:
                ring = mark.get("stroke")
            if isinstance(ring, str):
                found.setdefault(ring.upper(), set()).add("a ring")
            for part in [colour, colour.get("condition") or {}, mark if isinstance(mark, dict) else {}]:
                if isinstance(part.get("value" if part is not mark else "color"), str):
                    found.setdefault(part["value" if part is not mark else "color"].upper(), set()).add("plain")
        for value in spec.values():
            fill_meanings(value, found)
    elif isinstance(spec, list):
        for value in spec:
            fill_meanings(value, found)
    return found


@pytest.mark.parametrize("view", sorted(VIEW_CHARTS))
def test_one_meaning_per_colour_across_a_view(db, view):
    # Before: on Case studies blue was a born global, the collaboration type and a matching country at once;
    # on Policy vermillion was a gap and the chosen cell's ring, blue three symbols and a covered cell.
    drawn = {chart: (query, params) for chart, query, params in CHARTED}
    meanings: dict[str, set[str]] = {}
    for chart in VIEW_CHARTS[view]:
        query, params = drawn[chart]
        spec = charts.BUILDERS[chart](db.query(query, **unfrozen(params))).to_dict()
        for colour, meaning in fill_meanings(spec).items():
            meanings.setdefault(colour, set()).update(meaning)
    assert meanings
    assert {colour: meaning for colour, meaning in meanings.items() if len(meaning) > 1} == {}
