"""The demo employers (data/institutions.yaml) and their logos (data/images/logos/)."""

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from jobs.models import Institution

from . import files


def institutions():
    """The demo employers as written in the data file, parents first."""
    return files.read("institutions")


def ensure_institutions(with_logos=True):
    """Create the demo employers that are missing; leave existing ones (and editors' changes) alone.
    Returns how many were created."""
    existing = {value for pair in Institution.objects.values_list("slug", "name") for value in pair}
    created = 0
    for data in institutions():
        if data["slug"] in existing or data["name"] in existing:
            continue
        parent = data.get("parent")
        Institution.objects.create(
            slug=data["slug"],
            name=data["name"],
            acronym=data.get("acronym", ""),
            kind=data["kind"],
            parent=Institution.objects.filter(slug=parent).first() if parent else None,
            website=data["website"],
            description=data["description"],
            logo=_logo(data) if with_logos else None,
        )
        created += 1
    return created


def _logo(data):
    path = files.image_path(f"logos/{data['slug']}.png")
    with open(path, "rb") as file:
        return get_image_model().objects.create(
            title=f"Logo {data['name']}",
            file=ImageFile(file, name=f"logo-{data['slug']}.png"),
            collection=Collection.get_first_root_node(),
        )
