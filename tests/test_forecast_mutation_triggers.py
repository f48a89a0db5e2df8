"""Trigger rules (forecast/triggers.py): thresholds with overrides and scale, the boundaries of "above"
and "below", an empty week list, the Dutch owner and action, and what a Trigger carries of its rule.

Thresholds are read from RULES (the rule's own table), so these tests hold whatever the numbers or the
texts of a rule become; what they check is how a value meets them.
"""

from __future__ import annotations

from decimal import Decimal as D

from xlcapital.forecast.triggers import RULES, Rule, evaluate_rule, status_of, thresholds
from xlcapital.forecast.types import TriggerConfig

BELOW, ABOVE = RULES["free_cash"], RULES["dso_trend"]


def test_thresholds_scale_both_and_take_the_overrides():
    warning, alert = BELOW.thresholds["moderate"]
    assert thresholds(BELOW, "moderate", None, D(2)) == (warning * 2, alert * 2, BELOW.owner)
    assert thresholds(BELOW, "moderate", TriggerConfig(warning=D("0.4")), D(10)) == (D(4), alert * 10, BELOW.owner)
    assert thresholds(BELOW, "moderate", TriggerConfig(alert=D("0.2"), owner="Jan")) == (warning, D("0.2"), "Jan")
    assert thresholds(BELOW, "moderate", TriggerConfig()) == (warning, alert, BELOW.owner)


def test_a_value_on_the_threshold_does_not_fire():
    # "above" fires when value > threshold, "below" when value < threshold: equal is ok
    assert status_of(ABOVE, D(2), D(2), D(5)) == "ok"
    assert status_of(ABOVE, D("2.01"), D(2), D(5)) == "warning"
    assert status_of(ABOVE, D(5), D(2), D(5)) == "warning"
    assert status_of(ABOVE, D("5.01"), D(2), D(5)) == "alert"
    assert status_of(BELOW, D("0.30"), D("0.30"), D("0.15")) == "ok"
    assert status_of(BELOW, D("0.15"), D("0.30"), D("0.15")) == "warning"
    assert status_of(BELOW, None, D("0.30"), D("0.15")) == "ok"


def test_an_above_rule_is_worst_at_its_highest_value():
    t = evaluate_rule(ABOVE, [D(1), D(6), D(3), None], D(2), D(5), "Credit control")
    assert (t.value, t.worst) == (D(1), D(6))
    assert t.statuses == ("ok", "alert", "warning", "ok")
    assert (t.status, t.first_week, t.first_alert_week) == ("alert", 2, 2)
    assert t.action == ""  # none given


def test_a_trigger_carries_its_rules_description_unit_and_direction():
    t = evaluate_rule(BELOW, [D(1)], D("0.30"), D("0.15"), "Finance manager", "Call the bank")
    assert (t.rule, t.description, t.unit, t.direction) == (BELOW.name, BELOW.description, BELOW.unit, BELOW.direction)
    assert (t.warning, t.alert, t.owner, t.action, t.values) == (D("0.30"), D("0.15"), "Finance manager",
                                                                 "Call the bank", (D(1),))


def test_no_weeks_is_ok_with_no_value():
    t = evaluate_rule(BELOW, [], D("0.30"), D("0.15"), "Finance manager")
    assert (t.status, t.value, t.worst, t.first_week, t.first_alert_week) == ("ok", None, None, None, None)
    assert t.statuses == () and t.values == ()


def test_the_rules_defaults_in_dutch_and_the_users_own_text_as_written():
    for rule in RULES.values():
        assert rule.in_language(rule.owner, rule.action, "nl") == (rule.owner_nl, rule.action_nl)
        assert rule.in_language(rule.owner, rule.action, "en") == (rule.owner, rule.action)
        # forecast.toml's own owner or action is the user's text: never translated
        assert rule.in_language("Jan", rule.action, "nl") == ("Jan", rule.action_nl)
        assert rule.in_language(rule.owner, "Bel Piet", "nl") == (rule.owner_nl, "Bel Piet")
    # a rule without Dutch defaults keeps its English ones
    bare = Rule("x", "x", "amount", "below", {}, "Director", action="Wait")
    assert bare.in_language("Director", "Wait", "nl") == ("Director", "Wait")
