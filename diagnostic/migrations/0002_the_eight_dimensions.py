"""The eight dimensions every question is tied to (issue 14). Their themes are linked by
staff (or the demo loader): themes are content, not schema."""

from django.db import migrations

DIMENSIONS = [
    ("equipement", "Équipement et licences", "Equipment and licences"),
    ("competences", "Compétences", "Skills"),
    ("donnees", "Données et leur gouvernance", "Data and its governance"),
    ("cybersecurite", "Cybersécurité", "Cybersecurity"),
    ("collaboration", "Outils de collaboration", "Collaboration tools"),
    ("communications", "Communications", "Communications"),
    ("strategie", "Stratégie et leadership", "Strategy and leadership"),
    ("budget", "Budget", "Budget"),
]


def seed(apps, schema_editor):
    Dimension = apps.get_model("diagnostic", "Dimension")
    for order, (code, name_fr, name_en) in enumerate(DIMENSIONS, start=1):
        Dimension.objects.update_or_create(
            code=code,
            defaults={"name_fr": name_fr, "name_en": name_en, "sort_order": order * 10},
        )


def unseed(apps, schema_editor):
    apps.get_model("diagnostic", "Dimension").objects.filter(
        code__in=[code for code, _fr, _en in DIMENSIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
