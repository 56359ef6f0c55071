"""The query layer: every query file runs, says what it returns, and refuses bad calls clearly."""

import re
import threading

import pytest

from evidence.data import queries
from evidence.data.queries import QueryError

# One example call per query file. A new query without an example here fails test_every_query_has_an_example.
EXAMPLES = {
    "agenda": {},
    "case_activities": {"case_id": "lifetec"},
    "case_aggregates": {"topic": "motive"},
    "cases": {"typology": "born_global"},
    "coding_notes": {},
    "contradictions": {},
    "instrument_figures": {"measure": "budget_eur"},
    "instruments": {"level": "EU"},
    "key_figures": {},
    "participants": {"countries": ["EU"], "kinds": ["network or association"]},
    "routes": {"from_process": "export"},
    "sources": {},
    "themes": {},
    "policy_implications": {},
    "schema_columns": {},
    "schema_constraints": {},
    "schema_tables": {},
    "statements": {"section": "sec-4"},
    "survey_comments": {"question_ids": ["drivers", "barriers"]},
    "survey_ease": {},
    "survey_expertise": {},
    "survey_items": {"figure_id": "3"},
    "survey_regions": {},
    "survey_results": {"item_id": "4.d"},
    "survey_samples": {"sample_id": "2016-06-09"},
    "survey_figure_results": {"figure_id": "6"},
    "headline_figures": {"sample_id": "2016-06-09"},
    "case_filter": {"countries": ["NL"], "typologies": None, "types": ["branch"], "presented": None, "selected": None},
    "case_type_cases": {"countries": None, "typologies": ["born_global"], "types": None, "presented": True,
                        "selected": "weprog"},
    "case_card": {"case_id": "weprog"},
    "case_options": {},
    "survey_statement_results": {"questions": ["drivers"], "item": "2.b"},
    "survey_item": {"item_id": "5.a"},
    "survey_item_passages": {"item_id": "1b.a"},
    "survey_contradictions": {},
    "survey_questions": {},
    "what_how_cells": {"type_id": "customising", "process_id": "export"},
    "cell_links": {"type_id": "employment", "process_id": "rnd"},
    "instruments_filtered": {"levels": ["EU"], "kinds": ["programme"], "text": "horizon"},
    "instruments_page": {"levels": ["EU"], "kinds": None, "text": None, "rows": 5},
    "instruments_count": {"levels": None, "kinds": ["programme"], "text": "horizon"},
    "instrument_options": {},
    "participants_page": {"countries": ["EU"], "kinds": None, "rows": 3},
    "participants_count": {"countries": None, "kinds": ["network or association"]},
    "workshop_options": {},
    "swot_search": {"text": "china", "theme": "global_economy"},
    "recommendations": {},
    "challenges_domains": {},
    "type_activities": {"type_id": "collaboration"},
    "search": {"phrase": "trade fairs", "words": ["trade", "fairs"], "kinds": None, "theme": None,
               "section": "annex-3"},
    "statements_filtered": {"speakers": ["David Golding"], "organisations": None, "section": None, "theme": None},
    "statements_page": {"speakers": None, "organisations": None, "section": "sec-3.5", "theme": None, "rows": 5},
    "statements_count": {"speakers": ["David Golding"], "organisations": None, "section": None, "theme": None},
    "study_vs_experts": {"outcome": None},
    "swot": {"quadrant": "threat"},
    "table_row_count": {"table_name": "cases"},
    "table_rows": {"table_name": "sources"},
    "table_page": {"table_name": "statements", "size": 5, "offset": 10},
    "type_counts": {},
    "type_named_cases": {"type_id": "collaboration"},
}


def test_every_query_has_an_example():
    assert sorted(queries.library()) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_query_runs_and_returns_its_declared_columns(db, schema_db, name):
    query = queries.get(name)
    assert query.sql.startswith(f"-- {name}:"), "the first line says what the query answers"
    assert "-- params:" in query.sql and "-- columns:" in query.sql
    # The schema_* queries describe keys and comments, which only the loading database keeps.
    frame = (schema_db if name.startswith("schema_") else db).query(name, **EXAMPLES[name])
    assert len(frame) > 0, f"{name} returned no rows for its example"
    columns = queries.declared_columns(query.sql)
    if columns != ["the table's own columns"]:
        assert list(frame.columns) == columns


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_declared_params_match_used_params(name):
    query = queries.get(name)
    declared = set(re.findall(r"\$(\w+)", " ".join(queries.header(query.sql, "params"))))
    assert declared == set(query.params)


def test_optional_filters_accept_null(db):
    assert len(db.query("cases", typology=None)) == 12
    assert len(db.query("cases", typology="accidental_global")) == 2


def test_unknown_query_is_a_clear_error(db):
    with pytest.raises(QueryError, match="unknown query 'no_such_query'.*known: agenda"):
        db.query("no_such_query")


def test_missing_parameter_is_a_clear_error(db):
    with pytest.raises(QueryError, match=r"needs parameter\(s\) \$typology"):
        db.query("cases")


def test_unexpected_parameter_is_a_clear_error(db):
    with pytest.raises(QueryError, match=r"takes no parameter\(s\) \$country"):
        db.query("cases", typology=None, country="DE")


def test_parameters_inside_strings_and_comments_are_not_parameters():
    sql = "-- uses $nothing\nSELECT '$literal' AS a, $real AS b /* $comment */"
    assert queries.parameters_of(sql) == {"real"}


def test_parameters_are_values_not_sql(db):
    hostile = "born_global' OR '1'='1"
    assert db.query("cases", typology=hostile).empty


def test_each_thread_has_its_own_cursor(db):
    cursors, errors = [], []
    together = threading.Barrier(6)  # every thread holds its cursor at the same time: none can be reused

    def work():
        try:
            mine = db.cursor()
            together.wait(timeout=30)
            assert db.cursor() is mine  # the same cursor for the whole thread
            for _ in range(20):
                assert len(db.query("cases", typology=None)) == 12
            cursors.append(mine)  # kept alive, so no two can share an address
        except Exception as err:  # noqa: BLE001 - collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(cursors) == 6
    assert all(a is not b for i, a in enumerate(cursors) for b in cursors[i + 1:])


def test_the_app_database_is_a_compact_copy_with_the_same_rows(db, schema_db):
    # The app's copy drops keys and indexes (memory), never rows or columns.
    assert db.query("schema_constraints").empty and not schema_db.query("schema_constraints").empty
    for table in schema_db.tables:
        compact = db.query("table_rows", table_name=table)
        full = schema_db.query("table_rows", table_name=table)
        assert list(compact.columns) == list(full.columns), table
        assert compact.astype(str).equals(full.astype(str)), table
