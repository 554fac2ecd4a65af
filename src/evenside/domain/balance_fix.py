"""A balance-checker fix tried before it is applied: the routine as it would be, which
findings it resolves and which it would add. A fix is applied only when it adds none; "fix
all" applies such fixes one at a time until none is left that strictly lowers the number of
findings, so it always stops (the count cannot fall forever)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from evenside.domain.balance_check import AddExercise, AddSets, Finding, Fix
from evenside.domain.routines import Routine, RoutineDay, RoutineItem

Checker = Callable[[Routine], list[Finding]]
MAX_ROUNDS = 100  # a guard only: every round lowers the count of findings


def applied(routine: Routine, fix: Fix) -> Routine:
    """``routine`` with ``fix`` applied in memory; new items get negative ids."""
    next_id = min([0, *(i.id for _d, i in routine.items())]) - 1
    days = list(routine.days)
    for step in fix:
        if isinstance(step, AddExercise):
            index = next(n for n, d in enumerate(days) if d.id == step.day_id)
            day = days[index]
            position = max([-1, *(i.position for i in day.items)]) + 1
            item = RoutineItem(
                next_id,
                step.exercise_id,
                position,
                target_sets=step.target_sets,
                rep_low=step.rep_low,
                rep_high=step.rep_high,
                rest_seconds=step.rest_seconds,
            )
            next_id -= 1
            days[index] = replace(day, items=(*day.items, item))
            continue
        days = [_changed(day, step) for day in days]
    return replace(routine, days=tuple(days))


def _changed(day: RoutineDay, step: object) -> RoutineDay:
    items = []
    for item in day.items:
        changed = item
        if getattr(step, "item_id", None) == item.id:
            if isinstance(step, AddSets):
                changed = replace(item, target_sets=item.target_sets + step.sets)
            else:
                extra = item.extra_weak_side_sets + getattr(step, "sets", 1)
                changed = replace(item, extra_weak_side_sets=extra)
        items.append(changed)
    return replace(day, items=tuple(items))


@dataclass(frozen=True)
class FixPreview:
    finding: Finding
    after: Routine
    before_findings: tuple[Finding, ...]
    after_findings: tuple[Finding, ...]

    @property
    def added(self) -> tuple[Finding, ...]:
        """Findings the fix would bring that were not there before (by what they are about)."""
        before = {f.key for f in self.before_findings}
        return tuple(f for f in self.after_findings if f.key not in before)

    @property
    def resolved(self) -> tuple[Finding, ...]:
        after = {f.key for f in self.after_findings}
        return tuple(f for f in self.before_findings if f.key not in after)

    @property
    def acceptable(self) -> bool:
        return not self.added

    def summary(self) -> str:
        """What the fix would change, in words, for the confirmation and the refusal."""
        lines = [f"Change: {self.finding.fix_text}."]
        lines.append(
            f"Findings: {len(self.before_findings)} now, {len(self.after_findings)} after."
        )
        lines += [f"Resolves: {f.message}" for f in self.resolved]
        lines += [f"Would add: {f.message}" for f in self.added]
        return "\n".join(lines)


def preview(routine: Routine, finding: Finding, check: Checker) -> FixPreview:
    """The fix tried. When it would add findings, a second fix that removes them (and adds
    nothing else) is tried too, and the two are offered as one change."""
    if finding.fix is None:
        raise ValueError("This finding has no fix to preview.")
    before = tuple(check(routine))
    after = applied(routine, finding.fix)
    first = FixPreview(finding, after, before, tuple(check(after)))
    if first.acceptable:
        return first
    for extra in first.added:
        if extra.fix is None:
            continue
        both = applied(after, extra.fix)
        tried = FixPreview(
            replace(
                finding,
                fix=finding.fix + extra.fix,
                fix_text=f"{finding.fix_text}, and {extra.fix_text[:1].lower()}"
                f"{extra.fix_text[1:]}",
            ),
            both,
            before,
            tuple(check(both)),
        )
        if tried.acceptable:
            return tried
    return first


def refusal(tried: FixPreview) -> str:
    """Why a fix was not applied, in one sentence."""
    if tried.added:
        return "the fix would add: " + "; ".join(f.message for f in tried.added)
    return "the fix does not lower the number of findings"


Accept = Callable[[Routine, Routine], bool]  # (before, after): whether a change may be made


def best_fix(routine: Routine, check: Checker, accept: Accept | None = None) -> FixPreview | None:
    """The first fix that adds no finding, strictly lowers the count, and (when given)
    passes ``accept``; None at a fixed point."""
    findings = check(routine)
    for finding in findings:
        if finding.fix is None:
            continue
        tried = preview(routine, finding, check)
        if (
            tried.acceptable
            and len(tried.after_findings) < len(findings)
            and (accept is None or accept(routine, tried.after))
        ):
            return tried
    return None


def fix_all(
    routine: Routine, check: Checker, accept: Accept | None = None
) -> tuple[Routine, list[FixPreview]]:
    """Apply acceptable fixes until none is left; the routine and the fixes applied."""
    done: list[FixPreview] = []
    for _round in range(MAX_ROUNDS):
        step = best_fix(routine, check, accept)
        if step is None:
            break
        routine = step.after
        done.append(step)
    return routine, done
