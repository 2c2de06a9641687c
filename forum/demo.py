"""Forum categories of the programme (run by `manage.py seed_demo`)."""

from machina.apps.forum.models import Forum
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

ORDER = 40

# (name, description, public): public forums are readable by visitors who are not signed in.
FORUMS = [
    (
        "Demandes d'aide",
        "Posez votre question : d'autres intervenant·es y ont peut-être déjà répondu.",
        True,
    ),
    (
        "Outils et logiciels",
        "Logiciels de gestion, outils collaboratifs, bureautique, sites Web.",
        True,
    ),
    ("Cybersécurité", "Mots de passe, sauvegardes, hameçonnage : protéger votre organisme.", True),
    (
        "Données et gouvernance",
        "Collecter, protéger et utiliser les données de votre organisme (Loi 25).",
        True,
    ),
    (
        "Financement et bourses",
        "Subventions, bourses et programmes pour financer votre virage numérique.",
        True,
    ),
    ("Vie de la communauté", "Présentations, bons coups et nouvelles des organismes.", True),
    ("Annonces", "Nouvelles du programme DATAide.", True),
    (
        "Espace équipe et formateurs",
        "Réservé à l'équipe du programme et aux formateur·trices.",
        False,
    ),
]

ANONYMOUS_READ = ["can_see_forum", "can_read_forum"]


def seed(log) -> None:
    seed_forums(log)


def seed_forums(log) -> None:
    for name, description, public in FORUMS:
        forum = Forum.objects.filter(name=name).first()
        if forum is None:
            forum = Forum.objects.create(name=name, description=description, type=Forum.FORUM_POST)
        if public:
            for codename in ANONYMOUS_READ:
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    anonymous_user=True,
                    permission=ForumPermission.objects.get(codename=codename),
                    defaults={"has_perm": True},
                )
        else:
            # Members get every default permission on all forums; this one stays closed to them.
            for permission in ForumPermission.objects.filter(codename__in=ANONYMOUS_READ):
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    authenticated_user=True,
                    permission=permission,
                    defaults={"has_perm": False},
                )
    log(f"{Forum.objects.count()} forums")
