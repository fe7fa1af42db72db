"""Held-out check: short documents written for this test (not used while writing the rules), scored per extraction.md."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.facts import extract_facts
from nkmonitor.analyze.linking import link_mentions

# Each: (published, outlet, text, gold facts). Wording is ours; events are plausible, some invented.
DOCS = [
    ("2018-03-09", None,
     "GENEVA, March 9 -- The U.N. Human Rights Council on Friday renewed the mandate of its special rapporteur "
     "on North Korea, and Tomás Ojea Quintana will continue in the role for another year.\n\n"
     "Ojea Quintana, an Argentine lawyer, took up the post in August 2016, succeeding Marzuki Darusman. "
     "Darusman had held the job from 2010 to 2016.",
     [{"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "tomas_ojea_quintana", "event": "term_extended", "date": "2018-03-09"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "tomas_ojea_quintana", "event": "took_office", "date": "2016-08"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "marzuki_darusman", "event": "took_office", "date": "2010"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "marzuki_darusman", "event": "left_office", "date": "2016"}]),
    ("2014-03-29", None,
     "The Human Rights Council adopted a resolution on North Korea on Friday by 30 votes in favour, six against "
     "and 11 abstentions, endorsing the findings of the Commission of Inquiry. The commission, set up in March 2013, "
     "published its report in February. China and Russia voted against the text.",
     [{"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2014-03-28", "yes": 30, "no": 6, "abstain": 11},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "established", "date": "2013-03"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "report_published", "date": "2014-02"},
      {"type": "state_position", "state": "china", "instrument": "unhrc_dprk_hr_resolution", "year": 2014, "position": "voted_no"},
      {"type": "state_position", "state": "russia", "instrument": "unhrc_dprk_hr_resolution", "year": 2014, "position": "voted_no"}]),
    ("2021-01-05", None,
     "A South Korean law that bans sending leaflets and other items across the border is set to enter into force in late March. "
     "The National Assembly had passed the bill on Dec. 14 by 187 votes to 0 after opposition lawmakers walked out. "
     "Critics have asked the Constitutional Court to review it, and the U.S. Congress may hold a hearing.",
     [{"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2020-12-14", "yes": 187, "no": 0}]),
    ("2016-03-04", None,
     "After an 11-year delay, South Korea's National Assembly on Wednesday passed the North Korean Human Rights Act. "
     "The law is scheduled to take effect in September and will create a foundation to support research and aid. "
     "The Unification Ministry said it would open a records center to document abuses.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2016-03-02"}]),
    ("2024-02-20", "Policy Brief (Julie Turner)",
     "Washington still lacks a coherent strategy. The Biden administration waited more than two years before "
     "nominating an envoy, and the post of special envoy for North Korean human rights stood empty from 2017 until "
     "last October. Seoul, by contrast, named its ambassador for North Korean human rights within weeks of the "
     "change of government. The United States should press China to stop returning refugees.",
     # the nomination was missed when this gold was first written; "before nominating an envoy" states one
     [{"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2017", "as_of": "2023-10"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "event": "nominated"}]),
    ("2017-04-28", None,
     "Chinese police detained a family of five North Korean defectors in Shenyang last week and deported them on "
     "Tuesday, a Seoul-based activist group said. The group said China had sent back at least 30 defectors since "
     "February. Seoul called on Beijing to treat them as refugees.",
     [{"type": "repatriation", "by": "china", "date": "2017-04-25"},
      {"type": "repatriation", "by": "china", "count": 30, "date": "2017-02"}]),
    ("2019-12-30", None,
     "The Security Council had been expected to hold its annual meeting on human rights in North Korea this month, "
     "but the United States did not request it, diplomats said. The council held such meetings every year from 2014 "
     "to 2017.",
     []),
    ("2022-07-20", None,
     "The Yoon government named Professor Lee Shin-wha of Korea University as ambassador-at-large for North Korean "
     "human rights on Tuesday, filling a post that had been empty since September 2017. The previous ambassador, "
     "Lee Jung-hoon, served for one year.",
     [{"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_shin_wha", "event": "appointed", "date": "2022-07-19"},
      {"type": "post_vacancy", "post": "rok_ambassador_nkhr", "since": "2017-09", "as_of": "2022-07-19"}]),
]


# A second batch, written after the first had been used to fix rules; its first run is reported in the README.
DOCS_B = [
    ("2011-05-28", None,
     "Special envoy Robert King arrived in Pyongyang on Tuesday for a five-day visit to assess food needs, "
     "the first trip by a U.S. human rights envoy to the North. King, who was sworn in as envoy in November 2009, "
     "met officials of the foreign ministry.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "took_office", "date": "2009-11"}]),
    ("2015-06-24", None,
     "SEOUL, June 23 (Yonhap) -- The United Nations opened an office in Seoul on Tuesday to monitor human rights "
     "in North Korea, a step recommended by the U.N. Commission of Inquiry. Pyongyang threatened to punish "
     "those involved. The office will collect testimony from defectors.",
     [{"type": "mechanism_event", "mechanism": "ohchr_seoul", "event": "opened", "date": "2015-06-23"}]),
    ("2016-11-16", None,
     "The General Assembly's Third Committee on Tuesday adopted without a vote a resolution condemning North "
     "Korea's human rights record. Japan and the European Union drafted the text, which more than 70 countries "
     "co-sponsored. Last year the committee approved a similar resolution by 112 votes to 19, with 50 abstentions.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2016-11-15"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2015", "yes": 112, "no": 19, "abstain": 50},
      {"type": "state_position", "state": "japan", "instrument": "unga_dprk_hr_resolution", "year": 2016, "position": "cosponsored"},
      {"type": "state_position", "state": "eu", "instrument": "unga_dprk_hr_resolution", "year": 2016, "position": "cosponsored"}]),
    ("2020-08-05", None,
     "Seoul's unification ministry has said it will inspect North Korean defector groups after the leaflet "
     "launches in June. Lawmakers of the ruling party introduced a bill in June to ban leaflet launches, and the "
     "government hopes the National Assembly will pass it before the end of the year.",
     [{"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "introduced", "date": "2020-06"}]),
    ("2022-09-30", None,
     "The North Korean Human Rights Act, which funds radio broadcasts and refugee programs, lapsed on Friday "
     "after Congress failed to reauthorize it. A bipartisan group of senators has introduced a reauthorization "
     "bill, but the Senate is not expected to vote on it before the elections.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "expired", "date": "2022-09-30"}]),
    ("2023-10-20", None,
     "Human rights groups said China deported more than 500 North Koreans, most of them women, on the night of "
     "Oct. 9. The South Korean government expressed regret. Russia has also returned North Korean workers who "
     "fled their jobs, activists say.",
     [{"type": "repatriation", "by": "china", "count": 500, "date": "2023-10-09"},
      {"type": "repatriation", "by": "russia"}]),
]


# A third batch, written after the second had been used to fix rules; its first run is reported in the README.
DOCS_C = [
    ("2008-02-14", None,
     "Jay Lefkowitz, the U.S. special envoy for human rights in North Korea, said on Wednesday that Washington "
     "should not normalize relations with Pyongyang until it improves its record. Lefkowitz has held the post "
     "since August 2005.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "took_office", "date": "2005-08"}]),
    ("2017-01-20", None,
     "Robert King stepped down this week after more than seven years as Washington's envoy on North Korean human "
     "rights, and the incoming administration has not said whether it will keep the post.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017-01"}]),
    ("2010-11-20", None,
     "A U.N. General Assembly committee on Thursday passed a resolution criticizing North Korea's human rights "
     "situation by a vote of 100 to 18, with 60 abstentions. South Korea voted in favor for the third straight year, "
     "while China voted against.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2010-11-18", "yes": 100, "no": 18, "abstain": 60},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2010, "position": "voted_yes"},
      {"type": "state_position", "state": "china", "instrument": "unga_dprk_hr_resolution", "year": 2010, "position": "voted_no"}]),
    ("2018-12-11", None,
     "The United States failed to gather enough support to hold the annual Security Council meeting on North "
     "Korean human rights this month and postponed its request, diplomats said. The council had discussed the "
     "issue each December since 2014.",
     []),
    ("2024-04-05", None,
     "The U.N. Human Rights Council on Thursday adopted a resolution on North Korea without a vote, extending the "
     "mandate of the special rapporteur, Elizabeth Salmón, for another year. South Korea was among the co-sponsors.",
     [{"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2024-04-04"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "elizabeth_salmon", "event": "term_extended", "date": "2024-04-04"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2024, "position": "cosponsored"}]),
    ("2023-08-29", None,
     "South Korea's unification ministry will launch a North Korean human rights records center next month, "
     "officials said. The ministry closed the foundation's empty office in 2018 after the budget ran out. "
     "Activists want the government to reopen it.",
     [{"type": "mechanism_event", "mechanism": "rok_nkhr_foundation", "event": "closed", "date": "2018"}]),
    ("2012-03-23", None,
     "Thailand deported nine North Korean refugees last month, and China has forcibly repatriated dozens of "
     "others since February, according to Seoul lawmakers who are urging Beijing to stop.",
     [{"type": "repatriation", "by": "china", "date": "2012-02"}]),
    ("2016-09-05", None,
     "South Korea's North Korean Human Rights Act took effect on Sunday, 11 years after it was first proposed "
     "in the National Assembly. The law requires the government to set up a foundation and a records center.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "entered_into_force", "date": "2016-09-04"}]),
]


# A fourth batch, written after the third had been used to fix rules; its first run is reported in the README.
DOCS_D = [
    ("2013-03-22", None,
     "GENEVA, March 21 (Reuters) - The U.N. Human Rights Council agreed on Thursday to launch its most detailed "
     "investigation yet into North Korea, setting up a commission of inquiry into alleged crimes against humanity. "
     "The resolution, brought by the European Union and Japan, was adopted without a vote.",
     [{"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "established", "date": "2013-03-21"},
      {"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2013-03-21"},
      {"type": "state_position", "state": "eu", "instrument": "unhrc_dprk_hr_resolution", "year": 2013, "position": "cosponsored"},
      {"type": "state_position", "state": "japan", "instrument": "unhrc_dprk_hr_resolution", "year": 2013, "position": "cosponsored"}]),
    ("2004-10-20", None,
     "President George W. Bush on Monday signed the North Korean Human Rights Act, which Congress approved last "
     "month. The law authorizes $24 million a year for aid and broadcasts and calls for a special envoy.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "enacted", "date": "2004-10-18"}]),
    ("2019-10-23", None,
     "Tomás Ojea Quintana, the U.N. special rapporteur, told the General Assembly on Tuesday that the situation had "
     "not improved. He is expected to step down next year, and the council will then appoint a successor.",
     []),
    ("2022-08-02", None,
     "Elizabeth Salmón of Peru took office on Monday as the new special rapporteur on the situation of human rights "
     "in North Korea. The Human Rights Council appointed her in May.",
     [{"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "elizabeth_salmon", "event": "took_office", "date": "2022-08-01"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "elizabeth_salmon", "event": "appointed", "date": "2022-05"}]),
    ("2017-12-12", None,
     "The Security Council met on Monday to discuss human rights in North Korea for the fourth year in a row, "
     "after a procedural vote of 10 to 3 with 2 abstentions. China said the council was not the right forum.",
     [{"type": "council_meeting", "body": "un_sc", "date": "2017-12-11", "outcome": "held", "yes": 10, "no": 3, "abstain": 2}]),
    ("2019-05-10", "Op-ed (anonymous)",
     "Washington should appoint a new envoy, Seoul should co-sponsor the U.N. resolution again, and Beijing must "
     "stop repatriating refugees. None of this will happen unless leaders decide that human rights matter.",
     []),
    ("2021-12-17", None,
     "The General Assembly adopted its annual resolution on North Korean human rights by consensus on Thursday. "
     "South Korea again joined the consensus but did not co-sponsor the text for the third consecutive year.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2021-12-16"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2021, "position": "not_cosponsored"}]),
    ("2015-01-30", None,
     "Laotian authorities sent nine young defectors back to China in 2013, and Chinese officials then returned them "
     "to North Korea, a rights group said. Russia deported two North Korean workers last month.",
     [{"type": "repatriation", "by": "china", "date": "2013"},
      {"type": "repatriation", "by": "russia", "count": 2, "date": "2014-12"}]),
]


# A fifth batch, written after the fourth had been used to fix rules; its first run is reported in the README.
DOCS_E = [
    ("2021-05-20", "Commentary (anonymous)",
     "The Biden administration should name a special envoy for North Korean human rights without delay. The post, "
     "created by Congress in 2004, has been vacant since Robert King left in January 2017. Appointing someone would "
     "show allies that Washington takes the issue seriously. Seoul, too, should fill its own ambassadorial post.",
     [{"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2017-01", "as_of": "2021-05-20"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017-01"}]),
    ("2009-09-25", None,
     "President Barack Obama has nominated Robert King, a longtime congressional aide, to be special envoy for North "
     "Korean human rights, the White House announced on Thursday. The nomination requires Senate confirmation.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "nominated", "date": "2009-09-24"}]),
    ("2022-12-16", None,
     "The U.N. General Assembly on Thursday adopted a resolution condemning North Korea's human rights violations "
     "without a vote, for the eighteenth consecutive year. Seoul co-sponsored the resolution for the first time "
     "since 2018.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2022-12-15"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2022, "position": "cosponsored"}]),
    ("2020-12-15", None,
     "South Korea's parliament on Monday passed a bill banning the flying of propaganda leaflets into North Korea, "
     "despite criticism from human rights groups. Violators face up to three years in prison.",
     [{"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2020-12-14"}]),
    ("2024-03-14", None,
     "A year after Seoul released its first public report on North Korean human rights, the unification ministry "
     "said it would publish a second edition in June. The records center, opened in 2016, holds testimony from "
     "thousands of defectors.",
     [{"type": "mechanism_event", "mechanism": "rok_nkhr_records_center", "event": "opened", "date": "2016"}]),
    ("2023-10-14", None,
     "WASHINGTON, Oct. 13 -- Julie Turner was sworn in on Friday as U.S. special envoy for North Korean human rights, "
     "ending a vacancy of more than six years. Turner told reporters that she would visit Seoul and Tokyo soon.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "julie_turner", "event": "took_office", "date": "2023-10-13"},
      {"type": "post_vacancy", "post": "us_special_envoy_nkhr", "as_of": "2023-10-13"}]),
    ("2018-06-13", "Analysis (anonymous)",
     "At the Singapore summit, human rights were barely mentioned. Critics fear that the State Department will not "
     "name an envoy, that Seoul will skip co-sponsorship of the U.N. resolution, and that China will keep returning "
     "refugees.",
     []),
    ("2014-12-19", None,
     "The General Assembly voted 116 to 20, with 53 abstentions, on Thursday to urge the Security Council to refer "
     "North Korea to the International Criminal Court. Russia and China voted no.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2014-12-18", "yes": 116, "no": 20, "abstain": 53},
      {"type": "state_position", "state": "russia", "instrument": "unga_dprk_hr_resolution", "year": 2014, "position": "voted_no"},
      {"type": "state_position", "state": "china", "instrument": "unga_dprk_hr_resolution", "year": 2014, "position": "voted_no"}]),
]


# A sixth batch, written after all rule changes above; its first run is the last honest estimate in the README.
DOCS_F = [
    ("2006-11-18", None,
     "UNITED NATIONS, Nov. 17 -- A General Assembly committee on Friday approved a resolution expressing serious "
     "concern about human rights in North Korea by a vote of 91 to 21, with 60 abstentions. South Korea, which "
     "abstained last year, voted in favor this time.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2006-11-17", "yes": 91, "no": 21, "abstain": 60},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "abstained"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2006, "position": "voted_yes"}]),
    ("2016-09-28", None,
     "The North Korean Human Rights Foundation, which the 2016 law mandates, has yet to open because the National "
     "Assembly has not named its board members. The ministry had planned to launch it this month.",
     []),
    ("2010-07-01", None,
     "Marzuki Darusman assumed his duties as the U.N. special rapporteur on human rights in North Korea on Thursday, "
     "replacing Vitit Muntarbhorn, who held the mandate for six years.",
     [{"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "marzuki_darusman", "event": "took_office", "date": "2010-07-01"}]),
    ("2018-02-01", None,
     "Seoul's ambassador-at-large for North Korean human rights resigned on Wednesday, and the foreign ministry "
     "said it had no plans to appoint a successor soon.",
     [{"type": "post_event", "post": "rok_ambassador_nkhr", "event": "left_office", "date": "2018-01-31"}]),
    ("2025-02-10", None,
     "The U.S. special envoy for North Korean human rights, Julie Turner, was reassigned last month as part of a "
     "State Department reorganization, leaving the post empty again.",
     [{"type": "post_vacancy", "post": "us_special_envoy_nkhr", "as_of": "2025-02-10"}]),
    ("2019-11-20", None,
     "North Korea's human rights record came under review at the Universal Periodic Review in Geneva on May 9, "
     "when Pyongyang rejected most recommendations. The Commission of Inquiry had published its landmark report "
     "in February 2014.",
     [{"type": "mechanism_event", "mechanism": "upr_dprk", "event": "review_held", "date": "2019-05-09"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "report_published", "date": "2014-02"}]),
]


# A seventh batch, written after the sixth; first run reported in the README.
DOCS_G = [
    ("2023-02-28", None,
     "Seoul's unification ministry on Tuesday published its first public report on North Korean human rights, "
     "based on interviews with 508 defectors. Minister Kwon Young-se said the report would be translated into "
     "English.",
     []),
    ("2008-10-16", None,
     "President Bush on Tuesday signed the North Korean Human Rights Reauthorization Act of 2008, extending "
     "funding for refugee programs through 2012.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "reauthorized", "date": "2008-10-14"}]),
    ("2012-03-09", None,
     "China forcibly sent back about 30 North Korean defectors last week despite international appeals, "
     "activists in Seoul said on Thursday. Beijing insists they are illegal migrants.",
     [{"type": "repatriation", "by": "china", "count": 30, "date": "2012-03"}]),
    ("2018-11-01", None,
     "Lee Jung-hoon, who served as Seoul's first ambassador for North Korean human rights from 2016 to 2017, "
     "said the government should not abandon the post.",
     [{"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "took_office", "date": "2016"},
      {"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "left_office", "date": "2017"}]),
    ("2021-03-24", None,
     "The Human Rights Council adopted a resolution on Tuesday condemning abuses in North Korea. For the third year "
     "in a row, South Korea did not join the co-sponsors. Japan and the EU had drafted the resolution.",
     [{"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2021-03-23"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2021, "position": "not_cosponsored"},
      {"type": "state_position", "state": "japan", "instrument": "unhrc_dprk_hr_resolution", "year": 2021, "position": "cosponsored"},
      {"type": "state_position", "state": "eu", "instrument": "unhrc_dprk_hr_resolution", "year": 2021, "position": "cosponsored"}]),
    ("2014-12-23", None,
     "The U.N. Security Council on Monday put North Korea's human rights record on its agenda over the objections "
     "of China and Russia, after a procedural vote of 11 to 2 with two abstentions.",
     [{"type": "council_meeting", "body": "un_sc", "date": "2014-12-22", "outcome": "held", "yes": 11, "no": 2, "abstain": 2},
      {"type": "mechanism_event", "mechanism": "unsc_dprk_hr_agenda", "event": "established", "date": "2014-12-22"}]),
    ("2019-07-02", None,
     "Critics say Washington has neglected the issue: there has been no special envoy for North Korean human rights "
     "since January 2017, when Robert King resigned.",
     [{"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2017-01", "as_of": "2019-07-02"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017-01"}]),
    ("2016-10-13", None,
     "Foreign Minister Yun Byung-se handed Lee Jung-hoon his letter of appointment as ambassador-at-large for North "
     "Korean human rights on Wednesday.",
     [{"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "appointed", "date": "2016-10-12"}]),
]

# Eighth and ninth batches: written for the generalization round (background clauses, lists,
# council and mechanism phrasing); scored once before any rule was changed for them.
DOCS_H = [
    ("2019-05-10", None,
     "GENEVA, May 10 -- North Korea's human rights record was reviewed under the Universal Periodic Review on "
     "Thursday. Member states made 262 recommendations to Pyongyang, whose delegation rejected criticism of its "
     "prison camps. The country had last been examined by the UPR working group in May 2014.",
     [{"type": "mechanism_event", "mechanism": "upr_dprk", "event": "review_held", "date": "2019-05-09"},
      {"type": "mechanism_event", "mechanism": "upr_dprk", "event": "review_held", "date": "2014-05"}]),
    ("2017-12-12", None,
     "UNITED NATIONS, Dec. 11 -- The U.N. Security Council discussed human rights in North Korea on Monday for the "
     "fourth year in a row. Ten members voted in favour of holding the meeting, China, Russia and Bolivia voted "
     "against, and Egypt and Ethiopia abstained. Robert King, who served as U.S. special envoy for North Korean "
     "human rights from 2009 to 2017, attended as an observer.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "held", "date": "2017-12-11", "yes": 10, "no": 3, "abstain": 2},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "took_office", "date": "2009"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017"}]),
    ("2016-06-24", None,
     "The U.N. human rights office in Seoul, which opened in June 2015 to monitor abuses in North Korea, has "
     "interviewed more than 100 defectors, its head said. The office was set up on the recommendation of the "
     "commission of inquiry, whose report was released in February 2014. Officials said the office would expand "
     "next year.",
     [{"type": "mechanism_event", "mechanism": "ohchr_seoul", "event": "opened", "date": "2015-06"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "report_published", "date": "2014-02"}]),
    ("2018-10-01", None,
     "The U.S. North Korean Human Rights Act, first enacted in 2004, was reauthorized in 2008 and 2012. Last week "
     "the Senate passed a further extension by unanimous consent; the House had approved it in April. Advocates "
     "said the administration should appoint a new special envoy.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "enacted", "date": "2004"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "reauthorized", "date": "2008"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "reauthorized", "date": "2012"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_senate", "date": "2018-09"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_house", "date": "2018-04"}]),
    ("2018-06-26", None,
     "SEOUL, June 26 (Yonhap) -- The unification ministry has closed the office it had rented for the North Korean "
     "Human Rights Foundation, which has never been launched because parties failed to recommend directors. "
     "The ministry said it would reopen the office once the board is formed.",
     [{"type": "mechanism_event", "mechanism": "rok_nkhr_foundation", "event": "closed", "date": "2018-06"}]),
    ("2015-11-20", None,
     "The General Assembly's Third Committee on Thursday approved a resolution on human rights in North Korea by "
     "112 votes to 19, with 50 abstentions. The text was drafted by the European Union and Japan. South Korea "
     "joined the co-sponsors, as it has every year since 2008.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2015-11-19", "yes": 112, "no": 19, "abstain": 50},
      {"type": "state_position", "state": "eu", "instrument": "unga_dprk_hr_resolution", "year": 2015, "position": "cosponsored"},
      {"type": "state_position", "state": "japan", "instrument": "unga_dprk_hr_resolution", "year": 2015, "position": "cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2015, "position": "cosponsored"}]),
    ("2009-02-03", None,
     "Jay Lefkowitz, who was named special envoy for North Korean human rights in August 2005, left the post when "
     "the Bush administration ended last month. No successor has been named, and the State Department said a new "
     "envoy would be appointed soon.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "appointed", "date": "2005-08"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "left_office", "date": "2009-01"},
      {"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2009-01", "as_of": "2009-02-03"}]),
    ("2016-09-05", None,
     "South Korea's North Korean Human Rights Act took effect on Sunday, six months after the National Assembly "
     "passed it. The government plans to launch a foundation and a records center under the law.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "entered_into_force", "date": "2016-09-04"},
      {"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2016-03"}]),
]

DOCS_I = [
    ("2014-05-02", None,
     "Home | News | Asia\nShare this article\n\nGENEVA, May 1 (Reuters) - North Korea rejected accusations of torture and "
     "political prison camps on Thursday as its record came up for the Universal Periodic Review, the second time "
     "it has been examined under the process. Pyongyang's envoy said the findings of a U.N. commission of inquiry, "
     "which released its report in February, were fabricated.",
     [{"type": "mechanism_event", "mechanism": "upr_dprk", "event": "review_held", "date": "2014-05-01"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "report_published", "date": "2014-02"}]),
    ("2016-12-10", None,
     "UNITED NATIONS, Dec. 9 -- The Security Council held its third annual meeting on human rights in North Korea "
     "on Friday after a procedural vote of 9 to 5 with one abstention. China had argued the council was the wrong "
     "forum.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "held", "date": "2016-12-09", "yes": 9, "no": 5, "abstain": 1}]),
    ("2010-03-26", None,
     "The U.N. Human Rights Council on Thursday adopted a resolution condemning North Korea's human rights record "
     "by 28 votes to 5, with 13 abstentions. South Korea, which abstained on a similar text in 2005, voted in "
     "favour and joined the co-sponsors.",
     [{"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2010-03-25", "yes": 28, "no": 5, "abstain": 13},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2010, "position": "voted_yes"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2010, "position": "cosponsored"},
      # added after the first run: the 2005 abstention is stated (the first gold omitted it)
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2005, "position": "abstained"}]),
    ("2017-09-20", "Policy Forum",
     "The United States has had no special envoy for North Korean human rights since Robert King left in January. "
     "Congress should insist that the post be filled, and the administration should name a candidate this year.",
     [{"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2017-01", "as_of": "2017-09-20"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017-01"}]),
    ("2020-06-12", None,
     "South Korea's Unification Ministry said on Wednesday it would push for a law banning the sending of leaflets "
     "into North Korea. The ministry plans to submit a bill to the National Assembly, where the ruling party holds "
     "a majority.",
     []),
    ("2013-03-22", None,
     "The Human Rights Council on Thursday set up a commission of inquiry into North Korea's human rights abuses, "
     "adopting the resolution without a vote. Japan and the European Union presented the text.",
     [{"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "established", "date": "2013-03-21"},
      {"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2013-03-21", "method": "consensus"},
      {"type": "state_position", "state": "japan", "instrument": "unhrc_dprk_hr_resolution", "year": 2013, "position": "cosponsored"},
      {"type": "state_position", "state": "eu", "instrument": "unhrc_dprk_hr_resolution", "year": 2013, "position": "cosponsored"}]),
    ("2022-07-25", None,
     "Lee Shin-wha, a professor at Korea University, was appointed Seoul's ambassador for North Korean human rights "
     "on Monday, filling a post that had been empty since September 2017. Her predecessor, Lee Jung-hoon, served "
     "from 2016 to 2017.",
     [{"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_shin_wha", "event": "appointed", "date": "2022-07-25"},
      {"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "took_office", "date": "2016"},
      {"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "left_office", "date": "2017"},
      # added after the first run: "vacant until this event" is a vacancy (annotation.md)
      {"type": "post_vacancy", "post": "rok_ambassador_nkhr", "since": "2017-09", "as_of": "2022-07-25"}]),
    ("2023-10-10", None,
     "Human rights groups said China forcibly returned as many as 600 North Koreans on Monday, most of them women, "
     "shortly after the Asian Games ended. Beijing has said it would treat the cases according to law.",
     [{"type": "repatriation", "by": "china", "count": 600, "date": "2023-10-09"}]),
]

DOCS_J = [
    ("2009-09-25", None,
     "Skip to main content | Menu | Search\n\nPress Statement\n\nThe President today announced his intent to nominate "
     "Robert R. King as Special Envoy for North Korean Human Rights Issues. Mr. King served for 25 years as chief of "
     "staff to Congressman Tom Lantos. The position has been vacant since January.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "nominated", "date": "2009-09-25"},
      {"type": "post_vacancy", "post": "us_special_envoy_nkhr", "since": "2009-01", "as_of": "2009-09-25"}]),
    ("2015-06-24", None,
     "SEOUL, June 23 (Yonhap) -- The United Nations opened a field office in Seoul on Tuesday to monitor human rights "
     "in North Korea, despite threats from Pyongyang. The office was recommended by the U.N. commission of inquiry "
     "last year. North Korea called the opening a provocation.",
     [{"type": "mechanism_event", "mechanism": "ohchr_seoul", "event": "opened", "date": "2015-06-23"}]),
    ("2020-12-15", None,
     "South Korea's National Assembly on Monday passed a bill banning the sending of propaganda leaflets across the "
     "border, by 187 votes to 0, after the main opposition party ended a filibuster. Critics in Washington said the "
     "law would curb freedom of expression and called on President Moon Jae-in to veto it.",
     [{"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2020-12-14", "yes": 187, "no": 0}]),
    ("2019-11-18", None,
     "Seoul's decision to deport two North Korean fishermen on Nov. 7 drew criticism from rights groups. Days later "
     "South Korea declined to co-sponsor the annual U.N. resolution on North Korean human rights, for the first time "
     "in 11 years.",
     [{"type": "repatriation", "by": "rok", "count": 2, "date": "2019-11-07"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2019, "position": "not_cosponsored"}]),
    ("2021-12-17", None,
     "The U.N. General Assembly adopted a resolution on Thursday condemning human rights violations in North Korea, "
     "without a vote, for the 17th year in a row. The Security Council has not discussed the issue in an open "
     "meeting since 2017; Washington did not seek one this year.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2021-12-16", "method": "consensus"}]),
    ("2023-08-18", None,
     "The UN Security Council on Thursday held its first open meeting on human rights in North Korea since 2017. "
     "Elizabeth Salmon, the special rapporteur, who took up her mandate in August last year, briefed members. "
     "The United States, Japan and Albania had requested the session.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "held", "date": "2023-08-17"},
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "person": "elizabeth_salmon", "event": "took_office", "date": "2022-08"}]),
    ("2012-06-20", None,
     "The U.S. Senate on Monday passed by unanimous consent a bill reauthorizing the North Korean Human Rights Act "
     "through 2017. The House approved its version in May. The bill now goes to the president for his signature.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_senate", "date": "2012-06-18"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_house", "date": "2012-05"}]),
    ("2024-03-05", "Think tank commentary",
     "Seoul should press Beijing on forced repatriations, and the Security Council should hold an annual meeting on "
     "the issue. The government must also launch the North Korean Human Rights Foundation, which the 2016 law "
     "requires but which has never been set up.",
     []),
]

DOCS_K = [
    ("2017-01-20", None,
     "Share | Print | Email\n\nRobert King, who has served as the State Department's special envoy for North Korean "
     "human rights since November 2009, stepped down on Thursday as the Obama administration left office. His "
     "deputy will handle the portfolio until a successor is confirmed.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "took_office", "date": "2009-11"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "left_office", "date": "2017-01-19"}]),
    ("2018-12-12", None,
     "The Security Council will not hold its annual meeting on North Korean human rights this year after the United "
     "States failed to secure the nine votes needed, diplomats said. The council had met on the issue every December "
     "since 2014.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "blocked", "date": "2018-12"}]),
    ("2005-11-18", None,
     "The U.N. General Assembly's human rights committee on Thursday adopted a resolution criticizing North Korea, "
     "the first such text on the country in the Assembly, by a vote of 84 to 22 with 62 abstentions. South Korea "
     "abstained, citing its engagement policy, while Japan voted in favour.",
     [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2005-11-17", "yes": 84, "no": 22, "abstain": 62},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "abstained"},
      {"type": "state_position", "state": "japan", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "voted_yes"}]),
    ("2022-09-05", "Korea Herald",
     "Six years after South Korea's North Korean Human Rights Act took effect in September 2016, the foundation it "
     "mandated has yet to be launched. The ministry has said it will try again to fill the board.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "entered_into_force", "date": "2016-09"}]),
    ("2024-11-08", None,
     "GENEVA, Nov 7 - North Korea underwent its fourth Universal Periodic Review on Thursday, with dozens of states "
     "urging it to close prison camps. The Commission of Inquiry, which was established by the Human Rights Council "
     "in 2013, found crimes against humanity.",
     [{"type": "mechanism_event", "mechanism": "upr_dprk", "event": "review_held", "date": "2024-11-07"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "established", "date": "2013"}]),
    ("2016-03-03", None,
     "After 11 years of debate, the National Assembly passed the North Korean Human Rights Act on Wednesday by a vote "
     "of 212 to 0, with 24 abstentions. The bill was first introduced in 2005.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2016-03-02", "yes": 212, "no": 0},
      {"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "introduced", "date": "2005"}]),
    ("2023-07-28", None,
     "The Senate on Thursday confirmed Julie Turner as special envoy for North Korean human rights, filling a post "
     "left empty for more than six years. Turner had been nominated in January.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "julie_turner", "event": "confirmed", "date": "2023-07-27"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "julie_turner", "event": "nominated", "date": "2023-01"},
      {"type": "post_vacancy", "post": "us_special_envoy_nkhr", "as_of": "2023-07-27"}]),
    ("2012-04-02", "Human Rights Watch",
     "China should immediately stop forcibly returning North Koreans. In February, Chinese authorities sent back "
     "more than 30 people detained in Shenyang, despite appeals from Seoul.",
     [{"type": "repatriation", "by": "china", "count": 30, "date": "2012-02"}]),
]

DOCS_L = [
    ("2019-12-11", None,
     "Menu\nSearch\nSign in\n\nUnited States blocks annual UN meeting on North Korea rights, diplomats say\n\n"
     "UNITED NATIONS (Reuters) - The United States has decided not to request a Security Council meeting on human "
     "rights in North Korea this year, diplomats said on Tuesday, for the second year in a row. Such meetings were "
     "held every December from 2014 to 2017.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "blocked", "date": "2019-12"}]),
    ("2014-02-18", None,
     "GENEVA, Feb 17 - A United Nations commission of inquiry released a report on Monday accusing North Korea of "
     "crimes against humanity. The panel, set up by the Human Rights Council in March last year, is chaired by "
     "Michael Kirby, a retired Australian judge.",
     [{"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "report_published", "date": "2014-02-17"},
      {"type": "mechanism_event", "mechanism": "un_coi_dprk", "event": "established", "date": "2013-03"}]),
    ("2008-10-20", None,
     "WASHINGTON -- President George W. Bush last week signed into law the North Korean Human Rights Reauthorization "
     "Act of 2008, which extends the 2004 law through 2012 and makes the special envoy a full-time post. The House "
     "had passed the bill in July.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "reauthorized", "date": "2008-10"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_house", "date": "2008-07"}]),
    ("2021-03-24", None,
     "The U.N. Human Rights Council on Tuesday adopted by consensus a resolution extending the mandate of the special "
     "rapporteur on North Korea for another year. The text was presented by the European Union.",
     [{"type": "resolution_vote", "instrument": "unhrc_dprk_hr_resolution", "body": "un_hrc", "date": "2021-03-23", "method": "consensus"},
      {"type": "state_position", "state": "eu", "instrument": "unhrc_dprk_hr_resolution", "year": 2021, "position": "cosponsored"},
      # added after the first run: a mandate renewal is term_extended (as in the first batch); the first gold omitted it
      {"type": "post_event", "post": "un_special_rapporteur_dprk", "event": "term_extended", "date": "2021-03-23"}]),
    ("2020-04-30", "Daily NK",
     "Seoul's ambassador-at-large for North Korean human rights has been absent since Lee Jung-hoon's term ended in "
     "September 2017, and the government says it has no plans to name a replacement.",
     [{"type": "post_vacancy", "post": "rok_ambassador_nkhr", "since": "2017-09", "as_of": "2020-04-30"},
      {"type": "post_event", "post": "rok_ambassador_nkhr", "person": "lee_jung_hoon", "event": "left_office", "date": "2017-09"}]),
    ("2016-09-29", None,
     "SEOUL, Sept. 28 (Yonhap) -- The unification ministry on Wednesday opened the North Korean Human Rights Records "
     "Center, which will collect testimony from defectors, a day after the ministry launched a committee to prepare "
     "the foundation.",
     [{"type": "mechanism_event", "mechanism": "rok_nkhr_records_center", "event": "opened", "date": "2016-09-28"}]),
    ("2006-03-10", "Op-ed",
     "Jay Lefkowitz, named special envoy in August, has yet to visit Seoul. He should go soon, and he should press "
     "China, which sent back dozens of North Koreans in January alone, to let refugees reach South Korea.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "appointed", "date": "2005-08"},
      {"type": "repatriation", "by": "china", "date": "2006-01"}]),
]

DOCS_M = [
    ("2010-03-01", None,
     "Robert King, the U.S. special envoy for North Korean human rights, arrived in Seoul on Sunday for his first visit "
     "since the Senate confirmed him in November. He replaced Jay Lefkowitz, who held the job from 2005 to 2009.",
     [{"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "confirmed", "date": "2009-11"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "took_office", "date": "2005"},
      {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "jay_lefkowitz", "event": "left_office", "date": "2009"}]),
    ("2015-12-11", None,
     "UNITED NATIONS, Dec 10 (Reuters) - The U.N. Security Council on Thursday discussed human rights in North Korea "
     "for the second year running, after nine members voted in favour of holding the meeting and four against, with "
     "two abstentions.",
     [{"type": "council_meeting", "body": "un_sc", "outcome": "held", "date": "2015-12-10", "yes": 9, "no": 4, "abstain": 2}]),
    ("2019-05-03", "Opinion",
     "When Pyongyang goes before the Universal Periodic Review next week, states should press it on the prison camps. "
     "Seoul, which has cut funding for groups that send leaflets, should speak up too.",
     []),
    ("2022-11-17", None,
     "South Korea joined the co-sponsors of a U.N. resolution on North Korean human rights for the first time in "
     "four years, the foreign ministry said on Wednesday, after the General Assembly's Third Committee adopted the "
     "text without a vote.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2022, "position": "cosponsored"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2022-11-16", "method": "consensus"}]),
    ("2021-04-16", None,
     "The U.S. Congress's Tom Lantos Human Rights Commission held a hearing on Thursday on South Korea's law banning "
     "leaflet launches, which took effect last month. Seoul defended the law, which the National Assembly passed in "
     "December.",
     [{"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "entered_into_force", "date": "2021-03"},
      {"type": "instrument_event", "instrument": "rok_anti_leaflet_law_2020", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2020-12"}]),
    # as first written this document was dated 2023-09-27, before the return it reports (our error):
    # the date was corrected and the return added to gold after the first run
    ("2023-10-12", "Human Rights Watch",
     "China forcibly returned as many as 500 North Koreans on October 9. Beijing should end the practice. "
     "Earlier, in August, Chinese authorities sent back about 80 people.",
     [{"type": "repatriation", "by": "china", "count": 500, "date": "2023-10-09"},
      {"type": "repatriation", "by": "china", "count": 80, "date": "2023-08"}]),
]


# fourteenth batch: chamber passages, lapses and co-sponsorship wording (instrument_event, state_position)
DOCS_N = [
    ("2018-07-22", None,
     "The Senate on Thursday passed a reauthorization bill for the North Korean Human Rights Act of 2004 by unanimous "
     "consent, sending it to the president.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_senate", "date": "2018-07-19"}]),
    ("2022-10-05", None,
     "The act's authorizations lapsed at the end of September, and Congress has yet to renew the North Korean Human "
     "Rights Act of 2004.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "expired", "date": "2022-09"}]),
    ("2023-05-10", None,
     "A bipartisan group of lawmakers introduced a bill in the House in March to reauthorize the North Korean Human "
     "Rights Act of 2004, whose authorizations expired last year.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "introduced", "date": "2023-03"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "expired", "date": "2022"}]),
    ("2016-03-03", None,
     "South Korea's National Assembly on Wednesday passed the North Korean Human Rights Act by a vote of 212 to 0, "
     "with 24 abstentions, eleven years after the bill was first proposed.",
     [{"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "passed_chamber", "chamber": "rok_national_assembly", "date": "2016-03-02", "yes": 212, "no": 0},
      # "first proposed" states the introduction (undated); the gold as first written omitted it
      {"type": "instrument_event", "instrument": "rok_nkhra_2016", "event": "introduced"}]),
    ("2019-11-15", None,
     "South Korea did not join the co-sponsors of this year's U.N. General Assembly resolution on North Korean human "
     "rights. It had co-sponsored the resolution every year from 2016 to 2018.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2019, "position": "not_cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2016, "position": "cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2017, "position": "cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2018, "position": "cosponsored"}]),
    ("2005-11-18", None,
     "South Korea abstained on Thursday when the General Assembly's Third Committee adopted a resolution on North "
     "Korean human rights by 84 votes to 22, with 62 abstentions. China and Russia voted against the resolution.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "abstained"},
      {"type": "state_position", "state": "china", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "voted_no"},
      {"type": "state_position", "state": "russia", "instrument": "unga_dprk_hr_resolution", "year": 2005, "position": "voted_no"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2005-11-17", "yes": 84, "no": 22, "abstain": 62}]),
    ("2024-11-21", None,
     "Japan joined 60 other countries in co-sponsoring the annual General Assembly resolution on North Korean human "
     "rights, which the Third Committee adopted by consensus on Wednesday.",
     [{"type": "state_position", "state": "japan", "instrument": "unga_dprk_hr_resolution", "year": 2024, "position": "cosponsored"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2024-11-20", "method": "consensus"}]),
    ("2008-11-21", None,
     "For the first time, South Korea was among the co-sponsors of the General Assembly resolution on North Korean "
     "human rights this year.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2008, "position": "cosponsored"}]),
    ("2022-04-02", None,
     "South Korea stayed out of the co-sponsors of the Human Rights Council resolution on North Korea for a fourth "
     "consecutive year.",
     [{"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2022, "position": "not_cosponsored"}]),
]

# fifteenth batch, written after the fourteenth batch's fixes: fresh check of the same two fact types
DOCS_O = [
    ("2012-09-25", None,
     "The House of Representatives on Thursday approved a bill to reauthorize the North Korean Human Rights Act of "
     "2004 by a vote of 398 to 2.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "passed_chamber", "chamber": "us_house", "date": "2012-09-20", "yes": 398, "no": 2}]),
    ("2020-11-19", None,
     "South Korea again did not co-sponsor the Third Committee's resolution on North Korean human rights, which was "
     "adopted by consensus on Wednesday, though it joined the consensus.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2020, "position": "not_cosponsored"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2020-11-18", "method": "consensus"}]),
    ("2007-11-21", None,
     "South Korea abstained when the General Assembly's Third Committee voted 97 to 23, with 60 abstentions, to adopt "
     "a resolution on North Korean human rights on Tuesday.",
     [{"type": "state_position", "state": "rok", "instrument": "unga_dprk_hr_resolution", "year": 2007, "position": "abstained"},
      {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga_third_committee", "date": "2007-11-20", "yes": 97, "no": 23, "abstain": 60}]),
    ("2023-04-05", None,
     "South Korea co-sponsored the Human Rights Council resolution on North Korea this year for the first time in five "
     "years, after staying off the list of co-sponsors from 2019 to 2022.",
     [{"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2023, "position": "cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2019, "position": "not_cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2020, "position": "not_cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2021, "position": "not_cosponsored"},
      {"type": "state_position", "state": "rok", "instrument": "unhrc_dprk_hr_resolution", "year": 2022, "position": "not_cosponsored"}]),
    ("2024-10-02", None,
     "The North Korean Human Rights Act of 2004 expired two years ago, and a reauthorization bill introduced in the "
     "House last year has not been voted on.",
     [{"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "expired", "date": "2022"},
      {"type": "instrument_event", "instrument": "us_nkhra_2004", "event": "introduced", "date": "2023"}]),
]

def _agree(g, p):
    if g is None:
        return True
    if p is None:
        return False
    return g.startswith(p) or p.startswith(g)


def _match(g, p):
    if g["type"] != p["type"]:
        return False
    t = g["type"]
    if t == "post_event":
        ok = g["post"] == p.get("post") and g["event"] == p.get("event") and _agree(g.get("date"), p.get("date"))
        if "person" in g:
            ok = ok and g["person"] == p.get("person")
        return ok
    if t == "post_vacancy":
        return g["post"] == p.get("post")
    if t == "instrument_event":
        return (g["instrument"] == p.get("instrument") and g["event"] == p.get("event") and _agree(g.get("date"), p.get("date"))
                and (g["event"] != "passed_chamber" or g.get("chamber") == p.get("chamber")))
    if t == "resolution_vote":
        return (g["instrument"] == p.get("instrument") and g["body"] == p.get("body")
                and (g.get("date") or "")[:4] == (p.get("date") or "")[:4]
                and all(g[k] == p.get(k) for k in ("yes", "no", "abstain") if k in g))
    if t == "state_position":
        return all(g[k] == p.get(k) for k in ("state", "instrument", "year", "position"))
    if t == "council_meeting":
        return g["outcome"] == p.get("outcome") and _agree(g.get("date"), p.get("date"))
    if t == "mechanism_event":
        return g["mechanism"] == p.get("mechanism") and g["event"] == p.get("event") and _agree(g.get("date"), p.get("date"))
    if t == "repatriation":
        if g["by"] != p.get("by") or not _agree(g.get("date"), p.get("date")):
            return False
        return "count" not in g or (p.get("count") is not None and abs(p["count"] - g["count"]) <= 0.1 * g["count"])
    return False


def score_heldout(ex, docs=None):
    """(tp, fp, fn, errors) of extraction over DOCS (or the given documents)."""
    tp = fp = fn = 0
    report = []
    for published, outlet, text, gold in (DOCS if docs is None else docs):
        ctx = DocContext(text=text, sdoc=ex.nlp(text), published=published, pack=ex.pack, outlet=outlet)
        ctx.mentions = link_mentions(ctx)
        pred = [f.to_json() for f in extract_facts(ctx)]
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and _match(g, p)), None)
            if hit is None:
                fn += 1
                report.append(("miss", g))
            else:
                used.add(hit)
                tp += 1
        for i, p in enumerate(pred):
            if i not in used:
                fp += 1
                report.append(("fp", {k: v for k, v in p.items() if k != "evidence"}))
    return tp, fp, fn, report


@pytest.fixture(scope="module")
def scores():
    from nkmonitor.analyze import Extractor

    return score_heldout(Extractor())


def test_heldout_precision_and_recall(scores):
    tp, fp, fn, report = scores
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn)
    # first run, before any rule was changed for these documents: P 0.81, R 0.81
    assert precision >= 0.85, (precision, report)
    assert recall >= 0.75, (recall, report)


def test_second_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_B)
    # first run, before any rule was changed for these documents: P 0.80, R 0.40
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.7, report


def test_third_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_C)
    # first run, before any rule was changed for these documents: P 0.88, R 0.64
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_fourth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_D)
    # first run, before any rule was changed for these documents: P 0.75, R 0.50
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_fifth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_E)
    # first run, before any rule was changed for these documents: P 1.00, R 0.58
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_sixth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_F)
    # first run: P 1.00, R 1.00 (8 gold facts)
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_seventh_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_G)
    # first run, before any rule was changed for these documents: P 0.92, R 0.85
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_eighth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_H)
    # first run, before any rule was changed for these documents: P 0.79, R 0.50 (22 gold facts)
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.7, report


def test_ninth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_I)
    # first run (after the eighth batch's fixes): P 0.75, R 0.56 against the gold as first written;
    # two of the three false positives were true facts that gold omitted (marked below):
    # against the corrected gold P 0.92, R 0.61 (18 gold facts)
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_tenth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_J)
    # first run (after the eighth and ninth batches' fixes): P 1.00, R 0.64 (11 gold facts)
    assert tp / (tp + fp) >= 0.85 and tp / (tp + fn) >= 0.75, report


def test_eleventh_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_K)
    # first run (after the tenth batch's fixes): P 1.00, R 0.87 (15 gold facts)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.85, report


def test_twelfth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_L)
    # first run (after the eleventh batch's fixes): P 0.88, R 0.58 against the gold as first written;
    # the one false positive was a stated mandate renewal the gold omitted: corrected P 1.00, R 0.62 (13 facts)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.8, report


def test_thirteenth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_M)
    # first run (no rule changed for it): P 0.90, R 1.00 (10 gold facts); the one false positive came from our
    # own error (a document dated before the return it reports), corrected as marked
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, report


def test_fourteenth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_N)
    # first run (no rule changed for it): P 0.86, R 0.71 against the gold as first written (17 facts); one of the
    # two false positives was a stated introduction ("first proposed") the gold omitted: corrected P 0.93, R 0.72 (18 facts)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, report


def test_fifteenth_batch():
    from nkmonitor.analyze import Extractor

    tp, fp, fn, report = score_heldout(Extractor(), DOCS_O)
    # first run (after the fourteenth batch's fixes, none made for it): P 1.00, R 0.58 (12 facts); the misses were a
    # participle clause whose subject the parse lost ("after staying off the list ... from 2019 to 2022") and a
    # committee tally in "voted 97 to 23, with 60 abstentions, to adopt" (resolution_vote, still missed)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.9, report
