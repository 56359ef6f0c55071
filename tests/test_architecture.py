"""The plan holds: the folders are layers and imports run one way (views, then ui/content/charts, then queries, then
data, then settings), no module imports another in a circle (imports inside functions count), and
docs/architecture.md names every module and every view."""

from __future__ import annotations

import ast
from pathlib import Path

from evidence.views import VIEWS

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "evidence"
# A layer may import its own folder and any layer with a lower number, never a higher one.
LAYERS = {"settings": 0, "data": 1, "query": 2, "live": 2, "charts": 3, "content": 3, "ui": 4, "views": 3,
          "takeaway": 5, "api": 5, "server": 6}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, known: set[str]) -> set[str]:
    """Every module of the package that `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & known
            found.update(submodules or {node.module})  # `from evidence.ui import page` imports evidence.ui.page
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(path, set(known)) - {name} for name, path in known.items()}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "evidence"


def test_no_import_cycle():
    edges = graph()
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(node):], node]))
        if node in done:
            return
        for other in sorted(edges[node]):
            if not other.endswith("__init__") and other != "evidence":
                visit(other, [*trail, node])
        done.add(node)

    for name in sorted(edges):
        visit(name, [])


def test_imports_run_one_way():
    upward = [f"{name} -> {other}" for name, others in graph().items() for other in others
              if layer(name) in LAYERS and layer(other) in LAYERS and layer(other) != layer(name)
              and LAYERS[layer(other)] > LAYERS[layer(name)]]
    assert not upward, f"imports against the layers: {upward}"


def test_every_module_sits_in_a_layer():
    assert {layer(name) for name in modules()} - {"evidence"} <= set(LAYERS)


def test_at_most_ten_modules_at_the_top():
    assert len(list(PACKAGE.glob("*.py"))) <= 10


def test_every_module_and_view_is_in_the_architecture_doc():
    """Datasette's documentation test: a module or a view that docs/architecture.md does not name fails here."""
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [str(path.relative_to(REPO)) for path in modules().values()
               if path.name != "__init__.py" and str(path.relative_to(PACKAGE)) not in doc]
    missing += [view.file for view in VIEWS.values() if view.file not in doc]
    assert not missing, f"not in docs/architecture.md: {missing}"


def test_no_module_is_over_300_lines():
    long = [str(path) for path in [*PACKAGE.rglob("*.py"), *(REPO / "pages").glob("*.py"), REPO / "app.py"]
            if len(path.read_text(encoding="utf-8").splitlines()) > 300]
    assert not long, long


def test_each_page_checks_its_link_against_its_own_declaration():
    """A view's parameters and their checks are in evidence/views.py only: its page names its entry, nothing more."""
    for key, view in VIEWS.items():
        page = (REPO / view.file).read_text(encoding="utf-8")
        assert page.count("page.review_params(") == 1 and f'page.review_params("{key}")' in page, view.file
        assert "state.valid_choice" not in page and "state.valid_page_number" not in page, view.file
