"""File → Sets not sent…: the sets logged on this laptop that the studio server refused
for good (their exercise was removed from the session on another laptop). They are kept
here, never deleted: listed with their values and why, and "Put back into the session"
adds each exercise to the session again and sends its sets there."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.profile import Profile
from evenside.domain.units import format_weight
from evenside.gui.style import ERROR_STYLE
from evenside.services import studio_link, sync, workout
from evenside.services.store import Store

INTRO = (
    "These sets were logged on this laptop, but the server would not take them. They are "
    "kept here until they are put back into the session."
)
NONE_KEPT = "No sets are waiting here: every set logged on this laptop reached the server."
PUT_BACK = "Put back into the session"


def describe(kept: sync.SetAside, profile: Profile) -> str:
    """One set as the trainer re-enters it: "L 30 kg × 4 at 18:05"."""
    record = kept.queued.record
    if record.weight_kg:
        amount = f"{format_weight(record.weight_kg, profile.unit)} × {record.reps}"
    elif record.duration_seconds is not None:
        amount = f"{record.duration_seconds} s"
    else:
        amount = f"{record.reps} reps"
    when = f" at {record.logged_at:%H:%M}" if record.logged_at else ""
    return f"{record.side.letter} {amount}{when}"


class NotSentDialog(QDialog):
    def __init__(self, store: Store, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sets not sent")
        self.setMinimumWidth(480)
        self.store, self.profile = store, profile
        self.outbox = studio_link.outbox_for(store, profile.id)
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.listing.setAccessibleName("Sets not sent")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.put_back = self.buttons.addButton(PUT_BACK, QDialogButtonBox.ButtonRole.ActionRole)
        self.put_back.clicked.connect(self.put_them_back)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.listing)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.show_kept()

    def show_kept(self) -> None:
        kept = self.outbox.aside() if self.outbox is not None else []
        self.put_back.setEnabled(bool(kept))
        if not kept:
            self.listing.setText(NONE_KEPT)
            return
        assert self.outbox is not None
        parts = [INTRO]
        for group in sync.not_sent(self.outbox):
            sets = "<br>".join(describe(k, self.profile) for k in group.sets)
            parts.append(f"<b>{group.words}</b><br>{sets}")
        self.listing.setText("<p>" + "</p><p>".join(parts) + "</p>")

    def put_them_back(self) -> None:
        session = workout.active_session(self.store, self.profile.id)
        if session is None:
            self.error.setText("Start a session first: the sets are put back into it.")
            return
        assert self.outbox is not None
        try:
            put = sync.put_back(self.store, self.outbox, session.id)
        except EvensideError as exc:
            self.error.setText(f"Not put back: {exc}")
            return
        self.error.setText(f"Put back into the session: {put} sets." if put else "")
        self.show_kept()
        parent = self.parent()
        hub = getattr(parent, "hub", None)
        if hub is not None:
            hub.publish(Changes(sets=True, exercises=True), self)
