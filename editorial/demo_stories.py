"""The 12 demo stories. The people are invented (first names and roles only); the employers are the
demo institutions, left unset when the institution does not exist."""

import datetime

from .demo_content import heading, illustration, quote, text

INDEX = {
    "slug": "temoignages",
    "title": "Témoignages",
    "intro": "Développeuses, architectes, designers, analystes : des agentes et des agents du numérique public "
    "racontent leur métier, leur parcours et ce qui les fait rester.",
}

STORIES = [
    {
        "slug": "amina-developpeuse-equipe-produit",
        "title": "« En équipe produit, on livre vite et on mesure l'effet »",
        "intro": "Amina a quitté une agence web pour une équipe produit de l'État. Elle y développe un service "
        "utilisé chaque mois par des centaines de milliers de personnes.",
        "person_name": "Amina",
        "person_role": "développeuse back-end",
        "institution": "dinum",
        "profession": "developpement",
        "tags": ["Développement", "Produit", "Télétravail"],
        "date": datetime.date(2025, 11, 18),
        "image": 0,
        "body": [
            text(
                "Avant de rejoindre l'État, Amina codait des sites vitrines pour des marques. « Je changeais de projet "
                "tous les trois mois, sans jamais savoir si ce que je faisais servait à quelqu'un. » Une annonce "
                "repérée sur un réseau professionnel l'intrigue : une petite équipe cherche une développeuse pour "
                "un service public en ligne.",
            ),
            heading("Une équipe de six personnes"),
            text(
                "L'équipe réunit une intrapreneuse venue de l'administration, un coach, un designer et trois "
                "développeurs. « On est autonomes : on choisit nos outils, on déploie plusieurs fois par semaine, "
                "et on parle aux usagers toutes les semaines. »",
                "Le code est ouvert et publié sur une forge publique. « Au début, ça impressionne. Puis on s'y "
                "habitue, et on écrit du code plus propre. »",
            ),
            quote(
                "Ce qui m'a surprise, c'est l'exigence. On mesure l'impact de chaque fonctionnalité, et on "
                "supprime sans regret ce qui ne sert pas.",
                "Amina",
                "développeuse back-end",
            ),
            heading("Un rythme qui laisse respirer"),
            text(
                "Amina télétravaille deux jours par semaine et retrouve l'équipe le reste du temps. « Les réunions "
                "sont courtes, et personne n'envoie de message le soir. » Contractuelle, elle envisage de passer un "
                "concours pour devenir fonctionnaire : « Je me sens à ma place, alors autant m'installer. »",
            ),
            illustration(3),
        ],
    },
    {
        "slug": "julien-analyste-reponse-incident",
        "title": "« Quand une attaque frappe un hôpital, on part dans l'heure »",
        "intro": "Julien, 27 ans, est analyste en réponse à incident. Son premier poste après l'école d'ingénieur, "
        "et un quotidien qu'il ne trouverait nulle part ailleurs.",
        "person_name": "Julien",
        "person_role": "analyste en réponse à incident",
        "institution": "anssi",
        "profession": "securite",
        "tags": ["Cybersécurité", "Début de carrière"],
        "date": datetime.date(2025, 10, 2),
        "image": 1,
        "body": [
            text(
                "Julien a découvert la cybersécurité pendant un stage de fin d'études. « Je voulais un métier "
                "technique où l'enjeu dépasse l'entreprise. La défense des systèmes d'information de l'État, "
                "c'est exactement ça. »",
            ),
            heading("Comprendre, contenir, reconstruire"),
            text(
                "Quand une organisation victime d'une attaque fait appel à l'équipe, il faut d'abord comprendre ce "
                "qui s'est passé : analyser les journaux, les postes touchés, les outils de l'attaquant. Puis aider "
                "à contenir l'attaque et à reconstruire un système sain.",
                "« Les journées peuvent être longues pendant une crise. Mais elles sont suivies de périodes plus "
                "calmes, consacrées à la veille, aux outils et au partage avec les autres équipes. »",
            ),
            quote(
                "Je travaille avec des personnes qui comptent parmi les meilleures de leur domaine. On apprend "
                "plus en un an ici qu'en trois ailleurs.",
                "Julien",
                "analyste en réponse à incident",
            ),
            heading("Une habilitation, et de la discrétion"),
            text(
                "Le poste demande une habilitation au secret de la défense nationale, instruite après le recrutement. "
                "« On ne raconte pas ses journées au dîner, mais on sait pourquoi on les passe. »",
            ),
        ],
    },
    {
        "slug": "sophie-data-scientist-statistique-publique",
        "title": "« Mes modèles aident à mesurer l'économie au plus près »",
        "intro": "Statisticienne de formation, Sophie conçoit des méthodes d'apprentissage automatique pour "
        "exploiter de nouvelles sources de données dans la statistique publique.",
        "person_name": "Sophie",
        "person_role": "data scientist",
        "institution": "insee",
        "profession": "donnees",
        "tags": ["Données", "Intelligence artificielle"],
        "date": datetime.date(2025, 9, 12),
        "image": 2,
        "body": [
            text(
                "Les données de caisse de la grande distribution, les offres d'emploi en ligne, les images "
                "satellites : les sources ne manquent pas. Le travail de Sophie consiste à en tirer des "
                "statistiques fiables, documentées et reproductibles.",
            ),
            heading("La rigueur avant tout"),
            text(
                "« Un modèle qui marche bien en moyenne ne suffit pas. Il faut savoir où il se trompe, et "
                "l'expliquer. » Chaque méthode est relue, testée et publiée dans des documents de travail "
                "accessibles à tous.",
                "Sophie code en Python et en R, sur une plateforme de calcul partagée par les statisticiens publics. "
                "Les projets se mènent en binôme avec les équipes métier qui connaissent les données.",
            ),
            quote(
                "J'aime que mes résultats soient publics. On ne peut pas tricher avec une méthode que tout le monde "
                "peut vérifier.",
                "Sophie",
                "data scientist",
            ),
            heading("Se former en continu"),
            text(
                "Séminaires internes, conférences, formations à de nouveaux outils : « On me pousse à apprendre. "
                "Et je peux consacrer une partie de mon temps à la recherche méthodologique. »",
            ),
        ],
    },
    {
        "slug": "karim-architecte-cloud",
        "title": "« Construire un cloud pour les services de l'État, c'est un chantier de dix ans »",
        "intro": "Karim conçoit l'architecture d'une plateforme d'hébergement qui accueille des applications "
        "sensibles. Un métier où chaque choix engage pour longtemps.",
        "person_name": "Karim",
        "person_role": "architecte cloud",
        "institution": "ministere-interieur",
        "profession": "infrastructure-cloud",
        "tags": ["Cloud", "Architecture", "Cybersécurité"],
        "date": datetime.date(2025, 8, 28),
        "image": 3,
        "body": [
            text(
                "Après quinze ans chez un grand hébergeur, Karim cherchait « un projet où la technique sert une "
                "mission ». Il a rejoint le ministère comme contractuel, puis a été recruté en contrat à durée "
                "indéterminée.",
            ),
            heading("Des applications qui ne peuvent pas s'arrêter"),
            text(
                "La plateforme héberge des applications utilisées jour et nuit. Haute disponibilité, sauvegardes, "
                "plans de reprise : tout est conçu pour résister aux pannes comme aux attaques.",
                "« On s'appuie sur des briques ouvertes, Kubernetes en tête, et on automatise tout ce qui peut "
                "l'être. »",
            ),
            quote(
                "Dans le privé, on me demandait d'aller vite. Ici, on me demande d'aller loin. Les deux sont "
                "exigeants, mais différemment.",
                "Karim",
                "architecte cloud",
            ),
            illustration(5, caption="L'infrastructure est décrite en code et relue comme du code."),
        ],
    },
    {
        "slug": "lea-designer-ux-services-fiscaux",
        "title": "« Simplifier un formulaire, c'est faire gagner des heures à des millions de gens »",
        "intro": "Léa est designeuse UX. Elle observe des usagers remplir leurs démarches et transforme ce qu'elle "
        "voit en écrans plus simples et accessibles.",
        "person_name": "Léa",
        "person_role": "designeuse UX",
        "institution": "dgfip",
        "profession": "design",
        "tags": ["Design", "Accessibilité"],
        "date": datetime.date(2025, 7, 8),
        "image": 4,
        "body": [
            text(
                "Une question mal formulée, un bouton mal placé, et ce sont des milliers d'appels au service "
                "d'assistance. « Mon travail, c'est de trouver ces irritants avant qu'ils coûtent cher à tout le "
                "monde. »",
            ),
            heading("Tester avec de vraies personnes"),
            text(
                "Léa organise chaque mois des tests avec des usagers : des personnes âgées, des jeunes qui "
                "déclarent pour la première fois, des personnes qui utilisent un lecteur d'écran. Elle en tire des "
                "maquettes, testées à leur tour.",
            ),
            heading("L'accessibilité n'est pas une option", "h3"),
            text(
                "Les services publics en ligne doivent respecter le référentiel général d'amélioration de "
                "l'accessibilité (RGAA). « Je travaille avec le système de design de l'État, qui règle déjà "
                "beaucoup de questions. Le reste, c'est de la méthode et de l'attention. »",
            ),
            quote(
                "Le plus beau compliment, c'est quand un usager ne remarque rien : la démarche lui a simplement "
                "paru facile.",
                "Léa",
                "designeuse UX",
            ),
        ],
    },
    {
        "slug": "thomas-product-owner-reconversion",
        "title": "« J'ai quitté une start-up pour un produit public, sans regret »",
        "intro": "Product owner dans une jeune pousse, Thomas a rejoint un opérateur public pour piloter un service "
        "d'accompagnement des demandeurs d'emploi.",
        "person_name": "Thomas",
        "person_role": "product owner",
        "institution": "france-travail",
        "profession": "produit-projet",
        "tags": ["Produit", "Reconversion"],
        "date": datetime.date(2025, 6, 17),
        "image": 5,
        "body": [
            text(
                "« Je pensais que l'administration était lente. J'ai trouvé des équipes qui livrent toutes les deux "
                "semaines, avec des indicateurs suivis de près. » Thomas gère la feuille de route d'un service "
                "utilisé par les conseillers et les demandeurs d'emploi.",
            ),
            heading("Arbitrer entre des besoins nombreux"),
            text(
                "Conseillers, usagers, direction, équipes juridiques : chacun a de bonnes raisons de demander une "
                "évolution. « Mon rôle est de dire non souvent, et d'expliquer pourquoi. »",
            ),
            quote(
                "La différence, c'est l'échelle. Une amélioration de deux pour cent, ici, c'est des dizaines de "
                "milliers de personnes mieux accompagnées.",
                "Thomas",
                "product owner",
            ),
            heading("Un salaire négocié, une vie à côté"),
            text(
                "Recruté comme contractuel, Thomas a négocié sa rémunération en tenant compte de son expérience. "
                "« J'ai un peu perdu en salaire, beaucoup gagné en sens et en temps libre. »",
            ),
        ],
    },
    {
        "slug": "nadia-cheffe-de-projet-geomatique",
        "title": "« Nos cartes servent aux pompiers comme aux randonneurs »",
        "intro": "Géomaticienne, Nadia conduit un projet de données géographiques ouvertes, réutilisées par des "
        "milliers de services et d'entreprises.",
        "person_name": "Nadia",
        "person_role": "cheffe de projet géomatique",
        "institution": "ign",
        "profession": "donnees",
        "tags": ["Données", "Géomatique", "Données ouvertes"],
        "date": datetime.date(2025, 5, 22),
        "image": 6,
        "body": [
            text(
                "Nadia a commencé comme technicienne, après un BTS. Concours interne, formations, mobilité : elle "
                "pilote aujourd'hui une équipe qui produit des données de référence sur le territoire.",
            ),
            heading("Des données ouvertes et vivantes"),
            text(
                "Les données sont publiées sous licence ouverte et mises à jour en continu. « Les collectivités nous "
                "signalent les changements, et nous les intégrons après contrôle. »",
            ),
            quote(
                "La fonction publique m'a permis de progresser sans changer de passion. J'ai toujours trouvé "
                "quelqu'un pour me former.",
                "Nadia",
                "cheffe de projet géomatique",
            ),
            illustration(2),
        ],
    },
    {
        "slug": "pierre-ingenieur-reseaux-defense",
        "title": "« Des réseaux qui ne doivent jamais tomber »",
        "intro": "Ingénieur systèmes et réseaux, Pierre conçoit les infrastructures de communication des forces, "
        "en France comme en opérations extérieures.",
        "person_name": "Pierre",
        "person_role": "ingénieur systèmes et réseaux",
        "institution": "ministere-armees",
        "profession": "infrastructure-cloud",
        "tags": ["Infrastructure", "Cybersécurité", "Défense"],
        "date": datetime.date(2025, 4, 9),
        "image": 7,
        "body": [
            text(
                "Pierre est civil : il travaille aux côtés de militaires sans porter l'uniforme. « Beaucoup de gens "
                "ignorent que la défense recrute des milliers de civils, dont de nombreux profils numériques. »",
            ),
            heading("Résilience d'abord"),
            text(
                "Les réseaux doivent fonctionner dans des conditions dégradées : liaisons satellites, coupures, "
                "tentatives d'intrusion. Chaque architecture est pensée pour continuer à servir quand une partie "
                "tombe.",
            ),
            quote(
                "Voir un système qu'on a conçu fonctionner sur le terrain, à des milliers de kilomètres, c'est une "
                "fierté difficile à décrire.",
                "Pierre",
                "ingénieur systèmes et réseaux",
            ),
        ],
    },
    {
        "slug": "elodie-ingenieure-protection-des-donnees",
        "title": "« Je vérifie que les algorithmes respectent la vie privée »",
        "intro": "Ingénieure de formation, Élodie mène des contrôles techniques sur les traitements de données "
        "personnelles des organismes publics et privés.",
        "person_name": "Élodie",
        "person_role": "ingénieure experte en protection des données",
        "institution": "cnil",
        "profession": "securite",
        "tags": ["Données personnelles", "Cybersécurité", "Intelligence artificielle"],
        "date": datetime.date(2025, 3, 14),
        "image": 1,
        "body": [
            text(
                "Applications mobiles, caméras augmentées, traitements d'intelligence artificielle : Élodie examine "
                "comment les données circulent, où elles sont stockées et qui peut y accéder.",
            ),
            heading("Entre technique et droit"),
            text(
                "Elle travaille en binôme avec des juristes. « Ils me demandent si c'est techniquement possible, je "
                "leur demande si c'est légal. Les bons contrôles naissent de ce dialogue. »",
            ),
            quote(
                "J'ai l'impression de défendre quelque chose de concret : le droit de chacun à garder la main sur "
                "ses données.",
                "Élodie",
                "ingénieure experte en protection des données",
            ),
        ],
    },
    {
        "slug": "mathieu-developpeur-front-end-titres",
        "title": "« Un formulaire utilisé par des millions de personnes doit être irréprochable »",
        "intro": "Mathieu développe l'interface des démarches en ligne de demande de titres : permis, carte grise, "
        "papiers d'identité.",
        "person_name": "Mathieu",
        "person_role": "développeur front-end",
        "institution": "ants",
        "profession": "developpement",
        "tags": ["Développement", "Accessibilité"],
        "date": datetime.date(2025, 2, 20),
        "image": 0,
        "body": [
            text(
                "Performance, accessibilité, compatibilité avec de vieux téléphones : les contraintes sont fortes. "
                "« Nos usagers n'ont pas tous la fibre ni le dernier smartphone. On teste sur de vrais appareils. »",
            ),
            heading("La qualité comme habitude"),
            text(
                "Tests automatisés, revues de code, audits d'accessibilité réguliers : Mathieu décrit une équipe "
                "« obsédée par les détails, au bon sens du terme ».",
            ),
            quote(
                "Quand on corrige un bug ici, on le corrige pour des millions de personnes. Ça rend humble et "
                "attentif.",
                "Mathieu",
                "développeur front-end",
            ),
            illustration(4),
        ],
    },
    {
        "slug": "fatou-apprentie-administratrice-systemes",
        "title": "« L'apprentissage m'a ouvert les portes d'un métier »",
        "intro": "En alternance, Fatou prépare un diplôme d'administratrice systèmes tout en travaillant dans une "
        "équipe d'exploitation qui fait tourner des calculateurs.",
        "person_name": "Fatou",
        "person_role": "apprentie administratrice systèmes",
        "institution": "meteo-france",
        "profession": "support-exploitation",
        "tags": ["Apprentissage", "Début de carrière", "Infrastructure"],
        "date": datetime.date(2025, 1, 16),
        "image": 3,
        "body": [
            text(
                "Trois semaines en entreprise, une semaine à l'école : le rythme est soutenu, mais Fatou ne "
                "regrette rien. « J'applique le lundi ce que j'ai appris le vendredi. »",
            ),
            heading("Une tutrice, et beaucoup de confiance"),
            text(
                "Sa tutrice l'accompagne au quotidien. Après quelques mois, Fatou gère seule des mises à jour de "
                "serveurs et participe aux astreintes, accompagnée.",
            ),
            quote(
                "Je ne pensais pas que l'État recrutait des apprentis dans le numérique. Aujourd'hui, je conseille "
                "à tout le monde d'essayer.",
                "Fatou",
                "apprentie administratrice systèmes",
            ),
        ],
    },
    {
        "slug": "claire-directrice-de-projet-sante-numerique",
        "title": "« Piloter la transformation numérique de la santé, c'est d'abord écouter »",
        "intro": "Directrice de projet, Claire coordonne des équipes techniques, des professionnels de santé et des "
        "éditeurs de logiciels autour de services partagés.",
        "person_name": "Claire",
        "person_role": "directrice de projet",
        "institution": "agence-numerique-sante",
        "profession": "pilotage-numerique",
        "tags": ["Management", "Produit", "Santé"],
        "date": datetime.date(2024, 12, 5),
        "image": 6,
        "body": [
            text(
                "Claire a passé dix ans dans le conseil avant de rejoindre le secteur public. « Je voulais voir mes "
                "projets jusqu'au bout, et non les quitter au moment où ils démarrent. »",
            ),
            heading("Faire travailler ensemble des mondes différents"),
            text(
                "Médecins, pharmaciens, développeurs, juristes, éditeurs : chacun a ses contraintes et son "
                "vocabulaire. Claire passe une grande partie de son temps à traduire et à arbitrer.",
            ),
            heading("Manager sans tout décider", "h3"),
            text(
                "Elle encadre une équipe d'une quinzaine de personnes. « Mon rôle est de donner un cap clair, puis de "
                "faire confiance aux experts. »",
            ),
            quote(
                "Le numérique en santé touche à la vie des gens. On ne peut pas se permettre l'à-peu-près, et c'est "
                "ce qui rend le métier passionnant.",
                "Claire",
                "directrice de projet",
            ),
        ],
    },
]
