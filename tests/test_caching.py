"""Reruns with the same inputs run no SQL and build no chart twice."""

import pytest

from evidence import charts, ui
from evidence.db import Database


@pytest.fixture(autouse=True)
def empty_caches():
    ui._query.clear()
    ui._chart.clear()
    yield
    ui._query.clear()
    ui._chart.clear()


def test_same_query_runs_sql_once(monkeypatch):
    calls = []
    original = Database.query

    def counting(self, name, **params):
        calls.append((name, params))
        return original(self, name, **params)

    monkeypatch.setattr(Database, "query", counting)
    first = ui.query("cases", typology="born_global")
    second = ui.query("cases", typology="born_global")
    assert first.equals(second)
    assert calls == [("cases", {"typology": "born_global"})]
    ui.query("cases", typology="urged_global")
    assert len(calls) == 2


def test_same_chart_is_built_once(monkeypatch):
    built = []
    original = charts.BUILDERS["typology"]

    def counting(frame, large=False):
        built.append(large)
        return original(frame, large=large)

    monkeypatch.setitem(charts.BUILDERS, "typology", counting)
    first = ui.chart_spec("typology", "cases", {"typology": None})
    second = ui.chart_spec("typology", "cases", {"typology": None})
    assert first == second and built == [False]
    ui.chart_spec("typology", "cases", {"typology": None}, large=True)
    assert built == [False, True]
