"""A season of webinars in French and English (run by `manage.py seed_demo`): past ones
with replays, upcoming ones, a series in three parts, one full with a waitlist and one
cancelled. Idempotent: what exists (by slug) is left alone."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from hub.accounts.models import User

from .models import EventIndexPage, EventPage, EventSeries, EventTheme, Registration

ORDER = 50

THEMES = [
    ("donnees", "Données et vie privée", "Data and privacy"),
    ("collaboration", "Outils collaboratifs", "Collaboration tools"),
    ("communication", "Communication numérique", "Digital communication"),
]
SERIES = [("donnees-101", "Données 101", "Data 101")]

# slug, days from today, hour, minutes long, format, themes, series, capacity, extras,
# (French title, summary), (English slug, title, summary)
EVENTS = [
    (
        "loi-25-renseignements-personnels",
        -60,
        (13, 30),
        90,
        "webinar",
        ["donnees"],
        None,
        None,
        {"replay_url": "https://video.dataide.example/replays/loi-25"},
        (
            "Loi 25 : protéger les renseignements personnels de vos membres",
            "Ce que la loi change pour un organisme communautaire, et une liste de "
            "vérification pour s'y conformer pas à pas.",
        ),
        (
            "law-25-personal-information",
            "Law 25: protecting your members' personal information",
            "What the law changes for a community organization, with a step-by-step checklist.",
        ),
    ),
    (
        "microsoft-365-premiers-pas",
        -30,
        (10, 0),
        60,
        "webinar",
        ["collaboration"],
        None,
        None,
        {"replay_url": "https://video.dataide.example/replays/m365"},
        (
            "Microsoft 365 pour les organismes : premiers pas",
            "Teams, OneDrive et SharePoint expliqués simplement, avec les licences gratuites "
            "offertes aux OBNL.",
        ),
        (
            "microsoft-365-first-steps",
            "Microsoft 365 for nonprofits: first steps",
            "Teams, OneDrive and SharePoint made simple, with the free licences for nonprofits.",
        ),
    ),
    (
        "donnees-101-inventorier",
        -14,
        (13, 30),
        90,
        "webinar",
        ["donnees"],
        "donnees-101",
        None,
        {"replay_url": "https://video.dataide.example/replays/donnees-101-1"},
        (
            "Données 101 — partie 1 : inventorier ses données",
            "Quelles données votre organisme recueille-t-il, où sont-elles et qui y a accès?",
        ),
        (
            "data-101-inventory",
            "Data 101 — part 1: taking stock of your data",
            "What data does your organization collect, where is it, and who can see it?",
        ),
    ),
    (
        "donnees-101-nettoyer",
        7,
        (13, 30),
        90,
        "webinar",
        ["donnees"],
        "donnees-101",
        40,
        {"questions": "Quel tableur utilisez-vous?\nUne question pour la formatrice?"},
        (
            "Données 101 — partie 2 : nettoyer ses données",
            "Doublons, formats de dates, listes déroulantes : rendre un fichier fiable.",
        ),
        (
            "data-101-cleaning",
            "Data 101 — part 2: cleaning your data",
            "Duplicates, date formats, drop-down lists: making a spreadsheet reliable.",
        ),
    ),
    (
        "donnees-101-visualiser",
        14,
        (13, 30),
        90,
        "webinar",
        ["donnees"],
        "donnees-101",
        40,
        {},
        (
            "Données 101 — partie 3 : visualiser ses données",
            "Des graphiques clairs pour votre rapport annuel et vos bailleurs de fonds.",
        ),
        (
            "data-101-visualizing",
            "Data 101 — part 3: visualizing your data",
            "Clear charts for your annual report and your funders.",
        ),
    ),
    (
        "infolettre-et-reseaux-sociaux",
        10,
        (12, 0),
        60,
        "webinar",
        ["communication"],
        None,
        3,
        {},
        (
            "Infolettre et réseaux sociaux : une stratégie simple",
            "Un midi-conférence pour planifier trois mois de communications en une heure.",
        ),
        (
            "newsletter-and-social-media",
            "Newsletter and social media: a simple strategy",
            "A lunch talk to plan three months of communications in one hour.",
        ),
    ),
    (
        "cybersecurite-les-bases",
        21,
        (9, 30),
        180,
        "hybrid",
        ["donnees", "collaboration"],
        None,
        25,
        {"place": "Maison du développement durable, 50, rue Sainte-Catherine Ouest, Montréal"},
        (
            "Cybersécurité : les bases pour votre équipe",
            "Mots de passe, double authentification et hameçonnage : un atelier pratique, "
            "sur place ou en ligne.",
        ),
        (
            "cybersecurity-basics",
            "Cybersecurity basics for your team",
            "Passwords, two-factor authentication and phishing: a hands-on workshop, on site "
            "or online.",
        ),
    ),
    (
        "atelier-canva",
        5,
        (14, 0),
        60,
        "webinar",
        ["communication"],
        None,
        None,
        {"cancelled": True},
        (
            "Atelier Canva : des visuels en 10 minutes",
            "Annulé : la formatrice ne peut être présente. Il sera reporté cet hiver.",
        ),
        (
            "canva-workshop",
            "Canva workshop: visuals in 10 minutes",
            "Cancelled: the trainer cannot attend. It will be rescheduled this winter.",
        ),
    ),
]

BODY_FR = (
    "<p>Une heure concrète, des exemples tirés d'organismes communautaires et du temps pour "
    "vos questions. Les diapositives et l'enregistrement sont partagés après la séance.</p>"
)
BODY_EN = (
    "<p>A practical hour, examples from community organizations and time for your "
    "questions. Slides and the recording are shared after the session.</p>"
)
FULL_EVENT = "infolettre-et-reseaux-sociaux"
DEMO_REGISTRANTS = [
    "nadia@exemple.org",
    "karim@exemple.org",
    "lucie@exemple.org",
    "francois@exemple.org",
    "david@example.org",
]


def _index(home: HomePage, en: Locale) -> EventIndexPage:
    index = EventIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title="Événements",
                slug="evenements",
                intro="<p>Webinaires et formations pour les organismes communautaires.</p>",
            )
        )
        index.save_revision().publish()
    if not EventIndexPage.objects.filter(locale=en).exists():
        english = index.copy_for_translation(en)
        english.title = "Events"
        english.slug = "events"
        english.intro = "<p>Webinars and trainings for community organizations.</p>"
        english.save_revision().publish()
    return index


def seed(log) -> None:
    home = HomePage.objects.filter(locale__language_code="fr").first()
    if home is None:
        log("events: no home page, skipped")
        return
    en = Locale.objects.get(language_code="en")
    index = _index(home, en)
    themes = {}
    for slug, name_fr, name_en in THEMES:
        themes[slug], _ = EventTheme.objects.get_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en}
        )
    series = {}
    for slug, name_fr, name_en in SERIES:
        series[slug], _ = EventSeries.objects.get_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en}
        )
    today = timezone.localdate()
    created = 0
    for (
        slug,
        days,
        (hour, minute),
        minutes,
        fmt,
        theme_slugs,
        series_slug,
        capacity,
        extra,
        (title, summary),
        (slug_en, title_en, summary_en),
    ) in EVENTS:
        if EventPage.objects.filter(slug=slug, locale=index.locale).exists():
            continue
        start = timezone.make_aware(
            datetime.combine(today + timedelta(days=days), time(hour, minute))
        )
        page = index.add_child(
            instance=EventPage(
                title=title,
                slug=slug,
                summary=summary,
                body=BODY_FR,
                start=start,
                end=start + timedelta(minutes=minutes),
                format=fmt,
                platform="Zoom" if fmt != "in_person" else "",
                speakers="Geneviève Lemieux — Nord Ouvert\nSamuel Ouellet — Centraide",
                series=series.get(series_slug),
                capacity=capacity,
                audience="Intervenant·es et gestionnaires d'organismes communautaires",
                accessibility="Sous-titres en français. Enregistrement disponible après.",
                join_url="https://zoom.example/j/8475550123?pwd=demo",
                **extra,
            )
        )
        page.themes.set([themes[theme] for theme in theme_slugs])
        page.save_revision().publish()
        english = page.copy_for_translation(en)
        english.title = title_en
        english.slug = slug_en
        english.summary = summary_en
        english.body = BODY_EN
        english.audience = "Community workers and managers"
        english.accessibility = "French captions. Recording available afterwards."
        english.save_revision().publish()
        created += 1
        _demo_registrations(page)
    log(f"events: {created} new, {EventPage.objects.count()} pages in all")


def _demo_registrations(page: EventPage) -> None:
    """Demo rows written directly (no emails during seeding)."""
    members = list(User.objects.filter(email__in=DEMO_REGISTRANTS).order_by("pk"))
    if page.cancelled:
        return
    if page.slug == FULL_EVENT:
        for number, member in enumerate(members):
            confirmed = number < (page.capacity or 0)
            Registration.objects.get_or_create(
                event=page,
                user=member,
                defaults={
                    "status": "confirmed" if confirmed else "waitlisted",
                    "waitlist_order": None if confirmed else number,
                },
            )
        return
    for member in members[:2]:
        Registration.objects.get_or_create(
            event=page,
            user=member,
            defaults={"status": "confirmed", "attended": True if page.is_past else None},
        )
