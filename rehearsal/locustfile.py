"""300 members browsing through Caddy (rehearsal/load.sh runs it, headless, 3 minutes):
the home page, the library, forum topics, searching, replying (which notifies followers),
registering for an event, and the feeds. Sessions come from rehearsal/setup_load.py."""

import itertools
import json
import os
import random
import secrets

from locust import HttpUser, between, task

FIXTURE = json.loads(open(os.environ["REHEARSAL_LOAD_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
SESSIONS = itertools.cycle(FIXTURE["users"])


class Member(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.csrf = secrets.token_hex(16)
        self.client.headers.update(
            {
                "Cookie": f"sessionid={next(SESSIONS)}; csrftoken={self.csrf}",
                "Accept-Encoding": "gzip",
                "Origin": self.host,
            }
        )
        self.registered = False
        self.replies = 0

    @task(6)
    def home(self):
        self.client.get("/fr/", name="home")

    @task(4)
    def library(self):
        self.client.get(FIXTURE["library"], name="library")
        if FIXTURE["resources"]:
            self.client.get(random.choice(FIXTURE["resources"]), name="library resource")  # noqa: S311

    @task(5)
    def topic(self):
        self.client.get("/fr/forum/", name="forum index")
        self.client.get(random.choice(FIXTURE["topics"]), name="forum topic")  # noqa: S311

    @task(2)
    def search(self):
        term = random.choice(FIXTURE["searches"])  # noqa: S311
        self.client.get(f"/fr/forum/recherche/?q={term}", name="forum search")
        self.client.get(f"/fr/recherche/?q={term}", name="site search")

    @task(1)
    def reply(self):
        self.replies += 1
        topic = random.choice(FIXTURE["reply_topics"])  # noqa: S311
        self.client.post(
            topic + "post/create/",
            {
                "csrfmiddlewaretoken": self.csrf,
                "subject": "Re: charge",
                "content": f"Réponse de charge {secrets.token_hex(6)}",
            },
            name="forum reply",
            allow_redirects=False,
        )

    @task(1)
    def register(self):
        if self.registered:
            self.client.get(FIXTURE["event"]["path"], name="event page")
            return
        self.registered = True
        self.client.post(
            f"/fr/evenements/{FIXTURE['event']['id']}/inscription/",
            {"csrfmiddlewaretoken": self.csrf},
            name="event registration",
            allow_redirects=False,
        )

    @task(2)
    def feeds(self):
        self.client.get("/fr/evenements/calendrier.ics", name="ical feed")
        self.client.get("/fr/notifications/flux/", name="notifications feed")
        self.client.get("/fr/feeds/resources.rss", name="rss feed")
