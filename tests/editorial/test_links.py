"""Every free-text link an editor types (link blocks, URL blocks, URL fields of the models) refuses
what would run a script or leave the site while looking internal: javascript:, data:, "//site",
"/\\site". The link fields are found in the models and the StreamField block definitions, so a new one
is checked without being listed here."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.fields import StreamField

from editorial.blocks.links import LinkBlock, LinkValue

SCRIPTS = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"]
LOOKS_INTERNAL = [
    "//malveillant.example",
    "//malveillant.example/offres/",
    "/\\malveillant.example",
    "/\t/malveillant.example",
]
GOOD = ["/offres/", "/offres/?q=data#resultats", "https://www.numerique.gouv.fr/", "http://www.example.org/page"]


def stream_blocks(block, path):
    yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from stream_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from stream_blocks(block.child_block, f"{path}[]")


def our_models():
    return [model for label in ("home", "jobs", "editorial") for model in apps.get_app_config(label).get_models()]


def link_blocks():
    found = {}
    for model in our_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for path, block in stream_blocks(field.stream_block, f"{model.__name__}.{field.name}"):
                    if isinstance(block, LinkBlock | blocks.URLBlock) and type(block).__name__ != "EmbedBlock":
                        found[path] = block
    return found


def url_fields():
    return {
        f"{model._meta.label}.{field.name}": field
        for model in our_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField) and field.model is model
    }


def refuses(clean, value):
    try:
        cleaned = clean(value)
    except ValidationError:
        return True
    # A URL field completes "//site" into "http://site": an explicit address of another site.
    return isinstance(cleaned, str) and cleaned.startswith(("http://", "https://")) and value.startswith("//")


def link_value(block, address):
    return (
        {"page": None, "address": address, "text": "Lien", "new_window": False}
        if isinstance(block, LinkBlock)
        else address
    )


def test_link_fields_are_found():
    assert {path.split(".", 1)[0] for path in link_blocks()} >= {"HomePage", "StandardPage", "SiteSettings"}
    assert set(url_fields()) == {"jobs.Institution.website", "jobs.JobOffer.apply_url"}


@pytest.mark.parametrize("path", sorted(link_blocks()))
def test_every_link_block_refuses_scripts_and_addresses_that_leave_the_site(path):
    block = link_blocks()[path]
    for address in SCRIPTS + LOOKS_INTERNAL:
        assert refuses(lambda value: block.clean(link_value(block, value)), address), (path, address)
    for address in GOOD if isinstance(block, LinkBlock) else GOOD[2:]:  # a URL block takes complete addresses
        block.clean(link_value(block, address))


@pytest.mark.parametrize("name", sorted(url_fields()))
def test_every_url_field_refuses_scripts_and_addresses_that_leave_the_site(name):
    field = url_fields()[name]
    for address in SCRIPTS + LOOKS_INTERNAL:
        assert refuses(field.formfield().clean, address), (name, address)
        with pytest.raises(ValidationError):
            field.run_validators(address)  # the importer's full_clean
    for address in GOOD[2:]:
        field.formfield().clean(address)


def test_the_editor_reads_why_in_french():
    with pytest.raises(blocks.StructBlockValidationError) as refused:
        LinkBlock().clean(link_value(LinkBlock(), "//malveillant.example"))
    [message] = refused.value.block_errors["address"].messages
    assert message.startswith("Une adresse qui commence par « // » (ou « /\\ ») mène vers un autre site")


def test_a_link_stored_before_the_rule_leads_nowhere():
    value = LinkBlock().to_python({"page": None, "address": "//malveillant.example", "text": "Lien"})
    assert isinstance(value, LinkValue)
    assert value.url == ""
    assert value.label == "Lien"
