"""Reading the `page` parameter of a public list, and what a candidate is told when it points
nowhere: a number past the last page shows the last page, anything else the first, each with a notice."""

from django.core.paginator import Paginator

MAX_DIGITS = 100  # "page=10^30" is still a number past the last page, not an error; longer is nonsense


def read_page_number(raw):
    """(number, notice): the page asked for in a `page` parameter (None when absent or unreadable),
    and the notice to show when it is unreadable."""
    raw = (raw or "").strip()
    if not raw:
        return None, ""
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:
        return max(int(raw), 1), ""
    return None, f"Le numéro de page «\u00a0{raw[:30]}\u00a0» n'est pas un nombre : voici la première page."


def past_last_notice(asked, last):
    """The notice of a page shown instead of page `asked`, past the last page `last`."""
    which = f"La page {asked}" if len(str(asked)) <= 6 else "La page demandée"
    return f"{which} n'existe pas : voici la dernière, la page {last}."


def page_of(items, per_page, raw):
    """(Page, notice) of `items` for the `page` parameter `raw`: the page asked for, the last one
    when it is past the last (with a notice), the first one when it is unreadable (with a notice)."""
    paginator = Paginator(items, per_page)
    number, notice = read_page_number(raw)
    number = number or 1
    if number > paginator.num_pages:
        notice = past_last_notice(number, paginator.num_pages) if paginator.count else ""
        number = paginator.num_pages
    return paginator.page(number), notice
