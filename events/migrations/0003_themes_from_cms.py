"""Events are filed under the library's themes (cms.Theme), the hub's one taxonomy: the new
field stands beside the old one (as `cms_themes`) until 0004 has copied the rows over and
0005 has dropped the old field and given the new one its name. (Renaming the old field out
of the way instead leaves its indexes' names behind, which PostgreSQL's new table would
then need.)"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_theme_updated_at"),
        ("events", "0002_registration_sequence_theme_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="cms_themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="+", to="cms.theme", verbose_name="themes"
            ),
        ),
        migrations.CreateModel(
            name="FormerThemeSlug",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cms.theme",
                    ),
                ),
            ],
        ),
    ]
