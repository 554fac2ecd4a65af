"""Exporting what a Progress chart shows as CSV."""

from __future__ import annotations

from pathlib import Path

from evenside.domain.progress import rolling_band
from evenside.domain.units import Unit, from_kg
from evenside.interchange.csv_out import write_csv
from evenside.services.progress import ExerciseProgress

SERIES_HEADER = (
    "date",
    "left",
    "right",
    "left_rolling_mean",
    "right_rolling_mean",
    "asymmetry_percent",
    "weaker_side",
    "within_noise",
)


def series_rows(progress: ExerciseProgress, unit: Unit) -> list[list[str | float | None]]:
    """One row per session: per-side best, rolling means, asymmetry, direction, noise."""
    convert = progress.metric == "e1RM"

    def shown(value: float | None) -> float | None:
        if value is None:
            return None
        return round(from_kg(value, unit) if convert else value, 2)

    left = [p.left for p in progress.points]
    right = [p.right for p in progress.points]
    left_band, right_band = rolling_band(left), rolling_band(right)
    asymmetry = {a.day: a for a in progress.asymmetry}
    rows: list[list[str | float | None]] = []
    for index, point in enumerate(progress.points):
        a = asymmetry.get(point.day)
        rows.append(
            [
                point.day.isoformat(),
                shown(point.left),
                shown(point.right),
                shown(left_band.mean[index]),
                shown(right_band.mean[index]),
                None if a is None else round(a.percent, 2),
                None if a is None or a.weaker is None else a.weaker.value,
                None
                if a is None or a.within_noise is None
                else ("yes" if a.within_noise else "no"),
            ]
        )
    return rows


def export_series(progress: ExerciseProgress, unit: Unit, path: Path) -> int:
    return write_csv(path, SERIES_HEADER, series_rows(progress, unit))
