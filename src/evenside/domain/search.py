"""Finding an exercise by what the user types: tolerant of typos, case and word order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

_WORD = re.compile(r"[a-z0-9]+")
MIN_WORD_SCORE = 0.75  # "bulgrian" still finds "bulgarian"; "row" does not find "raise"


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("-", " "))


def _word_score(typed: str, candidates: list[str]) -> float:
    best = 0.0
    for word in candidates:
        if word.startswith(typed):
            return 1.0
        if len(typed) >= 3:
            best = max(best, SequenceMatcher(None, typed, word[: len(typed) + 1]).ratio())
            best = max(best, SequenceMatcher(None, typed, word).ratio())
    return best


# Gym shorthand, read as the words it stands for (the typed words are tried as well, so a
# custom "KB swing" is still found by "kb").
ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("db",): ("dumbbell",),
    ("dbs",): ("dumbbell",),
    ("bb",): ("barbell",),
    ("kb",): ("kettlebell",),
    ("bw",): ("bodyweight",),
    ("rdl",): ("romanian", "deadlift"),
    ("dl",): ("deadlift",),
    ("ohp",): ("overhead", "press"),
    ("bp",): ("bench", "press"),
    ("bss",): ("bulgarian", "split", "squat"),
    ("sl",): ("single", "leg"),
    ("sa",): ("one", "arm"),
    ("single", "arm"): ("one", "arm"),
    ("1", "arm"): ("one", "arm"),
    ("1", "leg"): ("single", "leg"),
    ("one", "leg"): ("single", "leg"),
    ("unilateral",): ("one", "arm"),
    ("ext",): ("extension",),
    ("pullup",): ("pull", "up"),
    ("pushup",): ("push", "up"),
    ("chinup",): ("chin", "up"),
}
_LONGEST_ALIAS = max(len(key) for key in ALIASES)


def expand_aliases(typed: list[str]) -> list[str]:
    """``["sl", "rdl"]`` -> ``["single", "leg", "romanian", "deadlift"]``."""
    result: list[str] = []
    index = 0
    while index < len(typed):
        for size in range(min(_LONGEST_ALIAS, len(typed) - index), 0, -1):
            meaning = ALIASES.get(tuple(typed[index : index + size]))
            if meaning is not None:
                result.extend(meaning)
                index += size
                break
        else:
            result.append(typed[index])
            index += 1
    return result


def match_score(query: str, name: str) -> float:
    """0 when some typed word matches nothing in ``name``; up to 1 for a clean match.

    Each typed word is matched against the name's words in any order, by prefix or by
    similarity, so "curl hammer", "hamer curl" and "one arm hammer" all find
    "One-arm hammer curl". Gym shorthand counts too: "sa db row" finds it as well.
    """
    typed = words(query)
    if not typed:
        return 1.0
    name_words = words(name)
    expanded = expand_aliases(typed)
    plain = _score(typed, name_words)
    return plain if expanded == typed else max(plain, _score(expanded, name_words))


def _score(typed: list[str], name_words: list[str]) -> float:
    total = 0.0
    for word in typed:
        score = _word_score(word, name_words)
        if score < MIN_WORD_SCORE:
            return 0.0
        total += score
    # Prefer names that are mostly made of what was typed (shorter, closer names first).
    coverage = len(typed) / max(len(name_words), len(typed))
    return total / len(typed) * 0.9 + coverage * 0.1


# A typed word found only in the equipment or laterality ("bb" bench: Bench press is a
# barbell lift) counts, a little less than one found in the name.
ATTRIBUTE_WEIGHT = 0.8


def exercise_score(
    query: str, name: str, aliases: Iterable[str] = (), attributes: Iterable[str] = ()
) -> float:
    """``match_score`` over the name and its other names (aliases), where a typed word may
    also be found in ``attributes`` (the equipment, the laterality) as long as at least one
    word is found in the name: "bb bench" finds Bench press (barbell, bench), "bench" alone
    does not find every lift done on a bench."""
    typed = words(query)
    if not typed:
        return 1.0
    expanded = expand_aliases(typed)
    tries = [typed] if expanded == typed else [typed, expanded]
    attribute_words = words(" ".join(attributes))
    return max(
        _score_with_attributes(tried, words(each), attribute_words, strict=each is not name)
        for tried in tries
        for each in (name, *aliases)
    )


def _strict_word_score(typed: str, candidates: list[str]) -> float:
    """Other names and the equipment are read as written (a whole word, or the start of one
    from 3 letters): a typo of "press" is not "RFESS", "sl" is not "SLDL", "cable" is not
    "table"."""
    if any(typed == word or (len(typed) >= 3 and word.startswith(typed)) for word in candidates):
        return 1.0
    return 0.0


def _score_with_attributes(
    typed: list[str], name_words: list[str], attribute_words: list[str], *, strict: bool
) -> float:
    total, named = 0.0, 0
    for word in typed:
        in_name = (_strict_word_score if strict else _word_score)(word, name_words)
        in_attributes = _strict_word_score(word, attribute_words)
        if in_name >= MIN_WORD_SCORE and in_name >= in_attributes * ATTRIBUTE_WEIGHT:
            total, named = total + in_name, named + 1
        elif in_attributes >= MIN_WORD_SCORE:
            total += in_attributes * ATTRIBUTE_WEIGHT
        else:
            return 0.0
    if named == 0:
        return 0.0
    coverage = named / max(len(name_words), named)
    return total / len(typed) * 0.9 + coverage * 0.1


def rank(query: str, names: list[str]) -> list[int]:
    """Indices of ``names`` that match ``query``, best first (stable for ties)."""
    scored = [(match_score(query, n), i) for i, n in enumerate(names)]
    return [i for score, i in sorted(scored, key=lambda p: (-p[0], p[1])) if score > 0]
