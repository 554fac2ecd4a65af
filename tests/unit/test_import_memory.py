"""An import's peak memory stays within three times the size of the file it reads."""

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


def test_a_50k_row_import_peaks_within_three_times_the_file(
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
    assert peak <= 3 * size, f"peak {peak / size:.2f} x the file"
