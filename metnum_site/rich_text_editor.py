"""The admin's rich text editor (settings.WAGTAILADMIN_RICH_TEXT_EDITORS), apart from rich_text.py:
Wagtail's editor module needs the models loaded, rich_text.py is imported while they load."""

from wagtail.admin.rich_text import DraftailRichTextArea


class DraftailArea(DraftailRichTextArea):
    """Wagtail's rich text editor, reading a posted value that is not the editor's JSON (a tampered
    or truncated request: the editor's script always sends JSON) as empty rather than failing with
    a server error. The field's own rules then apply: a required field says it is required."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError):
            return None
