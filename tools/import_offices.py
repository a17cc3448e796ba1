"""Build an offices pack from a Wikidata SPARQL export of "position held" (P39).

    python tools/import_offices.py EXPORT.json --checked 2026-03-01 -o rules/offices/wikidata.toml

Nothing is fetched: run the query below yourself at https://query.wikidata.org,
download the result as JSON ("Download" > "JSON file") and pass that file. The
output is a pack of kind "offices": put it in ``rules/offices/`` (bundled packs
there are read after ``rules/offices.toml``, in file-name order) or list it
under ``packs`` in the newsroom's config. A term with the same person, country,
office and start as an earlier pack's replaces it; other terms extend the table.

The query (heads of state and government of every UN member state since
2000). For other offices (the Pope, a finance minister, a central bank),
replace the three lines that choose ``?country`` and ``?position`` with
``VALUES (?position ?country) { (wd:Qposition wd:Qcountry) ... }``, the items
looked up on wikidata.org::

    SELECT ?person ?personLabel ?position ?positionLabel ?countryLabel
           ?start ?startPrecision ?end ?endPrecision ?roleLabel WHERE {
      ?country wdt:P463 wd:Q1065 .                       # member of: United Nations
      { ?country wdt:P1906 ?position }                   # office held by head of state
      UNION { ?country wdt:P1313 ?position }             # office held by head of government
      ?person p:P39 ?held .                              # position held
      ?held ps:P39 ?position ;
            pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] .
      OPTIONAL { ?held pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] . }
      OPTIONAL { ?held pq:P2868|pq:P5102 ?role . }      # subject has role / nature of statement
      FILTER(!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }

Each result row becomes one term:

- ``person`` is ``personLabel``; ``source`` is the person's Wikidata item.
- ``country`` is ``countryLabel``, or the table country whose name or one of
  whose forms it equals ("United Kingdom of Great Britain and Northern
  Ireland" needs a line in the map file).
- ``office`` is the title the position's label starts with ("Prime Minister
  of Japan" gives "Prime Minister"), or the part before " of ".
- The map file (``--map``, default ``tools/offices_positions.toml``) overrides
  both by position item (``[item]``) or label (``[label]``), for labels that
  do not split that way ("President of the Government of Spain" is a Prime
  Minister), and renames Wikidata's country labels (``[country]``).
- Dates are used only at day precision (``timePrecision`` 11): a year-only
  date reads as 1 January in the export and would be wrong, so the row is
  skipped and counted.
- A role whose label contains "acting", "interim", "caretaker" or
  "transitional" marks the term ``acting = true``.

Countries and titles the bundled table lacks are declared in the output, with
the label as their only form; add adjectives ("Malagasy") by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.checks.titles.offices import OfficeTable, parse_offices
from newslint.plugin.packs import Packs, PackSource

DEFAULT_MAP = Path(__file__).with_name("offices_positions.toml")
_DAY_PRECISION = 11
_ACTING = re.compile(r"\b(acting|interim|caretaker|transitional)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    """One term read from the export."""

    person: str
    item: str
    country: str
    office: str
    start: dt.date
    end: dt.date | None
    acting: bool


def _value(binding: dict, key: str) -> str | None:
    cell = binding.get(key)
    return cell.get("value") if isinstance(cell, dict) else None


def _item(uri: str | None) -> str:
    return uri.rsplit("/", 1)[-1] if uri else ""


def _day(value: str | None, precision: str | None) -> dt.date | None | bool:
    """The date of a ``timeValue``; ``False`` when it is not at day precision."""
    if value is None:
        return None
    if precision is not None and int(precision) < _DAY_PRECISION:
        return False
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return False
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _office(label: str, table: OfficeTable) -> str:
    """The table title the label starts with (longest first), else the words before " of "."""
    folded = label.casefold()
    for name in sorted(table.titles, key=len, reverse=True):
        if folded == name.casefold() or folded.startswith(name.casefold() + " of "):
            return name
    head = label.split(" of ", 1)[0].strip()
    return head[:1].upper() + head[1:]


def _country(label: str, table: OfficeTable, aliases: dict[str, str]) -> str:
    label = aliases.get(label, label)
    for country in table.countries.values():
        if label == country.name or label in country.forms:
            return country.name
    return label


def read_export(path: Path, table: OfficeTable, mapping: dict, *, since: dt.date) -> tuple[list[Row], dict[str, int]]:
    """The rows of a SPARQL JSON export as terms, and how many were skipped and why."""
    data = json.loads(path.read_text(encoding="utf-8"))
    bindings = data.get("results", {}).get("bindings", [])
    by_item = mapping.get("item", {})
    by_label = mapping.get("label", {})
    rows: dict[tuple, Row] = {}
    skipped = {"imprecise date": 0, "ended before --since": 0, "no country": 0, "end not after start": 0}
    for b in bindings:
        position = _item(_value(b, "position"))
        plabel = _value(b, "positionLabel") or position
        override = by_item.get(position) or by_label.get(plabel) or {}
        start = _day(_value(b, "start"), _value(b, "startPrecision"))
        end = _day(_value(b, "end"), _value(b, "endPrecision"))
        if start in (None, False) or end is False:
            skipped["imprecise date"] += 1
            continue
        assert isinstance(start, dt.date) and (end is None or isinstance(end, dt.date))
        if end is not None and end < since:
            skipped["ended before --since"] += 1
            continue
        if end is not None and end <= start:
            skipped["end not after start"] += 1
            continue
        clabel = override.get("country") or _value(b, "countryLabel")
        if not clabel:
            skipped["no country"] += 1
            continue
        role = _value(b, "roleLabel") or ""
        row = Row(
            person=_value(b, "personLabel") or _item(_value(b, "person")),
            item=_item(_value(b, "person")),
            country=_country(clabel, table, mapping.get("country", {})),
            office=override.get("office") or _office(plabel, table),
            start=start,
            end=end,
            acting=bool(_ACTING.search(role)),
        )
        key = (row.person, row.country, row.office, row.start)
        old = rows.get(key)
        rows[key] = row if old is None else Row(**{**old.__dict__, "acting": old.acting or row.acting})
    return sorted(rows.values(), key=lambda r: (r.country, r.office, r.start, r.person)), skipped


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(rows: list[Row], table: OfficeTable, checked: dt.date, export: str) -> str:
    """The rows as an offices pack (TOML), with declarations for new countries and titles."""
    lines = [
        f'# Imported by tools/import_offices.py from {export}: Wikidata "position held" (P39)',
        "# with its start (P580) and end (P582) qualifiers. Regenerate rather than edit.",
        "",
        "term = [",
    ]
    for r in rows:
        fields = [
            f"person = {_q(r.person)}",
            f"country = {_q(r.country)}",
            f"office = {_q(r.office)}",
            f"start = {r.start.isoformat()}",
        ]
        if r.end is not None:
            fields.append(f"end = {r.end.isoformat()}")
        if r.acting:
            fields.append("acting = true")
        fields.append(f"source = {_q('wikidata:' + r.item)}")
        lines.append("  { " + ", ".join(fields) + " },")
    lines += ["]", "", "[pack]", 'kind = "offices"', "schema = 1", f"checked = {checked.isoformat()}"]
    for office in sorted({r.office for r in rows} - set(table.titles)):
        lines += ["", "[[title]]", f"name = {_q(office)}", f"forms = [{_q(office)}]"]
    for country in sorted({r.country for r in rows} - set(table.countries)):
        lines += ["", "[[country]]", f"name = {_q(country)}", f"forms = [{_q(country)}]"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="SPARQL JSON export (see the module docstring for the query)")
    parser.add_argument(
        "--checked",
        required=True,
        type=dt.date.fromisoformat,
        help="the day the export was made: the pack's 'as of' date (YYYY-MM-DD)",
    )
    parser.add_argument("--map", type=Path, default=DEFAULT_MAP, help="position overrides (TOML)")
    parser.add_argument(
        "--since",
        type=dt.date.fromisoformat,
        default=dt.date(2000, 1, 1),
        help="drop terms that ended before this day (default 2000-01-01)",
    )
    parser.add_argument("-o", "--output", type=Path, help="where to write the pack (default: standard output)")
    args = parser.parse_args(argv)
    table = Packs().load("offices", parse_offices)
    mapping = tomllib.loads(args.map.read_text(encoding="utf-8")) if args.map.is_file() else {}
    rows, skipped = read_export(args.export, table, mapping, since=args.since)
    text = render(rows, table, args.checked, args.export.name)
    check_pack(text)  # the pack must load beside the bundled ones
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    dropped = ", ".join(f"{n} {why}" for why, n in skipped.items() if n)
    print(f"{len(rows)} terms written" + (f"; skipped {dropped}" if dropped else ""), file=sys.stderr)
    return 0


def check_pack(text: str) -> OfficeTable:
    """Parse a generated pack together with the bundled ones (raises ``PackError``)."""
    path = Path("imported-offices.toml")
    return parse_offices([*Packs().sources("offices"), PackSource(path, tomllib.loads(text), False)])


if __name__ == "__main__":
    raise SystemExit(main())
