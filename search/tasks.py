"""Background tasks (django-tasks) that keep the search indexes in step (see search/indexing.py)."""

from django_tasks import task

from jobs.models import JobOffer

from . import indexing


@task()
def sync_offer(offer_id, token=None):
    return indexing.sync_offer(offer_id, token)


@task()
def sync_offers_to_elasticsearch(offer_ids, tokens=None):
    """After a bulk import: upsert or delete the imported offers in Elasticsearch, in bulk, then clear
    their pending rows ({str(pk): token}) if it took them."""
    outcome = indexing.sync_offers_to_elasticsearch(offer_ids)
    if tokens and outcome != "failed":
        indexing.clear_pending(tokens)
    return outcome


@task()
def sync_offers_of(field, value):
    """Resynchronise the offers of an institution or a profession (after a rename)."""
    assert field in ("institution_id", "profession_id")
    for pk in JobOffer.objects.filter(**{field: value}).values_list("pk", flat=True):
        indexing.sync_offer(pk)


@task()
def push_synonyms_to_elasticsearch():
    """After the editorial team changed the synonyms: the search analyzer of Elasticsearch's index."""
    return indexing.push_synonyms_to_elasticsearch()


@task()
def reconcile_search_index():
    """The daily reconcile: the same as `manage.py search_index sync`."""
    from django.core.management import call_command

    call_command("search_index", "sync")
