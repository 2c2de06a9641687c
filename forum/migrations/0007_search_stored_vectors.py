"""Forum search reads stored vectors instead of re-parsing posts.

With expression indexes (0004, 0006) PostgreSQL finds the matching posts in the index, but
must parse every matching post again to rank it (the index holds no vectors): for a common
word on the benchmark's 200,000 posts, 25,000 posts parsed twice (French and English), about
a second per search. Two generated columns keep each post's French and English vectors
(computed by PostgreSQL on every insert and update, whoever writes: machina, bulk_create or
SQL), each with its GIN index; ranking then reads the stored vectors.

These columns live on machina's table, unknown to its models: Django never selects or writes
them. PostgreSQL refuses to change the type of `subject` or `content` while they exist; a
future machina migration that does so needs this one reversed first. The expression indexes
become useless and are dropped. PostgreSQL only; nothing on SQLite."""

from django.db import migrations

TEXT = "coalesce(subject, '') || ' ' || coalesce(content, '')"
FORWARD = [
    "ALTER TABLE forum_conversation_post"
    f" ADD COLUMN IF NOT EXISTS community_search_fr tsvector GENERATED ALWAYS AS"
    f" (to_tsvector('french_unaccent'::regconfig, {TEXT})) STORED,"
    f" ADD COLUMN IF NOT EXISTS community_search_en tsvector GENERATED ALWAYS AS"
    f" (to_tsvector('english_unaccent'::regconfig, {TEXT})) STORED",
    "CREATE INDEX IF NOT EXISTS community_post_search_fr ON forum_conversation_post"
    " USING GIN (community_search_fr)",
    "CREATE INDEX IF NOT EXISTS community_post_search_en ON forum_conversation_post"
    " USING GIN (community_search_en)",
    "DROP INDEX IF EXISTS community_post_fts",
    "DROP INDEX IF EXISTS community_post_fts_en",
]
BACKWARD = [
    "ALTER TABLE forum_conversation_post DROP COLUMN IF EXISTS community_search_fr,"
    " DROP COLUMN IF EXISTS community_search_en",  # drops their indexes too
    "CREATE INDEX IF NOT EXISTS community_post_fts ON forum_conversation_post USING GIN "
    "((to_tsvector('french_unaccent'::regconfig, coalesce(forum_conversation_post.subject, '')"
    " || ' ' || coalesce(forum_conversation_post.content, ''))))",
    "CREATE INDEX IF NOT EXISTS community_post_fts_en ON forum_conversation_post USING GIN "
    "((to_tsvector('english_unaccent'::regconfig, coalesce(forum_conversation_post.subject, '')"
    " || ' ' || coalesce(forum_conversation_post.content, ''))))",
]


def run(statements, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in statements:
            schema_editor.execute(sql)


def forward(apps, schema_editor):
    run(FORWARD, schema_editor)


def backward(apps, schema_editor):
    run(BACKWARD, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("community", "0006_search_english")]

    operations = [migrations.RunPython(forward, backward)]
