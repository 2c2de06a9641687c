"""The machine and the rehearsal's processes while the load test runs: load average, CPU
busy (all cores, every user of the machine), memory available, and each process group's
CPU time and peak memory. `python -m rehearsal.sample SECONDS OUT.json`"""

import json
import os
import sys
import time
from pathlib import Path

RUN_DIR = Path(os.environ.get("REHEARSAL_DIR", "var/rehearsal"))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_busy() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def groups() -> dict[str, list[int]]:
    """Process ids of each group run.sh started (postgres: the cluster's processes)."""
    found = {path.name: [] for path in (RUN_DIR / "pids").iterdir()}
    found["postgres"] = []
    pgids = {int(path.read_text()): path.name for path in (RUN_DIR / "pids").iterdir()}
    postmaster = int((RUN_DIR / "pg" / "postmaster.pid").read_text().split()[0])
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pgid = int(stat[2])
        if pgid in pgids:
            found[pgids[pgid]].append(int(proc.name))
        elif int(stat[1]) == postmaster or int(proc.name) == postmaster:
            found["postgres"].append(int(proc.name))  # our cluster only, not the machine's
    return found


def usage(pid: int) -> tuple[float, int]:
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / TICK, int(stat[21]) * os.sysconf("SC_PAGE_SIZE")


def main(seconds: float, out: Path) -> None:
    busy0, total0 = cpu_busy()
    first, peak, loads, available = {}, {}, [], []
    last = {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for name, pids in groups().items():
            cpu = rss = 0
            for pid in pids:
                try:
                    c, r = usage(pid)
                except OSError:
                    continue
                cpu, rss = cpu + c, rss + r
            first.setdefault(name, cpu)
            last[name] = cpu
            peak[name] = max(peak.get(name, 0), rss)
        loads.append(os.getloadavg()[0])
        meminfo = dict(line.split(":") for line in Path("/proc/meminfo").read_text().splitlines())
        available.append(int(meminfo["MemAvailable"].split()[0]) * 1024)
        time.sleep(5)
    busy1, total1 = cpu_busy()
    result = {
        "machine_cpu_busy_percent": round(100 * (busy1 - busy0) / max(1, total1 - total0), 1),
        "load_average_1m": {"mean": round(sum(loads) / len(loads), 2), "max": round(max(loads), 2)},
        "memory_available_mb_min": min(available) // 2**20,
        "memory_total_mb": int(meminfo["MemTotal"].split()[0]) // 1024,
        "processes": {
            name: {
                "cpu_seconds": round(last[name] - first[name], 1),
                "peak_rss_mb": peak[name] // 2**20,
            }
            for name in sorted(last)
        },
    }
    out.write_text(json.dumps(result))


if __name__ == "__main__":
    main(float(sys.argv[1]), Path(sys.argv[2]))
