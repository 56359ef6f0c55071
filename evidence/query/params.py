"""What each named query takes, read from its header, and request parameters checked and converted against it.

A query's header declares its parameters (`-- params: $typology (a typology_groups.typology_id, or NULL for all)`).
From that text this module reads, for each parameter:

- its kind: a list ("list" in the description), a boolean ("true, false"), an integer ("integer", with
  "A to B" or "N or more" bounds) or a text;
- whether it may be left out (the description mentions NULL): then it is NULL;
- where its allowed values come from: a `table.column` of the data package (the column's enum if the schema
  declares one, else the values the column holds), the tables themselves ("schema_tables"), a column named
  like the parameter that is a table's one-column primary key (`$case_id`, "a theme_id"), or the quoted values
  the description lists ('EU', 'national', ...; not examples after "e.g." or "such as", not ranges "..");
- "(as in case_filter)": the same as that query's parameter of the same name.

A parameter that comes without a description shares the next one (`$type_id, $process_id (the selected cell)`).
No database: the allowed values come from a callable; the header's text from data/queries.py, its one reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from evidence.data import queries

MAX_VALUE_CHARS = 500  # no parameter of the evidence base needs a longer value
SHOWN_CHOICES = 60  # at most this many allowed values are listed in an error

_ENTRY = re.compile(r"\$([A-Za-z_]\w*)\s*(\((?:[^()]|\([^()]*\))*\))?")
_REFERENCE = re.compile(r"\b([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\b")
_AS_IN = re.compile(r"\bas in (\w+)")
_LITERAL = re.compile(r"'((?:[^']|'')+)'")
_RANGE = re.compile(r"(\d[\d,]*) to (\d[\d,]*)")
_AT_LEAST = re.compile(r"(\d[\d,]*) or more")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class BadParameter(ValueError):
    """A request parameter that is unknown, missing, repeated, or has a value the query cannot take."""

    def __init__(self, parameter: str, message: str, allowed: Iterable[str] | None = None):
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.allowed = sorted(allowed, key=str)[:SHOWN_CHOICES] if allowed is not None else None


@dataclass(frozen=True)
class ParamSpec:
    name: str
    kind: str  # "text", "list", "boolean" or "integer"
    nullable: bool
    description: str
    source: str | None = None  # "table.column" whose values are allowed, or "tables"
    choices: tuple[str, ...] | None = None  # the values the header lists
    minimum: int | None = None
    maximum: int | None = None

    @property
    def explained(self) -> str:
        """What the parameter is, in words: its header's description, or where its values come from."""
        if self.description:
            return self.description
        if self.source == "tables":
            return "a table of the evidence base"
        return f"a {self.source} value" if self.source else f"a {self.kind}"

    def as_dict(self) -> dict:
        out = {"name": self.name, "type": self.kind, "optional": self.nullable, "description": self.description}
        if self.source:
            out["values_from"] = self.source
        if self.choices:
            out["allowed"] = list(self.choices)
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class Schema:
    """What the data package says about its tables: each table's fields, enums and one-column primary key."""

    fields: dict[str, dict[str, tuple[str, ...] | None]]  # table -> field -> enum (or None)
    keys: dict[str, str]  # one-column primary key -> the table it identifies (ambiguous keys left out)

    @classmethod
    def from_datapackage(cls, package: dict) -> Schema:
        fields, owners = {}, {}
        for resource in package.get("resources", []):
            schema = resource.get("schema", {})
            fields[resource["name"]] = {f["name"]: tuple(f.get("constraints", {}).get("enum", ())) or None
                                        for f in schema.get("fields", [])}
            key = schema.get("primaryKey") or []
            referencing = {name for fk in schema.get("foreignKeys", []) for name in fk["fields"]}
            # A key that is itself a reference (what_how_raw.type_id) does not identify its own kind of thing.
            if len(key) == 1 and key[0] not in referencing:
                owners.setdefault(key[0], []).append(resource["name"])
        return cls(fields, {key: tables[0] for key, tables in owners.items() if len(tables) == 1})


def header_params(sql: str) -> str:
    """The text of a query's `-- params:` header line and its indented continuation lines."""
    return " ".join(queries.header(sql, "params") or [])


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _source(name: str, description: str, schema: Schema) -> str | None:
    for table, column in _REFERENCE.findall(description):
        if column in schema.fields.get(table, {}):
            return f"{table}.{column}"
    if name == "table_name" or "schema_tables" in description:
        return "tables"
    for word in re.findall(r"\b[a-z][a-z0-9_]*_id\b", description) + [name]:
        if word in schema.keys:
            return f"{schema.keys[word]}.{word}"
    return None


def spec_of(name: str, description: str, schema: Schema) -> ParamSpec:
    """A parameter's spec from its name and the description its query's header gives it."""
    inner = description.strip()[1:-1] if description.strip().startswith("(") else description
    kind = "text"
    if re.search(r"\blist\b", inner):
        kind = "list"
    elif re.search(r"\btrue, false\b", inner):
        kind = "boolean"
    elif re.search(r"\binteger\b", inner):
        kind = "integer"
    minimum = maximum = None
    if kind == "integer":
        if bounds := _RANGE.search(inner):
            minimum, maximum = _number(bounds.group(1)), _number(bounds.group(2))
        elif bound := _AT_LEAST.search(inner):
            minimum = _number(bound.group(1))
    source = _source(name, inner, schema) if kind in ("text", "list") else None
    choices = None
    if source is None and kind in ("text", "list") and not re.search(r"e\.g\.|such as|\.\.", inner):
        literals = [value.replace("''", "'") for value in _LITERAL.findall(inner)]
        if len(literals) >= 2:
            choices = tuple(literals)
    return ParamSpec(name, kind, "NULL" in inner, inner.strip(), source, choices, minimum, maximum)


def specs_of(sql: str, schema: Schema, resolve: Callable[[str], str] | None = None) -> dict[str, ParamSpec]:
    """Every parameter a query's header declares, by name. `resolve(name)` gives another query's SQL, for
    "(as in other_query)"."""
    entries, pending = [], []
    for match in _ENTRY.finditer(header_params(sql)):
        pending.append(match.group(1))
        if match.group(2):
            entries += [(name, match.group(2)) for name in pending]
            pending = []
    entries += [(name, "") for name in pending]
    out = {}
    for name, description in entries:
        other = _AS_IN.search(description)
        if other and resolve is not None:
            inherited = specs_of(resolve(other.group(1)), schema).get(name)
            if inherited is not None:
                out[name] = inherited
                continue
        out[name] = spec_of(name, description, schema)
    return out


# ------------------------------------------------------------------------------ request values


def _allowed(spec: ParamSpec, values: Callable[[str], frozenset[str]]) -> frozenset[str] | None:
    if spec.choices:
        return frozenset(spec.choices)
    return values(spec.source) if spec.source else None


def _check_member(spec: ParamSpec, value: str, allowed: frozenset[str] | None) -> str:
    if allowed is not None and value not in allowed:
        what = f"a {spec.source} value" if spec.source and spec.source != "tables" else "an allowed value"
        if spec.source == "tables":
            what = "a table of the evidence base"
        raise BadParameter(spec.name, f"parameter '{spec.name}': {value[:60]!r} is not {what}", allowed)
    return value


def _one(spec: ParamSpec, raw: list[str]) -> str:
    if len(raw) > 1:
        raise BadParameter(spec.name, f"parameter '{spec.name}' is given {len(raw)} times; it takes one value")
    return raw[0].strip()


def convert_one(spec: ParamSpec, raw: list[str], values: Callable[[str], frozenset[str]]):
    """One parameter's value, converted to its declared kind and checked; raises BadParameter."""
    for value in raw:
        if len(value) > MAX_VALUE_CHARS:
            raise BadParameter(spec.name, f"parameter '{spec.name}' is longer than {MAX_VALUE_CHARS} characters")
        if "\x00" in value:
            raise BadParameter(spec.name, f"parameter '{spec.name}' contains a NUL character")
    allowed = _allowed(spec, values)
    if spec.kind == "list":
        if len(raw) == 1 and (allowed is None or raw[0].strip() not in allowed):
            raw = raw[0].split(",")  # comma-separated, unless the whole value is itself one allowed value
        items = [item.strip() for item in raw if item.strip()]
        if not items:
            return _empty(spec)
        return [_check_member(spec, item, allowed) for item in items]
    value = _one(spec, raw)
    if value == "":
        return _empty(spec)
    if spec.kind == "boolean":
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise BadParameter(spec.name, f"parameter '{spec.name}' is true or false, not {value[:60]!r}",
                           ["true", "false"])
    if spec.kind == "integer":
        if not re.fullmatch(r"[+-]?\d{1,12}", value):
            raise BadParameter(spec.name, f"parameter '{spec.name}' is a whole number, not {value[:60]!r}")
        number = int(value)
        low = spec.minimum is not None and number < spec.minimum
        if low or (spec.maximum is not None and number > spec.maximum):
            bounds = (f"from {spec.minimum} to {spec.maximum}" if spec.maximum is not None
                      else f"at least {spec.minimum}")
            raise BadParameter(spec.name, f"parameter '{spec.name}' is {bounds}, not {number}")
        return number
    return _check_member(spec, value, allowed)


def _empty(spec: ParamSpec):
    if spec.nullable:
        return None
    raise BadParameter(spec.name, f"parameter '{spec.name}' is empty; it needs a value ({spec.explained})")


def convert(specs: dict[str, ParamSpec], given: dict[str, list[str]], values: Callable[[str], frozenset[str]],
            what: str) -> dict:
    """Every declared parameter's value from the request's (name -> list of raw values); raises BadParameter
    naming the first unknown, missing or bad one. `what` names the query in messages."""
    takes = ", ".join(sorted(specs)) or "no parameters"
    for name in given:
        if name not in specs:
            raise BadParameter(name, f"unknown parameter '{name[:60]}': {what} takes {takes}")
    out = {}
    for name, spec in specs.items():
        if name in given:
            out[name] = convert_one(spec, given[name], values)
        elif spec.nullable:
            out[name] = None
        else:
            raise BadParameter(name, f"missing parameter '{name}': {what} needs it ({spec.explained})")
    return out
