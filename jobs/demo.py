"""Demo content of the jobs app: real State employers and ~300 generated offers.

The employers are real (names, acronyms, kinds, websites); their logos are drawn here (a coloured
square with the acronym), never downloaded. The offers come from a seeded generator and go through
the importer like any feed, with dates relative to today: a second run the same day changes
nothing, a run on a later day refreshes the dates (one new revision per offer).
"""

import datetime
import io
import random

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from .choices import InstitutionKind
from .importer import COLUMNS, import_offers
from .models import Institution, JobOffer
from .offer_actions import mark_filled

DEMO_SOURCE = "demo"
DEMO_OFFER_COUNT = 300
SEED = 20260101

# (slug, name, acronym, kind, parent slug, website, description, logo colour)
INSTITUTIONS = [
    (
        "services-premier-ministre",
        "Services du Premier ministre",
        "SPM",
        InstitutionKind.MINISTERE,
        None,
        "https://www.info.gouv.fr",
        "Les services qui coordonnent l'action du Gouvernement et portent les missions interministérielles.",
        "#000091",
    ),
    (
        "dinum",
        "Direction interministérielle du numérique",
        "DINUM",
        InstitutionKind.AUTRE,
        "services-premier-ministre",
        "https://www.numerique.gouv.fr",
        "Pilote la transformation numérique de l'État et construit des services numériques interministériels.",
        "#1212ff",
    ),
    (
        "anssi",
        "Agence nationale de la sécurité des systèmes d'information",
        "ANSSI",
        InstitutionKind.SERVICE_COMPETENCE_NATIONALE,
        "services-premier-ministre",
        "https://cyber.gouv.fr",
        "Autorité nationale chargée de la cybersécurité et de la défense des systèmes d'information.",
        "#2f4077",
    ),
    (
        "ministere-economie-finances",
        "Ministère de l'Économie et des Finances",
        "",
        InstitutionKind.MINISTERE,
        None,
        "https://www.economie.gouv.fr",
        "Conduit la politique économique, budgétaire et fiscale de la France.",
        "#5f259f",
    ),
    (
        "dgfip",
        "Direction générale des Finances publiques",
        "DGFiP",
        InstitutionKind.AUTRE,
        "ministere-economie-finances",
        "https://www.impots.gouv.fr",
        "Calcule et collecte l'impôt, tient les comptes publics et gère le patrimoine immobilier de l'État.",
        "#6a6af4",
    ),
    (
        "insee",
        "Institut national de la statistique et des études économiques",
        "Insee",
        InstitutionKind.AUTRE,
        "ministere-economie-finances",
        "https://www.insee.fr",
        "Produit, analyse et diffuse les statistiques officielles sur l'économie et la société françaises.",
        "#a94645",
    ),
    (
        "ministere-armees",
        "Ministère des Armées",
        "MINARM",
        InstitutionKind.MINISTERE,
        None,
        "https://www.defense.gouv.fr",
        "Prépare et met en œuvre la politique de défense et assure la protection du territoire.",
        "#3a3a3a",
    ),
    (
        "ministere-interieur",
        "Ministère de l'Intérieur",
        "",
        InstitutionKind.MINISTERE,
        None,
        "https://www.interieur.gouv.fr",
        "Assure la sécurité intérieure, l'administration du territoire et les libertés publiques.",
        "#18753c",
    ),
    (
        "ants",
        "Agence nationale des titres sécurisés",
        "ANTS",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        "ministere-interieur",
        "https://ants.gouv.fr",
        "Délivre les titres sécurisés : carte nationale d'identité, passeport, permis de conduire, certificat "
        "d'immatriculation.",
        "#0063cb",
    ),
    (
        "ministere-justice",
        "Ministère de la Justice",
        "",
        InstitutionKind.MINISTERE,
        None,
        "https://www.justice.gouv.fr",
        "Garantit le fonctionnement de la justice, l'administration pénitentiaire et la protection de la jeunesse.",
        "#7f4d27",
    ),
    (
        "ministere-education-nationale",
        "Ministère de l'Éducation nationale",
        "MEN",
        InstitutionKind.MINISTERE,
        None,
        "https://www.education.gouv.fr",
        "Organise l'enseignement des écoles, collèges et lycées pour plus de douze millions d'élèves.",
        "#ce614a",
    ),
    (
        "meae",
        "Ministère de l'Europe et des Affaires étrangères",
        "MEAE",
        InstitutionKind.MINISTERE,
        None,
        "https://www.diplomatie.gouv.fr",
        "Conduit la politique étrangère de la France et gère son réseau diplomatique et consulaire.",
        "#27a658",
    ),
    (
        "ministere-transition-ecologique",
        "Ministère de la Transition écologique",
        "",
        InstitutionKind.MINISTERE,
        None,
        "https://www.ecologie.gouv.fr",
        "Prépare et met en œuvre la politique du climat, de l'énergie, de la biodiversité et des transports.",
        "#297254",
    ),
    (
        "meteo-france",
        "Météo-France",
        "",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        "ministere-transition-ecologique",
        "https://meteofrance.com",
        "Service météorologique et climatologique national : prévoir, alerter, comprendre le climat.",
        "#0078f3",
    ),
    (
        "ign",
        "Institut national de l'information géographique et forestière",
        "IGN",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        "ministere-transition-ecologique",
        "https://www.ign.fr",
        "Décrit le territoire national et la forêt française : cartes, données géographiques, Géoplateforme.",
        "#66673d",
    ),
    (
        "ademe",
        "Agence de l'environnement et de la maîtrise de l'énergie",
        "ADEME",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        "ministere-transition-ecologique",
        "https://www.ademe.fr",
        "L'Agence de la transition écologique accompagne la sobriété énergétique et l'économie circulaire.",
        "#68a532",
    ),
    (
        "cour-des-comptes",
        "Cour des comptes",
        "",
        InstitutionKind.JURIDICTION,
        None,
        "https://www.ccomptes.fr",
        "Contrôle la régularité des comptes publics et évalue les politiques publiques.",
        "#4d3d2f",
    ),
    (
        "cnil",
        "Commission nationale de l'informatique et des libertés",
        "CNIL",
        InstitutionKind.AUTORITE_INDEPENDANTE,
        None,
        "https://www.cnil.fr",
        "Protège les données personnelles et accompagne l'innovation dans le respect de la vie privée.",
        "#e1000f",
    ),
    (
        "arcep",
        "Autorité de régulation des communications électroniques, des postes et de la distribution de la presse",
        "Arcep",
        InstitutionKind.AUTORITE_INDEPENDANTE,
        None,
        "https://www.arcep.fr",
        "Régule les réseaux télécoms, les postes et la distribution de la presse au service de l'intérêt général.",
        "#a558a0",
    ),
    (
        "france-travail",
        "France Travail",
        "",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        None,
        "https://www.francetravail.fr",
        "Accompagne les personnes en recherche d'emploi et les entreprises qui recrutent, partout en France.",
        "#e4794a",
    ),
    (
        "caisse-des-depots",
        "Caisse des dépôts et consignations",
        "CDC",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        None,
        "https://www.caissedesdepots.fr",
        "Institution financière publique au service de l'intérêt général et du développement des territoires.",
        "#c3992a",
    ),
    (
        "sante-publique-france",
        "Santé publique France",
        "SpF",
        InstitutionKind.ETABLISSEMENT_PUBLIC,
        None,
        "https://www.santepubliquefrance.fr",
        "Agence nationale de santé publique : surveiller, prévenir, alerter et protéger la santé des populations.",
        "#009081",
    ),
    (
        "agence-numerique-sante",
        "Agence du numérique en santé",
        "ANS",
        InstitutionKind.AUTRE,
        None,
        "https://esante.gouv.fr",
        "Groupement d'intérêt public qui construit les services socles du numérique en santé.",
        "#bb8568",
    ),
]

# (city, postal code) by région; every région appears, overseas and Corsica included.
PARIS_AREA = [
    ("Paris", "75007"),
    ("Paris", "75012"),
    ("Paris", "75013"),
    ("Paris", "75015"),
    ("Saint-Denis", "93200"),
    ("Montreuil", "93100"),
    ("Issy-les-Moulineaux", "92130"),
    ("Montrouge", "92120"),
    ("Saint-Mandé", "94160"),
    ("Noisy-le-Grand", "93160"),
]
REGIONAL_CITIES = [
    ("Lyon", "69003"),
    ("Toulouse", "31100"),
    ("Rennes", "35000"),
    ("Lille", "59000"),
    ("Nantes", "44000"),
    ("Bordeaux", "33000"),
    ("Marseille", "13002"),
    ("Strasbourg", "67000"),
    ("Ajaccio", "20000"),
    ("Pointe-à-Pitre", "97110"),
    ("Fort-de-France", "97200"),
    ("Cayenne", "97300"),
    ("Saint-Denis", "97400"),
    ("Mamoudzou", "97600"),
    ("Orléans", "45000"),
    ("Dijon", "21000"),
    ("Rouen", "76000"),
    ("Montpellier", "34000"),
    ("Grenoble", "38000"),
    ("Metz", "57000"),
    ("Caen", "14000"),
    ("Besançon", "25000"),
    ("Amiens", "80000"),
    ("Nice", "06000"),
    ("Bastia", "20200"),
    ("Limoges", "87000"),
    ("Angers", "49000"),
    ("Brest", "29200"),
    ("Tours", "37000"),
    ("Clermont-Ferrand", "63000"),
    ("Nancy", "54000"),
    ("Poitiers", "86000"),
    ("Aix-en-Provence", "13100"),
    ("Charleville-Mézières", "08000"),
    ("Basse-Terre", "97100"),
]

# Per profession: titles (with their usual category and experience), skills, missions.
PROFESSIONS = {
    "developpement": {
        "titles": [
            ("Développeur·se full stack Python/Django", "a", "confirme"),
            ("Développeuse ou développeur back-end Java", "a", "confirme"),
            ("Développeur·se front-end React, spécialiste accessibilité", "a", "confirme"),
            ("Lead développeur·se PHP/Symfony", "a", "senior"),
            ("Développeur·se Go pour une API nationale", "a", "senior"),
            ("Développeur·se mobile iOS et Android", "a", "confirme"),
            ("Développeur·se web junior", "b", "debutant"),
            ("Ingénieur·e logiciel Rust", "a", "expert"),
        ],
        "skills": [
            "Python",
            "Django",
            "Java",
            "Spring Boot",
            "React",
            "TypeScript",
            "PHP",
            "Symfony",
            "Go",
            "Rust",
            "PostgreSQL",
            "Git",
            "Tests automatisés",
            "Accessibilité (RGAA)",
            "API REST",
            "Kotlin",
            "Swift",
        ],
        "missions": [
            "Concevoir et développer les nouvelles fonctionnalités d'un service utilisé par des millions d'usagers",
            "Écrire un code testé, relu et documenté, et participer aux revues de code de l'équipe",
            "Améliorer la performance et l'accessibilité des parcours les plus fréquentés",
            "Travailler avec le product owner et la designer pour découper et livrer en continu",
            "Maintenir la qualité : dette technique, mises à jour de dépendances, supervision",
            "Partager vos pratiques avec la communauté des développeuses et développeurs de l'État",
        ],
    },
    "donnees": {
        "titles": [
            ("Data engineer", "a", "confirme"),
            ("Data scientist", "a", "confirme"),
            ("Data analyst", "a", "debutant"),
            ("Cheffe ou chef de projet data", "a", "senior"),
            ("Ingénieur·e machine learning", "a", "senior"),
            ("Administrateur·rice de données", "a", "confirme"),
            ("Statisticien·ne chargé·e d'études", "a", "debutant"),
        ],
        "skills": [
            "Python",
            "SQL",
            "dbt",
            "Airflow",
            "Spark",
            "PostgreSQL",
            "Pandas",
            "R",
            "Metabase",
            "Apache Superset",
            "scikit-learn",
            "Open data",
            "Qualité des données",
            "Statistique",
        ],
        "missions": [
            "Construire et fiabiliser les chaînes de traitement qui alimentent les tableaux de bord",
            "Ouvrir les données publiques et documenter les jeux de données sur data.gouv.fr",
            "Analyser les usages pour éclairer les décisions des équipes et des directions",
            "Industrialiser des modèles statistiques et suivre leur qualité dans le temps",
            "Garantir la protection des données personnelles avec la ou le délégué à la protection des données",
            "Accompagner les métiers dans l'expression de leurs besoins en données",
        ],
    },
    "infrastructure-cloud": {
        "titles": [
            ("Administrateur·rice systèmes Linux", "b", "confirme"),
            ("Ingénieur·e DevOps / SRE", "a", "confirme"),
            ("Ingénieur·e Kubernetes et cloud souverain", "a", "senior"),
            ("Ingénieur·e réseaux et télécoms", "a", "confirme"),
            ("Administrateur·rice de bases de données PostgreSQL", "a", "senior"),
            ("Technicien·ne systèmes et réseaux", "b", "debutant"),
        ],
        "skills": [
            "Linux",
            "Kubernetes",
            "Terraform",
            "Ansible",
            "Docker",
            "OpenStack",
            "PostgreSQL",
            "Prometheus",
            "Grafana",
            "GitLab CI",
            "Réseaux TCP/IP",
            "Cloud Pi Native",
            "Bash",
        ],
        "missions": [
            "Opérer les plateformes d'hébergement des services numériques du ministère",
            "Automatiser le déploiement de l'infrastructure et des applications (infrastructure as code)",
            "Assurer la supervision, l'astreinte et la résolution des incidents de production",
            "Contribuer au plan de continuité et aux exercices de reprise d'activité",
            "Accompagner les équipes de développement vers le cloud interne de l'État",
            "Maintenir les systèmes à jour et sécurisés, en lien avec l'équipe sécurité",
        ],
    },
    "securite": {
        "titles": [
            ("RSSI adjoint·e", "a", "senior"),
            ("Analyste SOC", "a", "confirme"),
            ("Auditeur·rice en sécurité des systèmes d'information", "a", "confirme"),
            ("Ingénieur·e en cybersécurité", "a", "confirme"),
            ("Pentester", "a", "senior"),
            ("Chargé·e de mission gouvernance cybersécurité", "a", "confirme"),
        ],
        "skills": [
            "Cybersécurité",
            "EBIOS RM",
            "ISO 27001",
            "SOC",
            "SIEM",
            "Tests d'intrusion",
            "Forensic",
            "Homologation",
            "PKI",
            "Active Directory",
            "Gestion de crise",
            "Analyse de risques",
        ],
        "missions": [
            "Piloter l'analyse de risques et l'homologation des systèmes d'information",
            "Détecter et traiter les incidents de sécurité avec le centre opérationnel",
            "Auditer les applications et les infrastructures, et suivre les plans de remédiation",
            "Sensibiliser les agentes et les agents aux bons réflexes de cybersécurité",
            "Définir la politique de sécurité et vérifier son application",
            "Préparer et animer les exercices de gestion de crise cyber",
        ],
    },
    "architecture": {
        "titles": [
            ("Architecte cloud", "a", "expert"),
            ("Architecte d'entreprise", "aplus", "expert"),
            ("Architecte solutions", "a", "senior"),
            ("Urbaniste des systèmes d'information", "a", "senior"),
        ],
        "skills": [
            "Architecture logicielle",
            "Urbanisation",
            "Cloud",
            "API",
            "Kubernetes",
            "TOGAF",
            "Interopérabilité",
            "Sécurité by design",
            "Microservices",
            "FranceConnect",
        ],
        "missions": [
            "Dessiner l'architecture cible des systèmes d'information et la trajectoire pour y parvenir",
            "Conseiller les projets dans leurs choix techniques structurants",
            "Favoriser la réutilisation des briques communes de l'État (FranceConnect, API Particulier…)",
            "Animer la communauté des architectes et tenir à jour le référentiel d'architecture",
            "Évaluer les coûts, les risques et la soutenabilité des solutions proposées",
        ],
    },
    "produit-projet": {
        "titles": [
            ("Product owner", "a", "confirme"),
            ("Product manager", "a", "senior"),
            ("Cheffe ou chef de projet SI", "a", "confirme"),
            ("Directeur·rice de projet numérique", "aplus", "expert"),
            ("Scrum master", "a", "confirme"),
            ("Chargé·e de projet numérique junior", "b", "debutant"),
        ],
        "skills": [
            "Gestion de produit",
            "Agilité",
            "Scrum",
            "Kanban",
            "Recherche utilisateur",
            "Jira",
            "Gestion de projet",
            "Conduite du changement",
            "Marchés publics",
            "Pilotage budgétaire",
        ],
        "missions": [
            "Porter la vision du produit et prioriser le backlog avec les usagers et les métiers",
            "Mesurer l'impact du service et décider à partir des données d'usage",
            "Coordonner l'équipe pluridisciplinaire et les partenaires (prestataires, directions métiers)",
            "Piloter le budget, le planning et les risques du projet",
            "Organiser les tests avec les usagers et faire évoluer le service en continu",
            "Rendre compte aux instances de pilotage et préparer les arbitrages",
        ],
    },
    "design": {
        "titles": [
            ("Designer UX/UI", "a", "confirme"),
            ("Designer de services", "a", "senior"),
            ("Chargé·e de recherche utilisateur", "a", "confirme"),
            ("Expert·e accessibilité numérique (RGAA)", "a", "senior"),
            ("UX writer", "a", "debutant"),
        ],
        "skills": [
            "Design UX",
            "Design UI",
            "Figma",
            "Système de design de l'État (DSFR)",
            "Accessibilité (RGAA)",
            "Recherche utilisateur",
            "Tests utilisateurs",
            "Prototypage",
            "UX writing",
            "Design de service",
        ],
        "missions": [
            "Conduire des entretiens et des tests avec les usagers pour comprendre leurs besoins",
            "Concevoir des parcours simples, accessibles et conformes au système de design de l'État",
            "Prototyper, tester et itérer avec les développeuses et développeurs",
            "Rédiger des contenus clairs et compréhensibles par toutes et tous",
            "Diffuser la culture du design et de l'accessibilité dans l'administration",
        ],
    },
    "support-exploitation": {
        "titles": [
            ("Technicien·ne support utilisateurs", "b", "debutant"),
            ("Technicien·ne de proximité", "c", "debutant"),
            ("Pilote d'exploitation", "b", "confirme"),
            ("Responsable du centre de services", "a", "senior"),
            ("Gestionnaire de parc informatique", "b", "confirme"),
        ],
        "skills": [
            "Support utilisateurs",
            "ITIL",
            "GLPI",
            "Windows",
            "Linux",
            "Téléphonie",
            "Messagerie",
            "Gestion des incidents",
            "Supervision",
            "Poste de travail",
        ],
        "missions": [
            "Accueillir, diagnostiquer et résoudre les demandes des utilisatrices et utilisateurs",
            "Installer et maintenir les postes de travail, les imprimantes et la téléphonie",
            "Suivre les incidents et les demandes dans l'outil de gestion des tickets",
            "Rédiger des fiches pratiques et former les agents aux outils numériques",
            "Participer à la supervision des applications et au lancement des traitements",
        ],
    },
    "pilotage-numerique": {
        "titles": [
            ("Directeur·rice des systèmes d'information", "aplus", "expert"),
            ("Acheteur·se numérique", "a", "confirme"),
            ("Contrôleur·se de gestion des systèmes d'information", "a", "confirme"),
            ("Chargé·e de mission transformation numérique", "a", "confirme"),
            ("Responsable de la stratégie numérique", "aplus", "senior"),
        ],
        "skills": [
            "Stratégie numérique",
            "Marchés publics",
            "Pilotage budgétaire",
            "Management",
            "Gouvernance SI",
            "Conduite du changement",
            "Numérique responsable",
            "Achats",
            "Contrôle de gestion",
        ],
        "missions": [
            "Définir et piloter la feuille de route numérique de la direction",
            "Préparer et suivre les marchés publics et les budgets informatiques",
            "Animer la gouvernance des projets et le portefeuille d'investissements",
            "Encadrer une équipe et développer les compétences numériques internes",
            "Porter les démarches de numérique responsable et de souveraineté",
        ],
    },
    "autres": {
        "titles": [
            ("Délégué·e à la protection des données (DPO)", "a", "senior"),
            ("Juriste du numérique et des données", "a", "confirme"),
            ("Chargé·e de communication numérique", "a", "debutant"),
            ("Formateur·rice aux outils numériques", "b", "confirme"),
        ],
        "skills": [
            "RGPD",
            "Droit du numérique",
            "Communication numérique",
            "Rédaction web",
            "Formation",
            "Réseaux sociaux",
            "Pédagogie",
            "Données personnelles",
        ],
        "missions": [
            "Conseiller les équipes sur la conformité des traitements de données personnelles",
            "Rédiger les contenus et animer les canaux numériques de l'institution",
            "Concevoir et animer des formations aux outils et aux usages numériques",
            "Tenir le registre des traitements et répondre aux demandes des personnes",
            "Veiller aux évolutions du droit et de la doctrine numériques",
        ],
    },
}
PROFILE_LINES = [
    "Vous aimez travailler en équipe et partager ce que vous savez",
    "Vous êtes attentif·ve à la qualité, à la sécurité et à l'accessibilité",
    "Vous savez expliquer des sujets techniques à des publics non spécialistes",
    "Vous avez le goût du service public et de l'intérêt général",
    "Vous êtes autonome, curieux·se et force de proposition",
    "Vous avez une première expérience dans un environnement agile",
    "Vous savez prioriser et tenir vos engagements",
]
BENEFITS = [
    "Télétravail possible selon l'accord de l'employeur",
    "Restaurant administratif et titres-restaurant selon le site",
    "Remboursement de 75 % de l'abonnement de transport",
    "Forfait mobilités durables pour le vélo et le covoiturage",
    "Jusqu'à 25 jours de congés et des jours de RTT",
    "Formation continue et accès aux communautés professionnelles de l'État",
    "Prestations sociales : crèches, chèques vacances, aides au logement",
    "Un poste qui a du sens, au service de millions de personnes",
]
PROCESS = [
    "Un premier échange téléphonique de 30 minutes avec la personne qui recrute.",
    "Un entretien avec l'équipe et une mise en situation technique (sans exercice à la maison).",
    "Un entretien final avec la direction ; réponse sous deux semaines.",
]
TEAMS = [
    "Direction du numérique",
    "Incubateur de services numériques",
    "Département des systèmes d'information",
    "Service de l'hébergement",
    "Pôle data",
    "Mission cybersécurité",
]


def load(report):
    """Create the employers (with their logos), then import the generated offers."""
    with transaction.atomic():
        created = ensure_institutions()
    report.count("institutions", created)
    result = import_offers(generate_offer_rows(), DEMO_SOURCE)
    # Only possible when an editor changed a demo employer's identifier: the other offers still load.
    report.count("offres de démonstration ignorées (employeur introuvable)", result.rejected)
    report.count("offres créées", result.created)
    report.count("offres mises à jour", result.updated)
    report.count("offres pourvues", mark_some_offers_filled())


def ensure_institutions(with_logos=True):
    """Create the demo employers that are missing; leave existing ones (and editors' changes) alone."""
    existing = {value for pair in Institution.objects.values_list("slug", "name") for value in pair}
    created = 0
    for slug, name, acronym, kind, parent_slug, website, description, colour in INSTITUTIONS:
        if slug in existing or name in existing:
            continue
        Institution.objects.create(
            slug=slug,
            name=name,
            acronym=acronym,
            kind=kind,
            parent=Institution.objects.filter(slug=parent_slug).first() if parent_slug else None,
            website=website,
            description=description,
            logo=_logo(slug, acronym or _initials(name), colour, name) if with_logos else None,
        )
        created += 1
    return created


def _initials(name):
    words = [word for word in name.replace("-", " ").replace("'", " ").split() if word[:1].isupper()]
    return "".join(word[0] for word in words)[:4] or name[:2].upper()


def _logo(slug, text, colour, name):
    """A square PNG logo drawn locally: the acronym in white on the institution's colour."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw, ImageFont

    size = 240
    picture = PillowImage.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(picture)
    font_size = 96 if len(text) <= 3 else 72 if len(text) <= 4 else 52
    font = ImageFont.load_default(size=font_size)
    draw.text((size / 2, size / 2), text, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image_model = get_image_model()
    return image_model.objects.create(
        title=f"Logo {name}",
        file=ImageFile(buffer, name=f"logo-{slug}.png"),
        collection=Collection.get_first_root_node(),
    )


def generate_offer_rows(count=DEMO_OFFER_COUNT, seed=SEED, today=None, institutions=None):
    """`count` realistic offer rows (dicts with the importer's COLUMNS), the same for a given seed and day;
    `institutions` are the identifiers (slugs) of the employers to spread them over.

    About 10 % are expired (deadline passed), the rest open; salaries on about half; every contract
    type, category, experience level, remote level and région appears."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    institutions = institutions or [slug for slug, *_ in INSTITUTIONS]
    profession_slugs = list(PROFESSIONS)
    rows = []
    for number in range(1, count + 1):
        profession = profession_slugs[number % len(profession_slugs)]
        catalogue = PROFESSIONS[profession]
        title, category, experience = rng.choice(catalogue["titles"])
        contracts = _contracts(number)
        if "stage" in contracts or "apprentissage" in contracts:
            kinds = {"stage": "Stage", "apprentissage": "Apprentissage"}
            title = f"{kinds.get('|'.join(contracts), 'Stage ou apprentissage')} – {title}"
            category, experience = "", "debutant"
        elif "volontariat" in contracts:
            title, category, experience = f"Volontariat international – {title}", "", "debutant"
        elif "freelance" in contracts:
            title, category = f"Mission freelance – {title}", ""
        # One offer in three in the Paris area; the others go round the régions, so all of them appear.
        city, postal_code = (
            PARIS_AREA[number % len(PARIS_AREA)]
            if number % 3 == 0
            else REGIONAL_CITIES[(number - number // 3) % len(REGIONAL_CITIES)]
        )
        institution = institutions[number % len(institutions)]
        expired = number % 10 == 7
        published = today - datetime.timedelta(days=rng.randint(50, 90) if expired else rng.randint(0, 40))
        deadline = (
            today - datetime.timedelta(days=rng.randint(1, 20))
            if expired
            else today + datetime.timedelta(days=rng.randint(0, 60))
        )
        salary_min = salary_max = ""
        if number % 2 == 0 and "freelance" not in contracts and "volontariat" not in contracts:
            low = {"debutant": 30, "confirme": 40, "senior": 50, "expert": 62}[experience]
            if "stage" in contracts or "apprentissage" in contracts:
                low = 16
            salary_min = low * 1000 + rng.choice([0, 1000, 2000, 3000])
            salary_max = "" if number % 8 == 0 else salary_min + rng.choice([6000, 8000, 10000, 15000])
        reference = f"{today.year}-{700000 + number * 37}"
        apply_url = f"https://choisirleservicepublic.gouv.fr/offre-emploi/{reference}/"
        apply_email = f"recrutement.numerique@{institution}.example"
        channel = number % 7
        rows.append(
            {
                "external_id": f"demo-{number:04d}",
                "title": title,
                "institution": institution,
                "profession": profession,
                "contract_types": "|".join(contracts),
                "category": category,
                "experience_level": experience,
                "remote": ("aucun", "partiel", "partiel", "total")[number % 4],
                "city": city,
                "postal_code": postal_code,
                "salary_min": salary_min,
                "salary_max": salary_max,
                "description": _missions(rng, catalogue, number),
                "profile": _bullets(rng, PROFILE_LINES, 3, intro="Vous avez envie de vous engager et :"),
                "benefits": _bullets(rng, BENEFITS, 4),
                "process": "\n".join(f"{step}. {text}" for step, text in enumerate(PROCESS, start=1)),
                "apply_url": "" if channel == 0 else apply_url,
                "apply_email": apply_email if channel in (0, 1) else "",
                "published_at": published.isoformat(),
                "deadline": deadline.isoformat(),
                "skills": "|".join(rng.sample(catalogue["skills"], rng.randint(3, 5))),
            }
        )
    assert all(set(row) == set(COLUMNS) for row in rows)
    return rows


def _contracts(number):
    """Mostly civil-servant-or-contract jobs, and every other contract type regularly."""
    special = {5: ["apprentissage"], 11: ["stage"], 13: ["stage", "apprentissage"], 17: ["freelance"]}
    special[23] = ["volontariat"]
    if number % 25 in special:
        return special[number % 25]
    if number % 4 == 1:
        return ["contractuel"]
    return ["titulaire_ou_contractuel"]


def _missions(rng, catalogue, number):
    team = rng.choice(TEAMS)
    intro = (
        f"Au sein de la {team.lower()}, vous rejoignez une équipe à taille humaine qui conçoit et fait vivre des "
        "services publics numériques."
    )
    missions = rng.sample(catalogue["missions"], 4)
    if number % 4 == 0:
        # A quarter of the offers come as HTML, as many recruitment systems export them.
        items = "".join(f"<li>{mission}</li>" for mission in missions)
        return f"<p>{intro}</p><p><strong>Vos missions :</strong></p><ul>{items}</ul>"
    return intro + "\n\nVos missions :\n" + "\n".join(f"- {mission}" for mission in missions)


def _bullets(rng, lines, count, intro=""):
    chosen = "\n".join(f"- {line}" for line in rng.sample(lines, count))
    return f"{intro}\n{chosen}" if intro else chosen


def mark_some_offers_filled():
    """One open demo offer in twenty is filled, as an editor does it (a revision), once."""
    today = timezone.localdate()
    filled = 0
    candidates = JobOffer.objects.filter(source=DEMO_SOURCE, filled_at__isnull=True, external_id__regex=r"[02468]3$")
    for offer in candidates.open():
        mark_filled(offer, today=max(today - datetime.timedelta(days=3), timezone.localdate(offer.first_published_at)))
        filled += 1
    return filled
