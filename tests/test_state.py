"""URL state: plain functions, no browser needed."""

import pytest

from evidence.content import state


@pytest.mark.parametrize(("value", "expected"), [
    ("1", True), ("true", True), ("YES", True), ("yes", True), ("ON", True), (" on ", True), (["0", "1"], True),
    ("0", False), ("", False), (None, False), ("maybe", False), ([], False), ("off", False),
])
def test_is_present(value, expected):
    assert state.is_present(value) is expected


@pytest.mark.parametrize(("value", "ok"), [
    ("1", True), ("10", True), (" 3 ", True), ("0", False), ("11", False), ("-1", False), ("abc", False),
    ("1e3", False), ("²", False), (None, True), (["2", "x"], False),
])
def test_valid_page_number(value, ok):
    assert state.valid_page_number(value, 10) is ok


def test_review_sorts_unknown_and_malformed():
    validators = {"slide": lambda v: state.valid_page_number(v, 10)}
    unknown, malformed = state.review(
        {"slide": "12", "present": "perhaps", "embed": "true", "colour": "red", "a": "b"}, validators)
    assert unknown == ["a", "colour"]
    assert malformed == ["present", "slide"]


def test_notice_is_plain_and_bounded():
    message = state.notice(["x" * 500, "<script>"] + [f"p{i}" for i in range(10)], [])
    assert message.startswith("This link carried unknown parameter(s)")
    assert "and 7 more" in message and len(message) < 400
    assert state.notice([], []) is None


@pytest.mark.parametrize(("selection", "expected"), [
    ({"selection": {"pick": [{"outcome": "diverged", "count": 1}]}}, "diverged"),
    ({"selection": {"pick": []}}, None),
    ({"selection": {}}, None),
    ({}, None),
    (None, None),
    ({"selection": {"pick": [{"other": 1}, {"outcome": "qualified"}]}}, "qualified"),
    ({"selection": {"pick": ["junk"]}}, None),
])
def test_picked_maps_a_chart_click_to_a_filter_value(selection, expected):
    assert state.picked(selection, "pick", "outcome") == expected


def test_valid_choice():
    assert state.valid_choice("diverged", ["diverged"]) and state.valid_choice(None, ["a"])
    assert not state.valid_choice("Diverged", ["diverged"])


def test_a_shareable_link_drops_the_presenters_secret_and_keeps_the_rest():
    kept = state.shareable({"live": ["QX7K3M"], "host": ["s3cret"], "item": ["6.f"]})
    assert kept == {"live": ["QX7K3M"], "item": ["6.f"]}
