"""Demo content of the library: themes, resources, toolkits, standard pages (fr, en).
Each resource: (key, format, level, audience, themes, fr, en-or-None), where a language
entry is (slug, title, summary, checklist items)."""

THEMES = [
    ("cyber", ("cybersecurite", "Cybersécurité"), ("cybersecurity", "Cybersecurity")),
    (
        "data",
        ("gestion-des-donnees", "Gestion des données"),
        ("data-management", "Data management"),
    ),
    (
        "collab",
        ("outils-collaboratifs", "Outils collaboratifs"),
        ("collaboration-tools", "Collaboration tools"),
    ),
    (
        "gov",
        ("gouvernance-des-donnees", "Gouvernance des données"),
        ("data-governance", "Data governance"),
    ),
    (
        "comms",
        ("communications-numeriques", "Communications numériques"),
        ("digital-communications", "Digital communications"),
    ),
    (
        "hardware",
        ("materiel-et-licences", "Matériel et licences"),
        ("hardware-and-licences", "Hardware and licences"),
    ),
]

R = []  # filled below, one call per resource


def resource(key, fmt, level, audience, themes, fr, en=None):
    R.append((key, fmt, level, audience, themes, fr, en))


resource(
    "passwords",
    "guide",
    "beginner",
    "everyone",
    ["cyber"],
    (
        "gerer-les-mots-de-passe",
        "Gérer les mots de passe de votre organisme",
        "Choisir un gestionnaire de mots de passe, partager les accès sans les écrire sur un "
        "post-it et retirer les accès au départ d'une personne.",
        [
            "Choisir un gestionnaire de mots de passe",
            "Créer un coffre partagé par équipe",
            "Retirer les accès au départ d'un·e employé·e",
        ],
    ),
    (
        "managing-passwords",
        "Managing your organization's passwords",
        "Choose a password manager, share access without sticky notes and remove access when "
        "someone leaves.",
        [
            "Choose a password manager",
            "Create a shared vault per team",
            "Remove access when an employee leaves",
        ],
    ),
)
resource(
    "mfa",
    "checklist",
    "beginner",
    "everyone",
    ["cyber"],
    (
        "activer-authentification-multifacteur",
        "Activer l'authentification multifacteur",
        "La mesure de sécurité la plus efficace pour protéger vos courriels et vos comptes "
        "infonuagiques, en 20 minutes.",
        [
            "Activer la validation en deux étapes sur la messagerie",
            "Installer une application d'authentification",
            "Imprimer les codes de secours",
        ],
    ),
    (
        "turn-on-multi-factor-authentication",
        "Turn on multi-factor authentication",
        "The most effective security measure to protect your email and cloud accounts, in 20 "
        "minutes.",
        [
            "Turn on two-step verification for email",
            "Install an authenticator app",
            "Print the backup codes",
        ],
    ),
)
resource(
    "phishing",
    "video",
    "beginner",
    "workers",
    ["cyber"],
    (
        "reconnaitre-hameconnage",
        "Reconnaître un courriel d'hameçonnage",
        "Les indices qui trahissent un faux courriel, et quoi faire si vous avez cliqué.",
        [
            "Vérifier l'adresse de l'expéditeur",
            "Survoler les liens avant de cliquer",
            "Signaler le courriel à la personne responsable",
        ],
    ),
    (
        "spotting-phishing",
        "Spotting a phishing email",
        "The clues that give away a fake email, and what to do if you clicked.",
        [
            "Check the sender's address",
            "Hover over links before clicking",
            "Report the email to the person in charge",
        ],
    ),
)
resource(
    "backups",
    "guide",
    "intermediate",
    "managers",
    ["cyber", "data"],
    (
        "sauvegardes-3-2-1",
        "Des sauvegardes fiables avec la règle 3-2-1",
        "Trois copies, deux supports, une copie hors site : mettre en place des sauvegardes "
        "automatiques et tester leur restauration.",
        [
            "Faire l'inventaire des données à sauvegarder",
            "Automatiser une copie hors site",
            "Tester une restauration chaque trimestre",
        ],
    ),
    (
        "3-2-1-backups",
        "Reliable backups with the 3-2-1 rule",
        "Three copies, two media, one off site: set up automatic backups and test restoring them.",
        [
            "Inventory the data to back up",
            "Automate an off-site copy",
            "Test a restore every quarter",
        ],
    ),
)
resource(
    "incident",
    "template",
    "advanced",
    "managers",
    ["cyber", "gov"],
    (
        "plan-reponse-incident",
        "Modèle de plan de réponse aux incidents de sécurité",
        "Qui appeler, quoi couper, quoi consigner : un plan d'une page à adapter et à afficher.",
        [
            "Nommer une personne responsable",
            "Lister les contacts d'urgence",
            "Prévoir l'avis à la Commission d'accès à l'information",
        ],
    ),
    (
        "incident-response-plan",
        "Security incident response plan template",
        "Who to call, what to switch off, what to record: a one-page plan to adapt and post.",
        [
            "Name a person in charge",
            "List emergency contacts",
            "Plan the notice to the Commission d'accès à l'information",
        ],
    ),
)
resource(
    "updates",
    "checklist",
    "beginner",
    "volunteers",
    ["cyber", "hardware"],
    (
        "mises-a-jour-postes",
        "Garder les postes de travail à jour",
        "Une liste de vérification mensuelle pour les mises à jour de Windows, macOS, des "
        "navigateurs et des téléphones.",
        [
            "Activer les mises à jour automatiques",
            "Redémarrer les postes chaque semaine",
            "Remplacer les appareils qui ne reçoivent plus de mises à jour",
        ],
    ),
    (
        "keeping-computers-updated",
        "Keeping computers up to date",
        "A monthly checklist for Windows, macOS, browser and phone updates.",
        [
            "Turn on automatic updates",
            "Restart computers every week",
            "Replace devices that no longer get updates",
        ],
    ),
)
resource(
    "wifi",
    "guide",
    "intermediate",
    "managers",
    ["cyber", "hardware"],
    (
        "securiser-wifi",
        "Sécuriser le réseau Wi-Fi de vos locaux",
        "Séparer le réseau des visiteurs de celui de l'équipe et choisir un chiffrement adéquat.",
        [
            "Créer un réseau invité séparé",
            "Changer le mot de passe du routeur",
            "Activer le chiffrement WPA3 ou WPA2",
        ],
    ),
    (
        "securing-wifi",
        "Securing your premises' Wi-Fi",
        "Separate the visitors' network from the team's and choose proper encryption.",
        [
            "Create a separate guest network",
            "Change the router password",
            "Turn on WPA3 or WPA2 encryption",
        ],
    ),
)
resource(
    "inventory",
    "template",
    "beginner",
    "managers",
    ["data", "gov"],
    (
        "inventaire-des-donnees",
        "Modèle d'inventaire des données personnelles",
        "Un tableau pour savoir quelles données vous recueillez, où elles sont, qui y a accès "
        "et combien de temps vous les gardez.",
        [
            "Lister chaque fichier ou logiciel",
            "Noter qui y a accès",
            "Fixer une durée de conservation",
        ],
    ),
    (
        "data-inventory",
        "Personal data inventory template",
        "A table to know what data you collect, where it is, who can access it and how long "
        "you keep it.",
        ["List each file or software", "Note who can access it", "Set a retention period"],
    ),
)
resource(
    "retention",
    "guide",
    "intermediate",
    "managers",
    ["data", "gov"],
    (
        "calendrier-de-conservation",
        "Établir un calendrier de conservation",
        "Combien de temps garder les dossiers des participant·e·s, les pièces comptables et "
        "les courriels, et comment détruire le reste.",
        [
            "Classer les documents par catégorie",
            "Fixer les durées avec la direction",
            "Planifier la destruction sécuritaire",
        ],
    ),
    (
        "retention-schedule",
        "Building a retention schedule",
        "How long to keep participant files, accounting records and email, and how to destroy "
        "the rest.",
        ["Sort documents by category", "Set durations with management", "Plan secure destruction"],
    ),
)
resource(
    "spreadsheets",
    "video",
    "beginner",
    "workers",
    ["data"],
    (
        "tableurs-bien-structures",
        "Des tableurs bien structurés",
        "Une ligne par personne, une colonne par information : les règles simples qui "
        "évitent les doublons et les erreurs.",
        [
            "Une seule information par colonne",
            "Utiliser des listes déroulantes",
            "Ne jamais fusionner de cellules",
        ],
    ),
    (
        "well-structured-spreadsheets",
        "Well-structured spreadsheets",
        "One row per person, one column per fact: simple rules that avoid duplicates and errors.",
        ["One fact per column", "Use drop-down lists", "Never merge cells"],
    ),
)
resource(
    "crm",
    "tool",
    "intermediate",
    "managers",
    ["data", "collab"],
    (
        "choisir-un-crm",
        "Choisir un logiciel de gestion des membres et des dons",
        "Comparer les solutions utilisées par les organismes communautaires du Québec selon "
        "le prix, l'hébergement des données et le soutien en français.",
        [
            "Définir vos besoins essentiels",
            "Vérifier où les données sont hébergées",
            "Demander une démonstration en français",
        ],
    ),
    (
        "choosing-a-crm",
        "Choosing a member and donor management software",
        "Compare the tools Québec community organizations use by price, data hosting and "
        "French-language support.",
        [
            "Define your essential needs",
            "Check where the data is hosted",
            "Ask for a demo in French",
        ],
    ),
)
resource(
    "survey",
    "guide",
    "beginner",
    "workers",
    ["data", "comms"],
    (
        "sondages-respectueux",
        "Concevoir un sondage respectueux des participant·e·s",
        "Ne demander que le nécessaire, expliquer l'usage des réponses et choisir un outil "
        "qui héberge les données au Canada.",
        [
            "Limiter les questions au nécessaire",
            "Rédiger un avis de confidentialité clair",
            "Choisir un outil hébergé au Canada",
        ],
    ),
    None,
)
resource(
    "dashboard",
    "webinar",
    "advanced",
    "managers",
    ["data"],
    (
        "tableau-de-bord-impact",
        "Rediffusion : un tableau de bord d'impact avec Looker Studio",
        "Présenter vos statistiques de fréquentation au conseil d'administration et aux "
        "bailleurs de fonds sans ressaisie.",
        ["Relier la source de données", "Choisir trois indicateurs", "Partager en lecture seule"],
    ),
    (
        "impact-dashboard",
        "Replay: an impact dashboard with Looker Studio",
        "Show your attendance figures to the board and funders without retyping them.",
        ["Connect the data source", "Choose three indicators", "Share read-only"],
    ),
)
resource(
    "teams",
    "guide",
    "beginner",
    "workers",
    ["collab"],
    (
        "bien-demarrer-avec-teams",
        "Bien démarrer avec Microsoft Teams",
        "Organiser les équipes et les canaux, partager des fichiers au bon endroit et garder "
        "les conversations lisibles.",
        [
            "Créer une équipe par projet",
            "Ranger les fichiers dans les canaux",
            "Mentionner les personnes avec @",
        ],
    ),
    (
        "getting-started-with-teams",
        "Getting started with Microsoft Teams",
        "Organize teams and channels, share files in the right place and keep conversations "
        "readable.",
        ["Create one team per project", "Keep files in channels", "Mention people with @"],
    ),
)
resource(
    "drive",
    "checklist",
    "intermediate",
    "managers",
    ["collab", "gov"],
    (
        "organiser-les-dossiers-partages",
        "Organiser les dossiers partagés",
        "Une arborescence commune, des droits d'accès par groupe et des noms de fichiers "
        "cohérents.",
        [
            "Définir une arborescence commune",
            "Donner les accès par groupe",
            "Adopter une convention de nommage",
        ],
    ),
    (
        "organizing-shared-folders",
        "Organizing shared folders",
        "A common folder tree, access rights per group and consistent file names.",
        ["Agree on a common folder tree", "Grant access by group", "Adopt a naming convention"],
    ),
)
resource(
    "meetings",
    "guide",
    "beginner",
    "board",
    ["collab"],
    (
        "reunions-hybrides",
        "Réussir les réunions hybrides du conseil d'administration",
        "Le matériel, l'animation et les règles pour que les personnes à distance participent "
        "autant que celles dans la salle.",
        [
            "Tester le micro de la salle",
            "Nommer une personne à l'animation du clavardage",
            "Envoyer les documents la veille",
        ],
    ),
    (
        "hybrid-board-meetings",
        "Running hybrid board meetings",
        "Equipment, facilitation and rules so people online take part as much as those in the "
        "room.",
        [
            "Test the room microphone",
            "Name someone to watch the chat",
            "Send documents the day before",
        ],
    ),
)
resource(
    "volunteers",
    "case",
    "intermediate",
    "managers",
    ["collab", "data"],
    (
        "cas-planification-benevoles",
        "Étude de cas : la planification des bénévoles en ligne",
        "Comment une banque alimentaire de Laval a remplacé ses appels téléphoniques par un "
        "calendrier partagé.",
        [
            "Recenser les quarts de travail",
            "Choisir un outil simple",
            "Former deux bénévoles relais",
        ],
    ),
    None,
)
resource(
    "policy",
    "template",
    "intermediate",
    "board",
    ["gov"],
    (
        "politique-protection-renseignements",
        "Modèle de politique de protection des renseignements personnels",
        "Un modèle conforme à la Loi 25 à adapter à votre organisme, avec des exemples commentés.",
        [
            "Nommer la personne responsable",
            "Décrire les renseignements recueillis",
            "Publier la politique sur votre site",
        ],
    ),
    (
        "privacy-policy-template",
        "Privacy policy template",
        "A template that follows Québec's Law 25 to adapt to your organization, with "
        "annotated examples.",
        [
            "Name the person in charge",
            "Describe the information collected",
            "Publish the policy on your website",
        ],
    ),
)
resource(
    "law25",
    "webinar",
    "beginner",
    "everyone",
    ["gov"],
    (
        "loi-25-essentiel",
        "Rediffusion : la Loi 25 pour les organismes communautaires",
        "Ce que la loi exige de votre organisme, dans quel ordre s'y mettre et les ressources "
        "gratuites pour vous aider.",
        [
            "Désigner la personne responsable",
            "Tenir un registre des incidents",
            "Faire une évaluation des facteurs relatifs à la vie privée",
        ],
    ),
    (
        "law-25-essentials",
        "Replay: Law 25 for community organizations",
        "What the law requires of your organization, in which order to start and free "
        "resources to help.",
        [
            "Designate the person in charge",
            "Keep an incident register",
            "Carry out a privacy impact assessment",
        ],
    ),
)
resource(
    "consent",
    "checklist",
    "intermediate",
    "workers",
    ["gov", "data"],
    (
        "consentement-eclaire",
        "Obtenir un consentement éclairé",
        "Les questions à vous poser avant de recueillir, d'utiliser ou de communiquer des "
        "renseignements sur les personnes que vous accompagnez.",
        [
            "Expliquer la finalité en mots simples",
            "Demander un consentement distinct",
            "Consigner le consentement au dossier",
        ],
    ),
    (
        "informed-consent",
        "Obtaining informed consent",
        "Questions to ask before collecting, using or sharing information about the people "
        "you support.",
        [
            "Explain the purpose in plain words",
            "Ask for separate consent",
            "Record consent in the file",
        ],
    ),
)
resource(
    "pia",
    "guide",
    "advanced",
    "managers",
    ["gov"],
    (
        "evaluation-facteurs-vie-privee",
        "Réaliser une évaluation des facteurs relatifs à la vie privée (EFVP)",
        "Quand une EFVP est obligatoire et comment la mener pour un nouveau logiciel ou un "
        "nouveau projet.",
        [
            "Décrire le projet et les données",
            "Évaluer les risques",
            "Documenter les mesures retenues",
        ],
    ),
    None,
)
resource(
    "newsletter",
    "guide",
    "beginner",
    "workers",
    ["comms"],
    (
        "infolettre-efficace",
        "Une infolettre que les gens lisent",
        "Fréquence, objet, longueur et consentement : les bonnes pratiques pour l'infolettre "
        "de votre organisme.",
        [
            "Choisir une fréquence réaliste",
            "Rédiger un objet court",
            "Vérifier le consentement (LCAP)",
        ],
    ),
    (
        "effective-newsletter",
        "A newsletter people read",
        "Frequency, subject line, length and consent: good practice for your organization's "
        "newsletter.",
        ["Choose a realistic frequency", "Write a short subject line", "Check consent (CASL)"],
    ),
)
resource(
    "social",
    "template",
    "beginner",
    "volunteers",
    ["comms"],
    (
        "calendrier-reseaux-sociaux",
        "Calendrier de publication pour les réseaux sociaux",
        "Un modèle mensuel pour planifier vos publications Facebook et Instagram à plusieurs.",
        [
            "Choisir deux réseaux seulement",
            "Planifier un mois à l'avance",
            "Répartir les tâches entre bénévoles",
        ],
    ),
    (
        "social-media-calendar",
        "Social media posting calendar",
        "A monthly template to plan your Facebook and Instagram posts as a team.",
        ["Pick two networks only", "Plan a month ahead", "Share tasks among volunteers"],
    ),
)
resource(
    "accessibility",
    "checklist",
    "intermediate",
    "workers",
    ["comms"],
    (
        "documents-accessibles",
        "Produire des documents accessibles",
        "Titres structurés, textes de remplacement, contrastes : rendre vos documents Word et "
        "PDF lisibles par toutes et tous.",
        [
            "Utiliser les styles de titre",
            "Ajouter un texte de remplacement aux images",
            "Vérifier le contraste des couleurs",
        ],
    ),
    (
        "accessible-documents",
        "Producing accessible documents",
        "Structured headings, alt text, contrast: make your Word and PDF documents readable "
        "by everyone.",
        ["Use heading styles", "Add alt text to images", "Check colour contrast"],
    ),
)
resource(
    "website",
    "case",
    "intermediate",
    "managers",
    ["comms", "hardware"],
    (
        "cas-refonte-site-web",
        "Étude de cas : refaire le site Web d'un organisme avec 2 000 $",
        "Un centre de femmes de l'Outaouais raconte son projet, du cahier des charges à la "
        "mise en ligne.",
        [
            "Écrire un court cahier des charges",
            "Comparer trois soumissions",
            "Prévoir la formation de l'équipe",
        ],
    ),
    None,
)
resource(
    "licences",
    "guide",
    "beginner",
    "managers",
    ["hardware"],
    (
        "licences-logiciels-organismes",
        "Obtenir des licences de logiciels à prix réduit",
        "Les programmes de dons et de rabais offerts aux organismes de bienfaisance et à but "
        "non lucratif au Canada.",
        [
            "Vérifier votre admissibilité",
            "Créer un compte TechSoup Canada",
            "Tenir un registre des licences",
        ],
    ),
    (
        "discounted-software-licences",
        "Getting discounted software licences",
        "Donation and discount programs for charities and non-profits in Canada.",
        ["Check your eligibility", "Create a TechSoup Canada account", "Keep a licence register"],
    ),
)
resource(
    "refurbished",
    "guide",
    "beginner",
    "managers",
    ["hardware"],
    (
        "ordinateurs-reconditionnes",
        "Acheter des ordinateurs reconditionnés",
        "Où trouver des ordinateurs reconditionnés fiables au Québec et quoi vérifier avant "
        "l'achat.",
        [
            "Vérifier la garantie",
            "Exiger un effacement certifié des données",
            "Prévoir un système d'exploitation à jour",
        ],
    ),
    (
        "refurbished-computers",
        "Buying refurbished computers",
        "Where to find reliable refurbished computers in Québec and what to check before buying.",
        [
            "Check the warranty",
            "Require certified data wiping",
            "Plan for an up-to-date operating system",
        ],
    ),
)
resource(
    "disposal",
    "checklist",
    "intermediate",
    "volunteers",
    ["hardware", "cyber"],
    (
        "disposer-du-materiel",
        "Se départir du vieux matériel sans fuite de données",
        "Effacer les disques, retirer les comptes et recycler de façon responsable.",
        [
            "Effacer les disques de façon sécuritaire",
            "Retirer l'appareil des comptes",
            "Apporter le matériel à un écocentre",
        ],
    ),
    (
        "disposing-of-hardware",
        "Disposing of old hardware without data leaks",
        "Wipe drives, remove accounts and recycle responsibly.",
        [
            "Securely wipe drives",
            "Remove the device from accounts",
            "Take the equipment to an eco-centre",
        ],
    ),
)
resource(
    "ai",
    "webinar",
    "intermediate",
    "everyone",
    ["gov", "collab"],
    (
        "ia-generative-balises",
        "Rediffusion : l'IA générative avec des balises claires",
        "Utiliser les assistants d'IA pour rédiger sans y verser de renseignements personnels.",
        [
            "Adopter une règle d'utilisation écrite",
            "Ne jamais coller de renseignements personnels",
            "Relire et vérifier chaque texte",
        ],
    ),
    (
        "generative-ai-guidelines",
        "Replay: generative AI with clear guidelines",
        "Use AI assistants to write without feeding them personal information.",
        [
            "Adopt a written usage rule",
            "Never paste personal information",
            "Proofread and check every text",
        ],
    ),
)

TOOLKITS = [
    {
        "themes": ["cyber"],
        "fr": (
            "securiser-donnees-5-etapes",
            "Sécuriser les données de votre organisme en 5 étapes",
            "Un parcours pour passer des mots de passe sur post-it à une équipe protégée.",
        ),
        "en": (
            "secure-your-data-in-5-steps",
            "Secure your organization's data in 5 steps",
            "A path from passwords on sticky notes to a protected team.",
        ),
        "outcomes_fr": [
            "Protéger les comptes de l'équipe",
            "Sauvegarder les données",
            "Réagir à un incident",
        ],
        "outcomes_en": [
            "Protect the team's accounts",
            "Back up your data",
            "Respond to an incident",
        ],
        "steps": [
            (("Protéger les accès", "Protect access"), ["passwords", "mfa"]),
            (("Reconnaître les pièges", "Spot the traps"), ["phishing"]),
            (("Mettre à jour le matériel", "Update the hardware"), ["updates", "wifi"]),
            (("Sauvegarder", "Back up"), ["backups"]),
            (("Se préparer au pire", "Prepare for the worst"), ["incident"]),
        ],
    },
    {
        "themes": ["gov", "data"],
        "fr": (
            "conformite-loi-25",
            "Se conformer à la Loi 25 pas à pas",
            "Les obligations de la Loi 25, une à la fois, avec des modèles prêts à adapter.",
        ),
        "en": (
            "law-25-step-by-step",
            "Complying with Law 25 step by step",
            "Law 25's obligations one at a time, with templates ready to adapt.",
        ),
        "outcomes_fr": ["Nommer la personne responsable", "Publier votre politique"],
        "outcomes_en": ["Name the person in charge", "Publish your policy"],
        "steps": [
            (("Comprendre la loi", "Understand the law"), ["law25"]),
            (("Faire l'inventaire", "Take inventory"), ["inventory", "retention"]),
            (("Obtenir le consentement", "Obtain consent"), ["consent"]),
            (("Adopter une politique", "Adopt a policy"), ["policy", "pia"]),
        ],
    },
    {
        "themes": ["collab"],
        "fr": (
            "travailler-ensemble-a-distance",
            "Travailler ensemble, même à distance",
            "Des outils collaboratifs bien choisis et bien rangés pour toute l'équipe.",
        ),
        "en": (
            "working-together-remotely",
            "Working together, even remotely",
            "Well-chosen, well-organized collaboration tools for the whole team.",
        ),
        "outcomes_fr": ["Organiser les fichiers partagés", "Animer des réunions hybrides"],
        "outcomes_en": ["Organize shared files", "Run hybrid meetings"],
        "steps": [
            (("Choisir la plateforme", "Choose the platform"), ["teams"]),
            (("Ranger les fichiers", "Organize files"), ["drive", "spreadsheets"]),
            (("Se réunir", "Meet"), ["meetings"]),
        ],
    },
    {
        "themes": ["comms"],
        "fr": (
            "communiquer-en-ligne",
            "Communiquer en ligne avec votre communauté",
            "Infolettre, réseaux sociaux et documents accessibles pour joindre tout le monde.",
        ),
        "en": None,
        "outcomes_fr": ["Planifier vos publications", "Produire des documents accessibles"],
        "outcomes_en": [],
        "steps": [
            (("Planifier", "Plan"), ["social"]),
            (("Écrire une infolettre", "Write a newsletter"), ["newsletter"]),
            (("Rendre accessible", "Make it accessible"), ["accessibility"]),
        ],
    },
]

STANDARD_PAGES = [
    {
        "fr": (
            "a-propos",
            "À propos de DATAide",
            "DATAide accompagne les organismes communautaires du Québec dans leur virage "
            "numérique.",
            "<p>DATAide est un programme de trois ans qui offre des ressources, des "
            "trousses, des webinaires et un forum d'entraide aux intervenant·e·s des "
            "organismes communautaires qui luttent contre la pauvreté et l'exclusion.</p>",
        ),
        "en": (
            "about",
            "About DATAide",
            "DATAide supports Québec community organizations through their digital shift.",
            "<p>DATAide is a three-year program offering resources, toolkits, webinars "
            "and a peer-support forum to community workers in organizations fighting "
            "poverty and exclusion.</p>",
        ),
    },
    {
        "fr": (
            "accessibilite",
            "Accessibilité",
            "Notre engagement pour un site utilisable par toutes et tous.",
            "<p>Nous visons la conformité au standard SGQRI 008 et aux WCAG 2.2 niveau AA. "
            "Le site fonctionne au clavier, sans JavaScript et sur téléphone. Signalez-nous "
            "tout obstacle par courriel : accessibilite@dataide.example.</p>",
        ),
        "en": (
            "accessibility",
            "Accessibility",
            "Our commitment to a site everyone can use.",
            "<p>We aim to meet SGQRI 008 and WCAG 2.2 level AA. The site works with a "
            "keyboard, without JavaScript and on a phone. Tell us about any barrier by "
            "email: accessibilite@dataide.example.</p>",
        ),
    },
]
