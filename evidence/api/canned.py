"""The named queries of `queries/` that take parameters, offered on the Data view as small forms (the idea of
Datasette's canned queries). Their parameters, and the checks of what a form or a link gives, are the API's
(`api_params`, from each query's own header and the schema): one reading of a query's contract, not two."""

from __future__ import annotations

from evidence.api import data as api_data
from evidence.data import queries
from evidence.query import params as api_params
from evidence.query.cache import cached

BadParameter = api_params.BadParameter


@cached()
def names() -> tuple[str, ...]:
    """Every named query that takes parameters (the schema queries are on the Data view already); like the next,
    read once per data folder, not on every rerun of the Data view."""
    return tuple(name for name in api_data.query_names() if api_data.specs(name) and not name.startswith("schema_"))


def summary(name: str) -> str:
    return queries.get(name).summary.split(":", 1)[-1].strip()


def parameters(name: str) -> list[api_params.ParamSpec]:
    return list(api_data.specs(name).values())


@cached()
def parameter_names() -> frozenset[str]:
    """Every parameter name a canned query takes (the Data view accepts them in its links)."""
    return frozenset(spec.name for name in names() for spec in parameters(name))


def values(name: str, given: dict[str, str | None]) -> dict:
    """The form's text (or a link's) as the query's parameters, checked as the API checks them: empty is NULL,
    a list is comma-separated; raises BadParameter naming what is wrong."""
    raw = {key: [text] for key, text in given.items() if text}
    return api_params.convert(api_data.specs(name), raw, api_data.allowed_values, f"the query {name}")
