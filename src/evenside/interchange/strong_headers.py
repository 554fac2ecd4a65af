"""What a Strong header says: its columns in English, German or French, which of Strong's
layouts it is, and the units it names (in the header, per row, or nowhere)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.domain.units import Unit


def key(text: str) -> str:
    """A header or marker folded for lookup: 'Name der Übung' -> 'name der ubung',
    'Wiederh.' -> 'wiederh'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = folded.lower().replace("-", " ").replace("'", " ").replace("’", " ")
    return " ".join(cleaned.replace(".", " ").replace("_", " ").split())


# column -> {language: names}; English names are also what the newest layouts use
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "workout_number": {"en": ("workout #", "workout number"), "de": ("workout nr", "workout #")},
    "date": {"en": ("date",), "de": ("datum",), "fr": ("date",)},
    "workout": {
        "en": ("workout name",),
        "de": ("workout name", "trainingsname"),
        "fr": ("nom de l entrainement", "nom de la seance"),
    },
    "duration": {"en": ("duration", "duration (sec)"), "de": ("dauer",), "fr": ("duree",)},
    "exercise": {
        "en": ("exercise name",),
        "de": ("name der ubung", "ubungsname", "ubung"),
        "fr": ("nom de l exercice", "exercice"),
    },
    "set_order": {
        "en": ("set order",),
        "de": ("reihenfolge festlegen", "satz reihenfolge", "satzreihenfolge", "reihenfolge"),
        "fr": ("ordre de la serie", "ordre des series", "ordre"),
    },
    "weight": {
        "en": ("weight", "weight (kg)", "weight (lbs)", "weight (lb)"),
        "de": ("gewicht", "gewicht (kg)", "gewicht (lbs)"),
        "fr": ("poids", "poids (kg)", "poids (lbs)"),
    },
    "weight_unit": {"en": ("weight unit",), "de": ("gewichtseinheit",), "fr": ("unite de poids",)},
    "reps": {
        "en": ("reps",),
        "de": ("wiederh", "wiederholungen", "wdh"),
        "fr": ("reps", "repetitions", "rep"),
    },
    "distance": {
        "en": ("distance", "distance (meters)", "distance (km)", "distance (mi)"),
        "de": ("entfernung", "distanz", "strecke"),
        "fr": ("distance",),
    },
    "distance_unit": {
        "en": ("distance unit",),
        "de": ("entfernungseinheit", "distanzeinheit"),
        "fr": ("unite de distance",),
    },
    "seconds": {"en": ("seconds",), "de": ("sekunden",), "fr": ("secondes",)},
    "notes": {"en": ("notes",), "de": ("notizen",), "fr": ("notes",)},
    "workout_notes": {
        "en": ("workout notes",),
        "de": ("workout notizen", "trainingsnotizen"),
        "fr": ("notes de l entrainement", "notes de la seance"),
    },
    "rpe": {"en": ("rpe",), "de": ("rpe",), "fr": ("rpe",)},
}
LOOKUP = {
    key(name): canonical
    for canonical, languages in SYNONYMS.items()
    for names in languages.values()
    for name in names
}
ENGLISH = {key(n) for names in SYNONYMS.values() for n in names.get("en", ())}
GERMAN = {key(n) for names in SYNONYMS.values() for n in names.get("de", ())} - ENGLISH
FRENCH = {key(n) for names in SYNONYMS.values() for n in names.get("fr", ())} - ENGLISH
LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French"}

WARM_UP = {"w", "warm up", "warmup", "aufwarmen", "echauffement"}
DROP = {"d", "drop", "dropset", "drop set"}
FAILURE = {"f", "failure", "versagen", "echec"}
REST = {"rest timer", "rest", "ruhezeit", "pause", "temps de repos", "minuteur de repos", "repos"}
NOTE = {"note", "notiz", "notes", "remarque"}

DISTANCE_UNITS = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "miles": 1609.344, "mile": 1609.344}


def columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        canonical = LOOKUP.get(key(name))
        if canonical and canonical not in found:
            found[canonical] = index
    return found


def looks_like(header: list[str]) -> bool:
    return {"date", "exercise", "set_order"} <= set(columns(header))


def language(header: list[str]) -> str:
    keys = {key(name) for name in header}
    if keys & GERMAN:
        return "de"
    if keys & FRENCH:
        return "fr"
    return "en"


def header_unit(header: list[str]) -> Unit | None:
    for name in header:
        folded = key(name)
        if folded.startswith(("weight (", "gewicht (", "poids (")):
            return Unit.LB if "lb" in folded else Unit.KG
    return None


def header_distance(header: list[str]) -> float | None:
    """Metres per distance unit a header names ('Distance (meters)'), or None."""
    for name in header:
        folded = key(name)
        if folded.startswith(("distance (", "entfernung (", "distanz (")):
            return 1.0 if "met" in folded else (1000.0 if "km" in folded else 1609.344)
    return None


@dataclass(frozen=True)
class Layout:
    """What the header says about every row: the columns, where the weight and distance
    units come from (the header, a column per row, or the user's choice), and a name for
    the layout that detection recognised."""

    header: list[str]
    columns: dict[str, int]
    fixed_unit: Unit | None
    chosen_unit: Unit | None
    metres_per_distance: float  # for a distance with no unit of its own
    description: str

    @property
    def has_unit_column(self) -> bool:
        return "weight_unit" in self.columns

    @property
    def unit_note(self) -> str:
        notes = []
        if not self.fixed_unit and not self.has_unit_column:
            unit = self.chosen_unit or Unit.KG
            notes.append(f"weights read as {unit.value}")
        if "distance" in self.columns and "distance_unit" not in self.columns:
            if self.metres_per_distance == 1000.0:
                notes.append("distances read as km")
            elif self.metres_per_distance > 1000.0:
                notes.append("distances read as miles")
        return "; ".join(notes)


def layout(header: list[str], unit: Unit | None, delimiter: str) -> Layout:
    """The file's layout; ``InvalidInput`` on line 1 when the header is not Strong's, or
    when nothing in it says kg or lb and no unit was chosen."""
    if not looks_like(header):
        shown = delimiter.join(header)[:80]
        raise InvalidInput(
            "Line 1: this is not a Strong header (it needs the date, exercise name and set "
            f'order columns, in English, German or French; found "{shown}"). '
            "Nothing was imported.",
            "format",
        )
    found = columns(header)
    fixed_unit = header_unit(header)
    if fixed_unit is None and "weight_unit" not in found and unit is None:
        raise InvalidInput(
            "This Strong export does not say kg or lb: choose the unit (--unit kg or --unit lb).",
            "unit",
        )
    per = header_distance(header) or (1609.344 if (fixed_unit or unit) is Unit.LB else 1000.0)
    return Layout(header, found, fixed_unit, unit, per, _describe(header, found, delimiter))


def _describe(header: list[str], found: dict[str, int], delimiter: str) -> str:
    words = [f"Strong, {LANGUAGE_NAMES[language(header)]} headers"]
    if delimiter == ";":
        words.append("semicolon-separated")
    if "workout_number" in found or header_unit(header):
        words.append("units in the header (Workout #, Duration in seconds)")
    elif "weight_unit" in found:
        words.append("a unit on every row")
    elif "duration" not in found:
        words.append("oldest layout (no Duration, no RPE)")
    elif "notes" not in found:
        words.append("newest layout (no Notes columns)")
    else:
        words.append("Duration and RPE layout")
    return ", ".join(words)
