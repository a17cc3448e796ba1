"""Which UN member states the offices table covers.

Lists the 193 member states of the United Nations (by the names the table
uses: "Ivory Coast", "Czech Republic", "Democratic Republic of the Congo")
and reports those with no term of a head of state or head of government
(President, Prime Minister, King, Emir ...), and those with only one of the
two kinds. Run it after adding terms:

    python tools/offices_coverage.py [--since 2000-01-01]

tests/test_offices_world.py keeps the list of states still missing, which
may only shrink.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs

# The 193 member states, as the table names them.
UN_MEMBER_STATES = (
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
    "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria",
    "Burkina Faso", "Burundi", "Cape Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad",
    "Chile", "China", "Colombia", "Comoros", "Republic of the Congo", "Costa Rica", "Ivory Coast", "Croatia",
    "Cuba", "Cyprus", "Czech Republic", "North Korea", "Democratic Republic of the Congo", "Denmark", "Djibouti",
    "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
    "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany",
    "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras",
    "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan",
    "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho",
    "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
    "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Micronesia", "Monaco",
    "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands",
    "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau",
    "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
    "South Korea", "Moldova", "Romania", "Russia", "Rwanda", "Saint Kitts and Nevis", "Saint Lucia",
    "Saint Vincent and the Grenadines", "Samoa", "San Marino", "São Tomé and Príncipe", "Saudi Arabia",
    "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands",
    "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden",
    "Switzerland", "Syria", "Tajikistan", "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago",
    "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "Tanzania", "United States", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela", "Vietnam",
    "Yemen", "Zambia", "Zimbabwe",
)  # fmt: skip

# Offices that head a state, and offices that head a government. A President
# may be both; the report only says which kinds a country's terms include.
HEAD_OF_STATE = {"President", "King", "Queen", "Emperor", "Emir", "Sultan", "Supreme Leader", "Grand Duke", "Prince",
                 "Captain Regent", "Co-Prince", "Chairman"}  # fmt: skip
HEAD_OF_GOVERNMENT = {"Prime Minister", "Premier", "Chancellor", "Taoiseach", "Chief Adviser",
                      "State Counsellor", "Head of Government", "Chief Minister", "Minister of State"}  # fmt: skip


def coverage(since: dt.date | None = None) -> dict[str, set[str]]:
    """Per member state, the kinds of office ("state", "government") its terms cover (after `since`)."""
    table = Packs().load("offices", parse_offices)
    kinds: dict[str, set[str]] = {name: set() for name in UN_MEMBER_STATES}
    for term in table.terms:
        if term.country not in kinds or (since and term.end is not None and term.end <= since):
            continue
        if term.office in HEAD_OF_STATE:
            kinds[term.country].add("state")
        if term.office in HEAD_OF_GOVERNMENT:
            kinds[term.country].add("government")
    return kinds


def missing_states(since: dt.date | None = None) -> list[str]:
    """Member states with no term of a head of state or government."""
    return sorted(name for name, found in coverage(since).items() if not found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--since", type=dt.date.fromisoformat, help="count only terms running on or after this day")
    args = ap.parse_args(argv)
    kinds = coverage(args.since)
    assert len(kinds) == 193, len(kinds)
    none = sorted(n for n, k in kinds.items() if not k)
    state_only = sorted(n for n, k in kinds.items() if k == {"state"})
    government_only = sorted(n for n, k in kinds.items() if k == {"government"})
    print(f"{193 - len(none)} of 193 member states have a head of state or government in the table")
    print(f"\nno entry ({len(none)}):\n  " + "\n  ".join(none))
    print(f"\nhead of state only ({len(state_only)}; a President may also head the government):\n  "
          + "\n  ".join(state_only))  # fmt: skip
    print(f"\nhead of government only ({len(government_only)}):\n  " + "\n  ".join(government_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
