"""Re-renders stored posts with the renderer's cost bounds (issue 11): a post past its
budgets shows as its text, and mentions past the fiftieth are no longer bold, as in new
posts."""

from django.db import migrations


def rerender(apps, schema_editor):
    from forum.markup import rerender_stored

    rerender_stored(apps.get_model("forum_conversation", "Post"), "content")


class Migration(migrations.Migration):
    dependencies = [("community", "0009_rerender_commonmark")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
