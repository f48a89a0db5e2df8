"""forecast.toml: the settings, the sales plan, the scenarios, the triggers and the history.

The ``[company]``, ``[forecast]`` and ``[sales]`` keys and the scenarios' and one-off items' keys
are the fields of :mod:`xlcapital.forecast.schema`; a key not declared there is an error that lists
the known ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.fileio import read_toml
from xlcapital.forecast import messages as say
from xlcapital.messages import KNOWN, UNKNOWN_KEY, Text
from xlcapital.forecast import schema as sc
from xlcapital.forecast.triggers import RULES
from xlcapital.forecast.types import Collections, History, OneOff, Scenario, TriggerConfig
from xlcapital.forecast.payroll import PayrollSettings
from xlcapital.forecast.vat import VatSettings
from xlcapital.forecast.values import parse_fraction, parse_money, parse_yes_no

_SCENARIO_KEYS = {*sc.SCENARIOS.keys, "one_off"}
_ONE_OFF_KEYS = set(sc.ONE_OFFS.keys) - {"scenario"}
_TRIGGER_KEYS = {"warning", "alert", "owner", "enabled", "action"}
_HISTORY_KEYS = {"months", "revenue", "dso"}
#: the trigger rules forecast.toml may override: the engine's, one list
TRIGGER_RULES = tuple(RULES)


@dataclass
class ForecastFile:
    """forecast.toml as read: the given values (absent where to be learned)."""

    forecast: dict
    sales: dict
    scenarios: list[Scenario]
    triggers: dict[str, TriggerConfig]
    history: History
    #: ``[company] name``, when given
    company_name: str | None = None
    collections: Collections = field(default_factory=Collections)
    vat: VatSettings = field(default_factory=VatSettings)
    payroll: PayrollSettings = field(default_factory=PayrollSettings)


def read_forecast_toml(path: Path) -> ForecastFile:
    """Read and check forecast.toml; values not given stay absent (learned later)."""
    name = str(path)
    data = read_toml(path)
    _known(data, {"company", "forecast", "sales", "collections", "vat", "payroll", "scenarios", "triggers", "history"}, name,
           "")
    where = _Where(name)
    company = _fields(data, sc.COMPANY, where)
    given = _fields(data, sc.FORECAST, where)
    if "balance_date" in given and "opening_balance" not in given:
        raise InputError(say.BALANCE_DATE_ALONE(), file=name, field="forecast.balance_date", hint=say.GIVE_BOTH())
    if "start" in given and given["start"].weekday() != 0:
        raise InputError(say.START_NOT_MONDAY(start=given["start"], weekday=say.WEEKDAYS[given["start"].weekday()]()),
                         file=name, field="forecast.start", hint=say.GIVE_A_MONDAY())

    collections = _fields(data, sc.COLLECTIONS, where)
    vat = _vat(data, where)
    payroll = PayrollSettings(**_fields(data, sc.PAYROLL_SETTINGS, where))
    seasonality = _section(data, "sales", set(), where, lenient=True).get("seasonality")
    sales = _fields(data, sc.SALES_PLAN, where, extra={"seasonality"})
    if seasonality is not None:
        if not isinstance(seasonality, list) or len(seasonality) != 12:
            raise InputError(say.SEASONALITY_TWELVE(), file=name, field="sales.seasonality")
        sales["seasonality"] = tuple(where.parse(f.parse, v, f"sales.{f.key}") for f, v in zip(sc.SEASONALITY, seasonality))
    if sales.get("collection_share_2", 0) + sales.get("collection_share_3", 0) > 1:
        raise InputError(say.SHARES_ABOVE_ONE(), file=name, field="sales", hint=say.SHARES_AT_MOST_ONE())
    if sales.get("frequency", "monthly") == "weekly" and sales.get("day", 1) > 7:
        raise InputError(say.WEEKLY_DAY(), file=name, field="sales.day")

    scenarios = []
    raw_scenarios = data.get("scenarios", [])
    if not isinstance(raw_scenarios, list):
        raise InputError(say.SCENARIOS_AS_TABLES(), file=name, field="scenarios")
    for i, raw in enumerate(raw_scenarios):
        scenarios.append(_scenario(raw, i, where))
    names = [s.name.casefold() for s in scenarios]
    for n in names:
        if names.count(n) > 1:
            raise InputError(say.SCENARIO_TWICE(name=n), file=name, field="scenarios")

    triggers = {}
    raw_triggers = data.get("triggers", {})
    if not isinstance(raw_triggers, dict):
        raise InputError(say.TRIGGERS_AS_TABLES(), file=name, field="triggers")
    _known(raw_triggers, set(TRIGGER_RULES), name, "triggers")
    for rule, raw in raw_triggers.items():
        t = _section(raw_triggers, rule, _TRIGGER_KEYS, where, prefix="triggers.")
        triggers[rule] = TriggerConfig(
            warning=where.parse(parse_fraction, t["warning"], f"triggers.{rule}.warning") if "warning" in t else None,
            alert=where.parse(parse_fraction, t["alert"], f"triggers.{rule}.alert") if "alert" in t else None,
            owner=str(t["owner"]).strip() if "owner" in t else None,
            enabled=where.parse(parse_yes_no, t.get("enabled", True), f"triggers.{rule}.enabled"),
            action=str(t["action"]).strip() or None if "action" in t else None,
        )

    h = _section(data, "history", _HISTORY_KEYS, where)
    history = History(
        months=tuple(str(m) for m in h.get("months", ())),
        revenue=tuple(where.parse(parse_money, v, f"history.revenue[{i + 1}]") for i, v in enumerate(h.get("revenue", ()))),
        dso=tuple(where.parse(parse_money, v, f"history.dso[{i + 1}]") for i, v in enumerate(h.get("dso", ()))),
        sources={key: "given" for key in _HISTORY_KEYS if h.get(key)},
    )
    for key in ("revenue", "dso"):
        values = getattr(history, key)
        if history.months and values and len(values) != len(history.months):
            raise InputError(say.HISTORY_LENGTHS(count=len(values), key=key, months=len(history.months)), file=name,
                             field=f"history.{key}")
    buckets = sc.collections_of(collections, {k: "given" for k in collections})
    return ForecastFile(given, sales, scenarios, triggers, history, company.get("name") or None, buckets, vat,
                        payroll)


def _vat(data: dict, where: "_Where") -> VatSettings:
    """``[vat]`` and its ``[vat.rates]`` (category = rate code)."""
    given = _fields(data, sc.VAT, where, extra={"rates"})
    raw = _section(data.get("vat", {}) if isinstance(data.get("vat"), dict) else {}, "rates", set(), where,
                   prefix="vat.", lenient=True)
    rates = {str(k): where.parse(sc.VAT_RATE.parse, v, f"vat.rates.{k}") for k, v in raw.items()}
    unused = [k for k in given if k != "filing"] + (["rates"] if rates else [])
    if given.get("filing", sc.VAT["filing"].default) == "none" and unused:
        raise InputError(say.VAT_WITHOUT_FILING(keys=", ".join(unused)), file=where.file, field="vat.filing",
                         hint=say.GIVE_FILING())
    return VatSettings(**given, rates=rates)


def _scenario(raw: object, index: int, where: "_Where") -> Scenario:
    if not isinstance(raw, dict):
        raise InputError(say.SCENARIO_TABLE(), file=where.file, field=f"scenarios[{index + 1}]")
    _known(raw, _SCENARIO_KEYS, where.file, f"scenarios[{index + 1}]")
    if "name" not in raw or not str(raw["name"]).strip():
        raise InputError(say.SCENARIO_NAME(), file=where.file, field=f"scenarios[{index + 1}].name")
    label = f"scenarios.{str(raw['name']).strip()}"
    one_offs = []
    for j, item in enumerate(raw.get("one_off", [])):
        at = f"{label}.one_off[{j + 1}]"
        if not isinstance(item, dict):
            raise InputError(say.ONE_OFFS_AS_TABLES(), file=where.file, field=f"{label}.one_off")
        _known(item, _ONE_OFF_KEYS, where.file, at)
        values = _values(item, sc.ONE_OFFS, where, at, missing=say.ONE_OFF_NEEDS)
        values.pop("scenario", None)
        one_offs.append(OneOff(**{**values, "category": values["category"] or sc.ONE_OFFS["category"].default}))
    values = _values({k: v for k, v in raw.items() if k != "one_off"}, sc.SCENARIOS, where, label)
    return Scenario(**values, one_offs=tuple(one_offs))


def _values(raw: dict, table: sc.Table, where: "_Where", at: str, missing: Text = say.KEY_REQUIRED) -> dict:
    """Every field of ``table`` from the TOML table ``raw`` (a missing key: its default)."""
    out = {}
    for f in table:
        if f.key in raw:
            out[f.key] = where.parse(f.parse, raw[f.key], f"{at}.{f.key}")
        elif f.required:
            raise InputError(missing(key=f.key), file=where.file, field=at)
        else:
            out[f.key] = f.default
    return out


def _fields(data: dict, table: sc.Table, where: "_Where", extra: set[str] = frozenset()) -> dict:
    """The keys given in section ``[table.name]``, parsed (absent keys stay absent: learned or defaulted later)."""
    raw = _section(data, table.name, {*table.keys, *extra}, where)
    return {k: where.parse(table[k].parse, v, f"{table.name}.{k}") for k, v in raw.items() if k not in extra}


@dataclass(frozen=True)
class _Where:
    file: str

    def parse(self, parse, value, field_name):
        try:
            return parse(value, field=field_name)
        except InputError as exc:
            raise exc.with_location(file=self.file, field=field_name) from None


def _section(data: dict, key: str, keys: set[str], where: _Where, prefix: str = "", lenient: bool = False) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(say.MUST_BE_A_TABLE(section=f"{prefix}{key}"), file=where.file, field=f"{prefix}{key}")
    if not lenient:
        _known(value, keys, where.file, f"{prefix}{key}")
    return value


def _known(table: dict, keys: set[str], file: str, where: str) -> None:
    for key in table:
        if key not in keys:
            raise InputError(UNKNOWN_KEY(key=key), file=file, field=f"{where}.{key}" if where else key,
                             hint=KNOWN(names=", ".join(sorted(keys))))

