"""A phone (390x844): every view reflows to its width, nothing scrolls sideways, every chart fits and draws marks,
and no chart text is cut ("…") or runs past its chart's edge, on the views and on every presenter slide.

The phone screenshots are the README's gallery (`make screenshots`); a normal run takes none."""

import pytest

from evidence.content import findings

from .conftest import CHART_DRAWN, VIEW_LINKS, WAIT_MS, WITHOUT_CHARTS, shared_load

PHONE = (390, 844)
VIEWS = {**{link: key.replace("_", "-") for key, link in VIEW_LINKS.items()}, "/?present=1&slide=1": "slide"}

WIDTHS = """() => [document.documentElement.scrollWidth,
                   document.querySelector('[data-testid="stMain"]').scrollWidth]"""
# Per chart: its accessible name, its box's width, the width its drawing takes (root group, legends included),
# how many of its marks have a size on screen inside the chart's box, the texts Vega cut with an ellipsis (a
# line wider than its limit) and the texts that run past the box's left or right edge (drawn, but clipped).
CHARTS = """() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]')).map(chart => {
    const box = chart.getBoundingClientRect();
    const texts = Array.from(chart.querySelectorAll('svg text')).filter(t => t.getBoundingClientRect().width > 0);
    const cut = texts.map(t => t.textContent).filter(t => t.trim().endsWith('…'));
    const outside = texts.filter(t => { const r = t.getBoundingClientRect();
                                        return r.left < box.left - 2 || r.right > box.right + 2; })
        .map(t => t.textContent);
    const root = chart.querySelector('svg g.role-frame.root');
    const drawn = root ? root.getBoundingClientRect() : {left: box.left, right: box.left};
    const marks = Array.from(chart.querySelectorAll('g.role-mark:not(.role-axis) > path, g.role-mark > text'))
        .filter(m => { const r = m.getBoundingClientRect();
                       return r.width > 0.5 && r.height > 0.5 && r.left >= box.left - 1 && r.right <= box.right + 1; });
    // The widest rectangle mark: a row's shading or a bar spans the plot, so this is the plot's width at most.
    const rects = Array.from(chart.querySelectorAll('g.mark-rect.role-mark path'))
        .map(r => r.getBoundingClientRect().width);
    return {name: (chart.getAttribute('aria-label') || '').slice(0, 60), width: box.width,
            drawn: drawn.right - box.left, marks: marks.length, cut, outside,
            plot: rects.length ? Math.max(...rects) : 0};
})"""
SLIDES = len(findings.FINDINGS)


def assert_charts_fit(path, charts):
    for chart in charts:
        assert chart["drawn"] <= chart["width"] + 2, f"{path}: {chart['name']!r} is cut ({chart['drawn']:.0f} px)"
        assert chart["marks"] > 0, f"{path}: {chart['name']!r} shows no marks"
        assert not chart["cut"], f"{path}: {chart['name']!r} cuts {chart['cut']}"
        assert not chart["outside"], f"{path}: {chart['name']!r} runs past its edge: {chart['outside']}"


@pytest.mark.parametrize("path", [pytest.param(path, marks=shared_load(path, *PHONE)) for path in VIEWS])
def test_view_reflows_on_a_phone(whole_view, path):
    # Drawn at the phone's width and grown to the page's height, with the app's stylesheet (its phone rules) in:
    # the load the accessibility test reads at this size.
    page = whole_view(path, *PHONE)
    document, main = page.page.evaluate(WIDTHS)
    assert document <= PHONE[0] and main <= PHONE[0], f"{path} scrolls sideways: {document}, {main} px"
    charts = page.page.evaluate(CHARTS)
    assert bool(charts) == (path not in WITHOUT_CHARTS), f"{path}: {len(charts)} charts drawn"
    assert_charts_fit(path, charts)
    if path == "/expert_survey":
        # The statements chart gives its plot the width (the words go over each row's strip), not a 240 px
        # column of words beside a plot of 110 px.
        statements = next(c for c in charts if c["name"].startswith("What the experts said"))
        assert statements["plot"] >= 0.8 * statements["width"], statements
    if path == "/":
        # The conclusions keep their width (before: a letter or two a line, the page past 14,000 px).
        assert page.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight") < 14000
    page.picture(f"phone-{VIEWS[path]}.png", whole=False)  # the window has the page's height already


def test_every_slide_reads_on_a_phone(tab):
    # A slide's chart is drawn at the page's sizes on a phone: 18 px type left the bars no room and cut the
    # source lines with "…" (see evidence/charts/base.py, NARROW).
    page = tab(*PHONE)
    for number in range(1, SLIDES + 1):
        path = f"/?present=1&slide={number}"
        page.page.goto(page.server + path)
        page.settle()
        page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
        page.quiet()  # the chart redraws to its box
        document, main = page.page.evaluate(WIDTHS)
        assert document <= PHONE[0] and main <= PHONE[0], f"{path} scrolls sideways: {document}, {main} px"
        charts = page.page.evaluate(CHARTS)
        assert len(charts) == 1, f"{path}: {len(charts)} charts"
        assert_charts_fit(path, charts)
    page.assert_healthy()
