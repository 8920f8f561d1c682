"""Used by the migrations that gave skills (jobs) and editorial themes (editorial) their own tag
models: copy the tags a through model uses from one tag table to the other, keeping their ids, so
that the through model's `tag_id` values stay valid when its foreign key moves between tables
(forwards from taggit.Tag to the new model, backwards to taggit.Tag)."""

from django.core.management.color import no_style
from django.db import connection


def copy_used_tags(apps, through_models, source, target):
    """Copy from `source` into `target` ("app.Model") every tag that `through_models` use."""
    Source, Target = apps.get_model(source), apps.get_model(target)
    used = set()
    for through in through_models:
        used.update(apps.get_model(through).objects.values_list("tag_id", flat=True))
    existing = set(Target.objects.filter(id__in=used).values_list("id", flat=True))
    Target.objects.bulk_create(
        [Target(id=tag.id, name=tag.name, slug=tag.slug) for tag in Source.objects.filter(id__in=used - existing)]
    )
    with connection.cursor() as cursor:  # explicit ids: move PostgreSQL's sequence past them
        for statement in connection.ops.sequence_reset_sql(no_style(), [Target]):
            cursor.execute(statement)
