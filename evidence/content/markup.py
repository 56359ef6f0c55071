"""The one way data text reaches markdown: every value put into a template is escaped.

Streamlit renders markdown (and, in places, HTML, LaTeX and images) in `st.markdown`, captions, titles,
expander and tab labels, pill and radio options. Data text is untrusted (`SME_EVIDENCE_DATA` may point at
anyone's folder), so it reaches those only through this module:

- `fmt(template, **values)`: the template is the app's own markdown; each value is escaped, so it shows as
  typed: every markdown and HTML character backslash-escaped, newlines turned into spaces (a newline would
  start a list, a quote or a heading). A value that is already `Markup` (built here) goes in as it is.
- `md(value)`: one value escaped, as `Markup`.
- `join(separator, parts)`: parts joined, each escaped unless it is `Markup`.

`Markup` is a `str`, so Streamlit takes it as is; `tests/test_markup.py` checks that no page or text module
builds markdown from data any other way.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029\v\f]+")


class Markup(str):
    """Markdown the app wrote, with every piece of data text in it escaped."""

    __slots__ = ()


def md(value: object) -> Markup:
    """Data text made safe for markdown: shows as typed, never as markup, on one line."""
    if isinstance(value, Markup):
        return value
    return Markup(_MARKDOWN.sub(r"\\\1", _NEWLINES.sub(" ", str(value))))


class _Escaping(string.Formatter):
    def format_field(self, value, format_spec):
        if isinstance(value, Markup):
            return value if not format_spec else md(format(str(value), format_spec))
        return md(format(value, format_spec))


_FORMATTER = _Escaping()


def fmt(template: str, /, *args, **values) -> Markup:
    """The app's markdown `template` with each `{value}` escaped (format specs such as `{n:,}` work)."""
    return Markup(_FORMATTER.vformat(template, args, values))


def join(separator: str, parts: Iterable[object]) -> Markup:
    """Parts joined by the app's own `separator`, each escaped unless it is Markup already."""
    return Markup(separator.join(md(part) for part in parts))


def highlighted(text: str, words: list[str]) -> Markup:
    """Data text with the search words highlighted; every piece of the text itself is escaped."""
    from evidence.content.state import match_spans

    out, last = [], 0
    for start, end in match_spans(text, words):
        out += [md(text[last:start]), fmt(":orange-background[{}]", text[start:end])]
        last = end
    out.append(md(text[last:]))
    return Markup("".join(out))
