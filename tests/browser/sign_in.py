"""Signing in to the admin from the browser, second factor included when the site asks for it (the
production stack requires it of superusers): the set-up page's key is read from the page, as a
person would type it into an authenticator app, and the codes are computed from it."""

import base64
import re

from django_otp.oath import totp

# username → the authenticator key set up in this test session
KEYS = {}


def current_code(key, drift=0):
    return f"{totp(key, step=30, t0=0, digits=6, drift=drift):06d}"


def key_from(page):
    text = page.locator("main code").first.inner_text()
    secret = re.sub(r"\s", "", text)
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def sign_in(page, site_url, username, password, then="/admin/"):
    page.goto(site_url + "/admin/login/?next=" + then)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/admin/login/" not in url)
    if "/admin/double-facteur/activer/" in page.url:
        KEYS[username] = key_from(page)
        page.locator("input[name=code]").fill(current_code(KEYS[username]))
        page.get_by_role("button", name="Activer").click()
        page.get_by_role("link", name="Continuer vers l'administration").click()
    elif "/admin/double-facteur/" in page.url:
        page.locator("input[name=code]").fill(current_code(KEYS[username], drift=1))  # a code not used yet
        page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(site_url + then)
