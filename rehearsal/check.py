"""The end-to-end check through Caddy: every request and websocket goes to the proxy's
address, as a member's browser would. `python -m rehearsal.check FIXTURE.json`."""

import asyncio
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from .client import Browser, static_paths
from .report import check, fail, finish, ok, section

RUN_DIR = Path(os.environ.get("REHEARSAL_DIR", "var/rehearsal"))
REDIS_PORT = os.environ.get("REHEARSAL_REDIS_PORT", "6390")


def pages(anonymous: Browser) -> None:
    section("pages through Caddy")
    for language, words in (("fr", 'lang="fr-CA"'), ("en", 'lang="en-CA"')):
        response = anonymous.get(f"/{language}/")
        check(
            response.status == 200 and words in response.text,
            f"/{language}/ home",
            f"{response.status}",
        )
    response = anonymous.get("/fr/", **{"Accept-Encoding": "gzip"})
    check(
        response.header("content-encoding") == "gzip",
        "HTML compressed by Caddy",
        response.header("content-encoding") or "none",
    )


def static(anonymous: Browser) -> None:
    section("static files")
    paths = static_paths(anonymous.get("/fr/").text)
    css = next((p for p in paths if p.endswith(".css")), None)
    if not check(css is not None, "a stylesheet is linked", str(css)):
        return
    response = anonymous.get(css, **{"Accept-Encoding": "gzip, br"})
    cache = response.header("cache-control")
    check(response.status == 200, "stylesheet answers", css)
    check("max-age=315360000" in cache and "immutable" in cache, "long cache headers", cache)
    check(
        response.header("content-encoding") in {"gzip", "br"},
        "compressed",
        response.header("content-encoding"),
    )


def media(anonymous: Browser, fixture: dict) -> None:
    section("public media")
    response = anonymous.get(fixture["media"]["path"])
    check(
        response.status == 200
        and hashlib.sha256(response.body).hexdigest() == fixture["media"]["sha256"],
        "public picture served by Caddy from the media folder",
        str(response.status),
    )
    check(
        response.header("x-content-type-options") == "nosniff"
        and "sandbox" in response.header("content-security-policy"),
        "media carry nosniff and a sandboxing CSP",
    )


def private_files(anonymous: Browser, member: Browser, staff: Browser, fixture: dict) -> None:
    section("protected files (X-Accel-Redirect through Caddy)")
    attachment = fixture["attachment"]
    for who, browser in (("a visitor", anonymous), ("a member outside the staff forum", member)):
        response = browser.get(attachment["path"])
        check(
            response.status in {302, 403, 404}
            and hashlib.sha256(response.body).hexdigest() != attachment["sha256"],
            f"{who} does not get the staff attachment",
            str(response.status),
        )
    response = staff.get(attachment["path"])
    check(
        response.status == 200
        and hashlib.sha256(response.body).hexdigest() == attachment["sha256"],
        "staff get it after the check, bytes sent by Caddy",
        f"{response.status}, {len(response.body)} bytes",
    )
    check(not response.header("x-accel-redirect"), "the internal header does not leak")
    check(
        "attachment" in response.header("content-disposition")
        and response.header("x-content-type-options") == "nosniff",
        "the hub's headers are kept",
        response.header("content-disposition"),
    )
    for path in (
        f"/_private/{attachment['stored']}",
        f"/media/{attachment['stored']}",
        f"/media/../private/{attachment['stored']}",
    ):
        response = anonymous.get(path)
        check(
            hashlib.sha256(response.body).hexdigest() != attachment["sha256"],
            f"not reachable by path {path[:28]}…",
            str(response.status),
        )


def registration(member: Browser, fixture: dict) -> None:
    section("registering for an event through Caddy")
    event = fixture["open_event"]
    response = member.post(f"/fr/evenements/{event['id']}/inscription/", {})
    check(response.status == 302, "registration answered with a redirect", str(response.status))
    page = member.get(response.header("location") or event["path"])
    check(
        page.status == 200 and "inscrit" in page.text.lower(),
        "the event page says so",
        str(page.status),
    )


def feeds(anonymous: Browser) -> None:
    section("iCal feed")
    response = anonymous.get(
        "/fr/evenements/calendrier.ics", **{"Accept-Encoding": "gzip, zstd, br"}
    )
    check(
        response.status == 200 and response.body.startswith(b"BEGIN:VCALENDAR"),
        "feed answers",
        str(response.status),
    )
    check(
        not response.header("content-encoding"),
        "never compressed",
        response.header("content-encoding") or "identity",
    )


def health(anonymous: Browser) -> None:
    section("health endpoints through Caddy")
    check(anonymous.get("/livez").body == b"ok", "/livez")
    ready = anonymous.get("/readyz")
    check(
        ready.status == 200 and ready.json() == {"ready": True, "database": "ok", "redis": "ok"},
        "/readyz",
        ready.text,
    )
    check(anonymous.get("/healthz").status == 200, "/healthz")


def group_processes(user_id: int) -> set[str]:
    """The Daphne processes holding a member's sockets: channels-redis names each channel
    after its process's layer (`specific.<process>!<socket>`)."""
    out = subprocess.run(
        ["redis-cli", "-p", REDIS_PORT, "zrange", f"hub:group:user.{user_id}", "0", "-1"],
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout.split()
    return {name.split("!")[0] for name in out}


def served_by(route_fragment: str, since: float) -> list[str]:
    found = []
    for log in sorted(RUN_DIR.glob("web-*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("{") and route_fragment in line and '"POST"' in line:
                entry = json.loads(line)
                if entry.get("route") and entry["time"] >= time.strftime(
                    "%Y-%m-%dT%H:%M:%S", time.gmtime(since)
                ):
                    found.append(log.stem)
    return found


async def websockets(fixture: dict) -> None:
    section("websockets through Caddy, across processes")
    target = fixture["members"][0]
    browser = Browser(session=target["session"])
    sockets = [await browser.websocket().__aenter__() for _ in range(8)]
    try:
        await sockets[0].send(json.dumps({"type": "ping"}))
        pong = json.loads(await asyncio.wait_for(sockets[0].recv(), 10))
        check(pong == {"type": "pong"}, "a websocket opened through Caddy answers")
        processes = group_processes(target["id"])
        check(
            len(processes) == 2,
            "the member's 8 sockets are spread over both Daphne processes",
            f"{len(processes)} processes",
        )
        replier = Browser(session=fixture["replier"]["session"])
        started = time.time()
        response = replier.post(
            fixture["topic"]["path"] + "post/create/",
            {"subject": "Re: répétition", "content": f"Réponse de la répétition {started}"},
        )
        check(response.status == 302, "a reply posted through Caddy", str(response.status))
        writer = served_by("post/create", started - 1)
        got = []
        for ws in sockets:
            try:
                while True:
                    event = json.loads(await asyncio.wait_for(ws.recv(), 10))
                    if event.get("type") == "notification":
                        got.append((event["id"], time.time() - started))
                        break
            except TimeoutError:
                pass
        ids = {i for i, _ in got}
        check(
            len(got) == 8 and len(ids) == 1,
            "the notification reached every socket, on both processes",
            f"{len(got)}/8 sockets, written by {writer or '?'}, "
            f"slowest {max((d for _, d in got), default=0):.2f} s",
        )
    finally:
        for ws in sockets:
            await ws.close()


def request_logs() -> None:
    section("structured request logs")
    lines = [
        line
        for log in RUN_DIR.glob("web-*.log")
        for line in log.read_text(errors="replace").splitlines()
    ]
    entries = [
        json.loads(line) for line in lines if line.startswith("{") and '"hub.requests"' in line
    ]
    check(len(entries) > 0, "one JSON line per request", f"{len(entries)} lines")
    fields = {"time", "status", "user_id", "method", "path", "duration_ms"}
    check(
        all(fields <= set(entry) for entry in entries),
        "each has time, status, user id, path, duration",
    )
    signed_in = [entry for entry in entries if entry["user_id"]]
    check(len(signed_in) > 0, "members' requests carry their id", f"{len(signed_in)} lines")
    text = "\n".join(lines)
    check(not re.search(r"[\w.+-]+@exemple\.org", text), "no email address in the logs")
    check(
        not re.search(
            r"\b127\.0\.0\.1\b", "\n".join(line for line in lines if '"hub.requests"' in line)
        ),
        "no IP address in request lines",
    )


def main() -> None:
    fixture = json.loads(Path(sys.argv[1]).read_text())
    anonymous = Browser()
    member = Browser(session=fixture["members"][1]["session"])
    staff = Browser(session=fixture["staff"]["session"])
    pages(anonymous)
    static(anonymous)
    media(anonymous, fixture)
    private_files(anonymous, member, staff, fixture)
    registration(member, fixture)
    feeds(anonymous)
    health(anonymous)
    try:
        asyncio.run(websockets(fixture))
    except Exception as error:  # a crash is a failed check, printed, not a traceback only
        fail("websockets", repr(error))
    request_logs()
    ok("end-to-end check done")
    finish("end-to-end check")


if __name__ == "__main__":
    main()
