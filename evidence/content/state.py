"""View state that lives in the URL: plain functions, testable without Streamlit or a browser."""

from __future__ import annotations

from collections.abc import Mapping

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})

# Parameters every page understands: presenter mode, Streamlit's own embedding switches.
GLOBAL_PARAMS = frozenset({"present", "embed", "embed_options"})
# The presenter's secret of a live session (evidence/live): it moves the session, so it never leaves in what the app
# hands on (a brief's or a deck's link, the share box, *Cite this*, a printed footer); browser.js and offer.js drop
# it from the address they show for the same reason.
SECRET_PARAMS = frozenset({"host"})


def shareable(params: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """A link's parameters without the presenter's secret."""
    return {name: values for name, values in params.items() if name not in SECRET_PARAMS}


def last(value: str | list[str] | None) -> str | None:
    """A query parameter's value; a repeated parameter counts by its last value, as Streamlit does."""
    if isinstance(value, list):
        return value[-1] if value else None
    return value


def is_present(value: str | list[str] | None) -> bool:
    """Whether `?present=` asks for presenter mode (1, true, yes, on)."""
    text = last(value)
    return text is not None and text.strip().lower() in TRUE_WORDS


def valid_flag(value: str | list[str] | None) -> bool:
    text = last(value)
    return text is None or text.strip().lower() in TRUE_WORDS | FALSE_WORDS


def valid_page_number(value: str | list[str] | None, pages: int) -> bool:
    text = last(value)
    if text is None:
        return True
    text = text.strip()
    # ASCII digits only: str.isdigit() accepts "²", which int() refuses.
    return text.isascii() and text.isdigit() and len(text) < 6 and 1 <= int(text) <= pages


def review(params: Mapping[str, str | list[str]], validators: Mapping[str, callable]) -> tuple[list[str], list[str]]:
    """Sort a page's query parameters into unknown and malformed names.

    `validators` maps each parameter the page keeps to a function that says whether a value is
    acceptable; global parameters (presenter mode, embedding) are always known.
    """
    unknown, malformed = [], []
    for name, value in params.items():
        if name in validators:
            if not validators[name](value):
                malformed.append(name)
        elif name not in GLOBAL_PARAMS:
            unknown.append(name)
        elif name == "present" and not valid_flag(value):
            malformed.append(name)
    return sorted(unknown), sorted(malformed)


def notice(unknown: list[str], malformed: list[str], limit: int = 60) -> str | None:
    """The small notice shown when a link carried parameters the page cannot use (plain text)."""
    def names(items: list[str]) -> str:
        shown = ", ".join(repr(name[:limit]) for name in items[:5])
        return shown + (f" and {len(items) - 5} more" if len(items) > 5 else "")

    parts = []
    if unknown:
        parts.append(f"unknown parameter(s) {names(unknown)}")
    if malformed:
        parts.append(f"unusable value(s) for {names(malformed)}")
    if not parts:
        return None
    return "This link carried " + " and ".join(parts) + "; they were ignored."


def valid_choice(value: str | list[str] | None, choices) -> bool:
    text = last(value)
    return text is None or text == "" or text in choices


def picked(selection: Mapping | None, param: str, field: str) -> str | None:
    """The value a chart click selected, from Streamlit's selection state; None when the click cleared it.

    `selection` is what `st.vega_lite_chart(..., on_select=...)` stores under the chart's key:
    {"selection": {param: [{field: value, ...}, ...]}}.
    """
    if not selection:
        return None
    points = (selection.get("selection") or {}).get(param) or []
    values = [point.get(field) for point in points if isinstance(point, Mapping) and point.get(field) is not None]
    return str(values[0]) if values else None


def toggle(values: list | None, value: str | None) -> list:
    """A filter list after a chart click on `value`: added if absent, removed if present; None leaves it."""
    current = list(values or [])
    if value is None:
        return current
    return [v for v in current if v != value] if value in current else current + [value]


def valid_choices(value: str | list[str] | None, choices) -> bool:
    """A multi-valued parameter (?country=NL&country=DE, or comma-separated) whose values are all known."""
    values = value if isinstance(value, list) else ([value] if value is not None else [])
    parts = [part for text in values for part in str(text).split(",") if part != ""]
    return all(part in choices for part in parts)


def view_key(*parts) -> str:
    """A short, stable suffix for widget keys that must reset when the view's state changes."""
    import hashlib

    return hashlib.sha1(repr(parts).encode()).hexdigest()[:8]


def search_words(text: str | None, limit: int = 12) -> list[str]:
    """The lower-case words of a search (at most `limit`, each at least 2 characters), in order, without repeats."""
    words = [w for w in (text or "").lower().split() if len(w) >= 2]
    return list(dict.fromkeys(words))[:limit]


def match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words occur in the text (case-insensitive), as merged (start, end) spans."""
    lowered, spans = text.lower(), []
    for word in words:
        start = lowered.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = lowered.find(word, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
