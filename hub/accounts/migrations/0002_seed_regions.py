from django.db import migrations

from hub.accounts.regions import QUEBEC_REGIONS


def add_regions(apps, schema_editor):
    Region = apps.get_model("accounts", "Region")
    for code, name in QUEBEC_REGIONS:
        Region.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
