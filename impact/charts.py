"""Charts drawn on the server as inline SVG: no script, no third-party service, nothing the admin's
Content-Security-Policy refuses (presentation attributes only, no style attribute). Each chart has a
title and a summary for screen readers (role="img"); the templates show the same figures in a table
next to it, which is the text alternative."""

import itertools

from django.utils.html import format_html, format_html_join

SERIES_COLOURS = ("#000091", "#c9191e", "#18753c")  # DSFR blue, red, green: enough contrast on white
WIDTH = 640
BAR_ROW = 22
_ids = itertools.count(1)


def _number(value):
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value).replace(".", ",")


def _f(value):
    return f"{value:.1f}"


def _frame(title, summary, height, body, width=WIDTH):
    number = next(_ids)
    return format_html(
        '<svg class="impact-chart" role="img" aria-labelledby="impact-chart-{n}-title impact-chart-{n}-desc"'
        ' viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="impact-chart-{n}-title">{title}</title><desc id="impact-chart-{n}-desc">{summary}</desc>'
        '<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"></rect>{body}</svg>',
        n=number,
        w=width,
        h=height,
        title=title,
        summary=summary,
        body=body,
    )


def _legend(series, y):
    return format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="12" fill="#161616">{}</text>',
        (
            (10 + index * 200, y, SERIES_COLOURS[index], 28 + index * 200, y + 11, name)
            for index, (name, _) in enumerate(series)
        ),
    )


def columns(title, summary, labels, series, label_every=1):
    """Vertical bars, one group per label (a day), one bar per series [(name, [values])]."""
    height, top, bottom, left = 240, 30, 40, 44
    plot_height = height - top - bottom
    highest = max([max(values, default=0) for _, values in series] + [1])
    slot = (WIDTH - left - 10) / max(len(labels), 1)
    bar = max(slot / (len(series) + 1), 1)
    parts = [_legend(series, 6)]
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#3a3a3a"></line>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#3a3a3a">{}</text>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#3a3a3a">0</text>',
            left,
            top + plot_height,
            WIDTH - 10,
            top + plot_height,
            left - 4,
            top + 10,
            _number(highest),
            left - 4,
            top + plot_height,
        )
    )
    for index, label in enumerate(labels):
        x = left + index * slot
        for rank, (_, values) in enumerate(series):
            value = values[index]
            bar_height = plot_height * value / highest
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                    _f(x + bar * (rank + 0.5)),
                    _f(top + plot_height - bar_height),
                    _f(bar),
                    _f(bar_height),
                    SERIES_COLOURS[rank],
                )
            )
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#3a3a3a">{}</text>',
                    _f(x + slot / 2),
                    top + plot_height + 14,
                    label,
                )
            )
    return _frame(title, summary, height, format_html_join("", "{}", ((part,) for part in parts)))


def bars(title, summary, rows, series_name, width=WIDTH, label_chars=34):
    """Horizontal bars, one per (label, value) row: names of institutions stay readable. A narrower
    `width` keeps the text large when two charts stand side by side."""
    label_width, top = label_chars * 6 + 26, 26
    height = top + BAR_ROW * max(len(rows), 1) + 10
    highest = max([value for _, value in rows] + [1])
    plot_width = width - label_width - 40
    parts = [_legend([(series_name, [])], 6)]
    for index, (label, value) in enumerate(rows):
        y = top + index * BAR_ROW
        short = label if len(label) <= label_chars else label[: label_chars - 1] + "…"
        width = plot_width * value / highest
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#161616">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="14" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="11" fill="#161616">{}</text>',
                label_width - 6,
                y + 11,
                short,
                label_width,
                y,
                _f(width),
                SERIES_COLOURS[0],
                _f(label_width + width + 4),
                y + 11,
                _number(value),
            )
        )
    return _frame(title, summary, height, format_html_join("", "{}", ((part,) for part in parts)), width)
