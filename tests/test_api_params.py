"""What the API reads from each query's header, and how it checks request parameters against it (no server)."""

import json

import pytest

from evidence.data import queries
from evidence.query import params as api_params
from evidence.query.params import BadParameter, ParamSpec, Schema, convert, convert_one
from evidence.settings import DEFAULT_DATA_DIR

SCHEMA = Schema.from_datapackage(json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8")))
# The only parameters whose values are free text: searches. Any other parameter without allowed values means a
# query header that no longer says where its values come from.
FREE_TEXT = {("search", "phrase"), ("search", "words"), ("search", "kinds"), ("instruments_filtered", "text"),
             ("instruments_page", "text"), ("instruments_count", "text"), ("swot_search", "text")}
VALUES = {"cases.case_id": frozenset({"weprog", "lifetec"}), "countries.iso2": frozenset({"NL", "DE", "BE"}),
          "statements.organisation": frozenset({"Salzburg Research, Austria", "DG RTD"})}


def specs(name: str) -> dict[str, ParamSpec]:
    return api_params.specs_of(queries.get(name).sql, SCHEMA, resolve=lambda other: queries.get(other).sql)


def values(source: str) -> frozenset[str]:
    return VALUES[source]


@pytest.mark.parametrize("name", sorted(queries.library()))
def test_every_parameter_of_every_query_is_understood(name):
    declared = specs(name)
    assert set(declared) == set(queries.get(name).params)
    for spec in declared.values():
        bounded = spec.source or spec.choices or spec.kind in ("boolean", "integer")
        assert bounded or (name, spec.name) in FREE_TEXT, f"{name}: ${spec.name} has no allowed values"


def test_kinds_sources_and_optional_parameters_come_from_the_header():
    case_filter = specs("case_filter")
    assert case_filter["countries"].kind == "list" and case_filter["countries"].source == "countries.iso2"
    assert case_filter["presented"].kind == "boolean" and case_filter["presented"].nullable
    assert case_filter["selected"].source == "cases.case_id"  # "(a case_id, or NULL)": the key of cases
    assert specs("case_card")["case_id"].nullable is False  # no NULL in its header: required
    assert specs("swot")["quadrant"].choices == ("strength", "weakness", "opportunity", "threat")
    assert specs("table_rows")["table_name"].source == "tables"
    page = specs("table_page")
    assert (page["size"].kind, page["size"].minimum, page["size"].maximum) == ("integer", 1, 5000)
    assert (page["offset"].minimum, page["offset"].maximum) == (0, None)


def test_examples_are_not_allowed_values():
    # "such as 'budget_eur'" is an example; the allowed values come from the column it names.
    measure = specs("instrument_figures")["measure"]
    assert measure.choices is None and measure.source == "instrument_figures.measure"


def test_as_in_another_query_and_shared_descriptions():
    # "$countries, $typologies, $types, $presented (as in case_filter)": the same specs as case_filter's.
    assert specs("case_type_cases")["types"] == specs("case_filter")["types"]
    # "$type_id, $process_id (the selected cell, or NULL)": both optional.
    cells = specs("what_how_cells")
    assert cells["type_id"].nullable and cells["process_id"].nullable
    assert cells["process_id"].source == "business_processes.process_id"
    assert not specs("cell_links")["type_id"].nullable


def test_a_key_that_is_itself_a_reference_does_not_claim_its_name():
    # what_how_raw's key type_id references internationalisation_types: $type_id means a type.
    assert SCHEMA.keys["type_id"] == "internationalisation_types"


def test_lists_are_repeated_or_comma_separated():
    spec = specs("case_filter")["countries"]
    assert convert_one(spec, ["NL,DE"], values) == ["NL", "DE"]
    assert convert_one(spec, ["NL", "DE"], values) == ["NL", "DE"]
    assert convert_one(spec, [""], values) is None
    organisations = specs("statements_filtered")["organisations"]
    # A value that is itself allowed is not split at its comma.
    assert convert_one(organisations, ["Salzburg Research, Austria"], values) == ["Salzburg Research, Austria"]


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("FALSE", False), ("1", True), ("no", False)])
def test_booleans(raw, expected):
    assert convert_one(specs("case_filter")["presented"], [raw], values) is expected


@pytest.mark.parametrize(("query", "param", "raw", "says"), [
    ("case_filter", "countries", ["NL,XX"], "'XX' is not a countries.iso2 value"),
    ("case_filter", "presented", ["maybe"], "is true or false, not 'maybe'"),
    ("case_card", "case_id", ["weprog", "lifetec"], "is given 2 times"),
    ("case_card", "case_id", ["x" * 501], "longer than 500 characters"),
    ("case_card", "case_id", [""], "is empty; it needs a value (a cases.case_id value)"),
    ("swot", "quadrant", ["threat' OR '1'='1"], "is not an allowed value"),
    ("table_page", "size", ["5001"], "is from 1 to 5000, not 5001"),
    ("table_page", "offset", ["-1"], "is at least 0, not -1"),
    ("table_page", "size", ["1e3"], "is a whole number, not '1e3'"),
])
def test_bad_values_name_the_parameter_and_what_is_wrong(query, param, raw, says):
    with pytest.raises(BadParameter) as caught:
        convert_one(specs(query)[param], raw, values)
    assert caught.value.parameter == param
    assert says in caught.value.message


def test_allowed_values_are_listed_with_the_error():
    with pytest.raises(BadParameter) as caught:
        convert_one(specs("swot")["quadrant"], ["treat"], values)
    assert caught.value.allowed == ["opportunity", "strength", "threat", "weakness"]


def test_unknown_and_missing_parameters():
    with pytest.raises(BadParameter, match=r"unknown parameter 'country': query 'cases' takes typology"):
        convert(specs("cases"), {"country": ["DE"]}, values, "query 'cases'")
    with pytest.raises(BadParameter, match=r"missing parameter 'case_id'"):
        convert(specs("case_card"), {}, values, "query 'case_card'")
    # Optional parameters left out are NULL.
    assert convert(specs("case_activities"), {}, values, "query 'case_activities'") == {"case_id": None}
