"""A plan as one generated function: `{"ref": <its answer>, ...}` in a single dict display,
each attribute of the object read in place (schema/object_plans.py works out its steps)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from keyword import iskeyword
from types import CodeType
from typing import Any, NamedTuple

Plan = Callable[[Any, Any], dict[str, Any]]  # (object, request context) -> its answer
Complete = Callable[[Any, Any], Any]  # (value, request context) -> its answer


class PlanStep(NamedTuple):
    """One field of a plan. Without an attribute, `answer(object, context)` answers it; with
    one, the plan reads that attribute of the object itself and `answer(value, context)`
    completes it, unless it is of type `as_is`, which is answered as it is."""

    answer: Complete
    attribute: str | None = None
    as_is: type | None = None


def plan_text(steps: list[tuple[str, PlanStep]]) -> str:
    """The text of a plan: `{"ref": <its answer>, ...}` in a single dict display, each
    attribute read in place. Answering a field through closures took three calls (step,
    read, completion) and a comprehension per object; a page of 50 projects has about 600 such
    fields. The text holds response names (GraphQL names, written as literals) and attribute
    names, which must be Python identifiers, and nothing else."""
    entries: list[str] = []
    for i, (response_name, step) in enumerate(steps):
        if step.attribute is None:
            value = f"a{i}(source, context)"
        elif not is_identifier(step.attribute):
            raise ValueError(f"{step.attribute!r} is not an identifier")
        elif step.as_is is None:
            value = f"a{i}(source.{step.attribute}, context)"
        else:
            value = f"v if (v := source.{step.attribute}).__class__ is t{i} else a{i}(v, context)"
        entries.append(f"        {response_name!r}: {value},\n")
    return "def plan(source, context):\n    return {\n" + "".join(entries) + "    }\n"


def compiled_plan(steps: list[tuple[str, PlanStep]]) -> Plan:
    """The plan of `plan_text` as a function, its steps' answers and types as its globals.
    Compiling a text takes 0.1 to 0.2 ms, so each text is compiled once: selections of the
    same shape (another document, other variables below the root) share the code."""
    namespace: dict[str, Any] = {}
    for i, (_, step) in enumerate(steps):
        namespace[f"a{i}"], namespace[f"t{i}"] = step.answer, step.as_is
    exec(_plan_code(plan_text(steps)), namespace)  # defines `plan`, from names only
    return namespace["plan"]  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=4096)
def _plan_code(text: str) -> CodeType:
    return compile(text, "<object plan>", "exec")


def is_identifier(name: str) -> bool:
    return name.isidentifier() and not iskeyword(name)
