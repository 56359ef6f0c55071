"""The benchmark's click latency (scripts/bench.py, step 2): each view's main interaction in headless Chromium,
from the mouse click on a chart mark (Enter in the search box) until the result is on screen and the page settled."""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass

SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') !== 'running'
        && !document.querySelector('[data-testid="stStatusWidget"]');
}"""
MARK = '[data-testid="stVegaLiteChart"] [aria-roledescription{}][aria-label*="{}"]'


@dataclass
class Click:
    """One state of a view's main interaction: what to click, and what shows once it has happened."""

    target: str  # a chart mark's aria-label fragment, or "search:<words>" for the search box
    shows: str  # a regular expression for text that appears only in the resulting state, or "heading:<name>"
    role: str = ""  # the mark's kind (aria-roledescription: "bar", "point"...) when the label is not enough
    says: str = ""  # what the click is, in words, for BENCHMARKS.md (the target is a fragment of an aria-label)


# Each view's main interaction, by the view's key in evidence/views.py (its title and path are read from there).
CLICKS = {
    "overview": [Click(": diverged (", r"^\d+ of \d+ findings · diverged$", says="the 'diverged' bar"),
                 Click(": confirmed (", r"^\d+ of \d+ findings · confirmed$", says="the 'confirmed' bar")],
    "case_studies": [
        Click("Aisense, ", r"^3 of 12 cases match\.$", says="Aisense's block (its typology group)"),
        Click("Aisense, ", r"^12 of 12 cases match\.$", says="the same block again (all cases)")],
    "expert_survey": [
        Click("(5.c): ", "heading:Figure 5, item c", "point", says="item 5.c's marker"),
        Click("(6.f): ", "heading:Figure 6, item f", "point", says="item 6.f's marker")],
    "policy": [
        Click("Employment, R&D and innovation: ", "heading:Employment × R&D and innovation",
              says="the Employment × R&D cell"),
        Click("Customising, Export and trade: ", "heading:Customising × Export and trade",
              says="the Customising × Export cell")],
    "workshop": [Click("WEPROG", r"Section 3\.4\.1\)$", says="the WEPROG slot"),
                 Click("LifeTec", r"Section 3\.4\.2\)$", says="the LifeTec slot")],
    "search": [
        Click("search:informal business networks", r"^\d+ results?$", says="search: informal business networks"),
        Click("search:trade missions", r"^\d+ results?$", says="search: trade missions")],
}


def _act(page, click: Click) -> float:
    """Do one interaction; the time from the click (or Enter) until its result shows and the page settled."""
    if click.target.startswith("search:"):
        box = page.get_by_role("textbox", name="Search the evidence")
        box.fill(click.target.removeprefix("search:"))
        started = time.perf_counter()
        box.press("Enter")
    else:
        role = f'="{click.role}"' if click.role else ""
        mark = page.locator(MARK.format(role, click.target)).first
        mark.scroll_into_view_if_needed()
        page.wait_for_timeout(250)  # let the scroll end before reading where the mark is
        box = mark.bounding_box()
        started = time.perf_counter()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    if click.shows.startswith("heading:"):
        page.get_by_role("heading", name=click.shows.removeprefix("heading:")).first.wait_for(timeout=20000)
    else:
        page.get_by_text(re.compile(click.shows)).first.wait_for(timeout=20000)
    page.wait_for_function(SETTLED, timeout=20000)
    return (time.perf_counter() - started) * 1000


def click_latency(browser, url: str, view: str, path: str, clicks: int, settle, p95, warmup: int = 2) -> dict:
    """The click latency of a view (its key in CLICKS), opened at its path."""
    states = CLICKS[view]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url + path)
    settle(page)
    if not path.endswith("search"):
        page.locator('[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas').first.wait_for()
    samples = [_act(page, states[index % len(states)]) for index in range(warmup + clicks)][warmup:]
    page.close()
    return {"median": statistics.median(samples), "p95": p95(samples), "clicks": states}
