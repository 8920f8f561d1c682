"""Heading levels shared by every block that shows a title, and the page outline they build.

A page's h1 is its title (or its hero). Below it, editors choose the level of each heading and of
each titled block; the items of a titled block (cards, questions…) sit one level below its title.
`outline_errors` refuses a stream whose headings would skip a level, and `assign_anchors` gives
every heading block an id that is unique on the page, from which the table of contents is built.
"""

from django.utils.text import slugify
from wagtail import blocks

HEADING_LEVELS = [("h2", "Niveau 2"), ("h3", "Niveau 3"), ("h4", "Niveau 4")]
DEEPEST_LEVEL = 6

# Ids the site shell already uses: a heading called "Contenu" must not steal the skip link's target.
RESERVED_IDS = {
    "contenu",
    "footer",
    "navigation-principale",
    "menu-mobile",
    "bouton-menu-mobile",
    "recherche-entete",
    "formulaire-recherche-entete",
    "champ-recherche-entete",
    "titre-bandeau",
    "recherche-bandeau",
    "champ-recherche-bandeau",
    "sommaire",
    "filtres",
    "resultats",
}


def level_number(tag):
    return int(tag[1])


def level_tag(number):
    return f"h{min(number, DEEPEST_LEVEL)}"


def heading_level_block(**kwargs):
    kwargs.setdefault("label", "Niveau du titre")
    kwargs.setdefault(
        "help_text", "Un niveau de plus que le titre sous lequel le bloc se trouve (niveau 2 sous le titre de la page)."
    )
    return blocks.ChoiceBlock(choices=HEADING_LEVELS, default="h2", search_index=False, **kwargs)


class TitledValue(blocks.StructValue):
    @property
    def heading_tag(self):
        return self.get("heading_level") or "h2"

    @property
    def item_heading_tag(self):
        """Items sit one level below the block's title, or at the chosen level when it has none."""
        level = level_number(self.heading_tag)
        return level_tag(level + 1) if self.get("heading") else level_tag(level)


class TitledBlock(blocks.StructBlock):
    """A block with an optional title whose level the editor chooses. Subclasses that show items
    with their own headings (cards, questions) set `has_item_headings`."""

    heading = blocks.CharBlock(required=False, max_length=120, label="Titre de la rubrique")
    heading_level = heading_level_block()

    has_item_headings = False

    def heading_levels(self, value):
        levels = [level_number(value.heading_tag)] if value.get("heading") else []
        if self.has_item_headings:
            levels.append(level_number(value.item_heading_tag))
        return levels

    class Meta:
        value_class = TitledValue


def stream_heading_levels(stream_value):
    """[(position, block label, level), …] in page order, for the blocks that render headings."""
    levels = []
    for position, child in enumerate(stream_value):
        heading_levels = getattr(child.block, "heading_levels", None)
        if heading_levels is None:
            continue
        for level in heading_levels(child.value):
            levels.append((position, child.block.label, level))
    return levels


def outline_errors(stream_value, page_level=1):
    """French messages for each heading that would skip a level below the page's h1."""
    errors, previous = [], page_level
    for position, label, level in stream_heading_levels(stream_value):
        if level > previous + 1:
            errors.append(
                f"Bloc n° {position + 1} ({label}) : un titre de niveau {level} suit un titre de niveau "
                f"{previous}. Les niveaux se suivent sans saut : choisissez au plus le niveau {previous + 1}."
            )
        previous = level
    return errors


def assign_anchors(stream_value):
    """Give each heading block of the stream an id unique on the page, and return the table of
    contents: [{"link": "#id", "label", "children": […]}] with level 3 headings under level 2 ones."""
    used = set(RESERVED_IDS)
    toc = []
    for child in stream_value:
        if child.block_type != "heading":
            continue
        value = child.value
        base = value.get("anchor") or slugify(value.get("text", "")) or "section"
        if base[0].isdigit():
            base = f"section-{base}"
        anchor, suffix = base, 2
        while anchor in used:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        used.add(anchor)
        value.page_anchor = anchor
        entry = {"link": f"#{anchor}", "label": value.get("text", ""), "children": []}
        level = value.get("level")
        if level == "h2" or not toc:
            toc.append(entry)
        elif level == "h3":
            toc[-1]["children"].append(entry)
    return toc
