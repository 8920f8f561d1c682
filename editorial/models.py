from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ContentStreamBlock


class StandardPage(Page):
    """A plain content page: legal notices, accessibility statement, about pages."""

    intro = models.TextField("Chapô", blank=True, max_length=500)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "editorial.StandardPage"]
    subpage_types = ["editorial.StandardPage"]
    template = "editorial/standard_page.html"

    class Meta:
        verbose_name = "Page standard"
        verbose_name_plural = "Pages standard"
