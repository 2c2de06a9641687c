"""The events' own themes are gone: 0004 moved every event onto the library's themes, which
now take the field's name."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0004_move_event_themes")]

    operations = [
        migrations.RemoveField(model_name="eventpage", name="themes"),
        migrations.DeleteModel(name="EventTheme"),
        migrations.RenameField(model_name="eventpage", old_name="cms_themes", new_name="themes"),
        migrations.AlterField(
            model_name="eventpage",
            name="themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="events", to="cms.theme", verbose_name="themes"
            ),
        ),
    ]
