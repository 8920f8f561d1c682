from django.db import migrations, models
from django.utils import timezone


def score_existing_offers(apps, schema_editor):
    """The stored version of each offer, scored with the rules of today (the acronym list is empty
    yet); the next save of an offer scores its latest version."""
    from jobs import quality

    JobOffer = apps.get_model("jobs", "JobOffer")
    for offer in JobOffer.objects.iterator():
        values = {name: getattr(offer, name) for name in quality.VALUE_FIELDS}
        values["skills"] = list(offer.tagged_skills.values_list("tag__name", flat=True))
        published = timezone.localdate(offer.first_published_at) if offer.first_published_at else None
        score = quality.evaluate(values, published, acronyms=[]).score
        JobOffer.objects.filter(pk=offer.pk).update(quality_score=score)


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0011_institution_receives_applications"),
    ]

    operations = [
        migrations.CreateModel(
            name="InternalAcronym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "acronym",
                    models.CharField(
                        help_text="Tel qu'il s'écrit dans un intitulé, par exemple « SGAMI ».",
                        max_length=30,
                        unique=True,
                        verbose_name="sigle",
                    ),
                ),
                (
                    "meaning",
                    models.CharField(
                        help_text="En toutes lettres : elle est proposée aux éditrices et éditeurs pour remplacer le sigle.",
                        max_length=255,
                        verbose_name="signification",
                    ),
                ),
            ],
            options={
                "verbose_name": "sigle interne",
                "verbose_name_plural": "sigles internes",
                "ordering": ["acronym"],
            },
        ),
        migrations.AddField(
            model_name="joboffer",
            name="quality_score",
            field=models.PositiveSmallIntegerField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="Part des règles de qualité respectées, de 0 à 100 (jobs/quality.py), pour la dernière version enregistrée, brouillon compris.",
                null=True,
                verbose_name="score de qualité",
            ),
        ),
        migrations.RunPython(score_existing_offers, migrations.RunPython.noop),
    ]
