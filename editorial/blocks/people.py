"""Blocks about people: quotes and testimonies, and links to the stories ("témoignages")."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from editorial.presenters import story_card

from .headings import TitledBlock, TitledValue
from .selection import chosen_or_automatic

PORTRAIT_RENDITION = "fill-160x160"


class QuoteValue(blocks.StructValue):
    @property
    def quote_data(self):
        """The django-dsfr `dsfr_quote` arguments. The photo sits next to the person's name, which
        says who it shows: django-dsfr renders it with an empty alternative text."""
        source = ", ".join(part for part in (self.get("role"), self.get("organisation")) if part)
        data = {"text": self.get("text"), "author": self.get("name"), "source": source, "text_size": "lg"}
        photo = self.get("photo")
        if photo:
            data["image_url"] = photo.get_rendition(PORTRAIT_RENDITION).url
        return data


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label="Citation")
    name = blocks.CharBlock(max_length=100, label="Personne citée", help_text="Prénom et nom, ou prénom seul.")
    role = blocks.CharBlock(required=False, max_length=120, label="Fonction")
    organisation = blocks.CharBlock(required=False, max_length=120, label="Employeur ou équipe")
    photo = ImageChooserBlock(required=False, label="Photo (facultative)")

    class Meta:
        icon = "openquote"
        label = "Citation ou témoignage"
        group = "Témoignages"
        value_class = QuoteValue
        template = "blocks/quote.html"


class StoriesValue(TitledValue):
    def stories(self, exclude_page=None):
        story_page = self.block.child_blocks["stories"].child_block.target_model
        stories = story_page.objects.live().public().for_cards()
        if exclude_page is not None:
            stories = stories.exclude(pk=exclude_page.pk)
        if self.get("tag") and not self.get("stories"):
            stories = stories.filter(tags__name__iexact=self.get("tag").strip())
        return chosen_or_automatic(stories, self.get("stories"), ("-date", "-pk"), self.get("count"))


class StoriesBlock(TitledBlock):
    """Chosen stories, or the latest ones (with a given tag when set)."""

    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="editorial.StoryPage", label="Témoignage"),
        min_num=0,
        max_num=6,
        label="Témoignages choisis",
        help_text="Laissez vide pour montrer automatiquement les plus récents.",
    )
    tag = blocks.CharBlock(
        required=False,
        max_length=100,
        label="Thème (sélection automatique)",
        help_text="Sans choix ci-dessus : les témoignages les plus récents portant ce thème.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=6, label="Nombre de témoignages")

    has_item_headings = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        stories = value.stories(exclude_page=parent_context.get("page"))
        context["cards"] = [
            story_card(story, value.item_heading_tag, parent_context.get("request")) for story in stories
        ]
        return context

    class Meta:
        icon = "user"
        label = "Témoignages"
        group = "Témoignages"
        value_class = StoriesValue
        template = "blocks/stories.html"
