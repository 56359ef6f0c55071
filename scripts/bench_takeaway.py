"""How long the take-away files take to build: each view's brief (as its button builds it) and the deck as PDF and
as PowerPoint. Prints a Markdown table (for BENCHMARKS.md) and, with --json, the figures as JSON.

Each view is opened once as its link would open it (AppTest, server-side), so the brief gets the charts the view
draws; then each file is built --runs times and the median wall time reported. Query results and chart
specifications are cached, as in a running server; the typesetting and the chart PDFs are built every time.

Usage: python scripts/bench_takeaway.py [--runs N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("SME_EVIDENCE_DATA", str(REPO / "data"))

# Each view at a state a reader would take away: (view, page file, link parameters).
VIEWS = [
    ("overview", "pages/overview.py", {}),
    ("case_studies", "pages/case_studies.py", {"typology": "Urged globals"}),
    ("expert_survey", "pages/expert_survey.py", {"item": "6.f"}),
    ("policy", "pages/policy.py", {"cell": "customising-export"}),
    ("workshop", "pages/workshop.py", {"slot": "1115c-weprog"}),
    ("search", "pages/search.py", {"search": "trade fairs"}),
    ("data", "pages/data.py", {"table": "cases"}),
]
LINK = "http://localhost:8501/"


def drawn_charts(page_file: str, params: dict) -> list[tuple]:
    """The charts a view draws when opened with these link parameters (what its brief would hold)."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.run()
    app.switch_page(page_file)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    if app.exception:
        raise RuntimeError(f"{page_file}: {app.exception[0].message}")
    page = app.session_state["takeaway-drawn"][app.session_state["takeaway-view"]]
    return [(chart, name, frozen) for (chart, name), (_, frozen) in page["charts"].items()]


def view_briefs() -> list[tuple[str, dict, list[tuple]]]:
    return [(view, {k: [v] for k, v in params.items()}, drawn_charts(page_file, params))
            for view, page_file, params in VIEWS]


def median_seconds(build, runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(build())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from evidence.takeaway import brief, deck

    today = time.strftime("%Y-%m-%d")
    rows = []
    for view, params, charts in view_briefs():
        brief.build(view, params, LINK, charts, today)  # first build: vl-convert and Typst warm up
        seconds, size = median_seconds(
            lambda v=view, p=params, c=charts: brief.build(v, p, LINK, c, today), args.runs)
        rows.append({"file": f"brief: {brief.VIEWS[view].title}", "charts": len(charts), "seconds": seconds,
                     "bytes": size})
    for label, build in (("deck: PDF", deck.deck_pdf), ("deck: PowerPoint", deck.deck_pptx)):
        seconds, size = median_seconds(lambda b=build: b(LINK + "?present=1", today), args.runs)
        rows.append({"file": label, "charts": len(deck.FINDINGS), "seconds": seconds, "bytes": size})

    print(f"| file | charts | median build time (of {args.runs}) | size |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['file']} | {row['charts']} | {row['seconds'] * 1000:.0f} ms | {row['bytes'] / 1024:.0f} KB |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
