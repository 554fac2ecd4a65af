"""The set was changed elsewhere while it was being edited: both values, and a choice
(Keep mine / Take theirs). Nothing is overwritten until the person chooses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from evenside.domain.conflicts import EditConflict

KEEP_MINE = "&Keep mine"
TAKE_THEIRS = "&Take theirs"


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
            "Keep mine saves your values over theirs; take theirs drops your edit."
        )
    else:
        theirs.setText("&OK")

    def chosen(button: QAbstractButton) -> None:
        (keep_mine if button is not theirs else take_theirs)()

    box.buttonClicked.connect(chosen)
    box.open()
    return box
