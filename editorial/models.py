import functools
import math
import operator
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Case, Count, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from jobs.choices import InstitutionKind
from jobs.models import Institution, JobOffer
from metnum_site.descriptions import meta_description
from metnum_site.pagination import page_of

from . import filters
from .blocks import ContentStreamBlock, GuideStreamBlock, InstitutionStreamBlock, StoryStreamBlock, assign_anchors
from .related_offers import related_offer_cards

WORDS_READ_PER_MINUTE = 200
STORIES_PER_PAGE = 12
RELATED_COUNT = 3


class BodyPage(Page):
    """A page with an intro and a StreamField body, whose headings get ids unique on the page."""

    intro = models.TextField("Chapô", blank=True, max_length=500, help_text="Une ou deux phrases en tête de page.")

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["table_of_contents"] = assign_anchors(self.body)
        return context

    @property
    def hero(self):
        """The hero block, which carries the page's h1, when the body opens with one."""
        first = self.body[0] if self.body else None
        return first if first is not None and first.block_type == "hero" else None

    def body_text(self):
        return " ".join([self.intro, *self.body.stream_block.get_searchable_content(self.body)])

    @property
    def meta_description(self):
        """The editor's search description, else the intro, else the opening block's text, else the
        start of the body."""
        hero = self.hero
        hero_text = hero.value["text"] if hero else ""
        return meta_description(self.search_description, self.intro, hero_text, self.body_text())

    @property
    def reading_minutes(self):
        """Minutes to read the intro and the body at 200 words a minute, rounded up, at least 1."""
        return max(1, math.ceil(len(self.body_text().split()) / WORDS_READ_PER_MINUTE))


class StandardPage(BodyPage):
    """A plain content page: legal notices, accessibility statement, about pages."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=2), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "editorial.StandardPage"]
    subpage_types = ["editorial.StandardPage"]
    template = "editorial/standard_page.html"

    class Meta:
        verbose_name = "Page standard"
        verbose_name_plural = "Pages standard"


class ListingQuerySet(PageQuerySet):
    def listed_under(self, index):
        """The live children of `index` that have no view restriction of their own. Wagtail already
        checks the index's own restrictions (and its ancestors') before serving it; this check costs no
        query, where `public()` costs one."""
        return self.live().child_of(index).filter(view_restrictions__isnull=True)

    def listed_beside(self, page):
        """The other live pages of `page`'s index, with the same rule as `listed_under`."""
        return self.live().sibling_of(page, inclusive=False).filter(view_restrictions__isnull=True)


class IndexPage(Page):
    """One of the three unique listings under the home page (/employeurs/, /temoignages/, /guides/)."""

    intro = models.TextField("Chapô", blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return meta_description(self.search_description, self.intro)


# Employers


def open_offer_count(institution_field):
    """Subquery: the number of open offers of the institution in `institution_field` of the outer query."""
    offers = (
        JobOffer.objects.open()
        .filter(institution=OuterRef(institution_field))
        .order_by()
        .values("institution")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(offers), Value(0))


class InstitutionPageQuerySet(ListingQuerySet):
    def for_cards(self):
        """Everything an employer card shows (logo, kind, open offers), in a fixed number of queries."""
        return (
            self.select_related("institution", "institution__logo")
            .prefetch_related("institution__logo__renditions")
            .annotate(open_offer_count=open_offer_count("institution"))
        )


class InstitutionIndexPage(IndexPage):
    """/employeurs/: every institution that has a live page, filterable by kind (?type=…)."""

    subpage_types = ["editorial.InstitutionPage"]
    template = "editorial/institution_index_page.html"

    class Meta:
        verbose_name = "Index des employeurs"
        verbose_name_plural = "Index des employeurs"

    def get_context(self, request, *args, **kwargs):
        from .presenters import institution_card

        context = super().get_context(request, *args, **kwargs)
        pages = InstitutionPage.objects.listed_under(self)
        present_kinds = set(pages.values_list("institution__kind", flat=True).distinct())
        kinds = [(code, label) for code, label in InstitutionKind.choices if code in present_kinds]
        form = filters.InstitutionFilterForm(request.GET, kinds=kinds)
        kind = form.selected.get("type", "")
        if kind:
            pages = pages.filter(institution__kind=kind)
        pages = pages.for_cards().order_by("title")
        context.update(
            filter_form=form,
            kind_label=dict(InstitutionKind.choices).get(kind, ""),
            cards=[institution_card(page, "h2", request) for page in pages],
        )
        return context


class InstitutionPage(BodyPage):
    """An employer's own page, linked one-to-one to its institution. Its slug is the institution's."""

    institution = models.OneToOneField(
        Institution,
        verbose_name="institution",
        on_delete=models.PROTECT,
        related_name="employer_page",
        help_text="L'adresse de la page reprend l'identifiant de l'institution : /employeurs/<identifiant>/.",
    )
    body = StreamField(InstitutionStreamBlock(), blank=True, verbose_name="Contenu")

    objects = PageManager.from_queryset(InstitutionPageQuerySet)()

    # Only those who manage the institutions (editorial team) relink a page: a ministry's editors
    # would otherwise turn their page into another institution's.
    content_panels = Page.content_panels + [
        FieldPanel("institution", permission="jobs.change_institution"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("institution", [index.SearchField("name"), index.SearchField("acronym")]),
    ]

    parent_page_types = ["editorial.InstitutionIndexPage"]
    subpage_types = []
    template = "editorial/institution_page.html"

    class Meta:
        verbose_name = "Page employeur"
        verbose_name_plural = "Pages employeur"

    def full_clean(self, *args, **kwargs):
        if self.institution_id:
            self.slug = self.institution.slug
        super().full_clean(*args, **kwargs)

    @property
    def website_label(self):
        """The institution's site as readers know it: "www.insee.fr" rather than the whole address."""
        return urlsplit(self.institution.website).netloc or self.institution.website

    def get_context(self, request, *args, **kwargs):
        from .presenters import offers_label, story_card

        context = super().get_context(request, *args, **kwargs)
        open_offers = JobOffer.objects.open().filter(institution_id=self.institution_id)
        context["open_offers_label"] = offers_label(open_offers.count())
        stories = (
            StoryPage.objects.live()
            .for_cards()
            .filter(person_institution_id=self.institution_id)
            .order_by("-date", "-pk")[:RELATED_COUNT]
        )
        context["story_cards"] = [story_card(story, "h3", request) for story in stories]
        return context


# Stories and guides share their tag logic.


def shared_tag_ids(page):
    return list(page.tagged_items.values_list("tag_id", flat=True)) if page.pk else []


def shared_tag_count(tag_ids):
    """How many of `tag_ids` a page carries (through its `tagged_items`), as an annotation."""
    if not tag_ids:
        return Value(0)
    return Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True)


class Theme(TagBase):
    """A theme of the stories and guides, curated by the editorial team ("Données", "Reconversion"…):
    its own tag model, apart from the offers' skills (jobs.Skill)."""

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["name"]


class StoryPageTag(ItemBase):
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tagged_stories", verbose_name="thème")
    content_object = ParentalKey("editorial.StoryPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "thème d'un témoignage"
        verbose_name_plural = "thèmes des témoignages"


class StoryPageQuerySet(ListingQuerySet):
    def for_cards(self):
        """Everything a story card shows, in a fixed number of queries."""
        return self.select_related("hero_image", "person_institution").prefetch_related("hero_image__renditions")


class StoryIndexPage(IndexPage):
    """/temoignages/: the stories, filterable by tag, institution and profession, 12 per page."""

    subpage_types = ["editorial.StoryPage"]
    template = "editorial/story_index_page.html"

    class Meta:
        verbose_name = "Index des témoignages"
        verbose_name_plural = "Index des témoignages"

    def get_context(self, request, *args, **kwargs):
        from .presenters import story_card

        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.listed_under(self)
        form = filters.StoryFilterForm(request.GET, stories=stories)
        stories = form.filter(stories).for_cards().order_by("-date", "-pk")
        page_obj, page_notice = page_of(stories, STORIES_PER_PAGE, request.GET.get("page"))
        context.update(
            filter_form=form,
            page_notice=page_notice,
            active_filters=form.active_filters(request.GET),
            page_obj=page_obj,
            cards=[story_card(story, "h2", request) for story in page_obj],
        )
        return context


class StoryPage(BodyPage):
    """A story ("témoignage"): a person of the public service tells about their work."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image d'illustration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        "texte alternatif de l'image",
        max_length=250,
        blank=True,
        help_text="Ce que l'image apporte au texte. Laissez vide si elle est purement décorative.",
    )
    person_name = models.CharField("personne", max_length=100, help_text="Prénom, ou prénom et nom.")
    person_role = models.CharField("fonction", max_length=160)
    person_institution = models.ForeignKey(
        Institution,
        verbose_name="employeur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    person_profession = models.ForeignKey(
        "jobs.Profession",
        verbose_name="métier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    date = models.DateField("date de publication", default=timezone.localdate)
    tags = ClusterTaggableManager("thèmes", through=StoryPageTag, blank=True)
    body = StreamField(StoryStreamBlock(), blank=True, verbose_name="Récit")

    objects = PageManager.from_queryset(StoryPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("person_name"), FieldPanel("person_role")]),
                FieldRowPanel([FieldPanel("person_institution"), FieldPanel("person_profession")]),
            ],
            heading="Personne portraiturée",
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Image"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("tags")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("person_name"),
        index.SearchField("person_role", boost=2),
        index.FilterField("date"),
    ]

    parent_page_types = ["editorial.StoryIndexPage"]
    subpage_types = []
    template = "editorial/story_page.html"

    class Meta:
        verbose_name = "Témoignage"
        verbose_name_plural = "Témoignages"

    def related_stories(self, limit=RELATED_COUNT):
        """Live stories sharing the most tags with this one, then those about the same institution,
        newest first. Two queries (tags, stories) plus the card images, whatever the number of stories."""
        tag_ids, institution_id = shared_tag_ids(self), self.person_institution_id
        if not tag_ids and not institution_id:
            return []
        conditions, same_institution = [], Value(0)
        if tag_ids:
            conditions.append(Q(tagged_items__tag_id__in=tag_ids))
        if institution_id:
            conditions.append(Q(person_institution_id=institution_id))
            same_institution = Case(When(person_institution_id=institution_id, then=Value(1)), default=Value(0))
        related = functools.reduce(operator.or_, conditions)
        return list(
            StoryPage.objects.listed_beside(self)
            .filter(related)
            .annotate(shared_tags=shared_tag_count(tag_ids), same_institution=same_institution)
            .for_cards()
            .order_by("-shared_tags", "-same_institution", "-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        from .presenters import story_card

        context = super().get_context(request, *args, **kwargs)
        index_url = self.get_parent().get_url(request)
        context["related_cards"] = [story_card(story, "h3", request) for story in self.related_stories()]
        themes = list(self.tags.all())
        context["tags"] = [{"label": tag.name, "link": f"{index_url}?tag={tag.slug}"} for tag in themes]
        context["offer_cards"] = related_offer_cards(
            profession=self.person_profession, institution=self.person_institution, themes=themes
        )
        return context


# Guides


class GuidePageTag(ItemBase):
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tagged_guides", verbose_name="thème")
    content_object = ParentalKey("editorial.GuidePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "thème d'un guide"
        verbose_name_plural = "thèmes des guides"


class GuideIndexPage(IndexPage):
    """/guides/: the career guides."""

    subpage_types = ["editorial.GuidePage"]
    template = "editorial/guide_index_page.html"

    class Meta:
        verbose_name = "Index des guides"
        verbose_name_plural = "Index des guides"

    def get_context(self, request, *args, **kwargs):
        from .presenters import guide_card

        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.listed_under(self).order_by("path")
        context["cards"] = [guide_card(guide, "h2", request) for guide in guides]
        return context


class GuidePage(BodyPage):
    """A career guide, with a table of contents built from its headings."""

    updated_on = models.DateField(
        "informations vérifiées le",
        default=timezone.localdate,
        help_text="Date à laquelle les règles et les chiffres du guide ont été vérifiés.",
    )
    tags = ClusterTaggableManager("thèmes", through=GuidePageTag, blank=True)
    body = StreamField(GuideStreamBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("updated_on"), FieldPanel("tags")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=2), index.SearchField("body")]

    parent_page_types = ["editorial.GuideIndexPage"]
    subpage_types = []
    template = "editorial/guide_page.html"

    objects = PageManager.from_queryset(ListingQuerySet)()

    class Meta:
        verbose_name = "Guide"
        verbose_name_plural = "Guides"

    def related_guides(self, limit=RELATED_COUNT):
        """Live guides sharing the most tags with this one, then the others in the index order."""
        return list(
            GuidePage.objects.listed_beside(self)
            .annotate(shared_tags=shared_tag_count(shared_tag_ids(self)))
            .order_by("-shared_tags", "path")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        from .presenters import guide_card

        context = super().get_context(request, *args, **kwargs)
        context["related_cards"] = [guide_card(guide, "h3", request) for guide in self.related_guides()]
        context["tags"] = list(self.tags.all())
        context["offer_cards"] = related_offer_cards(themes=context["tags"])
        return context
