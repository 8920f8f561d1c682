"""What a run of the demo loader created, printed at the end of `load_demo_content`."""

from dataclasses import dataclass, field


@dataclass
class DemoReport:
    created: dict = field(default_factory=dict)

    def count(self, label, number=1):
        if number:
            self.created[label] = self.created.get(label, 0) + number

    @property
    def changed(self):
        return bool(self.created)

    def summary(self):
        if not self.changed:
            return "Rien à faire : le contenu de démonstration est déjà en place."
        details = ", ".join(f"{label} : {number}" for label, number in self.created.items())
        return f"Contenu de démonstration créé ({details})."
