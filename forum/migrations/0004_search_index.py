"""Indexes for the forum's hot reads, outside machina's own migrations (which we never edit):
- full-text GIN index on posts (PostgreSQL only; same expression as forum.selectors);
- topics by forum and last post date (forum pages), by posts count and creation date
  (unanswered questions)."""

from django.db import migrations

POSTGRES = [
    "CREATE INDEX IF NOT EXISTS community_post_fts ON forum_conversation_post USING GIN "
    "((to_tsvector('french_unaccent'::regconfig, coalesce(forum_conversation_post.subject, '')"
    " || ' ' || coalesce(forum_conversation_post.content, ''))))",
]
ANY = [
    "CREATE INDEX IF NOT EXISTS community_topic_forum_last ON forum_conversation_topic "
    "(forum_id, type, last_post_on)",
    "CREATE INDEX IF NOT EXISTS community_topic_unanswered ON forum_conversation_topic "
    "(posts_count, created)",
    "CREATE INDEX IF NOT EXISTS community_post_topic_created ON forum_conversation_post "
    "(topic_id, created)",
    "CREATE INDEX IF NOT EXISTS community_post_poster_created ON forum_conversation_post "
    "(poster_id, created)",
]
DROP = [
    "DROP INDEX IF EXISTS community_post_fts",
    "DROP INDEX IF EXISTS community_topic_forum_last",
    "DROP INDEX IF EXISTS community_topic_unanswered",
    "DROP INDEX IF EXISTS community_post_topic_created",
    "DROP INDEX IF EXISTS community_post_poster_created",
]


def create(apps, schema_editor):
    statements = ANY + (POSTGRES if schema_editor.connection.vendor == "postgresql" else [])
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in DROP:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("community", "0003_reactions_reports_solutions")]

    operations = [migrations.RunPython(create, drop)]
