"""The home page's latest questions walk the approved topics newest first and stop after
five (forum.selectors.latest_topics). Without this index PostgreSQL read and sorted every
approved topic of the readable forums on each home page (issue 16). Partial: held topics
are never listed there. Outside machina's own migrations, like 0004."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS community_topic_latest ON forum_conversation_topic "
    "(last_post_on DESC) WHERE approved"
)
DROP = "DROP INDEX IF EXISTS community_topic_latest"


class Migration(migrations.Migration):
    dependencies = [("community", "0011_forum_category")]

    operations = [migrations.RunSQL(CREATE, DROP)]
