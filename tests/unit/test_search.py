"""Finding exercises by typing: typos, case and word order."""

from __future__ import annotations

import pytest

from evenside.domain.search import match_score, rank

NAMES = [
    "Bulgarian split squat",
    "Split squat",
    "One-arm hammer curl",
    "One-arm dumbbell curl",
    "One-arm dumbbell row",
    "Single-leg Romanian deadlift",
    "Romanian deadlift",
]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("bulgarian", "Bulgarian split squat"),
        ("bulgrian squat", "Bulgarian split squat"),
        ("curl hammer", "One-arm hammer curl"),
        ("hamer curl", "One-arm hammer curl"),
        ("ROW ONE ARM", "One-arm dumbbell row"),
        ("romanian", "Romanian deadlift"),
        ("single leg romanian", "Single-leg Romanian deadlift"),
    ],
)
def test_best_match_first(query: str, first: str) -> None:
    assert NAMES[rank(query, NAMES)[0]] == first


def test_unrelated_words_match_nothing() -> None:
    assert rank("bench press", NAMES) == []
    assert match_score("xyz", "Split squat") == 0


def test_empty_query_keeps_everything_in_order() -> None:
    assert rank("", NAMES) == list(range(len(NAMES)))


def test_every_typed_word_must_match_something() -> None:
    assert rank("single leg rdl romanian", NAMES) == []
