"""The API address of what a panel shows, for the current filters, with pandas and R snippets to copy.

A chart's *Data and downloads* panel shows the URL of its named query with the parameters the page passed;
the Data view shows each table's. The address is built from the browser's own URL (st.context.url), so
through a load balancer it is the balancer's.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode, urlsplit

import streamlit as st

FALLBACK_BASE = "http://localhost:8501"
_SAFE_BASE = re.compile(r"^https?://[A-Za-z0-9.\-:\[\]]+$")


def base_url() -> str:
    """scheme://host:port of the page the browser shows (or localhost when there is none, as in AppTest)."""
    parts = urlsplit(st.context.url or "")
    base = f"{parts.scheme}://{parts.netloc}"
    return base if _SAFE_BASE.match(base) else FALLBACK_BASE


def _pairs(params: dict) -> list[tuple[str, str]]:
    """Query parameters as the API reads them: NULL and empty lists left out, lists repeated, true/false."""
    pairs = []
    for name, value in sorted(params.items()):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if item is None:
                continue
            pairs.append((name, ("true" if item else "false") if isinstance(item, bool) else str(item)))
    return pairs


def query_url(name: str, params: dict | None = None, fmt: str = "csv", base: str | None = None) -> str:
    query = urlencode(_pairs(params or {}))
    return f"{base or base_url()}/api/queries/{name}.{fmt}" + (f"?{query}" if query else "")


def table_url(table: str, fmt: str = "csv", base: str | None = None, size: int = 5000) -> str:
    return f"{base or base_url()}/api/tables/{table}.{fmt}?" + urlencode({"_size": size})


def snippets(csv_url: str) -> tuple[str, str]:
    """The pandas and the R lines that read a CSV URL."""
    literal = json.dumps(csv_url)  # percent-encoded, so plain ASCII: a valid string in Python and in R
    return f"import pandas as pd\n\nframe = pd.read_csv({literal})", f"frame <- read.csv({literal})"


def _show(urls: dict[str, str], what: str) -> None:
    from evidence.content.markup import fmt, join

    links = join(" · ", (fmt("[{}]({})", kind.upper(), url) for kind, url in urls.items()))
    st.caption(fmt(":material/api: {} from the API ({}), for use in your own tools:", what, links))
    python, r = snippets(urls["csv"])
    st.code(python, language="python")
    st.code(r, language="r")


def show_query(name: str, params: dict | None = None) -> None:
    """A chart's rows from the API, with these filters: its URL, pandas and R."""
    base = base_url()
    _show({fmt: query_url(name, params, fmt, base) for fmt in ("csv", "json")}, "These rows")


def show_table(table: str) -> None:
    """A table from the API (the whole table: 5,000 rows a page): its URL, pandas and R."""
    base = base_url()
    _show({fmt: table_url(table, fmt, base) for fmt in ("csv", "json", "parquet")}, f"Table {table}")
