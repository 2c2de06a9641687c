"""Re-renders stored posts with the CommonMark renderer (markdown-it-py), so that posts
written before it read the same as new ones."""

from django.db import migrations


def rerender(apps, schema_editor):
    from forum.markup import rerender_stored

    rerender_stored(apps.get_model("forum_conversation", "Post"), "content")


class Migration(migrations.Migration):
    dependencies = [("community", "0008_rerender_mentions")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
