"""The digital-job filter: the comms team's rules (intake.models.DigitalRule), read once per intake."""

from .models import DigitalRule

NO_RULE = "aucune règle ne reconnaît un métier du numérique"


class DigitalFilter:
    def __init__(self, rules=None):
        rules = list(DigitalRule.objects.filter(active=True) if rules is None else rules)
        self.drops = [rule for rule in rules if rule.decision == DigitalRule.Decision.DROP]
        self.keeps = [rule for rule in rules if rule.decision == DigitalRule.Decision.KEEP]

    @staticmethod
    def value(record, rule):
        return {
            DigitalRule.Field.FAMILY: record.family,
            DigitalRule.Field.ROME: record.rome,
            DigitalRule.Field.TITLE: record.title,
        }[rule.field]

    def decide(self, record):
        """(kept, why): an exclusion that matches wins, then the first inclusion; no rule: dropped."""
        for rule in self.drops:
            if rule.matches(self.value(record, rule)):
                return False, f"règle d'exclusion : {rule}"
        for rule in self.keeps:
            if rule.matches(self.value(record, rule)):
                return True, f"règle : {rule}"
        return False, NO_RULE
