"""Benchmark: what a forum post costs to render when its author is hostile (issue 11, item 4;
target: every 20,000-character input renders in under 100 ms).

    .venv/bin/python -m bench.markup_bench

Each input is exactly BENCH_CHARS characters (20,000 by default, the size of the longest
post the form accepts). For each one it prints the median wall and CPU time of
`forum.markup.render` (Markdown, then hub.sanitize), and the CPU time of its two halves
alone ("as text" when the post is past forum.markup's budgets and its halves never run);
the target is judged on CPU time (steady on a busy machine). Each input runs in a child
process killed after BENCH_TIMEOUT seconds (10 by default), because a superlinear renderer
would otherwise hold the benchmark for minutes; such an input is reported as "> N s".
BENCH_SIZES=2000,8000,20000 measures several sizes, to show how the cost grows. No
database is used.

forum.markup shows a post whose estimated cost passes its budgets as plain text (cheap), so
most runs above cost little; the costliest posts are those just within the budgets. The
second table ("at the budget") holds them: for each unit, as many as still render as
Markdown (`forum.markup.renders_as_markdown`), padded with letters to BENCH_CHARS."""

import gc
import multiprocessing
import os
import statistics
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

CHARS = int(os.environ.get("BENCH_CHARS", "20000"))
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", str(CHARS)).split(",")]
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
TARGET_MS = 100


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """`head` + `unit` repeated + `tail`, cut to exactly `size` characters (the tail kept)."""
    body_size = max(size - len(head) - len(tail), 0)
    body = (unit * (body_size // len(unit) + 1))[:body_size]
    return head + body + tail


def _nested_brackets(size: int) -> str:
    half = size // 2
    return "[" * half + "]" * (size - half)


def _deep_quote(size: int) -> str:
    # Each line one level deeper than the one before: "> a", "> > a", ...
    lines, depth, total = [], 1, 0
    while total < size:
        line = "> " * depth + "a\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)[:size]


def _table(size: int) -> str:
    return _fill("| x | y | z |\n", size, head="| a | b | c |\n|---|---|---|\n")


def _prose(size: int) -> str:
    sentence = (
        "Bonjour à toutes et à tous, **merci** pour vos réponses : voyez "
        "https://www.quebec.ca/loi25 et `pip install` avec @nadia.b.\n\n"
    )
    return _fill(sentence, size)


# name → input builder (size → text). The first is an ordinary post, for comparison.
CASES = {
    "ordinary prose": _prose,
    "nested [ then ]": _nested_brackets,
    "[ run": lambda n: "[" * n,
    "[a]( unclosed links": lambda n: _fill("[a](", n),
    "![[ run": lambda n: _fill("![[", n),
    "![x]( images": lambda n: _fill("![x](", n),
    "* run": lambda n: "*" * n,
    "*a alternating": lambda n: _fill("*a", n),
    "**a_ mixed emphasis": lambda n: _fill("**a_", n),
    "_ run": lambda n: "_" * n,
    "` run": lambda n: "`" * n,
    "`a`` mixed backticks": lambda n: _fill("`a``", n),
    "< run": lambda n: "<" * n,
    "<a unclosed tags": lambda n: _fill("<a ", n),
    "<!-- unclosed comments": lambda n: _fill("<!--", n),
    "> run": lambda n: ">" * n,
    "deep > quotes": _deep_quote,
    "long table": _table,
    "| run (one table row)": lambda n: _fill("|", n, head="|a|\n|-|\n"),
    "@ run": lambda n: "@" * n,
    "@a mentions": lambda n: _fill("@a ", n),
    "@ then long handle": lambda n: "@" + "a" * (n - 1),
    "- nested lists": lambda n: "".join("  " * i + "- a\n" for i in range(n))[:n],
    "newlines": lambda n: "a\n" * (n // 2),
    "& entities": lambda n: _fill("&amp", n),
    "\\ escapes": lambda n: "\\" * n,
    "bare URLs": lambda n: _fill("https://exemple.org/a ", n),
    "unclosed <b title=N>": lambda n: "".join(f"<b title={i}>" for i in range(n))[:n],
}

# Raw tags forum.markup still lets through (its MAX_RAW_TAGS), each a formatting element
# html5lib keeps open and compares with every later one; the budget then filled up.
_UNCLOSED = "".join(f"<b title={i}>" for i in range(50)) + "\n\n"


# Units repeated up to the budget: structure an ordinary post uses, at its densest.
EDGE_UNITS = {
    "lines": "a\n",
    "paragraphs": "a\n\n",
    "list items": "- a\n",
    "numbered items": "1. a\n",
    "headings": "# a\n",
    "quotes": "> a\n\n",
    "table rows": "| x | y | z |\n",
    "links": "[a](https://e.org) ",
    "images": "![x](/media/a.png)",
    "bare URLs": "https://e.org/a ",
    "bare domains": "x.ca ",
    "emphasis": "*a",
    "underscores": "_a_ ",
    "strong": "**a** ",
    "code spans": "`a``",
    "raw tags": "<b>",
    "raw tag pairs": "<b>a</b>",
    "< text": "<",
    "& text": "&",
    "entities": "&amp;",
    "[": "[",
    "![[": "![[",
    "mentions": "@ab ",
}


def _at_budget(unit: str, size: int, head: str = "") -> str:
    """`head`, then `unit` repeated as often as forum.markup still renders it as Markdown,
    then letters."""
    from forum.markup import renders_as_markdown

    low, high = 0, (size - len(head)) // len(unit)
    while low < high:
        middle = (low + high + 1) // 2
        if renders_as_markdown((head + unit * middle).ljust(size, "a")):
            low = middle
        else:
            high = middle - 1
    return (head + unit * low).ljust(size, "a")


def _markdown_half(text: str) -> str:
    from forum import markup

    return markup.markdown_html(text)


def _measure(function, text: str) -> tuple[float, float]:
    """Median wall and CPU time of `function(text)`, in ms. CPU time is steadier when the
    machine is busy (the 2-core machine is shared), and it is what a worker spends."""
    walls, cpus = [], []
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        function(text)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        if walls[-1] > TIMEOUT * 1000 / ROUNDS:
            break  # slow enough: one run says it
    return statistics.median(walls), statistics.median(cpus)


def _child(text: str, queue) -> None:
    from forum.markup import render, renders_as_markdown
    from hub.sanitize import clean_html

    wall, cpu = _measure(render, text)
    if not renders_as_markdown(text):
        queue.put((wall, cpu, None, None))  # shown as its text: the halves never run
        return
    html = _markdown_half(text)
    queue.put((wall, cpu, _measure(_markdown_half, text)[1], _measure(clean_html, html)[1]))


def run_case(text: str):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=_child, args=(text, queue))
    process.start()
    # Three measurements, each of up to ROUNDS runs: allow for all of them.
    process.join(TIMEOUT * 3)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


def main() -> int:
    import django

    django.setup()
    multiprocessing.set_start_method("fork", force=True)
    # Each child inherits Django's whole heap: its first full garbage collection walks it
    # (and copies every page it touches), about 150 ms that belongs to no post and that a
    # long-lived worker pays once in a while whatever it renders. Frozen, the heap is left
    # out of collections, and what is measured is the post.
    gc.freeze()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"median of {ROUNDS} runs, in ms; target: every input under {TARGET_MS} ms\n")
    worst = 0.0
    tables = [(f"{size} characters", size, CASES) for size in SIZES]
    tables.append(
        (
            "at the budget",
            CHARS,
            {f"{n} ({u!r})": partial(_at_budget, u) for n, u in EDGE_UNITS.items()}
            | {
                f"50 unclosed <b>, {n}": partial(_at_budget, u, head=_UNCLOSED)
                for n, u in (("paragraphs", "a\n\n"), ("strong", "**a** "), ("list", "- a\n"))
            },
        )
    )
    for title, size, cases in tables:
        print(title)
        print(f"{'input':28} {'chars':>6} {'wall':>8} {'cpu':>8} {'markdown':>9} {'sanitise':>9}")
        for name, build in cases.items():
            text = build(size)
            result = run_case(text)
            if result is None:
                worst = float("inf")
                print(f"{name:28} {len(text):>6} {'> ' + str(int(TIMEOUT)) + ' s':>8}")
                continue
            wall, cpu, markdown_ms, sanitise_ms = result
            worst = max(worst, cpu)
            flag = "" if cpu < TARGET_MS else "  over target"
            halves = (
                f"{'as text':>19}"
                if markdown_ms is None
                else f"{markdown_ms:9.1f} {sanitise_ms:9.1f}"
            )
            print(f"{name:28} {len(text):>6} {wall:8.1f} {cpu:8.1f} {halves}{flag}")
        print()
    print(f"worst (cpu): {worst:.1f} ms" if worst != float("inf") else "worst: timed out")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
