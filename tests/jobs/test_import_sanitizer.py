"""The sanitiser that turns imported text into rich text an editor could have typed (nh3 cleans,
jobs/sanitizer.py shapes)."""

import pytest

from jobs.sanitizer import safe_url, sanitize_rich_text


@pytest.mark.parametrize(
    "dangerous",
    [
        "<p>Bonjour<script>alert('xss')</script></p>",
        "<p onclick=\"alert('xss')\">Bonjour</p>",
        '<p>Bonjour</p><iframe src="https://evil.example">cadre</iframe>',
        "<p>Bonjour</p><style>body { display: none }</style>",
        '<p style="position:fixed">Bonjour</p><object data="x.swf">objet</object>',
        '<p>Bonjour</p><svg onload="alert(1)"><script>alert(2)</script></svg>',
        '<p>Bonjour<img src=x onerror="alert(1)"></p>',
        '<p>Bonjour</p><base href="//evil.example/"><meta http-equiv="refresh" content="0;url=//evil.example">',
    ],
)
def test_code_frames_and_event_handlers_are_removed(dangerous):
    assert sanitize_rich_text(dangerous) == "<p>Bonjour</p>"


@pytest.mark.parametrize(
    "mutation",
    [
        # Markup that a parser of its own reads differently from a browser: nh3 reads it as one does.
        '<p>Bonjour</p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        '<p>Bonjour<form><button formaction="javascript:alert(1)">go</button></form></p>',
        '<svg><style><img src=x onerror="alert(1)"></style></svg><p>Bonjour</p>',
    ],
)
def test_markup_read_differently_by_browsers_leaves_no_code(mutation):
    cleaned = sanitize_rich_text(mutation)

    assert "<p>Bonjour</p>" in cleaned
    assert not any(word in cleaned for word in ("<img", "onerror", "javascript", "<button", "<noscript"))


def test_allowed_formatting_is_kept_and_synonyms_are_normalised():
    html = (
        "<p>Un <strong>poste</strong> <em>utile</em>, <b>gras</b> et <i>italique</i>, "
        '<a href="https://www.numerique.gouv.fr/" target="_blank" class="x">un lien</a> '
        'et <a href="mailto:recrutement@example.fr">un courriel</a>.</p>'
        "<ul><li>Python</li><li>Django</li></ul><ol><li>Entretien</li><li>Réponse</li></ol>"
    )

    assert sanitize_rich_text(html) == (
        "<p>Un <b>poste</b> <i>utile</i>, <b>gras</b> et <i>italique</i>, "
        '<a href="https://www.numerique.gouv.fr/">un lien</a> '
        'et <a href="mailto:recrutement@example.fr">un courriel</a>.</p>'
        "<ul><li>Python</li><li>Django</li></ul><ol><li>Entretien</li><li>Réponse</li></ol>"
    )


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "java\tscript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "/relatif", ""],
)
def test_links_other_than_http_https_and_mailto_keep_their_text_only(href):
    assert sanitize_rich_text(f'<p><a href="{href}">Postuler</a></p>') == "<p>Postuler</p>"


def test_escaped_scheme_in_an_attribute_is_still_caught():
    assert sanitize_rich_text('<a href="jav&#x09;ascript:alert(1)">x</a>') == "<p>x</p>"
    assert safe_url(" https://example.fr/a?b=1&c=2 ") == "https://example.fr/a?b=1&c=2"
    assert safe_url("https:/example.fr") is None


def test_headings_divs_and_tables_become_paragraphs_with_their_text():
    html = "<h2>Le poste</h2><div>Une équipe <span>soudée</span>.</div><table><tr><td>Lyon</td></tr></table>"

    assert sanitize_rich_text(html) == "<p>Le poste</p><p>Une équipe soudée.</p><p>Lyon</p>"


def test_text_is_escaped_and_markup_always_balanced():
    # Read as a browser reads it (the HTML standard): formatting left open goes on after the paragraph.
    assert sanitize_rich_text("<p>1 &lt; 2 & <b>gras <i>et italique</p> suite") == (
        "<p>1 &lt; 2 &amp; <b>gras <i>et italique</i></b></p><p><b><i>suite</i></b></p>"
    )
    assert sanitize_rich_text("<li>orpheline</li>") == "<ul><li>orpheline</li></ul>"
    assert sanitize_rich_text("<p></p><p> <b> </b> </p>") == ""


def test_line_breaks_in_html_and_nested_lists():
    assert sanitize_rich_text("un<br>deux<br><br>trois") == "<p>un<br/>deux</p><p>trois</p>"
    assert sanitize_rich_text("<ul><li>a<ul><li>b</li></ul></li></ul>") == "<ul><li>a<ul><li>b</li></ul></li></ul>"


def test_plain_text_blank_lines_make_paragraphs_and_dashes_make_lists():
    text = "Rejoignez l'équipe.\r\nVous aimez <3 & les tests.\n\nVos missions :\n- coder\n- tester\n\n"
    text += "1. Entretien\n2) Réponse"

    assert sanitize_rich_text(text) == (
        "<p>Rejoignez l'équipe.<br/>Vous aimez &lt;3 &amp; les tests.</p>"
        "<p>Vos missions :</p><ul><li>coder</li><li>tester</li></ul>"
        "<ol><li>Entretien</li><li>Réponse</li></ol>"
    )


def test_empty_text_stays_empty():
    assert sanitize_rich_text("") == ""
    assert sanitize_rich_text("  \n\n ") == ""
    assert sanitize_rich_text(None) == ""
