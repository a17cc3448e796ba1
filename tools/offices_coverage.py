"""Which UN member states the offices table covers.

Lists the 193 member states of the United Nations (by the names the table
uses: "Ivory Coast", "Czech Republic", "Democratic Republic of the Congo")
and reports those with no term of a head of state or head of government
(President, Prime Minister, King, Emir ...), and those with only one of the
two kinds. Run it after adding terms:

    python tools/offices_coverage.py [--since 2000-01-01]
    python tools/offices_coverage.py --depth 2000-01-01:2015-12-31 [--states Egypt,Nigeria]
    python tools/offices_coverage.py --finance 2000-01-01:2026-12-01

The second form lists, day by day, the spans of 2000-2015 on which the table
knows no head of state or of government of a G20 state (and of the states
named), or no head of an international body, and the share of days covered
per member state.

tests/test_offices_world.py keeps the list of states still missing, which
may only shrink.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys

from newslint.checks.titles.offices import OfficeTable, parse_offices
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
# Bosnia and Herzegovina's head of state is its three-member Presidency; San
# Marino's Secretary of State for Foreign Affairs leads its government (and Pakistan's Chief
# Executive, Musharraf, led it from the coup of 1999 to November 2002); Libya's
# transitional and Presidential Council chairmen, and Sudan's military and
# Sovereignty Council chairmen, head their states; so did the Secretaries-General of Libya's General
# People's Congress (the Jamahiriya's nominal heads of state) and Syria's General Command leader
# between Assad's fall and al-Sharaa's presidency (rules/offices/world21.toml).
HEAD_OF_STATE = {"President", "King", "Queen", "Emperor", "Emir", "Sultan", "Supreme Leader", "Grand Duke", "Prince",
                 "Captain Regent", "Co-Prince", "Head of State", "Member of the Presidency", "Chairman of the Presidency",
                 "Chairman of the National Transitional Council", "Chairman of the Presidential Council",
                 "Chairman of the Transitional Military Council", "Chairman of the Sovereignty Council",
                 "Chairman of the Presidential Leadership Council",
                 "Chairman of the State Peace and Development Council",
                 "Chairman of the Supreme Council of the Armed Forces",
                 "President of the Transitional Presidential Council",
                 "Head of the Interim Military Government",
                 "Secretary-General of the General People's Congress", "Leader of the General Command"}  # fmt: skip
HEAD_OF_GOVERNMENT = {"Prime Minister", "Premier", "Chancellor", "Taoiseach", "Chief Adviser",
                      "State Counsellor", "Head of Government", "Chief Minister", "Minister of State",
                      "Chairman of the Council of Ministers", "Secretary of State for Foreign Affairs",
                      "President of the Council of Ministers", "Chief Executive",
                      "Co-Chairman of the Council of Ministers"}  # fmt: skip


# Member states whose head of state also heads the government today (presidential
# systems, and sultans who are their own prime ministers): no separate office to
# list. The past prime ministers of some of them (Angola 2002-2010, Benin, Zimbabwe
# 2009-2013) are in the table (world11.toml); this list does not describe the past.
HEAD_OF_STATE_HEADS_GOVERNMENT = frozenset({
    "Angola", "Argentina", "Benin", "Bolivia", "Botswana", "Brazil", "Brunei", "Chile", "Colombia", "Costa Rica",
    "Cyprus", "Dominican Republic", "Ecuador", "El Salvador", "Eritrea", "Gambia", "Ghana", "Guatemala",
    "Honduras", "Indonesia", "Iran", "Kiribati", "Liberia", "Malawi", "Maldives", "Marshall Islands", "Mexico",
    "Micronesia", "Nauru", "Nicaragua", "Nigeria", "Oman", "Palau", "Panama", "Paraguay", "Philippines",
    "Seychelles", "Sierra Leone", "South Africa", "South Sudan", "Suriname", "Switzerland", "Turkmenistan",
    "United States", "Uruguay", "Venezuela", "Zambia", "Zimbabwe",
})  # fmt: skip


# Member states whose head of state is the King of the United Kingdom (his terms are the UK's).
COMMONWEALTH_REALMS = frozenset({
    "Antigua and Barbuda", "Australia", "Bahamas", "Belize", "Canada", "Grenada", "Jamaica", "New Zealand",
    "Papua New Guinea", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
    "Solomon Islands", "Tuvalu",
})  # fmt: skip
# Former realms: the King of the United Kingdom was their head of state until they became republics (their
# own heads of state are counted from that day). Barbados: President Mason sworn in on 30 November 2021.
FORMER_REALMS = {"Barbados": dt.date(2021, 11, 30)}


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


# The states and bodies whose depth the report lists day by day (``--depth``).
G20 = ("Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India", "Indonesia", "Italy",
       "Japan", "Mexico", "Russia", "Saudi Arabia", "South Africa", "South Korea", "Turkey", "United Kingdom",
       "United States")  # fmt: skip
BODIES = ("United Nations", "NATO", "European Commission", "European Council", "European Parliament",
          "International Monetary Fund", "World Bank", "World Trade Organization", "World Health Organization",
          "Holy See")  # fmt: skip
# Offices that did not exist for part of the period: no gap before their first holder.
FOUNDED = {"European Council": dt.date(2009, 12, 1)}
# Member states that became independent after 2000: no state to head, and no gap, before that day
# (each was admitted to the United Nations weeks later: Timor-Leste on 27 September 2002, Montenegro on
# 28 June 2006, South Sudan on 14 July 2011). Their depth counts the days from independence only.
INDEPENDENCE = {
    "Timor-Leste": dt.date(2002, 5, 20),
    "Montenegro": dt.date(2006, 6, 3),
    "South Sudan": dt.date(2011, 7, 9),
}
# Member states that had, for part of the period, no head-of-government office apart from the head of
# state: the office was abolished (or not yet created), and the President (or the military council) led
# the government. `gaps(country, "government", ...)` skips these days; they are no missing term. Each
# span is ``(first day without the office, first day with it again)``; ``None`` is an open end (a start
# of ``None``: the office was abolished before 2000, on a day not checked). A vacancy of an office that
# existed (Angola's prime minister from 29 January 1999 to 6 December 2002, a "Vacant" row of the
# Wikipedia list) is no such span: it is one of ``VACANT_HEAD_OF_GOVERNMENT``. Where a text restored the post some months
# before its first holder (Sudan's amendment of December 2016, Cuba's constitution of 2019, the Republic
# of the Congo's of 2015), the span runs to the first holder's day: the day the text took effect was not
# read. Sources: the Wikipedia article or list, and the stored copy read.
NO_OFFICE: dict[str, tuple[tuple[dt.date | None, dt.date | None], ...]] = {
    # Prime Minister of Turkey: closed by the decree of 4 July 2018 (Press TV, 4 July 2018), abolished
    # when Erdoğan took the oath under the presidential system on 9 July 2018 (Sputnik Arabic, 11 July
    # 2018; wikisum copy of "Prime Minister of Turkey": abolished in 2018); Yıldırım's term ends that day.
    "Turkey": ((dt.date(2018, 7, 9), None),),
    # Prime Minister of Afghanistan (world16.toml's header: en.wikipedia copy "Abolished ... 22 December
    # 2001", simple.wikipedia copy: a presidential government 2004-2021, revived on 7 September 2021):
    # from the fall of Kabul to the Taliban's acting prime minister.
    "Afghanistan": ((dt.date(2001, 11, 13), dt.date(2021, 9, 7)),),
    # The Democratic Republic of the Congo (world13.toml's and world11.toml's headers): no prime minister
    # from 1997 to the office's restoration under the 2006 constitution (Gizenga appointed on 30 December
    # 2006).
    "Democratic Republic of the Congo": ((None, dt.date(2006, 12, 30)),),
    # Chad (world13.toml): the office abolished by the Fourth Republic's constitution (Pahimi Padacké's
    # term ends on 4 May 2018) and restored with his appointment of 26 April 2021.
    "Chad": ((dt.date(2018, 5, 4), dt.date(2021, 4, 26)),),
    # Georgia (world14.toml): the prime minister's office restored on 17 February 2004; before it, a State
    # Minister (Zhvania from 27 November 2003), another office under the President.
    "Georgia": ((None, dt.date(2004, 2, 17)),),
    # Syria (world15.toml's header): no prime minister since the constitutional declaration and the
    # transitional government of 29 March 2025 (al-Bashir's term ends that day).
    "Syria": ((dt.date(2025, 3, 29), None),),
    # Gabon (world15.toml): the 2025 constitution abolished the office (Ndong Sima's term ends on 4 May
    # 2025, when the new government under the President was formed).
    "Gabon": ((dt.date(2025, 5, 4), None),),
    # Nepal (world16.toml's header: polity.org.za/AFP, 31 May 2003; wikisum copy of "Sher Bahadur Deuba";
    # infobox copies of "Girija Prasad Koirala"): no prime minister from the King's dismissal of Deuba to
    # Chand's appointment, nor in his direct rule from 1 February 2005 to Koirala's oath of 30 April 2006.
    "Nepal": ((dt.date(2002, 10, 4), dt.date(2002, 10, 11)), (dt.date(2005, 2, 1), dt.date(2006, 4, 30))),
    # Prime Minister of Kenya (osmarks copy, wikipedia_en_all_maxi_2020-08): "Post abolished (12 December
    # 1964 – 17 April 2008)", "Post abolished (9 April 2013 – present)". The Prime Cabinet Secretary
    # (Executive Order No. 1 of 27 September 2022, wikimili copy) assists the President, who heads the
    # government; the table has no such office.
    "Kenya": ((dt.date(1964, 12, 12), dt.date(2008, 4, 17)), (dt.date(2013, 4, 9), None)),
    # Prime Minister of Zimbabwe (simple.wikipedia copy at wiki.1209k.com, 2024-06; wikimili): "Post
    # abolished (31 December 1987 – 11 February 2009)", abolished again on 11 September 2013.
    "Zimbabwe": ((dt.date(1987, 12, 31), dt.date(2009, 2, 11)), (dt.date(2013, 9, 11), None)),
    # List of heads of government of Sudan (wikimili copy): the office was abolished after the coup of
    # 1989 (day not checked) and re-established in 2017; Bakri Hassan Saleh took the oath on Thursday
    # 2 March 2017 (Cameroon Concord News and Middle East Monitor, 2 March 2017: "first premier since the
    # 1989 coup"). The military coup of 11 April 2019 deposed Ayala's government with the President
    # (osmarks copy of "Mohamed Tahir Ayala"); the Transitional Military Council governed until the
    # constitutional declaration's prime minister, Hamdok, was appointed on 21 August 2019 (list).
    "Sudan": ((None, dt.date(2017, 3, 2)), (dt.date(2019, 4, 11), dt.date(2019, 8, 21))),
    # List of prime ministers of Benin (cryer.org.uk copy): "Post abolished (14 May 1998 – 28 May 2011)",
    # "(11 August 2013 – 18 June 2015)", "(6 April 2016 – present)"; Reuters via Ahram Online, 12 August
    # 2013: the new cabinet has no prime minister.
    "Benin": ((dt.date(1998, 5, 14), dt.date(2011, 5, 28)), (dt.date(2013, 8, 11), dt.date(2015, 6, 18)),
              (dt.date(2016, 4, 6), None)),
    # Prime Minister of Burundi (wikimili and defzone simple copies): "Abolished 12 June 1998 – 23 June
    # 2020"; Parliament approved Bunyoni on Tuesday 23 June 2020 (atlanticactu.com).
    "Burundi": ((dt.date(1998, 6, 12), dt.date(2020, 6, 23)),),
    # Cuba: the post of prime minister was scrapped in 1976 (day not checked) and reinstated by the 2019
    # constitution; the National Assembly named Manuel Marrero on Saturday 21 December 2019 (Trend via
    # Sputnik, 22 December 2019; Hiru News, 22 December 2019: first prime minister since 1976).
    "Cuba": ((None, dt.date(2019, 12, 21)),),
    # List of prime ministers of the Comoros (wikimili copy): "Abolished 15 April 2002"; Hamada Madi (kiwix
    # copy, wikipedia_en_all_maxi_2024-01): prime minister to 15 April 2002, "Succeeded by Position
    # abolished".
    "Comoros": ((dt.date(2002, 4, 15), None),),
    # List of prime ministers of Angola (wikiclassic.com copy): Kassoma left office on 4 February 2010,
    # the office was abolished in the constitution of 2010 (perceptiode copy: abolished 5 February 2010).
    "Angola": ((dt.date(2010, 2, 5), None),),
    # Isidore Mvouba (en.wikipedia copy): prime minister 7 January 2005 – 15 September 2009, "Preceded by
    # Position abolished", "Succeeded by Position abolished" (abolished after the 1997 war, day not
    # checked); Clément Mouamba was named on 23 April 2016 (fr.other.wiki copy; La Semaine Africaine).
    "Republic of the Congo": ((None, dt.date(2005, 1, 7)), (dt.date(2009, 9, 15), dt.date(2016, 4, 23))),
    # Prime Minister of Myanmar (cloudfront copy of en.wikipedia): "Abolished 30 March 2011 (first)", the
    # office re-established on 1 August 2021 by SAC Order No 152/2021; the State Counsellor's office was
    # established for Aung San Suu Kyi on 6 April 2016 (en.m.wikipedia copy of "Prime Minister of Burma")
    # and ended with the coup of 1 February 2021 (her term in the table).
    # The transitional premiership of 2025 (Nyo Saw, world20.toml) ended when the President elected under the
    # 2008 constitution, which has "no provision for the post" (defzone copy of "Prime Minister of
    # Myanmar"), took the oath on 10 April 2026 (vaidra.in, April 2026).
    "Myanmar": ((dt.date(2011, 3, 30), dt.date(2016, 4, 6)), (dt.date(2021, 2, 1), dt.date(2021, 8, 1)),
                (dt.date(2026, 4, 10), None)),
    # Senegal: Sall abolished the post in May 2019 (24newsbulletin after DN; Dionne's term in world9.toml
    # ends on 14 May); the National Assembly voted its reinstatement on 10 December 2021 (muebuz.com, 17
    # September 2022). The post then stayed vacant until Amadou Ba's appointment on 17 September 2022:
    # those days stay gaps.
    "Senegal": ((dt.date(2019, 5, 14), dt.date(2021, 12, 10)),),
    # Guinea: Cellou Dalein Diallo was dismissed on 5 April 2006 and the post, left empty, was abolished
    # by the decree read on 29 May 2006; it was restored in February 2007 with Eugène Camara (Guinée360,
    # 29 May 2024, "le poste de Premier ministre est supprimé"). From 5 April to 29 May 2006 the post was
    # vacant (``VACANT_HEAD_OF_GOVERNMENT``).
    "Guinea": ((dt.date(2006, 5, 29), dt.date(2007, 2, 9)),),
    # Ivory Coast: the first transitional government formed after the coup of 24 December 1999 had no
    # prime minister; Guéï's reshuffle of 18 May 2000 made Seydou Diarra, the Minister of State for "the
    # coordination of the government", Prime Minister, "un poste qui n'existait pas dans le premier
    # gouvernement de transition" (L'Orient-Le Jour, 20 May 2000, AFP). Diarra's term starts that day.
    "Ivory Coast": ((dt.date(1999, 12, 24), dt.date(2000, 5, 18)),),
}  # fmt: skip
# Spans ``[from, to)`` on which a state's head-of-government office existed but no one held or acted in
# it: the post was left vacant (Angola 1999-2002), or a coup or the head of state dismissed the prime
# minister and dissolved the government and named no one until the next prime minister. Like
# ``VACANT_HEAD_OF_STATE``, the days are no gap of the head of government (no term can fill them) and
# the report lists them apart; a span where the office was abolished goes to ``NO_OFFICE`` instead. A
# span never hides a term of the office (tests/test_offices_coverage_offices.py). ``None`` is an open
# start (before 2000, day not checked). Each span's source is the stored copy read.
VACANT_HEAD_OF_GOVERNMENT: dict[str, tuple[tuple[dt.date | None, dt.date | None], ...]] = {
    # Angola: "Vacant (29 January 1999 - 6 December 2002)" (wikiclassic.com copy of "List of prime
    # ministers of Angola"; id.m.wikipedia list: "Posisi Kosong"; it.knowledgr copy of "Fernando da
    # Piedade Dias dos Santos": "era stato prima vuoto durante tre anni"). No copy read says the post was
    # abolished then (the constitution of 2010 did that: Capital FM, 3 February 2010, NO_OFFICE).
    "Angola": ((dt.date(1999, 1, 29), dt.date(2002, 12, 6)),),
    # Somalia: "no central government since" 1991 (The New York Times via globalpolicy.org, 14 August
    # 2000) until Abdiqasim Salad Hassan's oath of 27 August 2000 (VACANT_HEAD_OF_STATE); his first prime
    # minister, Ali Khalif Galaydh, took office on 8 October 2000, "Preceded by Umar Arteh Ghalib" (the
    # prime minister of 1991-1993) in his infobox (enwikipedia.net copy of "Ali Khalif Galaydh"; de.zxc.wiki
    # copy: prime minister of the transitional government from October 2000).
    "Somalia": ((None, dt.date(2000, 10, 8)),),
    # Guinea. François Lonsény Fall resigned on 29 April 2004 (his term runs through that day) and the
    # post "resté vacant" until Cellou Dalein Diallo was named on 9 December 2004 (Jeune Afrique, 13
    # December 2004; Guinée360, 29 May 2024: "restera inoccupé jusqu'au 9 décembre 2004"). Diallo was
    # dismissed on 5 April 2006 and the post "était resté inoccupé depuis le limogeage de Dalein" until
    # the decree of 29 May 2006 abolished it (Guinée360; NO_OFFICE after). The junta that seized power on
    # 23 December 2008 (ouestaf.com) named Kabiné Komara on Tuesday 30 December (RFI and Jeune Afrique, 30
    # December 2008); Souaré's term ends on the 24th. The coup of 5 September 2021 dissolved the
    # government (Doumbouya's statement, legriot.info, September 2021) and Mohamed Béavogui was named by
    # decree on 6 October (Reuters via moroccomail.fr; universalis.fr: "Le 6, Mamady Doumbouya nomme un
    # Premier ministre civil"); Kassory Fofana's term ends on the 5th and Béavogui's starts on the 7th.
    # Doumbouya dissolved Goumou's government on Monday 19 February 2024, current affairs left to the
    # ministries' directors of cabinet and secretaries-general "jusqu'à la mise en place d'un nouveau
    # gouvernement" (camer.be and linformation.ma, 19 February 2024; nordsud.info: "sans gouvernement
    # depuis le lundi 19 février"), until Bah Oury's appointment (his term: 27 February 2024).
    "Guinea": ((dt.date(2004, 4, 30), dt.date(2004, 12, 9)), (dt.date(2006, 4, 5), dt.date(2006, 5, 29)),
               (dt.date(2008, 12, 24), dt.date(2008, 12, 30)), (dt.date(2021, 9, 5), dt.date(2021, 10, 7)),
               (dt.date(2024, 2, 19), dt.date(2024, 2, 27))),
    # Iraq under occupation (rules/offices/world18.toml's header; VACANT_HEAD_OF_STATE): Saddam Hussein,
    # prime minister since 1994, fell with Baghdad on 9 April 2003; the Governing Council's rotating
    # presidents headed an advisory body "subject to the approval of Paul Bremer" (RFE/RL, 30 July 2003),
    # with no prime minister, until Allawi's interim government took power on 28 June 2004 (his term).
    "Iraq": ((dt.date(2003, 4, 9), dt.date(2004, 6, 28)),),
    # Guinea-Bissau (rules/offices/world15.toml's header, from the list and the holders' articles): no
    # prime minister after the coups of 14 September 2003 (to Artur Sanhá, 28 September) and 12 April 2012
    # (to Rui Duarte de Barros, 16 May), nor from Embaló's departure (16 January 2018) to Artur Silva's
    # appointment (30 January).
    "Guinea-Bissau": ((dt.date(2003, 9, 14), dt.date(2003, 9, 28)), (dt.date(2012, 4, 12), dt.date(2012, 5, 16)),
                      (dt.date(2018, 1, 16), dt.date(2018, 1, 30))),
    # South Korea: Chung Un-chan stepped down on Wednesday 11 August 2010 (Yonhap, 11 August 2010); the
    # nominee Kim Tae-ho withdrew on 29 August (China Daily; UPI via spacedaily.com) and Kim Hwang-sik
    # filled "a post that has been vacant since August" (VOA, 1 October 2010).
    "South Korea": ((dt.date(2010, 8, 11), dt.date(2010, 10, 1)),),
    # Mali. The coup of 22 March 2012 ousted Sidibé's government; Cheick Modibo Diarra was named
    # transitional prime minister "le 17 avril à la suite du coup d'Etat" (Europe 1/AFP, 25 April 2012).
    # After the coup of 18 August 2020 the post was vacant until Moctar Ouane's appointment on 27 September
    # 2020, and after the coup of 24 May 2021 (his term ends on the 25th) until Choguel Maïga's decree of 7
    # June 2021 (rules/offices/world17.toml's header: simple.wikipedia copy of "Moctar Ouane"; maliweb).
    # Choguel Maïga was dismissed by decree published on 20 November 2024 and Abdoulaye Maïga named the
    # next day (thieydakar.net and Daily Trust/AFP, 20-22 November 2024).
    "Mali": ((dt.date(2012, 3, 22), dt.date(2012, 4, 17)), (dt.date(2020, 8, 18), dt.date(2020, 9, 27)),
             (dt.date(2021, 5, 25), dt.date(2021, 6, 7)), (dt.date(2024, 11, 20), dt.date(2024, 11, 21))),
    # Burkina Faso. Zida, who took power after Compaoré's departure on 31 October 2014, was named Prime
    # Minister by the transition's President on Wednesday 19 November 2014 (connectionivoirienne.net/
    # Burkina24, 19 November 2014; universalis.fr); Tiao's term ends on 30 October. The junta of 24 January
    # 2022 dissolved the government (levenementprecis.com, 25 January 2022; wikimili copy of "January 2022
    # Burkina Faso coup d'état") until Albert Ouédraogo's term (3 March 2022); Traoré's coup of 30
    # September 2022 dissolved it again (Reuters via Sudans Post; togobreakingnews.info) until Kyélem de
    # Tambèla (21 October 2022). Traoré dismissed Kyélem de Tambèla and dissolved the government on Friday
    # 6 December 2024 (malikonews.com), and Ouédraogo's term starts on the 7th.
    "Burkina Faso": ((dt.date(2014, 10, 30), dt.date(2014, 11, 19)), (dt.date(2022, 1, 24), dt.date(2022, 3, 3)),
                     (dt.date(2022, 9, 30), dt.date(2022, 10, 21)), (dt.date(2024, 12, 6), dt.date(2024, 12, 7))),
    # Yemen (rules/offices/world20.toml's header): Bahah's government resigned on 22 January 2015, leaving
    # Yemen "without a caretaker government" (al-Araby al-Jadeed, 29 January 2015), and refused to act as
    # caretaker (AFP via Ahram Online, 16 March 2015) until Bahah's reappointment (13 April 2015).
    "Yemen": ((dt.date(2015, 1, 22), dt.date(2015, 4, 13)),),
    # Tunisia: Saied "sacked the government of Hichem Mechichi" on 25 July 2021 (The New Arab, 29 September
    # 2021); he named Najla Bouden on 29 September to form a government (The New Arab; Reuters via National
    # Post), and she took office with it on Monday 11 October 2021, "11 weeks after President Kais Saied
    # sacked the previous prime minister" (Reuters via National Post, 11 October 2021). No one acted in
    # between: the President "will himself head the cabinet" (The New Arab).
    "Tunisia": ((dt.date(2021, 7, 25), dt.date(2021, 10, 11)),),
    # Senegal: the National Assembly voted the post's reinstatement on 10 December 2021 (muebuz.com, 17
    # September 2022; NO_OFFICE before) and it stayed vacant until Amadou Ba's appointment on 17 September
    # 2022.
    "Senegal": ((dt.date(2021, 12, 10), dt.date(2022, 9, 17)),),
    # Peru: Arana stayed in office until 12 October 2025 and Jerí "was without a new cabinet for three
    # days" until Álvarez's oath on the 14th (El Comercio, 14 October 2025; ATV: "a vacuum" in which the
    # president's acts lacked ministerial countersignature; rules/offices/world20.toml's header).
    "Peru": ((dt.date(2025, 10, 12), dt.date(2025, 10, 14)),),
    # Sudan: on 25 October 2021 Burhan declared that he was dissolving the government and Hamdok was
    # detained (thenewsglory.com and pledgetimes.com, from Sudan TV; Reuters via mindofthegeek.com: "The
    # military dissolved Hamdok's cabinet"), until the agreement signed on Sunday 21 November that
    # "reverses the decision to remove Hamdok from office" (thenewsglory.com; The National, 21 November
    # 2021). Hamdok resigned on Sunday 2 January 2022 (pledgetimes.com; embassynews.info), "the government
    # remains in the hands of the military" (thedailyripple.org, 3 January 2022), and the list read by
    # rules/offices/world17.toml gives no holder before Osman Hussein's acting term (19 January 2022).
    "Sudan": ((dt.date(2021, 10, 25), dt.date(2021, 11, 21)), (dt.date(2022, 1, 2), dt.date(2022, 1, 19))),
    # Gabon: the officers who seized power on 30 August 2023 (alwihdainfo.com/AFP) named Raymond Ndong
    # Sima prime minister of the transition by the decree read on Thursday 7 September (Africanews and
    # Reuters via thewest.com.au, 7 September 2023: "the first civilian leader named by the junta").
    "Gabon": ((dt.date(2023, 8, 30), dt.date(2023, 9, 7)),),
    # Bangladesh: Hasina resigned and left on 5 August 2024; "the power vacuum in Bangladesh entered its
    # third day on Wednesday awaiting the formation of a new government" (worldysnews.com, 7 August 2024;
    # rules/offices/world20.toml's header: The Daily Star), until Yunus was sworn in as chief adviser on 8
    # August (SCMP, 9 August 2024).
    "Bangladesh": ((dt.date(2024, 8, 5), dt.date(2024, 8, 8)),),
    # Mauritania: the coup of 6 August 2008 arrested the President and Prime Minister Waghef (revue-
    # pouvoirs.fr); the junta named Moulaye Ould Mohamed Laghdaf prime minister by decree on Thursday 14
    # August (afribone.com; editoweb.eu/AFP, 14 August 2008: "nomination d'un Premier ministre").
    "Mauritania": ((dt.date(2008, 8, 6), dt.date(2008, 8, 14)),),
    # Niger: the junta that overthrew Tandja on 18 February 2010 "dissous le gouvernement" (francetvinfo/
    # AFP; universalis.fr: the CSRD "dissout les institutions") and named Mahamadou Danda on Tuesday 23
    # February (universalis.fr; Jeune Afrique, 24 February 2010).
    "Niger": ((dt.date(2010, 2, 18), dt.date(2010, 2, 23)),),
    # Central African Republic: Bozizé took Bangui on 15 March 2003 and announced "le limogeage du
    # gouvernement" (voyagesphotosmanu.com; universalis.fr: he "suspend les institutions" on the 16th),
    # and named Abel Goumba prime minister on Sunday 23 March (AFP via sangonet.com, 23 March 2003).
    "Central African Republic": ((dt.date(2003, 3, 15), dt.date(2003, 3, 23)),),
}  # fmt: skip
# Spans ``[from, to)`` on which a state's head-of-state office was vacant and no one held or acted in
# it (rules/offices/world18.toml's header): a true vacancy, not a gap the table could fill. The days
# are no gap of the head of state; a span never hides a term of one (tests/test_offices_world18.py).
VACANT_HEAD_OF_STATE: dict[str, tuple[tuple[dt.date | None, dt.date | None], ...]] = {
    # Lebanon: Article 62 of the constitution gives the President's powers, in a vacancy, to the Council
    # of Ministers as a body (Daily Star, 24 May 2014, "What happens in a presidential vacuum?"); no
    # one acts as President. Lahoud left at midnight on 23-24 November 2007 and the cabinet "assumes the
    # powers of the presidency" (Reuters, 24 November 2007) to Suleiman's election on 25 May 2008
    # (freebase copy of "2007-2008 Lebanese presidential election"); Suleiman's term ended on 25 May
    # 2014 (Daily Star) and Michel Aoun's on 31 October 2022 (Al Arabiya and Reuters, 30 October 2022:
    # left "without a successor", the cabinet in a caretaker capacity), each to the next President's
    # first day in the table (31 October 2016, 9 January 2025).
    "Lebanon": ((dt.date(2007, 11, 24), dt.date(2008, 5, 25)), (dt.date(2014, 5, 25), dt.date(2016, 10, 31)),
                (dt.date(2022, 10, 31), dt.date(2025, 1, 9))),
    # Somalia: "no central government since" Siad Barre's ouster in 1991 (The New York Times via
    # globalpolicy.org, 14 August 2000) until Abdiqasim Salad Hassan, sworn in on 27 August 2000 (IRIN,
    # 2000; Chicago Tribune, 27 August 2000: "the country's first since it collapsed into anarchy").
    "Somalia": ((None, dt.date(2000, 8, 27)),),
    # Algeria: Bouteflika resigned on 2 April 2019; Parliament met on 9 April to take note of the
    # vacancy and install the upper house's president, Bensalah, as interim head of state (AP via The
    # Star, 6 April 2019: "the country not having a leader"; Petroleum Africa, 8 April 2019).
    "Algeria": ((dt.date(2019, 4, 2), dt.date(2019, 4, 9)),),
    # Burundi: Nkurunziza died on 8 June 2020; the cabinet asked the Constitutional Court to declare the
    # presidency vacant (Africanews, 11 June 2020), and the court ruled that no interim was needed and
    # the president-elect be sworn in at once (Reuters via Devdiscourse, 12 June 2020), on 18 June.
    "Burundi": ((dt.date(2020, 6, 8), dt.date(2020, 6, 18)),),
    # Kuwait: Parliament voted Emir Saad out on 24 January 2006 and the cabinet nominated Sheikh Sabah
    # the same day (BBC, 24 January 2006); he took the oath on 29 January after Parliament's vote (The
    # Guardian, 30 January 2006). No one was Emir in between.
    "Kuwait": ((dt.date(2006, 1, 24), dt.date(2006, 1, 29)),),
    # Czech Republic: Havel's mandate ended at midnight on Sunday 2 February 2003 and he handed the
    # presidential powers to Prime Minister Špidla (abroad, the armed forces) and Speaker Zaorálek (at
    # home) "for an interim period" without a president (Radio Prague, 2 February 2003; Der Standard,
    # "vorerst ohne Präsident"), until Klaus, elected on 28 February (DW), took office on 7 March 2003.
    # (Havel's term in world4.toml runs through 2 February, its `end` the vacancy's first day.)
    "Czech Republic": ((dt.date(2003, 2, 3), dt.date(2003, 3, 7)),),
    # Iraq under occupation, from the fall of Baghdad (Saddam Hussein's term ends on 9 April 2003) to the
    # transfer of sovereignty on 28 June 2004, when al-Yawer took office: no Iraqi head of state. The
    # Governing Council's monthly rotating presidents headed an advisory body whose decisions were
    # "subject to the approval of Paul Bremer" (RFE/RL, 30 July 2003; Reuters via NZ Herald: "final
    # control of Iraq still rests with US civilian administrator Paul Bremer"); the CPA Administrator was
    # the occupying powers' official. Neither is listed as Iraq's head of state.
    "Iraq": ((dt.date(2003, 4, 9), dt.date(2004, 6, 28)),),
    # Haiti: no President from Moïse's assassination (7 July 2021) to the Transitional Presidential
    # Council's oath on 25 April 2024 (teleSUR, 30 April 2024: "The new body took over as head of state
    # last week"); the council "was founded in a context of executive power vacuum" (MercoPress, 9 August
    # 2025). The council dissolved on 7 February 2026 without a successor body, executive authority
    # passing "by default to Prime Minister Alix Didier Fils-Aime" (Ayiti Intel, 8 February 2026; Al
    # Jazeera, 7 February 2026: "now the country's only politician with executive powers").
    # The council itself, sworn in on Thursday 25 April 2024 ("took over as head of state", teleSUR),
    # sat without a president until it named Leblanc Fils on Tuesday 30 April (world18.toml): like
    # Lebanon's Council of Ministers, a body with no single holder (AFP via UOL and Africanews, 25-26
    # April 2024: the nine members sworn in, none named to lead; rules/offices/world21.toml).
    "Haiti": ((dt.date(2021, 7, 7), dt.date(2024, 4, 25)), (dt.date(2024, 4, 25), dt.date(2024, 4, 30)),
              (dt.date(2026, 2, 7), None)),
    # Peru: Merino resigned on Sunday 15 November 2020; Congress elected Sagasti its president on the
    # 16th, 26 hours later (Causa Operária, 16 November 2020), and he was sworn in as President on the
    # 17th (Oman Observer, 18 November 2020): the presidency stood empty in between. On 17 February 2026
    # Congress censured Jerí and its acting president declared the presidency of the Republic vacant
    # (en.wikipedia copy of "Censure of José Jerí"), the Council of Ministers' president discharging the
    # executive (Latina Noticias, 17 February 2026), until Congress elected Balcázar on the 18th (El
    # Espectador, 18 February 2026), his first day in the table.
    "Peru": ((dt.date(2020, 11, 15), dt.date(2020, 11, 17)), (dt.date(2026, 2, 17), dt.date(2026, 2, 18))),
    # Bolivia: Morales resigned on the evening of Sunday 10 November 2019 (his term runs through that day),
    # and the vice president and the presidents of both chambers resigned with him: "Durante dos días,
    # Bolivia no tuvo presidente" (Infobae, 24 November 2019; KPBS/NPR, 11 November: "a power vacuum";
    # bolivia-today.blogspot.com) until Áñez assumed the presidency on 12 November (world2.toml).
    "Bolivia": ((dt.date(2019, 11, 11), dt.date(2019, 11, 12)),),
    # Zimbabwe: Mugabe resigned on the evening of Tuesday 21 November 2017; on the Wednesday the Speaker
    # said ZANU-PF had nominated Mnangagwa "to fill the vacancy of the office of president" (Reuters via
    # Yahoo and The Zimbabwe Mail, 22 November 2017; Al Jazeera), and he was sworn in on Friday 24
    # November (world.toml). No one was reported acting in between.
    "Zimbabwe": ((dt.date(2017, 11, 22), dt.date(2017, 11, 24)),),
    # Tanzania: Magufuli's death was announced on the night of Wednesday 17 March 2021 (his term runs
    # through that day); under the constitution the Vice President serves out the term once sworn in,
    # which she was on Friday 19 March (Al Jazeera and Reuters via Devdiscourse, 19 March 2021); on the
    # 18th "a date for her swearing in has not yet been announced" (The Indian Awaaz, 18 March 2021).
    "Tanzania": ((dt.date(2021, 3, 18), dt.date(2021, 3, 19)),),
    # Malawi: Mutharika died on Thursday 5 April 2012 (his term runs through that day); the government
    # denied his death until Saturday 7 April, when Vice President Banda was sworn in: "it wasn't clear
    # who was leading" (AP via Deseret News, 7 April 2012); his inner circle's naming of his brother as
    # acting president (Los Angeles Times, 7 April 2012) had no force under the constitution.
    "Malawi": ((dt.date(2012, 4, 6), dt.date(2012, 4, 7)),),
}  # fmt: skip
# Spans ``[from, to)`` on which an international body's head was vacant and no one held or acted in the
# office (rules/offices/world21.toml's header): no gap of the body's head, as ``VACANT_HEAD_OF_STATE`` is
# none of a state's. A span never hides a term of the body (tests/test_offices_world21.py).
VACANT_HEAD_OF_BODY: dict[str, tuple[tuple[dt.date, dt.date], ...]] = {
    # The Holy See's sedes vacantes: no one is Pope between a pope's death or resignation and the next
    # election; the Camerlengo administers the Holy See's goods and the College of Cardinals deals only
    # with "ordinary business", unable to decide what is reserved to the pope (CNS via Georgia Bulletin,
    # 7 April 2005). John Paul II died on 2 April 2005 (AP via Lubbock Online, 3 April 2005: "the
    # interregnum has begun"); Benedict XVI was elected on 19 April. Benedict's resignation took effect at
    # 20:00 on 28 February 2013, when "the period of vacancy began" (alessiopaduano.it; Catholic News
    # Agency, 1 March 2013), and Francis was elected on 13 March 2013. Francis died on Monday 21 April 2025
    # and "the Sede Vacante" began (hola.com, 21 April 2025; Libero, April 2025), to Leo XIV's election on
    # 8 May 2025.
    "Holy See": ((dt.date(2005, 4, 2), dt.date(2005, 4, 19)), (dt.date(2013, 2, 28), dt.date(2013, 3, 13)),
                 (dt.date(2025, 4, 21), dt.date(2025, 5, 8))),
    # The WTO: Azevêdo stepped down on 31 August 2020 (Sputnik and Business Standard, 14 May 2020;
    # Atalayar, 31 August 2020: "left headless"); the members failed to agree on an acting
    # Director-General among the four deputies, who "would instead all stay on in their existing roles"
    # (Reuters via Al Arabiya, 31 July 2020), until Okonjo-Iweala took office on 1 March 2021.
    "World Trade Organization": ((dt.date(2020, 9, 1), dt.date(2021, 3, 1)),),
}  # fmt: skip
# A realm whose monarch is the British one (the schema has no office shared across realms).
SHARED_MONARCH = {"Australia", "Canada"}


@functools.lru_cache(maxsize=1)
def _table() -> OfficeTable:
    return Packs().load("offices", parse_offices)


def gaps(country: str, kind: str, lo: dt.date, hi: dt.date, vacancies: bool = True) -> list[tuple[dt.date, dt.date]]:
    """Spans ``[from, to)`` of ``[lo, hi]`` on which no term of the kind ("state", "government") runs.

    A body has one office (its head): ``kind`` is ignored for it. The days without a head-of-government
    office (``NO_OFFICE``) are no gap; nor, unless ``vacancies`` is false, are the head of state's true
    vacancies (``VACANT_HEAD_OF_STATE``), the head of government's (``VACANT_HEAD_OF_GOVERNMENT``) or a
    body's (``VACANT_HEAD_OF_BODY``): no term can fill them, but no one was known either.
    """
    table = _table()
    offices = HEAD_OF_STATE if kind == "state" else HEAD_OF_GOVERNMENT
    spans = sorted(
        (t.start, t.end or dt.date.max)
        for t in table.terms
        if t.country == country and (country in BODIES or t.office in offices)
    )
    lo = max(lo, FOUNDED.get(country, lo), INDEPENDENCE.get(country, lo))
    out, cur = [], lo
    for start, end in spans:
        if start > cur and cur <= hi:
            out.append((cur, min(start, hi + dt.timedelta(days=1))))
        cur = max(cur, end)
    if cur <= hi:
        out.append((cur, hi + dt.timedelta(days=1)))
    if kind == "government" and country not in BODIES:
        for start, end in NO_OFFICE.get(country, ()):
            out = _subtract(out, start or dt.date.min, end or dt.date.max)
    if vacancies:
        spans = VACANT_HEAD_OF_BODY.get(country, ()) if country in BODIES else ()
        if kind == "state" and country not in BODIES:
            spans = VACANT_HEAD_OF_STATE.get(country, ())
        if kind == "government" and country not in BODIES:
            spans = VACANT_HEAD_OF_GOVERNMENT.get(country, ())
        for start, end in spans:
            out = _subtract(out, start or dt.date.min, end or dt.date.max)
    return [(a, b) for a, b in out if a < b]


def _subtract(spans: list[tuple[dt.date, dt.date]], lo: dt.date, hi: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The spans ``[a, b)`` less the days of ``[lo, hi)``."""
    out = []
    for a, b in spans:
        if a < lo:
            out.append((a, min(b, lo)))
        if b > hi:
            out.append((max(a, hi), b))
    return out


def _heads_government(country: str) -> bool:
    """Whether the table gives the country any head of government apart from its head of state."""
    return any(t.country == country and t.office in HEAD_OF_GOVERNMENT for t in _table().terms)


def depth(lo: dt.date, hi: dt.date) -> tuple[float, dict[str, float]]:
    """The share of the days of ``[lo, hi]`` on which some head of state or government of a member state is known.

    Returns the mean over the 193 member states and the share per state. A state independent after
    ``lo`` is measured from its independence (``INDEPENDENCE``); one not yet independent by ``hi`` has
    nothing to measure and counts as covered.
    """
    share = {}
    for name in UN_MEMBER_STATES:
        first = max(lo, INDEPENDENCE.get(name, lo))
        days = (hi - first).days + 1
        if days <= 0:
            share[name] = 1.0
            continue
        # a vacancy of the head of state or of government is a day on which no one of that office is known
        uncovered = _intersect(
            gaps(name, "state", lo, hi, vacancies=False), gaps(name, "government", lo, hi, vacancies=False)
        )
        share[name] = 1 - sum((b - a).days for a, b in uncovered) / days
    return sum(share.values()) / len(share), share


def office_depth(kind: str, lo: dt.date, hi: dt.date) -> tuple[float, dict[str, float]]:
    """The share of the days of ``[lo, hi]`` on which the holder of one office (``kind``) is known, per state.

    ``"state"`` is measured for every member state but the Commonwealth realms (the United Kingdom's
    King is theirs); ``"government"`` for the states whose table names a head of government apart from
    the head of state (a presidential system has none). The mean is over the states measured.
    """
    share = {}
    for name in UN_MEMBER_STATES:
        if kind == "state" and name in COMMONWEALTH_REALMS or kind == "government" and not _heads_government(name):
            continue
        first = max(lo, INDEPENDENCE.get(name, lo), FORMER_REALMS.get(name, lo) if kind == "state" else lo)
        days = (hi - first).days + 1
        if days <= 0:
            continue
        share[name] = 1 - sum((b - a).days for a, b in gaps(name, kind, first, hi)) / days
    return (sum(share.values()) / len(share) if share else 1.0), share


def _intersect(a: list[tuple[dt.date, dt.date]], b: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            s, e = max(s1, s2), min(e1, e2)
            if s < e:
                out.append((s, e))
    return out


def missing_states(since: dt.date | None = None) -> list[str]:
    """Member states with no term of a head of state or government."""
    return sorted(name for name, found in coverage(since).items() if not found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--since", type=dt.date.fromisoformat, help="count only terms running on or after this day")
    ap.add_argument(
        "--depth",
        metavar="FROM:TO",
        help="list the gaps of the G20 and the international bodies between two days (2000-01-01:2015-12-31), "
        "and the share of days covered per member state",
    )
    ap.add_argument(
        "--states",
        help="with --depth: also list the gaps of these member states (comma-separated, as the table names them)",
    )
    ap.add_argument(
        "--finance",
        metavar="FROM:TO",
        help="per G20 member, the share of the days between two days on which its finance minister "
        "and its central bank's head are known, and the gaps",
    )
    args = ap.parse_args(argv)
    if args.finance:
        return report_finance(*(dt.date.fromisoformat(d) for d in args.finance.split(":")))
    if args.depth:
        extra = tuple(s.strip() for s in args.states.split(",")) if args.states else ()
        return report_depth(*(dt.date.fromisoformat(d) for d in args.depth.split(":")), extra=extra)
    kinds = coverage(args.since)
    assert len(kinds) == 193, len(kinds)
    none = sorted(n for n, k in kinds.items() if not k)
    state_only = sorted(n for n, k in kinds.items() if k == {"state"})
    government_only = sorted(n for n, k in kinds.items() if k == {"government"})
    print(f"{193 - len(none)} of 193 member states have a head of state or government in the table")
    print(f"\nno entry ({len(none)}):\n  " + "\n  ".join(none))
    heads_both = [n for n in state_only if n in HEAD_OF_STATE_HEADS_GOVERNMENT]
    missing = [n for n in state_only if n not in HEAD_OF_STATE_HEADS_GOVERNMENT]
    print(f"\nhead of state only, who also heads the government today ({len(heads_both)}):\n  "
          + "\n  ".join(heads_both))  # fmt: skip
    print(f"\nhead of state only, a head of government missing ({len(missing)}):\n  " + "\n  ".join(missing))
    realms = [n for n in government_only if n in COMMONWEALTH_REALMS]
    no_head = [n for n in government_only if n not in COMMONWEALTH_REALMS]
    print(f"\nhead of government only, a Commonwealth realm (its King is the United Kingdom's) ({len(realms)}):\n  "
          + "\n  ".join(realms))  # fmt: skip
    print(f"\nhead of government only, a head of state missing ({len(no_head)}):\n  " + "\n  ".join(no_head))
    return 0


def report_depth(lo: dt.date, hi: dt.date, extra: tuple[str, ...] = ()) -> int:
    """Print the gaps of the G20 heads, the bodies' heads and the ``extra`` states', and the mean depth."""
    mean, share = depth(lo, hi)
    g20 = [share[c] for c in G20]
    print(f"depth {lo}..{hi}: a head of state or government is known on {100 * mean:.1f}% of the days "
          f"(mean of the 193 member states); G20: {100 * sum(g20) / len(g20):.1f}%")  # fmt: skip
    print(f"member states covered on every day: {sum(1 for v in share.values() if v >= 1)} of 193")
    unknown = [c for c in extra if c not in share]
    if unknown:
        print(f"not a member state of the list: {', '.join(unknown)}", file=sys.stderr)
        return 2
    print("\ngaps of the G20 heads of state and of government, and of the bodies' heads:")
    for country in dict.fromkeys((*G20, *BODIES, *extra)):
        kinds = ("state",) if country in BODIES else ("state", "government")
        for kind in kinds:
            if kind == "state" and country in SHARED_MONARCH:
                continue
            if kind == "government" and not _heads_government(country):
                continue  # a presidential system: the President heads the government
            found = gaps(country, kind, lo, hi)
            if found:
                spans = ", ".join(f"{a}..{b - dt.timedelta(days=1)}" for a, b in found)
                print(f"  {country} ({'head' if country in BODIES else kind}): {spans}")
    print("\nvacancies of the bodies' heads (no one held or acted in the office; no gap):")
    for body in BODIES:
        spans = [(a, b) for a, b in VACANT_HEAD_OF_BODY.get(body, ()) if a <= hi and b > lo]
        if spans:
            print(f"  {body}: " + ", ".join(f"{a}..{b - dt.timedelta(days=1)}" for a, b in spans))
    print("\nvacancies of the heads of government of these states (no one held or acted in the office; no gap):")
    for country in dict.fromkeys((*G20, *extra)):
        spans = [(a or lo, b or hi + dt.timedelta(days=1)) for a, b in VACANT_HEAD_OF_GOVERNMENT.get(country, ())]
        spans = [(max(a, lo), min(b, hi + dt.timedelta(days=1))) for a, b in spans if a <= hi and b > lo]
        if spans:
            print(f"  {country}: " + ", ".join(f"{a}..{b - dt.timedelta(days=1)}" for a, b in spans))
    worst = sorted((v, c) for c, v in share.items() if v < 1)[:40]
    print("\nleast covered member states (share of days):")
    for v, c in worst:
        print(f"  {c}: {100 * v:.0f}%")
    for kind, office in (("state", "head of state"), ("government", "head of government")):
        mean, by_office = office_depth(kind, lo, hi)
        full = sum(1 for v in by_office.values() if v >= 1)
        print(f"\n{office}: known on {100 * mean:.1f}% of the days, {full} of {len(by_office)} states on every day;")
        print("  least covered: " + ", ".join(f"{c} {100 * v:.0f}%" for v, c in sorted(
            (v, c) for c, v in by_office.items() if v < 1)[:15]))  # fmt: skip
    return 0


# ``--finance``: the finance ministry's offices, and the body whose head is each G20 member's central banker
# (the names g20-finance*.toml gives them; a euro member's own central bank, the ECB for the European Union).
FINANCE_OFFICES = {"Finance Minister", "Treasury Secretary", "Chancellor of the Exchequer", "Treasurer",
                   "Economy Minister", "Treasury Minister"}  # fmt: skip
CENTRAL_BANKS = {
    "Argentina": ("Central Bank of Argentina",), "Australia": ("Reserve Bank of Australia",),
    "Brazil": ("Central Bank of Brazil",), "Canada": ("Bank of Canada",), "China": ("People's Bank of China",),
    "France": ("Banque de France",), "Germany": ("Bundesbank",), "India": ("Reserve Bank of India",),
    "Indonesia": ("Bank Indonesia",), "Italy": ("Bank of Italy",), "Japan": ("Bank of Japan",),
    "Mexico": ("Bank of Mexico",), "Russia": ("Bank of Russia",),
    "Saudi Arabia": ("Saudi Central Bank", "Saudi Arabian Monetary Authority"),
    "South Africa": ("South African Reserve Bank",), "South Korea": ("Bank of Korea",),
    "Turkey": ("Central Bank of the Republic of Turkey", "Central Bank of Turkey"),
    "United Kingdom": ("Bank of England",), "United States": ("Federal Reserve",),
    "European Union": ("European Central Bank",),
}  # fmt: skip


def _vouched_end(term) -> dt.date:
    """The first day after a term that the table vouches for: its end, or the day after its pack's ``checked``."""
    if term.end is not None or term.known_until is None:
        return term.end or dt.date.max
    return term.known_until + dt.timedelta(days=1)


def report_finance(lo: dt.date, hi: dt.date) -> int:
    """Print, per G20 member, the share of ``[lo, hi]`` on which its finance minister and its central bank's head
    are known (a day is known when some term of the office runs on it; an open term up to its pack's
    ``checked`` day), then the gaps; return 0."""
    terms = _table().terms

    def spans(pick) -> list[tuple[dt.date, dt.date]]:
        out, cur = [], lo
        for start, end in sorted((t.start, _vouched_end(t)) for t in terms if pick(t)):
            if start > cur and cur <= hi:
                out.append((cur, min(start, hi + dt.timedelta(days=1))))
            cur = max(cur, end)
        if cur <= hi:
            out.append((cur, hi + dt.timedelta(days=1)))
        return out

    days = (hi - lo).days + 1
    rows, shares = [], []
    for member in (*G20, "European Union"):
        banks = CENTRAL_BANKS[member]
        kinds = [("central bank", spans(lambda t, banks=banks: t.country in banks))]
        if member != "European Union":  # the EU has no finance minister
            kinds.insert(0, ("finance", spans(lambda t, m=member: t.country == m and t.office in FINANCE_OFFICES)))
        share = {k: 1 - sum((b - a).days for a, b in g) / days for k, g in kinds}
        shares.extend(share.values())
        print(f"{member}: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in share.items()))
        rows += [(member, k, g) for k, g in kinds if g]
    print(f"\nmean over {len(shares)} offices: {100 * sum(shares) / len(shares):.1f}% of the {days} days {lo}..{hi}")
    print("\ngaps:")
    for member, kind, found in rows:
        print(f"  {member} ({kind}): " + ", ".join(f"{a}..{b - dt.timedelta(days=1)}" for a, b in found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
