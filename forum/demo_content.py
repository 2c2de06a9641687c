# ruff: noqa: E501 -- long French sentences in demo data read better unwrapped
"""Demo discussions for `seed_demo`: realistic questions of Québec community organisations.

Each topic: (forum, asker, subject, question, replies, solution, days_ago). Replies are
(author, text); `solution` is the index of the accepted reply or None. Authors are the demo
members of hub/accounts/demo.py, by the part of their email before the @."""

AIDE = "Demandes d'aide"
OUTILS = "Outils et logiciels"
CYBER = "Cybersécurité"
DONNEES = "Données et gouvernance"
FINANCEMENT = "Financement et bourses"
VIE = "Vie de la communauté"
ANNONCES = "Annonces"
EQUIPE = "Espace équipe et formateurs"

TOPICS = [
    (
        AIDE,
        "nadia",
        "Quel logiciel de gestion des membres pour un petit organisme?",
        "Nous sommes une équipe de trois personnes et nous gérons nos 250 membres dans un tableur. "
        "Avez-vous des recommandations d'outils simples et abordables?",
        [
            (
                "karim",
                "Nous utilisons **CiviCRM** depuis deux ans. C'est gratuit, mais il faut un "
                "peu d'aide pour l'installer. L'hébergement nous coûte environ 20 $ par mois.",
            ),
            (
                "lucie",
                "Regardez aussi Zeffy : gratuit pour les OBNL, et la gestion des membres "
                "est simple. Moins complet que CiviCRM, mais on s'y retrouve vite.",
            ),
            ("nadia", "Merci! Zeffy semble parfait pour notre taille, on commence par ça."),
        ],
        1,
        12,
    ),
    (
        CYBER,
        "francois",
        "Comment sécuriser nos mots de passe partagés?",
        "Toute l'équipe utilise le même mot de passe pour la page Facebook et le compte bancaire "
        "en ligne. Je sais que ce n'est pas idéal… Par où commencer?",
        [
            (
                "marie-eve",
                "Un gestionnaire de mots de passe d'équipe règle ça : **Bitwarden** offre "
                "un plan gratuit pour les organismes. Chacun garde son propre accès, et vous pouvez "
                "retirer celui d'une personne qui quitte.",
            ),
            (
                "amelie",
                "Et activez la double authentification partout où c'est possible, surtout "
                "pour la banque et les réseaux sociaux.",
            ),
            (
                "francois",
                "Parfait, on installe Bitwarden la semaine prochaine. Merci @marie-eve.t!",
            ),
        ],
        0,
        20,
    ),
    (
        DONNEES,
        "lucie",
        "Loi 25 : doit-on nommer une personne responsable des renseignements personnels?",
        "Nous sommes un petit comptoir alimentaire. Est-ce que la Loi 25 s'applique à nous aussi?",
        [
            (
                "marie-eve",
                "Oui, la Loi 25 s'applique à tous les organismes, quelle que soit leur "
                "taille. Par défaut, c'est la personne ayant la plus haute autorité (souvent la "
                "direction) qui est responsable; elle peut déléguer par écrit.",
            ),
            ("karim", "La Commission d'accès à l'information a un guide très clair pour les OBNL."),
        ],
        0,
        30,
    ),
    (
        OUTILS,
        "amelie",
        "Microsoft 365 ou Google Workspace pour OBNL?",
        "Les deux offrent des licences gratuites aux organismes. Qu'est-ce que vous avez choisi "
        "et pourquoi?",
        [
            (
                "karim",
                "Google Workspace : plus simple pour nos bénévoles, tout est dans le navigateur.",
            ),
            ("francois", "Microsoft 365 chez nous, parce que la comptabilité vit dans Excel."),
            (
                "priya",
                "We switched to Google last year; the nonprofit program approval took two weeks.",
            ),
        ],
        None,
        9,
    ),
    (
        FINANCEMENT,
        "gilles",
        "Subventions pour acheter des ordinateurs portables?",
        "Nos ordinateurs ont dix ans. Existe-t-il des programmes pour renouveler le matériel?",
        [
            (
                "lucie",
                "Regardez le programme d'Ordinateurs pour les écoles du Québec (OPEQ) : ils "
                "vendent des ordinateurs reconditionnés à très bas prix aux organismes.",
            ),
            (
                "nadia",
                "Certaines caisses Desjardins ont aussi un fonds d'aide au développement du "
                "milieu. Ça vaut la peine de demander à la vôtre.",
            ),
        ],
        0,
        15,
    ),
    (
        AIDE,
        "david",
        "How do you run hybrid board meetings?",
        "Half of our board joins remotely and the sound is always terrible. Any tips on "
        "equipment or software?",
        [
            (
                "priya",
                "A conference speakerphone (around 150 $) changed everything for us. We use "
                "Zoom, but Teams works too.",
            ),
            (
                "karim",
                "Chez nous, une personne anime la salle et une autre surveille le clavardage.",
            ),
        ],
        0,
        8,
    ),
    (
        CYBER,
        "karim",
        "Courriel d'hameçonnage qui imite notre banque",
        "Une collègue a reçu un courriel qui ressemble exactement à ceux de notre caisse, avec un "
        "lien pour « confirmer » nos informations. Que faire?",
        [
            (
                "marie-eve",
                "Ne cliquez pas, transférez-le au Centre antifraude du Canada et "
                "supprimez-le. Profitez-en pour faire une courte formation à l'équipe.",
            ),
            (
                "francois",
                "Nous avons fait une capsule de 15 minutes lors d'une réunion d'équipe, "
                "ça a vraiment aidé.",
            ),
        ],
        0,
        3,
    ),
    (
        OUTILS,
        "nadia",
        "Outil de prise de rendez-vous en ligne?",
        "Nos intervenantes prennent les rendez-vous par téléphone. Un outil en ligne nous ferait "
        "gagner du temps. Des idées?",
        [
            (
                "amelie",
                "Calendly (version gratuite) pour commencer, ou Microsoft Bookings si vous "
                "avez Microsoft 365.",
            ),
            (
                "lucie",
                "Attention aux renseignements personnels : évitez de demander des détails "
                "sur la situation de la personne dans le formulaire.",
            ),
        ],
        0,
        25,
    ),
    (
        DONNEES,
        "karim",
        "Où conserver les dossiers de nos participants?",
        "Nous avons des dossiers papier et des fichiers Word sur un ordinateur partagé. "
        "Quelle est la bonne pratique?",
        [
            (
                "marie-eve",
                "Idéalement, un dossier numérique dans un outil dont l'accès est contrôlé "
                "par personne, avec des sauvegardes. Et une règle claire de conservation et de "
                "destruction.",
            )
        ],
        None,
        40,
    ),
    (
        VIE,
        "lucie",
        "Bon coup : notre première infolettre!",
        "Après des mois à en parler, nous avons envoyé notre première infolettre à 400 membres "
        "avec Mailchimp. Taux d'ouverture : 52 %!",
        [
            ("nadia", "Bravo! Quel est votre secret pour le taux d'ouverture?"),
            ("lucie", "Un objet court, et un envoi le mardi matin."),
            ("gilles", "Félicitations à toute l'équipe!"),
        ],
        None,
        6,
    ),
    (
        ANNONCES,
        "marie-eve",
        "Bienvenue dans le forum DATAide!",
        "Ce forum est à vous : posez vos questions, partagez vos bons coups et aidez d'autres "
        "intervenant·es. Merci de rester courtois et de ne pas publier de renseignements "
        "personnels.",
        [("karim", "Merci pour ce bel espace!")],
        None,
        60,
    ),
    (
        AIDE,
        "priya",
        "Volunteer scheduling software recommendations?",
        "We coordinate about 80 volunteers for our food bank. Spreadsheets are getting out of "
        "hand.",
        [
            ("david", "We use SignUpGenius — the free tier covers most of our needs."),
            (
                "gilles",
                "Au comptoir, on utilise Bénévoles Canada / Benevolat.ca pour le recrutement "
                "et un simple Google Agenda partagé pour les quarts.",
            ),
        ],
        0,
        11,
    ),
    (
        OUTILS,
        "francois",
        "Créer un site Web sans programmeur?",
        "Notre site date de 2012. Quel outil pour refaire un site simple nous-mêmes?",
        [
            ("amelie", "WordPress avec un thème simple, ou Wix si vous voulez zéro maintenance."),
            (
                "karim",
                "Pensez à l'accessibilité : contraste, titres, textes alternatifs. "
                "Un site simple et lisible vaut mieux qu'un site spectaculaire.",
            ),
        ],
        None,
        18,
    ),
    (
        CYBER,
        "lucie",
        "Faut-il une assurance cyberrisques?",
        "Notre assureur nous propose une assurance cyberrisques. Est-ce utile pour un petit "
        "organisme?",
        [
            (
                "marie-eve",
                "Ça dépend des données que vous détenez. Si vous conservez des "
                "renseignements sensibles, ça peut valoir la peine. Mais commencez par les bases : "
                "sauvegardes, mises à jour, double authentification.",
            )
        ],
        None,
        33,
    ),
    (
        FINANCEMENT,
        "amelie",
        "Programme de soutien à la transformation numérique?",
        "Quelqu'un a-t-il déjà reçu une aide pour embaucher une ressource en numérique?",
        [
            (
                "nadia",
                "Le programme DATAide offre justement un accompagnement gratuit. Regardez "
                "aussi les fonds de Centraide pour les projets structurants.",
            )
        ],
        None,
        14,
    ),
    (
        DONNEES,
        "david",
        "Anonymizing data before sharing with funders",
        "Our funder wants participant statistics. How do we make sure nobody can be identified?",
        [
            (
                "marie-eve",
                "Share aggregated numbers only, and never cells with fewer than 5 people. "
                "Remove postal codes and birth dates.",
            )
        ],
        0,
        21,
    ),
    (
        AIDE,
        "gilles",
        "Comment faire une visioconférence avec des aînés?",
        "Nos membres aînés ont du mal à se connecter aux rencontres Zoom. Des conseils?",
        [
            (
                "amelie",
                "Envoyez un guide d'une page avec des captures d'écran, et faites une "
                "pratique au téléphone la veille.",
            ),
            (
                "nadia",
                "Nous avons formé deux bénévoles « aidants numériques » qui appellent les "
                "membres avant la rencontre.",
            ),
            ("gilles", "Excellente idée, merci!"),
        ],
        1,
        7,
    ),
    (
        OUTILS,
        "karim",
        "Signature électronique : quelle solution?",
        "Nos ententes de partenariat doivent être signées par plusieurs personnes. "
        "Quelle solution de signature électronique utilisez-vous?",
        [
            (
                "lucie",
                "DocuSign offre un rabais aux OBNL, mais Adobe Acrobat Sign est inclus dans "
                "certaines licences. Pour quelques documents par mois, Dropbox Sign gratuit suffit.",
            )
        ],
        0,
        26,
    ),
    (
        VIE,
        "amelie",
        "Présentation : Carrefour jeunesse Trois-Rivières",
        "Bonjour! Je suis intervenante jeunesse à Trois-Rivières. Nous travaillons sur "
        "l'employabilité des 16-35 ans. Au plaisir d'échanger!",
        [("francois", "Bienvenue Amélie!"), ("lucie", "Bienvenue!")],
        None,
        45,
    ),
    (
        CYBER,
        "nadia",
        "Sauvegardes : à quelle fréquence?",
        "Nous sauvegardons nos fichiers sur une clé USB… quand on y pense. C'est suffisant?",
        [
            (
                "marie-eve",
                "La règle 3-2-1 : trois copies, sur deux supports différents, dont une "
                "hors des locaux. Une sauvegarde infonuagique automatique règle la moitié du problème.",
            ),
            ("karim", "Et testez la restauration au moins une fois par année!"),
        ],
        0,
        16,
    ),
    (
        DONNEES,
        "francois",
        "Sondage en ligne et consentement",
        "Nous voulons sonder nos membres. Que doit-on écrire pour le consentement?",
        [
            (
                "marie-eve",
                "Dites à quoi serviront les réponses, qui y aura accès, combien de temps "
                "vous les conserverez, et que la participation est volontaire.",
            )
        ],
        0,
        28,
    ),
    (
        FINANCEMENT,
        "priya",
        "Grant writing tools?",
        "Are there tools to keep track of grant deadlines and reports?",
        [("david", "We use a shared Airtable base with reminders. Works well for ~30 grants.")],
        None,
        35,
    ),
    (
        AIDE,
        "lucie",
        "Former l'équipe au numérique : par où commencer?",
        "Notre équipe a des niveaux très différents. Comment organiser une formation utile "
        "pour tout le monde?",
        [
            (
                "amelie",
                "Faites d'abord un court sondage des besoins, puis des capsules de 30 "
                "minutes par thème. Les personnes plus à l'aise peuvent jumeler les autres.",
            ),
            (
                "karim",
                "Les webinaires DATAide sont enregistrés : pratique pour revoir à son rythme.",
            ),
        ],
        0,
        10,
    ),
    (
        OUTILS,
        "gilles",
        "Un tableau Kanban pour nos projets?",
        "On entend parler de Trello et Planner. Est-ce que ça vaut la peine pour une petite équipe?",
        [
            (
                "francois",
                "Oui! Trello gratuit suffit largement. On a une colonne par étape et "
                "une carte par projet.",
            )
        ],
        None,
        19,
    ),
    (
        CYBER,
        "amelie",
        "Wi-Fi invité dans nos locaux",
        "Les participants utilisent notre Wi-Fi. Doit-on créer un réseau séparé?",
        [
            (
                "karim",
                "Oui, activez le réseau invité de votre routeur : il isole vos ordinateurs "
                "de ceux du public. Changez aussi le mot de passe d'administration du routeur.",
            )
        ],
        0,
        22,
    ),
    (
        VIE,
        "karim",
        "Retour sur le webinaire « Mots de passe »",
        "Merci pour le webinaire d'hier! Quelqu'un a les liens partagés dans le clavardage?",
        [
            (
                "marie-eve",
                "Ils sont dans la trousse « Cybersécurité de base » de la section Ressources.",
            )
        ],
        0,
        4,
    ),
    (
        DONNEES,
        "nadia",
        "Tableau de bord pour notre conseil d'administration",
        "Nous aimerions présenter nos statistiques de fréquentation de façon claire au CA. "
        "Quel outil simple?",
        [
            ("david", "Looker Studio (free) connected to a Google Sheet works nicely."),
            ("lucie", "Nous faisons simplement des graphiques dans Excel, mis à jour chaque mois."),
        ],
        None,
        13,
    ),
    (
        AIDE,
        "francois",
        "Numériser nos archives papier?",
        "Nous avons 20 boîtes d'archives. Est-ce que ça vaut la peine de tout numériser?",
        [
            (
                "marie-eve",
                "Commencez par trier : ce que la loi vous oblige à conserver, ce qui a une "
                "valeur historique, et le reste. Souvent, une grande partie peut être détruite.",
            )
        ],
        0,
        38,
    ),
    (
        OUTILS,
        "david",
        "Free accounting software for small nonprofits?",
        "Our treasurer uses an old version of Simple Comptable. Alternatives?",
        [
            ("lucie", "QuickBooks Online a un rabais pour OBNL via TechSoup Canada."),
            ("francois", "Wave est gratuit, mais il ne gère pas bien la comptabilité par fonds."),
        ],
        None,
        24,
    ),
    (
        FINANCEMENT,
        "karim",
        "TechSoup Canada : est-ce fiable?",
        "On nous a parlé de TechSoup pour obtenir des licences à rabais. Des expériences?",
        [
            ("priya", "Yes, we got Office and Adobe licences there. Validation takes a few days."),
            ("amelie", "Oui, très fiable. Il faut faire valider votre statut d'organisme d'abord."),
        ],
        1,
        29,
    ),
    (
        VIE,
        "nadia",
        "Idées pour souligner la Semaine de l'action bénévole?",
        "Nous voulons remercier nos bénévoles en avril. Vos idées?",
        [
            ("gilles", "Un petit déjeuner et des certificats personnalisés, ça touche beaucoup."),
            ("amelie", "Une vidéo de remerciements de l'équipe, partagée sur nos réseaux."),
        ],
        None,
        50,
    ),
    (
        CYBER,
        "gilles",
        "Un ancien employé a encore accès à nos comptes",
        "Une employée est partie il y a six mois et nous venons de réaliser qu'elle a encore "
        "accès à notre Google Drive. Que faire?",
        [
            (
                "marie-eve",
                "Retirez son accès tout de suite, changez les mots de passe partagés, "
                "et faites une liste de départ (accès à retirer) pour les prochaines fois.",
            ),
            ("gilles", "C'est fait. Merci pour la liste, on l'ajoute à notre procédure."),
        ],
        0,
        2,
    ),
    (
        AIDE,
        "amelie",
        "Intelligence artificielle : est-ce prudent pour nos rapports?",
        "Des collègues utilisent ChatGPT pour rédiger des rapports. Quelles précautions prendre?",
        [
            (
                "marie-eve",
                "Ne jamais y copier de renseignements personnels ni de données "
                "confidentielles. Relisez et vérifiez tout ce qui est produit.",
            ),
            ("david", "We wrote a one-page AI use policy; happy to share a template."),
        ],
        None,
        5,
    ),
    (
        DONNEES,
        "lucie",
        "Durée de conservation des dossiers",
        "Combien de temps doit-on garder les dossiers des personnes qui ne fréquentent plus "
        "l'organisme?",
        [
            (
                "marie-eve",
                "Il n'y a pas de durée unique : fixez-la dans un calendrier de "
                "conservation selon vos obligations (comptables, contractuelles) et détruisez ensuite "
                "de façon sécuritaire.",
            )
        ],
        0,
        31,
    ),
    (
        OUTILS,
        "priya",
        "Best way to share large files with partners?",
        "We need to send 2 GB video files to partners. Email doesn't work.",
        [("karim", "OneDrive ou Google Drive avec un lien de partage qui expire.")],
        None,
        17,
    ),
    (
        EQUIPE,
        "marie-eve",
        "Planification des webinaires de l'automne",
        "Voici les thèmes proposés : cybersécurité de base, Loi 25, outils collaboratifs. "
        "Vos disponibilités?",
        [("redaction", "Je peux animer celui sur les outils collaboratifs en octobre.")],
        None,
        9,
    ),
    (
        EQUIPE,
        "redaction",
        "Mise à jour de la trousse Loi 25",
        "J'ai mis à jour les gabarits de politique de confidentialité. Relecture bienvenue.",
        [],
        None,
        4,
    ),
    # Waiting for an answer (no reply, more than 48 hours old).
    (
        AIDE,
        "francois",
        "Logiciel de gestion de banque alimentaire?",
        "Nous cherchons un outil pour suivre les paniers distribués et les inscriptions. "
        "Des suggestions?",
        [],
        None,
        4,
    ),
    (
        OUTILS,
        "nadia",
        "Téléphonie IP pour un organisme de 5 personnes?",
        "Notre contrat de téléphonie se termine. La téléphonie IP est-elle une bonne option?",
        [],
        None,
        3,
    ),
    (
        DONNEES,
        "amelie",
        "Registre des incidents de confidentialité : un modèle?",
        "La Loi 25 demande de tenir un registre des incidents. Quelqu'un a un modèle simple?",
        [],
        None,
        6,
    ),
    (
        AIDE,
        "david",
        "Translating our website into English on a budget?",
        "Our website is only in French. Any affordable way to offer an English version?",
        [],
        None,
        5,
    ),
    # Recent, no reply yet (less than 48 hours).
    (
        CYBER,
        "lucie",
        "Double authentification pour les bénévoles?",
        "Est-ce raisonnable d'exiger la double authentification pour nos bénévoles?",
        [],
        None,
        0,
    ),
    (
        FINANCEMENT,
        "gilles",
        "Appel de projets : date limite?",
        "Quelqu'un connaît la date limite de l'appel de projets numériques de cet automne?",
        [],
        None,
        1,
    ),
]

# Reactions: (topic index, reply index or -1 for the question, member, kind)
REACTIONS = [
    (0, 0, "lucie", "thanks"),
    (0, 0, "nadia", "useful"),
    (0, 1, "nadia", "thanks"),
    (0, 1, "karim", "plus_one"),
    (1, 0, "francois", "thanks"),
    (1, 0, "nadia", "useful"),
    (1, 0, "lucie", "plus_one"),
    (1, 1, "francois", "plus_one"),
    (2, 0, "lucie", "thanks"),
    (2, 0, "nadia", "useful"),
    (4, 0, "gilles", "thanks"),
    (6, 0, "karim", "thanks"),
    (6, 0, "amelie", "useful"),
    (9, -1, "nadia", "plus_one"),
    (9, -1, "karim", "plus_one"),
    (16, 1, "gilles", "thanks"),
    (19, 0, "nadia", "useful"),
    (19, 1, "lucie", "plus_one"),
    (31, 0, "gilles", "thanks"),
    (32, 0, "amelie", "useful"),
]

# A brand-new member's first message, waiting in the moderation queue.
PENDING = (
    AIDE,
    "Première question d'un nouveau membre",
    "Bonjour, je viens d'arriver. Comment publier une offre de bénévolat ici?",
)

# A poll on a topic above: (topic subject, question, choices, votes as (member, choice)).
POLL = (
    "Idées pour souligner la Semaine de l'action bénévole?",
    "Quelle formule préférez-vous pour remercier vos bénévoles?",
    [
        "Un 5 à 7 dans nos locaux",
        "Des cartes de remerciement écrites à la main",
        "Une courte vidéo de l'équipe",
    ],
    [("karim", 0), ("lucie", 1), ("amelie", 0), ("francois", 2), ("gilles", 0)],
)
