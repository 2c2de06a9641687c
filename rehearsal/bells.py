"""Members' bells, as hub/static/hub/js/notifications.js behaves: a websocket through Caddy;
when it closes, reconnect (jittered back-off, through Caddy, so to whichever process is up)
and catch up with the feed `?after=<last id>`. Each bell remembers every notification id it
showed, and how many times a live message repeated one it already had."""

import asyncio
import json
import random
import time
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed, InvalidStatus

from .client import Browser

FEED = "/fr/notifications/flux/"


@dataclass
class Bell:
    browser: Browser
    user_id: int
    seen: dict = field(default_factory=dict)  # id -> first time seen (monotonic)
    live_repeats: int = 0
    connections: int = 0
    catch_ups: int = 0
    catch_up_errors: int = 0
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    stopped: bool = False

    @property
    def last_id(self) -> int:
        return max(self.seen, default=0)

    def show(self, item: dict, *, live: bool) -> None:
        if item["id"] in self.seen:
            self.live_repeats += live
            return
        self.seen[item["id"]] = time.monotonic()

    async def catch_up(self) -> None:
        after = self.last_id
        path = f"{FEED}?after={after}" if after else FEED
        response = await asyncio.to_thread(self.browser.get, path)
        if response.status != 200:
            self.catch_up_errors += 1
            return
        self.catch_ups += 1
        for item in response.json()["items"]:
            self.show(item, live=False)

    async def run(self) -> None:
        attempt = 0
        while not self.stopped:
            try:
                async with self.browser.websocket() as ws:
                    self.connections += 1
                    attempt = 0
                    self.connected.set()
                    await self.catch_up()
                    async for raw in ws:
                        message = json.loads(raw)
                        if message.get("type") == "notification":
                            self.show(message, live=True)
                        if self.stopped:
                            break
            except (OSError, ConnectionClosed, InvalidStatus, TimeoutError):
                pass
            self.connected.clear()
            if self.stopped:
                return
            # As hub/static/hub/js/notifications.js: 1 s, doubling, at most 5 s, jittered.
            delay = min(5.0, 1.0 * 2**attempt)
            attempt += 1
            await asyncio.sleep(delay / 2 + random.random() * delay / 2)  # noqa: S311


async def open_bells(members: list[dict], per_member: int, *, timeout: float = 60) -> tuple:
    bells = [
        Bell(Browser(session=m["session"]), m["id"]) for m in members for _ in range(per_member)
    ]
    tasks = []
    for index, bell in enumerate(bells):
        tasks.append(asyncio.create_task(bell.run()))
        if index % 20 == 19:
            await asyncio.sleep(0.2)  # no stampede of handshakes on a shared machine
    await asyncio.wait_for(asyncio.gather(*(b.connected.wait() for b in bells)), timeout)
    return bells, tasks


async def close_bells(bells, tasks) -> None:
    for bell in bells:
        bell.stopped = True
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
