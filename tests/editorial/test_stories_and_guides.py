import pytest
from wagtail.models import PageViewRestriction

from editorial.blocks.headings import assign_anchors
from editorial.models import GuidePage, StoryPage
from tests.factories import InstitutionFactory

from .pages import guide_index, heading, make_guide, make_story, paragraph, story_index

pytestmark = pytest.mark.django_db


def words(count):
    return " ".join(["mot"] * count)


class TestReadingTime:
    @pytest.mark.parametrize(("body_words", "minutes"), [(10, 1), (190, 1), (201, 2), (790, 4), (801, 5)])
    def test_counts_200_words_a_minute_rounded_up(self, body_words, minutes):
        story = make_story(story_index(), intro=words(10), body=[paragraph(f"<p>{words(body_words - 10)}</p>")])

        assert story.reading_minutes == minutes

    def test_counts_every_text_block_but_not_markup(self):
        body = [
            heading("Un titre de trois"),
            paragraph(f"<p><b>{words(100)}</b></p>"),
            ("quote", {"text": words(96), "name": "Léa", "role": "", "organisation": "", "photo": None}),
        ]
        story = make_story(story_index(), intro="Quatre mots en intro", body=body)

        assert story.reading_minutes == 2  # 4 + 3 + 100 + 96 + "Léa" = 204 words

    def test_is_shown_on_the_story(self, client):
        story = make_story(story_index(), intro=words(5), body=[paragraph(f"<p>{words(700)}</p>")])

        assert "Lecture : 4 min" in client.get(story.url).content.decode()


class TestRelatedStories:
    def test_shared_tags_first_then_same_institution_then_nothing_unrelated(self):
        index = story_index()
        dinum, insee = InstitutionFactory(slug="dinum"), InstitutionFactory(slug="insee")
        story = make_story(index, title="Source", tag_names=["Données", "Cloud"], person_institution=dinum)
        make_story(index, title="Deux thèmes", tag_names=["Données", "Cloud"], person_institution=insee)
        make_story(index, title="Un thème", tag_names=["Cloud"], person_institution=insee)
        make_story(index, title="Même employeur", tag_names=["Design"], person_institution=dinum)
        make_story(index, title="Sans rapport", tag_names=["Design"], person_institution=insee)

        assert [related.title for related in story.related_stories()] == ["Deux thèmes", "Un thème", "Même employeur"]

    def test_same_tags_and_same_employer_outranks_same_tags_only(self):
        index = story_index()
        dinum, insee = InstitutionFactory(slug="dinum"), InstitutionFactory(slug="insee")
        story = make_story(index, title="Source", tag_names=["Données"], person_institution=dinum)
        make_story(index, title="Ailleurs", tag_names=["Données"], person_institution=insee)
        make_story(index, title="Ici", tag_names=["Données"], person_institution=dinum)

        assert [related.title for related in story.related_stories()][:2] == ["Ici", "Ailleurs"]

    def test_skips_drafts_and_private_stories(self):
        index = story_index()
        story = make_story(index, tag_names=["Données"])
        make_story(index, title="Brouillon", tag_names=["Données"]).unpublish()
        private = make_story(index, title="Privé", tag_names=["Données"])
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

        assert story.related_stories() == []

    def test_cost_the_same_queries_with_many_stories(self, django_assert_max_num_queries):
        index = story_index()
        story = make_story(index, tag_names=["Données"])
        for _ in range(8):
            make_story(index, tag_names=["Données"])

        with django_assert_max_num_queries(3):
            related = story.related_stories()
        assert len(related) == 3

    def test_are_shown_on_the_story(self, client):
        index = story_index()
        story = make_story(index, tag_names=["Données"])
        make_story(index, title="Une autre histoire de données", tag_names=["Données"])

        html = client.get(story.url).content.decode()
        assert "Témoignages liés" in html and "Une autre histoire de données" in html


class TestGuides:
    def test_related_guides_share_tags_first(self):
        index = guide_index()
        guide = make_guide(index, tag_names=["Carrière"])
        make_guide(index, title="Autre sujet", tag_names=["Télétravail"])
        make_guide(index, title="Même sujet", tag_names=["Carrière"])

        assert [related.title for related in guide.related_guides()] == ["Même sujet", "Autre sujet"]

    def test_table_of_contents_nests_level_3_under_level_2(self, client):
        body = [heading("Statut"), heading("Concours", "h3"), heading("Contrat"), heading("Concours", "h3")]
        guide = make_guide(guide_index(), body=body)

        toc = assign_anchors(GuidePage.objects.get(pk=guide.pk).body)

        assert [(item["label"], [child["link"] for child in item["children"]]) for item in toc] == [
            ("Statut", ["#concours"]),
            ("Contrat", ["#concours-2"]),
        ]


class TestAnchors:
    def stream(self, *headings):
        return GuidePage(
            body=[("heading", {"text": text, "level": "h2", "anchor": anchor}) for text, anchor in headings]
        ).body

    def test_are_unique_even_for_the_same_text_or_anchor(self):
        body = self.stream(("Salaire", ""), ("Salaire", ""), ("Autre", "salaire"))

        toc = assign_anchors(body)

        assert [item["link"] for item in toc] == ["#salaire", "#salaire-2", "#salaire-3"]
        assert [child.value.anchor_id for child in body] == ["salaire", "salaire-2", "salaire-3"]

    def test_never_take_an_id_of_the_site_shell(self):
        toc = assign_anchors(self.stream(("Contenu", ""), ("2025", "")))

        assert [item["link"] for item in toc] == ["#contenu-2", "#section-2025"]


def test_story_tags_survive_revisions():
    story = make_story(story_index(), tag_names=["Données"])
    story.title = "Nouveau titre"
    story.save_revision()  # a draft that keeps the tags in its revision

    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert [tag.name for tag in draft.tags.all()] == ["Données"]
