"""Two people editing the same set: the second save finds the set changed since it was
loaded and is refused with both values, so the person chooses (keep mine / take theirs)
instead of one edit silently overwriting the other. A deletion is the same question: the
set was changed since it was shown, so deleting it now would drop the other edit unseen."""

from __future__ import annotations

from evenside.domain.errors import EvensideError
from evenside.domain.training import SetRecord


def describe(record: SetRecord) -> str:
    """``L 22.5 kg x 8 (RPE 8, working)``: the values a person compares (kilograms)."""
    parts = [record.side.value.upper()[0] if record.side.value != "both" else "both"]
    if record.weight_kg is not None:
        parts.append(f"{record.weight_kg:g} kg")
    if record.reps is not None:
        parts.append(f"x {record.reps}")
    if record.duration_seconds is not None:
        parts.append(f"{record.duration_seconds} s")
    extra = [f"RPE {record.rpe:g}"] if record.rpe is not None else []
    extra.append(record.kind.value)
    return " ".join(parts) + f" ({', '.join(extra)})"


class EditConflict(EvensideError):
    """The set was changed by someone else after this editor loaded it. ``mine`` is the
    edit (None: this editor was deleting the set); ``theirs`` None: deleted elsewhere."""

    def __init__(self, set_id: int, mine: SetRecord | None, theirs: SetRecord | None) -> None:
        self.set_id, self.mine, self.theirs = set_id, mine, theirs
        yours = "delete it" if mine is None else describe(mine)
        if theirs is None:
            text = f"This set was deleted elsewhere; your edit ({yours}) was not saved."
        else:
            text = (
                "This set was changed elsewhere since you opened it. "
                f"Yours: {yours}. Theirs: {describe(theirs)}."
            )
        super().__init__(text)
