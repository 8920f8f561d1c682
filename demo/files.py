"""The demo data files: YAML texts and images under demo/data/."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
IMAGES_DIR = DATA_DIR / "images"
OFFERS_DIR = DATA_DIR / "offers"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(name):
    """The parsed content of demo/data/<name>.yaml."""
    return _load(DATA_DIR / f"{name}.yaml")


def offer_files():
    """The offer files (demo/data/offers/<employer>.yaml), in a stable order, parsed."""
    return [_load(path) for path in sorted(OFFERS_DIR.glob("*.yaml"))]


def image_path(relative):
    return IMAGES_DIR / relative


def _load(path):
    with open(path, encoding="utf-8") as file:
        return yaml.load(file, Loader=Loader)
