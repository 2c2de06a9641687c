"""The load test's figures, each with the load average measured beside it (the machine is
shared). `python -m rehearsal.load_report RUN_DIR`"""

import csv
import json
import sys
from pathlib import Path

from .report import check, finish


def main(run: Path) -> None:
    sample = json.loads((run / "sample.json").read_text())
    listeners = json.loads((run / "listeners.json").read_text())
    load = sample["load_average_1m"]
    beside = f"load avg 1 min mean {load['mean']}, max {load['max']} on 2 cores"
    with open(run / "locust_stats.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    print(f"  {'page':24} {'requests':>8} {'errors':>6} {'median ms':>9} {'p95 ms':>7} {'rps':>6}")
    total = None
    for row in rows:
        line = (
            f"  {row['Name'][:24]:24} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{row['Median Response Time']:>9} {row['95%']:>7} {float(row['Requests/s']):>6.1f}"
        )
        print(line)
        if row["Name"] == "Aggregated":
            total = row
    print(f"  ({beside})")
    failures = run / "locust_failures.csv"
    if failures.exists():
        for row in list(csv.DictReader(failures.open(encoding="utf-8")))[:8]:
            print(
                f"  error: {row['Method']} {row['Name']}: {row['Error'][:90]} x{row['Occurrences']}"
            )
    print(
        f"  notification delay seen by 50 connected bells: median {listeners['median_s']:.2f} s, "
        f"p95 {listeners['p95_s']:.2f} s ({listeners['deliveries']}/{listeners['expected']} "
        f"delivered live; {beside})"
    )
    print(
        f"  machine: CPU {sample['machine_cpu_busy_percent']} % busy (all users of the machine), "
        f"memory available at least {sample['memory_available_mb_min']} MB of "
        f"{sample['memory_total_mb']} MB ({beside})"
    )
    for name, figures in sample["processes"].items():
        print(
            f"    {name:10} CPU {figures['cpu_seconds']:>6} s   "
            f"peak memory {figures['peak_rss_mb']} MB"
        )
    errors = int(total["Failure Count"]) if total else -1
    check(
        errors == 0,
        "no errors under load",
        f"{errors} of {total['Request Count'] if total else '?'}",
    )
    finish("load test")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
