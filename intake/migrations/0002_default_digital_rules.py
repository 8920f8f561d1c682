"""The filter's starting rules (docs/intake.md); the comms team edits them in the admin."""

from django.db import migrations

DEFAULT_RULES = [
    # Job families of Choisir le service public (RMFP / RIME) and their specialisations.
    ("metier", "système d'information", "Familles « Systèmes et réseaux d'information et de communication »…"),
    ("metier", "systèmes d'information", ""),
    ("metier", "numérique", ""),
    ("metier", "informatique", ""),
    ("metier", "données", "Données, data"),
    ("metier", "data", ""),
    ("metier", "développ", "Développement logiciel, web"),
    ("metier", "logiciel", ""),
    ("metier", "applications", "Études et applications"),
    ("metier", "cybersécurité", ""),
    ("metier", "sécurité des systèmes", ""),
    ("metier", "réseaux et télécommunications", ""),
    ("metier", "webmestre", ""),
    # ROME: M18 is "Systèmes d'information et de télécommunication" (M1801…M1811, M18xx in ROME 4).
    ("rome", "M18", "Systèmes d'information et de télécommunication"),
    # Titles.
    ("intitule", "développeu", "Développeuse, développeur"),
    ("intitule", "developer", ""),
    ("intitule", "devops", ""),
    ("intitule", "data", "Data scientist, data engineer…"),
    ("intitule", "informatique", ""),
    ("intitule", "numérique", ""),
    ("intitule", "système d'information", ""),
    ("intitule", "systèmes d'information", ""),
    ("intitule", "cyber", ""),
    ("intitule", "réseaux", "Administration systèmes et réseaux"),
    ("intitule", "logiciel", ""),
    ("intitule", "cloud", ""),
    ("intitule", "webmaster", ""),
    ("intitule", "ux", "UX design"),
    ("intitule", "product owner", ""),
    ("intitule", "scrum", ""),
    ("intitule", "full stack", ""),
    ("intitule", "administrateur système", ""),
    ("intitule", "administratrice système", ""),
    ("intitule", "responsable d'applications", ""),
]


def create_rules(apps, schema_editor):
    DigitalRule = apps.get_model("intake", "DigitalRule")
    for field, pattern, note in DEFAULT_RULES:
        DigitalRule.objects.get_or_create(field=field, pattern=pattern, defaults={"decision": "garder", "note": note})


def delete_rules(apps, schema_editor):
    DigitalRule = apps.get_model("intake", "DigitalRule")
    for field, pattern, _ in DEFAULT_RULES:
        DigitalRule.objects.filter(field=field, pattern=pattern).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]

    operations = [migrations.RunPython(create_rules, delete_rules)]
