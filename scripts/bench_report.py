"""BENCHMARKS.md from one run of `scripts/bench.py`: the tables and the text around them."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path

import bench_api

REPO = Path(__file__).resolve().parent.parent


def write(args, rows, clicks, cold, load_rows, baseline_load, scaled, soaked, api=None, cache_fill=None,
          cache_hit=None, takeaway=None, before=None, costliest=None) -> None:
    base = rows["Baseline one-chart page"]
    floor = rows.get("Empty page (project configuration)")
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`scripts/bench.py`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Linux {platform.release()}. Every figure below comes from this one run; the machine is shared and "
        "noisy, so compare ratios, not absolute times.",
        "",
        "## Server CPU and wall time per warm rerun",
        "",
        f"One session reruns each view in its default state {args.reruns} times (after 5 warm-up runs) through "
        "Streamlit's websocket protocol. CPU is the server process's user + system time, read from /proc in 10 ms "
        "ticks per rerun (so medians move in steps of 10); the mean over all reruns is finer, and the ratio uses "
        "it. The baseline is a one-chart page (a DuckDB query, an Altair chart and a table) with Streamlit's "
        "default configuration; the empty page is `st.write(\"hi\")` with the project's own configuration, "
        "Streamlit's floor. Targets: ratio to the baseline ≤ 0.35; ratio to the empty page ≤ 4.",
        "",
        "| view | CPU median (ms) | CPU p95 (ms) | CPU mean (ms) | wall median (ms) | wall p95 (ms) "
        "| CPU ratio to baseline (mean) | CPU ratio to empty page (mean) |"
        + (f" alternating rounds: this revision (ms) | {before[0]} (ms) | ratio to before |" if before else ""),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: | ---: | ---: |" if before else ""),
    ]
    for view, row in rows.items():
        to_floor = f"{row['cpu_mean'] / floor['cpu_mean']:.1f}" if floor and floor["cpu_mean"] else ""
        earlier = before[1].get(view) if before else None
        lines.append(f"| {view} | {row['cpu_median']:.0f} | {row['cpu_p95']:.0f} | {row['cpu_mean']:.1f} | "
                     f"{row['wall_median']:.0f} | {row['wall_p95']:.0f} | {row['cpu_mean'] / base['cpu_mean']:.2f} | "
                     f"{to_floor} |" + ("" if not before else f" {earlier['this']:.1f} | {earlier['before']:.1f} | "
                                        f"{earlier['ratio']:.2f} |" if earlier else " | | |"))
    if before:
        lines += ["", f"The last three columns compare this revision with revision {before[0]} (`make bench "
                  f"BEFORE={before[0]}`), served from its own files and data in this run: each view on both, 10 "
                  "reruns on one then 10 on the other, seven times over, so a busier minute of the shared machine "
                  "weighs on both; each figure is the median of the seven rounds' means. A ratio to before of 1.00 "
                  "or less is the same or better."]
    lines += [
        "",
        "## Click to visible result, headless Chromium",
        "",
        f"The main interaction of each view, {args.clicks} times after 2 warm-up clicks, alternating between two "
        "states: from the mouse click on a chart mark (Enter in the search box) until the result is on screen and "
        "the page has settled. Target: p95 ≤ 250 ms.",
        "",
        "| view | interaction | p50 (ms) | p95 (ms) |",
        "| --- | --- | ---: | ---: |",
    ]
    for view, row in clicks.items():
        states = " / ".join(click.says or click.target for click in row["clicks"])
        lines.append(f"| {view} | {states} | {row['median']:.0f} | {row['p95']:.0f} |")
    lines += [
        "",
        "## Cold start",
        "",
        f"From process start to the first page settled in Chromium (the script run over and the page drawn): "
        f"app {cold['app']:.1f} s ({cold['app chart']:.1f} s until its first chart is drawn too), baseline "
        f"{cold['baseline']:.1f} s. Target: ≤ 3 s. The data loads in a child process started before the app "
        "imports its libraries, so the two overlap.",
        "",
        "## Concurrency",
        "",
        "Simulated sessions speak Streamlit's websocket protocol (scripts/load.py): each connects and runs once, "
        "then all rerun at once with no think time, 10 reruns each, cycling through every view in a default and "
        "a clicked state. Peak memory is the server's VmHWM (the process's high-water mark since it started). "
        "Targets: 30 sessions p95 ≤ 1 s with 0 errors; 50 sessions 0 errors; memory < 400 MB.",
        "",
        "| set-up | sessions | runs | p50 (ms) | p95 (ms) | runs/s | errors | peak memory (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for setup, row in load_rows + [("2 processes behind HAProxy", scaled), ("baseline page, 1 process", baseline_load)]:
        peak = f"{row['peak_mb']:.0f}" if row["peak_mb"] else ""
        lines.append(f"| {setup} | {row['sessions']} | {row['runs']} | {row['p50']:.0f} | {row['p95']:.0f} | "
                     f"{row['rate']:.1f} | {row['errors']} | {peak} |")
    errors = [row["first_error"] for _, row in load_rows if row["first_error"]]
    if errors:
        lines += ["", f"First error: `{errors[0][:200]}`"]
    lines += [
        "",
        "Behind HAProxy the peak memory is the larger of the two processes'. `make serve-scaled` runs that set-up.",
        "",
    ]
    if costliest:
        lines += costliest + [""]
    lines += [
        "## Soak",
        "",
    ]
    if soaked:
        values = [mb for _, mb in soaked]
        lines += [
            f"10 sessions rerunning every view for {soaked[-1][0] / 60:.1f} minutes, with the full garbage "
            "collection after each run switched off (`runner.postScriptGC = false`): the server's resident "
            f"memory went from {values[0]:.0f} MB to {values[-1]:.0f} MB (lowest {min(values):.0f}, highest "
            f"{max(values):.0f}; first sample after the start-up, then every 15 s):",
            "",
            "`" + " ".join(f"{mb:.0f}" for mb in values) + "`",
        ]
    else:
        lines.append("Not run (--soak-seconds 0).")
    lines.append("")
    lines += cache_lines(cache_fill, cache_hit)
    if takeaway:
        lines += ["", "## Take-away files", "", "Each view's brief (PDF, Typst) and the deck, built as their buttons "
                  "build them, only when clicked (`scripts/bench_takeaway.py`):", "",
                  *[line for line in takeaway.splitlines() if line.startswith("|")]]
    lines += ["", *bench_api.report_lines(api)] if api else []
    (REPO / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")


def cache_lines(fill: dict | None, hit: dict | None) -> list[str]:
    """The one cache (evidence/query/cache.py): what it held after the load and the soak, and what a hit costs."""
    lines = ["", "## The cache", ""]
    if fill:
        lines.append(f"After the concurrency runs (and the soak, when it runs), the one cache held "
                     f"{fill['entries']} entries, {fill['bytes'] / 2**20:.1f} MB of its "
                     f"{fill['max_bytes'] / 2**20:.0f} MB bound "
                     f"({fill['hits']:,} hits, {fill['misses']:,} misses; `/api/status.json`).")
    if hit:
        lines += ["", "A cache hit for a typical call of a view (the Case studies filter query, five parameters), "
                  "per call, median of 7 rounds in one process (`scripts/bench_cache.py`):", "",
                  "| cache | per hit (µs) |", "| --- | ---: |"]
        lines += [f"| {name} | {us:.0f} |" for name, us in hit.items()]
    return lines


def live_lines(rows: dict, cores: int | None) -> list[str]:
    """Live mode's section (issue 25) from scripts/bench_live.py's figures, one row a set-up."""
    if not rows:
        return []
    any_row = next(iter(rows.values()))
    lines = [
        "## Live mode: a room of phones following and answering",
        "",
        f"`scripts/bench_live.py` (`make bench-live` prints this section alone): {any_row['phones']} simulated phones "
        "and one presenter, each its own session over Streamlit's websocket protocol (scripts/live_protocol.py). "
        "The presenter opens its slides and clicks *Go live*; each phone opens the join link (`/live/join/<CODE>`: "
        "its own `sme_live` cookie, and the balancer's), then the phone view, and from then on answers its "
        f"fragment's one-second timer as a browser does. After {any_row['follow']:.0f} s of following, the "
        f"presenter moves {any_row['moves']} times; each phone answers each slide's question a moment after it "
        "shows the slide (a tenth change their answer). Slide: from the presenter's move to a phone showing the "
        "slide's headline "
        "(p95 over every phone and move; *last phone*: p95 over the moves of the time until every phone showed "
        "it). Answer: from a participant's click to the presenter's room panel showing a count that includes it. "
        "CPU: user + system time of the server processes (and their children; HAProxy's included behind it), per "
        "following phone per minute, while only following and over the slides and answers. The load generator "
        f"runs on the same {cores} shared cores, and so do other people's test runs: the last column is the "
        "machine's one-minute load average before and after the set-up's run. Targets: both p95 ≤ 2 s, 0 errors.",
        "",
        "| set-up | slide p50 / p95 (s) | slide, last phone, p95 (s) | answer to count p50 / p95 (s) | answers "
        "| CPU per phone per minute, following (s) | … during slides and answers (s) | errors "
        "| load average before / after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        lines.append(f"| {name} | {row['slide_p50']:.2f} / {row['slide_p95']:.2f} | {row['slide_all_p95']:.2f} | "
                     f"{row['answer_p50']:.2f} / {row['answer_p95']:.2f} | {row['answers']} | "
                     f"{row['follow_cpu']:.3f} | {row['run_cpu']:.3f} | {row['errors']} | "
                     f"{row['load'][0]:.1f} / {row['load'][1]:.1f} |")
    errors = [error for row in rows.values() for error in row["first_errors"]]
    if errors:
        lines += ["", f"First error: `{errors[0][:200]}`"]
    lines += [
        "",
        "Other users: one ordinary session reruns the Overview back to back, warm, on the same set-up, before the "
        "room arrives and during the slides and answers (through the balancer behind HAProxy):",
        "",
        "| set-up | Overview rerun without the room p50 / p95 (ms) | with the room p50 / p95 (ms) |",
        "| --- | ---: | ---: |",
    ]
    for name, row in rows.items():
        lines.append(f"| {name} | {row['other_alone'][0]:.0f} / {row['other_alone'][1]:.0f} | "
                     f"{row['other_during'][0]:.0f} / {row['other_during'][1]:.0f} |")
    return lines


def replace_section(path: Path, section: list[str]) -> None:
    """Put a `## ` section into the report in place of the one with the same heading (else at its end)."""
    text = path.read_text(encoding="utf-8")
    head = section[0]
    start = text.find(head + "\n")
    if start < 0:
        path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(section) + "\n", encoding="utf-8")
        return
    end = text.find("\n## ", start + len(head))
    rest = text[end + 1:] if end >= 0 else ""
    path.write_text(text[:start] + "\n".join(section) + "\n" + ("\n" + rest if rest else ""), encoding="utf-8")
