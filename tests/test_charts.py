"""Chart builders are pure: a DataFrame in, a chart out. Every chart names its source and keeps qualifiers."""

import io
import json

import pytest
from PIL import Image

from evidence import charts, findings, palette, ui

CHARTED = {(f.chart, f.query, tuple(sorted(f.params.items()))) for f in findings.FINDINGS}


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
    spec = charts.BUILDERS[chart](db.query(query, **dict(params)), large=large).to_dict()
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
    image = Image.open(io.BytesIO(ui.png_bytes(json.dumps(spec))))
    image.verify()
    assert image.format == "PNG" and image.size[0] >= ui.EXPORT_WIDTH


def test_svg_export_is_svg(db):
    spec = charts.what_how(db.query("what_how_matrix")).to_dict()
    assert ui.svg_bytes(json.dumps(spec)).lstrip().startswith(b"<svg")
