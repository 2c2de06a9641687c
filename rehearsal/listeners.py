"""During the load test: 50 members' bells connected through Caddy, and a probe member who
replies every 3 seconds in the topic they follow. The delay of a notification is the time
from the reply being sent to a bell showing it.
`python -m rehearsal.listeners FIXTURE SECONDS OUT.json`"""

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from .bells import close_bells, open_bells
from .client import Browser


async def main(fixture: dict, seconds: float, out: Path) -> None:
    bells, tasks = await open_bells(fixture["listeners"], 1, timeout=120)
    probe = Browser(session=fixture["probe"]["session"], timeout=60)
    delays, statuses, probes = [], [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = [set(b.seen) for b in bells]
        sent = time.monotonic()
        response = await asyncio.to_thread(
            probe.post,
            fixture["probe"]["topic"] + "post/create/",
            {"subject": "Re: sonde", "content": f"Sonde {probes} {time.time()}"},
        )
        statuses.append(response.status)
        probes += 1
        await asyncio.sleep(3)
        for bell, old in zip(bells, before, strict=True):
            new = set(bell.seen) - old
            # A collapsed notification keeps its id: mark it read so the next probe is new.
            delays.extend(bell.seen[i] - sent for i in new)
        await asyncio.to_thread(probe.get, "/fr/")  # keep the probe's session warm
        for bell in bells:
            await asyncio.to_thread(bell.browser.post, "/fr/notifications/tout-lu/", {})
    await close_bells(bells, tasks)
    result = {
        "probes": probes,
        "probe_statuses": {str(s): statuses.count(s) for s in set(statuses)},
        "deliveries": len(delays),
        "expected": probes * len(bells),
        "median_s": statistics.median(delays) if delays else None,
        "p95_s": statistics.quantiles(delays, n=20)[-1] if len(delays) > 1 else None,
    }
    out.write_text(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(
        main(json.loads(Path(sys.argv[1]).read_text()), float(sys.argv[2]), Path(sys.argv[3]))
    )
