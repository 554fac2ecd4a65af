"""The set was changed elsewhere while it was being edited or deleted: both values, and a
choice (Keep mine / Take theirs). Nothing is overwritten until the person chooses.

``write_checked`` is the one path every set editor (the Session page's table, History's
session editor) saves or deletes through: the write is made over the values the editor
showed, and a conflict opens the question here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from evenside.domain.changes import Changes
from evenside.domain.conflicts import EditConflict
from evenside.domain.errors import EvensideError
from evenside.domain.training import SetRecord

KEEP_MINE = "&Keep mine"
TAKE_THEIRS = "&Take theirs"
TAKEN = "Their values are kept; your edit was dropped."
TAKEN_DELETE = "Their values are kept; the set was not deleted."
CHECKED = Changes(sets=True)  # what a refusal or "take theirs" publishes: look again


def ask(
    parent: QWidget,
    conflict: EditConflict,
    keep_mine: Callable[[], None],
    take_theirs: Callable[[], None],
) -> QMessageBox:
    """Open the question (window-modal) and call the chosen answer."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Set changed elsewhere", str(conflict), parent=parent
    )
    box.setObjectName("editConflict")
    theirs = box.addButton(TAKE_THEIRS, QMessageBox.ButtonRole.RejectRole)
    if conflict.theirs is not None:
        mine = box.addButton(KEEP_MINE, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(mine)
        box.setInformativeText(
            "Keep mine deletes the set; take theirs keeps it with their values."
            if conflict.mine is None
            else "Keep mine saves your values over theirs; take theirs drops your edit."
        )
    else:
        theirs.setText("&OK")

    def chosen(button: QAbstractButton) -> None:
        (keep_mine if button is not theirs else take_theirs)()

    box.buttonClicked.connect(chosen)
    box.open()
    return box


def write_checked(
    parent: QWidget,
    write: Callable[[SetRecord], Changes],
    shown: SetRecord,
    say: Callable[[str], None],
    settled: Callable[[Changes], None],
    *,
    done: str = "",
    refused: str = "Not saved",
) -> None:
    """``write(shown)``: the edit or deletion made only over the values the editor showed.
    When the set was changed elsewhere, ``say`` tells the editor and the question opens;
    "Keep mine" writes again over their values (asking again if they changed yet again),
    "Take theirs" drops the change. ``settled`` gets what changed after a write, a refusal
    or a choice, so the editor shows what is stored now; ``done`` is said after a write."""
    try:
        changes = write(shown)
    except EditConflict as conflict:
        say(f"{refused} yet: {conflict}")
        theirs, deleting = conflict.theirs, conflict.mine is None

        def keep_mine() -> None:
            assert theirs is not None
            write_checked(parent, write, theirs, say, settled, done=done, refused=refused)

        def take_theirs() -> None:
            if theirs is None:
                say("The set was deleted elsewhere; your edit was dropped.")
            else:
                say(TAKEN_DELETE if deleting else TAKEN)
            settled(CHECKED)

        ask(parent, conflict, keep_mine, take_theirs)
        return
    except EvensideError as exc:
        say(f"{refused}: {exc}")
        settled(CHECKED)
        return
    say(done)
    settled(changes)
