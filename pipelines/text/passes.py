"""Named passes and rules: the steps of a text stage, run in order and counted.

A **pass** is one function `(state, counters) -> state` registered under a stable id
(`documents.bylines.split_run_in`), with the fields of the stage's state it reads
(`requires`) and the fields it writes (`assigns`). It returns a new state and never changes
the one it was given. A stage is an ordered tuple of passes (`layout.LAYOUT_PASSES`,
`documents.DOCUMENT_PASSES`): `run_passes` runs it, and counts for every pass, from its input
and its output, how many units (lines, then blocks) it changed (`touched`) and how many it
marked with each rule; a pass may add counters of its own (`counters.add(...)`, datatrove's
`stat_update`). `check_passes` is spaCy's `analyze_pipes`: every field a pass requires must
be given to the stage or assigned by an earlier pass.

A **rule** is one named decision (`layout.lines.page_number`: "a page number or PAGE mark").
Its id goes into the data (`Block.rule`, `removed.rule`), so that
`select rule, count(*) from removed group by 1` leads to its code by one grep: an id is
written once, where the rule is defined, and its first parts name that module
(`layout.lines.*` lives in `text/layout/lines.py`).
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any, Protocol, TypeVar

__all__ = [
    "PASSES",
    "RULES",
    "Counters",
    "Pass",
    "Rule",
    "Stats",
    "check_passes",
    "describe_passes",
    "rule",
    "run_passes",
    "stage_pass",
]

#: pass id -> counter name -> count (`touched`, and one counter per rule id it applied)
Stats = dict[str, dict[str, int]]

_ID = re.compile(r"^[a-z][a-z_]*(?:\.[a-z][a-z_0-9]*){2,3}$")


@dataclass(frozen=True, slots=True)
class Rule:
    """A named decision. `removed_kind` is set when the rule sets text aside (then `reason`
    is the sentence of its `removed` rows, unless the rule words a more precise one, such
    as the line range a copy repeats); None for a decision on text that stays (a caption,
    a byline, a heading)."""

    id: str
    reason: str
    removed_kind: str | None = None


#: Every rule, by id (filled when the modules defining them are imported).
RULES: dict[str, Rule] = {}


def rule(rule_id: str, reason: str, removed_kind: str | None = None) -> Rule:
    """Define and register a rule; an id is defined once."""
    if not _ID.match(rule_id):
        raise ValueError(f"rule id {rule_id!r} is not of the form stage.module.name")
    if rule_id in RULES:
        raise ValueError(f"rule id {rule_id!r} is defined twice")
    found = Rule(rule_id, reason, removed_kind)
    RULES[rule_id] = found
    return found


class Counters(dict[str, int]):
    """The counters of one pass: name -> count."""

    def add(self, name: str, value: int = 1) -> None:
        self[name] = self.get(name, 0) + value


class State(Protocol):
    """What a stage's state offers the runner: its current units (line items or blocks,
    with a `rule` field) to count what each pass made."""

    def units(self) -> Sequence[Any]: ...


S = TypeVar("S", bound=State)


@dataclass(frozen=True, slots=True)
class Pass:
    """One step of a stage: `run(state, counters) -> state`, under a stable id."""

    id: str
    run: Callable[[Any, Counters], Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first sentence of the pass's docstring (a `. ` inside backquotes is no end)."""
        doc = " ".join((self.run.__doc__ or "").split("\n\n")[0].split())
        quoted = False
        for k, ch in enumerate(doc):
            if ch == "`":
                quoted = not quoted
            elif ch == "." and not quoted and doc[k + 1 : k + 2] in (" ", ""):
                return doc[: k + 1]
        return doc


#: Every pass, by id (filled when the modules defining them are imported).
PASSES: dict[str, Pass] = {}


def stage_pass(
    pass_id: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[[Any, Counters], Any]], Pass]:
    """Decorator: register a function `(state, counters) -> state` as a pass."""

    def register(fn: Callable[[Any, Counters], Any]) -> Pass:
        if not _ID.match(pass_id):
            raise ValueError(f"pass id {pass_id!r} is not of the form stage.module.name")
        if pass_id in PASSES:
            raise ValueError(f"pass id {pass_id!r} is defined twice")
        found = Pass(pass_id, fn, tuple(requires), tuple(assigns))
        PASSES[pass_id] = found
        return found

    return register


def run_passes(passes: Sequence[Pass], state: S, stats: Stats | None = None) -> S:
    """Run the passes in order; add each one's counters to `stats` (when given). Without
    `stats` nothing is counted (the units are not compared): the facts stage runs once per
    paragraph, where the comparing would cost more than some of its passes."""
    if stats is None:
        scratch = Counters()  # what the passes count is not kept
        for step in passes:
            state = step.run(state, scratch)
        return state
    before = _Units(state.units())
    for step in passes:
        counters = Counters()
        given = state
        state = step.run(state, counters)
        if state is given:  # (a pass never changes the state it was given)
            counters.add("touched", 0)
        else:
            after = _Units(state.units())
            _count_changes(before, after, counters)
            before = after
        mine = stats.setdefault(step.id, {})
        for name, value in counters.items():
            mine[name] = mine.get(name, 0) + value
    return state


def check_passes(passes: Sequence[Pass], given: Iterable[str]) -> list[str]:
    """Problems with the order of a stage (empty list = none): a pass that requires a field
    that neither the stage's input nor an earlier pass provides, or an id used twice."""
    problems: list[str] = []
    provided = set(given)
    seen: set[str] = set()
    for step in passes:
        if step.id in seen:
            problems.append(f"{step.id} runs twice")
        seen.add(step.id)
        problems += [
            f"{step.id} requires {f!r}, which nothing before it assigns"
            for f in step.requires
            if f not in provided
        ]
        provided.update(step.assigns)
    return problems


def describe_passes(passes: Sequence[Pass]) -> list[str]:
    """One markdown list line per pass: its id and what it does."""
    return [f"{n}. `{step.id}`: {step.summary}" for n, step in enumerate(passes, start=1)]


# --- counting ---------------------------------------------------------------------------


class _Units:
    """A state's units, and their identities (computed once when first asked)."""

    __slots__ = ("_ids", "units")

    def __init__(self, units: Sequence[Any]) -> None:
        self.units = tuple(units)
        self._ids: set[int] | None = None

    @property
    def ids(self) -> set[int]:
        if self._ids is None:
            self._ids = set(map(id, self.units))
        return self._ids


def _count_changes(before: _Units, after: _Units, counters: Counters) -> None:
    """`touched`: the units of the output that the pass made (a pass never changes a unit:
    it puts a new one in its place); and per rule, how many more units carry it than
    before among those made and those dropped. A pass that only reorders touches nothing."""
    found = _replaced_in_place(before.units, after.units)
    if found is None:
        made = [unit for unit in after.units if id(unit) not in before.ids]
        dropped = [unit for unit in before.units if id(unit) not in after.ids]
    else:
        made, dropped = found
    counters.add("touched", len(made))
    gained = Counter(u.rule for u in made if u.rule)
    if dropped:  # (a Counter is slow to make: none for a pass that only added units)
        gained -= Counter(u.rule for u in dropped if u.rule)
    for rule_id, n in sorted(gained.items()):
        counters.add(rule_id, n)


def _replaced_in_place(
    before: tuple[Any, ...], after: tuple[Any, ...]
) -> tuple[list[Any], list[Any]] | None:
    """(made, dropped) of a pass that kept the number of units and put new ones in the
    place of some (what most passes do), found from the places that changed (in C) instead
    of from every unit; None when the pass did something else, or when a unit at a
    changed place is also at one that did not change (then only the sets of all units
    tell whether it was made)."""
    if len(after) != len(before):
        return None
    changed = list(compress(range(len(after)), map(operator.is_not, after, before)))
    if not changed:
        return [], []
    new = [after[k] for k in changed]
    old = [before[k] for k in changed]
    new_ids, old_ids = set(map(id, new)), set(map(id, old))
    candidates = new_ids | old_ids
    if sum(map(candidates.__contains__, map(id, after))) != len(changed):
        return None  # a unit at a changed place is also at an unchanged one
    return [u for u in new if id(u) not in old_ids], [u for u in old if id(u) not in new_ids]
