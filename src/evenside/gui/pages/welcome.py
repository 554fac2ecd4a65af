"""First start on an empty database: create the first profile, or open the demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.gui.style import ERROR_STYLE
from evenside.gui.widgets.profile_fields import ProfileFields
from evenside.services import profiles
from evenside.services.store import Store


class WelcomePage(QWidget):
    profile_created = Signal(object)  # Profile
    demo_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        title = QLabel("<h1>Welcome to Evenside</h1>")
        intro = QLabel(
            "Evenside logs every one-sided set per side, starts each exercise with your "
            "weaker side, and holds the stronger side to the weaker side's volume: a set "
            "that would take it past is refused, unless you choose to log it anyway (a "
            "notice instead is a choice in Settings). It reminds you to stretch right after "
            "each exercise. Start with a profile:"
        )
        self.intro = intro
        intro.setWordWrap(True)
        self.fields = ProfileFields()
        # The fields by the names the window and the tests reach them.
        self.name = self.fields.name
        self.dominant_right, self.dominant_left = (
            self.fields.dominant_right,
            self.fields.dominant_left,
        )
        self.kg, self.lb = self.fields.kg, self.fields.lb
        hint = QLabel(
            "Your dominant side is the hand you write with. Until you have logged a few "
            "sessions, Evenside starts each one-sided exercise with the other side."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.create_button = QPushButton("&Create profile")
        self.create_button.setDefault(True)
        self.demo_button = QPushButton("Open the &demo data instead")
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        self._lay_out(title, intro, self.fields, hint, buttons)

        self.create_button.clicked.connect(self.create_profile)
        self.demo_button.clicked.connect(self.demo_requested)

    def _lay_out(
        self, title: QLabel, intro: QLabel, form: QWidget, hint: QLabel, buttons: QHBoxLayout
    ) -> None:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(580)  # a fixed width lets wrapped text get its full height
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addWidget(form)
        inner.addWidget(hint)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        # Word-wrapped labels report their height only for a given width; ask for it at the
        # card's fixed width so the outer layout cannot squash the form.
        card.setMinimumHeight(inner.totalHeightForWidth(card.width()) + 24)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter anywhere on the form creates the profile, as a dialog's default button
        would: after Alt+L or Alt+B the focus is on a radio button, which ignores Enter."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            (self.demo_button.click if self.demo_button.hasFocus() else self.create_profile)()
            return
        super().keyPressEvent(event)

    def create_profile(self) -> None:
        try:
            profile: Profile = profiles.create_profile(
                self.store, self.name.text(), self.fields.dominant(), self.fields.unit()
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.name.setFocus()
            return
        self.error.hide()
        self.profile_created.emit(profile)
