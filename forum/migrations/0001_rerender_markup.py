"""Re-renders the HTML machina stored with its old renderer (markdown2 safe_mode, which let
`javascript&colon;` links through) with ours: Markdown, then hub/sanitize.py."""

from django.db import migrations


def rerender(apps, schema_editor):
    from forum.markup import rerender_stored

    for label, model_name, field in [
        ("forum_conversation", "Post", "content"),
        ("forum", "Forum", "description"),
        ("forum_member", "ForumProfile", "signature"),
    ]:
        rerender_stored(apps.get_model(label, model_name), field)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0011_auto_20190627_2132"),
        ("forum_conversation", "0013_auto_20201220_1745"),
        ("forum_member", "0005_auto_20200423_1049"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
