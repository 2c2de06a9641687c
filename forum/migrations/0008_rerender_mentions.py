"""Re-renders stored posts so that @handle mentions written before the renderer knew them
show as mentions (in bold), like new posts."""

from django.db import migrations


def rerender(apps, schema_editor):
    from forum.markup import rerender_stored

    rerender_stored(apps.get_model("forum_conversation", "Post"), "content")


class Migration(migrations.Migration):
    dependencies = [("community", "0007_search_stored_vectors")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
