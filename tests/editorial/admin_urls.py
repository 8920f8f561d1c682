"""Every URL pattern of the admin, read from the URLconf (stock Wagtail views included), and the
means to turn one into a concrete address: its parameters filled from a table of object ids."""

import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern

ADMIN_PREFIX = "admin/"
ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


@dataclass(frozen=True)
class AdminPattern:
    name: str | None
    parts: tuple  # the chain of patterns from the root URLconf down to the view

    @property
    def route(self):
        return "".join(str(part) for part in self.parts)

    @property
    def parameters(self):
        names = []
        for part in self.parts:
            if isinstance(part, RoutePattern):
                names += ROUTE_PARAMETER.findall(str(part))
            elif isinstance(part, RegexPattern):
                names += REGEX_GROUP.findall(str(part))
        return names

    def url(self, values, filler="x"):
        """The address of this pattern with each parameter replaced by `values[name]`; a regex
        without a named group (a catch-all) gets `filler`."""
        pieces = []
        for part in self.parts:
            text = str(part)
            if isinstance(part, RoutePattern):
                text = ROUTE_PARAMETER.sub(lambda match: str(values[match.group(1)]), text)
            elif isinstance(part, RegexPattern):
                text = REGEX_GROUP.sub(lambda match: str(values[match.group(1)]), text)
                text = text.removeprefix("^").removesuffix("$").replace(".*", filler).replace("\\.", ".")
            pieces.append(text)
        url = "/" + "".join(pieces)
        resolve(url)  # raises Resolver404 when the address built is not the pattern's
        return url


def _walk(patterns, chain=(), namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, (*chain, pattern.pattern), inner)
        else:
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield AdminPattern(name, (*chain, pattern.pattern))


def admin_patterns():
    """Every pattern served under /admin/, in URLconf order."""
    return [pattern for pattern in _walk(get_resolver().url_patterns) if pattern.route.startswith(ADMIN_PREFIX)]
