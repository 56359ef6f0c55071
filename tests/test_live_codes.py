"""Join codes, secrets and tokens (evidence/live/codes.py)."""

from __future__ import annotations

import hashlib
import re

import pytest

from evidence.live import codes

# Groups that read alike across a room; the design keeps 6 (G is gone) and drops every other one of them.
LOOK_ALIKES = ["0O", "1IL", "2Z", "5S", "8B", "G6"]


def test_the_alphabet_has_no_look_alikes_and_no_repeats():
    assert all(len(set(group) & set(codes.ALPHABET)) <= 1 for group in LOOK_ALIKES)
    assert not set("0O1IL2Z5S8BG") & set(codes.ALPHABET)
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) == 24


def test_a_new_code_is_six_characters_of_the_alphabet():
    made = {codes.new_code() for _ in range(200)}
    assert all(len(code) == 6 and set(code) <= set(codes.ALPHABET) for code in made)
    assert len(made) > 190  # random, not a sequence


@pytest.mark.parametrize(("typed", "normal"), [
    ("qx7k3m", "QX7K3M"), ("QX7-K3M", "QX7K3M"), (" qx7 k3m ", "QX7K3M"), ("Q-X-7-K-3-M", "QX7K3M"),
    ("QX7K3", None), ("QX7K3MM", None), ("QX0K3M", None), ("QXOK3M", None), ("", None), (None, None),
    ("QX7K3M\n", None), ("ＱX7K3M", None),
])
def test_normal_code(typed, normal):
    assert codes.normal_code(typed) == normal


def test_secrets_and_tokens_are_long_random_and_url_safe():
    made = [codes.new_secret() for _ in range(50)] + [codes.new_token() for _ in range(50)]
    assert len(set(made)) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{24}", text) for text in made)


def test_digest_is_sha256_hex():
    assert codes.digest("abc") == hashlib.sha256(b"abc").hexdigest()
    assert codes.digest("abc") != codes.digest("abd")
