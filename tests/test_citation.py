"""*Cite this* gives clean references: every BibTeX and RIS field holds only what the report says about itself (its
title, the workshop's date and place, who organised it for whom), never a remark of the app's."""

import re

from evidence.content import citation

# What the report says about itself (section 1 and its closing abstract), as the references set it.
THE_REPORTS_OWN = {citation.TITLE, citation.DESCRIPTION, citation.ORGANISED}
REMARKS = re.compile(r"left out|names no|no author|dashboard|project|the app\b", re.I)


def bibtex_fields(text: str) -> dict[str, str]:
    fields = dict(re.findall(r"^\s+(\w+)\s*=\s*\{(.*)\},?\s*$", text, re.M))
    assert fields and text.startswith("@misc{") and text.rstrip().endswith("}")
    return {name: value.strip("{}") for name, value in fields.items()}


def ris_fields(text: str) -> list[tuple[str, str]]:
    lines = text.strip().splitlines()
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line) for line in lines), lines
    return [(line[:2], line[6:]) for line in lines if line[:2] not in ("TY", "ER")]


def parts(value: str) -> list[str]:
    """A field's sentences, without their full stops."""
    return [part.strip().rstrip(".") for part in re.split(r"(?<=\.) ", value) if part.strip()]


def test_every_bibtex_field_holds_the_reports_own_words():
    fields = bibtex_fields(citation.bibtex())
    assert set(fields) == {"title", "howpublished", "note"}
    for name, value in fields.items():
        assert not REMARKS.search(value), (name, value)
        assert set(parts(value)) <= THE_REPORTS_OWN, (name, value)


def test_every_ris_field_holds_the_reports_own_words():
    fields = ris_fields(citation.ris())
    assert [tag for tag, _ in fields] == ["TI", "N1"]
    for tag, value in fields:
        assert not REMARKS.search(value), (tag, value)
        assert set(parts(value)) <= THE_REPORTS_OWN, (tag, value)


def test_the_remark_on_what_is_left_out_is_said_beside_the_references():
    box = citation.box_html("Policy")
    assert 'class="sme-cite-note"' in box and "left out" in box.split('class="sme-cite-note"')[1]
    assert citation.LEFT_OUT not in citation.bibtex() + citation.ris() + citation.apa()
