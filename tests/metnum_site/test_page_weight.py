"""What keeps pages light for Lighthouse's mobile run (bench/lighthouse.py, docs/benchmarks.md):
compressed HTML outside the admin, the DSFR's stylesheets without Internet Explorer's copies, and its
utilities with only the icons the site uses."""

import gzip
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


def test_public_pages_are_sent_compressed(client, demo_site):
    response = client.get("/offres/", headers={"accept-encoding": "gzip, deflate, br"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"</html>" in gzip.decompress(response.content)


def test_admin_pages_are_not_compressed(client, db):
    """The sign-in form carries a CSRF token: no BREACH exposure in the admin (docs/security.md)."""
    response = client.get("/admin/login/", headers={"accept-encoding": "gzip"})

    assert response.status_code == 200 and len(response.content) > 1000
    assert not response.has_header("Content-Encoding")


def test_pages_load_the_dsfr_for_current_browsers_and_the_icon_subset(client, demo_site):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    stylesheets = [link["href"] for link in html.select("link[rel=stylesheet]")]

    assert any("dsfr/dist/dsfr/dsfr.main.min" in href for href in stylesheets)
    assert any("css/dsfr-utility" in href for href in stylesheets)
    assert not any(href.endswith(("dsfr.min.css", "utility.min.css")) for href in stylesheets)
    assert not any("dsfr-django-overrides" in href for href in stylesheets)  # inside dsfr-utility.css


def test_the_dsfr_utility_subset_is_up_to_date():
    """Using a new `fr-icon-…` class (or upgrading django-dsfr) requires running the script again."""
    result = subprocess.run(
        [sys.executable, "scripts/dsfr_utility_css.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stdout
    css = (ROOT / "static" / "css" / "dsfr-utility.css").read_text(encoding="utf-8")
    assert ".fr-icon-map-pin-2-line:after" in css and "icons/map/map-pin-2-line.svg" in css
    assert ".fr-icon-bike-line" not in css  # an icon nobody uses
    assert ".fr-background-alt--blue-france{" in css  # the other utilities stay
    assert ".errorlist .fr-error-text {" in css  # django-dsfr's overrides
