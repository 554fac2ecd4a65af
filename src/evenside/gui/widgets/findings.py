"""The balance checker's findings beside a routine, each with an Apply fix button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from evenside.domain.balance_check import Finding


class FindingsPanel(QScrollArea):
    """The balance checker's findings, each with its Fix button."""

    fix_requested = Signal(object)  # Finding
    fix_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(230)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.box = QVBoxLayout(self.inner)
        self.setWidget(self.inner)
        self.buttons: list[QPushButton] = []
        self.fix_all_button = QPushButton("Fix &all")
        self.fix_all_button.setToolTip(
            "Apply, one at a time, every fix that adds no finding, until none is left"
        )
        self.fix_all_button.clicked.connect(self.fix_all_requested.emit)

    def show_findings(self, findings: list[Finding], unmet: tuple[str, ...] = ()) -> None:
        while (item := self.box.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                if widget is self.fix_all_button:
                    continue
                widget.hide()  # gone from the screen now; deleted when Qt gets round to it
                widget.deleteLater()
        self.buttons = []
        count = f"{len(findings) or 'no'} finding{'s' if len(findings) != 1 else ''}"
        title = QLabel(f"<b>Balance check</b> · {count}")
        self.box.addWidget(title)
        self.fix_all_button.setEnabled(any(f.fix is not None for f in findings))
        self.fix_all_button.setVisible(bool(findings))
        self.box.addWidget(self.fix_all_button, 0, Qt.AlignmentFlag.AlignLeft)
        if not findings:
            ok = QLabel(
                "Opposing groups are even, every group is worked from more than one angle, "
                "asymmetric groups have one-sided work and there is contralateral work."
            )
            ok.setWordWrap(True)
            self.box.addWidget(ok)
        for finding in findings:
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            layout = QVBoxLayout(card)
            text = QLabel(finding.message)
            text.setWordWrap(True)
            layout.addWidget(text)
            fix = QLabel(f"<i>Fix: {finding.fix_text}</i>" if finding.fix else finding.fix_text)
            fix.setWordWrap(True)
            layout.addWidget(fix)
            button = QPushButton("Apply fix…")
            button.setEnabled(finding.fix is not None)
            button.setToolTip(finding.fix_text)
            button.clicked.connect(lambda _=False, f=finding: self.fix_requested.emit(f))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.buttons.append(button)
            self.box.addWidget(card)
        if unmet:
            heading = QLabel("<b>Not met when generated</b>")
            self.box.addWidget(heading)
            for reason in unmet:
                line = QLabel(f"• {reason}")
                line.setWordWrap(True)
                self.box.addWidget(line)
        self.box.addStretch(1)
        QTimer.singleShot(0, self._fit_labels)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_labels)

    def _fit_labels(self) -> None:
        """Give each wrapped label the height its text needs at its width, so a long list
        scrolls instead of squeezing the cards flat."""
        for label in self.inner.findChildren(QLabel):
            if label.wordWrap() and label.isVisible():
                label.setMinimumHeight(label.heightForWidth(max(1, label.width())))
