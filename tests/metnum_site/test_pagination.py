import pytest

from metnum_site.pagination import page_of, read_page_number


@pytest.mark.parametrize(
    "raw, number",
    [(None, None), ("", None), (" 3 ", 3), ("0", 1), ("1" + "0" * 30, 10**30), ("-2", None), ("2.5", None)],
)
def test_reads_a_page_number(raw, number):
    assert read_page_number(raw)[0] == number


@pytest.mark.parametrize("raw", ["-2", "deux", "²", "٣", "9" * 101])
def test_an_unreadable_page_number_is_explained(raw):
    number, notice = read_page_number(raw)

    assert number is None
    assert notice.startswith("Le numéro de page «") and notice.endswith("n'est pas un nombre : voici la première page.")


@pytest.mark.parametrize(
    "raw, shown, notice",
    [
        ("2", 2, ""),
        ("3", 3, ""),
        ("4", 3, "La page 4 n'existe pas : voici la dernière, la page 3."),
        ("12345678", 3, "La page demandée n'existe pas : voici la dernière, la page 3."),
        ("x", 1, "Le numéro de page «\u00a0x\u00a0» n'est pas un nombre : voici la première page."),
    ],
)
def test_a_page_past_the_last_is_the_last_with_a_notice(raw, shown, notice):
    page, told = page_of(list(range(25)), 10, raw)

    assert (page.number, told) == (shown, notice)


def test_an_empty_list_has_one_empty_page_and_nothing_to_explain():
    page, notice = page_of([], 10, "5")

    assert (page.number, list(page), notice) == (1, [], "")
