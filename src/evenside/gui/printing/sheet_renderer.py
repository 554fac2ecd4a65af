"""Drawing a routine sheet on any paged device (PDF writer or printer).

Layout comes first and is recorded (which block sits on which page, and where), so tests
can check from the layout that no exercise block is split across pages; painting follows
and knows the page count for "page x of y".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from evenside.domain.sheet import RoutineSheet, SheetDay, SheetExercise
from evenside.domain.sides import Side
from evenside.gui.printing.compact_renderer import CompactPainter
from evenside.gui.printing.sheet_layout import (
    RESOLUTION,
    Box,
    PageSetup,
    Placement,
    SheetFonts,
    SheetLayout,
)

__all__ = [
    "Box",
    "PageSetup",
    "Placement",
    "SheetLayout",
    "SheetPainter",
    "paint_sheet",
    "write_pdf",
]


class SheetPainter:
    """Lays out and paints one sheet on one device."""

    def __init__(self, sheet: RoutineSheet, device: QPagedPaintDevice) -> None:
        self.sheet = sheet
        self.device = device
        self.fonts = SheetFonts(device)
        self.width = float(device.width())
        self.height = float(device.height())
        self.mm = device.logicalDpiX() / 25.4
        self.gap = 2.5 * self.mm
        self.header_height = (
            self._line(self.fonts.title) + self._line(self.fonts.text) + 2 * self.mm
        )
        self.footer_height = 2 * self._line(self.fonts.small) + 2 * self.mm
        self.habits_height = 0.0
        if sheet.footer_habits:  # the checklist wraps over as many lines as it needs
            self.habits_height = self._wrapped(self.fonts.small, sheet.footer_habits, self.width)
            self.footer_height += self.habits_height

    def _line(self, font: QFont) -> float:
        return self.fonts.metrics(font).height() * 1.15

    def _wrapped(self, font: QFont, text: str, width: float) -> float:
        rect = self.fonts.metrics(font).boundingRect(
            QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return rect.height() + 0.6 * self.mm

    # -- layout ---------------------------------------------------------------------------

    def columns(self, block: SheetExercise) -> list[Side]:
        if not block.per_side:
            return [Side.BOTH]
        first = block.start or Side.LEFT
        return [first, first.opposite()]

    def rows(self, block: SheetExercise) -> int:
        return block.sets + block.extra_weak_sets

    def block_height(self, block: SheetExercise) -> float:
        height = self._line(self.fonts.name) + self._line(self.fonts.text)
        if block.lead:
            height += self._wrapped(self.fonts.small, block.lead, self.width)
        height += (2 + self.rows(block)) * self.row_height()
        height += 0.8 * self.mm
        for stretch in block.stretches:
            height += self._line(self.fonts.bold)
            height += self._wrapped(self.fonts.small, stretch.cue, self.width - 6 * self.mm)
        return height + self.gap

    def row_height(self) -> float:
        # Room to write "22.5 x 8" by hand with a pen: at least 6.5 mm.
        return max(self._line(self.fonts.text) * 1.35, 6.5 * self.mm)

    def layout(self) -> SheetLayout:
        body_top = self.header_height
        body_bottom = self.height - self.footer_height
        result = SheetLayout(self.height, body_top, body_bottom)
        page, y = 0, body_bottom + 1  # forces a first page
        for day in self.sheet.days:
            # Each day starts on a fresh page: one page (or more) to carry per training day.
            page, y = page + 1, body_top + self._line(self.fonts.day)
            for block in day.exercises:
                height = self.block_height(block)
                if y + height > body_bottom and y > body_top + self._line(self.fonts.day) + 1:
                    page, y = page + 1, body_top + self._line(self.fonts.day)
                result.blocks.append(Placement(day.name, block.name, page, y, y + height))
                y += height
        result.pages = page
        return result

    # -- painting -------------------------------------------------------------------------

    def paint(self) -> SheetLayout:
        layout = self.layout()
        painter = QPainter(self.device)
        try:
            placements = iter(layout.blocks)
            current_page = 0
            for day in self.sheet.days:
                for block in day.exercises:
                    where = next(placements)
                    while current_page < where.page:
                        if current_page:
                            self.device.newPage()
                        current_page += 1
                        self._page_frame(painter, day, current_page, layout.pages, layout)
                    self._block(painter, block, where.top)
                if not day.exercises:
                    if current_page:
                        self.device.newPage()
                    current_page += 1
                    self._page_frame(painter, day, current_page, layout.pages, layout)
        finally:
            painter.end()
        return layout

    def _page_frame(
        self, painter: QPainter, day: SheetDay, page: int, pages: int, layout: SheetLayout
    ) -> None:
        sheet = self.sheet
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.setFont(self.fonts.title)
        painter.drawText(
            QRectF(0, 0, self.width, self._line(self.fonts.title)), f"{sheet.routine} — {day.name}"
        )
        painter.setFont(self.fonts.text)
        info = (
            f"Profile: {sheet.profile}   ·   Units: {sheet.unit}   ·   "
            f"Printed {sheet.printed_on.isoformat()}   ·   {sheet.weeks} weeks to log"
        )
        painter.drawText(
            QRectF(0, self._line(self.fonts.title), self.width, self._line(self.fonts.text)), info
        )
        painter.drawLine(
            0, int(self.header_height - self.mm), int(self.width), int(self.header_height - self.mm)
        )
        painter.setFont(self.fonts.day)
        painter.drawText(
            QRectF(0, layout.body_top, self.width, self._line(self.fonts.day)), day.name
        )
        top = self.height - self.footer_height + self.mm
        painter.drawLine(0, int(top), int(self.width), int(top))
        painter.setFont(self.fonts.small)
        small = self._line(self.fonts.small)
        painter.drawText(
            QRectF(0, top + 0.5 * self.mm, self.width, small), "Rules: " + sheet.footer_rules
        )
        if self.habits_height:
            painter.drawText(
                QRectF(0, top + 0.5 * self.mm + small, self.width, self.habits_height),
                int(Qt.TextFlag.TextWordWrap),
                sheet.footer_habits,
            )
        painter.drawText(
            QRectF(0, top + 0.5 * self.mm + small + self.habits_height, self.width, small),
            int(Qt.AlignmentFlag.AlignRight),
            f"Page {page} of {pages}",
        )

    def _block(self, painter: QPainter, block: SheetExercise, top: float) -> None:
        y = top
        painter.setFont(self.fonts.name)
        line = self._line(self.fonts.name)
        title = f"{block.name}   ·   {block.target}"
        if block.superset:  # printed together with the rest of its group
            title = f"{block.superset_line}:   {title}"
        painter.drawText(QRectF(0, y, self.width, line), title)
        y += line
        if block.lead:  # the plain sentence leads, as on the screens, then the plan
            painter.setFont(self.fonts.small)
            height = self._wrapped(self.fonts.small, block.lead, self.width)
            painter.drawText(
                QRectF(0, y, self.width, height), int(Qt.TextFlag.TextWordWrap), block.lead
            )
            y += height
        painter.setFont(self.fonts.bold)
        text_line = self._line(self.fonts.text)
        marker = block.start_marker
        marker_width = 0.0
        if marker:
            painter.drawText(QRectF(0, y, self.width, text_line), marker)
            marker_width = (
                self.fonts.metrics(self.fonts.bold).horizontalAdvance(marker) + 4 * self.mm
            )
        painter.setFont(self.fonts.text)
        last = (
            "   ".join(
                f"{'Last' if side is Side.BOTH else 'Last ' + side.letter}: {text}"
                for side, text in sorted(
                    block.last_time.items(),
                    key=lambda kv: kv[0].value != (block.start or Side.LEFT).value,
                )
            )
            or "No earlier session"
        )
        painter.drawText(QRectF(marker_width, y, self.width - marker_width, text_line), last)
        y += text_line
        y = self._grid(painter, block, y) + 0.8 * self.mm
        then = "After the round, stretch" if block.superset else "Then stretch"
        for stretch in block.stretches:
            painter.setFont(self.fonts.bold)
            hold = f"hold {stretch.hold_seconds} s" + (" per side" if stretch.one_sided else "")
            first = block.start or Side.LEFT
            boxes = (
                f"☐ {first.letter}   ☐ {first.opposite().letter}" if stretch.one_sided else "☐ done"
            )
            painter.drawText(
                QRectF(0, y, self.width, self._line(self.fonts.bold)),
                f"{then}: {stretch.name} ({hold})   {boxes}",
            )
            y += self._line(self.fonts.bold)
            painter.setFont(self.fonts.small)
            height = self._wrapped(self.fonts.small, stretch.cue, self.width - 6 * self.mm)
            painter.drawText(
                QRectF(6 * self.mm, y, self.width - 6 * self.mm, height),
                int(Qt.TextFlag.TextWordWrap),
                stretch.cue,
            )
            y += height

    def _grid(self, painter: QPainter, block: SheetExercise, top: float) -> float:
        sides = self.columns(block)
        weeks = self.sheet.weeks
        label_width = 16 * self.mm
        cell = (self.width - label_width) / (weeks * len(sides))
        row = self.row_height()
        grey = QColor(225, 225, 225)
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.15 * self.mm)))
        painter.setFont(self.fonts.bold)
        painter.fillRect(QRectF(0, top, self.width, 2 * row), grey)
        painter.drawText(
            QRectF(0, top, label_width, 2 * row), int(Qt.AlignmentFlag.AlignCenter), "Set"
        )
        for week in range(weeks):
            x = label_width + week * cell * len(sides)
            painter.drawText(
                QRectF(x, top, cell * len(sides), row),
                int(Qt.AlignmentFlag.AlignCenter),
                f"Week {week + 1}",
            )
            for index, side in enumerate(sides):
                label = (
                    ""
                    if side is Side.BOTH
                    else side.letter
                    + (" (first)" if index == 0 and block.per_side and cell > 14 * self.mm else "")
                )
                painter.drawText(
                    QRectF(x + index * cell, top + row, cell, row),
                    int(Qt.AlignmentFlag.AlignCenter),
                    label or "weight, reps",
                )
        self._grid_rows(painter, block, top, label_width, cell)
        total = 2 + self.rows(block)
        self._grid_lines(painter, block, top, label_width, cell)
        painter.setPen(QPen(Qt.GlobalColor.black))
        return top + total * row

    def _grid_rows(
        self, painter: QPainter, block: SheetExercise, top: float, label_width: float, cell: float
    ) -> None:
        """One row per set to do: its number, and a cell per week and side to write in."""
        sides, weeks, row = self.columns(block), self.sheet.weeks, self.row_height()
        grey = QColor(225, 225, 225)
        painter.setFont(self.fonts.small)
        weak = block.start or Side.LEFT
        for number in range(self.rows(block)):
            y = top + (2 + number) * row
            extra = number >= block.sets
            label = f"{number + 1}" if not extra else f"+{number - block.sets + 1} {weak.letter}"
            painter.drawText(
                QRectF(0, y, label_width, row), int(Qt.AlignmentFlag.AlignCenter), label
            )
            for week in range(weeks):
                for index, side in enumerate(sides):
                    x = label_width + (week * len(sides) + index) * cell
                    rect = QRectF(x, y, cell, row)
                    if extra and side is not weak:
                        painter.fillRect(rect, grey)  # the strong side does no extra set
                    else:
                        painter.setPen(QPen(QColor(150, 150, 150)))
                        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "×")
                        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.15 * self.mm)))

    def _grid_lines(
        self, painter: QPainter, block: SheetExercise, top: float, label_width: float, cell: float
    ) -> None:
        """The ruling: thick lines between weeks, thin ones between the sides of a week."""
        sides, weeks, row = self.columns(block), self.sheet.weeks, self.row_height()
        total = 2 + self.rows(block)
        for r in range(total + 1):
            y = top + r * row
            start = label_width if r == 1 else 0.0  # "Set" spans both header rows
            painter.drawLine(int(start), int(y), int(self.width), int(y))
        painter.drawLine(0, int(top), 0, int(top + total * row))
        painter.drawLine(int(label_width), int(top), int(label_width), int(top + total * row))
        for column in range(weeks * len(sides) + 1):
            x = label_width + column * cell
            thick = column % len(sides) == 0
            painter.setPen(
                QPen(Qt.GlobalColor.black, max(1.0, (0.35 if thick else 0.12) * self.mm))
            )
            y0 = top if thick else top + row
            painter.drawLine(int(x), int(y0), int(x), int(top + total * row))


def paint_sheet(sheet: RoutineSheet, device: QPagedPaintDevice, style: str) -> SheetLayout:
    """Paint in the chosen layout: the compact table (default) or one exercise per block."""
    if style == "blocks":
        return SheetPainter(sheet, device).paint()
    return CompactPainter(sheet, device).paint()


def write_pdf(sheet: RoutineSheet, path: Path, setup: PageSetup) -> SheetLayout:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(setup.layout())
    writer.setTitle(f"{sheet.routine} – Evenside routine sheet")
    writer.setCreator("Evenside")
    return paint_sheet(sheet, writer, setup.style)
