"""PostgreSQL text search configurations that fold accents, so "securite" finds "sécurité"
(see shared/PITFALLS.md). Idempotent: the forum room may create the same ones."""

from django.db import migrations

CONFIGS = {"french_unaccent": ("french", "french_stem"), "english_unaccent": ("english", "english_stem")}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, (parent, stemmer) in CONFIGS.items():
        statements.append(
            f"""
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
        )
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_resourceindexpage_standardpage_and_more")]

    # Left in place on rollback: the forum room's search may use them too.
    operations = [migrations.RunPython(create_configurations, migrations.RunPython.noop)]
