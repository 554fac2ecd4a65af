"""Where an exercise name from another app goes: conservative by rule.

A source name maps to an exercise only when three things agree: the movement (the words of
the name once equipment and side words are set aside), the equipment and the laterality.
Laterality is read only from explicit markers ("single arm", "one leg", "unilateral",
"(Left)", "einarmig", "un bras"...). FitNotes' "(Each Side)" means one side at a time only
on dumbbell, cable and kettlebell names; on a barbell or plate-loaded name it means the
plates on each side of the bar, so the lift stays two-sided. Anything less than full
agreement becomes a custom exercise named as in the source, and the reason is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from evenside.domain.library import Exercise, Laterality, LoadBasis

# Checked in this order: "smith machine" before "machine", "ez bar" before "barbell".
_EQUIPMENT_WORDS: tuple[tuple[str, str], ...] = (
    ("smith", r"smith(?:\s*machine)?|multipresse"),
    ("ez bar", r"ez[\s-]*(?:curl[\s-]*)?bar|sz[\s-]*stange"),
    ("trap bar", r"trap[\s-]*bar|hex[\s-]*bar"),
    ("kettlebell", r"kettlebells?|kugelhantel"),
    ("dumbbell", r"dumbbells?|db|kurzhantel|halt[eè]res?"),
    ("barbell", r"barbell|bb|langhantel|barre"),
    ("cable", r"cables?|kabel(?:zug)?|poulie|câble|cable[\s-]*machine"),
    ("band", r"bands?|resistance[\s-]*band|élastique"),
    ("machine", r"machine|maschine|leg press machine|plate[\s-]*loaded|lever"),
    ("bodyweight", r"bodyweight|body[\s-]*weight|körpergewicht|poids[\s-]*du[\s-]*corps"),
)
_EQUIPMENT_RES = tuple(
    (name, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)) for name, words in _EQUIPMENT_WORDS
)

_ONE_SIDED = re.compile(
    r"(?<!\w)(?:single|one|1)[\s-]*(?:arm|leg|hand|sided?)(?!\w)|(?<!\w)unilateral(?!\w)|"
    r"(?<!\w)einarmig\w*|(?<!\w)einbeinig\w*|(?<!\w)unilat[ée]ral\w*|(?<!\w)un[\s-]+bras(?!\w)|"
    r"(?<!\w)une[\s-]+jambe(?!\w)|(?<!\w)(?:left|right|links|rechts|gauche|droite)(?!\w)",
    re.I,
)
_EACH_SIDE = re.compile(
    r"\(?\s*each\s+side\s*\)?|\(?\s*jede\s+seite\s*\)?|\(?\s*chaque\s+c[oô]t[ée]\s*\)?", re.I
)
_EACH_SIDE_ONE_SIDED = frozenset({"dumbbell", "cable", "kettlebell"})
# Movements that are one leg at a time by what they are, whatever the file adds: a split
# squat or a lunge has a front leg. Their name is the explicit marker.
_ONE_LEG_MOVEMENTS = re.compile(
    r"(?<!\w)(?:bulgarian|split[\s-]*squats?|lunges?|step[\s-]*ups?|pistol|cossack|curtsy|"
    r"ausfallschritt\w*|fentes?)(?!\w)",
    re.I,
)
# What other apps call a lift by its plainest name: a barbell squat is the back squat.
_PLAIN_NAMES = {(frozenset({"squat"}), "barbell"): frozenset({"back", "squat"})}
_NOISE = frozenset({"the", "a", "with", "on", "and", "de", "du", "der", "die", "mit"})
_ALIASES = {"pullup": ("pull", "up"), "pushup": ("push", "up"), "chinup": ("chin", "up")}

# What a library exercise's equipment field names, checked in order.
_FIELD_EQUIPMENT: tuple[tuple[str, str], ...] = (
    ("smith", "smith"),
    ("kettlebell", "kettlebell"),
    ("dumbbell", "dumbbell"),
    ("barbell", "barbell"),
    ("cable", "cable"),
    ("band", "band"),
    ("machine", "machine"),
)


@dataclass(frozen=True)
class NameTraits:
    """What a name says: its movement words, its equipment, whether it is one-sided."""

    movement: frozenset[str]
    equipment: str | None  # None: the name does not say
    one_sided: bool


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _words(text: str) -> frozenset[str]:
    words: list[str] = []
    for raw in re.split(r"[^\w]+", text.replace("'", "")):
        word = raw.strip("_")
        if not word or word in _NOISE or word.isdigit():
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.extend(_ALIASES.get(word, (word,)))
    return frozenset(words)


def name_traits(name: str) -> NameTraits:
    """'Preacher Curl (Barbell)' -> movement {preacher, curl}, barbell, two-sided;
    'Dumbbell Row (Each Side)' -> one-sided; 'Barbell Squat (Each Side)' -> two-sided."""
    text = _fold(" ".join(name.split()))
    named = []
    for label, pattern in _EQUIPMENT_RES:
        if pattern.search(text):
            named.append(label)
            text = pattern.sub(" ", text)
    # Two kinds of equipment in one name ("Barbell curl (Machine)") agree with nothing.
    equipment = None if not named else "+".join(named)
    one_sided = bool(_ONE_SIDED.search(text) or _ONE_LEG_MOVEMENTS.search(text))
    text = _ONE_SIDED.sub(" ", text)
    if _EACH_SIDE.search(text):
        one_sided = one_sided or equipment in _EACH_SIDE_ONE_SIDED
        text = _EACH_SIDE.sub(" ", text)
    movement = _words(text)
    return NameTraits(_PLAIN_NAMES.get((movement, equipment or ""), movement), equipment, one_sided)


def field_equipment(equipment: str) -> str | None:
    """The kind of equipment a library exercise's equipment field names first."""
    lowered = _fold(equipment)
    for label, word in _FIELD_EQUIPMENT:
        if word in lowered:
            return label
    return "bodyweight" if lowered else None


def exercise_traits(exercise: Exercise) -> NameTraits:
    """A library exercise's movement and laterality from its name, its equipment from its
    name or else its equipment field."""
    named = name_traits(exercise.name)
    return NameTraits(
        named.movement,
        named.equipment or field_equipment(exercise.equipment),
        exercise.laterality.per_side,
    )


def agrees(source: NameTraits, exercise: Exercise) -> bool:
    """Movement, equipment and laterality all agree. A source name that names no equipment
    agrees only with an exercise whose name names none either."""
    target = exercise_traits(exercise)
    if source.movement != target.movement or source.one_sided != target.one_sided:
        return False
    if source.equipment is None:
        return name_traits(exercise.name).equipment is None
    return source.equipment == target.equipment


@dataclass(frozen=True)
class NewExercise:
    """A custom exercise to create for a source name nothing agrees with."""

    name: str
    laterality: Laterality
    load_basis: LoadBasis
    equipment: str
    cardio: bool


def new_exercise(name: str, *, one_sided: bool, cardio: bool) -> NewExercise:
    """The custom exercise for ``name``: its equipment and laterality parsed from it."""
    traits = name_traits(name)
    per_side = one_sided or traits.one_sided
    if cardio:
        basis = LoadBasis.TIME
    elif traits.equipment in ("dumbbell", "kettlebell"):
        basis = LoadBasis.PER_HAND
    elif traits.equipment == "bodyweight":
        basis = LoadBasis.BODYWEIGHT_PLUS
    elif per_side and traits.equipment in ("cable", "machine", "band"):
        basis = LoadBasis.PER_SIDE
    else:
        basis = LoadBasis.TOTAL
    return NewExercise(
        name,
        Laterality.UNILATERAL if per_side else Laterality.BILATERAL,
        basis,
        traits.equipment or "",
        cardio,
    )


NO_AGREEMENT = "no library exercise with the same movement, equipment and laterality"
CARDIO_REASON = "cardio or timed work: kept as a cardio exercise, out of strength statistics"


def best_match(
    name: str, candidates: list[Exercise], *, one_sided: bool = False
) -> tuple[Exercise | None, str]:
    """The one exercise ``name`` agrees with, and why; ``(None, reason)`` when none or more
    than one agree. ``candidates`` must already leave out exercises an import created."""
    traits = name_traits(name)
    if one_sided and not traits.one_sided:
        traits = NameTraits(traits.movement, traits.equipment, True)
    found = [e for e in candidates if not e.archived and agrees(traits, e)]
    if len(found) == 1:
        side = "one-sided" if traits.one_sided else "two-sided"
        return found[0], f"same movement, equipment and laterality, {side}"
    if len(found) > 1:
        return None, "more than one library exercise agrees; kept as its own exercise"
    return None, NO_AGREEMENT


@dataclass(frozen=True)
class StoredMapping:
    """A source app's exercise name and where it goes, as remembered for later imports."""

    id: int
    source_app: str
    source_name: str
    exercise_id: int
    exercise_name: str
    reason: str
    decided_by: str  # 'import' or 'user'
    updated_at: datetime
