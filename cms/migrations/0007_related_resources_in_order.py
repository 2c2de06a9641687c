"""Related resources: from a many-to-many shown as a list of every title to ordered links
chosen with a page chooser (MultipleChooserPanel)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def copy_related_resources(apps, schema_editor):
    """The many-to-many's rows become ordered links (by title, as the old list showed)."""
    ResourcePage = apps.get_model("cms", "ResourcePage")
    RelatedResource = apps.get_model("cms", "RelatedResource")
    for page in ResourcePage.objects.all():
        related = page.related_resources.order_by("title")
        RelatedResource.objects.bulk_create(
            RelatedResource(page=page, resource=other, sort_order=order)
            for order, other in enumerate(related)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_theme_follow"),
    ]

    operations = [
        migrations.CreateModel(
            name="RelatedResource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_links",
                        to="cms.resourcepage",
                    ),
                ),
                (
                    "resource",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cms.resourcepage",
                        verbose_name="resource",
                    ),
                ),
            ],
            options={
                "verbose_name": "related resource",
                "verbose_name_plural": "related resources",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(copy_related_resources, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="resourcepage",
            name="related_resources",
        ),
    ]
