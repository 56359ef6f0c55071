"""The named queries of `queries/` that take parameters, offered on the Data view as small forms (the idea of
Datasette's canned queries): what each parameter is, read from the query's own header, and the values a form
or a link gives, turned into what the query takes. Plain functions, testable without Streamlit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidence import queries

_PARAM_NOTE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)(?:\s*\(([^)]*)\))?")
_LIST_USE = r"(?:len|list_contains|unnest|list_has_any)\(\s*\${}\b"


@dataclass(frozen=True)
class Parameter:
    name: str
    note: str  # what the query's header says of it ("a cases.case_id, or NULL for all cases")
    is_list: bool


@dataclass(frozen=True)
class Canned:
    name: str
    summary: str
    parameters: tuple[Parameter, ...]


def _header_notes(sql: str) -> dict[str, str]:
    lines, inside = [], False
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        text = line[2:].strip()
        if text.startswith("params:"):
            inside, text = True, text.removeprefix("params:")
        elif text.startswith("columns:"):
            inside = False
        if inside:
            lines.append(text)
    return {name: (note or "").strip() for name, note in _PARAM_NOTE.findall(" ".join(lines))}


@cache
def library() -> dict[str, Canned]:
    """Every named query that takes parameters, by name, with its parameters in the order the header gives."""
    out = {}
    for name, query in queries.library().items():
        if not query.params or name.startswith("schema_"):
            continue
        notes = _header_notes(query.sql)
        ordered = [p for p in notes if p in query.params] + sorted(query.params - notes.keys())
        parameters = tuple(
            Parameter(p, notes.get(p, ""), "list" in notes.get(p, "").lower()
                      or re.search(_LIST_USE.format(p), query.sql) is not None)
            for p in ordered)
        out[name] = Canned(name, query.summary.split(":", 1)[-1].strip(), parameters)
    return out


def parameter_names() -> frozenset[str]:
    """Every parameter name a canned query takes (the Data view accepts them in its links)."""
    return frozenset(p.name for canned in library().values() for p in canned.parameters)


def values(canned: Canned, given: dict[str, str | None]) -> dict:
    """The form's text (or a link's) as the query's parameters: empty is NULL, a list is comma-separated,
    TRUE/FALSE are booleans."""
    out = {}
    for parameter in canned.parameters:
        text = (given.get(parameter.name) or "").strip()
        if parameter.is_list:
            out[parameter.name] = [part.strip() for part in text.split(",") if part.strip()] or None
        elif text.lower() in ("true", "false"):
            out[parameter.name] = text.lower() == "true"
        else:
            out[parameter.name] = text or None
    return out
