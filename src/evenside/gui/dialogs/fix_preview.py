"""Before a balance-checker fix is applied: what it changes, which findings it resolves and
which it would add. Apply is offered only when it adds none."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from evenside.domain.balance_fix import FixPreview, refusal


class FixPreviewDialog(QDialog):
    def __init__(self, tried: FixPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tried = tried
        self.setWindowTitle("Apply fix")
        self.setMinimumWidth(420)
        lines = [f"<p><b>Change:</b> {tried.finding.fix_text}</p>"]
        lines.append(
            f"<p>Findings: {len(tried.before_findings)} now, {len(tried.after_findings)} after.</p>"
        )
        if tried.resolved:
            lines.append("<p><b>Resolves</b></p><ul>")
            lines += [f"<li>{f.message}</li>" for f in tried.resolved]
            lines.append("</ul>")
        if tried.added:
            lines.append(f"<p><b>Not applied:</b> {refusal(tried)}.</p>")
        self.text = QLabel("".join(lines))
        self.text.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(tried.acceptable)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
