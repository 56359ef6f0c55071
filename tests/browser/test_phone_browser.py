"""A phone (390x844): every view reflows to its width, nothing scrolls sideways, every chart fits and draws marks.

The phone screenshots are the README's gallery (`make screenshots`); a normal run takes none."""

import pytest

from .conftest import WITHOUT_CHARTS, shared_load

PHONE = (390, 844)
VIEWS = {"/": "overview", "/case_studies": "case-studies", "/expert_survey": "expert-survey", "/policy": "policy",
         "/workshop": "workshop", "/search?search=trade+fairs": "search", "/data": "data",
         "/?present=1&slide=1": "slide"}

WIDTHS = """() => [document.documentElement.scrollWidth,
                   document.querySelector('[data-testid="stMain"]').scrollWidth]"""
# Per chart: its accessible name, its box's width, the width its drawing takes (root group, legends included),
# and how many of its marks have a size on screen inside the chart's box.
CHARTS = """() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]')).map(chart => {
    const box = chart.getBoundingClientRect();
    const root = chart.querySelector('svg g.role-frame.root');
    const drawn = root ? root.getBoundingClientRect() : {left: box.left, right: box.left};
    const marks = Array.from(chart.querySelectorAll('g.role-mark:not(.role-axis) > path, g.role-mark > text'))
        .filter(m => { const r = m.getBoundingClientRect();
                       return r.width > 0.5 && r.height > 0.5 && r.left >= box.left - 1 && r.right <= box.right + 1; });
    return {name: (chart.getAttribute('aria-label') || '').slice(0, 60), width: box.width,
            drawn: drawn.right - box.left, marks: marks.length};
})"""


@pytest.mark.parametrize("path", [pytest.param(path, marks=shared_load(path, *PHONE)) for path in VIEWS])
def test_view_reflows_on_a_phone(whole_view, path):
    # Drawn at the phone's width and grown to the page's height, with the app's stylesheet (its phone rules) in:
    # the load the accessibility test reads at this size.
    page = whole_view(path, *PHONE)
    document, main = page.page.evaluate(WIDTHS)
    assert document <= PHONE[0] and main <= PHONE[0], f"{path} scrolls sideways: {document}, {main} px"
    charts = page.page.evaluate(CHARTS)
    assert bool(charts) == (path not in WITHOUT_CHARTS), f"{path}: {len(charts)} charts drawn"
    for chart in charts:
        assert chart["drawn"] <= chart["width"] + 2, f"{path}: {chart['name']!r} is cut ({chart['drawn']:.0f} px)"
        assert chart["marks"] > 0, f"{path}: {chart['name']!r} shows no marks"
    if path == "/":
        # The conclusions keep their width (before: a letter or two a line, the page past 14,000 px).
        assert page.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight") < 14000
    page.picture(f"phone-{VIEWS[path]}.png", whole=False)  # the window has the page's height already
