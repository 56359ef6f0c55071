"""The one escaping boundary: data text reaches markdown only through evidence.content.markup."""

import ast
from pathlib import Path

import pytest

from evidence.content.markup import Markup, fmt, highlighted, join, md

REPO = Path(__file__).resolve().parent.parent
# Streamlit calls whose text (first argument, or these keywords) is rendered as markdown.
RENDERING = {"markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success", "toast",
             "expander", "popover", "metric", "page_link", "button", "download_button", "toggle", "checkbox",
             "radio", "tabs", "form_submit_button", "text_input", "text_area", "selectbox", "multiselect",
             "segmented_control", "pills", "write"}
TEXT_KEYWORDS = {"body", "label", "help", "placeholder"}
CODE = sorted([*REPO.glob("pages/*.py"), *REPO.glob("evidence/**/*.py"), REPO / "app.py"])


@pytest.mark.parametrize("text", ["**bold**", "<b>x</b>", "![i](http://x/y.png)", "[l](javascript:alert(1))",
                                  "$x^2$", ":red[r]", "# h", "- item", "a | b", "`code`", "~~s~~", "&lt;", "1. one"])
def test_every_markdown_character_is_escaped(text):
    escaped = md(text)
    assert isinstance(escaped, Markup)
    # Every character markdown, HTML or Streamlit's directives could read is behind a backslash.
    for char in "*<>[]()!$^:#-|`~&.":
        assert char not in escaped.replace("\\" + char, "")


def test_newlines_become_spaces_so_data_cannot_start_a_block():
    assert md("one\n# two\r\n- three\u2028four") == "one \\# two \\- three four"


def test_fmt_escapes_values_not_the_template():
    out = fmt("**{name}** said {n:,} times: {quote}", name="*A*", n=12345, quote="<i>x</i>")
    assert out == "**\\*A\\*** said 12,345 times: \\<i\\>x\\</i\\>"
    assert fmt("{}", md("*a*")) == "\\*a\\*", "Markup built here goes in as it is, not escaped twice"


def test_join_escapes_plain_parts_and_keeps_markup():
    assert join(" · ", ["*a*", fmt("**{}**", "b")]) == "\\*a\\* · **b**"


def test_highlighting_keeps_the_rest_escaped():
    out = highlighted("*Trade* fairs", ["trade"])
    assert out == "\\*:orange-background[Trade]\\* fairs"


def _interpolates(node: ast.AST) -> bool:
    """An f-string with values, a %-format, or str.format: markdown built without the escaping helper."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, ast.Mod) or _interpolates(node.left) or _interpolates(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    return False


def test_no_page_builds_markdown_without_the_escaping_helper():
    offences = []
    for path in CODE:
        if path.name == "markup.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Markup":
                offences.append(f"{path.relative_to(REPO)}:{node.lineno}: Markup() outside evidence/content/markup.py")
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in RENDERING):
                continue
            texts = node.args[:1] + [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            offences += [f"{path.relative_to(REPO)}:{node.lineno}: {node.func.attr}() gets interpolated text"
                         for text in texts if _interpolates(text)]
    assert offences == []


def test_the_source_check_can_fail(tmp_path):
    tree = ast.parse('st.markdown(f"**{row.name}**")\nst.caption("%s" % x)\nst.info("a {}".format(b))')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr in RENDERING]
    assert [_interpolates(c.args[0]) for c in calls] == [True, True, True]
