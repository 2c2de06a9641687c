"""Forum search in English too: a second expression GIN index on posts, with the
`english_unaccent` configuration (English stemming, accents ignored), the same expression as
the French index of 0004 with the English configuration. The configurations are created here if
missing (idempotent, as in 0002 and cms 0003), so the forum does not depend on the CMS's
migration order. PostgreSQL only; nothing to do on SQLite, where search uses icontains."""

from django.db import migrations

CONFIGS = {
    "french_unaccent": ("french", "french_stem"),
    "english_unaccent": ("english", "english_stem"),
}
CREATE_CONFIG = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent});
    ALTER TEXT SEARCH CONFIGURATION {name}
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
  END IF;
END
$$;
"""
# Written out rather than imported from forum.selectors: a migration must not change when the
# code does. (0007 replaces this index with stored vectors.)
CREATE_INDEX = (
    "CREATE INDEX IF NOT EXISTS community_post_fts_en ON forum_conversation_post USING GIN "
    "((to_tsvector('english_unaccent'::regconfig, coalesce(forum_conversation_post.subject, '')"
    " || ' ' || coalesce(forum_conversation_post.content, ''))))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (parent, stemmer) in CONFIGS.items():
        schema_editor.execute(CREATE_CONFIG.format(name=name, parent=parent, stemmer=stemmer))
    schema_editor.execute(CREATE_INDEX)


def drop(apps, schema_editor):
    # The configurations stay: the CMS search uses them too.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS community_post_fts_en")


class Migration(migrations.Migration):
    dependencies = [("community", "0005_forum_follow")]

    operations = [migrations.RunPython(create, drop)]
