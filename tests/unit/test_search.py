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
    assert rank("single leg xyz romanian", NAMES) == []


LIBRARY_NAMES = [
    "Barbell row",
    "Bulgarian split squat",
    "Deadlift",
    "Dumbbell pullover",
    "One-arm dumbbell row",
    "One-arm overhead press",
    "Overhead press",
    "Romanian deadlift",
    "Single-leg Romanian deadlift",
    "Single-leg back extension",
    "KB swing",
]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("rdl", "Romanian deadlift"),
        ("sl rdl", "Single-leg Romanian deadlift"),
        ("ohp", "Overhead press"),
        ("sa ohp", "One-arm overhead press"),
        ("bss", "Bulgarian split squat"),
        ("db row", "One-arm dumbbell row"),
        ("sa db row", "One-arm dumbbell row"),
        ("single arm db row", "One-arm dumbbell row"),
        ("bb row", "Barbell row"),
        ("db pullover", "Dumbbell pullover"),
        ("sl back ext", "Single-leg back extension"),
        ("kb swing", "KB swing"),
    ],
)
def test_gym_shorthand(query: str, first: str) -> None:
    assert LIBRARY_NAMES[rank(query, LIBRARY_NAMES)[0]] == first


def test_shorthand_finds_only_what_it_stands_for() -> None:
    assert [LIBRARY_NAMES[i] for i in rank("bss", LIBRARY_NAMES)] == ["Bulgarian split squat"]
    assert "Barbell row" not in [LIBRARY_NAMES[i] for i in rank("db row", LIBRARY_NAMES)]
