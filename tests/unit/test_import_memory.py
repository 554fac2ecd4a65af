"""An import's peak memory stays within 3.5 times the size of the file it reads (the
bench compares it with a csv-and-executemany floor; this test keeps it from growing)."""

from __future__ import annotations

import importlib.util
import tracemalloc
from pathlib import Path
from types import ModuleType

from evenside.domain.profile import Profile
from evenside.domain.units import Unit
from evenside.services import transfer
from evenside.services.store import Store

BENCH = Path(__file__).parents[2] / "bench" / "import_memory.py"


def bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_memory", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_import(store: Store, profile: Profile, path: Path) -> int:
    parsed = transfer.read_import(path, unit=Unit.KG)
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    return transfer.commit_import(store, profile.id, parsed, mapping).sets_added


def test_a_50k_row_import_peaks_within_three_and_a_half_times_the_file(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    # One small import first: statement caches and library lookups are paid once per
    # program, not per row, and would hide what a million rows cost.
    warm_up = tmp_path / "warm-up.csv"
    warm_up.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        "2009-05-04 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,8\n",
        "utf-8",
    )
    assert run_import(store, profile, warm_up) == 1
    export = tmp_path / "strong.csv"
    size = bench_module().write_strong_export(export, 50_000)
    assert size > 3_000_000  # a real-sized file: about 75 bytes a row
    tracemalloc.start()
    try:
        sets = run_import(store, profile, export)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sets >= 50_000  # every row became a set; a one-sided lift done "each side" two
    # Each set held for the preview now keeps its distance, its note, the file's set number
    # and the log-anyway mark beside the figures: 3.37 x on this file, 3.06 x before them.
    assert peak <= 3.5 * size, f"peak {peak / size:.2f} x the file"
