"""Every admin screen an editor can open speaks French: each pattern of the admin URLconf (stock
Wagtail views included) is opened by a ministry's editor and by the editorial team, and the text it
shows holds no English left by Wagtail ("None", "Workflow"…), no generic gender marker and no ISO
date. The browser journey (tests/browser/test_editor_journey.py) reads the screens an editor walks
through with JavaScript; this reads all of them, as the server sends them."""

import pytest
from bs4 import BeautifulSoup

from tests.browser.test_editor_journey import ENGLISH_LEFTOVERS, GENDER_MARKER, ISO_DATE

from .admin_urls import admin_patterns
from .test_admin_isolation import addresses, client_for, world  # noqa: F401 (the fixture)

CHECKS = {"anglais": ENGLISH_LEFTOVERS, "marqueur de genre": GENDER_MARKER, "date ISO": ISO_DATE}


def shown_text(response):
    """The page's title and the text of its body, as a reader gets it (scripts and templates aside;
    hidden elements count: Wagtail shows many of them on a click)."""
    soup = BeautifulSoup(response.content, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    for tag in soup.select("[hidden]:not(:has(*))"):  # an empty counter holding a placeholder
        tag.decompose()
    title = soup.title.get_text(" ") if soup.title else ""
    return title + "\n" + soup.get_text(" ")


def findings_for(client, objects):
    findings, read = [], 0
    for pattern in admin_patterns():
        url = next(iter(addresses(pattern, objects)))
        response = client.get(url)
        if response.status_code != 200 or response.streaming or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        text = shown_text(response)
        for kind, expression in CHECKS.items():
            for match in expression.finditer(text):
                around = " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())
                findings.append(f"{kind} « {match.group(0)} » sur {url} : … {around} …")
    return findings, read


@pytest.mark.parametrize("who", ["own_editor", "comms_editor"], ids=["ministere", "equipe-editoriale"])
def test_every_admin_screen_speaks_french(world, db, who):  # noqa: F811
    findings, read = findings_for(client_for(getattr(world, who)), world.own)
    assert read > 40  # the screens were read, not refused
    assert not findings, "\n".join(sorted(set(findings)))
