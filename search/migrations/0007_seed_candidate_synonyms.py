"""Rules for what candidates type that the offers rarely say: English job titles, remote work,
work-study, seniority (measured on bench/relevance: without them most of these queries found nothing). The
editorial team edits or deletes them like any other rule; rules already there are kept."""

from django.db import migrations

CANDIDATE_RULES = [
    "developer, software engineer, ingénieur logiciel, ingénieure logiciel, développeur, développeuse",
    "data engineer, ingénieur de données, ingénieure de données, ingénieur data, ingénieure data",
    "data scientist, scientifique des données",
    "data analyst, analyste de données",
    "cloud engineer, ingénieur cloud, ingénieure cloud",
    "pentest, pentester, test d'intrusion",
    "lead dev, lead developer, tech lead, lead technique",
    "scrum master, coach agile",
    "product manager, chef de produit, cheffe de produit",
    "géomatique, sig, système d'information géographique",
    "remote, télétravail",
    "full remote => télétravail total",
    "junior, débutant, débutante",
    "alternance, alternant, alternante, apprenti, apprentie",
    "stage, stagiaire",
]


def seed_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in CANDIDATE_RULES:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_seed_synonyms")]

    operations = [migrations.RunPython(seed_synonyms, migrations.RunPython.noop)]
