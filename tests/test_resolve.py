"""Aliases and coreference within an article, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.sources.parse import parse_text

pytestmark = pytest.mark.model


def extract(text: str):  # noqa: ANN201
    from kg.extraction.pipeline import extract_articles

    (ex,) = extract_articles([parse_text(text, article_id="t")])
    return ex


def triples(ex) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(ex.entities[t.subject].label, t.relation, ex.entities[t.object].label) for t in ex.triples}


def labels(ex) -> dict[str, set[str]]:  # noqa: ANN001
    return {e.label: e.aliases for e in ex.entities}


def test_surname_and_honorific_join_the_full_name() -> None:
    ex = extract("Julie Inman Grant runs the eSafety Commissioner's office. Ms Inman Grant criticised X on Monday. "
                 "Inman Grant later met Elon Musk.")
    assert "Inman Grant" in labels(ex)["Julie Inman Grant"]
    assert ("Julie Inman Grant", "criticises", "X") in triples(ex)


def test_definite_description_refers_to_latest_actor_of_its_class() -> None:
    ex = extract("Ofcom opened a case on Monday. The regulator fined TikTok on Friday.")
    assert ("Ofcom", "fines", "TikTok") in triples(ex)


def test_description_prefers_actor_whose_name_holds_the_noun() -> None:
    ex = extract("Ofcom and the European Commission met in Brussels. The Commission then fined Meta.")
    assert ("European Commission", "fines", "Meta") in triples(ex)


def test_pronoun_subject_refers_to_previous_subject() -> None:
    ex = extract("The Federal Trade Commission sued Amazon in 2023. It also criticised Microsoft.")
    assert ("Federal Trade Commission", "criticises", "Microsoft") in triples(ex)


@pytest.mark.parametrize(("text", "want"), [
    pytest.param("Zeta Chat has been popular with students. Last week Ofcom fined it 2 million pounds.",
                 ("Ofcom", "fines", "Zeta Chat"), id="fined-it"),
    pytest.param("Kinmira Labs runs a chatbot for schools. The Communications Authority of Kenya asked telecom firms "
                 "to block it on Monday.", ("Communications Authority of Kenya", "bans", "Kinmira Labs"),
                 id="block-it"),
])
def test_it_as_what_an_enforcement_acts_on_is_the_firm_before_it(text: str, want: tuple) -> None:
    got = triples(extract(text))
    assert want in got, got
    assert not any(o == want[0] for _, _, o in got), got


@pytest.mark.parametrize(("text", "want", "not_want"), [
    pytest.param("Vexa Labs and Pinmark Systems met the Trade Agency on Monday. The latter criticised the agency's "
                 "plan.",
                 ("Pinmark Systems", "criticises", "Trade Agency"), ("Vexa Labs", "criticises", "Trade Agency"),
                 id="the-latter-of-a-pair"),
    pytest.param("Zeta Chat and Quorra Talk met the Data Agency in June. The former then sued the Data Agency.",
                 ("Zeta Chat", "sues", "Data Agency"), ("Quorra Talk", "sues", "Data Agency"),
                 id="the-former-of-a-pair"),
    pytest.param("Vexa Labs sued Pinmark Systems in May, and the latter criticised the Data Agency.",
                 ("Pinmark Systems", "criticises", "Data Agency"), ("Vexa Labs", "criticises", "Data Agency"),
                 id="the-latter-of-two-named"),
])
def test_the_former_and_the_latter_are_the_first_and_the_last_of_a_pair(text: str, want: tuple,
                                                                        not_want: tuple) -> None:
    got = triples(extract(text))
    assert want in got and not_want not in got, got


def test_a_former_title_holder_is_no_reference() -> None:
    got = triples(extract("Vexa Labs met the Trade Agency. The former minister criticised the Data Agency."))
    assert not any(r == "criticises" for _, r, _ in got), got


@pytest.mark.parametrize(("text", "name", "former"), [
    pytest.param("Ofcom fined Orbis Foundation (formerly Orbcoin Foundation) on Monday. Orbcoin Foundation said it "
                 "would appeal.", "Orbis Foundation", "Orbcoin Foundation", id="bracketed"),
    pytest.param("Kinmira Group, previously Zeltra Holdings, was fined by Ofcom.", "Kinmira Group", "Zeltra Holdings",
                 id="between-commas"),
])
def test_a_former_name_is_an_alias_of_the_name_it_follows(text: str, name: str, former: str) -> None:
    got = labels(extract(text))
    assert former in got[name] and former not in got, got


def test_two_names_side_by_side_stay_two() -> None:
    got = labels(extract("Ofcom fined Orbis Foundation and Orbcoin Foundation on Monday."))
    assert "Orbis Foundation" in got and "Orbcoin Foundation" in got, got


def test_male_pronoun_skips_female_person() -> None:
    ex = extract("Ms Vestager met Mr Pichai in Brussels. He later criticised the European Commission.")
    got = triples(ex)
    assert any(s.endswith("Pichai") and r == "criticises" for s, r, _ in got), got
    assert not any(s.endswith("Vestager") and r == "criticises" for s, r, _ in got), got


def test_plural_description_refers_to_coordinated_actors() -> None:
    ex = extract("Ofcom wrote to X and TikTok on Monday. The regulator is carrying out an assessment of the firms' "
                 "response.")
    got = triples(ex)
    assert ("Ofcom", "investigates", "X") in got and ("Ofcom", "investigates", "TikTok") in got, got


def test_country_acts_through_its_government() -> None:
    ex = extract("The UK criticised TikTok. Britain later fined the company.")
    assert ("UK Government", "criticises", "TikTok") in triples(ex)
    assert ("UK Government", "fines", "TikTok") in triples(ex)
    # A country that acts is folded into its government, which answers to its names.
    by_label = {e.label: e for e in ex.entities}
    assert "United Kingdom" not in by_label
    assert {"UK", "Britain"} <= by_label["UK Government"].aliases


def test_country_named_only_as_a_place_stays_a_country() -> None:
    ex = extract("Ofcom fined TikTok over videos watched in France and Germany.")
    types = {e.label: e.type for e in ex.entities}
    assert types.get("France") == "Country" and types.get("Germany") == "Country"
    assert ("Ofcom", "fines", "TikTok") in triples(ex)


def test_the_government_means_the_articles_government() -> None:
    ex = extract("Ofcom is the UK regulator. The Government backed Ofcom on Tuesday.")
    assert ("UK Government", "supports", "Ofcom") in triples(ex)


def test_object_it_is_not_guessed() -> None:
    ex = extract("Ofcom fined TikTok on Monday. Meta criticised it.")
    assert not any(r == "criticises" for _, r, _ in triples(ex))


def test_title_before_name_gives_membership_of_the_government() -> None:
    ex = extract("The UK's media regulator is Ofcom. Technology Secretary Peter Kyle praised Ofcom.")
    got = triples(ex)
    assert ("Peter Kyle", "memberOf", "UK Government") in got
    assert ("Peter Kyle", "supports", "Ofcom") in got


# ---------------------------------------------------------------- the entity table


def test_merging_leaves_no_row_behind_and_keeps_indexes_valid() -> None:
    from kg.extraction.resolve.entities import Entity, EntityTable

    table = EntityTable()
    musk = table.add(Entity("x:musk", "Musk", "Person", {"Musk"}))
    elon = table.add(Entity("x:elon-musk", "Elon Musk", "Person", {"Elon Musk"}, gender="m"))
    acme = table.add(Entity("x:acme", "Acme", "Company", {"Acme"}))
    table.fold_surnames(frozenset())
    assert table[musk] is table[elon]                  # the old index still answers
    assert table[elon].aliases == {"Musk", "Elon Musk"}
    entities, remap = table.compact()
    assert [e.label for e in entities] == ["Elon Musk", "Acme"]
    assert remap[musk] == remap[elon] == 0 and remap[acme] == 1
    assert all(e.label for e in entities)


def test_surnames_fold_past_name_particles() -> None:
    from kg.extraction.resolve.entities import Entity, EntityTable

    table = EntityTable()
    short = table.add(Entity("x:moraes", "Moraes", "Person", {"Moraes"}))
    full = table.add(Entity("x:alexandre-de-moraes", "Alexandre de Moraes", "Person", {"Alexandre de Moraes"}))
    table.fold_surnames(frozenset({"de"}))
    assert table.find(short) == full


def test_a_surname_taken_for_an_organisation_folds_into_its_one_person() -> None:
    from kg.extraction.resolve.entities import Entity, EntityTable

    table = EntityTable()
    org = table.add(Entity("x:holm", "Holm", "Organisation", {"Holm"}))                 # the recogniser's guess
    full = table.add(Entity("x:vera-holm", "Vera Holm", "Person", {"Vera Holm"}))
    typed = table.add(Entity("x:lind", "Lind", "Company", {"Lind"}, typed_by="cue"))   # typed by other evidence
    table.add(Entity("x:ada-lind", "Ada Lind", "Person", {"Ada Lind"}))
    two = table.add(Entity("x:berg", "Berg", "Organisation", {"Berg"}))                 # two people could own it
    table.add(Entity("x:ola-berg", "Ola Berg", "Person", {"Ola Berg"}))
    table.add(Entity("x:eva-berg", "Eva Berg", "Person", {"Eva Berg"}))
    table.fold_surnames(frozenset())
    assert table.find(org) == full and table[full].type == "Person"
    assert table.find(typed) == typed and table.find(two) == two


# ---------------------------------------------------------------- identity across articles


def test_generic_institution_names_are_qualified_by_the_articles_country() -> None:
    brazil = extract("Anatel asked the Supreme Court to act. The Supreme Court suspended the app in Brazil.")
    us = extract("The Federal Trade Commission appealed to the Supreme Court in Washington.")
    # Brazil's is the registry's Supreme Federal Court, named "Supreme Court" in the text.
    courts = {next((e.id for e in x.entities if "Supreme Court" in {e.label, *e.aliases}), None) for x in (brazil, us)}
    assert None not in courts and len(courts) == 2, courts


def test_a_surname_alone_links_to_the_one_registry_person_it_can_be_when_titled() -> None:
    ex = extract("President Trump said on Friday that tariffs would follow.")
    assert {e.id for e in ex.entities} >= {"https://policy-kg.org/id/donald-trump"}
    # Issue 19: with no title or first name, the surname may be anyone's ("Trump said" in a story about a Fred Trump).
    ex = extract("Trump said on Friday that the shop would close.")
    assert "https://policy-kg.org/id/donald-trump" not in {e.id for e in ex.entities}


def test_a_state_is_one_node_whether_place_or_actor() -> None:
    place = extract("Ofcom fined TikTok over videos watched in France.")
    actor = extract("France banned TikTok on Monday.")
    place_id = next(e.id for e in place.entities if e.label == "France")
    actor_id = next(e.id for e in actor.entities if e.type == "GovernmentBody")
    assert place_id == actor_id


def test_a_registry_name_in_other_casing_is_the_registry_actor_not_a_variant() -> None:
    ex = extract("Justice Alexandre De Moraes ordered X to name a legal representative.")
    ids = {e.id for e in ex.entities}
    assert "https://policy-kg.org/id/alexandre-de-moraes" in ids
    assert not any(i.endswith("-person") for i in ids)


def test_a_name_one_letter_off_a_registry_name_links_to_it_less_surely() -> None:
    ex = extract("Kier Starmer criticised Zentrix Labs on Monday. Mark Zuckerburg defended Quillchat.")
    got = labels(ex)
    assert "Kier Starmer" in got["Keir Starmer"] and "Mark Zuckerburg" in got["Mark Zuckerberg"]
    sure = extract("Keir Starmer criticised Zentrix Labs on Monday.")
    assert ex.triples[0].confidence < sure.triples[0].confidence


@pytest.mark.parametrize("name", [
    "Mark Werner",      # a short surname one letter off another's is another person
    "Marta Zuckerberg", # two words off
])
def test_a_name_not_close_enough_stays_its_own_actor(name: str) -> None:
    ex = extract(f"{name} criticised Zentrix Labs on Monday.")
    assert name in {e.label for e in ex.entities}


def test_a_misspelling_two_registry_names_are_as_close_to_links_to_neither() -> None:
    import dataclasses

    from kg.vocabulary.ontology import Actor, load_ontology

    ont = load_ontology()
    people = {iri: Actor(iri, label, "Person") for iri, label in
              [("p:a", "Dana Kowalczyk"), ("p:b", "Dana Kowalczak"), ("p:c", "Ilse Brandtner")]}
    small = dataclasses.replace(ont, actors=people, government_of={}, country_of={}, government_by_name={},
                                actor_by_seat={}, verb_index={}, phrase_index={}, noun_index={},
                                description_index={})
    assert small.misspelt_name("Dana Kowalczek", person=True) is None   # one edit from both
    assert small.misspelt_name("Ilse Brandnter", person=True) == "p:c"  # two letters swapped
    assert small.misspelt_name("Ilse Brandtner", person=True) is None   # the name itself is no misspelling


def test_an_article_naming_two_countries_alike_has_no_home_government_to_guess() -> None:
    ex = extract("Japan and Germany signed the accord. Minister Ana Soto praised it.")
    assert not any(t.relation == "memberOf" for t in ex.triples), triples(ex)
    one = extract("Japan signed the accord on Monday. Minister Ana Soto praised it.")
    assert ("Ana Soto", "memberOf", "Japanese Government") in triples(one)


def test_a_description_is_kept_as_an_alias_with_the_words_that_say_which() -> None:
    ex = extract("Ofcom fined TikTok on Monday. The media regulator said the firm broke the rules.")
    ofcom = next(e for e in ex.entities if e.label == "Ofcom")
    assert {"the regulator", "the media regulator"} <= ofcom.aliases


@pytest.mark.parametrize(("text", "fact"), [
    # the attribution after the quotation
    ('"We urge the Federal Trade Commission to drop the case," said Sundar Pichai.',
     ("Sundar Pichai", "urges", "Federal Trade Commission")),
    ("“I will fight Ofcom in every court,” Elon Musk wrote on Sunday.", ("Elon Musk", "opposes", "Ofcom")),
    # the attribution before it, and the organisation a spokesperson speaks for when "we" is said
    ('Margrethe Vestager said: "We have fined Google twice this year."',
     ("Margrethe Vestager", "fines", "Google")),
    ('A spokesperson for Microsoft said: "We will appeal against the Competition and Markets Authority."',
     ("Microsoft", "opposes", "Competition and Markets Authority")),
    # a quotation that opens the sentence after its attribution
    ('Thierry Breton said the Commission was ready. "We will investigate TikTok without delay."',
     ("Thierry Breton", "investigates", "TikTok")),
    # a quoted paragraph continuing the speaker of the paragraph before
    ('Margrethe Vestager spoke to reporters in Brussels.\n\n"This is serious," she said.\n\n'
     '"We urge Google to change course."', ("Margrethe Vestager", "urges", "Google")),
    # single curly quotation marks, closed after the quotation's last punctuation, apostrophes inside
    ("‘We will fight Ofcom’s decision all the way,’ Elon Musk said on Friday.", ("Elon Musk", "opposes", "Ofcom")),
    ("‘We urge Apple’s board to think again,’ said Margrethe Vestager.", ("Margrethe Vestager", "urges", "Apple")),
])
def test_first_person_in_a_quotation_is_its_speaker(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract(text))


def test_first_person_outside_a_quotation_is_left_alone() -> None:
    # The writer's "we", and a quotation in another paragraph than the one naming the speaker.
    ex = extract("We asked Ofcom about TikTok. Elon Musk did not reply.\n\n"
                 "Sundar Pichai spoke on Monday.\n\n\"We will sue the Federal Trade Commission.\"")
    got = triples(ex)
    assert not any(r in {"urges", "sues"} for _, r, _ in got), got


def test_it_is_bad_speaks_of_the_situation_not_of_an_organisation() -> None:
    ex = extract('Ofcom opened a case on Monday. Elon Musk said on Tuesday: "It is outrageous."')
    assert not any(r in {"criticises", "accuses"} for _, r, _ in triples(ex)), triples(ex)
    ex = extract("Ofcom opened a case on Monday. It fined TikTok on Tuesday.")
    assert ("Ofcom", "fines", "TikTok") in triples(ex)


def test_it_in_what_someone_is_told_is_the_one_told() -> None:
    ex = extract("Consumer group BEUC complained on Monday. Teresa Ribera told Apple it must comply by June.")
    assert not any(o == "BEUC" for _, _, o in triples(ex)), triples(ex)
    ex = extract("Amnesty International spoke first. The Federal Trade Commission warned Meta it must stop the ads.")
    assert ("Federal Trade Commission", "urges", "Amnesty International") not in triples(ex), triples(ex)


def test_a_sentences_capitalised_first_word_is_no_name() -> None:
    ex = extract("Pressure builds.\n\nDigital rights groups have urged the European Commission to act.")
    assert "Digital" not in labels(ex), labels(ex)


def test_a_description_of_a_kind_of_organisation_needs_one_called_so() -> None:
    ex = extract("Amnesty International criticised Meta. The union rallied behind Ofcom.")
    assert ("Amnesty International", "supports", "Ofcom") not in triples(ex), triples(ex)
    ex = extract("The Communication Workers Union criticised Royal Mail. The union also attacked Ofcom.")
    assert ("Communication Workers Union", "criticises", "Ofcom") in triples(ex), triples(ex)


@pytest.mark.parametrize(("text", "other"), [
    pytest.param("Ghana's data protection authority fined TikTok on Monday. The communications regulator also opened "
                 "a probe.", "the communications regulator", id="communications-regulator-after-a-data-authority"),
    pytest.param("Chile's competition authority fined Kinmira Labs. The data watchdog said it would look at the case.",
                 "the data watchdog", id="data-watchdog-after-a-competition-authority"),
])
def test_a_description_of_another_field_is_not_the_body_named_before(text: str, other: str) -> None:
    first = next(e for e in extract(text).entities if e.type == "Regulator")
    assert other not in first.aliases, first.aliases


@pytest.mark.parametrize(("country", "government"), [
    ("Sri Lanka", "Government of Sri Lanka"), ("Burkina Faso", "Government of Burkina Faso"),
])
def test_a_country_the_ner_read_as_a_person_or_an_organisation_is_a_country(country: str, government: str) -> None:
    assert (government, "bans", "TikTok") in triples(extract(f"{country}'s government banned TikTok on Monday."))


def test_a_surname_that_is_a_country_name_stays_the_persons() -> None:
    ex = extract("Rep. Jim Jordan criticised Meta. Jordan said the firm lied.")
    kinds = [(e.label, e.type) for e in ex.entities]
    assert not any(typ in {"Country", "GovernmentBody"} for _, typ in kinds), kinds


def test_a_registry_bodys_acronym_in_a_story_about_another_country_is_that_countrys() -> None:
    from kg.extraction.pipeline import extract_articles
    from kg.sources.parse import parse_text

    text = ("Kenya orders Zeta Chat to stop collecting data\n\nKenya's data regulator has ordered Zeta Chat to stop "
            "collecting iris scans. The DPC said Zeta Chat had failed to assess the risks.")
    (ex,) = extract_articles([parse_text(text, article_id="t")])
    assert not any(e.id.endswith("/irish-data-protection-commission") for e in ex.entities), ex.entities
    # ... while where the article names the body's country, the acronym is the registry's body
    text = "Irish regulators fined Zeta Chat. The DPC said Zeta Chat had failed to assess the risks."
    (ex,) = extract_articles([parse_text(text, article_id="t")])
    assert any(e.id.endswith("/irish-data-protection-commission") for e in ex.entities), ex.entities


@pytest.mark.parametrize(("text", "body"), [
    pytest.param("ACCRA (Reuters) - Ghana suspended Vexa Labs on Monday.\n\nThe Data Protection Commission said the "
                 "firm had not registered. Vexa Labs is also under review in Ireland.",
                 "data-protection-commission-of-ghana",
                 id="registry-body-another-country-named-elsewhere"),
    pytest.param("Ghana fined Pinmark Systems on Monday.\n\nThe High Court said the firm had not registered. Pinmark "
                 "Systems also faces a case in Ireland.", "high-court-of-ghana", id="generic-name-country-unlisted"),
])
def test_a_body_named_generically_in_a_story_about_an_unlisted_country_is_that_countrys(text: str,
                                                                                      body: str) -> None:
    ids = {e.id.rsplit("/", 1)[-1] for e in extract(text).entities}
    assert body in ids, ids
    assert "irish-data-protection-commission" not in ids


def test_a_body_named_with_its_country_in_its_sentence_stays_the_registrys() -> None:
    ex = extract("Ghana suspended Vexa Labs on Monday.\n\nIn Ireland, the Data Protection Commission fined Vexa Labs "
                 "last year.")
    assert any(e.id.endswith("/irish-data-protection-commission") for e in ex.entities), ex.entities


@pytest.mark.parametrize(("text", "want", "not_want"), [
    pytest.param("The Data Agency fined Vexa Labs on Monday. Vexa Labs spokesperson John Hartley said: \"We will "
                 "appeal.\"", ("Vexa Labs", "opposes", "Data Agency"), ("John Hartley", "opposes", "Data Agency"),
                 id="we-will-appeal"),
    pytest.param("Pinmark Systems spokeswoman Maria Keller said: \"We are working closely with the Trade Agency.\"",
                 ("Pinmark Systems", "cooperatesWith", "Trade Agency"),
                 ("Maria Keller", "cooperatesWith", "Trade Agency"), id="we-are-working-with"),
])
def test_we_in_a_spokespersons_quotation_is_the_body_they_speak_for(text: str, want: tuple, not_want: tuple) -> None:
    got = triples(extract(text))
    assert want in got and not_want not in got, got


@pytest.mark.parametrize(("text", "suer"), [
    ("The Justice Department sued Vexa Labs last year. At trial the government argued that Vexa Labs had hidden "
     "its contracts, and the judge ruled in the government's favour.", "US Department of Justice"),
    ("The Federal Trade Commission and ten states filed a lawsuit against Pinmark Systems in March. Lawyers for "
     "the government told the court that Pinmark Systems had broken the law.", "Federal Trade Commission"),
])
def test_the_government_as_a_party_to_a_case_is_the_body_that_brought_it(text: str, suer: str) -> None:
    assert "the government" in labels(extract(text))[suer]


def test_the_government_outside_the_case_stays_the_government() -> None:
    ex = extract("The Justice Department sued Vexa Labs last year. The government said on Monday it would also "
                 "tighten export rules.")
    assert "the government" in labels(ex)["US Government"]
    assert "the government" not in labels(ex)["US Department of Justice"]


def test_an_acronym_a_name_defines_is_that_names_not_a_registry_bodys_of_the_same_letters() -> None:
    ex = extract("Taiwan's Fair Trade Commission (FTC) fined Pinmark Systems, a US chipmaker, on Monday. The FTC "
                 "said Pinmark Systems had abused its market power.")
    assert "Federal Trade Commission" not in labels(ex)
    # but the registry's body, its name written with a word in another number, keeps its acronym
    one = extract("The Competition and Market Authority (CMA) fined Vexa Labs on Monday. The CMA said Vexa Labs "
                  "had misled buyers.")
    assert ("Competition and Markets Authority", "fines", "Vexa Labs") in triples(one)


def test_a_body_described_by_its_countrys_adjective_says_which_country_the_story_is_about() -> None:
    # a nationality of two words, after the name of a body any country may have
    ex = extract("The Competition Commission fined Vexa Labs 2 million rand on Tuesday, the South African "
                 "regulator said. Vexa Labs, a US firm, will appeal.")
    assert ("Competition Commission of South Africa", "fines", "Vexa Labs") in triples(ex), triples(ex)
    # a government described by its country's adjective in the headline outweighs a country named in an aside
    two = extract("The Philippine government ordered Zeta Chat to close.\n\nUnlike the UK, where Ofcom regulates "
                  "such apps, the Philippines has no media regulator. The government said the app broke the law.")
    assert "the government" in labels(two)["Philippine Government"]
    assert "UK Government" not in labels(two) or "the government" not in labels(two)["UK Government"]


@pytest.mark.parametrize(("text", "country"), [
    ("RIO DE JANEIRO (Reuters) - Vexa Labs sued Brazil's top judge in a U.S. court on Sunday. On Friday, the "
     "judge ordered the suspension of Vexa Labs in the South American country.", "Brazilian Government"),
    ("Albania banned Zeta Chat for a year after a fight between teenagers. Officials in the United States and "
     "France have raised similar worries, but the Balkan country was the first to act.", "Albanian Government"),
])
def test_a_region_word_for_a_country_is_the_storys_country_not_the_last_named(text: str, country: str) -> None:
    ex = extract(text)
    described = [e.label for e in ex.entities if any("country" in a for a in e.aliases)]
    assert described == [country], described


def test_a_leaders_surname_in_a_hyphenated_administration_names_their_government() -> None:
    ex = extract("China's foreign ministry criticised the new chip rules on Monday. The rules are the work of the "
                 "Biden-Harris administration, Gina Raimondo said.")
    assert "the administration" in labels(ex)["US Government"]
    assert not any("administration" in a for a in labels(ex)["Chinese Government"])


@pytest.mark.parametrize("text", [
    "Vexa Labs was fined on Monday. Vexa said it would appeal.",
    # the short name the recogniser takes for a person's
    "Pinmark Systems was fined by Ofcom on Monday. Pinmark said it would appeal against Ofcom.",
])
def test_a_companys_name_without_its_closing_word_is_the_same_company(text: str) -> None:
    ex = extract(text)
    companies = [e for e in ex.entities if e.type != "Regulator" and e.type != "GovernmentBody"]
    assert len(companies) == 1 and companies[0].type == "Company", [(e.label, e.type) for e in ex.entities]


def test_a_short_name_that_is_a_persons_surname_stays_the_persons() -> None:
    ex = extract("Pinmark Systems was fined on Monday. Anna Pinmark, its founder, said it would appeal. Pinmark "
                 "said more later.")
    assert "Pinmark" in labels(ex)["Anna Pinmark"] and "Pinmark" not in labels(ex)["Pinmark Systems"]


def test_the_regulator_is_the_storys_own_not_one_named_in_passing_since() -> None:
    ex = extract("NAIROBI (Reuters) - Kenya's Communications Authority ordered Zeta Chat to register within 30 "
                 "days. The move follows a similar order by Britain's Ofcom last month. The regulator said Zeta Chat "
                 "had ignored earlier warnings.")
    assert "the regulator" in labels(ex)["Communications Authority of Kenya"]
    # nor one named in a phrase that a pronoun heads ("those of Britain's Ofcom")
    one = extract("NAIROBI (Reuters) - Kenya's Communications Authority on Monday issued rules for Zeta Chat. The "
                  "rules follow those of Britain's Ofcom. The regulator said it would enforce them in June.")
    assert "the regulator" in labels(one)["Communications Authority of Kenya"]
    # a body another country's that the sentence before took someone to is no passing detail
    two = extract("Turkey blocked Zeta Chat in 2021. Last year Vexa Labs brought a case against Turkey before the "
                  "European Court of Human Rights. The court called the block unlawful.")
    assert "the court" in labels(two)["European Court of Human Rights"]


@pytest.mark.parametrize(("text", "state"), [
    # a state's name written without the accents of its ISO name ("Karnātaka")
    ("The Karnataka government banned Zeta Chat on Monday. The state government said the app had spread false "
     "rumours. The federal government in New Delhi has not commented.", "Government of Karnataka"),
    ("The Quebec government ordered Vexa Labs to stop collecting data. The provincial government said the firm "
     "broke privacy law. Ottawa said nothing.", "Government of Quebec"),
    # a state named with the word "State" ("Lagos State")
    ("LAGOS (Reuters) - The Lagos State government banned Pinmark Systems' motorcycle taxis on Monday. The state "
     "government said the bikes caused accidents. The federal government in Abuja has not commented.",
     "Lagos State"),
])
def test_the_state_government_is_the_federal_states_not_the_nations(text: str, state: str) -> None:
    ex = extract(text)
    assert "the state government" in labels(ex)[state] or "the provincial government" in labels(ex)[state]
    national = next(e for e in ex.entities if e.label in {"Indian Government", "Canadian Government", "Nigeria"})
    assert not any("state" in a or "provincial" in a for a in national.aliases)


def test_the_federal_government_where_it_sits_is_the_nations() -> None:
    ex = extract("The Karnataka government banned Zeta Chat on Monday. The federal government in New Delhi said it "
                 "had not been consulted.")
    assert "the federal government" in labels(ex)["Indian Government"]


def test_the_government_is_no_federal_state_named_inside_a_courts_name() -> None:
    ex = extract("The Karnataka high court dismissed the petition Zeta Chat filed against the blocking orders that "
                 "the Union government had sent it.")
    assert "the Union government" in labels(ex)["Indian Government"], labels(ex)


def test_a_court_named_by_kind_and_country_is_the_one_such_court_the_story_names_in_full() -> None:
    ex = extract("U.S. District Court Judge Ana Ruiz in Wilmington ordered Vexa Labs to pay damages. In its "
                 "ruling, the U.S. District Court for the District of Delaware found that Vexa Labs had misled "
                 "buyers.")
    courts = [e for e in ex.entities if e.type == "Court"]
    assert len(courts) == 1 and "U.S. District Court" in courts[0].aliases, [(e.label, e.aliases) for e in courts]


def test_a_courts_name_after_a_federal_states_keeps_its_written_form() -> None:
    ex = extract("Zeta Chat petitioned the Karnataka High Court against the blocking orders.")
    court = next(e for e in ex.entities if e.type == "Court")
    assert "Karnataka High Court" in {court.label, *court.aliases}
    # and where the recogniser reads the state's name apart from the court's, the court is that state's
    two = extract("X petitioned the Karnataka High Court against the Indian government's blocking orders.")
    court = next(e for e in two.entities if e.type == "Court")
    assert court.label == "High Court of Karnataka" and "Karnataka High Court" in court.aliases


@pytest.mark.parametrize(("text", "name"), [
    ("The Malaysian Communications and Multimedia Commission said on Monday it had blocked Zeta Chat.",
     "Malaysian Communications and Multimedia Commission"),
    ("Indonesia's Ministry of Communication and Digital Affairs ordered Zeta Chat to register.",
     "Ministry of Communication and Digital Affairs"),
    ("The Competition and Consumer Protection Commission fined Vexa Labs.",
     "Competition and Consumer Protection Commission"),
])
def test_a_bodys_name_cut_at_its_and_is_made_whole(text: str, name: str) -> None:
    assert any(name in {e.label, *e.aliases} for e in extract(text).entities), labels(extract(text))


def test_a_firm_and_a_body_side_by_side_stay_two() -> None:
    got = labels(extract("Vexa Labs and Data Agency officials met on Monday."))
    assert "Vexa Labs" in got and not any("Vexa Labs and" in n for n in got)


def test_a_body_any_country_may_have_stays_its_own_where_its_seat_is_named() -> None:
    ex = extract("The FTC in Washington fined Vexa Labs last year, Kenya's Communications Authority said on Monday.")
    assert ("Federal Trade Commission", "fines", "Vexa Labs") in triples(ex), triples(ex)


def test_a_country_named_only_as_a_firms_origin_gives_no_government_to_the_story() -> None:
    ex = extract("Zeta Chat, which is owned by a U.S. company, said on Monday it would appeal a ban imposed by the "
                 "government.")
    assert not any("the government" in e.aliases for e in ex.entities), labels(ex)
    # the state's own acts name it: "U.S. sanctions"
    two = extract("U.S. sanctions on Zeta Chat took effect on Monday. The government said the app had spied on users.")
    assert "the government" in labels(two)["US Government"]


def test_a_body_any_country_may_have_is_no_country_whose_firms_the_story_names() -> None:
    ex = extract("The Competition Commission said on Monday that huge US tech firms must pay local publishers.")
    assert not any("united-states" in e.id for e in ex.entities if e.type == "Regulator"), [e.id for e in ex.entities]


@pytest.mark.parametrize(("text", "own"), [
    ("BRASILIA (Reuters) - Anatel said on Monday it would order internet providers to block Zeta Chat. Portugal's "
     "telecoms regulator Anacom took a similar step last year. The regulator said the block would begin on Friday.",
     "Anatel"),
    ("PRETORIA - South Africa's Competition Commission said on Monday it was looking into Vexa Labs' adverts. The "
     "U.S. Federal Trade Commission studied the same practices in 2023. The watchdog said it would report in May.",
     "Competition Commission of South Africa"),
])
def test_a_description_is_the_storys_body_not_one_said_to_have_done_the_like_elsewhere(text: str, own: str) -> None:
    ex = extract(text)
    assert {"the regulator", "the watchdog"} & labels(ex)[own], labels(ex)


def test_the_countrys_top_court_is_the_storys_countrys_not_the_firms() -> None:
    ex = extract("NAIROBI (Reuters) - Vexa Labs, a U.S. company, won a case at the country's top court on Friday. The "
                 "judges said the government had not followed the law when it banned the app.")
    courts = [e for e in ex.entities if e.type == "Court"]
    assert [c.id.rsplit("/", 1)[-1] for c in courts] == ["top-court-of-kenya"], [c.id for c in courts]
    assert "the country" in labels(ex)["Kenya"] or "the country" in labels(ex).get("Kenyan Government", set())
