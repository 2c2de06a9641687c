"""PostgreSQL full-text configuration `french_unaccent` (French stemming that ignores
accents, see shared/PITFALLS.md). The CMS may create the same one: both are idempotent.
Nothing to do on SQLite, where the forum search falls back to icontains."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END
$$;
"""


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_rerender_markup")]

    operations = [migrations.RunPython(create_config, migrations.RunPython.noop)]
