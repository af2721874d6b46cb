"""The synthetic generator run in a child process, so that generating the next part and
writing the current one use both cores (in one process they take turns on the interpreter
lock). Parts arrive in order through a bounded queue: at most two wait, so memory stays flat.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from seed.graph_payload import GraphPayload
from seed.synthetic import synthetic_payloads

_END = "end"
_FAILED = "failed"


def _produce(queue: Any, projects: int, seed: int) -> None:
    # The payloads are trees of dicts and lists, freed by reference counting; the cycle
    # collector would only rescan them over and over (it doubled the generation time).
    gc.disable()
    try:
        for item in synthetic_payloads(projects, seed=seed):
            queue.put(("part", item))
    except BaseException as exc:  # reported to the parent, which raises it
        queue.put((_FAILED, f"{type(exc).__name__}: {exc}"))
        return
    queue.put((_END, None))


@contextmanager
def cycle_collection_paused() -> Iterator[Callable[[], None]]:
    """Automatic cycle collection paused during a load: each part's payload and parameters
    are millions of short-lived containers the collector would rescan as they pile up (it
    cost a third of the loader's time). The caller collects the young cycles after each
    part with the function it is given, so memory stays bounded."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield lambda: gc.collect(0)
    finally:
        gc.collect()
        if enabled:
            gc.enable()


class SyntheticGenerationError(RuntimeError):
    """The generator process failed or died."""


async def synthetic_parts(projects: int, seed: int) -> AsyncIterator[tuple[int, GraphPayload]]:
    """What `synthetic_payloads` yields, generated in a child process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=2)
    child = context.Process(target=_produce, args=(queue, projects, seed), daemon=True)
    child.start()
    loop = asyncio.get_running_loop()
    try:
        while True:
            kind, value = await loop.run_in_executor(None, _next, queue, child)
            if kind == _END:
                return
            if kind == _FAILED:
                raise SyntheticGenerationError(f"synthetic generation failed: {value}")
            yield value
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


def _next(queue: Any, child: Any) -> tuple[str, Any]:
    import queue as queues

    while True:
        try:
            return queue.get(timeout=1.0)
        except queues.Empty:
            if not child.is_alive():
                return _FAILED, f"the generator process exited with code {child.exitcode}"
