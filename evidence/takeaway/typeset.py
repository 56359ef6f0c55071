"""Typesetting with Typst (the `typst` package from PyPI: the compiler itself, in the wheel, offline) and charts
as vector PDF from vl-convert.

Data never becomes Typst markup: a fixed template (`templates/*.typ`) reads the data from a JSON file with
Typst's `json()`, and strings read that way are set as plain text, so nothing in the data can run as code.
Fonts are the ones the compiler embeds (Libertinus Serif) and, in charts, the ones vl-convert embeds in their
PDF, so a brief looks the same on every machine."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typst
import vl_convert

TEMPLATES = Path(__file__).with_name("templates")
PAGE_CHART_WIDTH = 470  # px = pt: a chart set at its own size on A4 portrait within 2 cm margins


def chart_pdf(spec: dict, width: int = PAGE_CHART_WIDTH, title: str | None = None) -> bytes:
    """A chart as vector PDF; a chart whose builder fits it to its container gets `width`. With `title`, the
    headline replaces the chart's title (its source lines stay)."""
    exported = with_title(dict(spec), title) if title else dict(spec)
    if not isinstance(exported.get("width"), int) and "hconcat" not in exported:
        exported["width"] = width
    return vl_convert.vegalite_to_pdf(exported)


def with_title(spec: dict, title: str) -> dict:
    """The spec with `title` as its title and the old title's words (the source) as the subtitle."""
    old = spec.get("title") or {}
    old = {"text": old} if isinstance(old, str) else dict(old)
    # A page chart's title is its own words, its subtitle the source; a slide chart's title is already the source.
    text = str(old.get("text") or "")
    lines = ([text] if text.startswith("Source") else []) + list(old.get("subtitle") or [])
    titled = dict(spec)
    titled["title"] = {"text": title, "subtitle": lines, "anchor": "start", "subtitleColor": "#7F7F7F",
                       "fontSize": 18, "subtitleFontSize": 12}
    return titled


def compile_pdf(template: str, data: dict, files: dict[str, bytes] | None = None) -> bytes:
    """Set `data` (JSON) with the fixed template `template`; `files` (name: bytes) sit beside it (charts)."""
    with tempfile.TemporaryDirectory(prefix="sme-typeset-") as folder:
        root = Path(folder)
        (root / "main.typ").write_text((TEMPLATES / template).read_text(encoding="utf-8"), encoding="utf-8")
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, content in (files or {}).items():
            (root / Path(name).name).write_bytes(content)
        return typst.compile(str(root / "main.typ"), root=str(root), ignore_system_fonts=True)
