"""What the sheet renderers share: the page set-up, fonts, and the recorded layout (which
block sits on which page and where; the compact table's write-in boxes in millimetres)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 10.0
RESOLUTION = 300


@dataclass(frozen=True)
class PageSetup:
    paper: str = "a4"
    landscape: bool = False
    style: str = "compact"  # "compact": a table a day per page; "blocks": one exercise per block

    def layout(self) -> QPageLayout:
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(
            QPageSize(PAPERS[self.paper]),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )


@dataclass(frozen=True)
class Placement:
    day: str
    exercise: str
    page: int  # 1-based
    top: float
    bottom: float


@dataclass
class SheetLayout:
    page_height: float
    body_top: float
    body_bottom: float
    pages: int = 0
    blocks: list[Placement] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)  # the compact table's write-in boxes


@dataclass(frozen=True)
class Box:  # a write-in box of the compact table, in mm from the printable area's corner
    page: int
    kind: str  # "sets", "rpe", "date", "notes"
    exercise: str
    side: str  # "left", "right", "both", or "" for date and notes
    week: int
    x: float
    y: float
    width: float
    height: float


class SheetFonts:
    def __init__(self, device: QPagedPaintDevice) -> None:
        self.title = QFont("DejaVu Sans", 13, QFont.Weight.Bold)
        self.day = QFont("DejaVu Sans", 11, QFont.Weight.Bold)
        self.name = QFont("DejaVu Sans", 10, QFont.Weight.Bold)
        self.text = QFont("DejaVu Sans", 8)
        self.bold = QFont("DejaVu Sans", 8, QFont.Weight.Bold)
        self.small = QFont("DejaVu Sans", 7)
        self.device = device

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)
