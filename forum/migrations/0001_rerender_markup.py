"""Re-renders the HTML machina stored with its old renderer (markdown2 safe_mode, which let
`javascript&colon;` links through) with ours: Markdown, then hub/sanitize.py."""

from django.db import migrations

BATCH = 500


def rerender(apps, schema_editor):
    from forum.markup import render

    for label, model_name, field in [
        ("forum_conversation", "Post", "content"),
        ("forum", "Forum", "description"),
        ("forum_member", "ForumProfile", "signature"),
    ]:
        model = apps.get_model(label, model_name)
        rendered_field = f"_{field}_rendered"
        batch = []
        for row in model.objects.only("pk", field).iterator(chunk_size=BATCH):
            value = getattr(row, field)  # machina's descriptor wraps it in MarkupText
            setattr(row, rendered_field, render(getattr(value, "raw", value)))
            batch.append(row)
            if len(batch) >= BATCH:
                model.objects.bulk_update(batch, [rendered_field])
                batch = []
        if batch:
            model.objects.bulk_update(batch, [rendered_field])


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0011_auto_20190627_2132"),
        ("forum_conversation", "0013_auto_20201220_1745"),
        ("forum_member", "0005_auto_20200423_1049"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
