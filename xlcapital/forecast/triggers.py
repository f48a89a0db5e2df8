"""Triggers: measurable rules with thresholds set by the risk profile (docs/forecast-model.md section 9).

Each rule gives one value per week; a week's status is "alert" when the value crosses the alert
threshold, else "warning" when it crosses the warning threshold, else "ok". The rule reports its
current value (week 1), the worst value, the worst status and the first week that is not ok.

>>> from decimal import Decimal
>>> t = evaluate_rule(RULES["free_cash"], [Decimal("0.5"), Decimal("0.2"), Decimal("0.1")], Decimal("0.30"), Decimal("0.15"), "CFO")
>>> t.status, t.first_week, t.first_alert_week, t.value, t.worst
('alert', 2, 3, Decimal('0.5'), Decimal('0.1'))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from xlcapital.forecast.types import TriggerConfig

ORDER = {"ok": 0, "warning": 1, "alert": 2}


@dataclass(frozen=True)
class Rule:
    """A trigger rule: what it measures, which way it fires, its thresholds per risk profile."""

    name: str
    description: str
    unit: str  # "fraction", "months", "amount", "days", "times"
    direction: str  # "below": fires when value < threshold; "above": when value > threshold
    #: risk profile -> (warning, alert)
    thresholds: dict[str, tuple[Decimal, Decimal]]
    owner: str
    #: what it measures, as the Dashboard names it
    label: str = ""
    #: the pre-agreed action when it fires (seed 000, step 3); forecast.toml ``action`` overrides it
    action: str = ""
    #: the default owner and action in Dutch (``--lang nl``)
    owner_nl: str = ""
    action_nl: str = ""

    def in_language(self, owner: str, action: str, lang: str) -> tuple[str, str]:
        """(owner, action) of a trigger of this rule as shown in ``lang``: the rule's defaults in Dutch
        under "nl"; an owner or action from forecast.toml is the user's text and stays as written.

        >>> RULES["dso_trend"].in_language("Credit control", "Call them", "nl")
        ('Debiteurenbeheer', 'Call them')
        """
        if lang != "nl":
            return owner, action
        return (self.owner_nl if owner == self.owner and self.owner_nl else owner,
                self.action_nl if action == self.action and self.action_nl else action)


def _t(w: str, a: str) -> tuple[Decimal, Decimal]:
    return Decimal(w), Decimal(a)


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "free_cash", "free cash (closing cash - buffer) below a share of monthly costs", "fraction", "below",
            {"conservative": _t("0.50", "0.25"), "moderate": _t("0.30", "0.15"), "offensive": _t("0.10", "0.05")},
            "Finance manager",
            "Free cash (share of monthly costs)",
            "Hold payments that can wait; call the customers with the largest overdue invoices this week.",
            owner_nl="Financieel manager",
            action_nl="Houd betalingen aan die kunnen wachten; bel deze week de klanten met de grootste achterstallige facturen.",
        ),
        Rule(
            "cash_buffer", "cash buffer below months of fixed costs", "months", "below",
            {"conservative": _t("6", "4"), "moderate": _t("4", "3"), "offensive": _t("2", "1")},
            "Director",
            "Cash buffer (months of fixed costs)",
            "Director reviews fixed costs and postpones investments; agree extra financing with the bank before the buffer is gone.",
            owner_nl="Directeur",
            action_nl="De directeur beoordeelt de vaste lasten en stelt investeringen uit; spreek extra financiering met de bank af voordat de buffer op is.",
        ),
        Rule(
            "credit_limit", "headroom on the credit limit (lowest over the scenarios) below a share of the limit",
            "amount", "below",
            {"conservative": _t("0.25", "0"), "moderate": _t("0.10", "0"), "offensive": _t("0", "0")},
            "Director",
            "Headroom on the credit limit",
            "Call the bank's account manager now about a temporary higher limit; pay suppliers by priority until it is agreed.",
            owner_nl="Directeur",
            action_nl="Bel nu de accountmanager van de bank over een tijdelijk hogere limiet; betaal leveranciers op volgorde van prioriteit tot die is afgesproken.",
        ),
        Rule(
            "dso_trend", "DSO above its 3-month moving average", "days", "above",
            {"conservative": _t("0", "2"), "moderate": _t("2", "5"), "offensive": _t("5", "10")},
            "Credit control",
            "DSO above its 3-month average (days)",
            "Credit control calls every customer over 30 days; no new deliveries to customers over 60 days without payment.",
            owner_nl="Debiteurenbeheer",
            action_nl="Debiteurenbeheer belt elke klant boven 30 dagen; geen nieuwe leveringen aan klanten boven 60 dagen zonder betaling.",
        ),
        Rule(
            "revenue_drop", "revenue of the last 3 months against the 3 before", "fraction", "below",
            {"conservative": _t("-0.05", "-0.10"), "moderate": _t("-0.10", "-0.20"), "offensive": _t("-0.20", "-0.30")},
            "Sales manager",
            "Revenue: last 3 months against the 3 before",
            "Sales review with the director (pipeline, prices); adjust purchases and hiring to the lower revenue.",
            owner_nl="Verkoopleider",
            action_nl="Verkoopoverleg met de directeur (pijplijn, prijzen); stem inkoop en werving af op de lagere omzet.",
        ),
        Rule(
            "solvency", "solvency (equity / total assets, company.toml) below the bank's covenant", "fraction", "below",
            {"conservative": _t("0.35", "0.30"), "moderate": _t("0.30", "0.25"), "offensive": _t("0.25", "0.20")},
            "Director",
            "Solvency (equity / total assets)",
            "Talk to the bank before the covenant is breached: retain profit (no dividend), consider a subordinated loan.",
            owner_nl="Directeur",
            action_nl="Praat met de bank voordat het convenant wordt geschonden: houd de winst in (geen dividend), overweeg een achtergestelde lening.",
        ),
        Rule(
            "dscr", "debt-service coverage (BHK cash flow / (interest + repayments)) below the bank's covenant", "times",
            "below",
            {"conservative": _t("1.5", "1.25"), "moderate": _t("1.3", "1.1"), "offensive": _t("1.2", "1.0")},
            "Finance manager",
            "Debt-service coverage (DSCR)",
            "Ask the bank in time for a lower repayment schedule; cut investments until the cash flow covers the debt service.",
            owner_nl="Financieel manager",
            action_nl="Vraag de bank tijdig om een lager aflossingsschema; beperk investeringen tot de kasstroom rente en aflossing dekt.",
        ),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """The outcome of one rule."""

    rule: str
    description: str
    unit: str
    direction: str
    warning: Decimal
    alert: Decimal
    value: Decimal | None
    worst: Decimal | None
    status: str
    first_week: int | None
    first_alert_week: int | None
    owner: str
    #: per week (week 1 first): the status and the value
    statuses: tuple[str, ...] = ()
    values: tuple[Decimal | float | None, ...] = ()
    #: what is done when it fires (the rule's default, or forecast.toml's)
    action: str = ""


def thresholds(rule: Rule, profile: str, override: TriggerConfig | None, scale: Decimal = Decimal(1)) -> tuple[Decimal, Decimal, str]:
    """(warning, alert, owner) of ``rule`` for the risk profile, with the forecast.toml overrides.

    ``scale`` multiplies both thresholds (the credit limit for the credit_limit rule).
    """
    warning, alert = rule.thresholds[profile]
    owner = rule.owner
    if override is not None:
        warning = override.warning if override.warning is not None else warning
        alert = override.alert if override.alert is not None else alert
        owner = override.owner or owner
    return warning * scale, alert * scale, owner


def status_of(rule: Rule, value: Decimal | None, warning: Decimal, alert: Decimal) -> str:
    """ok / warning / alert of one value; a value that cannot be computed is ok."""
    if value is None:
        return "ok"
    fires = (lambda t: value < t) if rule.direction == "below" else (lambda t: value > t)
    if fires(alert):
        return "alert"
    if fires(warning):
        return "warning"
    return "ok"


def action_of(rule: Rule, override: TriggerConfig | None) -> str:
    """The pre-agreed action of ``rule``: forecast.toml's ``[triggers.<rule>] action``, else the rule's default.

    >>> action_of(RULES["credit_limit"], TriggerConfig(action="Sell the van")), action_of(RULES["credit_limit"], None)[:30]
    ('Sell the van', "Call the bank's account manage")
    """
    return override.action if override is not None and override.action else rule.action


def evaluate_rule(rule: Rule, values: Sequence[Decimal | None], warning: Decimal, alert: Decimal, owner: str,
                  action: str = "") -> Trigger:
    """The trigger of ``rule`` from its per-week ``values`` (week 1 first)."""
    statuses = tuple(status_of(rule, v, warning, alert) for v in values)
    known = [v for v in values if v is not None]
    worst = (min(known) if rule.direction == "below" else max(known)) if known else None
    status = max(statuses, key=ORDER.__getitem__, default="ok")
    first = next((i for i, s in enumerate(statuses, 1) if s != "ok"), None)
    first_alert = next((i for i, s in enumerate(statuses, 1) if s == "alert"), None)
    return Trigger(
        rule.name, rule.description, rule.unit, rule.direction, warning, alert,
        values[0] if values else None, worst, status, first, first_alert, owner, statuses, tuple(values), action,
    )  # fmt: skip
