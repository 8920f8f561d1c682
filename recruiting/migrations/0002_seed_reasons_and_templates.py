"""Product data: the first refusal reasons (candidates.RefusalReason) and the two decision emails'
templates, which the editorial team then edits. Only what is missing is added; undoing removes nothing."""

from django.db import migrations

REFUSAL_REASONS = [
    "Le profil ne correspond pas aux compétences attendues pour ce poste",
    "L'expérience ne correspond pas au niveau recherché",
    "D'autres candidatures correspondent davantage au besoin de l'équipe",
    "Le poste a été pourvu",
    "Les conditions d'emploi (statut, lieu, rémunération) ne correspondent pas à votre recherche",
    "L'offre a été retirée ou sa publication suspendue",
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
