"""The 6 demo career guides: real rules of the French civil service (fonction publique de l'État),
as of the date each guide carries. Amounts that change are dated; the texts send readers to the
official sources for the current figures."""

import datetime

from .demo_content import bullets, button, callout, faq, figures, heading, text

CHECKED_ON = datetime.date(2025, 6, 30)

INDEX = {
    "slug": "guides",
    "title": "Guides",
    "intro": "Statuts, catégories, rémunération, candidature, télétravail, formation : ce qu'il faut savoir "
    "pour travailler dans le numérique public, expliqué simplement.",
}

GUIDES = [
    {
        "slug": "fonctionnaire-ou-contractuel",
        "title": "Fonctionnaire ou contractuel ?",
        "intro": "On peut travailler pour l'État avec deux statuts : fonctionnaire, recruté en général par "
        "concours, ou contractuel, recruté sur contrat. Ce qui les distingue, et ce qui les rapproche.",
        "tags": ["Statut", "Candidature"],
        "updated_on": CHECKED_ON,
        "body": [
            text(
                "La fonction publique compte trois versants : la fonction publique de l'État (ministères et leurs "
                "services, établissements publics de l'État), la fonction publique territoriale (régions, "
                "départements, communes) et la fonction publique hospitalière. Dans chacune, on trouve des "
                "fonctionnaires et des agents contractuels. Leurs droits et obligations sont réunis dans le "
                "<b>code général de la fonction publique</b>, en vigueur depuis le 1er mars 2022.",
            ),
            heading("Le fonctionnaire"),
            text(
                "Un fonctionnaire est titulaire d'un <b>grade</b> dans un <b>corps</b> (à l'État) ou un cadre "
                "d'emplois (dans la territoriale). Le grade lui appartient : il garde son statut s'il change de "
                "poste, et sa carrière progresse selon des règles communes à son corps.",
            ),
            heading("Comment le devenir", "h3"),
            text(
                "La voie normale est le <b>concours</b> : externe (ouvert selon le diplôme), interne (pour les agents "
                "publics ayant une certaine ancienneté, y compris contractuels) ou troisième concours (pour les "
                "personnes ayant une expérience professionnelle dans le privé, associative ou élective). Après la "
                "réussite, on est nommé stagiaire, en général pour un an, puis titularisé.",
                "Quelques voies existent sans concours : le recrutement direct dans le premier grade de certains "
                "corps de catégorie C, le PACTE pour les jeunes peu ou pas diplômés, et le recrutement contractuel "
                "de personnes en situation de handicap, qui donne vocation à être titularisé.",
            ),
            heading("Les conditions", "h3"),
            text(
                "Il faut être de nationalité française ou ressortissant d'un État de l'Union européenne ou de "
                "l'Espace économique européen (certains emplois liés à la souveraineté restent réservés aux "
                "Français), jouir de ses droits civiques et avoir un casier judiciaire compatible avec les fonctions.",
            ),
            heading("Le contractuel"),
            text(
                "Un agent contractuel est recruté sur un <b>contrat de droit public</b>, pour un emploi précis. Le "
                "code général de la fonction publique prévoit les cas où c'est possible : absence de corps de "
                "fonctionnaires correspondant, besoins du service ou nature des fonctions, remplacement d'un agent, "
                "besoin temporaire, ou contrat de projet. Dans le numérique, où les compétences recherchées sont "
                "rares, le recrutement de contractuels est très fréquent.",
            ),
            heading("Comment le devenir", "h3"),
            text(
                "On répond à une offre, comme dans le privé : candidature, entretiens, puis proposition de contrat. "
                "Aucun concours n'est demandé, et il n'y a pas de condition de nationalité (mais il faut être "
                "autorisé à travailler en France).",
            ),
            heading("Durée des contrats", "h3"),
            bullets(
                "<b>Contrat à durée déterminée</b> : trois ans au plus, renouvelable, dans la limite de six ans ; "
                "au-delà, un renouvellement se fait en contrat à durée indéterminée.",
                "<b>Contrat de projet</b> : pour mener un projet identifié, d'un an minimum à six ans maximum ; il "
                "prend fin avec le projet.",
                "<b>Contrat à durée indéterminée</b> : possible dès le recrutement dans certains cas, et conservé "
                "en rejoignant un autre employeur public qui l'accepte.",
            ),
            heading("Ce qui change au quotidien"),
            text(
                "Sur le terrain, fonctionnaires et contractuels travaillent dans les mêmes équipes, sur les mêmes "
                "missions, avec les mêmes obligations : neutralité, discrétion et secret professionnels, intégrité. "
                "Les différences tiennent à la carrière et à la protection sociale.",
            ),
            bullets(
                "<b>Rémunération</b> : grille indiciaire et primes pour le fonctionnaire ; montant fixé dans le "
                "contrat, selon les fonctions, la qualification et l'expérience, pour le contractuel.",
                "<b>Retraite</b> : régime des pensions civiles de l'État pour le fonctionnaire ; régime général de "
                "la Sécurité sociale et retraite complémentaire Ircantec pour le contractuel.",
                "<b>Carrière</b> : avancement d'échelon et de grade pour le fonctionnaire ; évolution négociée à "
                "chaque contrat, et réexamen régulier de la rémunération, pour le contractuel.",
            ),
            callout(
                "Passer de l'un à l'autre",
                "Un contractuel peut passer les concours externes, et les concours internes une fois l'ancienneté "
                "requise atteinte. Beaucoup de fonctionnaires du numérique ont commencé comme contractuels.",
            ),
            faq(
                "Questions fréquentes",
                (
                    "Les offres de ce site sont-elles ouvertes aux contractuels ?",
                    "La plupart, oui. Chaque offre indique les contrats possibles ; le filtre « Fonctionnaire ou "
                    "contractuel » montre les postes ouverts aux deux.",
                ),
                (
                    "Un contractuel a-t-il droit au télétravail et à la formation ?",
                    "Oui : le télétravail et le compte personnel de formation concernent aussi les agents "
                    "contractuels, dans les mêmes conditions que les fonctionnaires.",
                ),
            ),
            button("Voir les offres d'emploi", "/offres/"),
        ],
    },
    {
        "slug": "comprendre-les-categories-a-b-et-c",
        "title": "Comprendre les catégories A, B et C",
        "intro": "Chaque emploi de fonctionnaire appartient à une catégorie, qui dit le niveau des missions et "
        "le diplôme demandé au concours externe. Corps, grades et échelons complètent le tableau.",
        "tags": ["Statut", "Carrière"],
        "updated_on": CHECKED_ON,
        "body": [
            text(
                "Les corps de fonctionnaires sont classés en trois catégories hiérarchiques, désignées par les "
                "lettres A, B et C. La catégorie indique le niveau des fonctions et le niveau de diplôme exigé pour "
                "le concours externe. Les offres pour des contractuels précisent souvent aussi la catégorie de "
                "l'emploi, qui sert de repère pour la rémunération.",
            ),
            heading("Catégorie A : conception et encadrement"),
            text(
                "Les emplois de catégorie A correspondent à des fonctions de conception, d'expertise, de direction "
                "et d'encadrement. Le concours externe demande en général au moins une licence (bac + 3). Dans le "
                "numérique : ingénieurs et ingénieures des systèmes d'information et de communication, attachés, "
                "ingénieurs d'études ou attachés statisticiens, selon les ministères.",
            ),
            heading("Et la catégorie A+ ?", "h3"),
            text(
                "On parle de « A+ » pour les corps et emplois de l'encadrement supérieur : administrateurs de l'État, "
                "ingénieurs des grands corps techniques, emplois de direction. Ce n'est pas une catégorie au sens du "
                "statut, mais un usage courant.",
            ),
            heading("Catégorie B : application et rédaction"),
            text(
                "Les emplois de catégorie B correspondent à des fonctions d'application, de rédaction et de mise en "
                "œuvre technique. Le concours externe demande le baccalauréat, ou un bac + 2 pour un recrutement "
                "directement au deuxième grade. Dans le numérique : techniciens et techniciennes des systèmes "
                "d'information et de communication, secrétaires administratifs, contrôleurs.",
            ),
            heading("Catégorie C : exécution"),
            text(
                "Les emplois de catégorie C correspondent à des fonctions d'exécution. Le concours externe demande "
                "un CAP ou un BEP, ou aucun diplôme ; certains premiers grades sont accessibles sans concours. Dans "
                "le numérique : adjoints techniques chargés du support ou de l'exploitation, par exemple.",
            ),
            heading("Corps, grades et échelons"),
            bullets(
                "<b>Le corps</b> regroupe les fonctionnaires soumis au même statut particulier (par exemple, les "
                "attachés d'administration de l'État).",
                "<b>Le grade</b> est un niveau dans le corps ; un corps en compte en général deux à quatre.",
                "<b>L'échelon</b> est une étape dans le grade ; à chaque échelon correspond un indice, qui détermine "
                "le traitement.",
            ),
            heading("Comment on progresse", "h3"),
            text(
                "On change d'échelon avec l'ancienneté, selon des durées fixées pour chaque grade. On change de "
                "grade par avancement au choix (inscription à un tableau d'avancement) ou par examen professionnel. "
                "On change de catégorie par concours interne, examen professionnel ou promotion au choix sur liste "
                "d'aptitude.",
            ),
            figures(
                "Les trois catégories en bref",
                ("A", "conception, expertise, encadrement — licence au concours externe"),
                ("B", "application, rédaction — baccalauréat au concours externe"),
                ("C", "exécution — CAP, BEP ou sans diplôme"),
            ),
            button(
                "Lire le guide sur la rémunération", "/guides/la-remuneration-dans-la-fonction-publique/", "secondary"
            ),
        ],
    },
    {
        "slug": "la-remuneration-dans-la-fonction-publique",
        "title": "La rémunération dans la fonction publique",
        "intro": "Traitement indiciaire, point d'indice, primes, salaire des contractuels : comment se calcule "
        "une rémunération dans la fonction publique de l'État.",
        "tags": ["Rémunération", "Statut"],
        "updated_on": CHECKED_ON,
        "body": [
            text(
                "La rémunération d'un fonctionnaire comprend un <b>traitement indiciaire</b>, fixé par une grille "
                "commune à tout son corps, et des <b>primes et indemnités</b>, qui dépendent du poste. Celle d'un "
                "contractuel est fixée par son contrat.",
            ),
            heading("Le traitement indiciaire"),
            text(
                "Chaque échelon de chaque grade correspond à un <b>indice</b>. La grille indiciaire d'un corps donne, "
                "échelon par échelon, l'indice brut et l'indice majoré. Le traitement brut mensuel est égal à "
                "l'indice majoré multiplié par la valeur mensuelle du <b>point d'indice</b>, la même pour les trois "
                "fonctions publiques.",
            ),
            heading("Le point d'indice", "h3"),
            text(
                "La valeur du point est fixée par le Gouvernement. Au 1er juillet 2023, elle a été portée à "
                "4,92278 € brut par mois, soit 59,07 € par an. À cette valeur, un indice majoré de 500 donne un "
                "traitement brut d'environ 2 461 € par mois. Vérifiez la valeur en vigueur sur "
                "fonction-publique.gouv.fr ou service-public.fr.",
            ),
            heading("S'ajoutent au traitement", "h3"),
            bullets(
                "<b>L'indemnité de résidence</b> : 3 %, 1 % ou 0 % du traitement, selon la commune d'affectation.",
                "<b>Le supplément familial de traitement</b>, pour les agents qui ont au moins un enfant à charge ; "
                "son montant dépend du nombre d'enfants et, à partir de deux, du traitement.",
                "<b>La nouvelle bonification indiciaire</b>, des points d'indice en plus pour certaines fonctions "
                "(encadrement, technicité particulière).",
            ),
            heading("Les primes : le RIFSEEP"),
            text(
                "La plupart des corps de l'État relèvent du <b>RIFSEEP</b> (régime indemnitaire tenant compte des "
                "fonctions, des sujétions, de l'expertise et de l'engagement professionnel). Il a deux parts :",
            ),
            bullets(
                "<b>L'IFSE</b> (indemnité de fonctions, de sujétions et d'expertise), versée chaque mois. Son montant "
                "dépend du groupe de fonctions du poste (encadrement, expertise, sujétions) et de l'expérience ; il "
                "est réexaminé en cas de changement de fonctions et au moins tous les quatre ans.",
                "<b>Le CIA</b> (complément indemnitaire annuel), facultatif, versé une ou deux fois par an selon "
                "l'engagement professionnel et la manière de servir, appréciés lors de l'entretien professionnel.",
            ),
            text(
                "Les montants sont encadrés par des plafonds nationaux par corps et par groupe, puis fixés par "
                "chaque ministère. Certains corps techniques relèvent d'autres régimes indemnitaires.",
            ),
            heading("Du brut au net"),
            text(
                "Sur son traitement, un fonctionnaire cotise pour sa retraite au régime des pensions civiles "
                "(11,10 % du traitement indiciaire), ainsi qu'à la CSG et à la CRDS. Les primes sont soumises à la "
                "retraite additionnelle de la fonction publique (RAFP), dans la limite de 20 % du traitement. Un "
                "contractuel cotise au régime général et à l'Ircantec, comme un salarié.",
            ),
            heading("Le salaire d'un contractuel"),
            text(
                "Le contrat fixe la rémunération en tenant compte des fonctions, de la qualification et de "
                "l'expérience. Elle peut être exprimée en euros ou par référence à un indice. Elle est réexaminée "
                "régulièrement, notamment au vu des entretiens professionnels. Pour les métiers du numérique, des "
                "référentiels interministériels aident les employeurs à proposer des salaires proches du marché.",
            ),
            callout(
                "Négocier, c'est normal",
                "Pour un poste de contractuel, la rémunération se discute avant la signature du contrat. Préparez "
                "vos arguments : expérience, compétences rares, rémunération actuelle.",
            ),
            heading("Les autres avantages"),
            bullets(
                "Prise en charge par l'employeur de 75 % du prix des abonnements de transport public domicile-travail "
                "(depuis septembre 2023), dans la limite d'un plafond.",
                "Forfait mobilités durables pour les trajets à vélo ou en covoiturage, sous conditions.",
                "Action sociale : restauration collective, aides au logement, chèques-vacances selon les revenus.",
            ),
        ],
    },
    {
        "slug": "candidater-les-etapes",
        "title": "Candidater : les étapes",
        "intro": "De l'offre repérée à la prise de poste, les étapes d'un recrutement dans la fonction publique "
        "de l'État, pour un contractuel comme pour un fonctionnaire.",
        "tags": ["Candidature"],
        "updated_on": CHECKED_ON,
        "body": [
            heading("1. Trouver une offre"),
            text(
                "Les offres numériques de l'État sont réunies sur ce site. Toutes les offres d'emploi public sont "
                "aussi publiées sur Choisir le service public (choisirleservicepublic.gouv.fr), le site officiel de "
                "l'emploi public. Lisez l'offre en entier : missions, profil, contrats possibles, catégorie, date "
                "limite.",
            ),
            heading("2. Préparer sa candidature"),
            text(
                "Un CV et une lettre de motivation suffisent en général. La lettre relie votre expérience aux "
                "missions de l'offre : montrez ce que vous apporterez à l'équipe, et pourquoi le service public "
                "vous intéresse. L'offre précise les pièces demandées et l'adresse ou le lien pour candidater.",
            ),
            heading("Vous êtes déjà fonctionnaire", "h3"),
            text(
                "Prévenez votre hiérarchie et votre service des ressources humaines : votre départ se fera par "
                "mutation, détachement ou position normale d'activité, selon le poste. Joignez votre dernier arrêté "
                "de situation administrative si l'offre le demande.",
            ),
            heading("3. La sélection"),
            text(
                "Les candidatures sont examinées à la date limite ou au fil de l'eau. Viennent ensuite un ou "
                "plusieurs entretiens, avec le ou la future responsable, un membre de l'équipe et souvent les "
                "ressources humaines. Pour les postes techniques, un exercice pratique est fréquent.",
            ),
            heading("4. Les vérifications"),
            text(
                "Avant le recrutement, l'administration demande l'extrait de casier judiciaire (bulletin n° 2) et "
                "vérifie les conditions du statut (nationalité pour un fonctionnaire, autorisation de travail pour "
                "un contractuel). Certains postes demandent une habilitation de sécurité, dont l'instruction peut "
                "prendre plusieurs semaines.",
            ),
            heading("5. La proposition et l'arrivée"),
            text(
                "Un contractuel reçoit une proposition de contrat, qui précise la durée, les fonctions et la "
                "rémunération, et peut prévoir une période d'essai. Un fonctionnaire attend l'accord de son "
                "administration d'origine, qui peut demander un délai avant son départ : prévoyez en général un à "
                "trois mois.",
            ),
            callout(
                "Pas de réponse ?",
                "Les délais de recrutement public sont parfois longs. Après trois ou quatre semaines sans nouvelles, "
                "une relance courtoise à l'adresse indiquée dans l'offre est bienvenue.",
            ),
            faq(
                "Questions fréquentes",
                (
                    "Peut-on candidater à plusieurs offres à la fois ?",
                    "Oui, et c'est courant. Adaptez chaque lettre à l'offre.",
                ),
                (
                    "Et les concours ?",
                    "Les concours ont leur propre calendrier : inscription, épreuves écrites puis orales, liste "
                    "des lauréats. Ils se préparent à l'avance ; les offres de ce site, elles, recrutent au fil de "
                    "l'eau.",
                ),
            ),
            button("Chercher une offre", "/offres/"),
        ],
    },
    {
        "slug": "le-teletravail-dans-la-fonction-publique",
        "title": "Le télétravail dans la fonction publique",
        "intro": "Jusqu'à trois jours par semaine, sur demande et avec l'accord de l'employeur : les règles du "
        "télétravail pour les agents de l'État.",
        "tags": ["Conditions de travail"],
        "updated_on": CHECKED_ON,
        "body": [
            text(
                "Le télétravail est encadré par le décret n° 2016-151 du 11 février 2016, modifié en 2020, et par "
                "l'accord-cadre sur le télétravail dans la fonction publique signé le 13 juillet 2021. Il concerne "
                "les fonctionnaires comme les contractuels.",
            ),
            figures(
                "Les repères",
                ("3 jours", "de télétravail par semaine au plus, pour un temps plein"),
                ("2 jours", "de présence sur site par semaine au moins"),
                ("1 mois", "pour que l'employeur réponde à une demande"),
            ),
            heading("Comment ça marche"),
            text(
                "Le télétravail se demande par écrit. Il peut s'organiser en jours fixes dans la semaine ou en un "
                "volume de jours flottants à utiliser dans l'année. L'employeur vérifie que les fonctions s'y "
                "prêtent ; un refus doit être motivé et précédé d'un entretien. Une période d'adaptation de trois "
                "mois au plus peut être prévue.",
            ),
            heading("Au-delà de trois jours", "h3"),
            text(
                "Une dérogation est possible pour raison de santé ou de handicap, pendant une grossesse, pour les "
                "proches aidants, et en cas de circonstances exceptionnelles comme une pandémie.",
            ),
            heading("Matériel et indemnité"),
            text(
                "L'employeur fournit les outils de travail (ordinateur portable, accès sécurisé). Une allocation "
                "forfaitaire de télétravail est versée par jour télétravaillé, dans la limite d'un plafond annuel ; "
                "début 2023, elle a été portée à 2,88 € par jour, dans la limite de 253,44 € par an. Les montants "
                "en vigueur sont sur service-public.fr.",
            ),
            heading("Le droit à la déconnexion"),
            text(
                "L'accord-cadre de 2021 reconnaît un droit à la déconnexion : en dehors des plages horaires "
                "convenues, l'agent en télétravail n'a pas à répondre aux sollicitations.",
            ),
            callout(
                "À vérifier dans chaque offre",
                "Les offres de ce site indiquent le télétravail possible pour le poste : aucun, partiel ou total. "
                "Le télétravail total reste exceptionnel et concerne surtout des contrats particuliers.",
            ),
        ],
    },
    {
        "slug": "evoluer-mobilite-et-formation",
        "title": "Évoluer : mobilité et formation",
        "intro": "Changer de poste, de ministère ou de métier, se former, préparer un concours : les outils pour "
        "construire sa carrière dans la fonction publique.",
        "tags": ["Carrière", "Formation"],
        "updated_on": CHECKED_ON,
        "body": [
            heading("Se former"),
            text(
                "Chaque année, l'entretien professionnel fait le point sur les missions, les résultats et les "
                "besoins de formation. L'employeur propose un plan de formation ; l'agent peut aussi mobiliser ses "
                "propres droits.",
            ),
            heading("Le compte personnel de formation", "h3"),
            text(
                "Dans la fonction publique, le compte personnel de formation (CPF) est crédité en heures : 25 heures "
                "par an, jusqu'à 150 heures. Les agents de catégorie C sans diplôme de niveau baccalauréat "
                "acquièrent 50 heures par an, jusqu'à 400 heures. Le CPF finance des formations liées à un projet "
                "d'évolution professionnelle.",
            ),
            heading("Le congé de formation professionnelle", "h3"),
            text(
                "Pour une formation longue, un fonctionnaire peut obtenir un congé de formation professionnelle, "
                "jusqu'à trois ans sur toute sa carrière. Les douze premiers mois sont indemnisés à hauteur de 85 % "
                "du traitement brut.",
            ),
            heading("Bilan de compétences et VAE", "h3"),
            text(
                "Le bilan de compétences aide à définir un projet ; la validation des acquis de l'expérience (VAE) "
                "permet d'obtenir un diplôme grâce à son expérience. Pour le numérique, des offres de formation "
                "interministérielles existent, comme le Campus du numérique public.",
            ),
            heading("Changer de poste"),
            bullets(
                "<b>La mutation</b> : changer de poste en restant dans son corps.",
                "<b>Le détachement</b> : exercer dans un autre corps, une autre administration ou une autre "
                "fonction publique, en gardant ses droits dans son corps d'origine.",
                "<b>La position normale d'activité</b> : travailler dans un autre ministère ou établissement de "
                "l'État sur un emploi de son niveau.",
                "<b>La mise à disposition</b> : travailler pour un autre organisme tout en restant rémunéré par son "
                "administration.",
                "<b>La disponibilité</b> : suspendre sa carrière pour un projet personnel ou un emploi dans le privé.",
            ),
            heading("Monter en grade"),
            text(
                "Les concours internes et les examens professionnels permettent de changer de grade ou de "
                "catégorie. Beaucoup reconnaissent l'expérience avec une épreuve de reconnaissance des acquis de "
                "l'expérience professionnelle (RAEP), fondée sur un dossier. La promotion au choix, sur liste "
                "d'aptitude, récompense aussi la valeur professionnelle.",
            ),
            heading("Et pour les contractuels ?"),
            text(
                "Les contractuels ont droit à l'entretien professionnel, au CPF et aux formations. Un contrat à "
                "durée indéterminée peut être conservé en rejoignant un autre employeur public qui l'accepte, y "
                "compris dans une autre fonction publique.",
            ),
            faq(
                "Questions fréquentes",
                (
                    "Puis-je préparer un concours sur mon temps de travail ?",
                    "Les employeurs proposent des préparations aux concours, souvent en partie sur le temps de "
                    "travail. Parlez-en lors de l'entretien professionnel.",
                ),
                (
                    "Peut-on passer du public au privé, puis revenir ?",
                    "Oui : la disponibilité permet à un fonctionnaire de travailler dans le privé, puis de "
                    "réintégrer son corps à son retour.",
                ),
            ),
        ],
    },
]
