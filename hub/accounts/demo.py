"""Demo members and organisations (run by `manage.py seed_demo`)."""

from django.contrib.auth.models import Group

from .models import Organisation, Region, User

ORDER = 10
DEMO_PASSWORD = "demo-dataide-2026"  # noqa: S105 - printed by `make run`; demo data only
ADMIN_EMAIL = "admin@dataide.example"

ORGANISATIONS = [
    ("Cuisines collectives du Bas-Saint-Laurent", "01", "food", "1-5", "Bas-Saint-Laurent"),
    ("Maison des familles du Saguenay", "02", "family", "6-20", "Saguenay–Lac-Saint-Jean"),
    ("Entraide Limoilou", "03", "rights", "1-5", "Québec et Chaudière-Appalaches"),
    ("Carrefour jeunesse Trois-Rivières", "04", "youth", "6-20", "Centre-du-Québec et Mauricie"),
    ("Comptoir alimentaire de Sherbrooke", "05", "food", "1-5", "Estrie"),
    ("Logis-Action Hochelaga", "06", "housing", "6-20", "Grand Montréal"),
    (
        "Accueil des nouveaux arrivants de Montréal-Nord",
        "06",
        "immigration",
        "21+",
        "Grand Montréal",
    ),
    ("Alphabétisation Outaouais", "07", "education", "1-5", "Outaouais"),
    ("Aînés en action Rouyn-Noranda", "08", "seniors", "0", "Abitibi-Témiscamingue"),
    ("Solidarité Gaspésie", "11", "employment", "1-5", "Gaspésie–Îles-de-la-Madeleine"),
    ("Centre d'écoute Laval", "13", "health", "6-20", "Grand Montréal"),
    (
        "Coopérative d'habitation de la Montérégie",
        "16",
        "housing",
        "1-5",
        "Centraide Richelieu-Yamaska",
    ),
]

MEMBERS = [
    # email, first, last, job title, organisation index, language, role
    (ADMIN_EMAIL, "Alex", "Administrateur", "Coordination du programme", None, "fr", "admin"),
    (
        "moderation@dataide.example",
        "Marie-Ève",
        "Tremblay",
        "Animatrice de communauté",
        2,
        "fr",
        "moderator",
    ),
    (
        "redaction@dataide.example",
        "Jonathan",
        "Gagnon",
        "Conseiller en transformation numérique",
        None,
        "fr",
        "editor",
    ),
    (
        "revision@dataide.example",
        "Sophie",
        "Côté",
        "Responsable des contenus",
        None,
        "fr",
        "reviewer",
    ),
    ("nadia@exemple.org", "Nadia", "Bouchard", "Coordonnatrice", 0, "fr", "member"),
    ("karim@exemple.org", "Karim", "Benali", "Intervenant communautaire", 6, "fr", "member"),
    ("lucie@exemple.org", "Lucie", "Pelletier", "Directrice générale", 4, "fr", "member"),
    ("francois@exemple.org", "François", "Lavoie", "Agent de développement", 5, "fr", "member"),
    ("amelie@exemple.org", "Amélie", "Roy", "Intervenante jeunesse", 3, "fr", "member"),
    ("david@example.org", "David", "Miller", "Volunteer coordinator", 10, "en", "member"),
    ("priya@example.org", "Priya", "Sharma", "Program manager", 6, "en", "member"),
    ("gilles@exemple.org", "Gilles", "Morin", "Bénévole", 8, "fr", "member"),
]

GROUP_FOR_ROLE = {"moderator": "Modération", "editor": "Rédaction", "reviewer": "Révision"}


def seed(log) -> None:
    regions = {region.code: region for region in Region.objects.all()}
    organisations = []
    for name, code, field, size, territory in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "region": regions[code],
                "mission_field": field,
                "size": size,
                "centraide_territory": territory,
                "is_approved": True,
            },
        )
        organisations.append(organisation)
    for email, first, last, title, org_index, language, role in MEMBERS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            job_title=title,
            preferred_language=language,
            organisation=organisations[org_index] if org_index is not None else None,
            is_staff=role in {"admin", "editor", "reviewer", "moderator"},
            is_superuser=role == "admin",
        )
        # Demo accounts are confirmed already, so they can sign in at once.
        user.emailaddress_set.create(email=email, verified=True, primary=True)
        if role in GROUP_FOR_ROLE:
            group, _ = Group.objects.get_or_create(name=GROUP_FOR_ROLE[role])
            user.groups.add(group)
    log(f"{len(organisations)} organizations, {User.objects.count()} members")
