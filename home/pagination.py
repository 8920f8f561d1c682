"""The DSFR pagination of a list, as data: the links of `pagination.html`, built from the page and
the request's query. Each link keeps the query's parameters once (a repeated pair such as
`region=11&region=11` is written once) and sets `page`."""

from django.http import QueryDict

# kind → (label, the DSFR's classes for that link)
EDGES = {
    "first": ("Première page", "fr-pagination__link--first"),
    "previous": ("Page précédente", "fr-pagination__link--prev fr-pagination__link--lg-label"),
    "next": ("Page suivante", "fr-pagination__link--next fr-pagination__link--lg-label"),
    "last": ("Dernière page", "fr-pagination__link--last"),
}


def page_url(query, number):
    kept = QueryDict(mutable=True)
    seen = set()
    pairs = ((name, value) for name, values in query.lists() for value in values)
    for name, value in pairs:
        if name != "page" and (name, value) not in seen:
            seen.add((name, value))
            kept.appendlist(name, value)
    if number > 1:
        kept["page"] = str(number)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"


def pagination_links(page_obj, query):
    """[{kind, label, url (None: leads nowhere), css, current, title}] for `page_obj` (a Django Page)."""
    paginator, number = page_obj.paginator, page_obj.number

    def edge(kind, target, enabled):
        label, css = EDGES[kind]
        return {"kind": kind, "label": label, "css": css, "url": page_url(query, target) if enabled else None}

    links = [edge("first", 1, page_obj.has_previous()), edge("previous", number - 1, page_obj.has_previous())]
    for item in paginator.get_elided_page_range(number, on_each_side=1, on_ends=1):
        if item == paginator.ELLIPSIS:
            links.append({"kind": "ellipsis", "label": "…", "url": None})
        else:
            links.append(
                {
                    "kind": "page",
                    "label": str(item),
                    "url": page_url(query, item),
                    "current": item == number,
                    "title": f"Page {item}",
                }
            )
    links += [edge("next", number + 1, page_obj.has_next()), edge("last", paginator.num_pages, page_obj.has_next())]
    return links
