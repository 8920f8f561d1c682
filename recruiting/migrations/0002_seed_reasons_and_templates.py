"""Product data: the first refusal reasons (candidates.RefusalReason) and the two decision emails'
templates, which the editorial team then edits. Only what is missing is added; undoing removes nothing."""

from django.db import migrations

# The same labels as the demo's (demo/data/candidates.yaml), which then finds them and adds none.
REFUSAL_REASONS = [
    "Le poste a été pourvu par une autre personne.",
    "Votre expérience ne correspond pas encore au niveau attendu.",
    "Les compétences techniques demandées ne ressortent pas de votre candidature.",
    "Le type de contrat ou la disponibilité ne correspondent pas au besoin.",
    "Nous avons reçu de nombreuses candidatures très proches de l'attendu.",
]

TEMPLATES = {
    "retenue": (
        "Votre candidature à l'offre « {intitule_offre} » est retenue",
        "Bonjour {prenom},\n\n"
        "Nous avons le plaisir de vous informer que votre candidature du {date_candidature} à l'offre "
        "« {intitule_offre} » a été retenue par {institution}.\n\n"
        "L'équipe de recrutement vous contactera très prochainement pour vous présenter la suite du processus.\n\n"
        "Bien cordialement,\n"
        "L'équipe de recrutement de {institution}",
    ),
    "non_retenue": (
        "Votre candidature à l'offre « {intitule_offre} »",
        "Bonjour {prenom},\n\n"
        "Nous vous remercions de l'intérêt que vous portez à {institution} et du temps consacré à votre "
        "candidature du {date_candidature} à l'offre « {intitule_offre} ».\n\n"
        "Après examen attentif, nous ne pouvons pas y donner une suite favorable, pour les motifs suivants :\n\n"
        "{motifs}\n\n"
        "Nous vous souhaitons une pleine réussite dans vos recherches et espérons vous retrouver sur "
        "d'autres offres.\n\n"
        "Bien cordialement,\n"
        "L'équipe de recrutement de {institution}",
    ),
}


def seed(apps, schema_editor):
    RefusalReason = apps.get_model("candidates", "RefusalReason")
    DecisionEmailTemplate = apps.get_model("recruiting", "DecisionEmailTemplate")
    for position, label in enumerate(REFUSAL_REASONS, start=1):
        RefusalReason.objects.get_or_create(label=label, defaults={"position": position})
    for decision, (subject, body) in TEMPLATES.items():
        DecisionEmailTemplate.objects.get_or_create(decision=decision, defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):
    dependencies = [
        ("recruiting", "0001_initial"),
        ("candidates", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
