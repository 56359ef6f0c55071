"""The data folder's descriptor (datapackage.json) as the app loaded it with the tables, or, for a folder without one,
the descriptor the schema gives: what the Data view, the downloads, the API and the views' checks read."""

from __future__ import annotations

import json

from evidence.query import cache
from evidence.query.store import database


def describes_itself() -> bool:
    """Whether the data folder has its own datapackage.json (else the tables are described from the schema)."""
    return "datapackage.json" in database().documents


@cache.cached()
def datapackage_bytes() -> bytes:
    """The data folder's datapackage.json as it was loaded; for a folder without one, the descriptor the schema
    gives (`python -m evidence.data.datapackage` writes the same for data/)."""
    loaded = database().documents.get("datapackage.json")
    if loaded is None:
        from evidence.data.datapackage import render

        return render().encode("utf-8")
    return loaded


@cache.cached()
def datapackage() -> dict:
    """The data folder's descriptor (read-only), parsed once per process, not on every rerun of the Data view."""
    return json.loads(datapackage_bytes())
