"""Printing results the same way in every part of the rehearsal, with the load average
beside each figure: the machine is shared, and a figure means little without it."""

import os
import sys
import time

FAILURES: list[str] = []


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def ok(name: str, detail: str = "") -> None:
    print(f"  ok    {name}{': ' + detail if detail else ''}  [{load()}]", flush=True)


def fail(name: str, detail: str = "") -> None:
    FAILURES.append(name)
    print(f"  FAIL  {name}{': ' + detail if detail else ''}  [{load()}]", flush=True)


def check(condition: bool, name: str, detail: str = "") -> bool:
    (ok if condition else fail)(name, detail)
    return condition


def section(title: str) -> float:
    print(f"\n== {title}  [{load()}]", flush=True)
    return time.monotonic()


def finish(label: str) -> None:
    if FAILURES:
        print(f"\n{label}: {len(FAILURES)} failed: {', '.join(FAILURES)}", flush=True)
        sys.exit(1)
    print(f"\n{label}: all passed", flush=True)
