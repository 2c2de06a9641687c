"""Forum benchmark: our forum pages against plain django-machina on the same data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_forum_bench \\
        .venv/bin/python -m bench.forum_bench

Builds its own database (test_<name>, dropped at the end) with BENCH_TOPICS topics (10,000)
and BENCH_POSTS posts (200,000), bulk-created (bulk_create skips machina's pre_save
rendering, so `_content_rendered` is set here with forum.markup.render), one long topic of
BENCH_LONG posts for the late page, reactions and accepted answers. Then, signed in as a
member, it measures the median server time (Django's full request stack through the test
client, after warm-up) and the query count of: a topic page (page 1 and the last page of
the long topic), the forum index, a forum page, the unanswered list and search — with our
`forum` app and with plain machina (its own URLs, views and templates) on the same rows, in
alternating blocks so that load from other processes weighs on both alike. It also prints
the CPU time of the Django process, steadier than wall time on a busy machine.

Note: plain machina here renders inside the hub's layout (MACHINA_BASE_TEMPLATE_NAME), and
its pages' `content` block replaces the layout's, so plain machina skips its own forum bar
(and that bar's permission check); ours renders a forum bar on every page."""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPICS = int(os.environ.get("BENCH_TOPICS", "10000"))
POSTS = int(os.environ.get("BENCH_POSTS", "200000"))
LONG = int(os.environ.get("BENCH_LONG", "3000"))
MEMBERS = 300
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# BENCH_ONLY=topic measures only the pages whose label contains "topic".
# BENCH_PROFILE=1 prints the SQL of the topic pages (ours and plain machina).
PROFILE = os.environ.get("BENCH_PROFILE") == "1"
BATCH = 5000

SUBJECTS = ["logiciel", "sécurité", "données", "Loi 25", "subvention"]
BODIES = [
    "Nous utilisons **CiviCRM** depuis deux ans pour nos membres. Voir https://civicrm.org",
    "Avez-vous essayé un gestionnaire de mots de passe comme Bitwarden? La sécurité en dépend.",
    "La Loi 25 s'applique à tous les organismes.\n\n- registre\n- politique",
    "> Quel logiciel?\n\nUn tableur partagé suffit pour commencer, puis une base de données.",
    "We switched to Google Workspace last year; the nonprofit program took two weeks.",
    "Pensez aux sauvegardes : trois copies, deux supports, une hors des locaux.",
    "Merci pour la réponse, ça règle notre problème de données!",
    "Quelle trousse recommandez-vous pour former une équipe au numérique?",
]


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_forum_bench")
    import django

    django.setup()


def build(log):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Post, Topic

    from demo.loaders import forum as forum_demo
    from forum.markup import render
    from forum.models import Reaction, TopicSolution

    rng = random.Random(42)
    User = get_user_model()
    forum_demo.seed_forums(lambda message: None)
    forums = list(Forum.objects.filter(name__in=forum_demo.public_forum_names()))
    User.objects.bulk_create(
        User(
            email=f"bench{n}@exemple.org",
            first_name=f"Membre{n}",
            last_name="Banc",
            password="!",  # noqa: S106 - unusable hash: these members never sign in
        )
        for n in range(MEMBERS)
    )
    members = list(User.objects.filter(email__startswith="bench"))
    now = timezone.now()
    rendered = [(body, render(body)) for body in BODIES]

    started = time.perf_counter()
    topics = []
    for n in range(TOPICS):
        created = now - timedelta(minutes=rng.randint(60 * 49, 60 * 24 * 700))
        topics.append(
            Topic(
                forum=rng.choice(forums),
                poster=rng.choice(members),
                subject=f"Question {n} : {rng.choice(SUBJECTS)}",
                slug=f"question-{n}",
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
                approved=True,
                created=created,
                updated=created,
            )
        )
    Topic.objects.bulk_create(topics, batch_size=BATCH)
    topics = list(Topic.objects.order_by("pk").values_list("pk", "poster_id", "created"))
    log(f"{len(topics)} topics in {time.perf_counter() - started:.1f} s")

    # One long topic for the late page; 10 % of the others stay unanswered.
    counts = {topics[0][0]: LONG}
    remaining = POSTS - LONG - (len(topics) - 1)
    answered = [t for t in topics[1:] if rng.random() > 0.10]
    for _ in range(remaining):
        pk = rng.choice(answered)[0]
        counts[pk] = counts.get(pk, 1) + 1
    started = time.perf_counter()
    batch = []
    total = 0
    for pk, poster_id, created in topics:
        for index in range(counts.get(pk, 1)):
            body, html = rng.choice(rendered)
            when = created + timedelta(minutes=7 * index)
            batch.append(
                Post(
                    topic_id=pk,
                    poster_id=poster_id if index == 0 else rng.choice(members).pk,
                    subject=f"Re: {pk}",
                    content=body,
                    _content_rendered=html,
                    approved=True,
                    created=when,
                    updated=when,
                )
            )
            if len(batch) >= BATCH:
                Post.objects.bulk_create(batch)
                total += len(batch)
                batch = []
    Post.objects.bulk_create(batch)
    total += len(batch)
    log(f"{total} posts in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE forum_conversation_topic t SET
                 posts_count = s.n, first_post_id = s.first_id, last_post_id = s.last_id,
                 last_post_on = s.last_on
               FROM (SELECT topic_id, count(*) AS n, min(id) AS first_id, max(id) AS last_id,
                            max(created) AS last_on
                     FROM forum_conversation_post GROUP BY topic_id) s
               WHERE s.topic_id = t.id"""
        )
        cursor.execute("ANALYZE")
    for forum in forums:
        forum.refresh_from_db()
        forum.update_trackers()
    log(f"trackers in {time.perf_counter() - started:.1f} s")

    long_posts = list(Post.objects.filter(topic_id=topics[0][0]).values_list("pk", flat=True))
    reactions = set()
    for _ in range(20000):
        post_id = rng.choice(long_posts) if rng.random() < 0.2 else None
        if post_id is None:
            continue
        reactions.add(
            (post_id, rng.choice(members).pk, rng.choice(["thanks", "plus_one", "useful"]))
        )
    Reaction.objects.bulk_create(
        [Reaction(post_id=p, user_id=u, kind=k) for p, u, k in reactions], ignore_conflicts=True
    )
    solved = []
    for pk, _poster, _created in rng.sample(topics[1:], min(2000, len(topics) // 5)):
        if counts.get(pk, 1) > 1:
            answer = Post.objects.filter(topic_id=pk).order_by("created").values_list("pk")[1][0]
            solved.append(TopicSolution(topic_id=pk, post_id=answer))
    TopicSolution.objects.bulk_create(solved)
    answer = long_posts[5]
    TopicSolution.objects.create(topic_id=topics[0][0], post_id=answer)
    log(f"{len(reactions)} reactions, {len(solved) + 1} solutions")
    return Topic.objects.select_related("forum").get(pk=topics[0][0]), members[0]


def measure(client, url, runs):
    """Wall and CPU milliseconds of `runs` requests after two warm-up ones, and the query
    count of one more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    if PROFILE and "topic" in url:
        print(f"\n--- queries of {url}")
        for query in queries.captured_queries:
            print(f"  {query['time']:>6} {query['sql'][:220]}")
    return wall, cpu, len(queries)


def main() -> int:
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from machina import MACHINA_MAIN_TEMPLATE_DIR

    from forum import tracking

    setup_test_environment()
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        topic, member = build(lambda message: print("  " + message, flush=True))
        forum = topic.forum
        base = f"/fr/forum/forum/{forum.slug}-{forum.pk}/"
        topic_path = f"{base}topic/{topic.slug}-{topic.pk}/"
        last_page = (topic.posts_count - 1) // 15 + 1
        pages = [
            ("topic page 1 (long topic)", topic_path),
            (f"topic last page (page {last_page})", f"{topic_path}?page={last_page}"),
            ("forum index", "/fr/forum/"),
            ("forum page", base),
            ("unanswered list", "/fr/forum/sans-reponse/"),
            ("search 'securite'", "/fr/forum/recherche/?q=securite"),
            ("search 'securite' page 2", "/fr/forum/recherche/?q=securite&page=2"),
            ("search 'switching' (English)", "/fr/forum/recherche/?q=switching"),
        ]
        plain_pages = {
            "search 'securite'": "/fr/forum/search/?q=securite",
            # Plain machina answers 404: its "simple" search does not fold accents, so
            # "securite" finds none of the "sécurité" posts and there is no page 2.
            "search 'securite' page 2": None,
            "search 'switching' (English)": "/fr/forum/search/?q=switching",
            "unanswered list": None,  # plain machina has no such page
        }
        only = os.environ.get("BENCH_ONLY")  # e.g. "topic": only the pages whose label has it
        if only:
            pages = [(label, url) for label, url in pages if only in label]
        client = Client()
        client.force_login(member)
        # Ours and plain machina take turns (ROUNDS blocks each) so that a busy machine
        # slows both alike; each figure is the median over all blocks.
        results = {label: ([], [], 0) for label, _url in pages}
        plain = {label: ([], [], 0) for label, _url in pages}
        plain_templates = [dict(settings.TEMPLATES[0])]
        plain_templates[0]["DIRS"] = [MACHINA_MAIN_TEMPLATE_DIR]
        per_block = max(1, RUNS // ROUNDS)
        for _round in range(ROUNDS):
            for label, url in pages:
                wall, cpu, queries = measure(client, url, per_block)
                results[label] = (results[label][0] + wall, results[label][1] + cpu, queries)
            tracking.disconnect()  # plain machina marks topics read its own way
            with override_settings(
                ROOT_URLCONF="bench.forum_plain_urls", TEMPLATES=plain_templates
            ):
                for label, url in pages:
                    url = plain_pages.get(label, url)
                    if url is None:
                        plain[label] = None
                        continue
                    runs = 1 if "search" in label else per_block
                    wall, cpu, queries = measure(client, url, runs)
                    plain[label] = (plain[label][0] + wall, plain[label][1] + cpu, queries)
            tracking.connect()
        print(
            f"\nforum_bench: {TOPICS} topics, {POSTS} posts, long topic of {topic.posts_count}"
            f" posts; signed-in member; median of {per_block * ROUNDS} requests in {ROUNDS}"
            " alternating blocks: wall ms (server time), CPU ms of the Django process, queries"
        )
        header = f"{'page':34} {'ours ms':>8} {'cpu':>6} {'q':>3}"
        print(header + f"  {'machina ms':>10} {'cpu':>6} {'q':>3}")
        for label, _url in pages:
            wall, cpu, queries = results[label]
            line = f"{label:34} {statistics.median(wall):8.1f} {statistics.median(cpu):6.1f}"
            line += f" {queries:3d}"
            if plain[label] is None:
                line += f"  {'—':>10} {'—':>6} {'—':>3}"
            else:
                p_wall, p_cpu, p_queries = plain[label]
                line += (
                    f"  {statistics.median(p_wall):10.1f} {statistics.median(p_cpu):6.1f}"
                    f" {p_queries:3d}"
                )
            print(line)
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
