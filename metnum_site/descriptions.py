"""The `<meta name="description">` of a page: what search engines show under its title."""

LENGTH = 160  # search engines cut longer descriptions


def meta_description(*texts, length=LENGTH):
    """The first non-blank of `texts`, on one line, cut after a word to at most `length` characters
    (an ellipsis marks the cut); "" when they are all blank."""
    for text in texts:
        text = " ".join(str(text or "").split())
        if text:
            break
    else:
        return ""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–—-")
    return f"{cut}…"
