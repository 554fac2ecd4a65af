"""Peak memory of an import against the size of the file imported.

    python bench/import_memory.py --rows 1000000     # prints file size, peak, ratio

The import runs in a fresh ``python`` process (a child forked from a big parent would
report the parent's memory): its peak resident size after the import, less its peak before
(interpreter, SQLAlchemy, an open database), is what the import itself cost.
``traced_import`` measures the same in this process with tracemalloc (the test uses it).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
EXERCISES = ("Squat (Barbell)", "Bench Press (Barbell)", "Bent Over Row (Barbell)",
             "Bulgarian Split Squat (Left)", "Bulgarian Split Squat (Right)",
             "Lateral Raise (Dumbbell)", "Romanian Deadlift (Barbell)", "Pull Up")  # fmt: skip


def write_strong_export(path: Path, rows: int) -> int:
    """A Strong export (newest layout) of ``rows`` sets: 24 a workout, 4 per exercise,
    weights in float noise the way Strong writes them. Returns the file's size in bytes."""
    first = datetime(2012, 1, 2, 7, 30)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for i in range(rows):
            workout, in_workout = divmod(i, 24)
            started = first + timedelta(days=workout, minutes=workout % 7)
            date = started.strftime("%Y-%m-%d %H:%M:%S")
            exercise = EXERCISES[(workout + in_workout // 4) % len(EXERCISES)]
            weight = f"{40 + (i * 7) % 90}.{i % 10}" if i % 3 else "62.49999999999999"
            order = "W" if in_workout % 4 == 0 else str(in_workout % 4)
            rpe = f"{6 + (i % 9) / 2:g}" if i % 2 else ""
            handle.write(f"{date},Day {workout % 3 + 1},1h 4m,{exercise},{order},"
                         f"{weight},{5 + i % 8},0,0,{rpe}\n")  # fmt: skip
    return path.stat().st_size


def _import(source: Path, database: Path) -> int:
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.services import profiles, transfer
    from evenside.services.store import open_store

    store = open_store(database)
    try:
        # Into the database's profile where it has one (the bench's template), else a new one.
        profile = profiles.current_profile(store) or profiles.create_profile(
            store, "Bench", Side.RIGHT, Unit.KG
        )
        parsed = transfer.read_import(source, unit=Unit.KG)
        mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
        return transfer.commit_import(store, profile.id, parsed, mapping).sets_added
    finally:
        store.close()


def traced_import(source: Path, database: Path) -> tuple[int, int]:
    """(sets written, peak bytes Python allocated during the import)."""
    import evenside.services.transfer  # noqa: F401  (modules loaded before tracing starts)

    tracemalloc.start()
    try:
        sets = _import(source, database)
        return sets, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _child(source: Path, database: Path) -> None:
    from evenside.services.store import open_store

    open_store(database).close()  # libraries loaded, the database opened (or created)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sets = _import(source, database)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sets": sets, "peak_bytes": (after - before) * 1024}))


def measure(rows: int, work: Path) -> dict[str, float]:
    """Write a ``rows``-row export, import it in a fresh process; sizes in bytes."""
    source = work / f"strong-{rows}.csv"
    size = write_strong_export(source, rows)
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(source), str(work / f"memory-{rows}.sqlite3")],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {"rows": rows, "file_bytes": size, **figures, "ratio": figures["peak_bytes"] / size}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        found = measure(args.rows, Path(folder))
    print(
        f"{found['rows']:,} rows, file {found['file_bytes'] / 1e6:.1f} MB, import peak "
        f"{found['peak_bytes'] / 1e6:.1f} MB, {found['ratio']:.2f} x the file"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
