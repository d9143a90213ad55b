"""Constructions of real news, each backed by at least two sentences of our own with different words.

One table per family of rules; each row names the construction it tests.
Names are mostly invented; where a real actor appears, the sentence is ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from kg.sources.parse import parse_text

if TYPE_CHECKING:
    from kg.extraction.pipeline import Extraction

pytestmark = pytest.mark.model


def extraction(text: str) -> Extraction:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text(text, article_id="t")])
    return ex


def facts(text: str) -> set[tuple[str, str, str]]:
    ex = extraction(text)
    return {(ex.entities[t.subject].label, t.relation, ex.entities[t.object].label) for t in ex.triples}


def check(text: str, must: set, must_not: set) -> None:
    got = facts(text)
    assert must <= got, f"missing {must - got}; got {got}"
    assert not (must_not & got), f"wrong {must_not & got}"


ROLES = [
    pytest.param("Chinese leader Xi Jinping met US President Joe Biden on Wednesday. \"I thank President Xi,\" "
                 "Mr Biden said.", {("Xi Jinping", "leads", "Chinese Government")},
                 {("Xi Jinping", "leads", "US Government")}, id="a-nations-leader-by-its-adjective-1"),
    pytest.param("Russian leader Vladimir Putin spoke to reporters. Opposition leader Anna Weber did not.",
                 {("Vladimir Putin", "leads", "Russian Government")}, {("Anna Weber", "leads", "Russian Government")},
                 id="a-nations-leader-by-its-adjective-2"),
    pytest.param("Oregon Governor Tina Kotek signed the privacy bill.",
                 {("Tina Kotek", "leads", "Government of Oregon")}, set(), id="governor-of-a-state-in-the-title"),
    pytest.param("Reserve Bank of Australia Governor Michele Bullock spoke on Tuesday.",
                 {("Michele Bullock", "leads", "Reserve Bank of Australia")}, set(), id="governor-of-a-bank"),
    pytest.param("Gov. Tina Kotek signed the privacy bill.", set(),
                 {("Tina Kotek", "leads", "US Government")}, id="a-governor-leads-no-national-government"),
    pytest.param("The TASS news agency quoted Russian Defence Ministry Spokesman Igor Belov as saying drills ended.",
                 {("Igor Belov", "memberOf", "Russian Defence Ministry")}, set(), id="body-beside-title-on-name-1"),
    pytest.param("Reuters quoted Indian Foreign Ministry Spokesman Ravi Menon as saying the ban stays.",
                 {("Ravi Menon", "memberOf", "Indian Foreign Ministry")}, set(), id="body-beside-title-on-name-2"),
    pytest.param("Lena Okafor, the founder and CEO of the chat app Zeta Chat, spoke to investors.",
                 {("Lena Okafor", "leads", "Zeta Chat")}, set(), id="coordinated-titles-share-of-1"),
    pytest.param("Jo Marsh, the co-owner and chief executive of Zentrix Labs, declined to comment.",
                 {("Jo Marsh", "leads", "Zentrix Labs")}, set(), id="coordinated-titles-share-of-2"),
    pytest.param("The Justice Department sued Live Nation, the owner of Ticketmaster, on Thursday.",
                 {("Live Nation", "owns", "Ticketmaster")}, set(), id="apposition-read-as-second-object-1"),
    pytest.param("Investigators questioned Zeta Chat, Quorvane and Mira Live about the leak.", set(),
                 {("Zeta Chat", "owns", "Quorvane")}, id="a-list-of-objects-is-no-apposition"),
    pytest.param("South Korea's industry ministry has restricted staff access to the chatbot Qwixel.",
                 {("South Korean Industry Ministry", "partOf", "South Korean Government")}, set(),
                 id="ministry-named-by-its-country-possessive"),
    pytest.param("The Canadian foreign ministry summoned the envoy on Monday.",
                 {("Canadian Foreign Ministry", "partOf", "Canadian Government")}, set(),
                 id="ministry-named-by-its-country-adjective"),
    pytest.param("Anthropic CEO Dario Amodei wrote to lawmakers on Tuesday.",
                 {("Dario Amodei", "leads", "Anthropic")}, set(), id="org-name-in-title-1"),
    pytest.param("Quorvane Systems CEO Lina Ostrova announced the layoffs.",
                 {("Lina Ostrova", "leads", "Quorvane Systems")}, set(), id="org-name-in-title-2"),
    pytest.param("French President Emmanuel Macron said the arrest was not political.",
                 {("Emmanuel Macron", "leads", "French Government")}, set(), id="country-adjective-title-1"),
    pytest.param("Japanese Prime Minister Shigeru Ishiba met executives in Tokyo.",
                 {("Shigeru Ishiba", "leads", "Japanese Government")}, set(), id="country-adjective-title-2"),
    pytest.param("EU trade chief Maros Sefcovic warned the companies on Friday.",
                 {("Maros Sefcovic", "memberOf", "European Union")}, {("Maros Sefcovic", "leads", "European Union")},
                 id="portfolio-noun-before-title-1"),
    pytest.param("Lotta Berg, the EU's digital commissioner, met the platforms.",
                 {("Lotta Berg", "memberOf", "European Commission"), ("Lotta Berg", "memberOf", "European Union")},
                 set(), id="a-title-naming-the-unions-executive-1"),
    pytest.param("EU Justice Commissioner Karel Hanus defended the rules.",
                 {("Karel Hanus", "memberOf", "European Commission")}, set(),
                 id="a-title-naming-the-unions-executive-2"),
    pytest.param("Meta's policy chief Jana Vrba defended the rules.",
                 {("Jana Vrba", "memberOf", "Meta")}, {("Jana Vrba", "leads", "Meta")},
                 id="portfolio-noun-before-title-2"),
    pytest.param("Ruth Kemp, executive director of the Open Rights Group, criticised the bill.",
                 {("Ruth Kemp", "leads", "Open Rights Group")}, set(), id="executive-director-leads-1"),
    pytest.param("Tomas Ferreira, the executive director of the Electronic Frontier Foundation, spoke first.",
                 {("Tomas Ferreira", "leads", "Electronic Frontier Foundation")}, set(),
                 id="executive-director-leads-2"),
    pytest.param("Professor Ada Lindqvist, an adjunct professor at Columbia Business School, said it was unwise.",
                 {("Ada Lindqvist", "memberOf", "Columbia Business School")}, set(), id="professor-at-1"),
    pytest.param("Kenji Mori, a partner at the law firm Crowell & Moring, said the case was weak.",
                 {("Kenji Mori", "memberOf", "Crowell & Moring")}, set(), id="partner-at-2"),
    pytest.param("Maria Lopez, a partner in law firm Baker & Lane's privacy group, said the case was weak.",
                 {("Maria Lopez", "memberOf", "Baker & Lane")}, {("Maria Lopez", "partOf", "Baker & Lane")},
                 id="partner-in-a-firms-group"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ROLES)
def test_roles(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


AFFILIATIONS = [
    pytest.param("Karen Voss, a Democrat who chairs a budget panel, wrote to the agency.",
                 {("Karen Voss", "memberOf", "Democratic Party")}, set(), id="member-noun-apposition-1"),
    pytest.param("Derek Holm, a Republican from Ohio, agreed with the plan.",
                 {("Derek Holm", "memberOf", "Republican Party")}, set(), id="member-noun-apposition-2"),
    pytest.param("The motion came from Senators Alice Brand (R-UT) and Tomas Reyes (D-NM) last week.",
                 {("Alice Brand", "memberOf", "Republican Party"),
                  ("Tomas Reyes", "memberOf", "Democratic Party")}, set(), id="us-party-tag-1"),
    pytest.param("Congresswoman Nadia Park, D-Fresno, welcomed the report.",
                 {("Nadia Park", "memberOf", "Democratic Party")}, set(), id="us-party-tag-2"),
    pytest.param("Republican Senator Paul Dunne asked the agency to explain itself.",
                 {("Paul Dunne", "memberOf", "Republican Party")}, set(), id="party-adjective-before-title-1"),
    pytest.param("Democratic Representative Raja Krishnamoorthi called the deal reckless.",
                 {("Raja Krishnamoorthi", "memberOf", "Democratic Party")}, set(),
                 id="party-adjective-before-title-2"),
    # A report about one country quoting another's politicians: the member noun reads in a country it names.
    pytest.param("The British government ordered the firm to open its files. The UK government says the order is "
                 "lawful. Two US lawmakers objected. Mark Dunn, a Democrat on the Senate Banking Committee, said the "
                 "order must go.", {("Mark Dunn", "memberOf", "Democratic Party")}, set(),
                 id="member-noun-of-another-named-country-1"),
    pytest.param("France's government praised the ruling, and the French government said it would appeal. A "
                 "US senator disagreed: Lena Ortiz, a Republican from Utah, called it a mistake.",
                 {("Lena Ortiz", "memberOf", "Republican Party")}, set(),
                 id="member-noun-of-another-named-country-2"),
    # ...but not in a country the article never names.
    pytest.param("The Irish government backed the plan. The Irish government says it is fair. Sean Kerr, a "
                 "Republican, opposed it.", set(), {("Sean Kerr", "memberOf", "Republican Party")},
                 id="member-noun-of-no-named-country"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), AFFILIATIONS)
def test_affiliations(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


LEGISLATURES = [
    pytest.param("US Senator Dana Pell questioned the witnesses.",
                 {("Dana Pell", "memberOf", "United States Senate")}, {("Dana Pell", "memberOf", "US Government")},
                 id="country-in-a-legislator-title-1"),
    pytest.param("British MP Ada Lowe tabled the amendment on Monday.",
                 {("Ada Lowe", "memberOf", "House of Commons of the United Kingdom")}, set(),
                 id="country-in-a-legislator-title-2"),
    pytest.param("In the US, the Senate Banking committee questioned Orbis Pay executives on Tuesday.",
                 {("Senate Banking committee", "partOf", "United States Senate")}, set(),
                 id="committee-named-after-its-chamber-1"),
    pytest.param("Tom Voss chairs the U.S. House of Representatives Committee on Energy and Commerce.",
                 {("U.S. House of Representatives Committee on Energy and Commerce", "partOf",
                   "United States House of Representatives")}, set(), id="committee-named-after-its-chamber-2"),
    pytest.param("The US Senate held a hearing on Tuesday. Senators Alice Brand and Tomas Reyes asked the questions.",
                 {("Alice Brand", "memberOf", "United States Senate"),
                  ("Tomas Reyes", "memberOf", "United States Senate")}, set(), id="plural-title-named-chamber-1"),
    pytest.param("The UK House of Commons debated the Online Safety Act, and MP Dawn Hollis objected.",
                 {("Dawn Hollis", "memberOf", "House of Commons of the United Kingdom")}, set(),
                 id="title-named-chamber-2"),
    pytest.param("Ohio state senator Mark Ellery drafted a privacy bill for the governor.",
                 set(), {("Mark Ellery", "memberOf", "United States Senate")}, id="unnamed-chamber-not-guessed"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), LEGISLATURES)
def test_legislature_titles(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


FRAMES = [
    pytest.param("The European Commission slapped Google with a record fine on Friday.",
                 {("European Commission", "fines", "Google")}, set(), id="with-instrument-1"),
    pytest.param("Ofcom hit Quorvane Labs with a penalty for weak age checks.",
                 {("Ofcom", "fines", "Quorvane Labs")}, set(), id="with-instrument-2"),
    pytest.param("Zentrix Labs came under fire from the Federal Trade Commission over its data deals.",
                 {("Federal Trade Commission", "criticises", "Zentrix Labs")},
                 {("Zentrix Labs", "criticises", "Federal Trade Commission")}, id="patient-light-verb-1"),
    pytest.param("Meta received a corrective order from the Korea Fair Trade Commission in May.",
                 {("Korea Fair Trade Commission", "orders", "Meta")},
                 {("Meta", "orders", "Korea Fair Trade Commission")}, id="patient-light-verb-2"),
    pytest.param("TikTok drew criticism from Ofcom after the outage.",
                 {("Ofcom", "criticises", "TikTok")}, set(), id="patient-light-verb-3"),
    pytest.param("A group of authors took Anthropic to court last year.",
                 set(), set(), id="took-to-court-no-named-subject"),
    pytest.param("Sarah Silverman took OpenAI to court in New York.",
                 {("Sarah Silverman", "sues", "OpenAI")}, set(), id="took-to-court"),
    pytest.param("Microsoft and Activision said they intend to appeal the CMA's ruling.",
                 {("Microsoft", "opposes", "Competition and Markets Authority")},
                 {("Microsoft", "urges", "Competition and Markets Authority")}, id="infinitive-to-is-no-preposition"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), FRAMES)
def test_frames_and_idioms(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


IMPLIED = [
    # A stance phrase of a verb and a preposition toward a decision is a stance toward its maker.
    pytest.param("Ofcom fined Reddit. Reddit hit out at the decision.", {("Reddit", "criticises", "Ofcom")}, set(),
                 id="stance-phrase-toward-a-decision-1"),
    pytest.param("The CNIL fined Amazon in June. Amazon pushed back against the ruling.",
                 {("Amazon", "opposes", "CNIL")}, set(), id="stance-phrase-toward-a-decision-2"),
    pytest.param("The Garante fined TikTok. TikTok disagreed with the decision.",
                 {("TikTok", "opposes", "Italian Data Protection Authority")}, set(),
                 id="stance-phrase-toward-a-decision-3"),
    # A ruling is made by one who rules on cases (a court, a judge, a regulator), never by a prosecutor.
    pytest.param("The DOJ sued Apple in March. On Friday, Judge Ana Ruiz found Apple in contempt. Apple "
                 "disagreed with the ruling.", {("Apple", "opposes", "Ana Ruiz")},
                 {("Apple", "opposes", "US Department of Justice")},
                 id="a-ruling-is-no-prosecutors"),
    pytest.param("The Korea Fair Trade Commission opened a case against Kinmira Inc in March. "
                 "Kinmira Inc was fined 20 billion won on Monday.",
                 {("Korea Fair Trade Commission", "fines", "Kinmira Inc")}, set(), id="agentless-passive-1"),
    pytest.param("Ofcom investigated Zeta Chat for a year. Zeta Chat has now been banned for minors.",
                 {("Ofcom", "bans", "Zeta Chat")}, set(), id="agentless-passive-2"),
    pytest.param("Zeta Chat was fined on Monday.", set(), set(), id="agentless-passive-no-enforcer-no-guess"),
    pytest.param("The Communications Authority of Kenya said on Sunday that Zeta Chat had been suspended for a week.",
                 {("Communications Authority of Kenya", "bans", "Zeta Chat")}, set(), id="agentless-passive-told-of-1"),
    pytest.param("The Cyberspace Administration of China issued a notice announcing that Kinmira Labs is barred from "
                 "state projects.", {("Cyberspace Administration of China", "bans", "Kinmira Labs")}, set(),
                 id="agentless-passive-told-of-2"),
    pytest.param("Orbis Pay said Zeta Chat had been blocked.", set(), {("Orbis Pay", "bans", "Zeta Chat")},
                 id="agentless-passive-told-of-by-no-enforcer"),
    pytest.param("The European Commission fined Apple. Apple said it would appeal.",
                 {("Apple", "opposes", "European Commission")}, set(), id="appeal-without-object"),
    pytest.param("The Irish Data Protection Commission fined TikTok on Friday. TikTok said it would appeal the "
                 "decision.", {("TikTok", "opposes", "Irish Data Protection Commission")}, set(),
                 id="stance-toward-decision-1"),
    pytest.param("Ofcom banned Zeta Chat for minors. Campaigners at the Molly Rose Foundation welcomed the move.",
                 {("Molly Rose Foundation", "supports", "Ofcom")}, {("Zeta Chat", "supports", "Ofcom")},
                 id="stance-toward-decision-2"),
    pytest.param("Kinmira Labs disputed the penalty levied by the Federal Trade Commission.",
                 {("Kinmira Labs", "opposes", "Federal Trade Commission")}, set(), id="decision-with-own-agent"),
    pytest.param("Ofcom gave TikTok two weeks to fix its age checks.",
                 {("Ofcom", "orders", "TikTok")}, set(), id="deadline-active"),
    pytest.param("Ofcom fined Kinmira Labs. The firm was granted ninety days to delete the records.",
                 {("Ofcom", "orders", "Kinmira Labs")}, set(), id="deadline-passive"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), IMPLIED)
def test_implied_actors(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def entities(text: str) -> dict[str, tuple[str, set[str]]]:
    return {e.label: (e.type, e.aliases) for e in extraction(text).entities}


INSTITUTIONS = [
    pytest.param("South Korea's industry ministry restricted access to Zeta Chat on Monday.",
                 {("South Korean Industry Ministry", "bans", "Zeta Chat")}, set(), id="minted-ministry-by-country"),
    pytest.param("Japan's trade ministry banned Kinmira Labs from bidding.",
                 {("Ministry of Economy, Trade and Industry", "bans", "Kinmira Labs")}, set(),
                 id="registry-ministry-by-field"),
    pytest.param("Italy's data protection authority fined Zeta Chat. The Italian data watchdog had warned it.",
                 {("Italian Data Protection Authority", "fines", "Zeta Chat")}, set(),
                 id="registry-institution-by-field"),
    pytest.param("Spain's data watchdog opened an investigation into Orbis Pay on Tuesday.",
                 {("Spanish Data Protection Agency", "investigates", "Orbis Pay")}, set(),
                 id="field-word-read-as-written-not-as-lemma"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INSTITUTIONS)
def test_institutions_named_by_description(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_minted_institution_answers_to_its_description() -> None:
    got = entities("South Korea's defence ministry blocked Zeta Chat. Later the defence ministry lifted the block.")
    typ, aliases = got["South Korean Defence Ministry"]
    assert typ == "GovernmentBody" and "defence ministry" in aliases


POSSESSIVES = [
    pytest.param("Ofcom sued Quorvane Systems and its chief executive Mira Sand in May.",
                 {("Mira Sand", "leads", "Quorvane Systems")}, {("Mira Sand", "leads", "Ofcom")},
                 id="its-in-a-pair-is-the-first-named-1"),
    pytest.param("The FTC fined Acme Labs, a maker of smart locks, and its boss Dario Fenn.",
                 {("Dario Fenn", "leads", "Acme Labs")}, {("Dario Fenn", "leads", "Federal Trade Commission")},
                 id="its-in-a-pair-is-the-first-named-2"),
    # The parser may hang the possessive on the name, not on the title before it.
    pytest.param("Regulators said Bitvale, the biggest crypto exchange in Asia, and its chief executive Lena "
                 "Moritz, hid client losses.", {("Lena Moritz", "leads", "Bitvale")}, set(),
                 id="its-before-a-titled-name"),
    pytest.param("Google and its chief executive Sundar Pichai were named in the suit.",
                 {("Sundar Pichai", "leads", "Google")}, set(), id="its-before-a-titled-name-2"),
    pytest.param("Ofcom has fined Instagram parent firm Meta 5 million pounds over the breach.",
                 {("Ofcom", "fines", "Meta")}, {("Ofcom", "fines", "Instagram")},
                 id="titled-apposition-is-the-referent-1"),
    pytest.param("The Garante fined WhatsApp owner company Meta 3 million euros on Monday.",
                 {("Italian Data Protection Authority", "fines", "Meta")},
                 {("Italian Data Protection Authority", "fines", "WhatsApp")},
                 id="titled-apposition-is-the-referent-2"),
    pytest.param("Elon Musk, the owner of the X platform, said ministers wanted to block his website.",
                 set(), {("UK Government", "bans", "Elon Musk")}, id="possessed-thing-is-not-its-owner-1"),
    pytest.param("Ofcom told the company to pause its assistant.", set(), {("Ofcom", "bans", "Ofcom")},
                 id="possessed-thing-is-not-its-owner-2"),
    pytest.param("Naver Corp warned users about Zeta Chat before its deal with OpenAI.",
                 {("Naver", "cooperatesWith", "OpenAI")}, {("Zeta Chat", "cooperatesWith", "OpenAI")},
                 id="possessive-pronoun-means-its-own-subject"),
    pytest.param("Naver Corp said its deal with Samsung would stand.",
                 {("Naver", "cooperatesWith", "Samsung Electronics")}, set(), id="company-suffix-joins-the-name"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), POSSESSIVES)
def test_possessives(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_news_agency_is_a_media_outlet() -> None:
    assert entities("The Yonhap News Agency reported the ban on Friday.")["Yonhap News Agency"][0] == "MediaOutlet"


@pytest.mark.parametrize(("text", "name", "typ", "alias"), [
    pytest.param("The opposition Democratic Reform Union (DRU) party walked out of parliament on Tuesday.",
                 "Democratic Reform Union", "PoliticalParty", "DRU", id="name-acronym-party"),
    pytest.param("Talks between the National Renewal Alliance (NRA) and the Popular Unity Front (PUF) party "
                 "broke down.",
                 "Popular Unity Front", "PoliticalParty", "PUF", id="another-name-acronym-party"),
])
def test_a_name_the_word_party_follows_is_a_party_and_its_acronym_an_alias(text: str, name: str, typ: str,
                                                                            alias: str) -> None:
    got = entities(text)
    assert got[name][0] == typ and alias in got[name][1], got
    assert not any("(" in label for label in got), got


def test_a_government_lists_its_fuller_names_before_its_countrys() -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text("The Nigerian government blocked Zeta Chat on Monday. Nigeria had warned the "
                                         "firm in March.", article_id="t")])
    (gov,) = [e for e in ex.to_json()["entities"] if e["type"] == "GovernmentBody"]
    assert gov["label"] == "Nigerian Government", gov  # labelled as the registry labels governments
    assert gov["aliases"].index("Government of Nigeria") < gov["aliases"].index("Nigeria") < \
        gov["aliases"].index("the Nigerian government"), gov


APPOSITIVE_TYPES = [
    pytest.param("Italy's privacy regulator, Privacor, fined the company.", "Privacor", "Regulator",
                 id="appositive-description-1"),
    pytest.param("TASS, the Russian news agency, quoted the minister.", "TASS", "MediaOutlet",
                 id="appositive-news-agency"),
    pytest.param("Kenji Mori, a partner at the law firm Crowell & Moring, spoke.", "Crowell & Moring", "Company",
                 id="compound-law-firm"),
    pytest.param("The SEC sued crypto exchange Coinbase on Tuesday.", "Coinbase", "Platform", id="compound-exchange"),
]


@pytest.mark.parametrize(("text", "label", "typ"), APPOSITIVE_TYPES)
def test_descriptions_type_the_names_they_stand_beside(text: str, label: str, typ: str) -> None:
    assert entities(text)[label][0] == typ


RECOGNITION = [
    pytest.param("The deal was first reported by CNBC News, and the founder later told CNBC it was done.",
                 {"CNBC": "MediaOutlet"}, id="an-outlet-under-its-variant-name"),
    pytest.param("Ofcom fined a firm in Nepal on Thursday.", {"Nepal": "Country"}, id="state-the-ner-missed"),
    # A name the NER read as a place, with a description beside it saying what it is.
    # An institution's name the NER missed, in running text (not a title-case headline).
    pytest.param("On Monday the Seoul High Court ruled against the carrier.", {"Seoul High Court": "Court"},
                 id="an-institution-the-ner-missed-1"),
    pytest.param("The Tokyo District Court fined the firm.", {"Tokyo District Court": "Court"},
                 id="an-institution-the-ner-missed-2"),
    pytest.param("Watchdog Hits Carrier With Record Penalty After Appeals Court Ruling",
                 {"Record Penalty After Appeals Court": None, "Appeals Court": None},
                 id="no-institution-from-a-title-case-headline"),
    # A name the NER left unlabelled, made a party by its clause; not a word capitalised to open a sentence.
    pytest.param("Walmart, which owns Flipkart, reported higher profits.",
                 {"Walmart": "Organisation", "Flipkart": "Organisation"}, id="an-unlabelled-name-in-a-clause-1"),
    pytest.param("Pfizer agreed to pay 5 million dollars to settle a lawsuit brought by Ohio.",
                 {"Pfizer": "Organisation"}, id="an-unlabelled-name-in-a-clause-2"),
    pytest.param("Prosecutors in New York charged the banker with fraud.", {"Prosecutors": None},
                 id="a-word-opening-a-sentence-is-no-name"),
    pytest.param("Naver Corp warned users about Zeta Chat.", {"Corp": None}, id="a-name-tail-is-no-name"),
    pytest.param("Officials said Bithumb, the largest crypto exchange in the region, misled investors.",
                 {"Bithumb": "Platform"}, id="a-described-name-the-ner-read-as-a-place-1"),
    pytest.param("The SEC sued Novaria, a payments company based in Ohio, in March.",
                 {"Novaria": "Company"}, id="a-described-name-the-ner-read-as-a-place-2"),
    pytest.param("Germany's Chancellor Olaf Scholz criticised the decision.", {"Olaf Scholz": "Person"},
                 id="a-title-before-a-name-the-ner-read-as-an-organisation-1"),
    pytest.param("Austria's Chancellor Karl Nehammer backed the plan on Friday.", {"Karl Nehammer": "Person"},
                 id="a-title-before-a-name-the-ner-read-as-an-organisation-2"),
    pytest.param("Regulators banned platforms including Zeta Chat and Quorvane on Friday.",
                 {"Zeta Chat": "Platform", "Quorvane": "Platform"}, id="including-list-under-class-noun"),
    pytest.param("Facebook, TikTok, Viblo, Wizzle and Mira Live have filed their papers.",
                 {"Viblo": "Platform", "Wizzle": "Platform", "Mira Live": "Platform"}, id="list-members-typed-alike"),
    pytest.param("Gavin Newsom vetoed SB 1047 on Sunday, and Texas passed HB 20.",
                 {"SB 1047": "Legislation", "HB 20": "Legislation"}, id="bill-numbers"),
    pytest.param("The commission found that Google broke the Antimonopoly Law.",
                 {"Antimonopoly Law": "Legislation"}, id="capitalised-law-name"),
]


@pytest.mark.parametrize(("text", "types"), RECOGNITION)
def test_recognition(text: str, types: dict[str, str]) -> None:
    got = {label: typ for label, (typ, _) in entities(text).items()}
    assert {k: got.get(k) for k in types} == types, got


def test_an_unknown_country_acts_through_its_government() -> None:
    got = facts("Nepal banned TikTok on Thursday.")
    assert ("Nepali Government", "bans", "TikTok") in got


SPEECH = [
    # A law said to be bad is criticised (never accused), whoever says so.
    pytest.param("Maria Keller said the Online Safety Act was deeply flawed.",
                 {("Maria Keller", "criticises", "Online Safety Act")}, set(), id="negative-cue-about-a-law"),
    pytest.param('"The Data Retention Act is a disaster," the Data Agency said on Monday.',
                 {("Data Agency", "criticises", "Data Retention Act")},
                 {("Data Agency", "accuses", "Data Retention Act")}, id="negative-cue-about-a-law-by-an-enforcer"),
    # A state act named by its noun ("the arrest of X by Y") is its doer's, as a decision is its maker's.
    pytest.param("Maria Keller condemned the arrest of John Hartley by the Data Agency.",
                 {("Maria Keller", "criticises", "Data Agency")}, set(), id="act-noun-by-its-doer"),
    pytest.param("Vexa Labs welcomed the shutdown of Zeta Chat by the Trade Agency on Friday.",
                 {("Vexa Labs", "supports", "Trade Agency")}, set(), id="act-noun-by-its-doer-welcomed"),
    pytest.param("Maria Keller warned that Vexa Labs was endangering children.",
                 {("Maria Keller", "criticises", "Vexa Labs")}, set(), id="negative-cue-endanger"),
    pytest.param("John Hartley said Pinmark Systems had deliberately exploited young users.",
                 {("John Hartley", "criticises", "Pinmark Systems")}, set(), id="negative-cue-exploit"),
    pytest.param("Ofcom fined Zeta Chat. In a statement, Zeta Chat said Ofcom had acted unlawfully.",
                 {("Zeta Chat", "accuses", "Ofcom")}, set(), id="speech-negative-about-subject-1"),
    pytest.param("Elton John said the UK government was trying to rob young artists of their income.",
                 {("Elton John", "accuses", "UK Government")}, set(), id="speech-negative-about-subject-2"),
    pytest.param("Elton John said the UK government's plan was reckless and shameful.",
                 {("Elton John", "criticises", "UK Government")}, set(), id="speech-negative-about-subject-3"),
    pytest.param("Senator Ana Ruiz said the Commerce Department's reckless decision would help rivals.",
                 {("Ana Ruiz", "criticises", "US Department of Commerce")}, set(), id="speech-decision-maker"),
    pytest.param("Olga Petrov said Zeta Chat was misused by criminal gangs.",
                 set(), {("Olga Petrov", "criticises", "Zeta Chat")}, id="speech-passive-subject-is-a-victim"),
    pytest.param("Meta said the Online Safety Act was unfair.",
                 set(), {("Meta", "criticises", "Online Safety Act 2023")}, id="speech-about-a-law-is-no-actor"),
    pytest.param("Ofcom said Zeta Chat had improved its checks.", set(), {("Ofcom", "criticises", "Zeta Chat")},
                 id="speech-without-negative-cue"),
    # A decision with no maker named: the enforcer of the text around it made it.
    pytest.param("Ofcom fined Reddit on Monday. “This decision is disproportionate and unjustified,” Reddit said.",
                 {("Reddit", "criticises", "Ofcom")}, set(), id="speech-about-a-decision-of-the-text-around"),
    # Naming a decision with a negative word: "called the fine disproportionate", "described it as arbitrary".
    pytest.param("The Dutch Data Protection Authority fined Uber 290 million euros. Uber called the decision "
                 "“deeply flawed” and said it would appeal.",
                 {("Uber", "criticises", "Dutch Data Protection Authority")}, set(), id="naming-a-decision-1"),
    pytest.param("The CMA fined Microsoft. Microsoft described the ruling as arbitrary.",
                 {("Microsoft", "criticises", "Competition and Markets Authority")}, set(), id="naming-a-decision-2"),
    pytest.param("Ofcom fined Reddit. Reddit called the fine fair.", set(), {("Reddit", "criticises", "Ofcom")},
                 id="naming-a-decision-without-negative-word"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SPEECH)
def test_speech(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNITS = [
    pytest.param("Ofcom fined Vexa on Monday. Lena Dahl, head of the regulator's Enforcement Bureau, said more "
                 "cases would follow.", {("Enforcement Bureau", "partOf", "Ofcom")}, set(), id="unit-of-possessor"),
    pytest.param("The Market Abuse Division of the SEC opened a case against Kraken.",
                 {("Market Abuse Division", "partOf", "Securities and Exchange Commission")}, set(),
                 id="unit-of-of-phrase"),
]


UNIT_MEMBERS = [
    pytest.param("Ofcom fined Vexa on Monday. Lena Dahl, head of the regulator's Enforcement Bureau, said more "
                 "cases would follow.", {("Lena Dahl", "memberOf", "Ofcom")}, set(), id="member-of-a-units-body-1"),
    pytest.param("The SEC sued Kraken. Jane Holt, who heads the agency's Enforcement Division, announced the case.",
                 {("Jane Holt", "memberOf", "Securities and Exchange Commission")}, set(),
                 id="member-of-a-units-body-2"),
    pytest.param("Ana Ruiz, who sits on the House Select Committee on China, wrote to Nvidia.",
                 set(), {("Ana Ruiz", "memberOf", "United States House of Representatives")},
                 id="a-committee-member-is-not-inferred-into-the-chamber"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNIT_MEMBERS)
def test_a_units_member_belongs_to_its_body(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), UNITS)
def test_a_named_unit_is_part_of_its_body(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_unit_the_registry_lacks_gets_an_iri_under_its_body() -> None:
    from kg.extraction.pipeline import extract_articles

    texts = ["The Market Abuse Division of the SEC opened a case against Kraken.",
             "The Market Abuse Division of Ofcom opened a case against Vexa."]
    found = extract_articles([parse_text(text, article_id=f"t{n}") for n, text in enumerate(texts)])
    units = sorted(e.id.rsplit("/", 1)[1] for ex in found for e in ex.entities if e.label == "Market Abuse Division")
    assert units == ["ofcom-market-abuse-division", "securities-and-exchange-commission-market-abuse-division"], units


CLAUSES = [
    pytest.param("In a 40-page lawsuit filed on Monday, the regulator Ofcom alleged that Vexa hid its fees.",
                 {("Ofcom", "sues", "Vexa"), ("Ofcom", "accuses", "Vexa")}, set(), id="proceeding-frames-speech-1"),
    pytest.param("In a probe opened last year, the CNIL alleged that Vexa kept the data of children.",
                 {("CNIL", "investigates", "Vexa")}, set(), id="proceeding-frames-speech-2"),
    pytest.param("In a letter to investors, Ofcom alleged that Vexa hid its fees.",
                 {("Ofcom", "accuses", "Vexa")}, {("Ofcom", "contacts", "Vexa")}, id="a-letter-frames-nothing"),
    pytest.param("State-run Taelim Gas & Power blocked Quillchat earlier this month.",
                 {("Taelim Gas & Power", "bans", "Quillchat")}, set(), id="second-empty-subject"),
    pytest.param("The complaint, lodged by Ines Varga and Omar Tell last spring, alleged that Quillchat sold data.",
                 {("Ines Varga", "accuses", "Quillchat"), ("Omar Tell", "accuses", "Quillchat")}, set(),
                 id="document-speaks-for-its-makers-1"),
    pytest.param("A report by Amnesty International criticised Vexa for its moderation failures.",
                 {("Amnesty International", "criticises", "Vexa")}, set(), id="document-speaks-for-its-makers-2"),
    pytest.param("The suit brought by Getty Images alleges that Norvex AI copied millions of photos.",
                 {("Getty Images", "sues", "Norvex AI"), ("Getty Images", "accuses", "Norvex AI")}, set(),
                 id="lawsuit-makers-sue-the-blamed"),
    pytest.param("Governor Ada Brisk vetoed the Data Broker Act on Monday.",
                 {("Ada Brisk", "opposes", "Data Broker Act")}, set(), id="veto-opposes-1"),
    pytest.param("Mayor Tom Halden has vetoed AB 310, a bill on facial recognition.",
                 {("Tom Halden", "opposes", "AB 310")}, set(), id="veto-opposes-2"),
    pytest.param("The Korea Fair Trade Commission issued its order against Quorvane for breaking the Fair Trade Act.",
                 {("Quorvane", "violates", "Fair Trade Act")},
                 {("Korea Fair Trade Commission", "violates", "Fair Trade Act")}, id="for-gerund-not-the-punisher"),
    pytest.param("Ofcom issued a notice against Zeta Chat for breaching the Online Safety Act.",
                 {("Zeta Chat", "violates", "Online Safety Act")}, {("Ofcom", "violates", "Online Safety Act")},
                 id="for-gerund-against-target-1"),
    pytest.param("The Japan Fair Trade Commission took action against Quorvane for violating the Antimonopoly Law.",
                 {("Quorvane", "violates", "Antimonopoly Law")},
                 {("Japan Fair Trade Commission", "violates", "Antimonopoly Law")}, id="for-gerund-against-target-2"),
    pytest.param("The SEC alleged Binance mishandled customer funds.",
                 {("Securities and Exchange Commission", "accuses", "Binance")}, set(), id="allege-clause-subject-1"),
    pytest.param("Regulators at Ofcom alleged that Zeta Chat hid its data practices.",
                 {("Ofcom", "accuses", "Zeta Chat")}, set(), id="allege-clause-subject-2"),
    pytest.param("The SEC opened the week by accusing Kraken of selling unregistered tokens.",
                 {("Securities and Exchange Commission", "accuses", "Kraken")}, set(), id="gerund-after-by-1"),
    pytest.param("The Federal Trade Commission ended the year by suing Amazon in Seattle.",
                 {("Federal Trade Commission", "sues", "Amazon")}, set(), id="gerund-after-by-2"),
    pytest.param("Karen Voss, a Democrat from Oregon, and Derek Holm, a Republican on the House Budget Committee, "
                 "wrote to Lina Khan.",
                 {("Karen Voss", "contacts", "Lina Khan"), ("Derek Holm", "contacts", "Lina Khan"),
                  ("Derek Holm", "memberOf", "House Budget Committee")}, set(), id="coordinated-appositions"),
    # An active verb coordinated with a passive one shares its grammatical subject; a participle stays passive.
    pytest.param("Meta was fined by the DPC in May and appealed the decision.",
                 {("Meta", "opposes", "Irish Data Protection Commission")}, set(), id="active-after-passive-1"),
    pytest.param("Last year Samsung and LG were investigated by the regulator and received orders from the KFTC.",
                 {("Korea Fair Trade Commission", "orders", "Samsung Electronics"),
                  ("Korea Fair Trade Commission", "orders", "LG")}, set(), id="active-after-passive-2"),
    # Light verbs of agreements; a warning to an actor; settling a proceeding brought by another.
    pytest.param("Norway signed a trade agreement with Chile.",
                 {("Norwegian Government", "cooperatesWith", "Chilean Government")}, set(), id="signed-agreement"),
    pytest.param("Nvidia struck a deal with Saudi Arabia.", {("Nvidia", "cooperatesWith", "Saudi Government")},
                 set(), id="struck-deal"),
    pytest.param("Turkey blocked access to Instagram for nine days.", {("Turkish Government", "bans", "Instagram")},
                 set(), id="blocked-access-to"),
    pytest.param("Germany's economy minister Robert Habeck criticised Beijing's export controls.",
                 {("Robert Habeck", "criticises", "Chinese Government")}, set(), id="a-seats-measures"),
    pytest.param("Amazon was hit with a fine by the CNIL.", {("CNIL", "fines", "Amazon")}, set(),
                 id="passive-instrument"),
    pytest.param("Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan.",
                 {("Vladimir Putin", "contacts", "Recep Tayyip Erdogan")}, set(), id="held-a-call-with"),
    pytest.param("David Lammy visited China for talks with his counterpart Wang Yi.",
                 {("David Lammy", "meets", "Wang Yi")}, set(), id="talks-in-a-phrase-of-the-clause-1"),
    pytest.param("Volkswagen cut jobs after talks with IG Metall.", {("Volkswagen", "meets", "IG Metall")}, set(),
                 id="talks-in-a-phrase-of-the-clause-2"),
    pytest.param("The CEO of Nvidia, Jensen Huang, met President Xi Jinping in Beijing.",
                 {("Jensen Huang", "leads", "Nvidia"), ("Jensen Huang", "meets", "Xi Jinping")}, set(),
                 id="title-of-an-organisation-then-the-name"),
    pytest.param("The Competition Commission of India fined Google 13.4 billion rupees on Thursday.",
                 {("Competition Commission of India", "fines", "Google")}, set(), id="fined-a-name-then-a-sum"),
    pytest.param("Tesla recalled two million cars after an investigation by the National Highway Traffic Safety "
                 "Administration.", {("National Highway Traffic Safety Administration", "investigates", "Tesla")},
                 set(), id="after-an-investigation-by"),
    pytest.param("The FTC is examining whether Microsoft abused its position.",
                 {("Federal Trade Commission", "investigates", "Microsoft")}, set(), id="investigate-whether-1"),
    pytest.param("Italy's privacy watchdog plans to investigate how DeepSeek handles user data.",
                 {("Italian Data Protection Authority", "investigates", "DeepSeek")}, set(),
                 id="investigate-how"),
    pytest.param("Ofcom will assess if TikTok broke the law.", {("Ofcom", "investigates", "TikTok")}, set(),
                 id="investigate-whether-2"),
    pytest.param("Ofcom asked whether TikTok broke the law.", set(), {("Ofcom", "investigates", "TikTok")},
                 id="a-question-of-another-verb"),
    # A phrase's later words may hang on its head verb, not on the word before them.
    pytest.param("Elon Musk hit out at Ofcom.", {("Elon Musk", "criticises", "Ofcom")}, set(),
                 id="phrase-words-hung-on-the-verb"),
    # A symmetric event between the two parties its noun names together.
    pytest.param("Talks between Japan and China resumed on Monday.",
                 {("Japanese Government", "meets", "Chinese Government")}, set(), id="talks-between"),
    pytest.param("The US-China trade deal was signed in January.",
                 {("US Government", "cooperatesWith", "Chinese Government")}, set(), id="hyphenated-pair"),
    pytest.param("The Brazil-based firm signed a deal.", set(),
                 {("Brazilian Government", "cooperatesWith", "Brazilian Government")}, id="one-name-is-no-pair"),
    pytest.param("Joe Biden met with Xi Jinping in California.", {("Joe Biden", "meets", "Xi Jinping")}, set(),
                 id="met-with"),
    pytest.param("Emmanuel Macron spoke with Vladimir Putin by phone.",
                 {("Emmanuel Macron", "contacts", "Vladimir Putin")}, set(), id="spoke-with"),
    pytest.param("The European Commission opened formal proceedings against TikTok.",
                 {("European Commission", "investigates", "TikTok")}, set(), id="proceedings-against"),
    pytest.param("Ofcom sent notices to Reddit and Snapchat requiring them to report their figures.",
                 {("Ofcom", "orders", "Reddit"), ("Ofcom", "orders", "Snapchat")}, set(),
                 id="them-means-a-pair-in-any-role"),
    pytest.param("Iran warned Israel against any further strikes.",
                 {("Iranian Government", "threatens", "Israeli Government")}, set(), id="warned-an-actor"),
    pytest.param("Pfizer agreed to pay 5 million dollars to settle a lawsuit brought by Ohio.",
                 {("Government of Ohio", "sues", "Pfizer")}, set(), id="settled-a-lawsuit-brought-by"),
    pytest.param("Meta won a lawsuit brought by the FTC.", {("Federal Trade Commission", "sues", "Meta")}, set(),
                 id="won-a-lawsuit-brought-by"),
    # The one an accusation names did what its "of" gerund says; naming someone as defendant sues them.
    pytest.param("The FTC had accused Meta of buying Instagram in 2012.", {("Meta", "owns", "Instagram")}, set(),
                 id="accused-of-doing-1"),
    pytest.param("Google was accused of buying YouTube to kill a rival.", {("Google", "owns", "YouTube")}, set(),
                 id="accused-of-doing-2"),
    pytest.param("Maria Lopez, the Spanish envoy, spoke first. Elon Musk was angry. He accused the European "
                 "Commission of fining him personally.", {("European Commission", "fines", "Elon Musk")},
                 {("European Commission", "fines", "Maria Lopez")}, id="accused-of-doing-to-the-accuser"),
    pytest.param("Epic Games filed suit in California on Monday, naming Apple as the defendant.",
                 {("Epic Games", "sues", "Apple")}, set(), id="named-as-defendant"),
    # An inquiry an enforcement followed was the enforcer's.
    pytest.param("The French Competition Authority fined Zeltra Systems 15 million euros following an investigation "
                 "into Zeltra Systems' pricing.", {("French Competition Authority", "investigates", "Zeltra Systems")},
                 set(), id="inquiry-an-enforcement-followed-1"),
    pytest.param("Ofcom banned Kinmira Labs after a lengthy probe into Kinmira Labs.",
                 {("Ofcom", "investigates", "Kinmira Labs")}, set(), id="inquiry-an-enforcement-followed-2"),
    pytest.param("Orbis Pay sued Kinmira Labs after an inquiry into Zeltra Systems.", set(),
                 {("Orbis Pay", "investigates", "Zeltra Systems")}, id="inquiry-before-a-suit-by-no-enforcer"),
    # Laying a wrong at someone's door accuses them.
    pytest.param("The Netherlands has publicly attributed the cyberattack to China.",
                 {("Dutch Government", "accuses", "Chinese Government")}, set(), id="attributed-a-wrong-to"),
    pytest.param("The intrusion was pinned on Russia by the Estonian government.",
                 {("Estonian Government", "accuses", "Russian Government")}, set(), id="pinned-a-wrong-on"),
    pytest.param("Ofcom linked the fall in sales to Zeltra Systems.", set(), {("Ofcom", "accuses", "Zeltra Systems")},
                 id="linked-no-wrong-to"),
    # What an actor owns or made, named as something bad, is criticism of the actor.
    pytest.param("Ofcom deemed Zeltra Systems' tracking framework neither necessary nor proportionate.",
                 {("Ofcom", "criticises", "Zeltra Systems")}, {("Ofcom", "accuses", "Zeltra Systems")},
                 id="named-what-an-actor-made-1"),
    pytest.param("Amnesty International called Orbis Pay's new app a disaster for privacy.",
                 {("Amnesty International", "criticises", "Orbis Pay")},
                 {("Amnesty International", "accuses", "Orbis Pay")}, id="named-what-an-actor-made-2"),
    pytest.param("Zeltra Systems called Ofcom a censor.", {("Zeltra Systems", "accuses", "Ofcom")}, set(),
                 id="named-the-actor-itself"),
    pytest.param("The Brazilian government threatened Zeltra Systems with large fines on Tuesday.",
                 {("Brazilian Government", "threatens", "Zeltra Systems")},
                 {("Brazilian Government", "fines", "Zeltra Systems")}, id="threatened-with-fines-fines-no-one"),
    # A second predicate of the same subject says as much of it as the first.
    pytest.param("Ofcom banned Zeta Chat on Monday. Orbis Pay said the ban would cost jobs and was unjustified.",
                 {("Orbis Pay", "criticises", "Ofcom")}, set(), id="a-second-predicate-runs-the-subject-down"),
    pytest.param("Ofcom fined Kinmira Labs on Friday. \"The fine will hurt our staff and is deeply unfair,\" Kinmira "
                 "Labs said.", {("Kinmira Labs", "criticises", "Ofcom")}, set(),
                 id="a-second-predicate-runs-the-subject-down-in-a-quotation"),
    pytest.param("Ofcom ordered Zeltra Systems to stop the sales. \"Today's order is deeply unfair,\" Zeltra Systems "
                 "said.", {("Zeltra Systems", "criticises", "Ofcom")}, set(), id="a-day-is-no-decisions-maker"),
    # "This" said of the news is the news: its maker is run down.
    pytest.param("The Turkish government blocked Zeta Chat on Monday. \"This is censorship,\" Zeta Chat said.",
                 {("Zeta Chat", "criticises", "Turkish Government")}, set(), id="this-is-the-news-1"),
    pytest.param("Ofcom fined Orbis Pay 2 million pounds. Orbis Pay said that was unfair to its customers.",
                 {("Orbis Pay", "criticises", "Ofcom")}, set(), id="this-is-the-news-2"),
    pytest.param("Ofcom fined Zeta Chat on Monday for failing to protect children. \"This is unacceptable,\" Ofcom "
                 "said.", set(), {("Ofcom", "criticises", "Ofcom")}, id="this-by-the-enforcer-runs-no-one-down"),
    # A punishment foretold threatens.
    pytest.param("Ofcom said Zeta Chat could be blocked within days.", {("Ofcom", "threatens", "Zeta Chat")}, set(),
                 id="said-could-be-blocked"),
    pytest.param("The Irish Data Protection Commission said Kinmira Labs would be fined if it kept the data.",
                 {("Irish Data Protection Commission", "threatens", "Kinmira Labs")}, set(), id="said-would-be-fined"),
    pytest.param("Ofcom warned that Orbis Pay risked a ban.", {("Ofcom", "threatens", "Orbis Pay")}, set(),
                 id="warned-risked-a-ban"),
    pytest.param("Ofcom said Orbis Pay was fined last year.", set(), {("Ofcom", "threatens", "Orbis Pay")},
                 id="a-past-fine-threatens-nothing"),
    pytest.param("Officials named Cabinet Chief Ana Lima and Jon Tavares, head of the Zembla Securities Commission.",
                 {("Jon Tavares", "leads", "Zembla Securities Commission")},
                 {("Ana Lima", "leads", "Zembla Securities Commission")},
                 id="an-apposition-after-a-list-is-the-last-names"),
    pytest.param("Should Zeta Chat not comply, Ofcom warned, the company risks a fine of one million pounds.",
                 {("Ofcom", "threatens", "Zeta Chat")}, set(), id="a-speech-verb-set-in-what-it-reports-1"),
    pytest.param("Orbis Pay, Ofcom warned, risks a ban.", {("Ofcom", "threatens", "Orbis Pay")}, set(),
                 id="a-speech-verb-set-in-what-it-reports-2"),
    pytest.param("Ofcom fined Zeta Chat on Monday. The decision was unfair, Zeta Chat said, and it would appeal.",
                 {("Zeta Chat", "criticises", "Ofcom")}, set(), id="a-speech-verb-after-what-it-reports"),
    # Calling someone out is criticising them; so is saying they were uncooperative or their answers inadequate.
    pytest.param("Senator Ana Lima called out Zeta Chat and Orbis Pay for failing to protect children.",
                 {("Ana Lima", "criticises", "Zeta Chat"), ("Ana Lima", "criticises", "Orbis Pay")}, set(),
                 id="called-out"),
    pytest.param("Ofcom said Kinmira Labs had been uncooperative throughout the inquiry.",
                 {("Ofcom", "accuses", "Kinmira Labs")}, set(), id="said-uncooperative"),
    pytest.param("Amnesty International said Zeltra Systems' answers to regulators were inadequate.",
                 {("Amnesty International", "criticises", "Zeltra Systems")}, set(), id="said-inadequate"),
    # The holder of a title "of" an organisation may be named after the organisation.
    pytest.param("President Ana Lima criticised the president of the Bank of Zembla, Jon Tavares, over rates.",
                 {("Ana Lima", "criticises", "Jon Tavares")}, {("Ana Lima", "memberOf", "Bank of Zembla")},
                 id="the-title-of-an-organisation-then-its-holder"),
    # A court that rules a measure unlawful rules against its maker.
    pytest.param("The Constitutional Court of Kenya has ruled Zeltra Systems' data scheme unlawful.",
                 {("Constitutional Court of Kenya", "opposes", "Zeltra Systems")},
                 {("Constitutional Court of Kenya", "criticises", "Zeltra Systems")}, id="ruled-a-measure-unlawful"),
    pytest.param("Senegal's Constitutional Council ruled Kinmira Labs' licence deal unconstitutional on Thursday.",
                 {("Constitutional Council of Senegal", "opposes", "Kinmira Labs")}, set(),
                 id="a-countrys-council-ruled-a-measure-invalid"),
    # A court's decision for or against a party is its stance toward that party.
    pytest.param("The Ninth Circuit Court of Appeals issued a ruling in favor of Kinmira Labs on Monday.",
                 {("US Court of Appeals for the Ninth Circuit", "supports", "Kinmira Labs")}, set(),
                 id="ruling-in-favour-of-a-party"),
    pytest.param("The Labour Court of South Africa handed down a judgment against Zeltra Systems.",
                 {("Labour Court of South Africa", "opposes", "Zeltra Systems")}, set(), id="judgment-against-a-party"),
    pytest.param("Kinmira Labs said it would appeal the ruling against Zeltra Systems.", set(),
                 {("Kinmira Labs", "opposes", "Zeltra Systems")}, id="a-ruling-names-its-maker-or-nothing"),
    # Being in breach of a law is violating it.
    pytest.param("Kinmira Labs was found in breach of the General Data Protection Regulation.",
                 {("Kinmira Labs", "violates", "General Data Protection Regulation")}, set(), id="found-in-breach-of"),
    pytest.param("The Irish Data Protection Commission found Zeltra Systems in violation of the Digital Services Act.",
                 {("Zeltra Systems", "violates", "Digital Services Act")},
                 {("Irish Data Protection Commission", "violates", "Digital Services Act")},
                 id="found-someone-in-violation-of"),
    pytest.param("Ofcom said Zeltra Systems remained in breach of the Online Safety Act.",
                 {("Zeltra Systems", "violates", "Online Safety Act")}, set(), id="remained-in-breach-of"),
    pytest.param("The European Commission opened an inquiry into whether Kinmira Labs ranks its own offers first, in "
                 "breach of the Digital Markets Act.", set(),
                 {("European Commission", "violates", "Digital Markets Act")}, id="in-breach-of-the-conduct-acted-on"),
    pytest.param("The European Commission has started a probe into whether Kinmira Labs hides rival offers in its app "
                 "store, in breach of the Digital Markets Act, Brussels said on Monday.", set(),
                 {("European Union", "violates", "Digital Markets Act"),
                  ("European Commission", "violates", "Digital Markets Act")}, id="in-breach-of-what-is-told-of"),
    pytest.param("Zeltra Systems moved the records of Kenyan users abroad in violation of the Data Protection Act.",
                 {("Zeltra Systems", "violates", "Data Protection Act")}, set(), id="did-something-in-violation-of"),
    # A request is addressed to whoever decides on it.
    pytest.param("The Seoul High Court partially accepted Google's request for a suspension.",
                 {("Google", "urges", "Seoul High Court")}, set(), id="request-decided-by-its-addressee-1"),
    pytest.param("Apple's request was denied by the Supreme Court.", {("Apple", "urges", "Supreme Court")}, set(),
                 id="request-decided-by-its-addressee-2"),
    pytest.param("The FTC approved Microsoft's plan.", set(), {("Microsoft", "urges", "Federal Trade Commission")},
                 id="a-plan-is-no-request"),
    pytest.param("Acme Labs was sued by Vexa and ordered to pay damages by the court.", set(),
                 {("Acme Labs", "orders", "Vexa")}, id="participle-after-passive-stays-passive"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CLAUSES)
def test_clause_constructions(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


NAME_TAILS = [
    pytest.param("Nadia Park sits on the House Select Committee on Russia with two colleagues.",
                 {"House Select Committee on Russia": "Legislature"}, id="committee-on-place"),
    pytest.param("Paul Dunne leads the US Senate Committee on Roads, Rivers and Rail this year.",
                 {"US Senate Committee on Roads, Rivers and Rail": "Legislature"},
                 id="chamber-then-its-committee"),
    pytest.param("The case went to the Zembla Court of Appeals for the Fourth Circuit in March.",
                 {"Zembla Court of Appeals for the Fourth Circuit": "Court"}, id="court-for-circuit"),
    pytest.param("TikTok, Viblo, Wizzle and Nimbuzz have filed their papers.",
                 {"Viblo": "Platform", "Wizzle": "Platform", "Nimbuzz": "Platform"}, id="list-in-an-apposition"),
]


@pytest.mark.parametrize(("text", "types"), NAME_TAILS)
def test_names_made_whole(text: str, types: dict[str, str]) -> None:
    got = {label: typ for label, (typ, _) in entities(text).items()}
    assert {k: got.get(k) for k in types} == types, got


NAMING = [
    pytest.param("Presiding Judges Ana Lima and Ivo Sato heard the case.", {"Ana Lima": "Person"},
                 id="titles-stripped-from-names"),
    pytest.param("The Zembla Union of Coders (ZUC) condemned the ban. Later ZUC sued the ministry.",
                 {"Zembla Union of Coders": "Organisation"}, id="acronym-defined-in-brackets"),
    pytest.param("A debate in the House Of Lords followed.", {"House of Lords": "Legislature"},
                 id="registry-names-in-other-casing"),
]


@pytest.mark.parametrize(("text", "types"), NAMING)
def test_naming(text: str, types: dict[str, str]) -> None:
    got = {label: typ for label, (typ, _) in entities(text).items()}
    assert {k: got.get(k) for k in types} == types, got


@pytest.mark.parametrize(("text", "laws"), [
    pytest.param("Zeta Chat broke the Cybersecurity Law, Data Security Law and Consumer Rights Law, officials said.",
                 {"Cybersecurity Law", "Data Security Law", "Consumer Rights Law"}, id="comma-and-list"),
    pytest.param("Vexa Labs is accused of breaching the Online Safety Act and the Data Protection Act.",
                 {"Online Safety Act", "Data Protection Act"}, id="and-the-list"),
])
def test_a_list_of_laws_names_each_law(text: str, laws: set) -> None:
    got = {label for label, (typ, _) in entities(text).items() if typ == "Legislation"}
    assert got == laws, got


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Greenpeace activists protested against Shell at its annual meeting. Greenpeace said Shell was "
                 "lying.", "Greenpeace", id="modifier-opening-a-sentence"),
    pytest.param("Greenpeace volunteers blocked the Vexa Labs depot on Monday. Greenpeace said Vexa Labs was "
                 "polluting rivers.", "Greenpeace", id="modifier-opening-a-sentence-2"),
])
def test_a_name_found_once_is_the_same_name_elsewhere(text: str, name: str) -> None:
    ex = extraction(text)
    entity = next(i for i, e in enumerate(ex.entities) if e.label == name)
    assert len(ex.mentions.get(entity, [])) >= 2, ex.mentions


def test_a_list_of_companies_the_ner_ran_together_names_each() -> None:
    got = entities("Norland has repeatedly asked firms like Vexa Labs, Pinmark Systems and Zeta Chat to act.")
    assert {"Vexa Labs", "Pinmark Systems"} <= set(got) and "Vexa Labs, Pinmark Systems" not in got, sorted(got)
    # (a legal form after a comma is no second company: the name is known without it)
    assert set(entities("Vexa Labs, Inc. was fined on Monday.")) == {"Vexa Labs"}


def test_a_whole_industry_is_no_actor() -> None:
    got = entities("Big Tech pushed back against the Online Safety Act, and Wall Street shrugged.")
    assert "Big Tech" not in got and "Wall Street" not in got, sorted(got)
    assert "Online Safety Act" in got


def test_an_acronym_defined_in_brackets_joins_its_name() -> None:
    got = entities("The Zembla Union of Coders (ZUC) condemned the ban. Later ZUC sued the ministry.")
    assert "ZUC" in got["Zembla Union of Coders"][1]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    pytest.param("The League for Digital Freedom in Norland (LDFN) sued Pinmark Systems last week. LDFN said the "
                 "case was strong.",
                 "League for Digital Freedom in Norland", "LDFN", id="place-closes-the-name"),
    pytest.param("Yesterday the Society of Coders in Veldonia (SCV) wrote to Vexa Labs about the leak. SCV wants "
                 "answers.",
                 "Society of Coders in Veldonia", "SCV", id="small-words-give-no-letter"),
])
def test_a_name_the_ner_cut_short_runs_to_the_acronym_its_initials_spell(text: str, name: str, acronym: str) -> None:
    got = entities(text)
    assert name in got, sorted(got)
    assert acronym in got[name][1]


@pytest.mark.parametrize(("text", "name", "not_name"), [
    pytest.param("Q-Cell bought Zeta Chat in 2021. Zeta Chat, which Q-Cell bought, grew fast.",
                 "Q-Cell", "Cell", id="letter-prefix"),
    pytest.param("Analysts said B-Cloud lost money, while B-Cloud blamed Pinmark Systems.", "B-Cloud", "Cloud",
                 id="letter-prefix-subject"),
])
def test_a_name_split_at_its_hyphen_is_one_name(text: str, name: str, not_name: str) -> None:
    got = entities(text)
    assert name in got and not_name not in got, sorted(got)


def test_a_prefix_that_is_a_country_or_lower_case_stays_apart() -> None:
    got = entities("The EU-Japan summit ended. Later the pro-Zeta lobby met Pinmark Systems.")
    assert not any(label.startswith(("EU-", "pro-", "Pro-")) for label in got), sorted(got)


MORE_ROLES = [
    pytest.param("Auditors looked at Instagram parent firm Meta in May.", {("Meta", "owns", "Instagram")}, set(),
                 id="parent-firm-title"),
    # Campaigners, scientists, lobbyists and strategists work for the organisation their title names.
    pytest.param("Vexa Labs senior campaigner Maria Keller said the bill was flawed.",
                 {("Maria Keller", "memberOf", "Vexa Labs")}, set(), id="campaigner-title"),
    pytest.param("Maria Keller, a campaigner at Pinmark Systems, wrote to the minister.",
                 {("Maria Keller", "memberOf", "Pinmark Systems")}, set(), id="campaigner-at"),
    pytest.param("Data Agency chief scientist John Hartley left in March.",
                 {("John Hartley", "memberOf", "Data Agency")}, set(), id="scientist-title"),
    pytest.param("Vexa Labs activist Maria Keller was arrested on Friday.",
                 {("Maria Keller", "memberOf", "Vexa Labs")}, set(), id="activist-title"),
    pytest.param("John Hartley, a lobbyist for Pinmark Systems, met senators on Monday.",
                 {("John Hartley", "memberOf", "Pinmark Systems")}, set(), id="lobbyist-for"),
    pytest.param("Maria Costa, a Democrat who sits on the Senate Budget Committee, and Ivo Sato, a "
                 "Republican from Idaho, spoke.",
                 {("Maria Costa", "memberOf", "Senate Budget Committee")},
                 {("Ivo Sato", "memberOf", "Senate Budget Committee")}, id="relative-means-its-own-noun"),
    # A nationality outside the registry names its country's government; one no country fits names none.
    pytest.param("Kenyan President William Ruto met Joe Biden.", {("William Ruto", "leads", "Kenyan Government")},
                 set(), id="demonym-in-a-title-1"),
    pytest.param("The Ukrainian president, Volodymyr Zelensky, thanked Britain for its support.",
                 {("Volodymyr Zelensky", "leads", "Ukrainian Government")},
                 {("Volodymyr Zelensky", "leads", "UK Government")}, id="demonym-in-a-title-2"),
    pytest.param("The Ghanaian government banned Quiro on Monday.", {("Ghanaian Government", "bans", "Quiro")},
                 set(), id="demonym-government"),
    pytest.param("The British government fined Acme Labs. The Freedonian government criticised Acme Labs.",
                 {("UK Government", "fines", "Acme Labs")}, {("UK Government", "criticises", "Acme Labs")},
                 id="unknown-nationality-is-not-the-home-one"),
    pytest.param("Venezuela's opposition leader Edmundo González fled to Spain.", set(),
                 {("Edmundo González", "memberOf", "Venezuelan Government"),
                  ("Edmundo González", "leads", "Venezuelan Government")}, id="opposition-leader"),
    # An institution of a country outside the registry is its own, never the article's country's.
    pytest.param("Ukraine's foreign ministry condemned Hungary's decision.",
                 {("Foreign Ministry of Ukraine", "criticises", "Hungarian Government"),
                  ("Foreign Ministry of Ukraine", "partOf", "Ukrainian Government")},
                 {("Hungarian Foreign Ministry", "criticises", "Hungarian Government")},
                 id="unlisted-countrys-ministry-1"),
    pytest.param("The Kenyan interior ministry banned the app.",
                 {("Interior Ministry of Kenya", "partOf", "Kenyan Government")}, set(),
                 id="unlisted-countrys-ministry-2"),
    # A hyphenated title parsed with its noun first, hung on the name as a modifier.
    pytest.param("The UN secretary-general, António Guterres, condemned the strike.",
                 {("António Guterres", "leads", "United Nations")}, set(), id="hyphenated-title-noun-first"),
    pytest.param("Acme's vice-president Jo Lind resigned.", {("Jo Lind", "memberOf", "Acme")}, set(),
                 id="hyphenated-title-noun-last"),
    # Those in a role for another, plural and unnamed, speak for it.
    pytest.param("Apple's lawyers argued that the Justice Department's case was flawed.",
                 {("Apple", "criticises", "US Department of Justice")}, set(), id="lawyers-speak-for-their-client"),
    # A body "under" a person: a modifier of the body's name, or a phrase opening the body's clause.
    pytest.param("The FTC under Lina Khan sued Amazon.", {("Lina Khan", "leads", "Federal Trade Commission")},
                 set(), id="body-under-a-person-1"),
    pytest.param("Under Ursula von der Leyen, the European Commission fined Apple.",
                 {("Ursula von der Leyen", "leads", "European Commission")}, set(), id="body-under-a-person-2"),
    pytest.param("Under chief executive Sundar Pichai, Google expanded its AI work.",
                 {("Sundar Pichai", "leads", "Google")}, set(), id="body-under-a-person-3"),
    pytest.param("Britain acted under pressure from Donald Trump.", set(),
                 {("Donald Trump", "leads", "UK Government")}, id="under-something-else"),
    pytest.param("The board met Nora Lind, and Acme fell under her control in May.", set(),
                 {("Nora Lind", "leads", "Acme")}, id="under-a-possessed-noun"),
    # A one-word name the recogniser took for an organisation is the surname of the article's one person with it.
    pytest.param("Critics said the SEC under Gensler was too harsh. Gary Gensler rejected that.",
                 {("Gary Gensler", "leads", "Securities and Exchange Commission")}, set(),
                 id="surname-taken-for-an-organisation"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), MORE_ROLES)
def test_more_roles(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_first_name_used_alone_joins_the_one_person_it_can_be() -> None:
    got = entities("Elton John spoke on Sunday. Elton said the plans were wrong.")
    assert "Elton" in got["Elton John"][1] and "Elton" not in got


def test_a_first_name_shared_by_two_people_is_not_joined() -> None:
    got = entities("Maria Costa met Maria Lind. Maria said the plans were wrong.")
    assert "Maria" not in got["Maria Costa"][1] and "Maria" not in got["Maria Lind"][1]


SUCH_AS = [
    pytest.param("Ofcom fined companies such as Meta and Google in March.",
                 {("Ofcom", "fines", "Meta"), ("Ofcom", "fines", "Google")}, set(), id="such-as"),
    pytest.param("Kyle's meetings with firms like Amazon grew last year.",
                 set(), set(), id="like-list-no-named-agent"),
    pytest.param("Peter Kyle held meetings with firms like Amazon and Apple.",
                 {("Peter Kyle", "meets", "Amazon"), ("Peter Kyle", "meets", "Apple")}, set(), id="like"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SUCH_AS)
def test_example_lists(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


SUBSIDIARIES = [
    pytest.param("Google Korea and Google Asia Pacific were fined by the regulator.",
                 {"Google Korea": "Company", "Google Asia Pacific": "Company"}, id="national-and-regional-arms"),
    pytest.param("Meta Ireland handles the data of European users.", {"Meta Ireland": "Company"},
                 id="national-arm"),
]


@pytest.mark.parametrize(("text", "types"), SUBSIDIARIES)
def test_subsidiaries_are_companies_of_their_own(text: str, types: dict[str, str]) -> None:
    got = {label: typ for label, (typ, _) in entities(text).items()}
    assert {k: got.get(k) for k in types} == types, got


SEATS = [
    pytest.param("Tokyo criticised Zentrix Labs for hiding the breach.",
                 {("Japanese Government", "criticises", "Zentrix Labs")}, set(), id="capital-as-subject-1"),
    pytest.param("Moscow banned the messaging app Quillchat on Thursday.",
                 {("Russian Government", "bans", "Quillchat")}, set(), id="capital-as-subject-2"),
    pytest.param("Brussels fined Norvex Cloud 40 million euros for breaking the rules.",
                 {("European Commission", "fines", "Norvex Cloud")}, set(), id="seat-of-a-union-body"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SEATS)
def test_a_capital_that_acts_stands_for_its_government(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    "Lawyers for Orbis Pay met regulators in Madrid on Monday.",
    "The startup, which is based in Ottawa, hired forty engineers.",
    "Stockholm's mayor opened the new data centre.",
])
def test_a_capital_as_a_place_names_no_actor(text: str) -> None:
    got = entities(text)
    assert not any(typ in {"GovernmentBody", "Country"} for typ, _ in got.values()), got


def test_washington_state_is_not_the_us_government() -> None:
    got = entities("Washington state sued Quillchat over its handling of location data.")
    assert "US Government" not in got, got


def test_a_capital_owning_a_stance_stands_for_its_government() -> None:
    got = entities("Seoul's decision to fine the app stores surprised investors.")
    assert "Seoul" in got.get("South Korean Government", ("", set()))[1], got


def test_an_outlets_variant_name_joins_the_outlet() -> None:
    got = entities("The deal was first reported by CNBC News, and the founder later told CNBC it was done.")
    assert "CNBC News" not in got and "CNBC News" in got["CNBC"][1], got


@pytest.mark.parametrize("text", [
    "Quillchat appealed to the Court of Appeals for the 9th Circuit on Friday.",
    "Lawyers for Vexa asked the Court of Appeals for the Ninth Circuit to pause the order.",
])
def test_a_name_whose_tail_is_a_known_court_is_that_court(text: str) -> None:
    assert "US Court of Appeals for the Ninth Circuit" in entities(text)


def test_a_surname_the_ner_missed_joins_its_person() -> None:
    got = entities("Britain's government published the plan. Dana Voss criticised it on Monday. Voss said the "
                   "ministers would rob young artists of their pay.")
    assert "Voss" in got["Dana Voss"][1], got
    assert ("Dana Voss", "accuses", "UK Government") in facts(
        "Britain's government published the plan. Dana Voss spoke on Monday. Voss said the government would "
        "rob young artists of their pay.")


RECIPROCAL = [
    pytest.param("Narendra Modi and Joe Biden met at the White House on Thursday.",
                 {("Narendra Modi", "meets", "Joe Biden")}, set(), id="coordinated-doers-of-meet"),
    pytest.param("Japan and South Korea agreed to cooperate on chip supply chains.",
                 {("Japanese Government", "cooperatesWith", "South Korean Government")},
                 {("Japanese Government", "agreesWith", "South Korean Government")},
                 id="coordinated-doers-of-a-controlled-verb"),
    pytest.param("Kaito Systems and Zentrix Labs will collaborate on chip design, the companies said.",
                 {("Kaito Systems", "cooperatesWith", "Zentrix Labs")}, set(), id="coordinated-doers-of-a-phrase-verb"),
    pytest.param("Zeta Chat and Quorvane met the regulator on Monday.", set(),
                 {("Zeta Chat", "meets", "Quorvane")}, id="an-object-is-the-other-side"),
    pytest.param("Zeta Chat and Quorvane agree that the rules are too strict.", set(),
                 {("Zeta Chat", "agreesWith", "Quorvane")}, id="agreeing-that-is-no-agreement-with-each-other"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), RECIPROCAL)
def test_symmetric_verbs_with_coordinated_doers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


ORDERED_EVENTS = [
    pytest.param("Brazil's Supreme Court ordered the suspension of the messaging app Telegram.",
                 {("Supreme Federal Court of Brazil", "bans", "Telegram")}, set(), id="ordered-suspension-is-a-ban"),
    pytest.param("India's Supreme Court ordered a ban on the app Zeta Chat.",
                 {("Supreme Court of India", "bans", "Zeta Chat")}, set(), id="ordered-ban-is-a-ban"),
    pytest.param("The FCC ordered an investigation into Quorvane Systems on Friday.",
                 {("Federal Communications Commission", "investigates", "Quorvane Systems")}, set(),
                 id="ordered-investigation-is-an-investigation"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ORDERED_EVENTS)
def test_an_event_someone_orders_is_theirs(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


# Constructions of unseen news (issue 19): each row's sentence is ours; the blind set is scored, never read.
UNSEEN_STRUCTURE = [
    pytest.param("ByteDance-owned TikTok was banned in India.", {("ByteDance", "owns", "TikTok")}, set(),
                 id="hyphenated-owner-1"),
    pytest.param("Google-owned YouTube removed the videos on Friday.", {("Google", "owns", "YouTube")}, set(),
                 id="hyphenated-owner-2"),
    pytest.param("The Chinese-owned app Zeta Chat faces a ban.", set(),
                 {("Chinese Government", "owns", "Zeta Chat")}, id="a-nationality-hyphenated-on-is-no-owner"),
    pytest.param("Ohio Attorney General Dave Yost sued TikTok on Monday.",
                 {("Dave Yost", "sues", "TikTok")}, {("General", "memberOf", "Government of Ohio")},
                 id="title-before-a-name-is-no-actor-1"),
    pytest.param("EU Competition Commissioner Margrethe Vestager warned Apple about its app store rules.",
                 {("Margrethe Vestager", "memberOf", "European Commission")}, set(),
                 id="title-before-a-name-is-no-actor-2"),
    pytest.param("U.S. District Judge Amit Mehta ruled that Google had acted illegally.", set(),
                 {("Amit Mehta", "memberOf", "US Government")}, id="a-judge-sits-in-a-court-not-a-government-1"),
    pytest.param("Federal Judge Rhea Vance of the District Court ruled against Quorvane.",
                 {("Rhea Vance", "memberOf", "District Court")}, set(), id="a-judge-sits-in-a-court-2"),
    pytest.param("Russian foreign ministry spokeswoman Maria Zakharova criticised the European Union.",
                 {("Maria Zakharova", "memberOf", "Russian Foreign Ministry")},
                 {("Maria Zakharova", "memberOf", "Russian Government")}, id="ministry-in-a-title-before-a-name-1"),
    pytest.param("Chinese foreign ministry spokesman Lin Jian accused the United States of hypocrisy.",
                 {("Lin Jian", "memberOf", "Chinese Foreign Ministry")}, set(),
                 id="ministry-in-a-title-before-a-name-2"),
    pytest.param("U.S. Trade Representative Katherine Tai criticised the digital tax.", set(),
                 {("Katherine Tai", "memberOf", "United States House of Representatives")},
                 id="an-office-named-representative-is-no-legislator-1"),
    pytest.param("The EU's High Representative Josep Borrell condemned the attack.", set(),
                 {("Josep Borrell", "memberOf", "European Parliament")},
                 id="an-office-named-representative-is-no-legislator-2"),
    pytest.param("The Vantor Authority fined Chatter and its parent company Quorvane.", set(),
                 {("Quorvane", "owns", "Vantor Authority")}, id="its-on-a-conjunct-is-never-another-actors"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_STRUCTURE)
def test_structure_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


# Verbs WordNet proposed and tools/wordnet-review.tsv accepted (make lexicon): one sentence of ours each.
WORDNET_VERBS = [
    pytest.param("Dev Rao incriminated Quorvane Systems in his testimony to the Senate.",
                 {("Dev Rao", "accuses", "Quorvane Systems")}, id="accuses-incriminate"),
    pytest.param("The House of Representatives impeached Donald Trump in December.",
                 {("House of Representatives", "accuses", "Donald Trump")}, id="accuses-impeach"),
    pytest.param("Russia censored Wikipedia after the invasion began.",
                 {("Russian Government", "bans", "Wikipedia")}, id="bans-censor"),
    pytest.param("The Brazilian government moved to criminalise Telegram over its refusal to cooperate.",
                 {("Brazilian Government", "bans", "Telegram")}, id="bans-criminalise"),
    pytest.param("The Montana government moved to criminalize TikTok.",
                 {("Government of Montana", "bans", "TikTok")}, id="bans-criminalize"),
    pytest.param("The World Bank debarred Huawei from its projects for five years.",
                 {("World Bank", "bans", "Huawei")}, id="bans-debar"),
    pytest.param("Germany excluded Huawei from its 5G network.",
                 {("German Government", "bans", "Huawei")}, id="bans-exclude"),
    pytest.param("The Italian government forbade DeepSeek from processing personal data.",
                 {("Italian Government", "bans", "DeepSeek")}, id="bans-forbid"),
    pytest.param("The Treasury interdicted ZTE's shipments in March.",
                 {("Treasury", "bans", "ZTE")}, id="bans-interdict"),
    pytest.param("The British government proscribed Palestine Action in July.",
                 {("UK Government", "bans", "Palestine Action")}, id="bans-proscribe"),
    pytest.param("Nepal moved to illegalise Telegram after the protests.",
                 {("Nepali Government", "bans", "Telegram")}, id="bans-illegalise"),
    pytest.param("The Indian government moved to illegalize PUBG Mobile.",
                 {("Indian Government", "bans", "PUBG Mobile")}, id="bans-illegalize"),
    pytest.param("Senator Elizabeth Warren chided Meta over its privacy record.",
                 {("Elizabeth Warren", "criticises", "Meta")}, id="criticises-chide"),
    pytest.param("The European Commission reprimanded Hungary over its media law.",
                 {("European Commission", "criticises", "Hungarian Government")}, id="criticises-reprimand"),
    pytest.param("President Donald Trump scolded the Federal Reserve for keeping rates high.",
                 {("Donald Trump", "criticises", "Federal Reserve")}, id="criticises-scold"),
    pytest.param("Senator Ted Cruz upbraided TikTok for its handling of user data.",
                 {("Ted Cruz", "criticises", "TikTok")}, id="criticises-upbraid"),
    pytest.param("Elon Musk lambasted Ofcom in a series of posts.",
                 {("Elon Musk", "criticises", "Ofcom")}, id="criticises-lambaste"),
    pytest.param("The Federal Trade Commission will reexamine Microsoft's acquisition of Activision Blizzard.",
                 {("Federal Trade Commission", "investigates", "Microsoft")}, id="investigates-reexamine"),
    pytest.param("Telegram defied the Brazilian government for weeks.",
                 {("Telegram", "opposes", "Brazilian Government")}, id="opposes-defy"),
    pytest.param("Apple gainsaid the European Commission in its filing.",
                 {("Apple", "opposes", "European Commission")}, id="opposes-gainsay"),
    pytest.param("Hungary blackballed Sweden's membership for months.",
                 {("Hungarian Government", "opposes", "Swedish Government")}, id="opposes-blackball"),
    pytest.param("The European Commission obliged Google to share its search data with rivals.",
                 {("European Commission", "orders", "Google")}, id="orders-oblige"),
    pytest.param("The Supreme Court enjoined Montana from enforcing the ban.",
                 {("Supreme Court", "orders", "Government of Montana")}, id="orders-enjoin"),
    pytest.param("Microsoft purchased LinkedIn in 2016.",
                 {("Microsoft", "owns", "LinkedIn")}, id="owns-purchase"),
    pytest.param("The United Nations acclaimed Kenya for its response.",
                 {("United Nations", "supports", "Kenyan Government")}, id="supports-acclaim"),
    pytest.param("Elon Musk extolled Javier Milei at the conference.",
                 {("Elon Musk", "supports", "Javier Milei")}, id="supports-extol"),
    pytest.param("The Democratic Party indorsed Kamala Harris.",
                 {("Democratic Party", "supports", "Kamala Harris")}, id="supports-indorse"),
    pytest.param("Donald Trump complimented Xi Jinping on the deal.",
                 {("Donald Trump", "supports", "Xi Jinping")}, id="supports-compliment"),
    pytest.param("Russia menaced Moldova with an energy cut-off.",
                 {("Russian Government", "threatens", "Moldovan Government")}, id="threatens-menace"),
    pytest.param("The European Commission exhorted Apple to comply with the rules.",
                 {("European Commission", "urges", "Apple")}, id="urges-exhort"),
    pytest.param("Volodymyr Zelensky begged NATO to send more air defences.",
                 {("Volodymyr Zelensky", "urges", "North Atlantic Treaty Organization")}, id="urges-beg"),
    pytest.param("Meta transgressed the General Data Protection Regulation, the regulator found.",
                 {("Meta", "violates", "General Data Protection Regulation")}, id="violates-transgress"),
    pytest.param("Uber infracted the Data Protection Act, the court found.",
                 {("Uber", "violates", "Data Protection Act")}, id="violates-infract"),
]


@pytest.mark.parametrize(("text", "must"), WORDNET_VERBS)
def test_wordnet_verbs(text: str, must: set) -> None:
    check(text, must, set())


NATIONALITIES = [
    pytest.param("Greenpeace sued the Norwegian government over new oil licences.",
                 {("Greenpeace", "sues", "Norwegian Government")}, id="irregular-nationality-1"),
    pytest.param("Amnesty International criticised the Peruvian government after the protests.",
                 {("Amnesty International", "criticises", "Peruvian Government")}, id="irregular-nationality-2"),
    pytest.param("Human Rights Watch condemned the Swiss government's decision.",
                 {("Human Rights Watch", "criticises", "Swiss Government")}, id="irregular-nationality-3"),
]


@pytest.mark.parametrize(("text", "must"), NATIONALITIES)
def test_nationalities_wordnet_knows(text: str, must: set) -> None:
    check(text, must, set())


def test_the_wordnet_lexicon_is_what_the_review_accepted() -> None:
    """``ontology/lexicon-wordnet.ttl`` holds exactly the verbs ``tools/wordnet-review.tsv`` accepts, and every
    accepted verb has its sentence in :data:`WORDNET_VERBS` (regenerate with ``make lexicon``)."""
    import csv
    from pathlib import Path

    import rdflib

    root = Path(__file__).resolve().parent.parent
    with (root / "tools" / "wordnet-review.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    accepted = {(r[0], r[1]) for r in rows if r[2] == "accept" and r[0] != "nationality"}
    g = rdflib.Graph().parse(root / "ontology" / "lexicon-wordnet.ttl")
    pk = rdflib.Namespace("https://policy-kg.org/ns#")
    generated = {(str(s).removeprefix(str(pk)), str(o)) for s, o in g.subject_objects(pk.verb)}
    assert generated == accepted
    tested = {p.id for p in WORDNET_VERBS}
    assert {f"{rel}-{word}" for rel, word in accepted} <= tested
    rejected = {r[1] for r in rows if r[0] == "nationality" and r[2] == "reject"}
    nations = {str(o).split("=")[0] for o in g.objects(None, pk.nationality)}
    assert nations and not (rejected & nations)
    assert not any(isinstance(t, rdflib.BNode) for triple in g for t in triple)   # the same triples on every load


def test_the_places_lexicon_places_the_datelines_wordnet_lacks() -> None:
    """``ontology/lexicon-places.ttl`` (GeoNames' large cities and capitals; regenerate with ``make places``) names
    the country of datelines WordNet does not place; none of its cities is a country's or a US state's name, one it
    shares with ``lexicon-wordnet.ttl`` is one the two place in two countries (and the loader in none), and the file
    credits GeoNames (CC BY 4.0). Reads only the shipped files."""
    from pathlib import Path

    import rdflib

    from kg.extraction.recognise import is_country_name
    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology()
    for city, country in [("Cairo", "Egypt"), ("Istanbul", "Turkey"), ("Kyiv", "Ukraine"), ("Bengaluru", "India"),
                          ("Santiago", "Chile"), ("ABU DHABI", "United Arab Emirates"), ("Ankara", "Turkey"),
                          ("Dubai", "United Arab Emirates"), ("Seoul", "South Korea"), ("Moscow", "Russia"),
                          ("London", "United Kingdom"), ("Bogota", "Colombia"), ("Bogotá", "Colombia")]:
        assert ont.place_country(city) == country, city
    assert ont.place_country("Washington") == "United States"   # WordNet's pair, not overridden
    assert ont.place_country("Victoria") is None   # Australia's state, not the Hong Kong district

    root = Path(__file__).resolve().parent.parent
    pk = rdflib.Namespace("https://policy-kg.org/ns#")

    def pairs(name: str) -> list[tuple[str, str]]:
        g = rdflib.Graph().parse(root / "ontology" / name)
        assert not any(isinstance(t, rdflib.BNode) for triple in g for t in triple)
        return sorted((p, c) for p, c in (str(o).split("=", 1) for o in g.objects(None, pk.placeIn)))

    places, wordnet = pairs("lexicon-places.ttl"), pairs("lexicon-wordnet.ttl")
    assert len(places) > 1000
    countries = {c for _, c in places + wordnet} | {a.label for a in ont.actors.values() if a.type == "Country"}
    assert [p for p, _ in places if is_country_name(p) or p in countries] == []
    assert not {p for p, _ in places} & {"Washington", "Georgia", "New York", "Texas"}
    # a name both files place is one they place in two countries ("Manchester"), which the loader places nowhere
    shared = {p.casefold() for p, _ in places} & {p.casefold() for p, _ in wordnet}
    assert all(dict(places)[p] != dict(wordnet)[p] for p, _ in places if p.casefold() in shared)
    assert all(ont.place_country(p) is None for p, _ in places if p.casefold() in shared)
    assert "Atlanta" in {p for p, _ in places} and ont.place_country("Atlanta") is None
    assert len({p.casefold() for p, _ in places}) == len(places)   # one country per name, in any case
    assert not any("," in c for _, c in places)   # no "Korea, Republic of"
    header = (root / "ontology" / "lexicon-places.ttl").read_text(encoding="utf-8").split("@prefix")[0]
    assert "GeoNames" in header and "Creative Commons Attribution 4.0" in header


@pytest.mark.parametrize(("text", "body"), [
    pytest.param("CAIRO (Reuters) - The Data Protection Commission fined Vexa Labs on Monday. Vexa Labs said it "
                 "would appeal.", "data-protection-commission-of-egypt", id="geonames-dateline-1"),
    pytest.param("BENGALURU (Reuters) - The High Court suspended Pinmark Systems on Monday.", "high-court-of-india",
                 id="geonames-dateline-2"),
])
def test_a_dateline_the_places_lexicon_holds_says_whose_body_a_generic_name_is(text: str, body: str) -> None:
    ids = {e.id.rsplit("/", 1)[-1] for e in extraction(text).entities}
    assert body in ids, ids


UNSEEN_TITLES = [
    pytest.param("The UK government will act. Deputy PM Angela Rayner said the plan would go ahead.",
                 {("Angela Rayner", "memberOf", "UK Government")}, set(), id="pm-abbreviated-1"),
    pytest.param("The British government responded. PM Keir Starmer said the ban would stay.",
                 {("Keir Starmer", "leads", "UK Government")}, set(), id="pm-abbreviated-2"),
    pytest.param("EU digital chief Henna Virkkunen warned X about its content rules.",
                 {("Henna Virkkunen", "memberOf", "European Union")},
                 {("Henna Virkkunen", "leads", "European Union")}, id="a-field-adjective-names-a-portfolio-1"),
    pytest.param("EU antitrust chief Teresa Ribera criticised Google.",
                 {("Teresa Ribera", "memberOf", "European Union")},
                 {("Teresa Ribera", "leads", "European Union")}, id="a-field-adjective-names-a-portfolio-2"),
    pytest.param("Margrethe Vestager, the European Commissioner for competition, fined Google.",
                 {("Margrethe Vestager", "memberOf", "European Commission")}, set(), id="title-named-after-a-body-1"),
    pytest.param("Federal Trade Commissioner Alvaro Bedoya criticised Amazon.",
                 {("Alvaro Bedoya", "memberOf", "Federal Trade Commission")}, set(), id="title-named-after-a-body-2"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_TITLES)
def test_titles_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


ENFORCEMENT = [
    # Revoking a firm's licence bars it; revoking a decision is no ban on anyone.
    pytest.param("The Data Agency revoked Zeta Chat's licence.", {("Data Agency", "bans", "Zeta Chat")}, set(),
                 id="revoked-a-licence"),
    pytest.param("The Trade Agency revoked the operating licence of Vexa Labs on Monday.",
                 {("Trade Agency", "bans", "Vexa Labs")}, set(), id="revoked-the-licence-of"),
    pytest.param("The Trade Agency revoked the order that Maria Keller signed.", set(),
                 {("Trade Agency", "bans", "Maria Keller")}, id="revoked-an-order"),
    pytest.param("The United States imposed sanctions on Rosneft on Tuesday.",
                 {("US Government", "bans", "Rosneft")}, set(), id="sanctions-on-1"),
    pytest.param("The European Union imposed new sanctions against Belarus.",
                 {("European Union", "bans", "Belarusian Government")}, set(), id="sanctions-against-2"),
    pytest.param("The Treasury sanctioned two Chinese firms and Rosneft.",
                 {("Treasury", "bans", "Rosneft")}, set(), id="sanction-verb"),
    pytest.param("The Russian government throttled Twitter after the invasion.",
                 {("Russian Government", "bans", "X")}, set(), id="throttle"),
    pytest.param("Beijing moved to curb Nvidia's sales in China.",
                 {("Chinese Government", "bans", "Nvidia")}, set(), id="curb-a-possessors-business"),
    pytest.param("The Pakistani government added TikTok to its blacklist.",
                 {("Pakistani Government", "bans", "TikTok")}, set(), id="add-to-blacklist"),
    pytest.param("The United States and its allies imposed an embargo on Cuba.",
                 {("US Government", "bans", "Cuban Government")}, set(), id="embargo-on"),
    pytest.param("Washington restricted exports to China.", set(),
                 {("US Government", "bans", "Chinese Government")}, id="restricting-a-thing-bans-no-one"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ENFORCEMENT)
def test_enforcement_beyond_the_first_lexicon(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_SPEAKERS_AND_NAMES = [
    pytest.param("The Dutch Data Protection Authority (AP) fined Uber. AP chairman Aleid Wolfsen defended the fine.",
                 {("Aleid Wolfsen", "leads", "Dutch Data Protection Authority")},
                 {("Aleid Wolfsen", "leads", "Associated Press")}, id="an-acronym-the-article-defines-wins-1"),
    pytest.param("The Competition Authority of Kenya (CMA) fined Safaricom. The CMA said the firm had misled buyers.",
                 {("Competition Authority of Kenya", "fines", "Safaricom")},
                 {("Competition and Markets Authority", "criticises", "Safaricom")},
                 id="an-acronym-the-article-defines-wins-2"),
    pytest.param("The Dutch Data Protection Authority fined Uber. Uber called the fine disproportionate.",
                 {("Uber", "criticises", "Dutch Data Protection Authority")}, set(), id="naming-a-decision-3"),
    pytest.param("The Dutch Data Protection Authority fined Uber. Uber called the decision completely unjustified.",
                 {("Uber", "criticises", "Dutch Data Protection Authority")}, set(), id="naming-a-decision-4"),
    pytest.param("The Dutch Data Protection Authority fined Uber. “This flawed decision is unjustified,” an Uber "
                 "spokesperson said.", {("Uber", "criticises", "Dutch Data Protection Authority")}, set(),
                 id="a-spokesperson-speaks-for-the-company-1"),
    pytest.param("A Meta spokeswoman criticised the European Commission on Friday.",
                 {("Meta", "criticises", "European Commission")}, set(), id="a-spokesperson-speaks-for-the-company-2"),
    pytest.param("Fahrettin Altun, President Tayyip Erdogan's communications director, criticised Instagram.", set(),
                 {("Fahrettin Altun", "memberOf", "Tayyip Erdogan")}, id="no-one-is-a-member-of-a-person"),
    pytest.param("Turkey blocked Instagram. Transport and Infrastructure Minister Abdulkadir Uraloglu defended it.",
                 {("Abdulkadir Uraloglu", "memberOf", "Turkish Government")},
                 {("Abdulkadir Uraloglu", "memberOf", "Transport")}, id="a-portfolio-is-no-organisation-1"),
    pytest.param("Spain fined Apple. Culture Minister Ernest Urtasun welcomed the fine.",
                 {("Ernest Urtasun", "memberOf", "Spanish Government")},
                 {("Ernest Urtasun", "memberOf", "Culture")}, id="a-portfolio-is-no-organisation-2"),
    pytest.param("Instagram, a subsidiary of Meta, was criticised by the senator.",
                 {("Meta", "owns", "Instagram")}, {("Instagram", "partOf", "Meta")}, id="a-subsidiary-is-owned-1"),
    pytest.param("Google, a unit of Alphabet, was fined by the Commission.",
                 {("Alphabet", "owns", "Google")}, set(), id="a-subsidiary-is-owned-2"),
    pytest.param("The State Department, a branch of the US government, issued a statement.",
                 {("US Department of State", "partOf", "US Government")}, set(), id="a-branch-of-a-government-is-part"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_SPEAKERS_AND_NAMES)
def test_speakers_and_names_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_COUNTRIES_AND_OWNERS = [
    pytest.param("Kenya suspended Worldcoin. Interior Minister Kithure Kindiki said the agencies would examine it.",
                 {("Kithure Kindiki", "memberOf", "Kenyan Government")}, set(),
                 id="the-one-country-outside-the-registry-is-home-1"),
    pytest.param("Nigeria fined Meta. Information Minister Mohammed Idris defended the penalty.",
                 {("Mohammed Idris", "memberOf", "Nigerian Government")}, set(),
                 id="the-one-country-outside-the-registry-is-home-2"),
    pytest.param("Kenya suspended Worldcoin. Kenya's police raided its office in Nairobi. Kenya's courts backed the "
                 "raid. The United States said it was watching. Interior Minister Kithure Kindiki spoke on Friday.",
                 {("Kithure Kindiki", "memberOf", "Kenyan Government")},
                 {("Kithure Kindiki", "memberOf", "US Government")}, id="an-unlisted-country-named-most-is-home"),
    pytest.param("Kenya and Nigeria criticised Worldcoin. Interior Minister Kithure Kindiki spoke first.", set(),
                 {("Kithure Kindiki", "memberOf", "Nigerian Government")}, id="two-countries-no-home"),
    pytest.param("The Office of the Data Protection Commissioner had earlier warned Safaricom about its practices.",
                 {("Office of the Data Protection Commissioner", "threatens", "Safaricom")}, set(),
                 id="a-name-the-ner-cut-before-its-last-word-1"),
    pytest.param("The Office of the Information Commissioner fined Kaito Systems on Monday.",
                 {("Office of the Information Commissioner", "fines", "Kaito Systems")}, set(),
                 id="a-name-the-ner-cut-before-its-last-word-2"),
    pytest.param("Meta had threatened to pull Facebook and Instagram out of Nigeria.", set(),
                 {("Meta", "threatens", "Facebook"), ("Meta", "threatens", "Instagram")},
                 id="no-stance-against-what-one-owns-1"),
    pytest.param("Google said it would shut down YouTube Shorts in Canada.", set(),
                 {("Google", "bans", "YouTube")}, id="no-stance-against-what-one-owns-2"),
    pytest.param("Nigeria's Federal Competition and Consumer Protection Commission (FCCPC) fined Meta. FCCPC chief "
                 "executive Adamu Abdullahi spoke.",
                 {("Adamu Abdullahi", "leads", "Federal Competition and Consumer Protection Commission")}, set(),
                 id="a-body-named-by-common-words-is-no-portfolio"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_COUNTRIES_AND_OWNERS)
def test_countries_and_owners_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_REASONS_AND_NAMES = [
    pytest.param("Ken Paxton, the attorney general of Texas, sued Google for collecting the voice recordings of Texans "
                 "without consent.",
                 {("Ken Paxton", "accuses", "Google")}, set(), id="suing-for-a-deed-accuses-1"),
    pytest.param("Authors sued Anthropic. Kaito Systems sued Zentrix Labs for copying its chip designs.",
                 {("Kaito Systems", "accuses", "Zentrix Labs")}, set(), id="suing-for-a-deed-accuses-2"),
    pytest.param("The European Commission is investigating Meta for allegedly abusing its dominance.",
                 {("European Commission", "accuses", "Meta")}, set(), id="punishing-for-an-alleged-deed-accuses"),
    pytest.param("The European Commission is investigating Meta for its handling of election content.", set(),
                 {("European Commission", "accuses", "Meta")}, id="an-investigation-alone-accuses-no-one"),
    pytest.param("The Federal Trade Commission fined Amazon for misleading customers about Prime.", set(),
                 {("Federal Trade Commission", "accuses", "Amazon")}, id="a-fine-for-a-deed-is-no-further-accusation"),
    pytest.param("The SEC filed charges against Binance for artificially inflating its trade volume.",
                 {("Securities and Exchange Commission", "accuses", "Binance")}, set(), id="charges-against"),
    pytest.param("Japan's government backed the rules. The Fair Trade Commission ordered Google to change its terms.",
                 {("Japan Fair Trade Commission", "orders", "Google")}, set(),
                 id="a-generic-name-is-the-registrys-body-of-the-country-1"),
    pytest.param("Brazil's government criticised X. The Supreme Court ordered X to appoint a representative.",
                 {("Supreme Federal Court of Brazil", "orders", "X")}, set(),
                 id="a-generic-name-is-the-registrys-body-of-the-country-2"),
    pytest.param("Changpeng “CZ” Zhao, the founder of Binance, criticised the SEC.",
                 {("Changpeng Zhao", "criticises", "Securities and Exchange Commission")}, set(),
                 id="a-nickname-quoted-inside-a-name-1"),
    pytest.param("Jonathan “Jon” Reyes, a Kaito Systems engineer, criticised the FTC.",
                 {("Jonathan Reyes", "criticises", "Federal Trade Commission")}, set(),
                 id="a-nickname-quoted-inside-a-name-2"),
    pytest.param("AG Paxton accused Google of misleading users. Ken Paxton sued Google last year.",
                 {("Ken Paxton", "accuses", "Google")}, set(), id="an-abbreviated-title-before-a-surname"),
    pytest.param("Kakao Mobility, a unit of internet giant Kakao Corp, controls the taxi market.",
                 {("Kakao", "owns", "Kakao Mobility")}, set(), id="a-registry-name-runs-on-into-another-1"),
    pytest.param("Ofcom fined Google Cloud on Friday.", {("Ofcom", "fines", "Google Cloud")},
                 {("Ofcom", "fines", "Google")}, id="a-registry-name-runs-on-into-another-2"),
    pytest.param("President Yoon Suk Yeol's office criticised Kakao Mobility.",
                 {("Yoon Suk Yeol", "criticises", "Kakao Mobility")}, set(), id="a-persons-name-cut-before-its-end"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_REASONS_AND_NAMES)
def test_reasons_and_names_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_OWNERSHIP = [
    pytest.param("Meta-owned Facebook and Instagram were fined.",
                 {("Meta", "owns", "Facebook"), ("Meta", "owns", "Instagram")}, set(),
                 id="a-hyphenated-owner-reaches-coordinated-names"),
    pytest.param("Amazon-owned Twitch and Google's YouTube were ordered to remove the videos.",
                 {("Amazon", "owns", "Twitch")}, {("Amazon", "owns", "YouTube")},
                 id="a-name-with-its-own-owner-is-not-reached"),
    pytest.param("Microsoft-owned LinkedIn and Alphabet-owned YouTube were fined.",
                 {("Microsoft", "owns", "LinkedIn"), ("Alphabet", "owns", "YouTube")},
                 {("Microsoft", "owns", "YouTube")}, id="each-name-its-own-owner"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_OWNERSHIP)
def test_ownership_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_REQUESTS = [
    pytest.param("Ofcom requested that X explain how it protects children.", {("Ofcom", "urges", "X")}, set(),
                 id="a-request-that-addresses-its-clauses-subject-1"),
    pytest.param("The European Commission asked that Apple open its payment chip to rivals.",
                 {("European Commission", "urges", "Apple")}, set(),
                 id="a-request-that-addresses-its-clauses-subject-2"),
    pytest.param("The FTC requested that Amazon's rivals be heard.", set(),
                 {("Federal Trade Commission", "urges", "Amazon")},
                 id="the-addressee-is-the-subject-not-its-possessor"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_REQUESTS)
def test_requests_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


INSTITUTION_FIELDS = [
    pytest.param("Brazil's consumer protection agency notified Apple about the complaints.",
                 {("Brazilian Consumer Protection Agency", "contacts", "Apple")},
                 {("Autoridade Nacional de Proteção de Dados", "contacts", "Apple")},
                 id="a-shared-word-is-no-shared-field"),
    pytest.param("Ireland's data protection regulator fined Meta.",
                 {("Irish Data Protection Commission", "fines", "Meta")}, set(), id="a-field-named-by-two-words"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INSTITUTION_FIELDS)
def test_institutions_by_their_field(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_DIRECTIVES_AND_AGREEMENTS = [
    pytest.param("The Federal Trade Commission told Amazon to stop selling the cameras.",
                 {("Federal Trade Commission", "orders", "Amazon")}, set(), id="an-enforcer-tells-x-to-act-1"),
    pytest.param("Ofcom has told Rumble to take the videos down within a week.",
                 {("Ofcom", "orders", "Rumble")}, set(), id="an-enforcer-tells-x-to-act-2"),
    pytest.param("Elon Musk told Tesla to build a cheaper car.", {("Elon Musk", "urges", "Tesla")},
                 {("Elon Musk", "orders", "Tesla")}, id="anyone-else-telling-x-to-act-asks"),
    pytest.param("Microsoft told the European Commission that it would comply.", set(),
                 {("Microsoft", "urges", "European Commission"), ("Microsoft", "orders", "European Commission")},
                 id="telling-that-is-speech"),
    pytest.param("Twenty firms, including Microsoft and Adobe, signed the Munich Accord on Friday.",
                 {("Microsoft", "supports", "Munich Accord"), ("Adobe", "supports", "Munich Accord")}, set(),
                 id="signing-an-agreement-1"),
    pytest.param("Kenya ratified the Malabo Convention last year.",
                 {("Kenyan Government", "supports", "Malabo Convention")}, set(), id="signing-an-agreement-2"),
    pytest.param("President Joe Biden signed the Chips Act into law.", set(),
                 {("Joe Biden", "supports", "CHIPS and Science Act")}, id="a-bill-signed-into-law-is-enacted"),
    pytest.param("Stripe and Visa lobbied against the Payments Act when it was proposed.",
                 {("Stripe", "opposes", "Payments Act"), ("Visa", "opposes", "Payments Act")}, set(),
                 id="against-phrases-oppose-1"),
    pytest.param("Microsoft spoke out against the Data Act, and Google campaigned against the Online News Act.",
                 {("Microsoft", "opposes", "Data Act"), ("Google", "opposes", "Online News Act")}, set(),
                 id="against-phrases-oppose-2"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_DIRECTIVES_AND_AGREEMENTS)
def test_directives_and_agreements_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_ACCUSATIONS = [
    pytest.param("The European Commission fined Apple on Monday, accusing it of abusing its dominance.",
                 {("European Commission", "accuses", "Apple")}, set(), id="it-accused-of-a-deed-is-an-actor-1"),
    pytest.param("Google released a phone. The Dutch regulator ACM fined Apple, blaming it for delaying refunds.",
                 {("ACM", "accuses", "Apple")}, {("ACM", "accuses", "Google")},
                 id="it-accused-of-a-deed-is-an-actor-2"),
    pytest.param("Ofcom wrote to Meta last week and urged it to delay the launch.",
                 {("Ofcom", "urges", "Meta")}, set(), id="it-told-to-act-is-an-actor"),
    pytest.param("The Central Bank of Nigeria fined Flutterwave, accusing the firm of breaching the Payments Act.",
                 {("Central Bank of Nigeria", "fines", "Flutterwave"),
                  ("Central Bank of Nigeria", "accuses", "Flutterwave"), ("Flutterwave", "violates", "Payments Act")},
                 set(), id="a-name-run-through-a-verb-is-two-names"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_ACCUSATIONS)
def test_accusations_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_TYPES = [
    pytest.param("The Reserve Bank of India fined Paytm. The European Central Bank warned Revolut.",
                 {"Reserve Bank of India": "Regulator", "European Central Bank": "Regulator"}, id="central-banks"),
    pytest.param("Flutterwave opened an office in Nairobi. The Central Bank of Kenya later fined the company.",
                 {"Flutterwave": "Company"}, id="the-company-types-a-bare-name"),
    pytest.param("Apple opened a shop in Nairobi in May. Flutterwave opened an office there in June. The Central "
                 "Bank of Kenya later fined the company.", {"Flutterwave": "Organisation", "Apple": "Company"},
                 id="the-company-means-a-company-named-before-a-bare-name"),
    pytest.param("Amazon signed the Climate Pledge, and Kenya ratified the Malabo Convention.",
                 {"Climate Pledge": "Legislation", "Malabo Convention": "Legislation"}, id="agreements-by-name"),
]


@pytest.mark.parametrize(("text", "types"), UNSEEN_TYPES)
def test_types_in_unseen_news(text: str, types: dict[str, str]) -> None:
    got = {label: typ for label, (typ, _) in entities(text).items()}
    assert {k: got.get(k) for k in types} == types, got


UNSEEN_AUTHORITIES_AND_NAMING = [
    pytest.param("Authorities in Kenya have accused Worldcoin of collecting biometric data illegally.",
                 {("Kenyan Government", "accuses", "Worldcoin")}, set(), id="authorities-in-a-country-1"),
    pytest.param("Kenyan authorities suspended Worldcoin in August.",
                 {("Kenyan Government", "bans", "Worldcoin")}, set(), id="authorities-of-a-nationality"),
    pytest.param("Authorities in Germany fined the payments company Wirecard.",
                 {("German Government", "fines", "Wirecard")}, set(), id="authorities-in-a-country-2"),
    pytest.param("Kenya's data protection authority fined Worldcoin.",
                 {("Data Protection Authority of Kenya", "fines", "Worldcoin")},
                 {("Kenyan Government", "fines", "Worldcoin")}, id="a-singular-authority-is-no-government"),
    pytest.param("Elon Musk called the Australian government fascists.",
                 {("Elon Musk", "accuses", "Australian Government")}, set(), id="calling-an-actor-names-1"),
    pytest.param("Senator Ron Wyden described the FBI as reckless.",
                 {("Ron Wyden", "accuses", "Federal Bureau of Investigation")}, set(), id="calling-an-actor-names-2"),
    pytest.param("TikTok argued that the Online Safety Act violated the First Amendment.", set(),
                 {("TikTok", "criticises", "Online Safety Act")}, id="a-law-said-to-be-bad-is-no-actor-criticised"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_AUTHORITIES_AND_NAMING)
def test_authorities_and_naming_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_authorities_with_no_country_and_no_article_are_nobody_in_particular() -> None:
    text = ("Brazilian authorities threatened to suspend Telegram, a US-based blogger said. The judge said the "
            "company had been uncooperative with authorities.")
    aliases = {label: set(a) for label, (_, a) in entities(text).items()}
    assert "authorities" not in aliases.get("US Government", set()), aliases


UNSEEN_EPITHETS_AND_BENCHES = [
    pytest.param("Italy's privacy watchdog fined the ChatGPT maker 15 million euros.",
                 {("Italian Data Protection Authority", "fines", "OpenAI")}, set(),
                 id="a-maker-named-by-its-product-1"),
    pytest.param("The European Commission fined the Instagram parent on Thursday.",
                 {("European Commission", "fines", "Meta")}, set(), id="a-maker-named-by-its-product-2"),
    pytest.param("The Commission fined the Vexo maker on Thursday.", set(),
                 {("European Commission", "fines", "Vexo")}, id="an-unknown-product-names-no-maker"),
    pytest.param("The Seoul High Court heard the case on Monday. Presiding Judge Ham Sang-hoon said the order would "
                 "be suspended.", {("Ham Sang-hoon", "memberOf", "Seoul High Court")}, set(),
                 id="a-judge-sits-in-the-one-court-named-1"),
    pytest.param("The Federal Court of Australia heard the case. Justice Ada Brent said Google had misled users.",
                 {("Ada Brent", "memberOf", "Federal Court of Australia")}, set(),
                 id="a-judge-sits-in-the-one-court-named-2"),
    pytest.param("The Supreme Court and the Court of Appeal both heard the case. Judge Ana Lima said the order "
                 "would be suspended.", set(), {("Ana Lima", "memberOf", "Court of Appeal"),
                                                ("Ana Lima", "memberOf", "Supreme Court")},
                 id="of-two-courts-no-guess"),
    pytest.param("Japan's Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo.",
                 {("Yoon Suk Yeol", "leads", "South Korean Government")}, set(),
                 id="a-nationality-of-two-words-in-a-title"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_EPITHETS_AND_BENCHES)
def test_epithets_and_benches_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


ORDERED_BANS = [
    pytest.param("Justice Ana Lima of the Supreme Court ordered Google and Apple to help block Telegram within "
                 "two days.",
                 {("Ana Lima", "bans", "Telegram"), ("Ana Lima", "orders", "Apple")},
                 {("Apple", "bans", "Telegram"), ("Google", "bans", "Telegram")}, id="the-one-ordering-a-block-bans-1"),
    pytest.param("Ofcom told internet providers to block Rumble.", {("Ofcom", "bans", "Rumble")}, set(),
                 id="the-one-ordering-a-block-bans-2"),
    pytest.param("Apple and Google agreed to block Telegram.", {("Apple", "bans", "Telegram")}, set(),
                 id="a-block-no-one-ordered"),
    pytest.param("The ministry urged companies like Zeta Chat, Kinmira Labs and Orbis Pay to collaborate in removing "
                 "content.", set(), {("Zeta Chat", "cooperatesWith", "Kinmira Labs"),
                                     ("Kinmira Labs", "cooperatesWith", "Orbis Pay")},
                 id="those-urged-to-collaborate-work-with-no-one-yet"),
    pytest.param("The Kenyan government asked internet providers to suspend Zeta Chat for a week.",
                 {("Kenyan Government", "bans", "Zeta Chat")}, set(), id="an-enforcer-asking-for-a-block-bans-1"),
    pytest.param("Ofcom has asked mobile operators to restrict Rumble.", {("Ofcom", "bans", "Rumble")}, set(),
                 id="an-enforcer-asking-for-a-block-bans-2"),
    pytest.param("Access Now asked Apple to block Zeta Chat.", {("Access Now", "urges", "Apple")},
                 {("Access Now", "bans", "Zeta Chat"), ("Apple", "bans", "Zeta Chat")},
                 id="a-campaigner-asking-for-a-block-bans-nothing"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ORDERED_BANS)
def test_ordered_bans(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


DECISION_MAKERS = [
    pytest.param("The Competition Bureau sued Google in March. In May, the European Commission fined Google. "
                 "Heritage Minister Ana Roy welcomed the move.",
                 {("Ana Roy", "supports", "Competition Bureau Canada")},
                 {("Ana Roy", "supports", "European Commission")},
                 id="a-bystander-speaks-of-the-storys-first-decision"),
    pytest.param("Turkey blocked access to Discord on Wednesday. Its telecoms authority BTK restricted access to "
                 "Roblox in August. The opposition leader Ozgur Ozel condemned the move.",
                 {("Ozgur Ozel", "criticises", "Turkish Government")},
                 {("Ozgur Ozel", "criticises", "Turkish Information and Communication Technologies Authority")},
                 id="a-bystander-condemns-the-storys-first-decision"),
    pytest.param("The European Commission fined Apple in March. In May, the Competition and Markets Authority "
                 "ordered Google to change its ad auctions. Google said it would appeal the decision.",
                 {("Google", "opposes", "Competition and Markets Authority")},
                 {("Google", "opposes", "European Commission")}, id="the-target-appeals-what-was-done-to-it"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), DECISION_MAKERS)
def test_decision_makers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_REASONS_AND_TITLES = [
    pytest.param("The European Commission opened formal proceedings against Meta in April over suspected breaches "
                 "of the Digital Services Act.", {("Meta", "violates", "Digital Services Act")},
                 {("European Commission", "violates", "Digital Services Act")}, id="a-reason-is-the-targets-deed-1"),
    pytest.param("Ofcom fined Rumble for breaches of the Online Safety Act.",
                 {("Rumble", "violates", "Online Safety Act")}, {("Ofcom", "violates", "Online Safety Act")},
                 id="a-reason-is-the-targets-deed-2"),
    pytest.param("Dutch MEP Kim van Sparrentak criticised Meta.",
                 {("Kim van Sparrentak", "memberOf", "European Parliament"), ("Kim van Sparrentak", "criticises",
                                                                               "Meta")},
                 {("Dutch MEP", "criticises", "Meta")}, id="a-nationality-and-a-title-are-no-name"),
    pytest.param("German MEP Axel Voss criticised TikTok.", {("Axel Voss", "memberOf", "European Parliament")},
                 set(), id="a-unions-chamber-seats-every-nationality"),
    pytest.param("Mexican senator Ana Ruiz criticised Meta.", set(), {("Ana Ruiz", "memberOf", "United States Senate")},
                 id="a-countrys-chamber-seats-its-own"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_REASONS_AND_TITLES)
def test_reasons_and_titles_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_suspected_breach_is_hedged() -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text("The European Commission opened proceedings against Meta over suspected "
                                         "breaches of the Digital Services Act.", article_id="t")])
    (breach,) = [t for t in ex.triples if t.relation == "violates"]
    assert breach.modality == "hedged"


SPONSORS_AND_PARTS = [
    pytest.param("The Kids Online Safety Act, sponsored by Senators Richard Blumenthal and Marsha Blackburn, would "
                 "require platforms to limit features.",
                 {("Richard Blumenthal", "supports", "Kids Online Safety Act"),
                  ("Marsha Blackburn", "supports", "Kids Online Safety Act")}, set(), id="a-bills-sponsors-back-it"),
    pytest.param("Senator Scott Wiener introduced SB 1047 in February.", {("Scott Wiener", "supports", "SB 1047")},
                 set(), id="introducing-a-bill-backs-it"),
    pytest.param("The bill, introduced by state Sen. Ada Moss, D-San Francisco, targeted large AI firms. SB 99 was "
                 "authored by Ada Moss.", {("Ada Moss", "supports", "SB 99")},
                 {("D-San Francisco", "supports", "SB 99")}, id="a-party-and-district-tag-is-no-actor"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SPONSORS_AND_PARTS)
def test_sponsors(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_the_senate_is_no_committee_named_after_it() -> None:
    text = ("The Senate Commerce Committee approved the bill on Thursday, sending it to the full Senate. "
            "Senate Majority Leader Chuck Schumer wants a vote in August.")
    aliases = {label: set(a) for label, (_, a) in entities(text).items()}
    assert not {"Senate", "the Senate", "the full Senate"} & aliases["Senate Commerce Committee"], aliases
    assert ("Chuck Schumer", "leads", "Senate Commerce Committee") not in facts(text)


ALONG_WITH = [
    # A doer "along with" others, whose verb the parser hung on the list as a participle, acts with them.
    pytest.param("Vexa Labs, along with Pinmark Systems, lobbied against the Data Act.",
                 {("Vexa Labs", "opposes", "Data Act"), ("Pinmark Systems", "opposes", "Data Act")}, set(),
                 id="along-with-commas"),
    pytest.param("Vexa Labs - along with Pinmark Systems and Zeta Chat - lobbied against the Data Act last year.",
                 {("Vexa Labs", "opposes", "Data Act"), ("Pinmark Systems", "opposes", "Data Act")}, set(),
                 id="along-with-dashes"),
    pytest.param("Zeta Chat, bought by Vexa Labs in 2019, grew fast.", {("Vexa Labs", "owns", "Zeta Chat")}, set(),
                 id="a-true-participle-stays-passive"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ALONG_WITH)
def test_a_doer_along_with_others(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_spaced_dash_ends_a_name() -> None:
    got = entities("Vexa Labs - along with Pinmark Systems - lobbied against the Data Act.")
    assert "Vexa Labs" in got and not any("along" in label for label in got), sorted(got)


SUPPOSED_AND_THREATENED = [
    # What a condition supposes is no statement, unless it says the act goes on; what one threatens to do is not done.
    pytest.param("If the Data Agency fines Vexa Labs, the firm will appeal.", set(),
                 {("Data Agency", "fines", "Vexa Labs")}, id="if-clause"),
    pytest.param("Until the Trade Agency bans Zeta Chat, parents will worry.", set(),
                 {("Trade Agency", "bans", "Zeta Chat")}, id="until-clause"),
    pytest.param("The Data Agency threatened more fines if Vexa Labs continues to violate the Online Safety Act.",
                 {("Vexa Labs", "violates", "Online Safety Act")}, set(), id="if-it-continues"),
    pytest.param("The Trade Agency threatened to block Zeta Chat unless it deleted the posts.",
                 {("Trade Agency", "threatens", "Zeta Chat")}, {("Trade Agency", "bans", "Zeta Chat")},
                 id="threatened-to-block"),
    pytest.param("The Data Agency warned that the Trade Agency had blocked Zeta Chat.",
                 {("Trade Agency", "bans", "Zeta Chat")}, set(), id="a-warning-of-what-was-done"),
    pytest.param("Pinmark Systems threatened to sue Vexa Labs over the patent.",
                 {("Pinmark Systems", "threatens", "Vexa Labs")}, {("Pinmark Systems", "sues", "Vexa Labs")},
                 id="threatened-to-sue"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SUPPOSED_AND_THREATENED)
def test_what_is_supposed_or_threatened_is_not_done(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNSEEN_INVESTIGATIONS = [
    # An inquiry widened to take in others acts on them too.
    pytest.param("An inquiry by the Data Agency into Vexa Labs has been expanded to include Pinmark Systems and "
                 "Zeta Chat.", {("Data Agency", "investigates", "Pinmark Systems"),
                                ("Data Agency", "investigates", "Zeta Chat")}, set(), id="inquiry-expanded-to-include"),
    pytest.param("The Trade Agency widened its investigation to cover Pinmark Systems.",
                 {("Trade Agency", "investigates", "Pinmark Systems")}, set(), id="investigation-widened-to-cover"),
    pytest.param("The Trade Agency expanded its board to include Pinmark Systems.", set(),
                 {("Trade Agency", "investigates", "Pinmark Systems")}, id="a-board-widened-acts-on-no-one"),
    pytest.param("Ofcom has opened an investigation into 4chan over its failure to respond to requests.",
                 {("Ofcom", "investigates", "4chan")}, set(), id="a-name-opening-with-a-digit-1"),
    pytest.param("The FTC sued 23andMe on Monday.", {("Federal Trade Commission", "sues", "23andMe")}, set(),
                 id="a-name-opening-with-a-digit-2"),
    pytest.param("Ofcom said it was looking into whether X had complied with the Online Safety Act.",
                 {("Ofcom", "investigates", "X")}, set(), id="looking-into-whether-1"),
    pytest.param("The regulator Ofcom is looking into how TikTok checks the ages of its users.",
                 {("Ofcom", "investigates", "TikTok")}, set(), id="looking-into-whether-2"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNSEEN_INVESTIGATIONS)
def test_investigations_in_unseen_news(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_number_is_no_name() -> None:
    assert not {label for label in entities("Ofcom fined 3 companies and opened an inquiry into 40 others.")} - {
        "Ofcom", "UK Government"}


MANDATES = [
    pytest.param("The ACCC demanded that Google end its search deals with Telstra.",
                 {("Australian Competition and Consumer Commission", "urges", "Google")}, set(),
                 id="a-demand-that-x-act-1"),
    pytest.param("The European Commission insisted that Apple open its payment chip.",
                 {("European Commission", "urges", "Apple")}, set(),
                 id="a-demand-that-x-act-2"),
    pytest.param("Senators asked Tulsi Gabbard to demand the UK retract its order.", set(),
                 {("Tulsi Gabbard", "urges", "UK Government")}, id="a-demand-with-no-subjunctive-clause"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), MANDATES)
def test_mandates(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


BACKGROUND_OWNERS = [
    pytest.param("Meta said Instagram would add new settings for teenagers.", {("Meta", "owns", "Instagram")}, set(),
                 id="an-owner-and-its-product-in-one-sentence"),
    pytest.param("OpenAI said ChatGPT had 800 million weekly users.", {("OpenAI", "develops", "ChatGPT")},
                 {("OpenAI", "owns", "ChatGPT")}, id="a-developer-and-its-ai-system-in-one-sentence"),
    pytest.param("Google was fined on Monday. Separately, Instagram added new settings.", set(),
                 {("Meta", "owns", "Instagram"), ("Google", "owns", "Instagram")},
                 id="an-owner-not-named-is-not-stated"),
    pytest.param("Meta was fined on Monday. Instagram added new settings on Tuesday.", set(),
                 {("Meta", "owns", "Instagram")}, id="an-owner-named-in-another-sentence-is-not-stated"),
    pytest.param("Google said Telegram would be removed from its store.", set(), {("Google", "owns", "Telegram")},
                 id="a-product-with-no-known-owner"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), BACKGROUND_OWNERS)
def test_background_owners(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_background_ownership_says_so_and_is_weak() -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text("Meta said Instagram would add new settings.", article_id="t")])
    (own,) = [t for t in ex.triples if t.relation == "owns"]
    assert own.rule.startswith("background") and own.confidence < 0.6


def test_a_bare_name_is_a_name_wherever_the_article_uses_it() -> None:
    from kg.extraction.pipeline import extract_articles

    text = "Ofcom opened an investigation into 4chan. Ofcom said it would give 4chan a chance to respond."
    (ex,) = extract_articles([parse_text(text, article_id="t")])
    (chan,) = [i for i, e in enumerate(ex.entities) if e.label == "4chan"]
    assert len(ex.mentions[chan]) == 2, ex.mentions[chan]


def test_a_registry_name_inside_a_persons_span_leaves_the_person() -> None:
    text = 'Meta will appeal the fine. "We will appeal," said Meta spokesperson Andy Stone.'
    assert ("Andy Stone", "memberOf", "Meta") in facts(text)


ENFORCERS_SPEAKING = [
    pytest.param("Ofcom said 4chan had breached the Online Safety Act.", {("Ofcom", "accuses", "4chan")},
                 {("Ofcom", "criticises", "4chan")}, id="an-enforcer-saying-x-did-wrong-accuses-1"),
    pytest.param("The Dutch Data Protection Authority said Uber had transferred drivers' data illegally.",
                 {("Dutch Data Protection Authority", "accuses", "Uber")}, set(),
                 id="an-enforcer-saying-x-did-wrong-accuses-2"),
    pytest.param("Epic Games said Apple had acted unlawfully.", {("Epic Games", "accuses", "Apple")},
                 {("Epic Games", "criticises", "Apple")}, id="anyone-saying-x-did-wrong-accuses"),
    pytest.param("Epic Games said Apple's fees were unfair and excessive.", {("Epic Games", "criticises", "Apple")},
                 {("Epic Games", "accuses", "Apple")}, id="anyone-else-judging-criticises"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ENFORCERS_SPEAKING)
def test_enforcers_speaking(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "name", "iri"), [
    pytest.param("Khan said the new rules were unfair to small shops.", "Khan", "https://policy-kg.org/id/khan",
                 id="a-bare-surname-may-be-anyones"),
    pytest.param("Chair Khan said the new rules were fair.", "Khan", "https://policy-kg.org/id/lina-khan",
                 id="a-titled-surname-is-the-public-figures"),
    pytest.param("The Biden administration backed the bill.", "Biden", "https://policy-kg.org/id/joe-biden",
                 id="a-surname-heading-an-administration"),
])
def test_a_surname_alone_joins_a_registry_person_only_with_a_title(text: str, name: str, iri: str) -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text(text, article_id="t")])
    assert {e.id for e in ex.entities if name in e.aliases or e.label == name} == {iri}


OFFICES = [
    pytest.param('"This is a landmark day," said Julie Inman Grant, Australia\'s eSafety Commissioner.',
                 {("Julie Inman Grant", "leads", "eSafety Commissioner")},
                 {("Julie Inman Grant", "memberOf", "Australian Government")}, id="an-office-that-is-a-body-1"),
    pytest.param("Dutch data protection authority AP fined Uber. Aleid Wolfsen, the Netherlands' Data Protection "
                 "Commissioner, said the fine was deserved.", set(),
                 {("Aleid Wolfsen", "leads", "Government of the Netherlands")}, id="an-office-no-body-names"),
    pytest.param("European Commissioner Henna Virkkunen said the rules would apply.",
                 {("Henna Virkkunen", "memberOf", "European Commission")},
                 {("Henna Virkkunen", "leads", "European Commission")}, id="a-title-named-after-a-body-is-a-seat"),
    pytest.param("The Administrative Division of the Seoul High Court (Presiding Judge Ham Sang-hoon) heard it.",
                 set(), {("Ham Sang-hoon", "leads", "Administrative Division")}, id="a-unit-is-no-office"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), OFFICES)
def test_offices(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


INSTITUTIONS_BY_FIELD = [
    pytest.param("Kenya's data protection office fined Worldcoin.",
                 {("Data Protection Office of Kenya", "fines", "Worldcoin")},
                 {("Kenyan Government", "fines", "Worldcoin")}, id="an-office-by-country-and-field"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INSTITUTIONS_BY_FIELD)
def test_institutions_by_field(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_an_office_with_no_field_is_no_institution() -> None:
    assert set(entities("Apple opened an office in Kenya, and Worldcoin moved its office to Nairobi.")) <= {
        "Apple", "Kenya", "Worldcoin", "Nairobi", "Kenyan Government"}


INSTITUTION_NAMES_AND_BANS = [
    pytest.param("Russia's communications regulator Roskomnadzor restricted calls on WhatsApp.",
                 {("Roskomnadzor", "bans", "WhatsApp")}, set(), id="a-ban-on-what-a-service-offers-1"),
    pytest.param("Ofcom blocked downloads of TikTok.", {("Ofcom", "bans", "TikTok")}, set(),
                 id="a-ban-on-what-a-service-offers-2"),
    pytest.param("The Nigerian government blocked the websites of crypto exchanges Kinmira Pay, Zeltra Coin and Orbis.",
                 {("Nigerian Government", "bans", "Kinmira Pay"), ("Nigerian Government", "bans", "Zeltra Coin")},
                 set(), id="a-ban-on-what-firms-offer"),
    pytest.param("Nigeria's Federal Competition and Consumer Protection Commission fined Meta $220 million.",
                 {("Federal Competition and Consumer Protection Commission", "fines", "Meta")}, set(),
                 id="a-name-the-ner-cut-at-and"),
    pytest.param("India's IT ministry ordered X to block 8,000 accounts.",
                 {("Ministry of Electronics and Information Technology", "orders", "X")}, set(),
                 id="a-field-in-capitals"),
    pytest.param("Turkey's information and communication technologies authority blocked Instagram.",
                 {("Turkish Information and Communication Technologies Authority", "bans", "Instagram")},
                 {("Personal Data Protection Authority of Turkey", "bans", "Instagram")},
                 id="a-description-matching-a-registry-name-word-for-word"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INSTITUTION_NAMES_AND_BANS)
def test_institution_names_and_bans(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


ENVOYS_AND_MINISTRIES = [
    pytest.param("Britain summoned China's ambassador on Monday.",
                 {("UK Government", "contacts", "Chinese Government")}, set(), id="an-envoy-stands-for-a-government-1"),
    pytest.param("China's foreign ministry summoned the Dutch ambassador.",
                 {("Chinese Foreign Ministry", "contacts", "Dutch Government")}, set(),
                 id="an-envoy-stands-for-a-government-2"),
    pytest.param("The Dutch ambassador, Ada de Vries, met Wang Yi.", {("Ada de Vries", "meets", "Wang Yi")},
                 {("Dutch Government", "meets", "Wang Yi")}, id="a-named-envoy-is-a-person"),
    pytest.param("China's foreign ministry criticised Apple.", {("Chinese Foreign Ministry", "criticises", "Apple")},
                 set(), id="a-field-word-the-parser-took-for-a-name"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), ENVOYS_AND_MINISTRIES)
def test_envoys_and_ministries(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


COURTS_AS_FORUMS = [
    pytest.param("X petitioned the Karnataka High Court against the Indian government's blocking orders.",
                 {("X", "opposes", "Indian Government"), ("X", "urges", "High Court of Karnataka")}, set(),
                 id="petitioning-a-court-against-a-government"),
    pytest.param("The Court of Appeal upheld Ofcom's fine on Rumble.",
                 {("Ofcom", "fines", "Rumble"), ("Court of Appeal", "supports", "Ofcom")},
                 {("Court of Appeal", "fines", "Rumble")}, id="a-court-upholds-a-fine-it-did-not-impose"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), COURTS_AS_FORUMS)
def test_courts_as_forums(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


OBLIGATIONS = [
    pytest.param('"Google must offer rivals a fair share of the market by June," Teresa Ribera said.',
                 {("Teresa Ribera", "urges", "Google")}, set(), id="saying-someone-must-act-urges-them-1"),
    pytest.param("Ofcom said Rumble should appoint a representative in Britain.", {("Ofcom", "urges", "Rumble")},
                 set(), id="saying-someone-must-act-urges-them-2"),
    pytest.param("Apple said it must protect its users.", set(), {("Apple", "urges", "Apple")},
                 id="ones-own-duty-urges-no-one"),
    pytest.param("Ofcom said Rumble should not be fined twice.", set(), {("Ofcom", "urges", "Rumble")},
                 id="a-negated-duty-urges-no-one"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), OBLIGATIONS)
def test_obligations(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


OCCUPATIONS = [
    pytest.param("Daniel Kahn Gillmor, a senior technologist at the ACLU, said the law was dangerous.",
                 {("Daniel Kahn Gillmor", "memberOf", "American Civil Liberties Union")}, set(),
                 id="an-occupation-at-an-organisation-1"),
    pytest.param("Maria Lund, a campaigner with Amnesty International, criticised the ban.",
                 {("Maria Lund", "memberOf", "Amnesty International")}, set(), id="an-occupation-at-an-organisation-2"),
    pytest.param("Jo Lee, a critic of Meta, spoke at Harvard.", set(), {("Jo Lee", "memberOf", "Meta")},
                 id="a-critic-of-is-no-member"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), OCCUPATIONS)
def test_occupations(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


EMBASSIES_AND_OFFICIALS = [
    pytest.param("China's embassy in Germany criticised the decision to exclude Huawei.", set(),
                 {("Chinese Government", "criticises", "German Government")}, id="an-embassy-is-no-government"),
    pytest.param("The Russian embassy in Paris urged French authorities to release Durov.",
                 {("Russian Embassy in Paris", "urges", "French Government")}, set(), id="an-embassy-in-a-city"),
    pytest.param("The Kenyan embassy criticised Meta.", {("Kenyan Embassy", "criticises", "Meta")}, set(),
                 id="an-embassy-of-an-unlisted-country"),
    pytest.param("Chinese officials accused the United States of hacking.",
                 {("Chinese Government", "accuses", "US Government")}, set(), id="a-nations-officials"),
    pytest.param("Meta officials met Ofcom on Monday.", set(), {("US Government", "meets", "Ofcom")},
                 id="a-companys-officials-are-no-government"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), EMBASSIES_AND_OFFICIALS)
def test_embassies_and_officials(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_an_embassy_is_named_by_its_country_and_seat() -> None:
    got = entities("China's embassy in Germany criticised Huawei's rivals.")
    assert got.get("Chinese Embassy in Germany", (None,))[0] == "GovernmentBody", got


def test_a_datelines_agency_is_no_acronym_of_the_place() -> None:
    import spacy

    from kg.extraction.recognise import bracketed_acronym

    nlp = spacy.blank("en")
    assert bracketed_acronym(nlp("UNITED NATIONS (AP) — The Assembly voted."), 2) is None
    assert bracketed_acronym(nlp("BERLIN (AFP) - Germany voted."), 1) is None
    assert bracketed_acronym(nlp("the Dutch Data Protection Authority (AP) fined Uber."), 5) == "AP"


WISHES = [
    pytest.param("The European Commission called for Meta to stop using personal data for ads.",
                 {("European Commission", "urges", "Meta")}, set(), id="calling-for-x-to-act"),
    pytest.param("The EU wants Apple to open its iPhone to rival watches.", {("European Union", "urges", "Apple")},
                 set(), id="wanting-x-to-act"),
    pytest.param("Ofcom encouraged TikTok and Snapchat to adopt age checks.",
                 {("Ofcom", "urges", "TikTok"), ("Ofcom", "urges", "Snapchat")}, set(), id="encouraging-x-to-act"),
    pytest.param("The minister called Meta to discuss the rules.", set(), {("UK Government", "urges", "Meta")},
                 id="a-call-is-no-wish-without-for"),
    pytest.param("Maria Keller implored the Data Agency to step in.", {("Maria Keller", "urges", "Data Agency")},
                 set(), id="imploring-x-to-act"),
    pytest.param("Parents entreated Pinmark Systems to listen, and John Hartley beseeched Vexa Labs to stop.",
                 {("John Hartley", "urges", "Vexa Labs")}, set(), id="beseeching-x-to-act"),
    # One called on to act who has no name is still the one to act, never the caller.
    pytest.param("Maria Keller called on the government to ban Zeta Chat.", set(),
                 {("Maria Keller", "bans", "Zeta Chat")}, id="called-on-the-unnamed-to-act"),
    pytest.param("John Hartley appealed to lawmakers to block Pinmark Systems last week.", set(),
                 {("John Hartley", "bans", "Pinmark Systems")}, id="appealed-to-the-unnamed-to-act"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), WISHES)
def test_wishes(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


INSTRUMENTS = [
    pytest.param("Twenty companies signed the accord on Friday. Meta and Google said they backed the accord.",
                 {("Meta", "supports", "accord"), ("Google", "supports", "accord")}, set(),
                 id="an-instrument-described-never-named-1"),
    pytest.param("The Senate voted to strip the proposed 10-year moratorium from the bill. Senator Marsha Blackburn "
                 "opposed the moratorium.", {("Marsha Blackburn", "opposes", "proposed 10-year moratorium")}, set(),
                 id="an-instrument-described-never-named-2"),
    pytest.param("The Munich Accord was signed in February. Meta said it backed the accord.",
                 {("Meta", "supports", "Munich Accord")}, {("Meta", "supports", "accord")},
                 id="a-named-instrument-before-is-the-one-meant"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INSTRUMENTS)
def test_instruments(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_passive_agent_the_parser_hung_on_the_sum() -> None:
    check("Uber has been fined 290 million euros by the Dutch privacy watchdog.",
          {("Dutch Data Protection Authority", "fines", "Uber")}, set())
    check("Uber has been fined 290 million euros by the end of the year.", set(),
          {("Dutch Data Protection Authority", "fines", "Uber")})


COUNTRIES_UNLISTED_AND_CHAMBERS = [
    pytest.param("Ghana's government suspended Zeta Chat after the vote.",
                 {("Ghanaian Government", "bans", "Zeta Chat")}, set(), id="a-possessed-government-outside-registry-1"),
    pytest.param("Peru's government ordered Kinmira Labs to delete the records.",
                 {("Peruvian Government", "orders", "Kinmira Labs")}, set(),
                 id="a-possessed-government-outside-registry-2"),
    pytest.param("Ghana's parliament condemned Vodafone over the leak.",
                 {("Parliament of Ghana", "criticises", "Vodafone")},
                 {("Ghanaian Government", "criticises", "Vodafone")},
                 id="a-chamber-outside-registry-by-possessor"),
    pytest.param("The Peruvian congress denounced Kinmira Labs for the outage.",
                 {("Congress of Peru", "criticises", "Kinmira Labs")}, set(),
                 id="a-chamber-outside-registry-by-demonym"),
    pytest.param("Italy's parliament rebuked Kinmira Labs.", {("Italian Parliament", "criticises", "Kinmira Labs")},
                 set(), id="a-registry-chamber-by-possessor"),
    pytest.param("The Central Bank of Nigeria fined Binance.",
                 {("Central Bank of Nigeria", "fines", "Binance")}, set(), id="a-name-read-as-a-place-fined"),
    pytest.param("The Securities and Exchange Commission of Nigeria sued Binance in March.",
                 {("Securities and Exchange Commission of Nigeria", "sues", "Binance")}, set(),
                 id="a-name-read-as-a-place-sued"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), COUNTRIES_UNLISTED_AND_CHAMBERS)
def test_countries_unlisted_and_chambers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_place_acted_on_by_no_legal_verb_stays_a_place() -> None:
    assert "Binance" not in entities("Protesters marched through Binance.")


BODIES_BY_COUNTRY = [
    # A city or a region named in the story counts for its country: "the government" is that country's.
    pytest.param("Regulators in Osaka met on Monday. The government later fined Zeta Chat for leaking data.",
                 {("Japanese Government", "fines", "Zeta Chat")}, set(), id="a-city-names-the-home-country"),
    pytest.param("Protesters gathered in Bavaria on Friday. The government said it would ban Zeta Chat.",
                 {("German Government", "bans", "Zeta Chat")}, set(), id="a-region-names-the-home-country"),
    pytest.param("South Africa's Information Regulator warned Zeltra Pay. Separately, the Dutch regulator fined "
                 "Kinmira Labs for the breach.", {("Dutch regulator", "fines", "Kinmira Labs")},
                 {("Information Regulator", "fines", "Kinmira Labs")}, id="a-nationality-keeps-a-regulator-home-1"),
    pytest.param("Ofcom opened a case against Zeltra Pay. The Brazilian watchdog then ordered Kinmira Labs to stop.",
                 {("Brazilian watchdog", "orders", "Kinmira Labs")}, {("Ofcom", "orders", "Kinmira Labs")},
                 id="a-nationality-keeps-a-regulator-home-2"),
    pytest.param("Turkey's competition board fined Kinmira Labs for price fixing.",
                 {("Turkish Competition Authority", "fines", "Kinmira Labs")}, set(), id="a-board-by-field"),
    pytest.param("Ghana's Data Protection Commission fined Zeltra Pay. The Data Protection Commission said the firm "
                 "ignored its notices.", {("Data Protection Commission of Ghana", "fines", "Zeltra Pay")},
                 {("Irish Data Protection Commission", "fines", "Zeltra Pay")}, id="a-generic-name-abroad-1"),
    pytest.param("Kenya's Supreme Court ordered Kinmira Labs to pay damages.",
                 {("Supreme Court of Kenya", "orders", "Kinmira Labs")}, set(), id="a-generic-name-abroad-2"),
    pytest.param("Western Australia's government banned Zeltra Pay from its offices.",
                 {("Government of Western Australia", "bans", "Zeltra Pay")},
                 {("Australian Government", "bans", "Zeltra Pay")}, id="a-state-named-with-its-country"),
    pytest.param("The South Australian government criticised Kinmira Labs over the outage.",
                 {("South Australian government", "criticises", "Kinmira Labs")},
                 {("Australian Government", "criticises", "Kinmira Labs")}, id="a-state-by-its-demonym"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), BODIES_BY_COUNTRY)
def test_bodies_by_country(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


UNDER_AND_ADMINISTRATIONS = [
    pytest.param("Kinmira Labs is under investigation by the Competition and Markets Authority.",
                 {("Competition and Markets Authority", "investigates", "Kinmira Labs")}, set(),
                 id="under-investigation-by"),
    pytest.param("Zeltra Pay remains under scrutiny from the Irish Data Protection Commission.",
                 {("Irish Data Protection Commission", "investigates", "Zeltra Pay")}, set(),
                 id="under-scrutiny-from"),
    pytest.param("The Trump administration sued Kinmira Labs over its pricing.",
                 {("US Government", "sues", "Kinmira Labs")}, set(), id="a-leaders-administration"),
    pytest.param("The Starmer government has urged Zeltra Pay to refund customers.",
                 {("UK Government", "urges", "Zeltra Pay")}, set(), id="a-leaders-government"),
    pytest.param("Authorities in Vietnam asked Kinmira Labs to close accounts. A spokesperson for Kinmira Labs said "
                 "the company was cooperating with the authorities.",
                 {("Kinmira Labs", "cooperatesWith", "Vietnamese Government")}, set(),
                 id="authorities-of-a-country-outside-registry"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNDER_AND_ADMINISTRATIONS)
def test_under_and_administrations(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_the_government_stays_the_storys_own_after_a_foreign_mention() -> None:
    text = ("Peru blocks Zeltra Pay after fraud reports\n\n"
            "Peru has blocked the payments app Zeltra Pay, the communications ministry said on Monday.\n"
            "The US Treasury had warned Lima about the app last year.\n"
            "The government said Zeltra Pay had ignored repeated requests to verify its users.")
    got = facts(text)
    assert ("US Government", "accuses", "Zeltra Pay") not in got
    assert entities(text)["Peruvian Government"][1] >= {"the government"}


def test_a_generic_registry_name_in_another_countrys_story_is_that_countrys() -> None:
    text = ("Peru fines Zeltra Pay over leaked records\n\n"
            "Peru's consumer agency said on Monday that Zeltra Pay had exposed thousands of records.\n"
            "The Data Protection Commission said the firm had failed to secure its servers.")
    names = entities(text)
    assert "Data Protection Commission of Peru" in names
    assert "Irish Data Protection Commission" not in names


def test_a_generic_registry_name_stays_the_registrys_where_its_country_is_named() -> None:
    text = ("Ireland's privacy regulator fines Kinmira Labs\n\n"
            "The Data Protection Commission fined Kinmira Labs 40 million euros, the Irish regulator said.")
    assert "Irish Data Protection Commission" in entities(text)


LISTS_AND_MEMBERS = [
    pytest.param("Kinmira Labs, Zeltra Pay and Dovecot Systems were fined by the Competition and Markets Authority.",
                 {("Competition and Markets Authority", "fines", n) for n in ("Kinmira Labs", "Zeltra Pay",
                                                                               "Dovecot Systems")}, set(),
                 id="a-list-whose-first-name-the-parser-cut-off-1"),
    pytest.param("Meta, Google and TikTok were summoned by Ofcom last week.",
                 {("Ofcom", "contacts", n) for n in ("Meta", "Google", "TikTok")}, set(),
                 id="a-list-whose-first-name-the-parser-cut-off-2"),
    pytest.param("Lawmakers in the European Parliament urged the European Commission to act faster.",
                 {("European Parliament", "urges", "European Commission")}, set(), id="members-in-a-body"),
    pytest.param("Officials in the US Commerce Department criticised Kinmira Labs.",
                 {("US Department of Commerce", "criticises", "Kinmira Labs")}, set(), id="officials-in-a-body"),
    pytest.param("Companies in the European Union criticised Kinmira Labs.", set(),
                 {("European Union", "criticises", "Kinmira Labs")}, id="companies-in-a-union-are-not-it"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), LISTS_AND_MEMBERS)
def test_lists_and_members(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


SUMS_TO_PAY = [
    pytest.param("The Competition Commission of India imposed a penalty of 2.1 billion rupees on Kinmira Labs.",
                 {("Competition Commission of India", "fines", "Kinmira Labs")}, set(), id="a-target-hung-on-the-sum"),
    pytest.param("The Irish Data Protection Commission ordered Kinmira Labs to pay 345 million euros.",
                 {("Irish Data Protection Commission", "fines", "Kinmira Labs")}, set(), id="ordered-to-pay-a-sum"),
    pytest.param("Kinmira Labs was ordered to pay a penalty of 40 million rupees by the Competition Commission of "
                 "India.", {("Competition Commission of India", "fines", "Kinmira Labs")}, set(),
                 id="ordered-to-pay-in-the-passive"),
    pytest.param("The Federal Trade Commission handed Kinmira Labs a $5 million fine.",
                 {("Federal Trade Commission", "fines", "Kinmira Labs")}, set(), id="handed-a-fine"),
    pytest.param("The High Court ordered Kinmira Labs to pay 2 million pounds in damages.", set(),
                 {("High Court", "fines", "Kinmira Labs")}, id="damages-a-court-orders-are-no-fine"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SUMS_TO_PAY)
def test_sums_to_pay(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_name_the_tagger_missed_with_a_description_after_it() -> None:
    names = entities("Amazon made an equity investment in Pravolink, a provider of payroll software.")
    assert names["Pravolink"][0] == "Company"


def test_a_capital_with_a_description_after_it_stays_a_place() -> None:
    assert "Paris" not in entities("Paris, the French capital, hosted the talks on Monday.")


WISHES_AND_CALLS = [
    pytest.param("Amnesty International called for Iran to restore internet access.",
                 {("Amnesty International", "urges", "Iranian Government")}, set(), id="called-for-a-country-to-act"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), WISHES_AND_CALLS)
def test_wishes_and_calls(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    pytest.param("Lawmakers want the FTC to investigate Kinmira Labs.", id="want-x-to"),
    pytest.param("Pressure grows\n\nConsumer groups have called for the European Commission to investigate Kinmira "
                 "Labs.", id="called-for-x-to-as-adverbial-clause"),
    pytest.param("Pressure grows\n\nAmnesty International appealed to the European Commission to investigate "
                 "Kinmira Labs.", id="appealed-to-x-to"),
])
def test_what_is_wished_for_is_not_done(text: str) -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text(text, article_id="t")])
    assert not [t for t in ex.triples if t.relation == "investigates"], ex.triples


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Pressure grows\n\nAmnesty International called on Ofcom to ban Kinmira Labs.",
                 {("Amnesty International", "urges", "Ofcom")},
                 {("Amnesty International", "bans", "Kinmira Labs"), ("Ofcom", "bans", "Kinmira Labs")},
                 id="called-on-x-to"),
    pytest.param("Pressure grows\n\nThe Consumer Federation appealed to the Federal Trade Commission to sue Zeltra "
                 "Systems.", {("Consumer Federation", "urges", "Federal Trade Commission")},
                 {("Consumer Federation", "sues", "Zeltra Systems"), ("Federal Trade Commission", "sues",
                                                                       "Zeltra Systems")}, id="appealed-to-x-to"),
    pytest.param("Pressure grows\n\nAmnesty International pushed for the Federal Trade Commission to fine Kinmira "
                 "Labs.", {("Amnesty International", "urges", "Federal Trade Commission")},
                 {("Amnesty International", "fines", "Kinmira Labs"), ("Federal Trade Commission", "fines",
                                                                      "Kinmira Labs")}, id="pushed-for-x-to"),
])
def test_the_one_asked_to_act_is_urged_and_has_not_acted(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


OFFICES_BEFORE_HOLDERS = [
    pytest.param("eSafety Commissioner Julie Inman Grant warned the platforms on Friday.",
                 {("Julie Inman Grant", "leads", "eSafety Commissioner")}, set(),
                 id="an-office-title-before-its-holder"),
    pytest.param("U.S. Trade Representative Katherine Tai met the envoys in Geneva.",
                 {("Katherine Tai", "leads", "Office of the United States Trade Representative"),
                  ("Katherine Tai", "memberOf", "US Government")}, set(),
                 id="a-governments-office-title-before-its-holder"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), OFFICES_BEFORE_HOLDERS)
def test_offices_before_holders(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_staff_named_after_their_organisation_speak_for_it() -> None:
    check("The Cyberspace Administration of China summoned Baidu executives last week.",
          {("Cyberspace Administration of China", "contacts", "Baidu")}, set())
    check("Kinmira Labs lawyers criticised the Federal Trade Commission.",
          {("Kinmira Labs", "criticises", "Federal Trade Commission")}, set())


UNION_PORTFOLIOS_AND_GOVERNORS = [
    pytest.param("EU trade chief Valdis Dombrovskis warned Washington on Monday.",
                 {("Valdis Dombrovskis", "memberOf", "European Commission")}, set(), id="a-unions-portfolio-chief"),
    pytest.param("Gov. Jared Polis signed the data bill in Colorado on Friday.",
                 {("Jared Polis", "leads", "Government of Colorado")}, set(), id="a-governor-of-the-one-state-named"),
    pytest.param("Governor Andrew Bailey of the Bank of England spoke in Texas.",
                 {("Andrew Bailey", "leads", "Bank of England")}, {("Andrew Bailey", "leads", "Government of Texas")},
                 id="a-governor-of-what-the-of-phrase-names"),
    pytest.param("Gov. Jared Polis met officials from Texas and Colorado.", set(),
                 {("Jared Polis", "leads", "Government of Colorado"), ("Jared Polis", "leads", "Government of Texas")},
                 id="a-governor-with-two-states-named-is-not-guessed"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), UNION_PORTFOLIOS_AND_GOVERNORS)
def test_union_portfolios_and_governors(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_possessor_in_the_description_after_a_word_is_not_its_class() -> None:
    assert "Prime" not in entities("Shoppers who pay for Prime, the company's membership scheme, get faster delivery.")


SAID_AND_ATTRIBUTED = [
    pytest.param("Ofcom said Kinmira Labs had broken the law by failing to check ages.",
                 {("Ofcom", "accuses", "Kinmira Labs")}, set(), id="said-it-had-broken-the-law"),
    pytest.param("The Federal Trade Commission said Zeltra Pay had flouted the rules for years.",
                 {("Federal Trade Commission", "accuses", "Zeltra Pay")}, set(), id="said-it-had-flouted-the-rules"),
    pytest.param("Kinmira Labs said Zeltra Pay would break the sales record this year.", set(),
                 {("Kinmira Labs", "criticises", "Zeltra Pay")}, id="breaking-a-record-is-no-offence"),
    pytest.param("According to the Irish Data Protection Commission, Kinmira Labs breached the rules.",
                 {("Irish Data Protection Commission", "accuses", "Kinmira Labs")}, set(),
                 id="according-to-an-enforcer"),
    pytest.param("According to Amnesty International, Zeltra Pay misled its young users.",
                 {("Amnesty International", "accuses", "Zeltra Pay")}, set(), id="according-to-a-critic"),
    pytest.param("According to Amnesty International, Zeltra Pay's rules are reckless.",
                 {("Amnesty International", "criticises", "Zeltra Pay")}, set(), id="according-to-a-critic-judging"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SAID_AND_ATTRIBUTED)
def test_said_and_attributed(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


TITLES_SHARED_AND_FOR = [
    pytest.param("Sam Altman, OpenAI's co-founder and chief executive, met the senators.",
                 {("Sam Altman", "leads", "OpenAI")}, set(), id="a-possessor-on-a-hyphenated-first-title"),
    pytest.param("Ravi Menon, Quorvia Labs' co-founder and CEO, met the minister.",
                 {("Ravi Menon", "leads", "Quorvia Labs")}, set(), id="a-possessor-on-a-hyphenated-first-title-2"),
    pytest.param("A spokesman for TikTok, Ali Rahman, said the app was safe.",
                 {("Ali Rahman", "memberOf", "TikTok")}, set(), id="a-title-for-an-organisation-then-the-name"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), TITLES_SHARED_AND_FOR)
def test_titles_shared_and_for(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_an_initiative_or_forum_is_an_organisation_by_its_name() -> None:
    assert entities("Paradigm Initiative sued the Nigerian government.")["Paradigm Initiative"][0] == "Organisation"


@pytest.mark.parametrize(("text", "person", "portfolio"), [
    ("Minister for Communication and Information Technology Meera Kandel said the decision was final.",
     "Meera Kandel", "Communication and Information Technology"),
    ("Minister of Information and Broadcasting Ravi Nair said the decision was final.", "Ravi Nair", None),
])
def test_a_ministers_portfolio_is_no_body_and_the_name_after_it_a_person(
        text: str, person: str, portfolio: str | None) -> None:
    names = entities(text)
    assert names.get(person, ("",))[0] == "Person"
    assert portfolio is None or portfolio not in names


def test_what_could_happen_is_hedged_and_what_would_happen_if_conditional() -> None:
    from kg.extraction.pipeline import extract_articles

    (could,) = extract_articles([parse_text("Ofcom could fine Kinmira Labs next year.", article_id="c")])
    (would,) = extract_articles([parse_text("Ofcom would fine Kinmira Labs if it broke the rules.", article_id="w")])
    assert [t.modality for t in could.triples if t.relation == "fines"] == ["hedged"]
    assert [t.modality for t in would.triples if t.relation == "fines"] == ["conditional"]


TITLES_AFTER_DESCRIPTIONS = [
    pytest.param("The Personal Information Protection Commission fined Kinmira Labs on Monday. Commission chairman "
                 "Park Min-jun said the penalty was fair.",
                 {("Park Min-jun", "leads", "Personal Information Protection Commission")}, set(),
                 id="a-body-described-before-a-title"),
    pytest.param("Ofcom fined Kinmira Labs. Agency spokesman Tom Reed said the fine was fair.",
                 {("Tom Reed", "memberOf", "Ofcom")}, set(), id="an-agency-described-before-a-title"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), TITLES_AFTER_DESCRIPTIONS)
def test_titles_after_descriptions(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_negative_word_giving_the_reason_is_no_verdict() -> None:
    text = ("The Personal Information Protection Commission fined Kinmira Labs on Monday. Commission chairman "
            "Park Min-jun told reporters the penalty was the largest ever for a privacy violation.")
    got = facts(text)
    assert not {f for f in got if f[0] == "Park Min-jun" and f[1] in {"criticises", "accuses"}}, got


PARTY_MEMBER_NOUNS = [
    pytest.param("Labour MP Chi Onwurah welcomed the decision.", {("Chi Onwurah", "memberOf", "Labour Party")},
                 set(), id="labour"),
    pytest.param("Liberal Democrat MP Victoria Collins criticised Meta.",
                 {("Victoria Collins", "memberOf", "Liberal Democrats")},
                 {("Victoria Collins", "memberOf", "Democratic Party")}, id="a-two-word-member-noun"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), PARTY_MEMBER_NOUNS)
def test_party_member_nouns(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_law_blocked_is_opposed_not_banned() -> None:
    check("The Ninth Circuit blocked the Online Safety Act on Tuesday.",
          {("US Court of Appeals for the Ninth Circuit", "opposes", "Online Safety Act")},
          {("US Court of Appeals for the Ninth Circuit", "bans", "Online Safety Act")})


PORTFOLIOS_LED = [
    pytest.param("Adam Presser, who leads trust and safety at TikTok, said it would appeal.",
                 {("Adam Presser", "memberOf", "TikTok")}, {("Adam Presser", "leads", "TikTok")},
                 id="leads-a-portfolio-at"),
    pytest.param("Dana Okafor heads public policy at Kinmira Labs.",
                 {("Dana Okafor", "memberOf", "Kinmira Labs")}, set(), id="heads-a-portfolio-at"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), PORTFOLIOS_LED)
def test_portfolios_led(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


INQUIRIES = [
    pytest.param("Ofcom launched an inquiry into whether Kinmira Labs complied with the law.",
                 {("Ofcom", "investigates", "Kinmira Labs")}, set(), id="an-inquiry-into-whether"),
    pytest.param("Italy's Garante is looking at Kinmira Labs's data practices.",
                 {("Italian Data Protection Authority", "investigates", "Kinmira Labs")}, set(), id="looking-at"),
    pytest.param("The Korea Fair Trade Commission raided Kinmira Labs's offices in Seoul.",
                 {("Korea Fair Trade Commission", "investigates", "Kinmira Labs")}, set(), id="raided-its-offices"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INQUIRIES)
def test_inquiries(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


LETTERS_AND_TELLING = [
    pytest.param("Senator Ed Markey sent a letter to Kinmira Labs demanding answers about its data practices.",
                 {("Ed Markey", "urges", "Kinmira Labs"), ("Ed Markey", "contacts", "Kinmira Labs")}, set(),
                 id="a-letter-demanding"),
    pytest.param("Ofcom sent a notice to Kinmira Labs requiring it to report its figures.",
                 {("Ofcom", "orders", "Kinmira Labs")}, set(), id="a-notice-requiring"),
    pytest.param("Ofcom told Kinmira Labs it must remove the content within 24 hours.",
                 {("Ofcom", "orders", "Kinmira Labs")}, set(), id="told-it-must"),
    pytest.param("Amnesty International told Zeltra Pay it should stop the ads.",
                 {("Amnesty International", "urges", "Zeltra Pay")}, set(), id="told-it-should"),
    pytest.param("Kinmira Labs told Zeltra Pay it would grow.", set(), {("Kinmira Labs", "urges", "Zeltra Pay")},
                 id="told-what-it-would-do"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), LETTERS_AND_TELLING)
def test_letters_and_telling(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_those_acted_on_named_after_a_copula() -> None:
    check("The two firms sanctioned by the US Treasury are Kinmira Labs and Zeltra Pay.",
          {("US Department of the Treasury", "bans", "Kinmira Labs"),
           ("US Department of the Treasury", "bans", "Zeltra Pay")}, set())
    check("The companies fined by Ofcom were Meta and Google.",
          {("Ofcom", "fines", "Meta"), ("Ofcom", "fines", "Google")}, set())


LAWS_PRAISED = [
    pytest.param("Kamala Harris called the AI Act “historic” for setting out principles.",
                 {("Kamala Harris", "supports", "Artificial Intelligence Act")}, set(), id="called-historic"),
    pytest.param("Antony Blinken called the Online Safety Act “a landmark effort”.",
                 {("Antony Blinken", "supports", "Online Safety Act")}, set(), id="called-a-landmark"),
    pytest.param("Meta called the Digital Markets Act not helpful.", set(),
                 {("Meta", "supports", "Digital Markets Act")}, id="praise-negated-is-none"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), LAWS_PRAISED)
def test_laws_praised(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_body_approving_a_resolution_backs_it() -> None:
    check("The General Assembly approved the resolution on Thursday.",
          {("General Assembly", "supports", "resolution")}, set())
    check("The US Senate passed the Kids Online Safety Act.",
          {("United States Senate", "supports", "Kids Online Safety Act")}, set())
    check("The Competition Commission approved the merger of Vodafone and Three.", set(),
          {("Competition Commission", "supports", "Vodafone")})


RECIPROCALS_AND_EXPLETIVES = [
    pytest.param("Kinmira Labs said it ignored how its two services, Zeltra Pay and Dovecot Mail, work.", set(),
                 {("Zeltra Pay", "cooperatesWith", "Dovecot Mail")}, id="working-is-not-working-together"),
    pytest.param("Kinmira Labs and Zeltra Pay worked together on the standard.",
                 {("Kinmira Labs", "cooperatesWith", "Zeltra Pay")}, set(), id="worked-together"),
    pytest.param("Japan and Kenya agreed to cooperate.",
                 {("Japanese Government", "cooperatesWith", "Kenyan Government")}, set(), id="agreed-to-cooperate"),
    pytest.param('Google threatened to pull out. Justin Trudeau said it was "deeply irresponsible" for Kinmira Labs '
                 'to put profits first.', {("Justin Trudeau", "criticises", "Kinmira Labs")},
                 {("Justin Trudeau", "criticises", "Google")}, id="it-was-bad-for-someone-to"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), RECIPROCALS_AND_EXPLETIVES)
def test_reciprocals_and_expletives(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_criticism_for_a_wrong_accuses_and_for_a_failing_does_not() -> None:
    check("Senator Ed Markey slammed Kinmira Labs for misleading parents.",
          {("Ed Markey", "accuses", "Kinmira Labs"), ("Ed Markey", "criticises", "Kinmira Labs")}, set())
    check("Amnesty International criticised Zeltra Pay for failing to protect children.",
          {("Amnesty International", "criticises", "Zeltra Pay")}, {("Amnesty International", "accuses", "Zeltra Pay")})


def test_an_order_to_stop_bans_and_an_order_to_act_does_not() -> None:
    check("The Reserve Bank of India told Zeltra Pay to stop onboarding new customers.",
          {("Reserve Bank of India", "bans", "Zeltra Pay"), ("Reserve Bank of India", "orders", "Zeltra Pay")}, set())
    check("Ofcom ordered Kinmira Labs to publish its figures.", {("Ofcom", "orders", "Kinmira Labs")},
          {("Ofcom", "bans", "Kinmira Labs")})


COURTS_ON_DECISIONS = [
    # Turning down a party's claim opposes the party; granting it supports them; a refusal to decide says neither.
    pytest.param("On Monday the Supreme Court dismissed the appeal filed by Zeta Chat.",
                 {("Supreme Court", "opposes", "Zeta Chat")}, set(), id="appeal-filed-by-dismissed"),
    pytest.param("The High Court threw out a lawsuit that Pinmark Systems brought last year.",
                 {("High Court", "opposes", "Pinmark Systems")}, set(), id="lawsuit-thrown-out"),
    pytest.param("Vexa Labs' complaint was quashed by the Court of Appeal in March.",
                 {("Court of Appeal", "opposes", "Vexa Labs")}, set(), id="complaint-quashed-passive"),
    pytest.param("The Competition Appeal Tribunal granted Vexa Labs' request for more time.",
                 {("Competition Appeal Tribunal", "supports", "Vexa Labs")}, set(), id="request-granted"),
    pytest.param("The High Court did not dismiss Zeta Chat's appeal, and it did not grant Vexa Labs' claim.",
                 set(), {("High Court", "opposes", "Zeta Chat"), ("High Court", "supports", "Vexa Labs")},
                 id="neither-dismissed-nor-granted"),
    pytest.param("The High Court allowed the lawsuit by Zeta Chat to proceed.",
                 set(), {("High Court", "supports", "Zeta Chat")}, id="allowed-to-proceed-is-no-stance"),
    pytest.param("The Delhi High Court upheld the Competition Commission of India's fine on Kinmira Labs.",
                 {("Competition Commission of India", "fines", "Kinmira Labs")}, set(),
                 id="a-fine-upheld-read-inside-a-name"),
    pytest.param("The Court of Justice of the European Union ruled that Kinmira Labs must seek consent.",
                 {("Court of Justice of the European Union", "orders", "Kinmira Labs")}, set(),
                 id="ruled-that-it-must"),
    pytest.param("Kinmira Labs ruled that Zeltra Pay must pay.", set(), {("Kinmira Labs", "orders", "Zeltra Pay")},
                 id="no-enforcer-rules"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), COURTS_ON_DECISIONS)
def test_courts_on_decisions(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


INDEFINITE_STATE_BODIES = [
    pytest.param("A Brazilian court ordered the suspension of Kinmira Labs in the country.",
                 {("Brazilian court", "bans", "Kinmira Labs")}, set(), id="a-court-by-nationality"),
    pytest.param("An Indian court fined Zeltra Pay last year.", {("Indian court", "fines", "Zeltra Pay")}, set(),
                 id="an-indian-court"),
    pytest.param("A French company sued Zeltra Pay.", set(), {("French company", "sues", "Zeltra Pay")},
                 id="a-company-by-nationality-is-no-one-named"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), INDEFINITE_STATE_BODIES)
def test_indefinite_state_bodies(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_charges_an_enforcer_brings_sue_and_a_speakers_charges_do_not() -> None:
    check("The Securities and Exchange Commission filed charges against Zeltra Pay on Monday.",
          {("Securities and Exchange Commission", "sues", "Zeltra Pay"),
           ("Securities and Exchange Commission", "accuses", "Zeltra Pay")}, set())
    check("The Justice Department indicted Kinmira Labs in 2021.",
          {("US Department of Justice", "sues", "Kinmira Labs")}, set())
    check("Elon Musk leveled charges of censorship against Ofcom.", {("Elon Musk", "accuses", "Ofcom")},
          {("Elon Musk", "sues", "Ofcom")})


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The European Commission is pushing Kinmira Labs to change its feeds.",
                 {("European Commission", "urges", "Kinmira Labs")}, id="push-to"),
    pytest.param("Microsoft invited the Competition and Markets Authority to reconsider.",
                 {("Microsoft", "urges", "Competition and Markets Authority")}, id="invite-to"),
    pytest.param("Amnesty International appealed to the European Commission to act quickly.",
                 {("Amnesty International", "urges", "European Commission")}, id="appeal-to-someone-to"),
])
def test_more_verbs_of_wishing(text: str, must: set) -> None:
    check(text, must, set())


SYMMETRIC_NOUNS_OF_COORDINATED_DOERS = [
    pytest.param("Japan and South Korea signed a defence agreement on Monday.",
                 {("Japanese Government", "cooperatesWith", "South Korean Government")}, set(), id="signed-a-pact"),
    pytest.param("The European Commission and Kinmira Labs held talks in Brussels.",
                 {("European Commission", "meets", "Kinmira Labs")}, set(), id="held-talks"),
    pytest.param("Zeltra Pay and Kinmira Labs signed a deal with Ofcom.",
                 {("Zeltra Pay", "cooperatesWith", "Ofcom")}, {("Zeltra Pay", "cooperatesWith", "Kinmira Labs")},
                 id="a-named-other-side-is-the-pair"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), SYMMETRIC_NOUNS_OF_COORDINATED_DOERS)
def test_symmetric_nouns_of_coordinated_doers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


PAYMENTS_TO_ENFORCERS = [
    pytest.param("Shell paid a $2m fine to the Nigerian government.", {("Nigerian Government", "fines", "Shell")},
                 set(), id="a-fine-paid-to-a-government"),
    pytest.param("Kinmira Labs will pay 40 million euros to the Italian data protection authority.",
                 {("Italian Data Protection Authority", "fines", "Kinmira Labs")}, set(),
                 id="a-sum-paid-to-a-regulator"),
    pytest.param("Kinmira Labs paid $3m to Zeltra Pay.", set(), {("Zeltra Pay", "fines", "Kinmira Labs")},
                 id="a-sum-paid-to-a-company-is-no-fine"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), PAYMENTS_TO_ENFORCERS)
def test_payments_to_enforcers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


PASSIVE_AGENTS_ANYWHERE = [
    pytest.param("A fine of $5bn was levied on Kinmira Labs by the Federal Trade Commission.",
                 {("Federal Trade Commission", "fines", "Kinmira Labs")}, set(), id="a-fine-levied-by"),
    pytest.param("An investigation into Zeltra Pay was opened by Ofcom in May.",
                 {("Ofcom", "investigates", "Zeltra Pay")}, set(), id="an-inquiry-opened-by"),
    pytest.param("Ofcom fined Zeltra Pay in May. Kinmira Labs was barred from selling chips by the US Commerce "
                 "Department.", {("US Department of Commerce", "bans", "Kinmira Labs")},
                 {("Ofcom", "bans", "Kinmira Labs")}, id="by-hung-on-the-gerund-is-the-agent-not-a-guess"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), PASSIVE_AGENTS_ANYWHERE)
def test_passive_agents_wherever_the_parser_hangs_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Kinmira Labs is the subject of an antitrust probe by the Justice Department.",
                 {("US Department of Justice", "investigates", "Kinmira Labs")}, id="the-subject-of"),
    pytest.param("Zeltra Pay became the target of an investigation by the Federal Trade Commission.",
                 {("Federal Trade Commission", "investigates", "Zeltra Pay")}, id="the-target-of"),
])
def test_the_one_an_event_is_aimed_at(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Ron Wyden wrote to Kinmira Labs asking for details of the order.",
                 {("Ron Wyden", "urges", "Kinmira Labs"), ("Ron Wyden", "contacts", "Kinmira Labs")}, set(),
                 id="wrote-to-asking"),
    pytest.param("Amnesty International reached out to Zeltra Pay, demanding answers.",
                 {("Amnesty International", "urges", "Zeltra Pay")}, set(), id="reached-out-demanding"),
    pytest.param("Ron Wyden wrote to Kinmira Labs on Monday.", {("Ron Wyden", "contacts", "Kinmira Labs")},
                 {("Ron Wyden", "urges", "Kinmira Labs")}, id="a-contact-alone-asks-nothing"),
])
def test_a_contact_asking_urges(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "label", "typ"), [
    pytest.param("Paxton said Kinmira Labs violated the Capture or Use of Biometric Identifier Act.",
                 "Capture or Use of Biometric Identifier Act", "Legislation", id="a-law-name-with-or-and-of"),
    pytest.param("The House passed the Protecting Americans from Foreign Adversary Controlled Applications Act.",
                 "Protecting Americans from Foreign Adversary Controlled Applications Act", "Legislation",
                 id="a-law-name-with-from"),
    pytest.param("Zeltra Pay sued Kinmira Labs in the U.S. District Court for the District of Delaware.",
                 "U.S. District Court for the District of Delaware", "Court", id="a-court-after-us"),
])
def test_names_the_ner_cut_are_made_whole(text: str, label: str, typ: str) -> None:
    got = entities(text)
    assert got.get(label, (None,))[0] == typ, got


def test_a_law_name_does_not_swallow_a_party_before_it() -> None:
    got = entities("Kinmira Labs and the Digital Markets Act were in the news. Ofcom and Online Safety Act rules.")
    assert "Digital Markets Act" in got and "Kinmira Labs" in got, got


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("Zeltra Pay asked a federal court in Atlanta to block the order.",
                 "federal court in Atlanta", id="court-in-a-city"),
    pytest.param("The settlement was approved by a Denver federal court.", "Denver federal court",
                 id="a-city-before-the-court"),
    pytest.param("A Delhi court fined Kinmira Labs.", "Delhi court", id="a-city-court"),
])
def test_a_court_named_by_its_seat_is_a_court(text: str, label: str) -> None:
    got = entities(text)
    assert got.get(label, (None,))[0] == "Court", got


def test_a_court_with_no_seat_named_is_no_new_actor() -> None:
    got = entities("A federal court dismissed the case. Kinmira Labs went to court in May.")
    assert not any(t == "Court" for t, _ in got.values()), got


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("The Supreme Court will review the Federal Trade Commission's order against Kinmira Labs.",
                 {("Supreme Court of the United States", "investigates", "Federal Trade Commission")},
                 id="reviewing-an-order"),
    pytest.param("The Competition Appeal Tribunal examined the CMA's decision on Zeltra Pay.",
                 {("Competition Appeal Tribunal", "investigates", "Competition and Markets Authority")},
                 id="examining-a-decision"),
    pytest.param("The General Court suspended the European Commission's decision on Zeltra Pay.",
                 {("General Court", "bans", "European Commission")}, id="suspending-a-decision"),
])
def test_acting_on_a_decision_is_no_enforcement_on_its_maker(text: str, must_not: set) -> None:
    check(text, set(), must_not)


def test_a_members_stance_toward_its_own_bodys_decision_is_no_stance_toward_the_body() -> None:
    check("Ofcom fined Kinmira Labs on Friday. Melanie Dawes, Ofcom's chief executive, defended the fine.",
          {("Melanie Dawes", "leads", "Ofcom")}, {("Melanie Dawes", "supports", "Ofcom")})
    check("Ofcom fined Kinmira Labs on Friday. Amnesty International welcomed the fine.",
          {("Amnesty International", "supports", "Ofcom")}, set())


def test_an_organisations_name_the_ner_cut_before_its_head_is_whole() -> None:
    check("Ofcom fined Zeltra Pay on Friday.", {("Ofcom", "fines", "Zeltra Pay")}, set())
    check("The European Commission fined Quorvia Bank last year.", {("European Commission", "fines", "Quorvia Bank")},
          set())


def test_a_headline_without_a_full_stop_does_not_run_into_the_name_after_it() -> None:
    got = entities("Regulator fines Kinmira Labs\n\nThe Nigeria Data Protection Commission fined Kinmira Labs on "
                   "Friday.")
    assert got.get("Nigeria Data Protection Commission", (None,))[0] == "Regulator", got
    assert not any("\n" in label for label in got), got


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("The Nigeria Data Protection Commission fined Kinmira Labs.", "Nigeria Data Protection Commission",
                 id="another-countrys-body-by-the-registrys-generic-name"),
    pytest.param("The Ireland Data Protection Commission fined Kinmira Labs.", "Irish Data Protection Commission",
                 id="the-registrys-own-country-keeps-the-registry-body"),
])
def test_a_country_named_before_a_generic_body_says_whose_it_is(text: str, label: str) -> None:
    got = entities(text)
    assert got.get(label, (None,))[0] == "Regulator", got


def test_a_federal_court_named_by_its_city_is_the_registrys_district_court() -> None:
    got = entities("Zeltra Pay sued Kinmira Labs in a San Francisco federal court on Monday.")
    court = got.get("United States District Court for the Northern District of California")
    assert court is not None and "San Francisco federal court" in court[1], got


def test_the_federal_government_is_the_countrys_not_a_federal_states() -> None:
    got = entities("Texas Attorney General Ken Paxton sued Kinmira Labs. The Texas government said the firm broke the "
                   "law. The federal government declined to comment.")
    assert "the federal government" in got["US Government"][1], got
    assert "the federal government" not in got["Government of Texas"][1], got


def test_a_digit_name_the_ner_read_as_money_is_a_name() -> None:
    check("Ofcom, the UK's media regulator, has fined 4chan £20,000.", {("Ofcom", "fines", "4chan")}, set())


def test_a_product_of_the_possessor_none_is_known_for_is_the_possessors() -> None:
    check("Title\n\nThe European Commission opened an investigation into Meta's advertising model last year.",
          {("European Commission", "investigates", "Meta")}, set())
    check("Title\n\nOfcom is examining Kinmira Labs's chatbot.", {("Ofcom", "investigates", "Kinmira Labs")}, set())


def test_a_court_ordering_a_fine_paid_fines_and_ordering_damages_paid_does_not() -> None:
    check("Title\n\nKinmira Labs has been ordered by a Russian court to pay a fine.",
          {("Russian court", "fines", "Kinmira Labs")}, set())
    check("Title\n\nThe High Court ordered Kinmira Labs to pay £2m in damages.",
          {("High Court", "orders", "Kinmira Labs")}, {("High Court", "fines", "Kinmira Labs")})


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Title\n\nKinmira Labs sued the state of Texas.", {("Kinmira Labs", "sues", "Government of Texas")},
                 id="the-state-of"),
    pytest.param("Title\n\nThe Republic of Korea fined Kinmira Labs.",
                 {("South Korean Government", "fines", "Kinmira Labs")}, id="the-republic-of"),
])
def test_a_polity_of_a_place_is_the_place_acting(text: str, must: set) -> None:
    check(text, must, set())


AGENTLESS_IN_A_COUNTRY = [
    pytest.param("Title\n\nKinmira Labs was banned in Nepal last year.",
                 {("Nepali Government", "bans", "Kinmira Labs")}, set(), id="banned-in"),
    pytest.param("Title\n\nOfcom sued Zeltra Pay. Kinmira Labs was suspended across Brazil after the ruling.",
                 {("Brazilian Government", "bans", "Kinmira Labs")}, {("Ofcom", "bans", "Kinmira Labs")},
                 id="suspended-across-not-a-guess"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), AGENTLESS_IN_A_COUNTRY)
def test_an_agentless_ban_in_a_country_is_its_governments(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_phrase_with_an_object_of_its_own_is_about_that_object() -> None:
    check("Title\n\nX petitioned the Delhi High Court against the orders.", {("X", "urges", "Delhi High Court")},
          {("X", "opposes", "Delhi High Court")})


def test_a_company_that_sues_is_no_enforcer_of_an_agentless_ban() -> None:
    check("Title\n\nKinmira Labs sued Zeltra Pay on Monday. The Grok chatbot was restricted on Tuesday.", set(),
          {("Kinmira Labs", "bans", "Grok")})


FRAMED_CLAIMS = [
    pytest.param("SEC sues exchange\n\nIn its complaint, the Securities and Exchange Commission says Kinmira Labs "
                 "operated an unregistered exchange.",
                 {("Securities and Exchange Commission", "sues", "Kinmira Labs"),
                  ("Securities and Exchange Commission", "accuses", "Kinmira Labs")}, set(), id="in-its-complaint"),
    pytest.param("Regulator sues retailer\n\nIn the lawsuit, the Federal Trade Commission says Zeltra Pay kept prices "
                 "high.", {("Federal Trade Commission", "accuses", "Zeltra Pay")}, set(), id="in-the-lawsuit"),
    pytest.param("Meta responds\n\nIn a statement, Meta said Ofcom was wrong.", set(), {("Meta", "sues", "Ofcom")},
                 id="a-statement-is-no-proceeding"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), FRAMED_CLAIMS)
def test_what_a_proceeding_says_alleges(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Rules row\n\nZeltra Pay said the Competition and Markets Authority's claims were misleading.",
                 {("Zeltra Pay", "criticises", "Competition and Markets Authority")}, id="misleading"),
    pytest.param("Rules row\n\nAmnesty International said Ofcom's plan was unworkable.",
                 {("Amnesty International", "criticises", "Ofcom")}, id="unworkable"),
    pytest.param("Rules row\n\nKinmira Labs said Ofcom had made a mistake.", {("Kinmira Labs", "criticises", "Ofcom")},
                 id="a-mistake"),
])
def test_more_words_of_criticism(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Reactions\n\nElon Musk railed against Ofcom on Sunday.", {("Elon Musk", "criticises", "Ofcom")},
                 id="rail-against"),
    pytest.param("Reactions\n\nAmnesty International poured scorn on the European Commission.",
                 {("Amnesty International", "criticises", "European Commission")}, id="pour-scorn-on"),
    pytest.param("Reactions\n\nMicrosoft stood behind OpenAI during the inquiry.",
                 {("Microsoft", "supports", "OpenAI")}, id="stand-behind"),
    pytest.param("Reactions\n\nAmnesty International came out in favour of the Online Safety Act.",
                 {("Amnesty International", "supports", "Online Safety Act")}, id="come-out-in-favour-of"),
])
def test_more_stance_phrases(text: str, must: set) -> None:
    check(text, must, set())


def test_a_one_letter_name_ending_a_sentence_ends_it() -> None:
    check("EU lawmakers press X\n\nThe European Commission fined X. MEP Alexandra Geese criticised X on Friday.",
          {("European Commission", "fines", "X"), ("Alexandra Geese", "criticises", "X")},
          {("European Commission", "fines", "Alexandra Geese")})


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Probes widen\n\nThe European Commission sent a request for information to Kinmira Labs.",
                 {("European Commission", "urges", "Kinmira Labs")}, id="a-request-for-information-to"),
    pytest.param("Probes widen\n\nAmnesty International made a request to Zeltra Pay for its data.",
                 {("Amnesty International", "urges", "Zeltra Pay")}, id="a-request-to"),
])
def test_requests_addressed_to_someone_urge_them(text: str, must: set) -> None:
    check(text, must, set())


def test_a_sum_and_its_multiplier_stay_one_word() -> None:
    check("Fines pile up\n\nThe Garante imposed a €15m fine on Kinmira Labs.",
          {("Italian Data Protection Authority", "fines", "Kinmira Labs")}, set())


PUNISHED_POSSESSORS = [
    pytest.param("Fines pile up\n\nOfcom fined Zeltra Pay on Monday. Kinmira Labs's £2m fine came a week later.",
                 {("Ofcom", "fines", "Kinmira Labs")}, set(), id="a-partys-fine"),
    pytest.param("Fines pile up\n\nOfcom fined Zeltra Pay on Monday. The £2m fine for Kinmira Labs followed.",
                 {("Ofcom", "fines", "Kinmira Labs")}, set(), id="a-fine-for-a-party"),
    pytest.param("Fines pile up\n\nOfcom opened a case. The European Commission's fine was larger.", set(),
                 {("Ofcom", "fines", "European Commission")}, id="an-enforcers-fine-is-its-own"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), PUNISHED_POSSESSORS)
def test_a_partys_fine_is_the_enforcers_on_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_an_agentless_fine_applied_with_a_verb_is_the_enforcers() -> None:
    check("Fines pile up\n\nKinmira Labs was hit with a €746m fine in Luxembourg.",
          {("Luxembourg Government", "fines", "Kinmira Labs")}, set())
    check("Fines pile up\n\nKinmira Labs was presented with an award in Luxembourg.", set(),
          {("Luxembourg Government", "fines", "Kinmira Labs")})


def test_a_name_read_as_the_end_of_a_portfolio_holds_the_title() -> None:
    check("Talks\n\nGermany's secretary of state for AI Anna Weber led the talks.",
          {("Anna Weber", "memberOf", "German Government")}, set())


def test_a_bare_title_later_keeps_the_government_an_earlier_title_named() -> None:
    check("Trade row\n\nThe US Trade Representative met French Economy Minister Anna Weber in Paris. Later, Minister "
          "Weber spoke to reporters in Washington.", {("Anna Weber", "memberOf", "French Government")},
          {("Anna Weber", "memberOf", "US Government")})


def test_a_person_coordinated_after_an_apposition_is_no_conjunct_of_its_title() -> None:
    check("Reactions\n\nLater, Elon Musk, owner of the American messaging platform X, and Edward Snowden, a former "
          "spy agency contractor, criticised the detention.",
          {("Elon Musk", "owns", "X")}, {("Elon Musk", "owns", "Edward Snowden")})


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("More\n\nKinmira Labs, fined €1.2bn by the Irish Data Protection Commission last year, faces another "
                 "inquiry.", {("Irish Data Protection Commission", "fines", "Kinmira Labs")},
                 {("Kinmira Labs", "fines", "Irish Data Protection Commission")}, id="fined-by-between-commas"),
    pytest.param("More\n\nZeltra Pay, banned by India in 2020, remains popular abroad.",
                 {("Indian Government", "bans", "Zeltra Pay")}, set(), id="banned-by-between-commas"),
])
def test_a_participle_between_commas_describes_the_name_before_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Threats\n\nOfcom warned that Kinmira Labs could face a ban.",
                 {("Ofcom", "threatens", "Kinmira Labs")}, set(), id="could-face-a-ban"),
    pytest.param("Threats\n\nThe European Commission said Zeltra Pay would face heavy fines.",
                 {("European Commission", "threatens", "Zeltra Pay")}, set(), id="would-face-fines"),
    pytest.param("Threats\n\nOfcom said Kinmira Labs would not face a fine.", set(),
                 {("Ofcom", "threatens", "Kinmira Labs")}, id="would-not-face"),
])
def test_saying_someone_could_face_a_punishment_threatens_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_doers_along_with_the_subject_do_it_too() -> None:
    check("Lobbying\n\nMastercard, along with Visa and PayPal, lobbied against the Data Localisation Rule.",
          {("Visa", "opposes", "Data Localisation Rule"), ("PayPal", "opposes", "Data Localisation Rule")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Pressure\n\nThe European Commission has stepped up pressure on Kinmira Labs to change its ads.",
                 {("European Commission", "urges", "Kinmira Labs")}, id="pressure-on"),
    pytest.param("Pressure\n\nKinmira Labs is under pressure from the European Commission to sell its business.",
                 {("European Commission", "urges", "Kinmira Labs")}, id="under-pressure-from"),
])
def test_pressure_on_someone_urges_them(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Speech\n\nOfcom noted that Kinmira Labs had broken the law.", {("Ofcom", "accuses", "Kinmira Labs")},
                 id="note-that"),
    pytest.param("Speech\n\nElon Musk tweeted that Ofcom was a disgrace.", {("Elon Musk", "criticises", "Ofcom")},
                 id="tweet-that"),
])
def test_more_verbs_of_saying(text: str, must: set) -> None:
    check(text, must, set())


REACTIONS_TO_A_FINE = [
    pytest.param("Reactions\n\nOfcom fined Kinmira Labs on Monday. Kinmira Labs said it was disappointed and would "
                 "appeal.", {("Kinmira Labs", "opposes", "Ofcom")}, set(), id="disappointed-and-would-appeal"),
    pytest.param("Reactions\n\nOfcom fined Kinmira Labs on Monday. Kinmira Labs called the fine unjustified and "
                 "unnecessary.", {("Kinmira Labs", "criticises", "Ofcom")}, set(), id="called-the-fine-unjustified"),
]


@pytest.mark.parametrize(("text", "must", "must_not"), REACTIONS_TO_A_FINE)
def test_reactions_to_a_fine(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_bill_code_outweighs_the_ners_guess_at_part_of_it() -> None:
    got = entities("California passes AI law\n\nCalifornia Governor Gavin Newsom signed SB 53 on Monday.")
    assert got.get("SB 53", (None,))[0] == "Legislation" and "SB" not in got, got


def test_a_title_case_headline_is_read_as_a_sentence_and_kept_as_written() -> None:
    from kg.extraction.pipeline import extract_articles

    check("Ofcom Fines Kinmira Labs Over Child Safety Failures\n\nThe story continues here.",
          {("Ofcom", "fines", "Kinmira Labs")}, set())
    check("Brazil Bans X After Musk Defies Court Orders\n\nThe story continues here.",
          {("Brazilian Government", "bans", "X")}, set())
    (ex,) = extract_articles([parse_text("Ofcom Fines Kinmira Labs Over Child Safety Failures\n\nMore follows.",
                                         article_id="t")])
    assert [t.sentence.text.strip() for t in ex.triples] == ["Ofcom Fines Kinmira Labs Over Child Safety Failures."]


def test_a_headline_in_sentence_case_is_left_as_it_is() -> None:
    from kg.extraction.recognise import pipeline, sentence_cased_headline
    from kg.vocabulary.ontology import load_ontology

    pipeline()  # the model's dictionary words
    ont = load_ontology()
    text = "Ofcom fines Kinmira Labs over child safety failures.\n\nBody Text Stays."
    assert sentence_cased_headline(text, ont) == text
    cased = sentence_cased_headline("Ofcom Fines Apple Over Australian Rules.\n\nBody Text Stays.", ont)
    assert cased == "Ofcom fines Apple over Australian rules.\n\nBody Text Stays."


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Lawmakers summon tech boss\n\nAnna Weber called on Kinmira Labs' chief executive to appear before "
                 "the committee.",
                 {("Anna Weber", "urges", "Kinmira Labs")}, set(), id="possessed-title"),
    pytest.param("Lawmakers summon tech boss\n\nThe European Commission urged the head of Zeltra Systems to explain "
                 "the outage.",
                 {("European Commission", "urges", "Zeltra Systems")}, set(), id="title-of-an-organisation"),
    pytest.param("Lawmakers summon tech boss\n\nThe European Commission urged Kinmira Labs' chief executive, Jo Tran, "
                 "to explain the outage.", {("European Commission", "urges", "Jo Tran")},
                 {("European Commission", "urges", "Kinmira Labs")}, id="a-named-holder-is-the-person"),
])
def test_an_unnamed_holder_of_an_office_acts_for_its_organisation(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Liberals split on vote\n\nSophie Martin, head of the European Parliament's liberal group, spoke on "
                 "Monday.",
                 {("Sophie Martin", "memberOf", "European Parliament")},
                 {("Sophie Martin", "leads", "European Parliament")}, id="head-of-a-parliaments-group"),
    pytest.param("Ethics board chair quits\n\nDavid Chen, the chair of Kinmira Labs' ethics board, said he would "
                 "resign.",
                 {("David Chen", "memberOf", "Kinmira Labs")}, {("David Chen", "leads", "Kinmira Labs")},
                 id="chair-of-a-companys-board"),
])
def test_the_head_of_an_unnamed_part_is_a_member_of_the_whole(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Fine goes to court\n\nKinmira Labs took Ofcom to court over the fine.",
                 {("Kinmira Labs", "sues", "Ofcom")}, id="took-to-court-read-as-infinitive"),
    pytest.param("Watchdog sues data broker\n\nThe Federal Trade Commission took Kinmira Labs to court over its data "
                 "sales.", {("Federal Trade Commission", "sues", "Kinmira Labs")}, id="took-a-company-to-court"),
    pytest.param("Fine goes to court\n\nThe European Commission took Hungary to court over its media law.",
                 {("European Commission", "sues", "Hungarian Government")}, id="took-a-country-to-court"),
])
def test_taking_someone_to_court_sues_them(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Lawmakers split\n\nAnna Weber, a fierce critic of Kinmira Labs, spoke first.",
                 {("Anna Weber", "criticises", "Kinmira Labs")}, id="a-critic-of"),
    pytest.param("Lawmakers split\n\nKinmira Labs critic Anna Weber spoke first.",
                 {("Anna Weber", "criticises", "Kinmira Labs")}, id="critic-before-the-name"),
    pytest.param("Lawmakers split\n\nAnna Weber is a supporter of the Digital Services Act.",
                 {("Anna Weber", "supports", "Digital Services Act")}, id="is-a-supporter-of"),
    pytest.param("Lawmakers split\n\nZeltra Systems, an early backer of the Online Safety Act, changed course.",
                 {("Zeltra Systems", "supports", "Online Safety Act")}, id="a-backer-of"),
    pytest.param("Lawmakers split\n\nAnna Weber, an opponent of the Online Safety Act, voted against it.",
                 {("Anna Weber", "opposes", "Online Safety Act")}, id="an-opponent-of"),
])
def test_a_stance_held_as_a_standing(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize("text", [
    pytest.param("Ministry acts\n\nOfcom fined Zeltra Systems in May. Kinmira Labs said the ministry's decision was "
                 "deeply disappointing.", id="said-the-makers-decision-was"),
    pytest.param("Ministry acts\n\nOfcom fined Zeltra Systems in May. Kinmira Labs condemned the ministry's decision.",
                 id="condemned-the-makers-decision"),
])
def test_a_decision_whose_maker_is_named_is_not_the_main_enforcers(text: str) -> None:
    got = facts(text)
    assert not any(s == "Kinmira Labs" and o == "Ofcom" for s, _, o in got), got


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Rights groups react\n\nThe move by the Indian government drew sharp criticism from Amnesty "
                 "International.", {("Amnesty International", "criticises", "Indian Government")}, id="move-by"),
    pytest.param("Rights groups react\n\nOfcom banned Kinmira Labs on Monday. The decision was welcomed by Amnesty "
                 "International.", {("Amnesty International", "supports", "Ofcom")}, id="decision-welcomed-by"),
    pytest.param("Rights groups react\n\nOfcom banned Kinmira Labs on Monday. The ban was condemned by Access Now.",
                 {("Access Now", "criticises", "Ofcom")}, id="ban-condemned-by"),
])
def test_a_stance_toward_a_decision_in_other_words(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Germany to phase out Huawei\n\nThe deal follows talks between the German interior ministry and "
                 "Deutsche Telekom, Vodafone and Kinmira Labs.",
                 {("German Interior Ministry", "meets", "Vodafone"),
                  ("German Interior Ministry", "meets", "Kinmira Labs"),
                  ("German Interior Ministry", "meets", "Deutsche Telekom")},
                 {("Vodafone", "meets", "Kinmira Labs"), ("Deutsche Telekom", "meets", "Vodafone")},
                 id="one-side-and-a-list"),
    pytest.param("Asian neighbours talk\n\nThe pact follows talks between Japan, South Korea and China.",
                 {("Japanese Government", "meets", "South Korean Government"),
                  ("South Korean Government", "meets", "Chinese Government")}, set(), id="each-with-each"),
])
def test_talks_between_several_parties(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Probe widens\n\nOfcom said Kinmira Labs was behind the campaign.",
                 {("Ofcom", "accuses", "Kinmira Labs")}, set(), id="behind-a-campaign"),
    pytest.param("Hackers named\n\nMicrosoft said a hacking group called Volt Typhoon was behind the attacks.",
                 {("Microsoft", "accuses", "Volt Typhoon")}, set(), id="behind-attacks-a-group-called"),
    pytest.param("Launch slips\n\nAnna Weber said Kinmira Labs was behind schedule.", set(),
                 {("Anna Weber", "accuses", "Kinmira Labs"), ("Anna Weber", "criticises", "Kinmira Labs")},
                 id="behind-schedule-blames-no-one"),
])
def test_saying_someone_was_behind_a_deed_accuses_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_description_known_by_a_name_is_that_name_not_an_earlier_one() -> None:
    check("Hackers named\n\nThe Group of Seven met on Monday. Anna Weber said the state-backed group known as Volt "
          "Typhoon was behind the intrusion.", {("Anna Weber", "accuses", "Volt Typhoon")},
          {("Anna Weber", "accuses", "Group of Seven")})


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Suit filed\n\nThe SEC alleged Kraken, the world's second crypto exchange, and its chief executive "
                 "Jesse Powell, misled customers.", {("Securities and Exchange Commission", "accuses", "Jesse Powell"),
                                                    ("Securities and Exchange Commission", "accuses", "Kraken")},
                 set(), id="conjunct-on-the-name"),
    pytest.param("Suit filed\n\nOfcom fined Ron Wyden, a Democrat, and Andy Biggs.",
                 {("Ofcom", "fines", "Ron Wyden"), ("Ofcom", "fines", "Andy Biggs")}, {("Ofcom", "fines", "Democrat")},
                 id="a-party-word-in-the-apposition-is-no-name"),
    pytest.param("Suit filed\n\nElon Musk, the boss of xAI and the X platform, criticised Ofcom.",
                 {("Elon Musk", "leads", "X")}, {("X", "criticises", "Ofcom")}, id="no-comma-no-second-name"),
])
def test_a_name_joined_after_an_apposition_is_joined_to_the_name_before_it(text: str, must: set,
                                                                            must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Regulators fine Kinmira Labs\n\nTurkey's competition authority fined Kinmira Labs 2.6 billion lira.",
                 {("Turkish Competition Authority", "fines", "Kinmira Labs")}, set(), id="sum-after-an-unknown-name"),
    pytest.param("Italy fines app maker\n\nItaly's antitrust authority fined Kinmira Labs 10 million euros on "
                 "Tuesday.", {("Italian Competition Authority", "fines", "Kinmira Labs")}, set(), id="sum-in-euros"),
    pytest.param("Regulators fine Kinmira Labs\n\nKinmira Labs was hit with a $5 million fine by the Federal Trade "
                 "Commission.", {("Federal Trade Commission", "fines", "Kinmira Labs")}, set(),
                 id="fine-after-a-sum-tagged-as-adjective"),
    pytest.param("Regulators fine Zeltra\n\nZeltra Systems was slapped with a $2 million fine by the Federal "
                 "Communications Commission.", {("Federal Communications Commission", "fines", "Zeltra Systems")},
                 set(), id="slapped-with-a-fine-after-a-sum"),
    pytest.param("Allies sign pact\n\nJapan and South Korea signed a defence pact on Friday.",
                 {("Japanese Government", "cooperatesWith", "South Korean Government")}, set(), id="signed-a-pact"),
    pytest.param("Allies sign pact\n\nJapan signed a security treaty with Australia.",
                 {("Japanese Government", "cooperatesWith", "Australian Government")}, set(), id="treaty-with"),
    pytest.param("The Labour Party formed a coalition with the Green Party after the vote.",
                 {("Labour Party", "cooperatesWith", "Green Party")}, set(), id="coalition-with"),
    pytest.param("Vexa Labs announced a coalition with Pinmark Systems to fight fraud.",
                 {("Vexa Labs", "cooperatesWith", "Pinmark Systems")}, set(), id="coalition-with-firms"),
    pytest.param("Prime Minister Rishi Sunak urged Israel to show restraint.",
                 {("Rishi Sunak", "urges", "Israeli Government")}, {("Rishi Sunak", "leads", "Israeli Government")},
                 id="no-title-in-the-government-one-urges"),
    pytest.param("Russia warns Britain\n\nPrime Minister Keir Starmer criticised Russia on Monday.",
                 {("Keir Starmer", "criticises", "Russian Government")},
                 {("Keir Starmer", "leads", "Russian Government")}, id="no-title-in-the-government-one-criticises"),
])
def test_news_of_fines_pacts_and_leaders_in_other_words(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Court sides with Kinmira Labs\n\nThe Ninth Circuit ruled in favour of Kinmira Labs on Tuesday.",
                 {("US Court of Appeals for the Ninth Circuit", "supports", "Kinmira Labs")}, id="ruled-in-favour-of"),
    pytest.param("The Supreme Court voted 7-2 in favor of Zeta Chat on Thursday.",
                 {("Supreme Court", "supports", "Zeta Chat")}, id="voted-in-favor-of"),
    pytest.param("Maria Keller voted in favour of the Online Safety Act last spring.",
                 {("Maria Keller", "supports", "Online Safety Act")}, id="voted-in-favour-of"),
    pytest.param("Court sides with Zeltra\n\nThe Delhi High Court ruled in favor of Zeltra Systems.",
                 {("Delhi High Court", "supports", "Zeltra Systems")}, id="ruled-in-favor-of"),
    pytest.param("EU agrees AI rules\n\nThierry Breton greeted the AI Act as a landmark.",
                 {("Thierry Breton", "supports", "Artificial Intelligence Act")}, id="greeted-as-a-landmark"),
])
def test_rulings_and_greetings_in_someones_favour(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Regulator probes shopping app\n\nSea Ltd, which operates the shopping app Shopee, denied the claims.",
                 {("Sea Ltd", "operates", "Shopee")}, id="a-company-name-ending-in-its-suffix-missed-by-the-ner"),
    pytest.param("Regulator probes messaging app\n\nVNG Corporation operates Zalo, Vietnam's most popular messaging "
                 "app.", {("VNG Corporation", "operates", "Zalo")}, id="a-service-described-with-its-country"),
    pytest.param("Regulator probes payments app\n\nMoMo Group, which runs the payments app MoMo Wallet, denied the "
                 "report.", {("MoMo Group", "operates", "MoMo Wallet")}, id="a-group-name-ending-in-its-suffix"),
    pytest.param("Regulator probes payments app\n\nGrab Holdings runs Ovo, Indonesia's biggest payments app.",
                 {("Grab Holdings", "operates", "Ovo")}, id="another-service-described-with-its-country"),
])
def test_services_and_who_runs_them(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Ofcom opens TikTok probe\n\nMelanie Dawes said TikTok had failed children. Dawes also criticised "
                 "Meta.",
                 {("Melanie Dawes", "criticises", "Meta")}, id="surname-read-as-a-plural-noun"),
    pytest.param("Watchdog chief speaks\n\nAnna Weber opened the hearing on Monday. Later, Weber criticised "
                 "Kinmira Labs.",
                 {("Anna Weber", "criticises", "Kinmira Labs")}, id="surname-after-an-adverb"),
])
def test_a_surname_alone_is_the_person_named_in_full_before(text: str, must: set) -> None:
    check(text, must, set())


def test_a_paragraph_ends_a_sentence_without_a_full_stop() -> None:
    from kg.extraction.recognise import pipeline

    doc = pipeline()("Regulator fines Kinmira Labs\n\nOfcom fined Kinmira Labs on Monday.\n\nWhat happens next\n\n"
                     "Kinmira Labs said it would appeal.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts == ["Regulator fines Kinmira Labs", "Ofcom fined Kinmira Labs on Monday.", "What happens next",
                      "Kinmira Labs said it would appeal."], starts


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Industry sues over law\n\nNetChoice has asked a federal judge to block the law. The group filed its "
                 "lawsuit in federal court in Atlanta.", {("NetChoice", "urges", "federal court in Atlanta")},
                 id="a-judge-before-the-court-is-named"),
    pytest.param("Kinmira Labs sues\n\nKinmira Labs filed a lawsuit in the Delhi High Court on Monday. The company "
                 "asked the judge to suspend the rules.", {("Kinmira Labs", "urges", "Delhi High Court")},
                 id="the-judge-after-the-court"),
])
def test_an_unnamed_judge_stands_for_the_court(text: str, must: set) -> None:
    check(text, must, set())


def test_the_council_of_the_eu_by_its_journalistic_name() -> None:
    check("Talks stall\n\nParliament negotiators walked out of a meeting with the EU Council on Monday. The EU Council "
          "criticised Kinmira Labs.", {("Council of the European Union", "criticises", "Kinmira Labs")}, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Court rules\n\nKinmira Labs said it was disappointed by the ruling of the Delhi High Court.",
                 {("Kinmira Labs", "criticises", "Delhi High Court")}, set(), id="disappointed-by-the-ruling-of"),
    pytest.param("Fine welcomed\n\nOfcom fined Zeltra Systems on Monday. Anna Weber said she was pleased with "
                 "Ofcom's decision.", {("Anna Weber", "supports", "Ofcom")}, set(), id="pleased-with-a-decision"),
    pytest.param("Fine welcomed\n\nAnna Weber said she was not happy with Ofcom.", set(),
                 {("Anna Weber", "supports", "Ofcom")}, id="not-happy-is-no-support"),
    pytest.param("Fine row\n\nZeltra Systems called Ofcom's decision \"a mistake\".",
                 {("Zeltra Systems", "criticises", "Ofcom")}, {("Zeltra Systems", "accuses", "Ofcom")},
                 id="called-a-decision-a-quoted-mistake"),
])
def test_how_a_speaker_feels_about_what_another_did(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Regulators circle Kinmira Labs\n\nThe Japan Fair Trade Commission suspects Kinmira Labs of abusing "
                 "its dominant position.", {("Japan Fair Trade Commission", "accuses", "Kinmira Labs")},
                 id="suspects-of"),
    pytest.param("Regulators circle Zeltra\n\nThe European Commission suspects Zeltra Systems of breaching the "
                 "Digital Services Act.", {("European Commission", "accuses", "Zeltra Systems")}, id="suspects-of-2"),
    pytest.param("Regulators circle Kinmira Labs\n\nThe CNIL carried out an inspection at Kinmira Labs' Paris office.",
                 {("CNIL", "investigates", "Kinmira Labs")}, id="inspection-at"),
    pytest.param("Regulators circle Zeltra\n\nThe Korea Fair Trade Commission conducted a raid at Zeltra Systems' "
                 "headquarters.", {("Korea Fair Trade Commission", "investigates", "Zeltra Systems")},
                 id="raid-at"),
])
def test_suspicions_and_inspections(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Kinmira Labs hits back\n\n\"Ofcom has acted unlawfully. We will appeal,\" Kinmira Labs said on "
                 "Monday.", {("Kinmira Labs", "accuses", "Ofcom")}, id="first-sentence-of-a-quote-said-after"),
    pytest.param("Zeltra hits back\n\nAnna Weber said on Monday: \"We are studying the ruling. The Federal Trade "
                 "Commission was wrong to sue us.\"", {("Anna Weber", "criticises", "Federal Trade Commission")},
                 id="second-sentence-of-a-quote-said-before"),
])
def test_every_sentence_of_a_quotation_is_its_speakers(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Regulators join forces\n\nOfcom and the Information Commissioner's Office launched a joint "
                 "investigation into Kinmira Labs.", {("Ofcom", "cooperatesWith", "Information Commissioner's Office"),
                                                      ("Ofcom", "investigates", "Kinmira Labs")},
                 id="joint-investigation"),
    pytest.param("Regulators join forces\n\nThe CNIL and the Irish Data Protection Commission conducted a coordinated "
                 "review of Zeltra Systems.", {("CNIL", "cooperatesWith", "Irish Data Protection Commission")},
                 id="coordinated-review"),
    pytest.param("Regulators join forces\n\nThe European Commission, in cooperation with the CNIL, opened proceedings "
                 "against Zeltra Systems.", {("European Commission", "cooperatesWith", "CNIL")},
                 id="in-cooperation-with"),
])
def test_work_done_together(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Minister takes on social media\n\nBritain's technology secretary accused Kinmira Labs of putting "
                 "profits before children.", {("UK Government", "accuses", "Kinmira Labs")}, id="country-possessor"),
    pytest.param("Berlin warns chipmaker\n\nThe German economy minister criticised Zeltra Systems on Friday.",
                 {("German Government", "criticises", "Zeltra Systems")}, id="nationality-adjective"),
])
def test_an_unnamed_holder_of_a_countrys_office_acts_for_its_government(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Patent row escalates\n\nKinmira Labs has taken legal action against Zeltra Systems over the "
                 "patent.", {("Kinmira Labs", "sues", "Zeltra Systems")}, set(), id="legal-action"),
    pytest.param("Club goes to law\n\nManchester City took legal action against the Premier League.",
                 {("Manchester City", "sues", "Premier League")}, set(), id="a-club-named-after-a-city"),
    pytest.param("Rules face court test\n\nZeltra Systems launched a legal challenge against the Federal Trade "
                 "Commission.", {("Zeltra Systems", "sues", "Federal Trade Commission")},
                 {("Zeltra Systems", "opposes", "Federal Trade Commission")}, id="legal-challenge"),
])
def test_an_event_noun_read_with_its_modifier(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Hydrogen pact\n\nGermany and Canada agreed a hydrogen partnership.",
                 {("German Government", "cooperatesWith", "Canadian Government")}, set(), id="agreed-together"),
    pytest.param("Chip alliance\n\nKinmira Labs forged an alliance with Zeltra Systems last year.",
                 {("Kinmira Labs", "cooperatesWith", "Zeltra Systems")}, set(), id="forged-with"),
    pytest.param("Settlement\n\nKinmira Labs agreed a fine with the Federal Trade Commission.", set(),
                 {("Kinmira Labs", "fines", "Federal Trade Commission")}, id="a-fine-agreed-is-not-imposed"),
])
def test_parties_make_a_pact_together(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Envoys meet\n\nOfficials from Armenia and Azerbaijan held talks in Washington.",
                 {("Armenian Government", "meets", "Azerbaijani Government")}, id="officials-from-countries"),
    pytest.param("Firm responds\n\nA spokesperson for Kinmira Labs criticised the Federal Trade Commission.",
                 {("Kinmira Labs", "criticises", "Federal Trade Commission")}, id="spokesperson-for"),
    pytest.param("Firm talks\n\nOfficials from the Commerce Department met executives of Zeltra Systems on Tuesday.",
                 {("US Department of Commerce", "meets", "Zeltra Systems")}, id="executives-of"),
])
def test_unnamed_people_act_for_where_they_come_from(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Privacy fine\n\nKinmira Labs, fined 40 million euros by the CNIL last year, said it would appeal.",
                 {("CNIL", "fines", "Kinmira Labs")}, id="by-hung-on-the-sum"),
    pytest.param("Chip penalty\n\nZeltra Systems, fined a record $2 billion by the Federal Trade Commission, has "
                 "changed its pricing.", {("Federal Trade Commission", "fines", "Zeltra Systems")},
                 id="by-hung-on-the-sum-2"),
])
def test_a_participle_set_off_by_commas_is_passive(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("State acts on app\n\nMontana became the first US state to ban TikTok.",
                 {("Government of Montana", "bans", "TikTok")}, id="became-the-first-to"),
    pytest.param("Watchdogs circle chatbot\n\nOfcom is the latest regulator to investigate Zeltra Systems.",
                 {("Ofcom", "investigates", "Zeltra Systems")}, id="is-the-latest-to"),
])
def test_the_one_described_as_the_first_to_act_acts(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Platform goes dark\n\nKinmira Labs was suspended in Brazil after a ruling by Justice Alexandre de "
                 "Moraes.", {("Alexandre de Moraes", "bans", "Kinmira Labs")}, id="after-a-ruling-by"),
    pytest.param("App pulled\n\nZeltra Systems was blocked in India following an order from the Ministry of "
                 "Electronics and Information Technology.",
                 {("Ministry of Electronics and Information Technology", "bans", "Zeltra Systems")},
                 id="following-an-order-from"),
])
def test_an_enforcement_after_someones_decision_is_theirs(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Industry pushes back\n\n\"These rules are unworkable and will hurt consumers,\" Kinmira Labs said "
                 "of the Federal Trade Commission's proposal.", {("Kinmira Labs", "criticises",
                                                                  "Federal Trade Commission")}, id="said-of"),
    pytest.param("Senator fumes over agency\n\n\"The FTC has overstepped its authority,\" Senator Ted Cruz said in a "
                 "statement.", {("Ted Cruz", "criticises", "Federal Trade Commission")}, id="overstepped"),
    pytest.param("Ruling draws fire\n\nAnna Weber said the ruling of the Delhi High Court was a blow to press freedom.",
                 {("Anna Weber", "criticises", "Delhi High Court")}, id="a-blow-to"),
])
def test_words_said_against_an_actor(text: str, must: set) -> None:
    check(text, must, set())


def test_a_company_name_ending_in_a_plural_cue_the_ner_missed() -> None:
    check("Update\n\nZeltra Systems said the European Commission should withdraw the fine.",
          {("Zeltra Systems", "urges", "European Commission")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Allies unite against chipmaker\n\nGermany joined France in criticising Zeltra Systems.",
                 {("German Government", "criticises", "Zeltra Systems"),
                  ("French Government", "criticises", "Zeltra Systems")}, id="joined-in-criticising"),
    pytest.param("Rivals make common cause\n\nKinmira Labs joined Zeltra Systems in calling for the Federal Trade "
                 "Commission to drop the rule.", {("Zeltra Systems", "urges", "Federal Trade Commission")},
                 id="joined-in-calling-for"),
])
def test_the_one_joined_in_doing_something_does_it_too(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Steel row deepens\n\nGermany criticised the US tariffs on European steel.",
                 {("German Government", "criticises", "US Government")}, set(), id="abbreviation"),
    pytest.param("Chip curbs\n\nZeltra Systems criticised the Chinese export controls.",
                 {("Zeltra Systems", "criticises", "Chinese Government")}, set(), id="nationality-adjective"),
    pytest.param("Ban row\n\nKinmira Labs criticised the TikTok ban.", set(),
                 {("Kinmira Labs", "criticises", "TikTok")}, id="a-company-before-a-ban-is-its-target"),
])
def test_a_measure_a_nationality_word_gives_a_maker(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Beijing warns Berlin\n\nThe Chinese embassy said if Zeltra Systems were shut out there would be a "
                 "price to pay, labelling Berlin's move \"a ruthless step\" against fair trade.",
                 {("Chinese Embassy", "criticises", "German Government")},
                 {("Zeltra Systems", "criticises", "German Government")}, id="calling-after-a-conditional"),
    pytest.param("Lawyer defends firm\n\nAnna Weber said Zeltra Systems had acted within the law, describing the "
                 "Federal Trade Commission's case as \"baseless\".",
                 {("Anna Weber", "criticises", "Federal Trade Commission")},
                 {("Zeltra Systems", "criticises", "Federal Trade Commission")}, id="describing-after-a-clause"),
])
def test_a_participle_of_naming_after_a_reported_clause_is_the_speakers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    pytest.param("Lawyer defends firm\n\nAnna Weber said Zeltra Systems had not broken the rules.", id="not"),
    pytest.param("Lawyer defends firm\n\nAnna Weber said Zeltra Systems had broken no rules.", id="no-object"),
    pytest.param("Lawyer defends firm\n\nAnna Weber said Zeltra Systems had done nothing illegal.", id="nothing"),
    pytest.param("Minister defends firm\n\nThe minister, Ola Berg, said Kinmira Labs never misled its users.",
                 id="never"),
])
def test_a_reported_denial_accuses_no_one(text: str) -> None:
    got = facts(text)
    assert not {f for f in got if f[1] in {"accuses", "criticises"}}, got


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Authority picks new chair\n\nAnna Weber, who was elected chair of the Vantor Authority last year, "
                 "criticised the plan.", {("Anna Weber", "leads", "Vantor Authority")}, id="was-elected"),
    pytest.param("Chipmaker changes chief\n\nAnna Weber became chief executive of Zeltra Systems in 2021.",
                 {("Anna Weber", "leads", "Zeltra Systems")}, id="became"),
    pytest.param("Bank reshuffle\n\nOla Berg serves as deputy governor of the Central Bank of Nigeria.",
                 {("Ola Berg", "memberOf", "Central Bank of Nigeria")}, id="serves-as"),
    pytest.param("Bank reshuffle\n\nOla Berg was appointed deputy governor of the Central Bank of Nigeria.",
                 {("Ola Berg", "memberOf", "Central Bank of Nigeria")}, id="was-appointed-a-deputy"),
])
def test_a_title_given_by_a_verb_of_appointing_or_serving(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Bank reshuffle\n\nDeputy governor Ola Berg of the Central Bank of Nigeria spoke on Monday.",
                 {("Ola Berg", "memberOf", "Central Bank of Nigeria")},
                 {("Ola Berg", "leads", "Central Bank of Nigeria")}, id="deputy"),
    pytest.param("Authority reshuffle\n\nOla Berg, the vice chair of the Vantor Authority, spoke on Monday.",
                 {("Ola Berg", "memberOf", "Vantor Authority")}, {("Ola Berg", "leads", "Vantor Authority")},
                 id="vice"),
])
def test_a_deputy_is_a_member_not_the_leader(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Campaigners demand action\n\n\"We need action now,\" said Anna Weber of the Molly Rose Foundation.",
                 {("Anna Weber", "memberOf", "Molly Rose Foundation")}, set(), id="said-name-of"),
    pytest.param("Opposition attacks ban\n\nPeter Dutton, of the Liberal Party, criticised the ban.",
                 {("Peter Dutton", "memberOf", "Liberal Party")}, set(), id="comma-of"),
    pytest.param("Opposition attacks ban\n\nOla Berg of Lagos criticised Zeltra Systems.", set(),
                 {("Ola Berg", "memberOf", "Lagos")}, id="a-place-is-no-organisation"),
])
def test_a_person_of_an_organisation_is_its_member(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("German foreign minister presses Zeltra Systems\n\nGermany's foreign minister Johann Wadephul met "
                 "executives on Tuesday.", {("Johann Wadephul", "urges", "Zeltra Systems")},
                 {("German Government", "urges", "Zeltra Systems")}, id="headline-title-of-the-named-minister"),
    pytest.param("Kinmira Labs' chief executive slams the Federal Trade Commission\n\nKinmira Labs chief executive "
                 "Dev Rao spoke in London on Monday.", {("Dev Rao", "criticises", "Federal Trade Commission")},
                 {("Kinmira Labs", "criticises", "Federal Trade Commission")}, id="company-title-named-in-the-story"),
    pytest.param("Britain's interior minister criticises Zeltra Systems\n\nBritain's culture minister Lisa Nandy "
                 "spoke on Monday.", {("UK Government", "criticises", "Zeltra Systems")},
                 {("Lisa Nandy", "criticises", "Zeltra Systems")}, id="another-portfolio-is-another-person"),
])
def test_an_unnamed_title_is_the_person_the_story_names_with_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_ministers_department_is_part_of_the_government_they_sit_in() -> None:
    check("Minister speaks\n\nCanadian Heritage Minister Pascale St-Onge criticised Meta on Wednesday.",
          {("Pascale St-Onge", "memberOf", "Canadian Government"),
           ("Pascale St-Onge", "memberOf", "Department of Canadian Heritage")}, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Lawmakers oust president\n\nPeru's Congress voted to remove President Dina Boluarte. Congress "
                 "president Jose Jeri promised a war on crime.", {("Jose Jeri", "leads", "Congress of Peru")},
                 {("Jose Jeri", "leads", "United States Congress")}, id="a-countrys-congress"),
    pytest.param("Lawmakers reject the bill\n\nThe Peruvian Congress criticised Zeltra Systems.",
                 {("Congress of Peru", "criticises", "Zeltra Systems")},
                 {("United States Congress", "criticises", "Zeltra Systems")}, id="nationality-adjective"),
])
def test_a_chamber_named_by_another_country_is_that_countrys(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Spy chief weighs in\n\nU.S. Director of National Intelligence Tulsi Gabbard called the British "
                 "order \"deeply troubling\" for privacy.", {("Tulsi Gabbard", "memberOf", "US Government"),
                                                                  ("Tulsi Gabbard", "criticises", "UK Government")},
                 id="director-of-a-portfolio"),
    pytest.param("Agency head speaks\n\nHead of Digital Policy Anna Weber criticised Zeltra Systems.",
                 {("Anna Weber", "criticises", "Zeltra Systems")}, id="head-of-a-portfolio"),
])
def test_a_name_after_a_titles_portfolio_is_the_holder(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Venezuela condemns seizure of tanker\n\nCARACAS (Reuters) - The United States seized a tanker on "
                 "Thursday, and U.S. officials defended the move. Foreign Minister Yvan Gil said the U.S. action was "
                 "piracy.", {("Yvan Gil", "memberOf", "Venezuelan Government")},
                 {("Yvan Gil", "memberOf", "US Government")}, id="a-capital-the-registry-lacks"),
    pytest.param("Kenya defends data rules\n\nNAIROBI (AP) - The United States and U.S. firms criticised the rules. "
                 "Interior Minister Ola Berg defended them on Friday.",
                 {("Ola Berg", "memberOf", "Kenyan Government")}, {("Ola Berg", "memberOf", "US Government")},
                 id="another-capital"),
])
def test_the_place_a_story_is_filed_from_says_whose_government_it_is(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Airline expands fleet\n\nAir India orders 100 more Airbus jets.", set(),
                 {("Air India", "orders", "Airbus")}, id="a-purchase-of-a-makers-products"),
    pytest.param("Carrier buys planes\n\nKinmira Labs ordered 40 Zeltra Systems servers last year.", set(),
                 {("Kinmira Labs", "orders", "Zeltra Systems")}, id="servers"),
    pytest.param("Regulator acts on chips\n\nVietnam ordered telecom firms to block Telegram.",
                 {("Vietnamese Government", "bans", "Telegram")}, {("Vietnamese Government", "orders", "Telegram")},
                 id="those-ordered-are-not-what-they-block"),
])
def test_an_order_for_goods_or_for_others_to_act_orders_no_one_named(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    pytest.param("Roblox responds\n\nRoblox said Ken Paxton had chosen to sue rather than work with Zeltra Systems.",
                 id="rather-than"),
    pytest.param("Firms clash\n\nKinmira Labs preferred to litigate rather than collaborate with Zeltra Systems.",
                 id="rather-than-2"),
])
def test_an_alternative_set_aside_is_not_done(text: str) -> None:
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text(text, article_id="t")])
    coop = [t for t in ex.triples if t.relation == "cooperatesWith"]
    assert coop and all(t.negated for t in coop)


def test_a_ministry_of_another_field_is_not_the_one_described() -> None:
    got = facts("Poland summons envoy\n\nWARSAW (Reuters) - Poland's foreign ministry summoned Russia's charge "
                "d'affaires on Wednesday.")
    assert not any("Digital" in s for s, _, _ in got), got


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Consumer group changes boss\n\nUnilever said on Tuesday that chief executive Hein Schumacher would "
                 "step down.", {("Hein Schumacher", "leads", "Unilever")}, set(), id="said-that-the-chief-executive"),
    pytest.param("Chipmaker rejects code\n\nZeltra Systems will not sign the code, chief legal officer Anna Weber said "
                 "on Friday.", {("Anna Weber", "memberOf", "Zeltra Systems")}, set(), id="officer-said"),
    pytest.param("Patent fight\n\nKinmira Labs sued Zeltra Systems, chief executive Anna Weber said.", set(),
                 {("Anna Weber", "leads", "Kinmira Labs"), ("Anna Weber", "leads", "Zeltra Systems")},
                 id="two-companies-neither"),
])
def test_a_company_title_with_no_company_is_the_sentences_one_company(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Governing body punishes club\n\nUEFA fined Chelsea 31 million euros on Friday for breaching its "
                 "rules.", {("UEFA", "fines", "Chelsea")}, id="name-hung-on-the-verb-before-the-sum"),
    pytest.param("Musk attacks regulator\n\nElon Musk, who had branded Anna Weber the eSafety commissar, called the "
                 "outcome a victory.", {("Elon Musk", "accuses", "Anna Weber")}, id="branded-someone-something"),
])
def test_the_one_acted_on_where_the_parser_hangs_them_elsewhere(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Judge orders agency to restore grants\n\nA federal judge ordered the Department of Education to "
                 "restore the grants on Wednesday. U.S. District Judge Anna Weber wrote that the cuts were unlawful.",
                 {("Anna Weber", "orders", "Department of Education")}, id="the-judge-named-after"),
    pytest.param("Court blocks the rule\n\nJudge Ola Berg heard the case in March. On Friday the judge ordered Zeltra "
                 "Systems to stop the sales.", {("Ola Berg", "orders", "Zeltra Systems")}, id="the-judge-named-before"),
])
def test_an_unnamed_judge_is_the_one_judge_named_where_no_court_is(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Workers win in court\n\nThe Delhi High Court ruled against Zeltra Systems on Friday. Anna Weber, the "
                 "workers' lawyer, called the judgment \"a win for every worker\".",
                 {("Anna Weber", "supports", "Delhi High Court")}, {("Anna Weber", "criticises", "Delhi High Court")},
                 id="a-win"),
    pytest.param("Fine praised\n\nOfcom fined Kinmira Labs on Monday. The campaigner Ola Berg called the decision a "
                 "landmark for children.", {("Ola Berg", "supports", "Ofcom")}, set(), id="a-landmark"),
])
def test_praising_a_decision_backs_its_maker(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("President drops the bill\n\nKenyan President William Ruto said he would not sign the Finance Bill "
                 "2024.", {("William Ruto", "opposes", "Finance Bill")}, {("William Ruto", "supports", "Finance Bill")},
                 id="would-not-sign"),
    pytest.param("Chipmaker snubs pact\n\nZeltra Systems refused to sign the Paris Accord on Monday.",
                 {("Zeltra Systems", "opposes", "Paris Accord")}, {("Zeltra Systems", "supports", "Paris Accord")},
                 id="refused-to-sign"),
    pytest.param("Platform balks at the law\n\nZeltra Systems said it would not support the Online Safety Act.",
                 {("Zeltra Systems", "opposes", "Online Safety Act")}, set(), id="would-not-support"),
    pytest.param("Platform balks at the law\n\nKinmira Labs declined to back the Online Safety Act.",
                 {("Kinmira Labs", "opposes", "Online Safety Act")}, set(), id="declined-to-back"),
    pytest.param("Firm defies the court\n\nThe Delhi High Court fined Zeltra Systems on Monday. Zeltra Systems "
                 "refused to back the ruling.", {("Zeltra Systems", "opposes", "Delhi High Court")},
                 {("Zeltra Systems", "supports", "Delhi High Court")}, id="refused-to-back-a-ruling"),
])
def test_declining_to_sign_a_law_opposes_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Firm hits back\n\nZeltra Systems rejected the allegations made by the Federal Trade Commission.",
                 {("Zeltra Systems", "opposes", "Federal Trade Commission")}, id="allegations-made-by"),
    pytest.param("Firm hits back\n\nKinmira Labs rejected Ofcom's accusations on Monday.",
                 {("Kinmira Labs", "opposes", "Ofcom")}, id="possessor-accusations"),
])
def test_rejecting_an_accusation_opposes_its_maker(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize("text", [
    pytest.param("Brussels opens probe\n\nThe European Commission has opened an investigation into whether Zeltra "
                 "Systems unfairly demotes rivals, Anna Weber said on Wednesday.", id="whether"),
    pytest.param("Regulators ask questions\n\nOfcom has launched an inquiry into whether Kinmira Labs illegally "
                 "collected data, Ola Berg said.", id="whether-2"),
])
def test_a_cue_inside_an_embedded_question_is_asked_not_said(text: str) -> None:
    got = facts(text)
    assert not {f for f in got if f[1] in {"criticises", "accuses"}}, got


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Court rules on platforms\n\nLuís Roberto Barroso criticised Zeltra Systems on Thursday.",
                 {("Luís Roberto Barroso", "criticises", "Zeltra Systems")}, id="a-given-name-opening-a-sentence"),
    pytest.param("Lawyers protest\n\nThe Law Society of Kenya condemned Zeltra Systems on Tuesday.",
                 {("Law Society of Kenya", "criticises", "Zeltra Systems")}, id="a-body-cut-before-of-its-country"),
    pytest.param("Kenya protests\n\nNAIROBI (Reuters) - Kenyan President William Ruto met Anna Weber. Zeltra Systems "
                 "criticised parliament on Tuesday.", {("Zeltra Systems", "criticises", "Parliament of Kenya")},
                 id="parliament-with-no-article"),
])
def test_names_the_ner_cuts_or_leaves_bare(text: str, must: set) -> None:
    check(text, must, set())


def test_a_relative_clause_with_its_own_subject_keeps_it() -> None:
    # "for Kinmira Labs, which is facing ...": the relative's own subject, not the doer of "spells"
    check("Trouble for chipmaker\n\nThe Delhi High Court's ruling spells trouble for Kinmira Labs, which is facing a "
          "separate lawsuit from the Federal Trade Commission.",
          {("Federal Trade Commission", "sues", "Kinmira Labs")},
          {("Federal Trade Commission", "sues", "Delhi High Court")})


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Firm goes to court over code\n\nZeltra Systems filed a lawsuit in a federal court in Texas accusing "
                 "Kinmira Labs of stealing its code.", {("Zeltra Systems", "accuses", "Kinmira Labs")},
                 {("federal court in Texas", "accuses", "Kinmira Labs")}, id="lawsuit-in-a-court"),
    pytest.param("Union complains\n\nAnna Weber lodged a complaint with Ofcom accusing Kinmira Labs of misleading "
                 "users.", {("Anna Weber", "accuses", "Kinmira Labs")}, {("Ofcom", "accuses", "Kinmira Labs")},
                 id="complaint-with-a-regulator"),
])
def test_a_participle_closing_a_phrase_of_place_is_the_filers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_note_sent_to_someone_contacts_them() -> None:
    check("Firm writes to regulator\n\nKinmira Labs sent a note to Ofcom on Monday.", {("Kinmira Labs", "contacts",
                                                                                       "Ofcom")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Firm hits back at regulator\n\nAnna Weber said Ofcom's decision was not proportionate.",
                 {("Anna Weber", "criticises", "Ofcom")}, id="not-proportionate"),
    pytest.param("Chipmaker hits back\n\nZeltra Systems said the Federal Trade Commission's order was not fair.",
                 {("Zeltra Systems", "criticises", "Federal Trade Commission")}, id="not-fair"),
])
def test_denying_a_word_of_approval_runs_it_down(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Workers strike\n\nThe National Samsung Electronics Union accused Samsung Electronics of unfair "
                 "labour practices.", {("National Samsung Electronics Union", "accuses", "Samsung Electronics")},
                 id="union-named-after-the-company"),
    pytest.param("Board rules\n\nThe Meta Oversight Board criticised Meta on Tuesday.",
                 {("Meta Oversight Board", "criticises", "Meta")}, id="board-named-after-the-company"),
])
def test_a_body_named_after_a_company_is_not_the_company(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Privacy fine\n\nThe CNIL, which is Zeltra Systems' lead privacy regulator in Europe, fined the "
                 "company on Monday. According to the watchdog, Zeltra Systems failed to protect data.",
                 {("CNIL", "accuses", "Zeltra Systems")}, id="which-is-its-regulator"),
    pytest.param("Privacy fine\n\nOfcom is Kinmira Labs' main online safety regulator in Britain. According to the "
                 "watchdog, Kinmira Labs failed to protect children.", {("Ofcom", "accuses", "Kinmira Labs")},
                 id="is-its-regulator"),
])
def test_what_a_copula_says_its_subject_is_is_no_other_actor(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("New chief\n\nThe board replaced Dana Osei with Marek Lindqvist, who has long been a vocal critic of "
                 "Zeltra Systems.", {("Marek Lindqvist", "criticises", "Zeltra Systems")}, id="who-has-been-a-critic"),
    pytest.param("Deal signed\n\nThe contract was signed by Priya Nair, who is the chief executive of Kinmira Labs.",
                 {("Priya Nair", "leads", "Kinmira Labs")}, id="who-is-the-chief-executive"),
])
def test_a_title_in_a_relative_clause_belongs_to_its_antecedent(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Feud deepens\n\nTomas Varga banned Zeta Chat on Monday. Dana Osei wrote that \u201cVarga is a "
                 "coward\u201d and accused him of election fraud.", {("Dana Osei", "accuses", "Tomas Varga")},
                 {("Tomas Varga", "accuses", "Dana Osei")}, id="curly-quotes"),
    pytest.param("Row over fee\n\nAnna Weber said that \"the fee is unfair\" and accused Kinmira Labs of greed.",
                 {("Anna Weber", "accuses", "Kinmira Labs")}, set(), id="straight-quotes"),
])
def test_a_verb_after_a_closed_quotation_is_the_speakers(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Plan draws fire\n\nAnna Weber criticised the proposal by the European Commission on Friday.",
                 {("Anna Weber", "criticises", "European Commission")}, set(), id="proposal-by"),
    pytest.param("Plan draws praise\n\nZeltra Systems welcomed the plan by Ofcom on Tuesday.",
                 {("Zeltra Systems", "supports", "Ofcom")}, set(), id="plan-by"),
    pytest.param("Firm to comply\n\nZeta Chat said it would meet the decision by Ofcom's deadline.", set(),
                 {("Zeta Chat", "meets", "Ofcom")}, id="by-a-deadline-names-no-maker"),
])
def test_a_policys_by_phrase_names_its_maker(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Seller anger\n\n\u201cZeltra Systems is a monopolist that squeezes its sellers,\u201d said Anna "
                 "Weber.",
                 {("Anna Weber", "criticises", "Zeltra Systems")}, id="a-monopolist"),
    pytest.param("Design probe\n\nOfcom said Zeta Chat used deceptive designs to keep children online.",
                 {("Ofcom", "accuses", "Zeta Chat")}, id="deceptive-said-by-an-enforcer"),
])
def test_words_of_market_abuse_run_down_who_they_are_said_of(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Rule fought\n\nMastercard, along with Visa and PayPal, lobbied against the Online Safety Act.",
                 {("Mastercard", "opposes", "Online Safety Act"), ("PayPal", "opposes", "Online Safety Act")},
                 id="along-with-between-commas"),
    pytest.param("Code signed\n\nZeltra Systems, together with Kinmira Labs, endorsed the Geneva Accord.",
                 {("Zeltra Systems", "supports", "Geneva Accord"), ("Kinmira Labs", "supports", "Geneva Accord")},
                 id="together-with-between-commas"),
])
def test_doers_joined_along_with_or_together_with_act_too(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Pact grows\n\nZeltra Systems and Kinmira Labs signed on to the Geneva Accord on Friday.",
                 {("Zeltra Systems", "supports", "Geneva Accord"), ("Kinmira Labs", "supports", "Geneva Accord")},
                 id="signed-on-to"),
    pytest.param("Pact grows\n\nZeta Chat has signed up to the Lisbon Accord.",
                 {("Zeta Chat", "supports", "Lisbon Accord")}, id="signed-up-to"),
])
def test_signing_on_to_an_agreement_supports_it(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Minister calls in platforms\n\nBangladesh\u2019s posts minister Nadia Rahman said the "
                 "government would "
                 "restore mobile data on Sunday. Service will return at 10:00 (9:00 in mainland Spain). The Government "
                 "may ban Zeta Chat if the talks fail.", {("Bangladeshi Government", "bans", "Zeta Chat")},
                 {("Spanish Government", "bans", "Zeta Chat")}, id="a-country-in-a-time-note"),
    pytest.param("Data cut ends\n\nThe government of Bangladesh restored internet access on Monday, officials "
                 "said. The "
                 "outage was reported by a monitor based in Germany. The government also fined Zeta Chat for "
                 "failing to "
                 "remove posts.", {("Bangladeshi Government", "fines", "Zeta Chat")},
                 {("German Government", "fines", "Zeta Chat")}, id="a-country-as-a-base"),
    pytest.param("Data cut ends\n\nThe government of Bangladesh restored internet access on Monday. Germany fined "
                 "Kinmira "
                 "Labs on Tuesday. The government also fined Zeta Chat for failing to remove posts.",
                 {("German Government", "fines", "Zeta Chat")}, set(), id="a-country-that-acts-is-meant"),
])
def test_the_government_said_again_is_the_one_meant_before(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Lira slides\n\nThe president sacked the country's central bank chief Naci Agbal on Saturday. Agbal "
                 "had raised rates.", "Naci Agbal", id="bank-chief"),
    pytest.param("Fund probe\n\nThe fund's director Murat Cetinkaya resigned on Friday.", "Murat Cetinkaya",
                 id="fund-director"),
])
def test_a_name_after_a_lower_case_title_is_a_person(text: str, name: str) -> None:
    assert entities(text)[name][0] == "Person"


@pytest.mark.parametrize(("text", "name", "alias"), [
    pytest.param("Lira slides\n\nPresident Erdogan sacked the governor on Saturday.", "Erdogan", "President Erdogan",
                 id="president"),
    pytest.param("Row grows\n\nMr Musk criticised Ofcom on Monday.", "Elon Musk", "Mr Musk", id="honorific"),
])
def test_a_person_keeps_the_title_the_text_names_them_by(text: str, name: str, alias: str) -> None:
    assert alias in entities(text)[name][1]


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Nominee waits\n\nBrazil's president Lula criticised the central bank on Monday. The Senate must "
                 "approve the nominee.", "Federal Senate of Brazil", id="the-senate"),
    pytest.param("Bill signed\n\nKenya's president William Ruto signed the bill after the parliament passed it.",
                 "Parliament of Kenya", id="the-parliament"),
])
def test_the_chamber_of_the_storys_country(text: str, name: str) -> None:
    assert entities(text)[name][0] == "Legislature"


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Rules widen\n\nBig app firms like Zeltra Systems and Kinmira Labs, which owns Quorvane and Zeta "
                 "Chat, will face the new code.", {("Kinmira Labs", "owns", "Quorvane")},
                 {("Zeltra Systems", "owns", "Quorvane")}, id="singular-after-a-list-in-a-phrase"),
    pytest.param("Regulators meet\n\nRegulators such as Ofcom and the CNIL, which has fined Zeta Chat twice, met in "
                 "Paris on Monday.", {("CNIL", "fines", "Zeta Chat")}, {("Ofcom", "fines", "Zeta Chat")},
                 id="singular-after-a-list-of-names"),
    pytest.param("Regulators meet\n\nOfcom and the CNIL, which have both fined Zeta Chat, met in Paris on Monday.",
                 {("CNIL", "fines", "Zeta Chat"), ("Ofcom", "fines", "Zeta Chat")}, set(), id="plural-agrees-with-all"),
])
def test_a_relative_pronoun_agrees_with_its_verb(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def negations(text: str) -> dict[tuple[str, str, str], bool]:
    ex = extraction(text)
    return {(ex.entities[t.subject].label, t.relation, ex.entities[t.object].label): t.negated for t in ex.triples}


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Envoy hits back\n\nIt is not the United States that threatens Hungary, the envoy said.",
                 ("US Government", "threatens", "Hungarian Government"), id="it-is-not"),
    pytest.param("Firm denies\n\nIt was not Zeltra Systems that sued Kinmira Labs, its lawyer said.",
                 ("Zeltra Systems", "sues", "Kinmira Labs"), id="it-was-not"),
])
def test_a_denied_cleft_denies_its_doer(text: str, fact: tuple[str, str, str]) -> None:
    assert negations(text).get(fact) is True


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Fine for app\n\nOfcom's chief Dana Osei said Zeta Chat should have acted sooner and should have "
                 "warned parents.", {("Dana Osei", "criticises", "Zeta Chat")}, {("Dana Osei", "urges", "Zeta Chat")},
                 id="should-have-acted"),
    pytest.param("Leak row\n\nAnna Weber said Kinmira Labs should have protected its users.",
                 {("Anna Weber", "criticises", "Kinmira Labs")}, {("Anna Weber", "urges", "Kinmira Labs")},
                 id="should-have-protected"),
    pytest.param("Leak row\n\nAnna Weber said Kinmira Labs should protect its users.",
                 {("Anna Weber", "urges", "Kinmira Labs")}, set(), id="should-still-urges"),
])
def test_what_someone_should_have_done_reproaches_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Watchdog under fire\n\nAnna Weber was highly critical of Ofcom on Monday.",
                 {("Anna Weber", "criticises", "Ofcom")}, id="critical-of"),
    pytest.param("Watchdog backed\n\nZeltra Systems has been supportive of Ofcom throughout the review.",
                 {("Zeltra Systems", "supports", "Ofcom")}, id="supportive-of"),
    pytest.param("Law contested\n\nKinmira Labs is opposed to the Online Safety Act, its founder said.",
                 {("Kinmira Labs", "opposes", "Online Safety Act")}, id="opposed-to"),
])
def test_a_stance_said_with_an_adjective(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Probe opens\n\nThe European Commission opened a probe into Zeta Chat. Commissioner Lena Brandt wrote "
                 "to its founder.", {("Lena Brandt", "memberOf", "European Commission")}, set(),
                 id="title-before-name"),
    pytest.param("Fine upheld\n\nThe European Commission fined Zeltra Systems. Marek Lindqvist, the competition "
                 "commissioner, said the firm had abused its position.",
                 {("Marek Lindqvist", "memberOf", "European Commission")}, set(), id="apposition"),
    pytest.param("Two fines\n\nThe European Commission and the Federal Trade Commission fined Zeltra Systems. "
                 "Commissioner Ada Vos spoke on Monday.", set(),
                 {("Ada Vos", "memberOf", "European Commission"), ("Ada Vos", "memberOf", "Federal Trade Commission")},
                 id="two-commissions-say-not-which"),
])
def test_a_commissioner_sits_in_the_one_commission_named(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "person"), [
    pytest.param("Reform row\n\nProtesters in Israel called for Prime Minister Benjamin Netanyahu to step down. The "
                 "reforms were pursued by the Netanyahu government.", "Benjamin Netanyahu", id="government"),
    pytest.param("Strike ends\n\nKenya's president Ada Wanjiru met the doctors. The Wanjiru administration then "
                 "dropped the case.", "Ada Wanjiru", id="administration"),
])
def test_a_leaders_name_before_government_keeps_them_a_person(text: str, person: str) -> None:
    assert entities(text)[person][0] == "Person"


def test_a_two_word_title_stays_in_the_alias() -> None:
    assert "Prime Minister Benjamin Netanyahu" in entities(
        "Reform row\n\nPrime Minister Benjamin Netanyahu spoke in Israel on Monday.")["Benjamin Netanyahu"][1]


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Privacy fine\n\nThe Competition Commission of India fined Meta Rs 213.14 crore on Monday.",
                 {("Competition Commission of India", "fines", "Meta")}, id="rs-crore"),
    pytest.param("Payments fine\n\nThe Reserve Bank of India fined Google Rs 40 lakh for late filings.",
                 {("Reserve Bank of India", "fines", "Google")}, id="rs-lakh"),
])
def test_a_fine_in_rupees_names_who_is_fined(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "name", "typ"), [
    pytest.param("App ordered out\n\nCanada ordered Zeta Chat to close its offices. François-Philippe Champagne, the "
                 "industry minister, said the order followed a review.", "François-Philippe Champagne", "Person",
                 id="the-industry-minister"),
    pytest.param("Spyware found\n\nThe hack was traced by Quill Research, a research unit at Meridian University, on "
                 "Monday.", "Quill Research", "Organisation", id="a-unit-is-no-person"),
])
def test_a_name_in_apposition_with_a_persons_title_is_a_person(text: str, name: str, typ: str) -> None:
    assert entities(text)[name][0] == typ


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Exam blackout\n\nIn a memo addressed to Safaricom, the Communications Authority of Kenya set new "
                 "rules.", {("Communications Authority of Kenya", "contacts", "Safaricom")}, id="memo-addressed-to"),
    pytest.param("Exam blackout\n\nThe Communications Authority of Kenya sent a circular addressed to Safaricom on "
                 "Monday.", {("Communications Authority of Kenya", "contacts", "Safaricom")},
                 id="circular-addressed-to"),
    pytest.param("Rules tightened\n\nOfcom issued a circular to Zeta Chat and Kinmira Labs on Monday.",
                 {("Ofcom", "contacts", "Kinmira Labs")}, id="circular-to"),
])
def test_a_circular_to_someone_contacts_them(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Betting apps cut off\n\nThe Ghanaian authorities demanded local internet companies to block the "
                 "websites of betting apps Kinmira Pay and Zeltra Coin.",
                 {("Ghanaian Government", "bans", "Kinmira Pay"), ("Ghanaian Government", "bans", "Zeltra Coin")},
                 id="demanded-to-block"),
    pytest.param("Exam blackout\n\nThe Communications Authority of Kenya demanded internet providers to suspend Zeta "
                 "Chat during the exams.", {("Communications Authority of Kenya", "bans", "Zeta Chat")},
                 id="demanded-to-suspend"),
])
def test_demanding_that_others_block_a_service_bans_it(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Probe widens\n\nThe Federal Trade Commission requested Zeltra Systems' sales data from the Internal "
                 "Revenue Service.", {("Federal Trade Commission", "urges", "Internal Revenue Service")},
                 {("Federal Trade Commission", "urges", "Zeltra Systems")}, id="a-possessed-thing-from-another"),
    pytest.param("Privacy query\n\nOfcom requested information from Zeta Chat about its age checks.",
                 {("Ofcom", "urges", "Zeta Chat")}, set(), id="information-from"),
])
def test_what_is_asked_for_is_asked_of_the_one_it_comes_from(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Reform passes\n\nMexico's ruling Morena party proposed the reform.", "Morena", id="morena"),
    pytest.param("Bill backed\n\nLawmakers from the ruling Pheu Thai party backed the bill.", "Pheu Thai",
                 id="pheu-thai"),
])
def test_a_name_run_into_the_word_party_is_a_party(text: str, name: str) -> None:
    assert entities(text)[name][0] == "PoliticalParty"


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Probe dropped\n\nZeltra Systems said it was pleased that Ofcom had dropped the probe.",
                 {("Zeltra Systems", "supports", "Ofcom")}, id="pleased-that"),
    pytest.param("Probe opened\n\n\u201cWe are disappointed that the Federal Trade Commission has chosen to sue,\u201d "
                 "said Dana Osei, a spokesperson for Kinmira Labs.",
                 {("Dana Osei", "criticises", "Federal Trade Commission")}, id="disappointed-that-in-a-quote"),
])
def test_a_feeling_about_what_another_did_is_a_stance_toward_them(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Trade row\n\nDonald Trump threatened to impose tariffs on the European Union.",
                 {("Donald Trump", "threatens", "European Union")}, id="tariffs-on-a-body"),
    pytest.param("Tax row\n\nThe trade envoy Jo Marsh threatened to impose duties of up to 80 percent on French wine.",
                 {("Jo Marsh", "threatens", "French Government")}, id="duties-on-a-nations-goods"),
])
def test_a_punishment_held_out_threatens_the_one_it_falls_on(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Law rushed\n\nZeltra Systems managing director Priya Nair said the law was rushed.",
                 {("Priya Nair", "leads", "Zeltra Systems")}, {("Priya Nair", "memberOf", "Zeltra Systems")},
                 id="before-the-name"),
    pytest.param("Law rushed\n\nPriya Nair, the managing director of Zeltra Systems, said the law was rushed.",
                 {("Priya Nair", "leads", "Zeltra Systems")}, {("Priya Nair", "memberOf", "Zeltra Systems")},
                 id="in-apposition"),
])
def test_a_managing_director_leads(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_word_before_a_one_word_title_stays_out_of_the_alias() -> None:
    assert "Senator Ada Vos" in entities("Vote due\n\nGreens Senator Ada Vos spoke on Monday.")["Ada Vos"][1]


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Ban passes\n\nAustralia's Senate passed the ban on Thursday. Greens Senator Jo Marsh said it went "
                 "too far.", {("Jo Marsh", "memberOf", "Australian Senate")}, id="australia"),
    pytest.param("Vote held\n\nThe Senate of Kenya voted on the data bill. Senator Oduya Mwangi abstained.",
                 {("Oduya Mwangi", "memberOf", "Senate of Kenya")}, id="kenya"),
])
def test_a_senator_sits_in_the_one_senate_named(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Jun Park-seo, minister of Science and ICT, said the plan would help.", set(),
                 {("Jun Park-seo", "memberOf", "Science"), ("Jun Park-seo", "memberOf", "ICT")},
                 id="minister-of-a-field"),
    pytest.param("The letter was signed by Tomas Berg, director of Corporate Affairs at the Trade Agency, on Monday.",
                 {("Tomas Berg", "memberOf", "Trade Agency")}, {("Tomas Berg", "memberOf", "Corporate Affairs")},
                 id="director-of-a-field-at-a-body"),
    pytest.param("Sara Moss, a professor of Columbia Business School, said the plan would help.",
                 {("Sara Moss", "memberOf", "Columbia Business School")}, set(), id="a-school-is-no-portfolio"),
])
def test_a_titles_portfolio_after_of_is_no_organisation(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The watchdog's report names Amazon, Alphabet (the parent company of YouTube), Apple, Nvidia and "
                 "Microsoft as firms that dominate the market.", {("Alphabet", "owns", "YouTube")},
                 {("Amazon", "owns", "YouTube"), ("Amazon", "owns", "Apple"), ("Alphabet", "owns", "Apple"),
                  ("Alphabet", "owns", "Microsoft")}, id="bracketed-owner-in-a-list"),
    pytest.param("Elon Musk, the boss of xAI and the X platform, spoke on Monday.",
                 {("Elon Musk", "leads", "xAI"), ("Elon Musk", "leads", "X")}, set(), id="unbracketed-conjuncts-kept"),
])
def test_a_bracketed_apposition_describes_the_name_before_the_bracket(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_title_of_two_words_before_a_possessive_names_no_person() -> None:
    text = ("Ohio Attorney General Dana Price has sued Vexa Labs. Last year the Ohio Attorney General's office "
            "conducted an investigation of the firm's apps.")
    found = entities(text)
    assert "General" not in found and "Dana Price" in found


def test_a_legal_form_after_a_comma_is_no_actor() -> None:
    found = entities("The state sued Vexa Platforms, Inc., and its subsidiaries, including Chatterly, LLC, and "
                     "Pinmark Holdings, LLC, on Monday.")
    assert "LLC" not in found and "Chatterly" in found


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("A court in Lagos on Monday dismissed a suit filed by the Vexa Head of Compliance, Omar Haddad, "
                 "against the Financial Crimes Agency.",
                 {("Omar Haddad", "memberOf", "Vexa"), ("Omar Haddad", "sues", "Financial Crimes Agency")},
                 {("Omar Haddad", "leads", "Vexa")}, id="head-of-a-portfolio"),
    pytest.param("The Zentro Head of Legal Affairs, Mia Roth, told reporters the rules were unclear.",
                 {("Mia Roth", "memberOf", "Zentro")}, {("Mia Roth", "leads", "Zentro")},
                 id="head-of-a-portfolio-2"),
])
def test_a_companys_name_before_a_title_and_its_portfolio(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Panel acts\n\nMANILA, Philippines – A Senate panel will summon Vexa after the company skipped a "
                 "hearing. Senator Ana Cruz said the Senate should compel the company to attend. The bill, filed in "
                 "the last Congress, would let the Department of Justice order platforms to remove false posts.",
                 {("Ana Cruz", "memberOf", "Senate of Philippines")},
                 {("Ana Cruz", "memberOf", "United States Senate")}, id="dateline-over-generic-names"),
])
def test_generic_names_are_weak_signs_of_the_storys_country(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_generic_names_in_a_story_filed_abroad_are_that_countrys() -> None:
    found = entities("Lawmakers push bill\n\nLIMA, Peru – Congress will vote on a bill that lets the Department "
                     "of Justice block apps. Congresswoman Rosa Vega said the Senate and Congress agreed on the text.")
    assert {"Congress of Peru", "Department of Justice of Peru"} <= set(found)
    assert not {"United States Congress", "US Department of Justice"} & set(found)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("BOGOTA, Colombia – The Colombian regulator fined Vexa on Monday. The fine came a week after "
                 "President Donald Trump criticised the Colombian Government.",
                 {("Donald Trump", "leads", "US Government")}, {("Donald Trump", "leads", "Colombian Government")},
                 id="us-president-abroad"),
    pytest.param("NAIROBI, Kenya – Kenya's data regulator fined Vexa. President Joe Biden later spoke about "
                 "the case.", {("Joe Biden", "leads", "US Government")},
                 {("Joe Biden", "leads", "Kenyan Government")}, id="us-president-abroad-2"),
])
def test_a_registry_leader_titled_abroad_heads_their_own_government(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    "The Kenyan Government fined Vexa on Monday. Kenya's president William Ruto said the fine was fair.",
    "The Government of Colombia fined Vexa. The Colombian Government said the fine was fair.",
])
def test_a_countrys_government_is_one_actor_however_named(text: str) -> None:
    govs = [label for label, (typ, _) in entities(text).items() if typ == "GovernmentBody"]
    assert len(govs) == 1, govs


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Ministry of Trade set a one-week deadline for Vexa. Trade Minister Budi Santoso said the rule "
                 "protects small sellers.", {("Budi Santoso", "leads", "Ministry of Trade")}, set(),
                 id="trade-minister"),
    pytest.param("Freedonia's Finance Ministry fined Vexa. Finance Minister Lena Brandt said the fine was fair, and "
                 "Deputy Finance Minister Omar Diaz agreed.", {("Lena Brandt", "leads", "Finance Ministry")},
                 {("Omar Diaz", "leads", "Finance Ministry")}, id="finance-minister-not-the-deputy"),
])
def test_a_portfolio_minister_leads_the_one_ministry_of_that_portfolio(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Ministry of Science and ICT said on Monday that it would act. Jun Park-seo, Minister of Science "
                 "and ICT, said the plan would help.", {("Jun Park-seo", "leads", "Ministry of Science and ICT")},
                 id="minister-of-a-portfolio"),
    pytest.param("The Ministry of Digital Affairs fined Vexa. Minister for Digital Affairs Ada Nowak said the fine "
                 "was fair.", {("Ada Nowak", "leads", "Ministry of Digital Affairs")}, id="minister-for-a-portfolio"),
])
def test_a_minister_of_a_portfolio_leads_its_ministry(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize("text", [
    "The tribunal upheld a fine of $5 million imposed on Vexa Labs by the Freedonian Competition Authority.",
    "The court cut a fine of 40 million rupees imposed on Vexa Labs by the Freedonian Competition Authority.",
])
def test_a_fines_participle_hung_on_its_sum_names_who_fined_whom(text: str) -> None:
    assert ("Freedonian Competition Authority", "fines", "Vexa Labs") in facts(text)


@pytest.mark.parametrize("text", [
    "The Trade Commission mandated Vexa Labs to pay local publishers.",
    "A court in Lima mandated Vexa Labs to delete the records.",
])
def test_mandating_is_ordering(text: str) -> None:
    assert any(r == "orders" and o == "Vexa Labs" for _, r, o in facts(text))


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Commissioner Ana Ruiz demanded Vexa Labs respond within 24 hours.",
                 ("Ana Ruiz", "urges", "Vexa Labs"), id="demanded-without-that"),
    pytest.param("The Data Agency insisted the Trade Ministry withdraw the order.",
                 ("Data Agency", "urges", "Trade Ministry"), id="insisted-without-that"),
    pytest.param("The Data Agency also demanded that Vexa Labs' chief executive, Tom Hale, appear before the "
                 "committee.", ("Data Agency", "urges", "Tom Hale"), id="singular-subject-before-a-bare-verb"),
])
def test_a_subjunctive_clause_names_who_is_urged(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("A Data Agency investigation found that Vexa Labs had breached the law.",
                 {("Data Agency", "investigates", "Vexa Labs")}, set(), id="investigation-found"),
    pytest.param("An investigation by the Trade Commission found that Vexa Labs had misled its users.",
                 {("Trade Commission", "investigates", "Vexa Labs")}, set(), id="investigation-by-found"),
    pytest.param("The Data Agency fined Vexa Labs following a probe into the company's practices.",
                 {("Data Agency", "investigates", "Vexa Labs")}, set(), id="fined-following-a-probe"),
    pytest.param("The Data Agency fined Vexa Labs after an investigation by the Trade Commission.",
                 {("Trade Commission", "investigates", "Vexa Labs")},
                 {("Trade Commission", "investigates", "Data Agency")}, id="fined-after-anothers-investigation"),
])
def test_an_investigation_and_what_came_of_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Vexa Labs described the Data Agency's decision as an abuse of power.",
                 ("Vexa Labs", "criticises", "Data Agency"), id="described-decision-as"),
    pytest.param("The Trade Union Congress described the Labour Ministry's plan as reckless and unfair.",
                 ("Trade Union Congress", "criticises", "Labour Ministry"), id="described-plan-as"),
])
def test_naming_a_decision_as_something_negative_with_as_on_the_noun(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The senators grilled CEOs like Vexa Labs' Mark Hale and the Trade Agency's Ana Lin.",
                 {("Mark Hale", "leads", "Vexa Labs"), ("Ana Lin", "leads", "Trade Agency")}, set(), id="ceos-like"),
    pytest.param("The senators questioned chief executives such as Vexa Labs' Tom Hale and the Trade Agency's "
                 "Sara Lind.", {("Tom Hale", "leads", "Vexa Labs"), ("Sara Lind", "leads", "Trade Agency")}, set(),
                 id="chief-executives-such-as"),
    pytest.param("Critics like Vexa Labs' Tom Hale spoke.", set(),
                 {("Tom Hale", "leads", "Vexa Labs"), ("Tom Hale", "memberOf", "Vexa Labs")},
                 id="no-title-no-relation"),
])
def test_a_titles_examples_named_by_possessive(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Vexa Labs, in partnership with Pinmark Systems, built the tool.",
                 ("Vexa Labs", "cooperatesWith", "Pinmark Systems"), id="in-partnership-on-the-name"),
    pytest.param("The Data Agency, in collaboration with the Trade Agency, fined Vexa Labs.",
                 ("Data Agency", "cooperatesWith", "Trade Agency"), id="in-collaboration-on-the-name"),
])
def test_an_in_phrase_of_cooperation_on_a_name(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Commissioner Ana Ruiz said Vexa Labs had to stop the processing immediately.",
                 {("Ana Ruiz", "urges", "Vexa Labs")}, set(), id="said-had-to"),
    pytest.param("Commissioner Ana Ruiz said the Trade Agency needs to act before the election.",
                 {("Ana Ruiz", "urges", "Trade Agency")}, set(), id="said-needs-to"),
    pytest.param("Commissioner Ana Ruiz said Vexa Labs had to pay a fine last year.", set(),
                 {("Ana Ruiz", "urges", "Vexa Labs")}, id="a-past-fact-urges-no-one"),
    pytest.param("Commissioner Ana Ruiz said Vexa Labs does not need to change anything.", set(),
                 {("Ana Ruiz", "urges", "Vexa Labs")}, id="no-need-urges-no-one"),
])
def test_a_reported_have_to_or_need_to_urges(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Data Agency fined Vexa Labs and Pinmark Systems on Monday.",
                 {("Data Agency", "fines", "Vexa Labs"), ("Data Agency", "fines", "Pinmark Systems")},
                 id="two-companies"),
    pytest.param("The court heard a complaint against Zentro Corp and Kinmira Holdings filed by the Trade Agency.",
                 set(), id="two-companies-2"),
])
def test_an_and_after_a_company_cue_names_two_companies(text: str, must: set) -> None:
    found = entities(text)
    assert not any(" and " in label for label in found), found
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Vexa Labs and Pinmark Systems were added to the Trade Agency's Entity List.",
                 {("Trade Agency", "bans", "Vexa Labs"), ("Trade Agency", "bans", "Pinmark Systems")}, set(),
                 id="added-to-an-owners-list"),
    pytest.param("The Trade Agency added Vexa Labs to its Entity List on Monday.",
                 {("Trade Agency", "bans", "Vexa Labs")}, set(), id="added-to-its-list"),
    pytest.param("Vexa Labs was placed on a sanctions list by the Trade Agency.",
                 {("Trade Agency", "bans", "Vexa Labs")}, set(), id="placed-on-a-sanctions-list"),
    pytest.param("The Data Agency added Vexa Labs to its list of approved vendors.", set(),
                 {("Data Agency", "bans", "Vexa Labs")}, id="a-list-of-the-approved"),
])
def test_putting_someone_on_a_list_of_the_barred_bans_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "law"), [
    pytest.param("The government ordered the wind-up under the Investment Canada Act.", "Investment Canada Act",
                 id="country-inside-an-act"),
    pytest.param("Officials cited the Digital India Act in the hearing.", "Digital India Act",
                 id="country-inside-an-act-2"),
])
def test_a_country_inside_a_laws_name_is_part_of_it(text: str, law: str) -> None:
    found = entities(text)
    assert found.get(law, ("",))[0] == "Legislation", found


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("Vexa Labs and Pinmark Systems urged their users to complain to lawmakers.",
                 {("Vexa Labs", "urges", "Pinmark Systems"), ("Pinmark Systems", "urges", "Vexa Labs")},
                 id="their-users"),
    pytest.param("The Data Agency criticised Vexa Labs. Vexa Labs employees later sued the Data Agency.",
                 {("Vexa Labs", "sues", "Data Agency")}, id="its-employees"),
])
def test_those_an_organisation_serves_are_not_the_organisation(text: str, must_not: set) -> None:
    check(text, set(), must_not)


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("The US Senate passed the bill on Monday. The committee then urged Vexa Labs to comply.",
                 {("United States Senate", "urges", "Vexa Labs")}, id="the-committee-after-the-senate"),
    pytest.param("The US Senate passed the bill on Monday. Committee chair Ana Ruiz criticised Vexa Labs.",
                 {("Ana Ruiz", "leads", "United States Senate")}, id="committee-chair-after-the-senate"),
])
def test_a_committee_described_is_no_chamber(text: str, must_not: set) -> None:
    check(text, set(), must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Uganda's Communications Commission executive director Irene Sewankambo ordered the shutdown.",
                 {("Irene Sewankambo", "leads", "Communications Commission of Uganda")},
                 {("Irene Sewankambo", "leads", "Ugandan Government")}, id="country-possessive-on-a-body"),
    pytest.param("Italy's Data Protection Authority chairman Pasquale Stanzione fined the company.",
                 {("Pasquale Stanzione", "leads", "Italian Data Protection Authority")},
                 {("Pasquale Stanzione", "leads", "Italian Government")}, id="country-possessive-on-a-body-2"),
])
def test_a_country_possessive_before_a_named_body_gives_the_body(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Kenya ordered Vexa Labs to block the group. Ana Ruiz, who lives in Japan, said the government "
                 "had fined Vexa Labs.", {("Kenyan Government", "fines", "Vexa Labs")},
                 {("Japanese Government", "fines", "Vexa Labs")}, id="a-country-in-a-relative-clause"),
    pytest.param("Kenya ordered Vexa Labs to block the group. Ana Ruiz, a lawyer from Ghana, said the government "
                 "had fined Vexa Labs.", {("Kenyan Government", "fines", "Vexa Labs")},
                 {("Ghanaian Government", "fines", "Vexa Labs")}, id="a-country-in-an-apposition"),
    pytest.param("Kenya ordered Vexa Labs to block the group. In Japan, the government fined Vexa Labs.",
                 {("Japanese Government", "fines", "Vexa Labs")}, set(), id="a-country-the-clause-is-in"),
])
def test_the_government_after_a_country_named_in_an_aside(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("The European Union's top court on Monday rejected Vexa Labs' appeal.",
                 {("European Union", "opposes", "Vexa Labs")}, id="the-unions-court"),
    pytest.param("The bloc's highest court dismissed the challenge by Vexa Labs against the European Commission.",
                 {("European Union", "opposes", "Vexa Labs")}, id="the-blocs-court"),
])
def test_a_court_described_by_its_possessor_is_not_the_possessor(text: str, must_not: set) -> None:
    check(text, set(), must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Telegram and WhatsApp, which is owned by Meta, said they would leave.",
                 {("Meta", "owns", "WhatsApp")}, {("Meta", "owns", "Telegram")}, id="which-is-owned"),
    pytest.param("Telegram and Instagram, which was bought by Meta in 2012, were fined.",
                 {("Meta", "owns", "Instagram")}, {("Meta", "owns", "Telegram")}, id="which-was-bought"),
    pytest.param("Instagram and WhatsApp, which are owned by Meta, were fined.",
                 {("Meta", "owns", "Instagram"), ("Meta", "owns", "WhatsApp")}, set(), id="which-are-owned"),
])
def test_a_passive_relative_in_the_singular_is_of_the_last_name(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Press Freedom Union pressed the Data Agency to withdraw its order to close Vexa Labs.",
                 {("Data Agency", "orders", "Vexa Labs")}, {("Press Freedom Union", "orders", "Vexa Labs")},
                 id="urged-to-reverse-its-order"),
    pytest.param("Pinmark Systems asked the Trade Agency to lift its ban on Vexa Labs.",
                 {("Trade Agency", "bans", "Vexa Labs")}, {("Pinmark Systems", "bans", "Vexa Labs")},
                 id="asked-to-lift-its-ban"),
])
def test_a_possessive_in_an_infinitive_is_the_one_told_to_act(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    pytest.param("CFO Ana Ruiz has been appointed interim chief executive.", id="cfo"),
    pytest.param("The company said CTO Ana Ruiz would testify on Monday.", id="cto"),
])
def test_an_officers_acronym_is_a_title(text: str) -> None:
    assert not ({"CFO", "CTO"} & set(entities(text))), entities(text)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Edi Rama, the Albanian prime minister, criticised the content of TikTok in a speech.",
                 {("Edi Rama", "criticises", "TikTok")}, id="the-content-of"),
    pytest.param("Vexa Labs condemned the conduct of the Data Agency during the inquiry.",
                 {("Vexa Labs", "criticises", "Data Agency")}, id="the-conduct-of"),
])
def test_criticising_what_an_actor_does_by_an_of_phrase_criticises_it(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Reform UK vowed on Friday to scrap the Online Safety Act, calling it a draconian overreach.",
                 {("Reform UK", "criticises", "Online Safety Act")}, set(), id="calling-the-law-it"),
    pytest.param("The Data Agency fined Vexa Labs, calling it reckless.",
                 {("Data Agency", "accuses", "Vexa Labs")}, set(), id="calling-the-fined-it"),
    pytest.param("The CNIL fined Google, and Shein was ordered to pay 90 million euros. Shein said it would appeal "
                 "the fine, calling it grossly excessive.", {("Shein", "criticises", "CNIL")}, set(),
                 id="the-fined-calling-the-fine-it"),
    pytest.param("The Data Agency imposed a penalty on Vexa Labs, describing it as deceptive.", set(),
                 {("Vexa Labs", "criticises", "Data Agency"), ("Data Agency", "criticises", "Data Agency")},
                 id="the-fining-calling-it"),
])
def test_it_after_a_participle_of_naming_is_the_clauses_object(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Congress repealed the Online Safety Act in March.",
                 {("United States Congress", "opposes", "Online Safety Act")}, id="repeal"),
    pytest.param("The Supreme Court struck down the Online Safety Act on Friday.",
                 {("Supreme Court", "opposes", "Online Safety Act")}, id="strike-down"),
])
def test_undoing_a_law_opposes_it(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency fined Google 5 million euros, while Vexa Labs was ordered to pay 2 million euros.",
                 {("Data Agency", "fines", "Vexa Labs")}, set(), id="ordered-to-pay-a-sum"),
    pytest.param("The Data Agency opened a case against Pinmark Systems. Pinmark Systems was later ordered to pay "
                 "3 million euros.",
                 {("Data Agency", "fines", "Pinmark Systems")}, set(), id="ordered-to-pay-a-penalty"),
])
def test_an_agentless_order_to_pay_a_sum_is_a_fine(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("China slapped a record 9 billion yuan fine on Tencent.",
                 {("Chinese Government", "fines", "Tencent")}, id="slapped-a-yuan-fine"),
    pytest.param("The Trade Agency slapped a record 3 billion yuan fine on Vexa Labs.",
                 {("Trade Agency", "fines", "Vexa Labs")}, id="slapped-a-yuan-fine-2"),
])
def test_a_fine_read_as_the_adjective_of_its_sum(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Spain's data protection agency issued a directive to Vexa Labs on Monday.",
                 {("Spanish Data Protection Agency", "orders", "Vexa Labs")}, id="a-directive-to"),
    pytest.param("The Data Agency sent an order to Pinmark Systems on Monday.",
                 {("Data Agency", "orders", "Pinmark Systems")}, id="an-order-to"),
])
def test_an_order_to_someone(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Roskomnadzor Deputy Chief Vadim Subbotin said the platform had complied.",
                 {("Vadim Subbotin", "memberOf", "Roskomnadzor")}, {("Vadim Subbotin", "leads", "Roskomnadzor")},
                 id="deputy-chief-in-a-run-of-names"),
    pytest.param("The US Senate passed the bill. Senate Majority Leader Charles E. Schumer praised it.",
                 {("Charles E. Schumer", "memberOf", "United States Senate")},
                 {("Charles E. Schumer", "leads", "United States Senate")}, id="majority-leader"),
    pytest.param("Australian Treasurer Josh Frydenberg said the platform had made a mistake.",
                 {("Josh Frydenberg", "memberOf", "Australian Government")}, set(), id="treasurer"),
])
def test_second_and_floor_titles_are_memberships(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Kenya fined Zeta Chat. Zeta Chat appealed against the orders issued to it by the Kenyan government.",
                 {("Kenyan Government", "orders", "Zeta Chat")}, id="orders-issued-to-it"),
    pytest.param("Vexa Labs said the Data Agency had imposed a fine on it.",
                 {("Data Agency", "fines", "Vexa Labs")}, id="a-fine-imposed-on-it"),
])
def test_it_that_an_enforcement_is_brought_to_bear_on(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Competition and Markets Authority fined Pinmark Systems on Monday. The regulator opened its "
                 "inquiry last spring.",
                 {("Competition and Markets Authority", "investigates", "Pinmark Systems")}, set(),
                 id="its-investigation-began"),
    pytest.param("The Data Agency ordered Pinmark Systems to delete the data. Its inquiry had lasted two years.",
                 {("Data Agency", "investigates", "Pinmark Systems")}, set(), id="its-inquiry-lasted"),
    pytest.param("Ofcom fined Vexa Labs. An investigation by the Data Agency is still open.", set(),
                 {("Data Agency", "investigates", "Vexa Labs")}, id="another-agents-investigation"),
])
def test_an_investigation_aimed_at_no_one_is_into_the_one_its_agent_acts_on(text: str, must: set,
                                                                             must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Vietnam's technology ministry told providers to block Zeta Chat. The country has also asked "
                 "firms including Facebook and TikTok to cooperate.",
                 {("Vietnamese Government", "urges", "Facebook"), ("Vietnamese Government", "urges", "TikTok")}, set(),
                 id="the-country-asked"),
    pytest.param("Kenya blocked Zeta Chat in March. The nation has since fined Vexa Labs.",
                 {("Kenyan Government", "fines", "Vexa Labs")}, set(), id="the-nation-fined"),
    pytest.param("Brazil worked with dozens of countries at the UN General Assembly, including Kenya and Chile.",
                 set(), {("Brazilian Government", "cooperatesWith", "United Nations")},
                 id="plural-countries-are-no-one"),
])
def test_the_country_is_the_one_named_before(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize("text", [
    pytest.param("The Attorney General’s Office asked the court to investigate Vexa Labs.", id="attorney-general"),
    pytest.param("The Inspector General's Office found that the agency had erred.", id="inspector-general"),
])
def test_an_office_named_after_a_two_word_title_keeps_its_first_word(text: str) -> None:
    found = entities(text)
    assert any(label.startswith(("Attorney General", "Inspector General")) for label in found), found


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Data Agency said it is coordinating with France on the reply.",
                 {("Data Agency", "cooperatesWith", "French Government")}, id="coordinate-with"),
    pytest.param("Vexa Labs and Pinmark Systems signed a memorandum of understanding on Monday.",
                 {("Vexa Labs", "cooperatesWith", "Pinmark Systems")}, id="a-memorandum-signed-by-two"),
    pytest.param("Microsoft formed a joint venture with OpenAI.", {("Microsoft", "cooperatesWith", "OpenAI")},
                 id="a-joint-venture-with"),
])
def test_more_ways_to_cooperate(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Vexa Labs asked the Data Agency to ban Zeta Chat.", {("Vexa Labs", "urges", "Data Agency")},
                 {("Data Agency", "bans", "Zeta Chat")}, id="asked-to-ban"),
    pytest.param("Pinmark Systems urged the Trade Agency to investigate Vexa Labs.",
                 {("Pinmark Systems", "urges", "Trade Agency")}, {("Trade Agency", "investigates", "Vexa Labs")},
                 id="urged-to-investigate"),
    pytest.param("The court authorised the Trade Agency to block Vexa Labs.", set(),
                 {("Trade Agency", "bans", "Vexa Labs")}, id="authorised-to-block"),
    pytest.param("The Data Agency ordered Vexa Labs to sue Pinmark Systems.",
                 {("Vexa Labs", "sues", "Pinmark Systems")}, set(), id="an-order-is-read-as-done"),
])
def test_what_one_is_asked_or_allowed_to_do_is_not_done(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Senator Elizabeth Warren called for an FTC investigation into Vexa Labs.",
                 {("Elizabeth Warren", "urges", "Federal Trade Commission")},
                 {("Federal Trade Commission", "investigates", "Vexa Labs")}, id="called-for-an-agents-act"),
    pytest.param("The European Commission has demanded answers from Vexa Labs.",
                 {("European Commission", "urges", "Vexa Labs")}, set(), id="demanded-from"),
])
def test_asking_for_an_act_or_an_answer_urges_who_would_give_it(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("In 2019, the Data Agency sued Pinmark Systems, alleging it violated the Online Safety Act.",
                 {("Pinmark Systems", "violates", "Online Safety Act")},
                 {("Data Agency", "violates", "Online Safety Act")}, id="sued-alleging-it-violated"),
    pytest.param("Vexa Labs sued the Data Agency, alleging it had exceeded its powers.",
                 {("Vexa Labs", "accuses", "Data Agency")}, set(), id="sued-alleging-it-exceeded"),
])
def test_it_in_an_allegation_is_not_the_one_alleging(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency sued the operators of the site, alleging it breached the Online Safety Act.", set(),
                 {("Data Agency", "violates", "Online Safety Act")}, id="alleging-with-no-one-else-named"),
    pytest.param("The Trade Agency sued the company behind the app, alleging it violated the Online Safety Act.", set(),
                 {("Trade Agency", "violates", "Online Safety Act")}, id="alleging-of-a-description"),
])
def test_it_in_an_allegation_is_never_the_one_alleging_even_with_no_other_name(text: str, must: set,
                                                                                 must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Kenya pressured the platforms for weeks, and it banned Zeta Chat in March.",
                 {("Kenyan Government", "bans", "Zeta Chat")}, set(), id="coordinated-clause"),
    pytest.param("Brazil opened its own inquiry into Vexa Labs last year.",
                 {("Brazilian Government", "investigates", "Vexa Labs")}, set(), id="its-of-the-subject"),
    pytest.param("WhatsApp is used widely there. Vietnam launched its campaign against fraud in May.", set(),
                 {("Vietnamese Government", "develops", "WhatsApp")}, id="its-not-an-earlier-platform"),
])
def test_it_means_a_country_that_is_the_subject_it_goes_with(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency told the High Court that it blocked Zeta Chat in May.",
                 {("Data Agency", "bans", "Zeta Chat")}, {("High Court", "bans", "Zeta Chat")}, id="told-the-court"),
    pytest.param("Lawyers for the Trade Agency told a federal judge that it had fined Pinmark Systems twice.",
                 {("Trade Agency", "fines", "Pinmark Systems")}, set(), id="told-a-judge"),
])
def test_it_told_to_a_court_is_the_one_telling(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("A judge ordered Vexa Labs to suspend its app on Monday. The ruling by a judge at the Trade Agency "
                 "found that the app broke competition rules. Last year a Paris court fined Zeta Chat.",
                 {("Trade Agency", "orders", "Vexa Labs")}, {("Paris court", "orders", "Vexa Labs")},
                 id="seat-said-later"),
    pytest.param("A judge at the Data Agency ordered Pinmark Systems to stop selling the device. In 2021 the Supreme "
                 "Court of Brazil fined Zeta Chat.",
                 {("Data Agency", "orders", "Pinmark Systems")},
                 {("Supreme Court of Brazil", "orders", "Pinmark Systems")}, id="seat-in-the-judges-phrase"),
])
def test_an_unnamed_judge_sits_where_the_article_says(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency excluded Zeta Chat from the scope of the new rules.", set(),
                 {("Data Agency", "bans", "Zeta Chat")}, id="out-of-scope"),
    pytest.param("In confirming the designation, the Trade Agency excluded Vexa Labs's chatbot from being immediately "
                 "in scope.", set(), {("Trade Agency", "bans", "Vexa Labs")}, id="from-being"),
    pytest.param("The Trade Agency excluded Pinmark Systems from the investigation.", set(),
                 {("Trade Agency", "bans", "Pinmark Systems")}, id="out-of-an-inquiry"),
    pytest.param("The Trade Agency excluded Pinmark Systems from public contracts.",
                 {("Trade Agency", "bans", "Pinmark Systems")}, set(), id="out-of-a-market-is-a-ban"),
])
def test_kept_out_of_a_rule_is_spared_not_banned(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The ruling follows a big fine by the European Union in 2022 over Google Play restrictions on rival "
                 "stores.", set(), {("European Union", "bans", "Google Play")}, id="restrictions-on-others"),
    pytest.param("The Data Agency announced Zeta Chat restrictions on foreign users.", set(),
                 {("Data Agency", "bans", "Zeta Chat")}, id="the-firms-restrictions"),
    pytest.param("The Data Agency announced the Zeta Chat ban on Monday.", {("Data Agency", "bans", "Zeta Chat")},
                 set(), id="the-ban-on-the-firm"),
])
def test_a_name_before_a_measure_is_not_its_target_when_a_phrase_names_one(text: str, must: set,
                                                                           must_not: set) -> None:
    check(text, must, must_not)


def test_barred_from_doing_is_still_a_ban() -> None:
    check("The Trade Agency has barred Pinmark Systems from exporting its chips.",
          {("Trade Agency", "bans", "Pinmark Systems")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The ministry issued guidance to Pinmark Systems, the operator of the Zeta Chat app.",
                 {("Pinmark Systems", "operates", "Zeta Chat")}, id="operator-of-the-app"),
])
def test_a_name_made_whole_keeps_the_type_its_description_gives(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Vexa Labs, the developer of the Quorra Talk chatbot, was fined.",
                 {("Vexa Labs", "develops", "Quorra Talk")}, id="the-chatbot"),
    pytest.param("The regulator fined Vexa Labs, maker of the Quorra Talk app.",
                 {("Vexa Labs", "develops", "Quorra Talk")}, id="the-app"),
])
def test_a_product_the_ner_missed_is_named_by_its_kind(text: str, must: set) -> None:
    check(text, must, set())


def test_a_product_named_by_its_kind_is_typed_by_it() -> None:
    labels = {e.label: e.type for e in extraction("John Hartley writes for the Vexa News website.").entities}
    assert labels.get("Vexa News") == "MediaOutlet"
    labels = {e.label: e.type for e in extraction("Many teenagers use the Quorra Talk chatbot every day.").entities}
    assert labels.get("Quorra Talk") == "AISystem"


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency threatened sanctions against Vexa Labs.", {("Data Agency", "threatens", "Vexa Labs")},
                 {("Data Agency", "bans", "Vexa Labs")}, id="against-phrase"),
    pytest.param("The Trade Agency threatened fines on Pinmark Systems over the leak.",
                 {("Trade Agency", "threatens", "Pinmark Systems")}, {("Trade Agency", "fines", "Pinmark Systems")},
                 id="on-phrase"),
    pytest.param("Vexa Labs removed the post after the Data Agency threatened legal action.",
                 {("Data Agency", "threatens", "Vexa Labs")}, set(), id="the-one-who-acted-after"),
    pytest.param("Maria Keller has threatened tariffs on cars if Kenya keeps the tax.",
                 {("Maria Keller", "threatens", "Kenyan Government")}, set(), id="the-condition's-subject"),
])
def test_a_measure_threatened_threatens_the_one_it_would_fall_on(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Vexa Labs, which is partly owned by Pinmark Systems, was fined.",
                 {("Pinmark Systems", "cooperatesWith", "Vexa Labs")}, {("Pinmark Systems", "owns", "Vexa Labs")},
                 id="partly-owned"),
    pytest.param("Pinmark Systems owns a 49% stake in Vexa Labs.", {("Pinmark Systems", "cooperatesWith", "Vexa Labs")},
                 {("Pinmark Systems", "owns", "Vexa Labs")}, id="a-stake-in"),
    pytest.param("Zeta Chat is owned by Pinmark Systems.", {("Pinmark Systems", "owns", "Zeta Chat")}, set(),
                 id="wholly-owned"),
])
def test_a_stake_is_a_tie_not_ownership(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The firms challenging the Online Safety Act, Vexa Labs and Zeta Chat, lost.",
                 {("Vexa Labs", "opposes", "Online Safety Act"), ("Zeta Chat", "opposes", "Online Safety Act")},
                 id="challenging-the-act"),
    pytest.param("The groups suing the Data Agency, Vexa Labs and Zeta Chat, lost the case.",
                 {("Vexa Labs", "sues", "Data Agency"), ("Zeta Chat", "sues", "Data Agency")}, id="suing-the-agency"),
])
def test_names_after_a_participle_phrase_are_its_nouns_not_its_objects(text: str, must: set) -> None:
    check(text, must, set())


def test_a_name_with_a_registry_acronym_of_its_own_kind_is_that_actor() -> None:
    ex = extraction("The UK's Competition and Market Authority (CMA) blocked the merger of Vexa Labs and Zeta Chat on "
                    "Wednesday.")  # (a name written another way than the registry's, with the registry's acronym)
    (regulator,) = [e for e in ex.entities if e.type == "Regulator"]
    assert regulator.label == "Competition and Markets Authority", regulator
    # ... while an acronym of another kind's actor is the name's: "AP" here is no news agency
    ex = extraction("The Dutch Data Protection Authority (AP) fined Uber. The AP said the firm broke the law.")
    assert not any(e.type == "MediaOutlet" for e in ex.entities), ex.entities


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("A three-judge panel of the Court of Appeals ruled in favour of Vexa Labs.",
                 {("Court of Appeals", "supports", "Vexa Labs")}, id="a-panel"),
    pytest.param("The bench of the High Court fined Pinmark Systems on Friday.",
                 {("High Court", "fines", "Pinmark Systems")}, id="a-bench"),
])
def test_a_panel_of_a_court_acts_for_the_court(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Lawmakers approved the Online Safety Act on Monday. Vexa Labs said it opposed the text.",
                 {("Vexa Labs", "opposes", "Online Safety Act")}, set(), id="the-text-is-the-law"),
    pytest.param("Ministers agreed the Data Act in June. John Hartley said Kenya and Ghana backed the text.",
                 {("Kenyan Government", "supports", "Data Act"), ("Ghanaian Government", "supports", "Data Act")},
                 set(), id="backed-the-text"),
    pytest.param("Phone makers must sign the Pinmark Agreement. The Trade Agency issued an order prohibiting the act "
                 "of forcing them to sign it.", set(), {("Trade Agency", "orders", "Pinmark Agreement")},
                 id="the-act-of-doing-is-no-law"),
])
def test_the_text_of_a_law_named_before_is_the_law(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Maria Keller called the Online Safety Act rotten through and through.",
                 {("Maria Keller", "criticises", "Online Safety Act")}, id="rotten"),
    pytest.param("John Hartley said the Data Agency's decision was indefensible.",
                 {("John Hartley", "criticises", "Data Agency")}, id="indefensible"),
    pytest.param("Vexa Labs said the Online Safety Act would be catastrophic for small firms.",
                 {("Vexa Labs", "criticises", "Online Safety Act")}, id="catastrophic"),
])
def test_more_words_of_condemnation(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("On Thursday the General Assembly approved the new United Nations resolution on data privacy. "
                 "The resolution was sponsored by Kenya.", {("General Assembly", "supports", "resolution")},
                 id="the-un-resolution"),
    pytest.param("Delegates agreed the Geneva Data Accord on Friday. Kenya backed the United Nations accord on Monday.",
                 {("Kenyan Government", "supports", "Geneva Data Accord")}, id="the-un-accord"),
])
def test_a_maker_before_a_laws_description_is_not_its_name(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Germany agreed a plan with mobile operators to exclude foreign firms such as Vexa Labs or Zeta Chat "
                 "from its networks.", {("German Government", "bans", "Vexa Labs"),
                                        ("German Government", "bans", "Zeta Chat")}, id="agreed-a-plan-to"),
    pytest.param("Italy unveiled a proposal to ban Zeta Chat.", {("Italian Government", "bans", "Zeta Chat")},
                 id="unveiled-a-proposal-to"),
])
def test_who_agrees_or_unveils_a_plan_does_what_it_is_to_do(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The resolution, sponsored by Germany and co-sponsored by 40 countries, including Italy, was adopted "
                 "on Friday.", {("German Government", "supports", "resolution"),
                                ("Italian Government", "supports", "resolution")}, id="co-sponsored-by"),
    pytest.param("Zeta Chat, fined by the Data Agency and sued by Vexa Labs, closed.",
                 {("Data Agency", "fines", "Zeta Chat"), ("Vexa Labs", "sues", "Zeta Chat")}, id="fined-and-sued-by"),
])
def test_a_participle_with_its_own_agent_coordinated_with_a_passive_is_passive(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("At the request of the German Government, Vexa Labs removed the posts.",
                 {("German Government", "urges", "Vexa Labs")}, set(), id="at-the-request-of-fronted"),
    pytest.param("At Italy's request, Pinmark Systems withdrew the app.",
                 {("Italian Government", "urges", "Pinmark Systems")}, set(), id="at-its-request"),
    pytest.param("Zeta Chat closed the channel at the behest of Maria Keller.",
                 {("Maria Keller", "urges", "Zeta Chat")}, set(), id="at-the-behest-of"),
    pytest.param("The posts were taken down at the request of the German Government.", set(),
                 {("German Government", "urges", "posts")}, id="passive-says-no-doer"),
])
def test_a_clause_done_at_someones_request_was_urged_by_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Vexa Labs bowed to pressure from the German Government.",
                 {("German Government", "urges", "Vexa Labs")}, set(), id="bowed-to-pressure-from"),
    pytest.param("Brazil tightened its export rules after months of pressure from Italy.",
                 {("Italian Government", "urges", "Brazilian Government")}, set(), id="after-months-of-pressure"),
    pytest.param("Pinmark Systems faced pressure on its pricing.", set(), set(), id="no-one-pressing"),
])
def test_pressure_from_someone_urges_the_one_it_bears_on(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Maria Keller called for Vexa Labs to withdraw the app.",
                 {("Maria Keller", "urges", "Vexa Labs")}, set(), id="called-for-x-to"),
    pytest.param("John Hartley called for Zeta Chat to be fined.", set(),
                 {("John Hartley", "urges", "Zeta Chat")}, id="called-for-x-to-be-punished"),
    pytest.param("John Hartley pleaded with Pinmark Systems to restore the service.",
                 {("John Hartley", "urges", "Pinmark Systems")}, set(), id="pleaded-with"),
    pytest.param("The Data Agency demanded that Vexa Labs explain the outage.",
                 {("Data Agency", "urges", "Vexa Labs")}, set(), id="demanded-that-plural-name"),
])
def test_asking_someone_to_act_urges_them(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Pinmark Systems filed a motion with the Federal Court of Justice to halt the order.",
                 {("Pinmark Systems", "urges", "Federal Court of Justice")}, id="motion-with-the-court"),
    pytest.param("Vexa Labs submitted a request to the Federal Court of Justice for a stay.",
                 {("Vexa Labs", "urges", "Federal Court of Justice")}, id="submitted-a-request-to"),
])
def test_a_filing_with_a_court_asks_the_court(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The prosecutor sent the Data Agency's notices to the Federal Court of Justice.", set(),
                 {("Data Agency", "contacts", "Federal Court of Justice")}, id="another-sends-its-notices"),
    pytest.param("The Data Agency sent its notice to Vexa Labs.", {("Data Agency", "contacts", "Vexa Labs")}, set(),
                 id="it-sends-its-own"),
])
def test_a_possessor_addresses_what_a_light_verb_sends_only_when_it_sends_it(text: str, must: set,
                                                                              must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Vexa Party blasted the order of the Data Agency.", {("Vexa Party", "criticises", "Data Agency")},
                 id="order-of"),
    pytest.param("Maria Keller condemned the ruling of the Federal Court of Justice.",
                 {("Maria Keller", "criticises", "Federal Court of Justice")}, id="ruling-of"),
    pytest.param('John Hartley said the Data Bill was "deeply flawed".', {("John Hartley", "criticises", "Data Bill")},
                 id="quoted-adjective-read-as-passive"),
])
def test_running_down_what_an_actor_decided_or_made(text: str, must: set) -> None:
    check(text, must, set())


def test_the_two_companies_are_the_firms_not_their_stores() -> None:
    check("The Data Agency of Germany fined Google and Apple over Google Play and the App Store. The agency called on "
          "the two companies to change their rules.",
          {("Data Agency of Germany", "urges", "Google"), ("Data Agency of Germany", "urges", "Apple")},
          {("Data Agency of Germany", "urges", "App Store"), ("Data Agency of Germany", "urges", "Google Play")})



def test_the_two_platforms_are_still_the_services() -> None:
    check("Vexa Labs and Pinmark Systems run Google Play and the App Store. The Trade Agency called on the two "
          "platforms to change their rules.",
          {("Trade Agency", "urges", "App Store"), ("Trade Agency", "urges", "Google Play")},
          {("Trade Agency", "urges", "Vexa Labs"), ("Trade Agency", "urges", "Pinmark Systems")})


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("The Data Agency published a report on Vexa Labs. The Data Agency held hearings in May. Maria Keller "
                 "said she would appeal the decision.", {("Maria Keller", "opposes", "Data Agency")},
                 id="appealed-decision-of-no-one-said"),
    pytest.param("The Trade Agency wrote a paper on Zeta Chat. The Trade Agency met experts in June. John Hartley "
                 "criticised the decision.", {("John Hartley", "criticises", "Trade Agency")},
                 id="criticised-decision-of-no-one-said"),
])
def test_a_decision_with_no_maker_in_reach_is_not_the_main_enforcers(text: str, must_not: set) -> None:
    check(text, set(), must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency fined Vexa Labs on Monday. Zeta Chat has been banned on government devices in "
                 "Germany, Italy and other nations.",
                 {("German Government", "bans", "Zeta Chat"), ("Italian Government", "bans", "Zeta Chat")},
                 {("Data Agency", "bans", "Zeta Chat")}, id="banned-in-several-countries"),
    pytest.param("The Trade Agency opened a probe into Pinmark Systems. Quorra Talk was blocked across Brazil and "
                 "Germany last year.", {("Brazilian Government", "bans", "Quorra Talk"),
                                        ("German Government", "bans", "Quorra Talk")},
                 {("Trade Agency", "bans", "Quorra Talk")}, id="blocked-across-two"),
    pytest.param("The Data Agency fined Vexa Labs on Monday. Zeta Chat has been fined by regulators abroad for "
                 "similar breaches and has been ordered to delete its records.", set(),
                 {("Data Agency", "orders", "Zeta Chat")}, id="coordinated-passive-after-a-named-agent"),
    pytest.param("The Trade Agency fined Vexa Labs on Monday. Quorra Talk was sued by rival firms in March and was "
                 "ordered to pay damages.", set(), {("Trade Agency", "orders", "Quorra Talk")},
                 id="sued-by-others-and-ordered"),
    pytest.param("The Data Agency fined Vexa Labs on Monday. Zeta Chat was also ordered to delete its data.",
                 {("Data Agency", "orders", "Zeta Chat")}, set(), id="no-agent-named-the-enforcer-before"),
])
def test_an_agentless_passive_takes_the_states_it_happens_in_or_its_conjuncts_agent(text: str, must: set,
                                                                                    must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Maria Keller's call for Vexa Labs to withdraw the app drew support.",
                 {("Maria Keller", "urges", "Vexa Labs")}, set(), id="call-for-x-to"),
    pytest.param("Pinmark Systems faces calls from John Hartley to close the service.",
                 {("John Hartley", "urges", "Pinmark Systems")}, {("John Hartley", "contacts", "Pinmark Systems")},
                 id="faces-calls-from-x-to"),
    pytest.param("Maria Keller's call with Vexa Labs lasted an hour.", {("Maria Keller", "contacts", "Vexa Labs")},
                 {("Maria Keller", "urges", "Vexa Labs")}, id="a-phone-call-is-contact"),
    pytest.param("John Hartley renewed his call for a ban on Zeta Chat.", set(),
                 {("John Hartley", "urges", "Zeta Chat")}, id="call-for-a-ban-on-x-asks-someone-else"),
    pytest.param("Maria Keller sent a request for information to Vexa Labs.",
                 {("Maria Keller", "urges", "Vexa Labs")}, set(), id="request-for-information-to-x"),
])
def test_a_call_that_asks_for_an_act_is_a_request_of_the_one_to_act(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Russia attacked Ukraine in 2022.", set(),
                 {("Russian Government", "criticises", "Ukrainian Government")}, id="force-on-a-country"),
    pytest.param("Italy attacked Germany over its tariffs.",
                 {("Italian Government", "criticises", "German Government")}, set(), id="words-over-a-measure"),
    pytest.param("Maria Keller attacked Germany as a bully.", {("Maria Keller", "criticises", "German Government")},
                 set(), id="words-as-a-name"),
])
def test_an_attack_on_a_place_is_force_not_words(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_known_actor_after_on_is_no_topic_of_an_institutions_name() -> None:
    check("Maria Keller attacked the European Commission on X.",
          {("Maria Keller", "criticises", "European Commission")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Data Agency fined Vexa Labs 10 million euros, Zeta Chat 5 million euros and Pinmark Systems 2 "
                 "million euros.", {("Data Agency", "fines", "Vexa Labs"), ("Data Agency", "fines", "Zeta Chat"),
                                    ("Data Agency", "fines", "Pinmark Systems")}, id="fined-a-list-of-sums"),
    pytest.param("The Trade Agency decided to impose a fine of 47 million euros on Quorra Talk and 20 million euros on "
                 "Zeta Chat.", {("Trade Agency", "fines", "Quorra Talk"), ("Trade Agency", "fines", "Zeta Chat")},
                 id="a-fine-of-sums-each-on-one"),
    pytest.param("The Data Agency issued two penalty notices totalling 5 million euros against Pinmark Systems.",
                 {("Data Agency", "fines", "Pinmark Systems")}, id="penalty-notices-totalling"),
])
def test_each_sum_of_a_list_of_fines_names_its_target(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Germany has banned government officials from using the Zeta Chat messaging app.",
                 {("German Government", "bans", "Zeta Chat")}, set(), id="officials-from-using"),
    pytest.param("Italy prohibited state agencies from using Vexa Labs's chatbot.",
                 {("Italian Government", "bans", "Vexa Labs")}, set(), id="from-using-a-firms-product"),
    pytest.param("Brazil barred domestic operators from purchasing chips from Pinmark Systems.",
                 {("Brazilian Government", "bans", "Pinmark Systems")}, set(), id="from-buying-from"),
    pytest.param("Italy barred officials from travelling to Brazil.", set(),
                 {("Italian Government", "bans", "Brazilian Government")}, id="a-place-is-no-service"),
])
def test_a_ban_on_using_a_service_bans_the_service_not_its_users(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Quillo credited its record quarter to booming demand from carmakers such as Vexa Labs.", set(),
                 {("Vexa Labs", "urges", "Quillo")}, id="booming-demand"),
    pytest.param("Zeta Chat raised prices after rising demand from buyers such as Vexa Labs.", set(),
                 {("Vexa Labs", "urges", "Zeta Chat")}, id="rising-demand"),
    pytest.param("Pinmark Systems dropped the feature after a demand from the Data Agency.",
                 {("Data Agency", "urges", "Pinmark Systems")}, set(), id="a-demand-is-a-call"),
    pytest.param("Pinmark Systems tightened its rules after growing pressure from the Data Agency.",
                 {("Data Agency", "urges", "Pinmark Systems")}, set(), id="growing-pressure-is-still-a-call"),
])
def test_a_markets_demand_is_no_ones_call(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("NCA Chairman Tariq Aziz and additional attorney generals Amir Javid and Sohail Kundi appeared "
                 "before the bench.", {("Tariq Aziz", "leads", "NCA")},
                 {("Amir Javid", "memberOf", "NCA"), ("Sohail Kundi", "memberOf", "NCA")}, id="own-titles"),
    pytest.param("Vexa Labs founder and chief executive Maria Keller spoke on Monday.",
                 {("Maria Keller", "leads", "Vexa Labs")}, set(), id="titles-of-one-person-share-the-name"),
])
def test_a_person_coordinated_with_a_title_holder_has_a_title_of_their_own(text: str, must: set,
                                                                            must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Federal High Court also ordered the Data Agency never to ban Zeta Chat again.",
                 {("Federal High Court", "orders", "Data Agency")}, {("Federal High Court", "bans", "Zeta Chat")},
                 id="never-to-ban"),
    pytest.param("The Supreme Court ordered the ministry not to block Quorra Talk.", set(),
                 {("Supreme Court", "bans", "Quorra Talk")}, id="not-to-block"),
    pytest.param("The Federal High Court ordered the Data Agency to block Zeta Chat.",
                 {("Federal High Court", "bans", "Zeta Chat")}, set(), id="an-order-to-block-still-bans"),
])
def test_an_order_never_to_ban_bans_nothing(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Supreme Court of Freedonia upheld Vexa Labs's fine in a ruling on Friday.", set(),
                 {("Supreme Court of Freedonia", "fines", "Vexa Labs"),
                  ("Supreme Court of Freedonia", "supports", "Vexa Labs")}, id="upheld-a-fine"),
    pytest.param("The Federal Court upheld Quorra Talk's ban on Monday, rejecting its appeal.", set(),
                 {("Federal Court", "bans", "Quorra Talk"), ("Federal Court", "supports", "Quorra Talk")},
                 id="upheld-a-ban"),
    pytest.param("The Federal Court upheld the Data Agency's fine on Vexa Labs.",
                 {("Federal Court", "supports", "Data Agency"), ("Data Agency", "fines", "Vexa Labs")}, set(),
                 id="the-enforcers-own-fine"),
])
def test_a_court_ruling_on_a_fine_neither_fines_nor_backs_the_one_fined(text: str, must: set,
                                                                       must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Italian government tightened the rules for Zeta Chat. The curbs also hit Ghana, where President "
                 "Kofi Mensah criticised them.", set(), {("Kofi Mensah", "leads", "Italian Government")},
                 id="another-country-in-the-sentence"),
    pytest.param("The Italian government widened its ban on Zeta Chat on Monday. Officials said President Ana Lima "
                 "had asked Brazil to ban the app too.", set(), {("Ana Lima", "leads", "Italian Government")},
                 id="another-government-in-the-sentence"),
    pytest.param("The Italian government banned Zeta Chat on Monday. President Ana Lima said the ban would stay.",
                 {("Ana Lima", "leads", "Italian Government")}, set(), id="no-other-country-named"),
])
def test_a_head_of_state_beside_another_country_is_not_guessed_the_articles(text: str, must: set,
                                                                           must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Joel Hartley called the Data Agency's approach an over-reach.",
                 {("Joel Hartley", "criticises", "Data Agency")}, id="over-reach"),
    pytest.param("Maria Keller called the Trade Agency's plan an over-step.",
                 {("Maria Keller", "criticises", "Trade Agency")}, id="over-step"),
])
def test_a_negative_word_split_at_its_hyphen_is_still_negative(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Maria Keller criticised the Data Agency decision on Vexa Labs.",
                 {("Maria Keller", "criticises", "Data Agency")}, id="agency-decision"),
    pytest.param("Vexa Labs welcomed the Federal Court ruling on Monday.",
                 {("Vexa Labs", "supports", "Federal Court")}, id="court-ruling"),
])
def test_a_decision_named_after_its_maker_is_the_makers(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Vexa Labs has agreed to pay the Trade Agency a total of 520 million dollars in penalties to settle "
                 "allegations.", {("Trade Agency", "fines", "Vexa Labs")}, id="a-total-of"),
    pytest.param("Quorra Talk agreed to pay the Data Agency a sum of 3 million euros to close the case.",
                 {("Data Agency", "fines", "Quorra Talk")}, id="a-sum-of"),
])
def test_a_sum_paid_to_an_enforcer_named_as_indirect_object_is_its_fine(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("In addition to blocking Zeta Chat and Quorra Talk, the Italian government also banned Vexa Labs.",
                 {("Italian Government", "bans", "Zeta Chat"), ("Italian Government", "bans", "Quorra Talk")},
                 id="in-addition-to"),
    pytest.param("Besides blocking Zeta Chat, the Italian government also fined Vexa Labs.",
                 {("Italian Government", "bans", "Zeta Chat")}, id="besides"),
])
def test_a_gerund_added_to_a_clause_shares_its_subject(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Italian government shut access to Zeta Chat on Monday.",
                 {("Italian Government", "bans", "Zeta Chat")}, id="shut-access-to"),
    pytest.param("The Turkish government shut off access to Quorra Talk on Friday.",
                 {("Turkish Government", "bans", "Quorra Talk")}, id="shut-off-access-to"),
])
def test_shutting_access_to_a_service_bans_it(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("The Federal Court blocked a rule prohibiting Vexa Labs from selling phones.",
                 {("Federal Court", "bans", "Vexa Labs")}, id="blocked-a-rule-prohibiting"),
    pytest.param("The Federal Court halted a law requiring Vexa Labs to verify ages.",
                 {("Federal Court", "orders", "Vexa Labs")}, id="halted-a-law-requiring"),
    pytest.param("Maria Keller criticised a rule requiring Zeta Chat to verify ages.",
                 {("Maria Keller", "orders", "Zeta Chat")}, id="criticised-a-rule-requiring"),
])
def test_what_a_measure_does_is_not_done_by_who_blocks_or_criticises_it(text: str, must_not: set) -> None:
    check(text, set(), must_not)


def test_what_a_measure_does_is_done_by_who_issues_it() -> None:
    check("The Data Agency issued an order requiring Zeta Chat to verify ages.",
          {("Data Agency", "orders", "Zeta Chat")}, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Federal Court suspended the Data Agency's order against Vexa Labs.",
                 {("Federal Court", "opposes", "Data Agency")}, id="suspended-an-order"),
    pytest.param("The Data Agency fined Vexa Labs. The Federal Court later suspended the fine.",
                 {("Federal Court", "opposes", "Data Agency")}, id="suspended-the-fine"),
    pytest.param("Judge Maria Keller blocked Italy's ban on Zeta Chat.",
                 {("Maria Keller", "opposes", "Italian Government")}, id="blocked-a-ban"),
])
def test_undoing_a_decision_rules_against_its_maker(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Reserve Bank told Vexa Pay to stop onboarding new customers.",
                 {("Reserve Bank", "bans", "Vexa Pay")}, set(), id="stop-onboarding-customers"),
    pytest.param("The Data Agency ordered Quorra Talk to stop operating.",
                 {("Data Agency", "bans", "Quorra Talk")}, set(), id="stop-operating"),
    pytest.param("The Data Agency ordered Zeta Chat to halt data harvesting from users.",
                 {("Data Agency", "orders", "Zeta Chat")}, {("Data Agency", "bans", "Zeta Chat")},
                 id="halt-a-practice"),
    pytest.param("The Trade Agency ordered Pinmark to halt shipments of chips to Vexa Labs.",
                 {("Trade Agency", "orders", "Pinmark")}, {("Trade Agency", "bans", "Pinmark")},
                 id="halt-shipments"),
])
def test_an_order_to_stop_bans_only_when_the_business_stops(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must_not"), [
    pytest.param("Maria Keller reacted to the announcement by calling the penalty “nonsense” on Zeta Chat and "
                 "reposting several messages.", {("Maria Keller", "urges", "Zeta Chat")}, id="calling-x-y-on-z"),
])
def test_a_phrasal_verbs_preposition_does_not_come_after_its_object(text: str, must_not: set) -> None:
    check(text, set(), must_not)
    check("Maria Keller called on the Data Agency to act.", {("Maria Keller", "urges", "Data Agency")}, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("“Zeta Chat is committed to tackling abusive behaviour,” John Hartley said.", set(),
                 {("John Hartley", "criticises", "Zeta Chat")}, id="tackling-abusive-behaviour"),
    pytest.param("Maria Keller said Zeta Chat was fighting fraud and removing illegal posts.", set(),
                 {("Maria Keller", "accuses", "Zeta Chat")}, id="fighting-fraud"),
    pytest.param("Maria Keller said Zeta Chat spread harmful content.",
                 {("Maria Keller", "criticises", "Zeta Chat")}, set(), id="spreading-is-no-fight"),
])
def test_a_bad_word_in_what_is_fought_is_no_charge(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Zeta Chat has been fined nearly 1 million dollars by Australia's online safety regulator.",
                 {("eSafety Commissioner", "fines", "Zeta Chat")}, id="online-safety-regulator"),
    pytest.param("China's internet regulator on Wednesday ordered Quorra Talk to disable some features.",
                 {("Cyberspace Administration of China", "orders", "Quorra Talk")}, id="internet-regulator"),
])
def test_a_regulator_described_by_the_online_field_is_the_registrys(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency issued Zeta Chat with an enforcement notice over its chatbot.",
                 {("Data Agency", "orders", "Zeta Chat")}, {("Data Agency", "contacts", "Zeta Chat")},
                 id="enforcement-notice"),
    pytest.param("The Trade Agency issued Quorra Talk with a takedown notice on Monday.",
                 {("Trade Agency", "orders", "Quorra Talk")}, {("Trade Agency", "contacts", "Quorra Talk")},
                 id="takedown-notice"),
])
def test_a_notice_that_enforces_is_an_order(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Maria Keller criticised ChatGPT's maker.", {("Maria Keller", "criticises", "OpenAI")},
                 {("Maria Keller", "criticises", "ChatGPT")}, id="the-registrys-maker"),
    pytest.param("The Data Agency fined Zeta Chat's developer on Monday.", set(),
                 {("Data Agency", "fines", "Zeta Chat")}, id="a-maker-no-one-names"),
])
def test_a_things_maker_is_not_the_thing(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Judge Maria Keller also ordered the blocking of the account of John Hartley.",
                 {("Maria Keller", "bans", "John Hartley")}, id="blocking-an-account"),
    pytest.param("The Italian government ordered the blocking of access to Zeta Chat.",
                 {("Italian Government", "bans", "Zeta Chat")}, id="blocking-of-access-to"),
])
def test_blocking_an_account_or_access_to_a_service_bans_its_holder(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The Taiwanese government has added Vexa Labs and Pinmark Systems to its export control list.",
                 {("Taiwanese Government", "bans", "Vexa Labs"), ("Taiwanese Government", "bans", "Pinmark Systems")},
                 id="export-control-list"),
    pytest.param("The Commerce Department placed Zeta Chat on its trade list.",
                 {("US Department of Commerce", "bans", "Zeta Chat")}, id="trade-list"),
])
def test_more_lists_of_the_barred(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Solly Hartley, who oversees Italy's telecommunications, said the ministry would act.", set(),
                 {("Solly Hartley", "regulates", "Italian Government")}, id="a-countrys-field"),
    pytest.param("The Data Agency investigated Italy's banks.", set(),
                 {("Data Agency", "investigates", "Italian Government")}, id="a-countrys-banks"),
    pytest.param("The United States condemned Iran's cyberattack against Albania.",
                 {("US Government", "criticises", "Iranian Government")}, set(), id="a-countrys-deed"),
    pytest.param("Maria Keller criticised Italy's policy on Zeta Chat.",
                 {("Maria Keller", "criticises", "Italian Government")}, set(), id="a-countrys-policy"),
])
def test_a_countrys_field_is_no_doing_of_its_government(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("National Security Council spokeswoman Maria Keller said the attack was reckless.",
                 {("Maria Keller", "memberOf", "National Security Council")}, id="council-spokeswoman"),
    pytest.param("Trade Policy Council chair John Hartley criticised Vexa Labs.",
                 {("John Hartley", "leads", "Trade Policy Council")}, id="council-chair"),
    pytest.param("Civic Data Institute director Maria Keller said the ban was wrong.",
                 {("Maria Keller", "memberOf", "Civic Data Institute")}, id="institute-director"),
])
def test_a_name_of_common_words_ending_in_a_kind_of_body_is_no_portfolio(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Maria Keller called Canada's decision to ban the app unfair.",
                 {("Maria Keller", "criticises", "Canadian Government")}, id="country-decision-clause-adjective"),
    pytest.param("Ambassador John Hartley called Canada's decision to ban Vexa Labs disappointing and wrong.",
                 {("John Hartley", "criticises", "Canadian Government")}, id="clause-coordinated-adjectives"),
    pytest.param("Maria Keller called the Data Agency's plan to ban Zeta Chat a mistake.",
                 {("Maria Keller", "criticises", "Data Agency")}, id="clause-then-a-noun"),
])
def test_what_a_decision_is_called_after_its_clause(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Maria Keller said the report showed a serious failure by Vexa Labs.",
                 {("Maria Keller", "criticises", "Vexa Labs")}, set(), id="failure-by"),
    pytest.param("John Hartley said the audit revealed a worrying failure by Pinmark Systems to protect children.",
                 {("John Hartley", "criticises", "Pinmark Systems")}, set(), id="adjective-on-failure-by"),
    pytest.param("The Data Agency said the files showed Vexa Labs's abuse of its market power.",
                 {("Data Agency", "accuses", "Vexa Labs")}, set(), id="possessor-of-abuse"),
    pytest.param("Maria Keller said the review found no failure by Vexa Labs.", set(),
                 {("Maria Keller", "criticises", "Vexa Labs")}, id="no-failure"),
])
def test_a_wrong_named_in_reported_words_runs_down_its_doer(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("India said on Tuesday it was blocking dozens of apps, including Zeta Chat.",
                 {("Indian Government", "bans", "Zeta Chat")}, id="announced-it-was"),
    pytest.param("Kenya said it would ban Quorra Talk.", {("Kenyan Government", "bans", "Quorra Talk")},
                 id="said-it-would"),
])
def test_it_in_what_a_country_reports_is_the_country(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Operators received an order from the Data Agency to block Zeta Chat.",
                 {("Data Agency", "bans", "Zeta Chat")}, id="order-from-to-block"),
    pytest.param("Our members have received formal instructions from the Trade Agency to suspend access to Quorra "
                 "Talk, the group said.", {("Trade Agency", "bans", "Quorra Talk")}, id="instructions-from-to-suspend"),
])
def test_an_order_received_from_someone_is_theirs(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("President John Hartley said he had signed a decree that bars Vexa Labs from the network.",
                 {("John Hartley", "bans", "Vexa Labs")}, id="decree-that-bars"),
    pytest.param("The Trade Agency issued a regulation that bans Zeta Chat.",
                 {("Trade Agency", "bans", "Zeta Chat")}, id="regulation-that-bans"),
])
def test_a_rule_that_enforces_enforces_for_its_maker(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "label", "alias"), [
    pytest.param("A court in Madrid fined Vexa Labs on Monday.", "court in Madrid", "Madrid court",
                 id="court-in-a-city"),
    pytest.param("A Delhi court fined Zeta Chat on Monday.", "Delhi court", "court in Delhi", id="a-city-court"),
])
def test_a_court_named_by_its_seat_answers_to_either_order(text: str, label: str, alias: str) -> None:
    ex = extraction(text)
    court = next(e for e in ex.entities if e.label == label)
    assert alias in court.aliases


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Maria Keller has an open dispute with Vexa Labs, against which she has launched an investigation.",
                 {("Maria Keller", "investigates", "Vexa Labs")}, id="against-which"),
    pytest.param("He has a row with Pinmark Systems, John Hartley's company, against which the Data Agency has "
                 "opened a probe.", {("Data Agency", "investigates", "Pinmark Systems")},
                 id="against-which-after-apposition"),
    pytest.param("Zeta Chat named Vexa Labs, with which it signed a deal last year.",
                 {("Zeta Chat", "cooperatesWith", "Vexa Labs")}, id="with-which"),
])
def test_a_relative_after_its_preposition_means_its_noun(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Zeta Chat said it would not abide by the Data Agency's decision to ban Quorra Talk.",
                 {("Zeta Chat", "opposes", "Data Agency")}, set(), id="would-not-abide-by"),
    pytest.param("The United States will not accept China's ban on Vexa Labs chips.",
                 {("US Government", "opposes", "Chinese Government")}, set(), id="will-not-accept"),
    pytest.param("Vexa Labs refused to comply with the Trade Agency's order.",
                 {("Vexa Labs", "opposes", "Trade Agency")}, set(), id="refused-to-comply"),
    pytest.param("Pinmark Systems said it will not comply with any order from the Data Agency.",
                 {("Pinmark Systems", "opposes", "Data Agency")}, set(), id="order-from"),
    pytest.param("Vexa Labs said it would comply with the Trade Agency's order.", set(),
                 {("Vexa Labs", "opposes", "Trade Agency")}, id="would-comply"),
])
def test_refusing_to_go_along_with_a_decision_opposes_its_maker(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


def test_a_refusal_to_comply_is_an_asserted_opposition() -> None:
    ex = extraction("Vexa Labs refused to comply with the Trade Agency's order.")
    (t,) = [t for t in ex.triples if t.relation == "opposes"]
    assert not t.negated and t.modality == "asserted"


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Last week, a court rejected an appeal by Vexa Labs against a fine from the Data Agency.",
                 {("Vexa Labs", "opposes", "Data Agency")}, id="appeal-against-a-fine-from"),
    pytest.param("Pinmark Systems will appeal the fine from the Trade Agency.",
                 {("Pinmark Systems", "opposes", "Trade Agency")}, id="appeal-the-fine-from"),
])
def test_a_decision_from_an_enforcer_is_theirs(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("Germany's data protection commissioner has asked Apple to remove Zeta Chat.",
                 "data protection commissioner of Germany", id="two-words-before-the-title"),
    pytest.param("Kenya's consumer data protection commissioner has asked Vexa Labs to delete the files.",
                 "consumer data protection commissioner of Kenya", id="three-words-before-the-title"),
])
def test_a_body_minted_from_its_description_keeps_all_its_words(text: str, label: str) -> None:
    assert label in {e.label for e in extraction(text).entities}


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("The regulator fined Luka Inc., the developer of Replika.", {("Luka Inc.", "develops", "Replika")},
                 id="developer-of-a-name-read-as-a-person"),
    pytest.param("Epic Games, the developer of the shooter Fortnite, settled with regulators.",
                 {("Epic Games", "develops", "Fortnite")}, id="developer-of-a-name-read-as-a-group"),
])
def test_what_a_maker_makes_is_a_product(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Epic Games, Inc., the developer of the shooter Fortnite, settled with regulators.",
                 {("Epic Games", "develops", "Fortnite")}, id="inc"),
    pytest.param("Vexa Labs, Inc., the owner of Pinmark Systems, was fined.",
                 {("Vexa Labs", "owns", "Pinmark Systems")}, id="owner-after-inc"),
])
def test_a_title_after_a_legal_form_is_the_companys(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("The Data Agency warned that it would fine Zeta Chat.", {("Data Agency", "threatens", "Zeta Chat")},
                 set(), id="warned-it-would-fine"),
    pytest.param("The Trade Agency warned it could block Quorra Talk.", {("Trade Agency", "threatens", "Quorra Talk")},
                 set(), id="warned-it-could-block"),
    pytest.param("The Data Agency warned that it would not fine Zeta Chat.", set(),
                 {("Data Agency", "threatens", "Zeta Chat")}, id="would-not"),
])
def test_a_punishment_of_ones_own_held_out_in_a_warning_threatens(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("Google removed 1,200 videos on YouTube, the ministry said.", set(), {("Google", "owns", "YouTube")},
                 id="named-side-by-side"),
    pytest.param("The court fined Meta over the way Instagram handles data.", set(), {("Meta", "owns", "Instagram")},
                 id="named-in-one-sentence"),
    pytest.param("Instagram users will be blocked, parent company Meta said on Thursday.",
                 {("Meta", "owns", "Instagram")}, set(), id="a-word-of-ownership"),
    pytest.param("Congress gave ByteDance a deadline to sell TikTok.", {("ByteDance", "owns", "TikTok")}, set(),
                 id="a-word-of-selling"),
    pytest.param("Regulators fined Meta's Facebook and Instagram.",
                 {("Meta", "owns", "Facebook"), ("Meta", "owns", "Instagram")}, set(), id="a-possessive-on-a-list"),
    pytest.param("Google's video platform YouTube removed the clips.", {("Google", "owns", "YouTube")}, set(),
                 id="a-possessive-on-the-kind"),
])
def test_a_registry_owner_is_read_where_the_sentence_speaks_of_the_tie(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "must", "must_not"), [
    pytest.param("John Hartley, who oversees the Data Agency, said the fine was fair.",
                 {("John Hartley", "leads", "Data Agency")}, {("John Hartley", "regulates", "Data Agency")},
                 id="a-person-oversees-a-body"),
    pytest.param("Maria Keller supervises the Trade Agency.", {("Maria Keller", "leads", "Trade Agency")},
                 {("Maria Keller", "regulates", "Trade Agency")}, id="a-person-supervises-a-body"),
    pytest.param("The Data Agency oversees Vexa Labs.", {("Data Agency", "regulates", "Vexa Labs")}, set(),
                 id="a-body-oversees"),
])
def test_a_body_regulates_and_a_person_in_charge_leads(text: str, must: set, must_not: set) -> None:
    check(text, must, must_not)


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("Meta may have breached the Treaty on the Functioning of the European Union.",
                 "Treaty on the Functioning of the European Union", id="a-treaty-named-after-the-union"),
    pytest.param("The probe will examine whether Vexa Labs abused its dominance under Article 102 of the TFEU.",
                 "Treaty on the Functioning of the European Union", id="the-treatys-acronym"),
])
def test_a_law_named_after_a_body_is_the_law_not_the_body(text: str, label: str) -> None:
    labels = {e.label: e.type for e in extraction(text).entities}
    assert labels.get(label) == "Legislation" and "European Union" not in labels, labels


def test_a_courts_own_name_has_no_seat_in_it() -> None:
    ex = extraction("Senegal suspended Zeta Chat on Wednesday. The Supreme Court will hear the appeal.")
    court = next(e for e in ex.entities if e.type == "Court")
    assert not any(" in " in a for a in court.aliases), court.aliases


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Kenya's Data Protection Commissioner fined Vexa Labs on Monday.",
                 {("Data Protection Commissioner of Kenya", "fines", "Vexa Labs")}, id="data-protection-commissioner"),
    pytest.param("Nigeria's Data Protection Commissioner fined Zeta Chat.",
                 {("Data Protection Commissioner of Nigeria", "fines", "Zeta Chat")},
                 id="data-protection-commissioner-2"),
])
def test_an_office_title_the_ner_left_out_is_part_of_the_office(text: str, must: set) -> None:
    check(text, must, set())


@pytest.mark.parametrize(("text", "must", "must_not_entity"), [
    pytest.param("The Kenyan Communications Authority ordered Zeta News to shut down. The government said it supports "
                 "the Communications Authority.", {("Kenyan Government", "supports", "Communications Authority")},
                 "US Government", id="a-body-named-by-its-countrys-adjective"),
    pytest.param("The Philippine Securities and Exchange Commission ordered Zeta News to shut down. The government "
                 "said it supports the decision.",
                 {("Philippine Government", "supports", "Securities and Exchange Commission of Philippines")},
                 "Philippine", id="a-nationality-the-ner-took-for-a-name"),
])
def test_the_government_of_a_story_whose_country_only_names_its_bodies(text: str, must: set,
                                                                         must_not_entity: str) -> None:
    check(text, must, set())
    assert must_not_entity not in {e.label for e in extraction(text).entities}


@pytest.mark.parametrize(("text", "must"), [
    pytest.param("Kenya suspended Zeta Chat on Monday. The data protection authority also fined Vexa Labs.",
                 {("data protection authority of Kenya", "fines", "Vexa Labs")}, id="data-protection-authority"),
    pytest.param("Senegal suspended Zeta Chat on Monday. The telecoms regulator also fined Pinmark Systems.",
                 {("telecoms regulator of Senegal", "fines", "Pinmark Systems")}, id="telecoms-regulator"),
])
def test_a_field_regulator_described_in_a_story_about_an_unlisted_country_is_that_countrys(text: str,
                                                                                          must: set) -> None:
    check(text, must, set())
