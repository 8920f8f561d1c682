"""The project's French catalogues (locale/fr/LC_MESSAGES: django for the pages, djangojs for the
admin's scripts): they win over Wagtail's, each compiled .mo says the same as its .po, and they
reword every generic gender marker and English word of Wagtail's French strings.
After a Wagtail upgrade, a new "créé(e)" fails here until it is reworded in locale/fr."""

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
GENDER_MARKER = re.compile(r"\w\((e|le|ne|s|tte|la)\)")
WAGTAIL_LEFTOVERS = ("Status", "Workflow", "Any", "Historique du Site", "Aller à contenu")
# English words that Wagtail's French catalogue keeps as they are.
ENGLISH_IN_WAGTAIL_FRENCH = re.compile(r"\b(workflows?|status|snippets?|dashboard)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def english_in(form):
    return ENGLISH_IN_WAGTAIL_FRENCH.search(PLACEHOLDER.sub("", form))


def read_po(path):
    """{msgid: [msgstr, …]} of a .po file (plural forms in order); the header is left out."""
    entries, entry, key = {}, {}, None

    def close():
        if entry.get("msgid"):
            forms = sorted(name for name in entry if name.startswith("msgstr"))
            entries[entry["msgid"]] = [entry[name] for name in forms]

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            close()
            entry, key = {}, None
            continue
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
        if match:
            key = match.group(1)
            entry[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    close()
    return entries


DOMAINS = pytest.mark.parametrize("domain", ["django", "djangojs"])
# Wagtail apps whose French catalogue must be found, or the checks below would read nothing.
WAGTAIL_APPS_TRANSLATED = {"django": {"wagtail.admin", "wagtail.snippets"}, "djangojs": {"wagtail.admin"}}


@DOMAINS
def test_the_compiled_catalogue_says_what_the_po_file_says(domain):
    po = read_po(CATALOGUE / f"{domain}.po")
    with open(CATALOGUE / f"{domain}.mo", "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)

    assert po
    for msgid, forms in po.items():
        if len(forms) == 1:
            assert mo.gettext(msgid) == forms[0], msgid
        else:
            # French plural forms of the header: 0 and 1 take the first form, millions the second.
            assert [mo.ngettext(msgid, msgid, n) for n in (1, 1_000_000, 2)] == forms, msgid
    # Nothing more in the .mo than in the .po (the header aside).
    assert len(mo._catalog) - 1 == sum(len(forms) for forms in po.values())


def wagtail_catalogues(domain="django"):
    """The French catalogues of the installed Wagtail apps."""
    for app in apps.get_app_configs():
        path = Path(app.path) / "locale" / "fr" / "LC_MESSAGES" / f"{domain}.po"
        if app.name.startswith("wagtail") and path.exists():
            yield app.name, path


@DOMAINS
def test_it_rewords_every_gender_marker_of_wagtail_s_french_strings(domain):
    ours = read_po(CATALOGUE / f"{domain}.po")
    catalogues = dict(wagtail_catalogues(domain))
    assert WAGTAIL_APPS_TRANSLATED[domain] <= set(catalogues)
    missing = []
    for app_name, path in catalogues.items():
        for msgid, forms in read_po(path).items():
            if any(GENDER_MARKER.search(form) for form in forms) and msgid not in ours:
                missing.append(f"{app_name}: {msgid}")
    assert not missing, f"à reformuler dans locale/fr/LC_MESSAGES/{domain}.po :\n" + "\n".join(missing)
    for msgid, forms in ours.items():
        for form in forms:
            assert not GENDER_MARKER.search(form), (msgid, form)
            assert not any(leftover in form for leftover in WAGTAIL_LEFTOVERS), (msgid, form)


@DOMAINS
def test_it_rewords_every_wagtail_french_string_left_in_english(domain):
    ours = read_po(CATALOGUE / f"{domain}.po")
    missing = [
        f"{app_name}: {msgid}"
        for app_name, path in wagtail_catalogues(domain)
        for msgid, forms in read_po(path).items()
        if any(english_in(form) for form in forms) and msgid not in ours
    ]
    assert not missing, f"à traduire dans locale/fr/LC_MESSAGES/{domain}.po :\n" + "\n".join(missing)
    for msgid, forms in ours.items():
        for form in forms:
            assert not english_in(form), (msgid, form)


def test_the_project_catalogue_wins_over_wagtail_s():
    with translation.override("fr"):
        assert translation.gettext("New: %(model_name)s") == "Création\u00a0: %(model_name)s"
        assert translation.gettext("Site history") == "Historique du site"
        assert translation.gettext("Workflows") == "Processus de validation"
        assert translation.gettext("Skip to main content") == "Aller au contenu principal"


def test_every_string_of_the_admin_s_scripts_is_translated():
    """Wagtail's French JavaScript catalogue leaves some strings empty: the admin would show them in
    English."""
    ours = read_po(CATALOGUE / "djangojs.po")
    missing = [
        f"{app_name}: {msgid}"
        for app_name, path in wagtail_catalogues("djangojs")
        for msgid, forms in read_po(path).items()
        if not all(forms) and msgid not in ours
    ]
    assert not missing, "à traduire dans locale/fr/LC_MESSAGES/djangojs.po :\n" + "\n".join(missing)


def test_the_admin_s_scripts_read_the_project_catalogue(admin_client):
    catalogue = admin_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    entry = (
        json.dumps("(%(number)s new items in this menu)")
        + ": "
        + json.dumps("(%(number)s nouveaux éléments dans ce menu)")
    )
    assert entry in catalogue
