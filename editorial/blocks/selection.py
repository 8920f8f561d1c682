"""Blocks that show pages either chosen by the editor or picked automatically."""


def chosen_or_automatic(queryset, chosen_pages, automatic_order, count):
    """The live pages the editor chose, in their order (dropping those no longer live), or else the first
    `count` pages of `queryset` in `automatic_order`. One query either way."""
    chosen_ids = [page.pk for page in chosen_pages or [] if page]
    if not chosen_ids:
        return list(queryset.order_by(*automatic_order)[:count])
    by_id = {page.pk: page for page in queryset.filter(pk__in=chosen_ids)}
    return [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
