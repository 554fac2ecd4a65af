"""The compact routine sheet: a day per page as one table.

Exercises are rows; weeks are column groups with a box per side (weaker side first only when
the verdict says so) or one box for bilateral work; under each box a strip for the RPE and
the stretch tick. A date row heads the table and a notes strip ends it. Write-in boxes are at
least 18 x 9 mm: weeks that do not fit across split onto further pages of the same day, and
the header says which weeks a page carries. Rows are never split across pages.

Every box drawn is recorded in millimetres in the layout, so tests can measure them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter, QPen

from evenside.domain.sheet import RoutineSheet, SheetDay, SheetExercise
from evenside.domain.sides import Side
from evenside.gui.printing.sheet_layout import Box, Placement, SheetFonts, SheetLayout

CELL_MM = 18.0  # one side's write-in box, at least this wide
BOX_MM = 9.0  # and at least this tall
STRIP_MM = 4.5  # RPE and the stretch tick under each box
WEEK_HEAD_MM = 5.0
NOTES_MM = 9.0
MORE_ROOM_MM = 6.0  # the most a row grows when the page has room to spare
LABEL_MIN_MM = 42.0
LABEL_MAX_MM = 80.0
GREY = QColor(120, 120, 120)
SHADE = QColor(232, 232, 232)


@dataclass
class _Page:
    day: SheetDay
    weeks: range
    part: int  # 1-based part of this day
    parts: int
    rows: list[tuple[SheetExercise, float, float]]  # block, top, height


class CompactPainter:
    """Lays out and paints the compact table on one paged device."""

    def __init__(self, sheet: RoutineSheet, device: QPagedPaintDevice) -> None:
        self.sheet, self.device = sheet, device
        self.fonts = SheetFonts(device)
        self.tiny = QFont("DejaVu Sans", 5)
        self.label_font = QFont("DejaVu Sans", 6)
        self.name_font = QFont("DejaVu Sans", 7, QFont.Weight.Bold)
        self.width, self.height = float(device.width()), float(device.height())
        self.mm = device.logicalDpiX() / 25.4
        fit = max(1, int((self.width / self.mm - LABEL_MIN_MM) // (2 * CELL_MM)))
        chunks = math.ceil(sheet.weeks / fit)
        self.per_page = math.ceil(sheet.weeks / chunks)
        room = self.width - 2 * CELL_MM * self.mm * self.per_page
        self.label = min(room, LABEL_MAX_MM * self.mm)
        self.cell = (self.width - self.label) / (2 * self.per_page)
        self.header = self._line(self.fonts.title) + 1.5 * self.mm
        self.header += max(
            (self._wrap(self.fonts.text, self._info(d), self.width) for d in sheet.days),
            default=0.0,
        )
        self.footer = 2 * self._line(self.fonts.small) + 2 * self.mm
        if sheet.footer_habits:
            self.footer += self._wrap(self.fonts.small, sheet.footer_habits, self.width)

    def _info(self, day: SheetDay) -> str:
        """The header's lines under the title: who and when, how to fill in, which side."""
        sheet = self.sheet
        return (
            f"Profile: {sheet.profile}  ·  Units: {sheet.unit}  ·  Printed "
            f"{sheet.printed_on.isoformat()}  ·  {sheet.weeks} weeks: date each session; "
            "a box takes load x reps per set (seconds for holds), RPE and stretch tick below.\n"
            + day.asymmetry_summary
        )

    def _line(self, font: QFont) -> float:
        return self.fonts.metrics(font).height() * 1.15

    def _wrap(self, font: QFont, text: str, width: float) -> float:
        rect = self.fonts.metrics(font).boundingRect(
            QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return rect.height() + 0.3 * self.mm

    # -- layout ---------------------------------------------------------------------------

    def label_lines(self, block: SheetExercise) -> list[tuple[QFont, str]]:
        """What the row's first column says: name, target, the weak side's plan, stretch."""
        lines = [(self.name_font, block.name), (self.label_font, block.target)]
        if block.superset:  # printed together with the rest of its group
            lines.insert(0, (self.label_font, block.superset_line))
        if block.plan:
            lines.append((self.label_font, block.plan))
        stretches = "; ".join(
            f"{stretch.name}, {stretch.hold_seconds} s"
            + (" each side" if stretch.one_sided else "")
            for stretch in block.stretches
        )
        if stretches:  # one compact line; the ticks are under each week's boxes
            said = "Stretch after the round: " if block.superset else "Stretch: "
            lines.append((self.label_font, said + stretches))
        return lines

    def row_height(self, block: SheetExercise) -> float:
        width = self.label - 1.5 * self.mm
        text = sum(self._wrap(font, line, width) for font, line in self.label_lines(block))
        return max((BOX_MM + STRIP_MM) * self.mm, text + 1.0 * self.mm)

    def table_top(self) -> float:
        return self.header + (WEEK_HEAD_MM + BOX_MM) * self.mm

    def table_bottom(self) -> float:
        return self.height - self.footer - (NOTES_MM + 1.0) * self.mm

    def _day_parts(self, day: SheetDay) -> list[list[tuple[SheetExercise, float, float]]]:
        """The day's rows split into pages that each hold whole rows."""
        parts: list[list[tuple[SheetExercise, float, float]]] = [[]]
        y = self.table_top()
        for block in day.exercises:
            height = self.row_height(block)
            if y + height > self.table_bottom() and parts[-1]:
                parts.append([])
                y = self.table_top()
            parts[-1].append((block, y, height))
            y += height
        return [self._spread(rows) for rows in parts]

    def _spread(
        self, rows: list[tuple[SheetExercise, float, float]]
    ) -> list[tuple[SheetExercise, float, float]]:
        """Room left on the page makes the boxes taller (up to 6 mm more): more to write in."""
        if not rows:
            return rows
        spare = self.table_bottom() - (rows[-1][1] + rows[-1][2])
        extra = min(spare / len(rows), MORE_ROOM_MM * self.mm)
        y, spread = self.table_top(), []
        for block, _top, height in rows:
            spread.append((block, y, height + extra))
            y += height + extra
        return spread

    def plan_pages(self) -> list[_Page]:
        pages = []
        weeks = self.sheet.weeks
        chunks = [range(s, min(s + self.per_page, weeks)) for s in range(0, weeks, self.per_page)]
        for day in self.sheet.days:
            rows = self._day_parts(day)
            parts = len(rows) * len(chunks)
            for chunk_index, chunk in enumerate(chunks):
                for row_index, part_rows in enumerate(rows):
                    part = chunk_index * len(rows) + row_index + 1
                    pages.append(_Page(day, chunk, part, parts, part_rows))
        return pages

    def layout(self) -> SheetLayout:
        result = SheetLayout(self.height, self.header, self.height - self.footer)
        pages = self.plan_pages()
        result.pages = len(pages)
        for number, page in enumerate(pages, start=1):
            for block, top, height in page.rows:
                result.blocks.append(
                    Placement(page.day.name, block.name, number, top, top + height)
                )
            result.boxes.extend(self._boxes(page, number))
        return result

    def _week_x(self, index: int) -> float:
        return self.label + index * 2 * self.cell

    def _boxes(self, page: _Page, number: int) -> list[Box]:
        """Every write-in box of a page, in millimetres."""
        mm, boxes = self.mm, []

        def box(kind: str, name: str, side: str, week: int, rect: QRectF) -> Box:
            x, y, w, h = rect.x() / mm, rect.y() / mm, rect.width() / mm, rect.height() / mm
            return Box(number, kind, name, side, week + 1, x, y, w, h)

        for index, week in enumerate(page.weeks):
            x = self._week_x(index)
            boxes.append(box("date", "", "", week, self._date_rect(x)))
            boxes.append(box("notes", "", "", week, self._notes_rect(page, x)))
            for block, top, height in page.rows:
                for side, rect, strip in self._cells(block, x, top, height):
                    boxes.append(box("sets", block.name, side.value, week, rect))
                    boxes.append(box("rpe", block.name, side.value, week, strip))
        return boxes

    def _date_rect(self, x: float) -> QRectF:
        top = self.header + WEEK_HEAD_MM * self.mm
        return QRectF(x, top, 2 * self.cell, BOX_MM * self.mm)

    def _notes_rect(self, page: _Page, x: float) -> QRectF:
        top = page.rows[-1][1] + page.rows[-1][2] if page.rows else self.table_top()
        height = max(NOTES_MM * self.mm, self.table_bottom() + NOTES_MM * self.mm - top)
        return QRectF(x, top, 2 * self.cell, height)  # the rest of the table's room

    def _cells(
        self, block: SheetExercise, x: float, top: float, height: float
    ) -> list[tuple[Side, QRectF, QRectF]]:
        """Each side's write-in box and its RPE strip: one across the week for bilateral."""
        sides = block.sides
        width = 2 * self.cell / len(sides)
        box_height = height - STRIP_MM * self.mm
        return [
            (
                side,
                QRectF(x + i * width, top, width, box_height),
                QRectF(x + i * width, top + box_height, width, STRIP_MM * self.mm),
            )
            for i, side in enumerate(sides)
        ]

    # -- painting -------------------------------------------------------------------------

    def paint(self) -> SheetLayout:
        layout = self.layout()
        painter = QPainter(self.device)
        try:
            for number, page in enumerate(self.plan_pages(), start=1):
                if number > 1:
                    self.device.newPage()
                self._frame(painter, page, number, layout.pages)
                self._table(painter, page)
        finally:
            painter.end()
        return layout

    def _frame(self, painter: QPainter, page: _Page, number: int, pages: int) -> None:
        sheet, weeks = self.sheet, page.weeks
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.setFont(self.fonts.title)
        title = f"{sheet.routine} — {page.day.name}"
        if page.parts > 1:
            title += f"   (weeks {weeks.start + 1}–{weeks.stop}, part {page.part} of {page.parts})"
        y = self._line(self.fonts.title)
        painter.drawText(QRectF(0, 0, self.width, y), title)
        painter.setFont(self.fonts.text)
        info = self._info(page.day)
        height = self._wrap(self.fonts.text, info, self.width)
        painter.drawText(QRectF(0, y, self.width, height), int(Qt.TextFlag.TextWordWrap), info)
        self._footer(painter, number, pages)

    def _footer(self, painter: QPainter, number: int, pages: int) -> None:
        top = self.height - self.footer + self.mm
        small = self._line(self.fonts.small)
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawLine(0, int(top), int(self.width), int(top))
        painter.setFont(self.fonts.small)
        y = top + 0.5 * self.mm
        painter.drawText(QRectF(0, y, self.width, small), "Rules: " + self.sheet.footer_rules)
        y += small
        if self.sheet.footer_habits:
            height = self._wrap(self.fonts.small, self.sheet.footer_habits, self.width)
            flags = int(Qt.TextFlag.TextWordWrap)
            painter.drawText(QRectF(0, y, self.width, height), flags, self.sheet.footer_habits)
            y += height
        right = int(Qt.AlignmentFlag.AlignRight)
        painter.drawText(QRectF(0, y, self.width, small), right, f"Page {number} of {pages}")

    def _table(self, painter: QPainter, page: _Page) -> None:
        thin = QPen(Qt.GlobalColor.black, max(1.0, 0.12 * self.mm))
        head = QRectF(0, self.header, self.width, WEEK_HEAD_MM * self.mm)
        painter.fillRect(head, SHADE)
        painter.setPen(thin)
        painter.setFont(self.fonts.bold)
        centre = int(Qt.AlignmentFlag.AlignCenter)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(head.adjusted(self.mm, 0, 0, 0), left, "Exercise")
        date_label = QRectF(self.mm, head.bottom(), self.label, BOX_MM * self.mm)
        painter.drawText(date_label, left, "Date")
        for index, week in enumerate(page.weeks):
            x = self._week_x(index)
            rect = QRectF(x, head.top(), 2 * self.cell, head.height())
            painter.setFont(self.fonts.bold)
            painter.drawText(rect, centre, f"Week {week + 1}")
            painter.drawRect(rect)
            painter.drawRect(self._date_rect(x))
            notes = self._notes_rect(page, x)
            painter.drawRect(notes)
        for block, top, height in page.rows:
            self._row(painter, page, block, top, height)
        notes = self._notes_rect(page, 0)
        painter.setFont(self.fonts.bold)
        notes_label = QRectF(self.mm, notes.top(), self.label, NOTES_MM * self.mm)
        painter.drawText(notes_label, left, "Notes")
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.35 * self.mm)))
        painter.drawRect(QRectF(0, self.header, self.width, notes.bottom() - self.header))
        for index in range(len(page.weeks)):
            x = self._week_x(index)
            painter.drawLine(int(x), int(self.header), int(x), int(notes.bottom()))

    def _row(
        self, painter: QPainter, page: _Page, block: SheetExercise, top: float, height: float
    ) -> None:
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.12 * self.mm)))
        painter.drawLine(0, int(top), int(self.width), int(top))
        y, width = top + 0.5 * self.mm, self.label - 1.5 * self.mm
        for font, line in self.label_lines(block):
            painter.setFont(font)
            h = self._wrap(font, line, width)
            painter.drawText(QRectF(self.mm, y, width, h), int(Qt.TextFlag.TextWordWrap), line)
            y += h
        for index in range(len(page.weeks)):
            for side, rect, strip in self._cells(block, self._week_x(index), top, height):
                self._cell(painter, block, side, rect, strip)

    def _cell(
        self, painter: QPainter, block: SheetExercise, side: Side, rect: QRectF, strip: QRectF
    ) -> None:
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.12 * self.mm)))
        painter.drawRect(rect)
        painter.drawRect(strip)
        inset = rect.adjusted(0.6 * self.mm, 0.3 * self.mm, -0.6 * self.mm, -0.3 * self.mm)
        top_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if side is not Side.BOTH:
            painter.setFont(self.fonts.bold)
            painter.drawText(inset, top_left, side.letter)
        painter.setFont(self.tiny)
        painter.setPen(QPen(GREY))
        if block.extra_side is side:
            extra = block.extra_weak_sets
            painter.drawText(
                inset,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                f"+{extra} set" + ("s" if extra > 1 else ""),
            )
        hint = "s" if block.timed else "x reps"
        bottom_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        painter.drawText(inset, bottom_right, hint)
        strip_in = strip.adjusted(0.6 * self.mm, 0, -0.6 * self.mm, 0)
        middle_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(strip_in, middle_left, "RPE")
        if block.stretches:
            one_sided = any(s.one_sided for s in block.stretches)
            ticks = "☐L ☐R" if side is Side.BOTH and one_sided else "☐"
            middle_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(strip_in, middle_right, ticks)
        painter.setPen(QPen(Qt.GlobalColor.black))
