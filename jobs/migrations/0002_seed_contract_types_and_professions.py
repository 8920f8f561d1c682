from django.db import migrations

CONTRACT_TYPES = ["titulaire_ou_contractuel", "contractuel", "apprentissage", "stage", "freelance", "volontariat"]

PROFESSIONS = [
    ("developpement", "Développement", "Concevoir, coder, tester et maintenir des applications et des services web."),
    ("donnees", "Données", "Collecter, fiabiliser, analyser et valoriser les données publiques : data engineering, "
     "data science, statistique."),
    ("infrastructure-cloud", "Infrastructure & cloud", "Construire et opérer les plateformes, les réseaux et le cloud."),
    ("securite", "Sécurité", "Protéger les systèmes d'information : cybersécurité, gouvernance, réponse à incident."),
    ("architecture", "Architecture", "Dessiner les systèmes d'information et faire les choix techniques structurants."),
    ("produit-projet", "Produit & projet", "Piloter des produits et des projets numériques : product owner, "
     "cheffe ou chef de projet."),
    ("design", "Design", "Concevoir des services simples et accessibles : UX, UI, recherche utilisateur."),
    ("support-exploitation", "Support & exploitation", "Accompagner les utilisateurs et maintenir les services "
     "en condition opérationnelle."),
    ("pilotage-numerique", "Pilotage du numérique", "Diriger, piloter les achats, les budgets et la transformation "
     "numérique."),
    ("autres", "Autres", "Les autres métiers du numérique public."),
]


def seed(apps, schema_editor):
    ContractType = apps.get_model("jobs", "ContractType")
    Profession = apps.get_model("jobs", "Profession")
    for code in CONTRACT_TYPES:
        ContractType.objects.get_or_create(code=code)
    for slug, name, description in PROFESSIONS:
        Profession.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


def unseed(apps, schema_editor):
    apps.get_model("jobs", "ContractType").objects.filter(code__in=CONTRACT_TYPES).delete()
    apps.get_model("jobs", "Profession").objects.filter(
        slug__in=[slug for slug, _, _ in PROFESSIONS], job_offers__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
