"""The synonym rules of the former file search/synonyms.txt, as the first rules the editorial team
edits in the admin (search.SynonymGroup). Rules already there are kept."""

from django.db import migrations

FORMER_RULES = [
    "dev, développeur, développeuse",
    "data, données",
    "rssi, responsable de la sécurité des systèmes d'information",
    "sre, site reliability engineer, ingénieur fiabilité",
    "devops, dev ops, ingénieur devops",
    "ux, ui, designer, designeuse",
    "po, product owner",
    "pm, product manager",
    "chef de projet, cheffe de projet",
    "dsi, direction des systèmes d'information, directeur des systèmes d'information, directrice des systèmes d'information",
    "si, système d'information",
    "cyber, cybersécurité, sécurité informatique",
    "ia, intelligence artificielle",
    "ml, machine learning, apprentissage automatique",
    "front, frontend, front-end",
    "back, backend, back-end",
    "fullstack, full stack, full-stack",
    "sysadmin, administrateur système, administratrice système",
    "dba, administrateur de bases de données, administratrice de bases de données",
]


def seed_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in FORMER_RULES:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_synonym_group")]

    operations = [migrations.RunPython(seed_synonyms, migrations.RunPython.noop)]
