"""Recognise stage: find the actors an article names.

spaCy's NER finds people, organisations, places and laws; a spaCy entity
ruler placed after it applies the ontology's registry of known actors
(``ontology/actors.ttl``), so known names get their registry type and IRI.
Unknown organisations are typed from cue words in their names ("... Court",
"... Act") and, failing that, from the NER label. Definite descriptions
("the regulator") and pronouns are left for :mod:`kg.extraction.resolve`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from kg.extraction import memo
from kg.extraction.model import load_model, model_name
from kg.vocabulary.ontology import Ontology, RoleTitle, load_ontology

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

_NER_KEPT = {"PERSON", "ORG", "GPE", "LAW", "NORP"}


@dataclass
class Mention:
    """One place where the text names an actor."""

    start: int            # first token (doc index)
    end: int              # one past the last token
    text: str             # cleaned surface form ("Mr Musk" -> "Musk")
    type: str | None      # ontology class, None while unknown
    iri: str | None       # registry IRI when the registry knows the name
    kind: str             # "registry", "ner", "description", "pronoun"
    honorific: str | None = None
    entity: int | None = None  # index into the resolved entity list
    typed_by: str = "ner"      # what the type rests on: registry, cue (the name's words), title, list, ner


@functools.lru_cache(maxsize=2)
def pipeline(model: str | None = None) -> Language:
    """Return the spaCy pipeline with the actor registry's matcher added after the NER, cached.

    The model's attribute ruler finds its matches by index (:mod:`~kg.extraction.fastrules`): the same annotations,
    faster.
    """
    from kg.extraction.fastrules import speed_up_attribute_ruler

    name = model_name(model)
    nlp = load_model(name)
    speed_up_attribute_ruler(nlp)  # the same matches, found by index: an eighth of the parse saved
    _register_actor_matcher()
    # After the NER, not before it: spaCy's NER runs markedly slower on a doc with preset entities, and
    # the matcher's names win over the NER's overlapping guesses anyway (see ActorMatcher.__call__).
    nlp.add_pipe("kg_actor_matcher", name="kg_actor_ruler", after="ner")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_stops", before="parser")
    nlp.add_pipe("kg_sums", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_nominal_heads", last=True)
    _learn_common_words(nlp)
    ont = load_ontology()
    # The tokenizer reads a lone capital before a full stop as an initial
    # ("J."); for a one-letter name such as X, split the stop off.
    for actor in ont.actors.values():
        for alias in actor.names:
            if len(alias) == 1 and alias.isupper():
                special = [{"ORTH": alias}, {"ORTH": "."}]
                nlp.tokenizer.add_special_case(f"{alias}.", special)  # type: ignore[union-attr]
    return nlp


#: The model's dictionary words (its lemmatizer's index: nouns, verbs, adjectives, adverbs), lower case: a
#: capitalised word that opens a sentence and is one of these ("Prosecutors said") is no unlabelled name.
_COMMON_WORDS: set[str] = set()


def _learn_common_words(nlp: Language) -> None:
    if _COMMON_WORDS:
        return
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return  # a model without the table: no name is refused for being a word
    for words in index.values():
        _COMMON_WORDS.update(words)


def sentence_cased_headline(text: str, ont: Ontology) -> str:
    """Return ``text`` with its first line, when that line is a headline in title case ("Ofcom Fines TikTok Over
    Child Safety Failures"), in sentence case: the dictionary words after the first lower-cased, names (the
    registry's, and any word no dictionary holds) and acronyms kept. The text keeps its length, so offsets hold."""
    from spacy.lang.en.stop_words import STOP_WORDS

    end = text.find("\n")
    line = text if end < 0 else text[:end]
    words = re.findall(r"[A-Za-z][A-Za-z'’.-]*", line)
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3 or not all(w[0].isupper() for w in long_words):
        return text
    found = list(re.finditer(r"[A-Za-z][A-Za-z'’.-]*", line))
    named: set[int] = set()   # words of a registry name, however many ("Federal Trade Commission")
    for i in range(len(found)):
        for j in range(min(len(found), i + 6), i, -1):
            if ont.actor_named(" ".join(f.group().rstrip(".") for f in found[i:j])) is not None:
                named.update(range(i, j))
                break
    cues = {w for c in ont.classes.values() for cue in c.name_cues for w in cue.split()}
    out = []
    for n, m in enumerate(found):
        word = m.group().rstrip(".")
        lower = word.lower()
        keep = n == 0 or n in named or word.isupper() or not word[0].isupper() or word in cues or \
            not (common_word(word) or _inflected_common(lower) or lower in STOP_WORDS) or \
            country_of_demonym(word) is not None or \
            ont.government_named(word) is not None or is_state_name(word)
        out.append((m.start(), word if keep else word.lower()))
    chars = list(line)
    for start, word in out:
        chars[start:start + len(word)] = word
    return "".join(chars) + text[len(line):]


def _inflected_common(lower: str) -> bool:
    """Return True for a dictionary word with a regular ending ("fined", "probes", "blocking", "bans")."""
    stems = [lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e", lower[:-3] + "y" if lower.endswith("ies") else ""]
    return any(s and common_word(s) for s in stems if lower.endswith(("ed", "es", "s", "ing", "ies")))


def with_text(doc: Doc, text: str) -> Doc:
    """Return a copy of the parse ``doc`` whose words are spelt as in ``text`` (the same words, in other case)."""
    from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc as SpacyDoc

    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    copy = SpacyDoc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    copy.from_array(attrs, cast("Ints2d", doc.to_array(attrs)))
    return copy


def common_word(word: str) -> bool:
    lower = word.lower()
    return lower in _COMMON_WORDS or lower.endswith("s") and lower[:-1] in _COMMON_WORDS


#: Ways news spells the country a registry name starts with (lower case).
#: (Written in capitals: the tokenizer keeps "U.S." whole but splits "u.s.", and the matcher compares lower case.)
_COUNTRY_SPELLINGS = {"us": ("U.S.", "United States"), "u.s.": ("US", "United States"),
                      "uk": ("U.K.", "United Kingdom"), "u.k.": ("UK", "United Kingdom")}


class ActorMatcher:
    """The registry's names as entities, laid over the NER's: one phrase matcher over lower case, where a one-word
    name must match its casing ("Apple", not "apple") and a longer one need not ("House Of Lords"). Each entity
    carries its actor's class as label and its IRI as ``ent_id_``; an NER entity that overlaps a registry name
    is dropped, the registry knowing better."""

    def __init__(self, nlp: Language, ont: Ontology) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names: dict[int, list[tuple[str, str, str]]] = {}   # match id -> (alias, class, IRI)
        by_lower: dict[str, list[tuple[str, str, str]]] = {}
        for actor in ont.actors.values():
            for alias in actor.names:
                by_lower.setdefault(alias.lower(), []).append((alias, actor.type, actor.iri))
        # "US Court of Appeals ..." is also written "U.S. Court ..." and "United States Court ...".
        for lower, entries in list(by_lower.items()):
            head, _, rest = lower.partition(" ")
            for variant in _COUNTRY_SPELLINGS.get(head, ()) if rest else ():
                alias, cls, iri = entries[0]
                by_lower.setdefault(f"{variant.lower()} {rest}", [(f"{variant} {alias.split(' ', 1)[1]}", cls, iri)])
        self.bodies = _body_words(ont)
        self.law_words = frozenset(ont.classes["Legislation"].name_cues)
        self.wings = ont.words("partyWingWord")
        for lower, entries in by_lower.items():
            key = f"kg-actor:{lower}"
            self.matcher.add(key, [nlp.make_doc(entries[0][0])])
            self.names[nlp.vocab.strings[key]] = entries

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            text = doc[start:end].text
            for alias, cls, iri in self.names[match_id]:
                if end - start > 1 or text == alias:
                    spans.append(Span(doc, start, end, label=cls, span_id=iri))
                    break
        registry = filter_spans(spans)
        ents = doc.ents  # built once: each read of doc.ents makes every entity anew
        # The NER's entity over each token (entities never overlap), so a name is looked up, not searched for.
        ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        # A country after "of" inside an organisation's name belongs to that name ("Reserve Bank of Australia").
        inside = {span.start for span in registry
                  if span.label_ == "Country" and (ent := ent_at.get(span.start)) is not None
                  and ent.label_ == "ORG" and ent.start < span.start - 1
                  and span.end <= ent.end and doc[span.start - 1].lower_ in {"of", "for"}
                  and any(doc[i].lower_ not in {"of", "for", "the"} for i in range(ent.start, span.start - 1))}
        # A country ending a name the NER read whole is the name's ("Telefonica Deutschland", "Vodafone Germany"),
        # unless the words before it are a registry name of their own ("Google Korea": read as one name later).
        inside |= {span.start for span in registry
                   if span.label_ == "Country" and (ent := ent_at.get(span.start)) is not None
                   and ent.label_ in {"ORG", "PERSON"} and ent.start < span.start and span.end == ent.end
                   and doc[span.start - 1].is_title and doc[span.start - 1].lower_ not in {"of", "for"}
                   and not any(other.end == span.start for other in registry)}
        # A country inside a law's name the NER read whole is part of that name: "the Investment Canada Act", "the
        # Digital India Act".
        inside |= {span.start for span in registry
                   if span.label_ == "Country" and (ent := ent_at.get(span.start)) is not None
                   and ent.label_ in {"ORG", "LAW"} and ent.start < span.start and span.end < ent.end
                   and doc[ent.end - 1].text in self.law_words}
        # A company's name inside a body the NER read whole, which ends in a body's word, is that body's name: "the
        # National Samsung Electronics Union" is a union, not the company.
        inside |= {span.start for span in registry
                   if span.label_ not in {"Country", "Person"} and (ent := ent_at.get(span.start)) is not None
                   and ent.label_ == "ORG" and ent.end > span.end and doc[ent.end - 1].text in self.bodies
                   and all(ent_at.get(i) is ent for i in range(span.start, span.end))}
        # A one-word registry name ending a longer name the NER read whole, after two capitalised words that are no
        # place, is that name's last word: "the African National Congress" is a party, not the US Congress.
        inside |= {span.start for span in registry
                   if span.end - span.start == 1 and span.label_ not in {"Country", "Person"}
                   and (ent := ent_at.get(span.start)) is not None and ent.label_ == "ORG" and span.end == ent.end
                   and span.start - ent.start >= 2
                   and all(doc[i].is_title and not _taken_by(registry, i) for i in range(span.start - 2, span.start))
                   and country_of_demonym(doc[span.start - 1].text) is None}
        registry = [span for span in registry if span.start not in inside]
        # A party's one-word name after a capitalised word of its own is another country's party: "the Free
        # Democrats", "Sweden Democrats" are no US Democrats (but "House Democrats", "Senate Republicans" are).
        renamed = [Span(doc, span.start - 1, span.end, label="ORG") for span in registry
                   if span.label_ == "PoliticalParty" and span.end - span.start == 1 and span.start > 0
                   and doc[span.start - 1].is_title and doc[span.start - 1].is_alpha
                   and not doc[span.start - 1].is_sent_start
                   and doc[span.start - 1].lower_ not in self.wings
                   and country_of_demonym(doc[span.start - 1].text) is None
                   and not _taken_by(registry, span.start - 1)]
        if renamed:
            registry = [span for span in registry if not any(r.end == span.end for r in renamed)]
        taken = {i for span in registry for i in range(span.start, span.end)}
        kept = []
        for ent in ents:
            if not any(i in taken for i in range(ent.start, ent.end)):
                kept.append(ent)
                continue
            # What the NER named around a registry name stays a name of its own when it is one
            # ("U.S. District Court" -> "U.S." + "District Court"), as if the NER had read around it.
            start = ent.start
            for i in range(ent.start, ent.end + 1):
                if i == ent.end or i in taken:
                    end = i
                    while end > start and not (doc[end - 1].is_title or doc[end - 1].is_upper):
                        end -= 1  # "Enforcement Division of the" + "SEC": the linking words go with the name
                    while start < end and doc[start].is_lower and doc[start].is_alpha:
                        start += 1  # "Meta" + "spokesperson Andy Stone": a title in lower case opens no name
                    if end - start >= 2 and doc[start].is_title:
                        kept.append(Span(doc, start, end, label=ent.label))
                    start = i + 1
        kept = [ent for ent in kept
                if not any(r.start <= i < r.end for r in renamed for i in range(ent.start, ent.end))]
        doc.ents = sorted(registry + kept + renamed, key=lambda span: span.start)
        return doc


def _taken_by(spans: list[Span], i: int) -> bool:
    return any(span.start <= i < span.end for span in spans)


_REGISTERED: list[bool] = []


def _register_actor_matcher() -> None:
    """Register the ``kg_actor_matcher`` factory with spaCy, once per process."""
    if _REGISTERED:
        return
    from spacy.language import Language

    @Language.factory("kg_actor_matcher")
    def make_actor_matcher(nlp: Language, name: str) -> ActorMatcher:  # noqa: ARG001 - spaCy's factory signature
        return ActorMatcher(nlp, load_ontology())

    Language.component("kg_sentence_stops")(sentence_stops)
    Language.component("kg_sums")(whole_sums)
    Language.component("kg_nominal_heads")(nominal_heads)
    _REGISTERED.append(True)


_SUM_SUFFIXES = frozenset({"m", "bn", "mn", "b", "k", "tn"})
#: The words that multiply a sum, written out or as a suffix ("2.6 billion", "5bn").
_SUM_WORDS = frozenset({"million", "billion", "trillion", *_SUM_SUFFIXES})


def whole_sums(doc: Doc) -> Doc:
    """Keep a sum's number and its multiplier one word, as the tokenizer keeps "5bn": it splits "€15m" into
    "15" and "m", and the parser then reads "a €15m fine" as a noun "m" with "fine" an adverb."""
    spans = [doc[t.i:t.i + 2] for t in doc[:-1] if t.like_num and not t.whitespace_
             and doc[t.i + 1].lower_ in _SUM_SUFFIXES]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def nominal_heads(doc: Doc) -> Doc:
    """Tag as a noun an adjective the parser made the head of a noun phrase with a determiner: in "hit with a $5
    million fine" the tagger reads "fine" after the sum as an adjective, though it is the object of "with"."""
    for tok in doc:
        if tok.pos_ == "ADJ" and tok.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"} and any(
                c.dep_ == "det" for c in tok.children):
            tok.pos_, tok.tag_ = "NOUN", "NN"
    return doc


def sentence_stops(doc: Doc) -> Doc:
    """Mark a sentence start after a full stop that stands alone before a capital ("Brussels fined X. MEP Ada Vos
    said ..."): the parser, which respects marks set before it, otherwise reads a one-letter name and its stop
    as an initial and runs two sentences into one. Mark one after every paragraph break too."""
    for tok in doc[2:]:
        stop = doc[tok.i - 1]
        if stop.text == "." and stop.whitespace_ and tok.text[:1].isupper() and not doc[tok.i - 2].is_space:
            tok.is_sent_start = True
    after_break = False
    for tok in doc:
        # A paragraph ends its sentence, full stop or none: a headline, a caption, a quotation closed after its
        # stop ('... as one."' then '"Should the U.S. ...') run into the next paragraph otherwise.
        if after_break and not tok.is_space:
            tok.is_sent_start = True
            if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = False  # (a boundary set alone makes the parser start another after it)
        text = tok.text
        after_break = "\n" in text or "\n" in tok.whitespace_ or after_break and text.isspace()
    return doc


def clean_span(span: Span, honorifics: frozenset[str], leading: frozenset[str] = frozenset(), *,
               common: bool = True) -> tuple[int, int, str | None]:
    """Return the span's bounds without leading articles, honorifics and a trailing "'s"; with ``common``, also
    without the common words the NER ran into a name (a registry name is whole as matched: "federal court in
    Seattle")."""
    start, end = span.start, span.end
    doc = span.doc
    honorific = None
    # (never a title written into a name: "King's College London", "King-Pai Technology")
    while start < end - 1 and (doc[start].lower_ in leading | honorifics and bool(doc[start].whitespace_)
                               or common and doc[start].is_lower
                                and doc[start].is_alpha and doc[start].pos_ in {"NOUN", "ADJ"}
                                and not doc[end - 1].is_lower):
        if doc[start].lower_ in honorifics:
            honorific = doc[start].lower_.rstrip(".")
        start += 1  # "the", "Mr", and common words the NER ran into a name ("the online forum 4chan")
    opened = next((i for i in range(start + 1, end) if doc[i].text == "("), None)
    if opened is not None and not any(doc[i].text == ")" for i in range(opened, end)):
        end = opened  # "the Democratic Alliance (DA": the NER ran into the acronym's unclosed bracket
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].pos_ in {"DET", "ADP", "CCONJ"}):
        end -= 1  # "the Enforcement Division of the": the NER's span ran into the next name
    if start > 0 and doc[start - 1].lower_ in honorifics:
        honorific = doc[start - 1].lower_.rstrip(".")
    return start, end, honorific


_QUOTES = frozenset('"“”‘’\'')


def _without_nickname(doc: Doc, start: int, end: int) -> str:
    """Return a person's name without the nickname quoted inside it ('Changpeng "CZ" Zhao' -> "Changpeng Zhao")."""
    quoted = [i for i in range(start, end) if doc[i].text in _QUOTES]
    if len(quoted) != 2 or quoted[0] == start or quoted[1] == end - 1:
        return span_text(doc, start, end)
    words = [doc[i].text for i in range(start, end) if not quoted[0] <= i <= quoted[1]]
    return re.sub(r"[’']s?$", "", " ".join(words)).strip()


_POSSESSIVE_END = re.compile(r"[’']s?$")


def span_text(doc: Doc, start: int, end: int) -> str:
    """Return the text of tokens ``start:end`` with possessive endings dropped."""
    if 0 <= start < end <= len(doc):
        # (the span's text is the document's from its first word to the end of its last: cut from the text made
        # once, not joined anew from new Token objects)
        offsets, texts = memo.column(doc, "idx"), memo.column(doc, "text")
        text = memo.text(doc)[offsets[start]:offsets[end - 1] + len(texts[end - 1])]
    else:
        text = doc[start:end].text
    return _POSSESSIVE_END.sub("", text).strip()


def recognise(doc: Doc, ont: Ontology | None = None) -> list[Mention]:
    """Return the named actors in ``doc``, in text order."""
    memo.forget(doc)  # an analysis reads the parse as it is now (see kg.extraction.memo)
    ont = ont or load_ontology()
    mentions: list[Mention] = []
    places: list[tuple[int, int, str]] = []   # names the NER read as places that are neither states nor seats
    particles, currencies = ont.words("nameParticle"), ont.words("currencyNoun")
    cues = ont.company_suffixes
    law_cues = frozenset(w for w in ont.classes["Legislation"].name_cues if " " not in w)
    for ent in (_before_a_sum(law, currencies) for e in _joined_at_and(doc, particles)
                for piece in _split_at_verbs(e, particles) for part in _split_at_company_and(piece, cues)
                for law in _split_law_list(part, law_cues)):
        if ent is None:
            continue
        if ent.label_ in ont.classes:
            start, end, honorific = clean_span(ent, ont.honorifics, ont.words("determiner"), common=False)
            actor = ont.actors.get(ent.ent_id_)
            mentions.append(Mention(start, end, span_text(doc, start, end), ent.label_,
                                    actor.iri if actor else None, "registry", honorific, typed_by="registry"))
            continue
        if ent.label_ not in _NER_KEPT:
            if ent.label_ in {"FAC", "PRODUCT", "WORK_OF_ART", "LOC"} and _titled_in_apposition(ent, ont):
                # "the governor of the central bank, Olayemi Cardoso," read as a facility: the title names a person
                start, end, honorific = clean_span(ent, ont.honorifics, ont.words("determiner"))
                mentions.append(Mention(start, end, span_text(doc, start, end), "Person", None, "ner", honorific,
                                        typed_by="title"))
            continue
        start, end, honorific = clean_span(ent, ont.honorifics, ont.words("determiner"))
        owner = next((i for i in range(start + 1, end - 1) if doc[i].tag_ == "POS"), None)
        if owner is not None and is_state_name(span_text(doc, start, owner)):
            # "Senegal's Constitutional Council" read whole: the country's institution, named after the possessive
            # (the country stays a place the resolver reads the institution by).
            mentions.append(Mention(start, owner, span_text(doc, start, owner), "Country", None, "ner"))
            start = owner + 1
        if ent.label_ == "ORG":
            # "Vexa Head of Compliance": a company's name, then a title with its portfolio
            end = next((i for i in range(start + 1, end - 1) if doc[i].is_title and doc[i - 1].pos_ == "PROPN"
                        and doc[i + 1].lower_ in {"of", "for"} and _is_single_title(ont, doc[i])), end)
        text = span_text(doc, start, end)
        if not text or not any(c.isupper() for c in text) or len(text) < 2:
            continue
        if _only_a_suffix(text, ont):
            continue  # "AI", "Group": a company suffix alone names nobody
        if " " not in text and ent.label_ in {"ORG", "PERSON"} and country_of_demonym(text) is not None:
            continue  # "The Philippine" of "The Philippine Securities ...": a nationality, the name's modifier
        if ent.label_ == "ORG" and _portfolio_of_a_named_minister(doc, end, ont):
            continue  # "Finance Minister Christian Lindner": the portfolio the NER took for an organisation
        if end - start == 1 and doc[start].is_sent_start and doc[start].dep_ in {"amod", "compound"} and \
                doc[start].head.i > start and doc[start].head.is_lower and common_word(text):
            continue  # "Digital rights groups urged ...": a sentence's capitalised first word, no name
        title = ont.role_for(f"{doc[start - 2].text} of {text}") if start >= 2 else None
        if end - start == 1 and doc[start - 1].lower_ == "of" and title is not None and len(title.title) == 3:
            continue  # the "State" of "Secretary of State" is part of a title
        if ent.label_ == "NORP":
            # A demonym alone ("Brazilian") names no actor; the resolver uses it
            # as a modifier. A named group ("the Brazilian Bar Association") is
            # an organisation if its name carries a cue.
            cue = ont.type_from_name(text)
            if cue is None or len(text.split()) < 2:
                continue
            mentions.append(Mention(start, end, text, cue, None, "ner", honorific, typed_by="cue"))
            continue
        if text.lower() in ont.description_index and len(text.split()) == 1:
            # "the Government", "the Commission": a description, not a name.
            mentions.append(Mention(start, end, text, None, None, "description"))
            continue
        typed_by = "ner"
        label = ent.label_
        if label in {"PERSON", "ORG"} and is_state_name(text) and not any(
                e.label_ == "PERSON" and e.text.endswith(" " + text) for e in doc.ents):
            label = "GPE"  # "Sri Lanka", "Chad", "Burkina Faso" the NER took for a person or an organisation
        if label == "PERSON":
            if _only_a_title(doc, start, end, ont):
                continue  # "Dutch MEP", "Senior Minister": a title the NER took for a name
            if any(t.tag_ == "POS" for t in memo.tokens(doc)[start + 1:end - 1]):
                continue  # "the G7 Leaders' Summit": a possessive inside names something of those it names
            start = _skip_titles(doc, start, end, ont)  # "Presiding Judges Ham Sanghoon" -> "Ham Sanghoon"
            text = _without_nickname(doc, start, end)  # 'Changpeng "CZ" Zhao' -> "Changpeng Zhao"
            typ: str | None = "Person"
            cue = ont.type_from_name(text)
            last_cue = ont.type_from_name(text.split()[-1]) if len(text.split()) > 1 else None
            if cue and cue != "Person" and len(text.split()) > 1 and (
                    not _is_personal_name(doc, start, end) or last_cue == cue):
                typ, typed_by = cue, "cue"  # "Zentrix Labs": an organisation's suffix outweighs a name-like shape
            elif _titles_a_name(doc, end, ont) is not None:
                typ, typed_by = _titles_a_name(doc, end, ont), "title"  # "Activision Blizzard CEO Bobby Kotick"
        elif label == "GPE":
            seat = ont.actor_by_seat.get(text)
            if seat is not None and not _names_a_state(doc, end):
                # "Washington warned", "Brussels fined": the city stands for the power seated there; a city
                # where something happens ("talks in Washington") names no actor.
                if _city_acts(doc[start:end], ont):
                    actor = ont.actors[seat]
                    mentions.append(Mention(start, end, text, actor.type, actor.iri, "registry", typed_by="registry"))
                continue
            # A state the registry lacks ("Nepal", "California") is a country; a city is no actor, unless a
            # description beside the name says what it is ("Binance, the largest crypto platform").
            if not is_state_name(text):
                described = _described_as(doc[start:end].root, ont)
                if described is None and _acts_as_actor(doc[start:end].root, ont):
                    described = "Organisation"  # "regulators fined Binance", "Binance said": no place does that
                if described is None:
                    places.append((start, end, text))
                    continue
                typ, typed_by = described, "description"
                mentions.append(Mention(start, end, text, typ, None, "ner", honorific, typed_by=typed_by))
                continue
            typ = "Country"
        else:
            if end - start > 1 and doc[end - 1].is_lower and _party_word(doc[end - 1], ont):
                # "the ruling Morena party", the NER running the name into the word that calls it a party.
                mentions.append(Mention(start, end - 1, span_text(doc, start, end - 1), "PoliticalParty", None, "ner",
                                        honorific, typed_by="description"))
                continue
            named_from = _skip_titles(doc, start, end, ont)
            rest = doc[named_from].lower_
            if named_from > start and _is_personal_name(doc, named_from, end) and (end - named_from >= 2 or not (
                    rest in ont.words("kindNoun") or rest in ont.description_index or ont.type_from_name(rest))):
                # "Presiding Judges Ana Lima", "AG Paxton" read as an organisation: a person behind titles (but no
                # one stands behind the "Premier" of "the Premier League").
                start, text, typ, typed_by = named_from, span_text(doc, named_from, end), "Person", "title"
                mentions.append(Mention(start, end, text, typ, None, "ner", honorific, typed_by=typed_by))
                continue
            cue = ont.type_from_name(text)
            if cue is None and start > 0 and (doc[start - 1].is_title or doc[start - 1].is_lower) and \
                    _is_single_title(ont, doc[start - 1]) and end - start in {2, 3} and \
                    _is_personal_name(doc, start, end):
                # "Chancellor Olaf Scholz", "central bank chief Naci Agbal" read as an organisation: a person's title
                # before a personal name.
                mentions.append(Mention(start, end, text, "Person", None, "ner", honorific, typed_by="title"))
                continue
            typ, typed_by = (cue, "cue") if cue else (ont.class_for_ner(ent.label_), "ner")
            if honorific is not None and cue is None and end - start <= 3 and _is_personal_name(doc, start, end):
                typ, typed_by = "Person", "title"  # "Mr Sall" read as an organisation: an honorific names a person
            elif cue is None and ent.label_ == "ORG" and _titled_in_apposition(ent, ont, people_only=True):
                typ, typed_by = "Person", "title"  # "François-Philippe Champagne, the industry minister,"
            if _party_after(doc, end, ont):
                typ, typed_by = "PoliticalParty", "description"  # "the African National Congress (ANC) party"
        mentions.append(Mention(start, end, text, typ, None, "ner", honorific, typed_by=typed_by))
    mentions += _misread_places(places, mentions)
    mentions += _surnames_missed(doc, mentions, ont)
    mentions += _honorific_names(doc, mentions, ont.honorifics, ont)
    mentions = _law_names(doc, mentions, ont)
    mentions = _law_names_whole(doc, mentions, ont)
    mentions = _bracketed_law_names(doc, mentions, ont)
    mentions = _courts_by_place(doc, mentions, ont)
    mentions = _states_inside_countries(doc, mentions, ont)
    mentions += _state_names_missed(doc, mentions, ont)
    mentions += _institutions_missed(doc, mentions, ont)
    mentions += _products_by_their_kind(doc, mentions, ont)
    _products_of_their_makers(doc, mentions, ont)
    mentions += _bare_names(doc, mentions, ont)
    mentions.sort(key=lambda m: m.start)
    mentions += _list_members(doc, mentions, ont)
    mentions = _names_joined_by_and(doc, mentions, ont)
    mentions = _acronyms_over_registry(doc, mentions, ont)
    mentions += _defined_acronyms(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    mentions = _names_run_on(doc, mentions, ont)
    _take_company_suffixes(doc, mentions, ont)
    _take_office_titles(doc, mentions, ont)
    _take_title_openings(doc, mentions, ont)
    mentions = _names_after_portfolios(doc, mentions, ont)
    mentions = _titles_before_names(doc, mentions, ont)
    mentions = _first_names_left_out(doc, mentions, ont)
    mentions = _names_around_nicknames(doc, mentions)
    # "Scott Wiener, D-San Francisco": a party's letter and a district, no actor of its own.
    mentions = [m for m in mentions if not (_AFFILIATION_TAG.match(m.text) and ont.parties(code=m.text[0]))]
    # "Big Tech", "Silicon Valley": a name for a whole industry is no actor of its own (pk:sectorName).
    sectors = ont.words("sectorName")
    mentions = [m for m in mentions if not (m.kind == "ner" and m.text.lower() in sectors)]
    # "Twitter's Chief Compliance Officer": a title found as a name, whatever pass found it, names no one; nor does
    # a title with its portfolio read as a body ("the Minister of Information and Culture, Lai Mohammed").
    mentions = [_holder_after_title(doc, m, ont) for m in mentions]
    mentions = [m for m in mentions if not (m.kind == "ner" and (
        m.type in {"Person", None} and _only_a_title(doc, m.start, m.end, ont) or _a_portfolio_title(doc, m, ont)))]
    mentions = _subsidiaries(doc, _longer_institution_names(doc, mentions, ont), ont)
    mentions = sorted(mentions + _names_used_again(doc, mentions), key=lambda m: m.start)
    mentions = _names_to_their_acronym(doc, _hyphenated_names(doc, mentions, ont))
    mentions = _country_before_institution(doc, mentions, ont)
    _another_countrys_chamber(doc, mentions, ont)
    return _institution_of_country(doc, mentions, ont)


def _body_words(ont: Ontology) -> frozenset[str]:
    """Return the words that end a body's name: an institution's head ("Court", "Bank") or a kind of organisation
    ("Union", "Society")."""
    return frozenset(_INSTITUTION_HEADS | {w.title() for w in ont.words("kindNoun") if " " not in w})


def _names_joined_by_and(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with a body's name the NER cut at its "and" made whole: "the [Malaysian Communications]
    and [Multimedia Commission]", "the [Ministry of Communication] and [Digital Affairs]", "the Competition and
    [Consumer Protection Commission]". One side names no body of its own: the first ends in no institution's head,
    or the second is a portfolio after a head's "of" with no head of its own."""
    heads = _body_words(ont)
    by_start = {m.start: m for m in mentions}
    taken = _covered(mentions)
    dropped: list[Mention] = []

    def joinable(m: Mention) -> bool:
        return m.kind == "ner" and m.type not in {"Person", "Country", "Legislation"}

    for m in sorted(mentions, key=lambda m: m.start):
        if not joinable(m) or m in dropped or m.end + 1 >= len(doc) or doc[m.end].lower_ != "and":
            continue
        after = by_start.get(m.end + 1)
        words = [t.text for t in doc[m.start:m.end]]
        if after is None or not joinable(after):
            continue
        later = [t.text for t in doc[after.start:after.end]]
        # ("Malaysian Communications" + "Multimedia Commission"; not a firm's name and a body's: "Vexa and Data Agency")
        first_headless = not heads & set(words) and later[-1] in heads and m.type not in {"Company", "Platform"} \
            and not set(words) & ont.company_suffixes
        # ("Ministry of Communication" + "Digital Affairs": a portfolio's common words, no name of its own)
        portfolio = words[0] in heads and "of" in words and all(w.lower() in ont.generic_name_words for w in later)
        if first_headless or portfolio:
            m.end, m.text = after.end, span_text(doc, m.start, after.end)
            m.type = after.type if first_headless else m.type
            dropped.append(after)
    out = [m for m in mentions if not any(m is d for d in dropped)]
    for m in out:
        # "the Competition and [Consumer Protection Commission]": title-case words and "and" before a body's name
        start = m.start
        if not joinable(m) or doc[m.end - 1].text not in heads or start < 2 or doc[start - 1].lower_ != "and":
            continue
        k = start - 1
        while k > 0 and doc[k - 1].is_title and doc[k - 1].pos_ in {"PROPN", "NOUN", "ADJ"} and k - 1 not in taken:
            k -= 1
        if k < start - 1:
            m.start, m.text = k, span_text(doc, k, m.end)
    return out


def _institution_of_country(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with a body the NER cut before "of" and its country made whole: "The Law Society" +
    "of" + "Kenya" is the Law Society of Kenya (the body's last word an institution's or a kind's: "Society",
    "Council", "Bank"); the country is no party of its own there."""
    heads = _body_words(ont)
    by_start = {m.start: m for m in mentions if m.type == "Country"}
    joined: list[Mention] = []
    for m in mentions:
        country = by_start.get(m.end + 1)
        if country is None or m.kind != "ner" or m.type not in ont.organisational_classes or \
                doc[m.end].lower_ != "of" or doc[m.end - 1].text not in heads:
            continue
        m.end, m.text = country.end, span_text(doc, m.start, country.end)
        joined.append(country)
    return [m for m in mentions if not any(m is c for c in joined)]


def _another_countrys_chamber(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Unbind a registry body named by a word any country's could bear when another country owns it in the text:
    "Peru's Congress", "the Peruvian Congress" are no US Congress. The mention becomes a body of that country
    ("Congress of Peru"), which the resolver may match to the registry's body of that name there."""
    generic = ont.words("chamberNoun") | ont.words("institutionNoun")
    countries = {m.end: m for m in mentions if m.type == "Country"}
    unbound: dict[tuple[str, str], str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind != "registry" or m.iri is None or m.start < 1 or not (
                m.text.lower() in generic or ont.is_generic_name(m.text)):
            continue
        again = unbound.get((m.iri, m.text))
        if again is not None:  # "Peru's Congress ... Congress president Jose Jeri": the same body again
            m.iri, m.kind, m.typed_by, m.text = None, "ner", "cue", again
            continue
        before = doc[m.start - 1]
        owner = countries.get(m.start - 1) if before.tag_ == "POS" else None
        place = owner.text if owner is not None else country_of_demonym(before.text)
        if place is None:
            continue
        home = ont.actors[m.iri].jurisdiction
        home_names = {n.lower() for a in (ont.actors.get(home or ""),) if a is not None for n in a.names}
        if owner is not None and owner.iri is not None and owner.iri == home or place.lower() in home_names:
            continue
        unbound[(m.iri, m.text)] = f"{m.text} of {place}"
        m.iri, m.kind, m.typed_by, m.text = None, "ner", "cue", f"{m.text} of {place}"


def _joined_at_and(doc: Doc, particles: frozenset[str] = frozenset()) -> list[Span]:
    """Return the NER's entities with a name it cut at "and" made whole again: "Federal Competition and" +
    "Consumer Protection Commission" is one organisation; so is a person's name it cut at a particle
    (``pk:nameParticle``): "Allan" + "dos" + "Santos" is one person."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "ORG" and prev.end == ent.start and \
                doc[prev.end - 1].lower_ in {"and", "&"}:
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
        elif prev is not None and prev.label_ == ent.label_ == "PERSON" and 0 < ent.start - prev.end <= 2 and all(
                t.text in particles for t in memo.tokens(doc)[prev.end:ent.start]):
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
        else:
            out.append(ent)
    return out


def _split_law_list(ent: Span, law_words: frozenset[str]) -> list[Span]:
    """Return a span the NER ran over a list of laws cut into the laws: "the Cybersecurity Law, Data Security Law
    and Personal Information Law" names three (a cut after each law word a comma or "and" follows, before a
    capitalised word). "The Law and Justice party", with no law word before "and", stays whole."""
    doc = ent.doc
    cuts = [t.i for t in ent if t.text in {",", "and", "&"} and ent.start < t.i < ent.end - 1
            and doc[t.i - 1].text in law_words and (doc[t.i + 1].text[:1].isupper()
                                                    or doc[t.i + 1].lower_ in {"and", "the"})]
    if not cuts:
        return [ent]
    from spacy.tokens import Span
    bounds = [ent.start - 1, *cuts, ent.end]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        a += 1
        while a < b and doc[a].lower_ in {"and", "the"}:
            a += 1  # (", and the Personal Information Law": the law's name begins after them)
        if a < b:
            out.append(Span(doc, a, b, label=ent.label_))
    return out


def _before_a_sum(ent: Span, currencies: frozenset[str]) -> Span | None:
    """Return the NER span without a sum it ran into after a name ("fined Kinmira Labs 2.6 billion lira" ->
    "Kinmira Labs"), None when the span is the sum alone."""
    doc = ent.doc
    for t in ent:
        if t.i == ent.start or not t.like_num:
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if _NUMBER_WORD.fullmatch(t.lower_) or after is not None and (
                after.lower_ in _SUM_WORDS or after.lemma_.lower() in currencies or after.lower_ in currencies):
            from spacy.tokens import Span

            return Span(doc, ent.start, t.i, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
    return ent


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _split_at_verbs(ent: Span, particles: frozenset[str] = frozenset()) -> list[Span]:
    """Return the NER span cut at the lower-case verbs and the line breaks inside it: the model sometimes runs one
    name through a verb into the next ("Central Bank of Nigeria fined Flutterwave" -> two names), or from a
    headline with no full stop into the paragraph after it ("... fines Meta / The Nigeria Data Protection
    Commission"). A particle of a person's name the tagger read as a verb ("Allan dos Santos") is no cut."""
    doc = ent.doc
    cuts = [t.i for t in ent if t.tag_.startswith("VB") and t.is_lower and t.is_alpha and not (
        ent.label_ == "PERSON" and t.text in particles) or "\n" in t.text or t.text in _DASHES and (
        t.whitespace_ or t.i > 0 and doc[t.i - 1].whitespace_)]  # ("Vexa Labs - along with": a spaced dash)
    if not cuts:
        return [ent]
    from spacy.tokens import Span
    bounds = [ent.start - 1, *cuts, ent.end]
    return [Span(ent.doc, a + 1, b, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
            for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]


def _split_at_company_and(ent: Span, cues: Collection[str]) -> list[Span]:
    """Return an organisation span cut at an "and" right after a company's name cue: "Vexa Labs and Pinmark
    Systems" names two companies (where "Federal Competition and Consumer Protection Commission" is one body)."""
    if ent.label_ != "ORG":
        return [ent]
    doc = ent.doc
    # (a comma after the cue cuts too, "Vexa Labs, Pinmark Systems and ...", unless a suffix follows: "Vexa Labs,
    # Inc.")
    cuts = [t.i for t in ent if t.lower_ in {"and", "&", ","} and ent.start + 1 < t.i < ent.end - 1
            and doc[t.i - 1].text.rstrip(".,") in cues and doc[t.i + 1].text[:1].isupper()
            and doc[t.i + 1].text.rstrip(".,") not in cues]
    if not cuts:
        return [ent]
    from spacy.tokens import Span
    bounds = [ent.start - 1, *cuts, ent.end]
    return [Span(doc, a + 1, b, label=ent.label_) for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]


def _sum_begins(doc: Doc, at: int, ont: Ontology) -> bool:
    """Return True when token ``at`` is a currency before a figure ("fined Google Rs 40 lakh"): a sum, no name."""
    return doc[at].lower_ in ont.words("currencyNoun") and at + 1 < len(doc) and doc[at + 1].like_num


def _names_run_on(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with names that run on into the next proper noun made whole: a registry company's
    name before another capitalised name it modifies is part of that other name ("Kakao Mobility" is not Kakao),
    so is an organisation's the NER cut before its head ("Zeltra [Pay]"), and a person's name the NER cut before
    its last word gets it back ("President Yoon Suk Yeol's office")."""
    starts = {m.start for m in mentions}
    suffixes = ont.company_suffixes
    out = []
    for m in mentions:
        end = m.end
        while end < len(doc) and end not in starts and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                doc[end - 1].head.i == end and doc[end].text not in suffixes and \
                doc[end].ent_type_ in {"", "ORG", "PERSON"} and not _sum_begins(doc, end, ont) and \
                ont.role_for(doc[end].lower_) is None and doc[end].lower_ not in ont.description_index:
            end += 1
        if end == m.end or m.type not in {"Company", "Platform", "Person", "Organisation"} or \
                m.type == "Organisation" and m.kind == "registry" or \
                m.type == "Person" and (m.kind == "registry" or doc[end - 1].ent_type_ == "ORG"):
            out.append(m)
            continue
        text = span_text(doc, m.start, end)
        # (a name made whole is typed on the same evidence as before: "the Zeta Chat app" is still an app)
        out.append(Mention(m.start, end, text, m.type, None, "ner", m.honorific, typed_by=m.typed_by))
    return out


def _names_after_portfolios(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with the person a government title's portfolio runs into made a person: the NER reads
    "Minister for Culture and Tourism Rosa Quispe" as one organisation, or "Ravi Nair" after "Minister of
    Information and Broadcasting" as one. The portfolio is the common words after "for"/"of"; the name, the
    uncommon capitalised words that end the mention."""
    out = []
    for m in mentions:
        if m.kind == "registry" or m.type == "Person":
            out.append(m)
            continue
        at = m.start - 1
        while at > 0 and (doc[at].is_title and common_word(doc[at].text) or doc[at].lower_ in {"and", ","}):
            at -= 1  # back over a portfolio outside the mention ("Information and Broadcasting")
        government = _government_title_for(doc, at, ont)
        if not government and _title_for(doc, at, ont) is None:
            out.append(m)
            continue
        tail = m.end
        while tail > m.start and doc[tail - 1].is_title and not common_word(doc[tail - 1].text):
            tail -= 1
        if m.end - tail < 2 or m.end - tail > 4 or not government and not all(
                common_word(t.text) or t.lower_ in {"and", "of", "for"} for t in memo.tokens(doc)[m.start:tail]):
            # ("Director of National Intelligence Tulsi Gabbard": any title's portfolio in dictionary words; but
            # "Chief Executive of Zeltra Systems Anna Weber" names a company, not a portfolio)
            out.append(m)
            continue
        out.append(Mention(tail, m.end, span_text(doc, tail, m.end), "Person", None, "ner", m.honorific,
                           typed_by="title"))
    return out


def _portfolio_before(doc: Doc, start: int, mentions: list[Mention], ont: Ontology) -> bool:
    """Return True when the name ending right before ``start`` is a government title's portfolio: "Minister for
    Communication and Information Technology [Rekha Sharma]"."""
    m = next((m for m in mentions if m.end == start and m.kind != "registry"), None)
    return m is not None and _government_title_for(doc, m.start - 1, ont)


def _title_for(doc: Doc, at: int, ont: Ontology) -> RoleTitle | None:
    """Return the role title whose "for" or "of" token ``at`` is ("Director of", "Minister for"), which a portfolio
    follows; None when it is none."""
    if at < 1 or doc[at].lower_ not in {"for", "of"}:
        return None
    return ont.role_for(doc[at - 1].lemma_) or ont.role_for(doc[at - 1].text)


def _government_title_for(doc: Doc, at: int, ont: Ontology) -> bool:
    """Return True when token ``at`` is the "for" or "of" of a government title ("Minister for", "Secretary
    of"), which a portfolio follows."""
    role = _title_for(doc, at, ont)
    return role is not None and role.implies_government


def _titles_before_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` without the titles the NER read as names: a span ending with a role title right
    before a person's name is the person's title ("Competition Commissioner Ada Vos", "Attorney General Jo
    Lee"), not an actor of its own. A name the registry knows is kept."""
    people = {m.start for m in mentions if m.type == "Person"} | {
        i for i, label in enumerate(memo.column(doc, "ent_type_")) if label == "PERSON"}
    kept = []
    for m in mentions:
        alone = ont.role_for(m.text) if m.kind != "registry" else None
        if alone is not None and len(alone.title) == len(m.text.replace("-", " ").split()):
            continue  # a title alone ("Minister", "Attorney General") names no one
        if m.kind != "registry" and m.start >= 2 and doc[m.start - 1].lower_ == "of" and \
                (title := ont.role_for(f"{doc[m.start - 2].text} of {doc[m.start].text}")) is not None and \
                len(title.title) == 3:
            continue  # "Minister of State for Electronics": the rest of a title, not a body
        if m.kind != "registry" and m.type != "Person" and m.end in people and _portfolio_before(doc, m.end, [m], ont):
            continue  # "Minister for Communication and Information Technology Rekha Sharma": the title's portfolio
        if m.kind != "registry" and m.end in people and (m.type != "Person" or m.end - m.start == 1):
            words = [doc[i].text for i in range(max(0, m.start - 1), m.end)]
            role = ont.role_for(" ".join(words))
            if role is not None and role.title[-1] == words[-1].lower().replace("-", " ").split()[-1]:
                continue
        kept.append(m)
    return kept


def _first_names_left_out(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with the given names the NER left out of a person's name put back: "secretary of state
    for AI Carme Artigas" (the NER took "Artigas" alone), "Spokesperson Gajendra Kumar Thakur" (it took
    "Spokesperson Gajendra" for an organisation and "Kumar Thakur" for the person)."""
    out = list(mentions)
    for n, m in enumerate(out):
        if m.type != "Person" or m.kind == "registry":
            continue
        start = m.start
        before = out[n - 1] if n > 0 else None
        if before is not None and before.end == start and before.kind != "registry" and before.type == "Person" \
                and before.end - before.start == 1 and doc[before.start].is_title:
            start = before.start  # "Gajendra" (its title taken off) + "Kumar Thakur": one name
            out[n - 1] = Mention(before.start, before.start, "", None, None, "dropped")
        elif before is not None and before.end == start and before.kind != "registry" and before.type != "Person":
            named_from = _skip_titles(doc, before.start, before.end, ont)
            if named_from > before.start and all(doc[i].is_title for i in range(named_from, before.end)):
                start = named_from  # "Spokesperson Gajendra" + "Kumar Thakur"
                out[n - 1] = Mention(before.start, before.start, "", None, None, "dropped")
        while start - 1 >= _sent_start(doc[start]) and not any(o.start <= start - 1 < o.end for o in out) and \
                _given_name(doc[start - 1], ont) and start > m.start - 2:
            # "AI Carme Artigas": one or two capitalised words right before the surname; at a sentence's start too
            # ("Luís Roberto Barroso said": no dictionary word opens a sentence here, "Prosecutors" would be one)
            start -= 1
        if start != m.start:
            out[n] = Mention(start, m.end, span_text(doc, start, m.end), m.type, m.iri, m.kind, m.honorific,
                             typed_by=m.typed_by)
    return [m for m in out if m.kind != "dropped"]


def _names_around_nicknames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with a person's name the recogniser split at a quoted nickname made one: 'Aquilino
    "Koko" Pimentel III' read as "Aquilino" and "Pimentel III" is one person, named without the nickname."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        close = next((j for j in range(m.end + 1, min(m.end + 4, len(doc))) if doc[j].text in _QUOTES), None)
        if m.type == "Person" and m.kind == "ner" and after is not None and after.kind == "ner" and \
                close is not None and doc[m.end].text in _QUOTES and after.start == close + 1 and \
                all(t.is_title for t in memo.tokens(doc)[m.end + 1:close]) and all(t.is_title or t.is_upper
                                                                      for t in memo.tokens(doc)[after.start:after.end]):
            out.append(Mention(m.start, after.end, _without_nickname(doc, m.start, after.end), "Person", None, "ner",
                               m.honorific, typed_by=m.typed_by))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _sent_start(tok: Token) -> int:
    """Return where ``tok``'s sentence starts (the document's start when no sentences are set)."""
    return memo.sentence(tok).start if memo.has_sentences(tok.doc) else 0


def _given_name(tok: Token, ont: Ontology) -> bool:
    """Return True for a word that may be a given name left out of a person's name: a capitalised proper noun
    that is no title, honorific or common word."""
    return tok.pos_ == "PROPN" and tok.is_title and tok.ent_iob_ == "O" and not tok.is_stop and \
        ont.role_for(tok.lemma_) is None and ont.role_for(tok.text) is None and tok.lower_ not in ont.honorifics \
        and tok.lower_ not in ont.words("titleModifier") and not common_word(tok.text)


def _subsidiaries(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return the mentions with a company's national or regional arm made one name: "Google" + "Korea" ->
    "Google Korea", "Google Asia Pacific" (a company of its own, not the parent and a country)."""
    regions = ont.words("regionName")
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        end = None
        ends_in_form = nxt is not None and nxt.start <= m.end < nxt.end and nxt.kind == "ner" and \
            doc[nxt.end - 1].text in LEGAL_FORMS
        if nxt is not None and m.type in {"Company", "Platform"} and m.kind == "registry" and ends_in_form:
            end = nxt.end  # "Amazon" + "Europe Core SARL", "TikTok" + "Technology Limited": a company of its own
        elif m.type in {"Company", "Platform"} and m.end < len(doc) and doc[m.end - 1].dep_ == "compound":
            if nxt is not None and nxt.start == m.end and nxt.type == "Country":
                end = nxt.end
            else:
                for n in (2, 1):
                    words = doc[m.end:m.end + n]
                    if len(words) == n and words.text in regions and all(t.is_title for t in words):
                        end = m.end + n
                        break
        if end is None:
            out.append(m)
            i += 1
            continue
        text = span_text(doc, m.start, end)
        out.append(Mention(m.start, end, text, "Company", None, "ner", m.honorific, typed_by="cue"))
        i += 2 if nxt is not None and nxt.end == end else 1
    return out


_INSTITUTION_HEADS = {"Committee", "Subcommittee", "Court", "Tribunal", "Commission", "Ministry", "Department",
                      "Office", "Bureau", "Division", "Bank", "Authority", "Agency", "Council", "Board", "Institute",
                      "University", "Association", "Federation", "Foundation", "Centre", "Center", "Service"}


def _name_tail(doc: Doc, i: int, ont: Ontology | None = None) -> int:
    """Return the end of a title-case name tail starting at ``i`` ("on Roads, Rivers and Rail"), stopping at a
    date, a person or a role title ("Bank of Australia Governor ...")."""
    if i >= len(doc) or doc[i].lower_ not in {"on", "of", "for"}:
        return i
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    end = i
    while j < len(doc):
        t = doc[j]
        if t.ent_type_ in {"DATE", "TIME", "PERSON"} or (ont is not None and ont.role_for(t.lower_) is not None):
            break  # "the Commission on Friday"
        if t.is_title or t.is_upper and t.is_alpha:
            j += 1
            end = j
        elif t.text in {",", "and", "&", "of"} and j + 1 < len(doc) and (doc[j + 1].is_title or
                                                                      doc[j + 1].lower_ == "and"):
            j += 1
        else:
            break
    return end


def _longer_institution_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return the mentions with names the recogniser cut short made whole: "the House Select Committee" + "on
    Russia"; "US Senate" + "Committee on Roads, Rivers and Rail" (a committee, not the
    House)."""
    out: list[Mention] = []
    skip_until = -1
    # A known body after "of" is the whole a unit belongs to, not the end of the unit's name: "the
    # Enforcement Division of the SEC" is a division and the SEC (see the role extractor's units).
    known_bodies = {m.start for m in mentions if m.kind == "registry" and m.type != "Country"}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    known = {i for m in mentions if m.kind == "registry" and m.type != "Country" for i in range(m.start, m.end)}
    for m in mentions:
        if m.start < skip_until:
            continue
        end = m.end
        # A chamber's name followed by its committee: "House of Representatives Committee on ...".
        if end < len(doc) and doc[end].lower_ in {"committee", "subcommittee"} and m.type in {"Legislature", None}:
            end += 1  # "a Senate Commerce committee hearing"
        if any(t.text in _INSTITUTION_HEADS for t in memo.tokens(doc)[m.start:end]) and not (
                end + 1 < len(doc) and doc[end].lower_ == "of"
                and (end + 1 in known_bodies or doc[end + 1].lower_ == "the" and end + 2 in known_bodies)):
            end = _name_tail(doc, end, ont)
            if any(i in known for i in range(m.end, end)):
                end = m.end  # "the European Commission on X": a known actor after "on" is no topic of the name
        if end == m.end and m.kind == "ner" and any(t.lower_ in {"of", "for"} for t in doc[m.start:end]) and \
                any(t.text in _INSTITUTION_HEADS for t in doc[m.start:end]):
            # "the Office of the Data Protection" + "Commissioner": the NER stopped before the last word of the
            # name; a title-case noun the name's words hang on continues it, unless a person's name follows
            # (then it is that person's title).
            while end < len(doc) and doc[end].is_title and doc[end].pos_ in {"NOUN", "PROPN"} and \
                    doc[end].ent_type_ in {"", "ORG"} and any(doc[k].head.i == end for k in range(m.start, end)):
                end += 1
            if end < len(doc) and doc[end].ent_type_ == "PERSON":
                end = m.end
        if end == m.end and m.kind == "ner" and any(t.lower_ in {"of", "for"} for t in doc[m.start:end]) and \
                any(t.text in _INSTITUTION_HEADS for t in doc[m.start:end]):
            # "the Association for Technology" + "and Internet": the words a name's "for" or "of" takes are
            # coordinated, up to a word that names something of its own ("the Ministry of Justice and Meta").
            while end + 1 < len(doc) and doc[end].text in {"and", "&"}:
                # ("the Association for Technology and the Internet": "the" may open the last word)
                nxt = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
                if not (doc[nxt].is_title and doc[nxt].pos_ in {"NOUN", "PROPN"} and
                        doc[nxt].ent_type_ in {"", "ORG"} and nxt not in taken and
                        (nxt + 1 >= len(doc) or not doc[nxt + 1].is_title)):
                    break
                end = nxt + 1
        if end == m.end and m.kind == "ner" and m.type in {"Person", "Organisation", "Company", None} and \
                end + 1 < len(doc) and doc[end].lower_ == "for" and doc[end].head.i in range(m.start, end) and \
                not _title_case_line(memo.sentence(doc[end])):
            # "Tools for Humanity", "Fight for the Future": a name whose "for" takes title-case words of no name
            # of their own (the NER kept only the first word)
            j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            k = j
            while k < len(doc) and doc[k].is_title and doc[k].pos_ in {"NOUN", "PROPN"} and \
                    doc[k].ent_type_ == "" and k not in taken:
                k += 1
            if k > j:
                end = k
        start = m.start
        if m.kind == "ner" and doc[start].text in _INSTITUTION_HEADS and start >= 2 and \
                doc[start - 1].lower_ in {"'s", "’s"}:
            # "the Attorney General's" + "Office of Vexland": an office named after the holder of a title (never
            # one named after an actor: "Meta's Oversight Board" is Meta's).
            k = start - 2
            while k >= 0 and doc[k].is_title and k not in taken and doc[k].ent_type_ in {"", "ORG"} and (
                    doc[k].pos_ == "PROPN" or doc[k].pos_ == "NOUN" and k > _sent_start(doc[k])):
                k -= 1
            if k < start - 2:
                start = k + 1
        if end == m.end and start == m.start:
            out.append(m)
            continue
        text = span_text(doc, start, end)
        typ = ont.type_from_name(text) or m.type
        if typ == "Person" and m.end < len(doc) and doc[m.end].lower_ == "for":
            typ = "Organisation"  # "Tools for Humanity": no person's name goes on with "for"
        inner = next((r for r in mentions if r.kind == "registry" and m.end <= r.start and r.end <= end
                      and r.type == typ), None)
        if inner is not None:
            # "Court of Appeals for the Ninth Circuit": the whole name is the known court its tail names.
            out.append(Mention(start, end, text, inner.type, inner.iri, "registry", m.honorific,
                               typed_by="registry"))
        else:
            out.append(Mention(start, end, text, typ, None, "ner", m.honorific, typed_by="cue"))
        skip_until = end
    return out


@functools.lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.split(",")[0].lower())
    names.update(name for name, _ in _subdivisions())
    return frozenset(names)


#: The kinds of a federal country's first-level parts (ISO 3166-2 as pycountry names them; "Union territory" is
#: Delhi's). (Germany's and Spain's are left out: ISO writes them in their own languages, "Bayern", and their cities
#: of the same name, "Berlin", "Madrid", are the seats of their countries' governments.)
_SUBDIVISION_TYPES = frozenset({"State", "Province", "Territory", "Commonwealth", "Union territory"})


@functools.lru_cache(maxsize=1)
def _subdivisions() -> tuple[tuple[str, str], ...]:
    """Return each federal state's or province's name, lowercased, with its country's alpha-2 code: as ISO 3166-2
    writes it and, for a state, without its accents ("karnātaka" and "karnataka")."""
    import unicodedata

    import pycountry

    out = []
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES:
            name = sub.name.lower()
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            # (a province's name unaccented may be a city's elsewhere: "San José" is no "San Jose")
            folds = plain != name and sub.type in {"State", "Union territory"}
            out += [(name, sub.country_code)] + ([(plain, sub.country_code)] if folds else [])
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, int]:
    """Return each country's short names (ISO 3166, from pycountry), with a number per country."""
    import pycountry

    names: dict[str, int] = {}
    for n, c in enumerate(pycountry.countries):
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names.setdefault(value, n)
    return names


#: Endings of a demonym, and what the country's name may end with instead ("Ukrain|ian" -> "Ukrain|e").
_DEMONYM_ENDINGS = (("ian", ("", "a", "e", "ia", "y")), ("an", ("", "a", "o", "e")), ("n", ("",)), ("i", ("", "land")),
                    ("ese", ("", "a")), ("ish", ("", "en", "land")), ("e", ("a",)), ("", ("land",)))


@functools.lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """Return the name of the country an adjective of nationality names ("Nigerian" -> "Nigeria", "Kenyan" ->
    "Kenya"), by the regular endings of English demonyms; None when none fits or two countries could."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    listed = load_ontology().nationalities.get(word)   # WordNet's nationalities ("Norwegian" -> "Norway")
    if listed is not None:
        return listed
    names = _country_names()
    found: dict[int, str] = {}
    for ending, replacements in _DEMONYM_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        for r in replacements:
            if stem + r in names and stem + r != word:
                found.setdefault(names[stem + r], stem + r)
    if not found:
        return None
    best = sorted(found.values(), key=len, reverse=True)
    # "Nigerian": Nigeria over Niger, the longer name sharing more of the word.
    return best[0] if len(best) == 1 or len(best[0]) > len(best[1]) else None


def state_by_demonym(before: Token, word: Token, ont: Ontology) -> str | None:
    """Return the state a nationality and the capitalised word before it name ("South" + "Australian" -> "South
    Australia"), or None when together they name no state ("South Korean" is a country's)."""
    if not before.is_title:
        return None
    country = country_of_demonym(word.text)
    if country is None:
        gov = ont.government_named(word.text)
        country = ont.actors[ont.country_of[gov]].label if gov in ont.country_of else None
    name = f"{before.text} {country}" if country else None
    return name if name and is_state_name(name) else None


def is_subdivision_name(text: str) -> bool:
    """Return True for the name of a federal state or province that is no country's name ("California")."""
    return text.lower() in _subdivision_names()


def subdivision_country(text: str) -> str | None:
    """Return the name of the country a federal state or province belongs to ("Texas" -> "United States")."""
    return _subdivision_countries().get(text.lower())


@functools.lru_cache(maxsize=1)
def _subdivision_countries() -> dict[str, str]:
    import pycountry

    names = _subdivision_names()
    out: dict[str, str] = {}
    for name, code in _subdivisions():
        country = pycountry.countries.get(alpha_2=code)
        if name in names and country is not None:
            out.setdefault(name, getattr(country, "common_name", None) or country.name)
    return out


@functools.lru_cache(maxsize=1)
def _subdivision_names() -> frozenset[str]:
    import pycountry

    countries = {getattr(c, a).split(",")[0].lower() for c in pycountry.countries
                 for a in ("name", "common_name", "official_name") if getattr(c, a, None)}
    return frozenset(name for name, _ in _subdivisions() if name not in countries)


def is_country_name(text: str) -> bool:
    """Return True for the short name of a country (ISO 3166, from pycountry): "Kenya", not "Missouri"."""
    return text in _country_names()


def is_state_name(text: str) -> bool:
    """Return True for the name of a country or a federal state/province (ISO 3166, from pycountry)."""
    return text.lower() in _state_names()


#: Where a city's name stands in for an actor: a subject, an object, an agent, the possessor of a stance.
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj"})
_ACTING_PREPS = frozenset({"by", "from", "against", "with"})


def _surnames_missed(doc: Doc, mentions: list[Mention], ont: Ontology | None = None) -> list[Mention]:
    """Return a person's surname (or, for one person only, first name) used alone where the NER did not label it
    ("Dana Voss said ... Voss added", "... Dana said"); and, for a surname the NER found alone elsewhere, the full
    name it missed ("sanctions on Antal Rogan ... Rogan's aides": a given name right before the surname)."""
    full = {m.text for m in mentions if m.type == "Person" and len(m.text.split()) > 1}
    firsts = Counter(name.split()[0] for name in full)
    surnames = {name.split()[-1] for name in full} | {first for first, n in firsts.items() if n == 1}
    alone = {m.text for m in mentions if m.type == "Person" and m.kind == "ner" and " " not in m.text
             and m.text[:1].isupper()}
    if not surnames and not alone:
        return []
    taken = _covered(mentions)
    out = []
    names = alone | surnames  # (what a word must write to be taken: the other words are passed over unread)
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if word not in names:
            continue
        t = tokens[i]
        if t.i in taken or not (t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.text[:1].isupper()):
            continue  # ("Dawes also criticised Meta": a surname the tagger read as a plural noun)
        if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
            continue
        if t.i > 0 and doc[t.i - 1].pos_ == "PROPN":
            given = doc[t.i - 1]
            if t.text in names and ont is not None and given.i not in taken and _given_name(given, ont) \
                    and not (given.i > 0 and doc[given.i - 1].pos_ == "PROPN"):
                out.append(Mention(given.i, t.i + 1, span_text(doc, given.i, t.i + 1), "Person", None, "ner",
                                   typed_by="title"))
            continue
        if t.text in surnames:
            out.append(Mention(t.i, t.i + 1, t.text, "Person", None, "ner", typed_by="title"))
    return out


def _misread_places(places: list[tuple[int, int, str]], mentions: list[Mention]) -> list[Mention]:
    """Return the names read as places where the same name is an actor elsewhere in the article: the NER
    labels one name differently from sentence to sentence ("Binance" a place once, an organisation twice)."""
    actors: dict[str, Mention] = {}
    for m in mentions:
        if m.kind in {"registry", "ner"} and m.type not in {None, "Country"}:
            actors.setdefault(m.text, m)
    out = []
    for start, end, text in places:
        like = actors.get(text)
        if like is not None:
            out.append(Mention(start, end, text, like.type, like.iri, like.kind, typed_by=like.typed_by))
    return out


_LEGAL_ACTIONS = frozenset({"fines", "sues", "investigates", "accuses", "orders"})


def noun_entries(ont: Ontology, tok: Token) -> list[tuple[str, str | None]]:
    """Return the (relation, preposition) entries the noun lexicon gives the noun ``tok``, read with the modifiers
    before it ("took legal action against": "legal action", not "action")."""
    return ont.noun_entries(tok.lemma_, tok.lower_, _modifiers_before(tok))


@memo.per_token
def _modifiers_before(tok: Token) -> tuple[str, ...]:
    """Return the lower-case adjectives and compounds before the noun ``tok`` (that may make a noun of the lexicon
    with it), in text order."""
    return tuple(c.lower_ for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i)


def _acts_as_actor(tok: Token, ont: Ontology) -> bool:
    """Return True when a name the NER took for a place (and no state) is the object of a verb of the lexicon or
    the subject of a verb of speech ("the bank fined Binance", "Binance said"): a place is neither fined nor
    speaks, so the name is an organisation's."""
    verb = tok.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == tok.i or tok.is_upper and len(tok.text) > 3:
        return False  # (a city in capitals is a dateline's: "AUSTIN, Texas — the state sued ...")
    legal = bool(set(ont.verb_relations(verb.lemma_, verb.lower_)) & _LEGAL_ACTIONS)
    if tok.dep_ == "dobj":
        # Verbs of legal action alone: a town is attacked, blockaded and sanctioned too.
        return legal
    if tok.dep_ != "nsubj":
        return False
    if not legal and verb.lemma_.lower() in ont.words("lightVerb"):
        # "Manchester City took legal action against the league": the event noun says what the subject does.
        legal = any(r in _LEGAL_ACTIONS for n in verb.children if n.dep_ == "dobj" for r, _ in noun_entries(ont, n))
    # A place neither speaks nor sues ("Binance said", "Manchester City sued the league").
    return legal or verb.lemma_.lower() in ont.words("speechVerb")


def _described_after(doc: Doc, tok: Token, ont: Ontology) -> str | None:
    """Return the class a description set off after a name says, read from the words where the parser lost the
    apposition: "Instamojo, a provider of e-commerce software" -> Company (an article, then up to three
    modifiers, then the description noun)."""
    at = tok.i + 1
    if at + 2 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ not in {"a", "an", "the"}:
        return None
    head = None
    for t in memo.tokens(doc)[at + 2:min(at + 6, len(doc))]:
        if t.is_punct or t.pos_ in {"ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ"} or t.tag_ == "POS":
            break  # the phrase's head is its last noun before these ("the company's programme": "programme")
        if t.pos_ in {"NOUN", "PROPN"}:
            head = t
    found = ont.description_index.get(head.lemma_.lower(), []) if head is not None and head.pos_ == "NOUN" else []
    if head is not None and head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "POS":
        return None  # a possessor, not the head
    return found[0] if len(found) == 1 and found[0] not in {"Country", "Person"} else None


def _portfolio_of_a_named_minister(doc: Doc, end: int, ont: Ontology) -> bool:
    """Whether the words before ``end`` are a portfolio: a government title follows, and a person's name after it
    ("Finance Minister Christian Lindner", "Trade Secretary Jo Tran")."""
    if end + 1 >= len(doc) or not doc[end].is_title:
        return False
    role = ont.role_for(doc[end].lower_)
    return role is not None and role.implies_government and doc[end + 1].ent_type_ == "PERSON"


def _titled_in_apposition(ent: Span, ont: Ontology, people_only: bool = False) -> bool:
    """Whether a name shaped like a person's stands in apposition with a role title: "the governor of the bank,
    Olayemi Cardoso," (the name the title's apposition) or "Olayemi Cardoso, the bank's governor,". With
    ``people_only``, only a title a person holds (one who leads or serves, never "owner" or "member")."""
    doc, root = ent.doc, ent.root
    if not _is_personal_name(doc, ent.start, ent.end) or ent.end - ent.start < 2:
        return False

    def title(t: Token) -> bool:
        role = ont.role_for(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        lemma = t.lemma_.lower()
        return role is not None and (not people_only or role.relation in {"leads", "memberOf"} and lemma not in {
            "member", "partner", "head"} and lemma not in ont.words("unitNoun") and lemma not in ont.description_index)

    if root.dep_ == "appos":
        head = root.head
        # (the parser may hang it on the title's "of" object: "the governor of [the bank], Cardoso")
        titles = [head, head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else [head]
        return any(title(t) for t in titles)
    return any(c.dep_ == "appos" and title(c) for c in root.children)


def _party_after(doc: Doc, end: int, ont: Ontology) -> bool:
    """Whether the word after a name (or after its bracketed acronym) calls it a party: "the Democratic Alliance
    party", "the ruling African National Congress (ANC) party" (a name's "Congress" or "Alliance" says less)."""
    at = end + 3 if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" else end
    return at < len(doc) and doc[at].pos_ == "NOUN" and _party_word(doc[at], ont)


def _party_word(tok: Token, ont: Ontology) -> bool:
    """Whether ``tok`` is a word that describes a party and nothing else ("party")."""
    return ont.description_index.get(tok.lower_) == ["PoliticalParty"]


def _described_as(tok: Token, ont: Ontology) -> str | None:
    """Return the one class an apposition to the name ``tok`` heads describes ("Binance, the largest crypto
    platform" -> Platform; "Lumen, a payments firm" -> Company), None when there is none or it is a place."""
    for c in tok.children:
        if c.dep_ != "appos" or c.pos_ != "NOUN":
            continue
        lemma = c.lemma_.lower()
        pairs = [f"{g.lower_} {lemma}" for g in c.lefts if g.dep_ == "compound" and g.is_lower]
        for key in (*pairs, lemma):
            found = ont.description_index.get(key, [])
            if len(found) == 1 and found[0] not in {"Country", "Person"}:
                return found[0]
    return None


def _city_acts(span: Span, ont: Ontology) -> bool:
    """Return True when the city ``span`` names does something or is acted on ("Beijing warned", "a rebuke
    from Washington", "Brussels' decision"), False when it is where something happens."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in _ACTING_DEPS:
        return True
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() in ont.words("stanceNoun") or tok.head.lower_ in ont.words("stanceNoun")
    return tok.dep_ == "pobj" and tok.head.lower_ in _ACTING_PREPS


def _names_a_state(doc: Doc, end: int) -> bool:
    """Return True for "Washington state": the federal state of that name, not the capital."""
    return end < len(doc) and doc[end].lower_ == "state"


def _states_inside_countries(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with a state whose name holds its country's made one state ("Western Australia",
    "South Australia"): the word before the country's name makes another place, not a name of its own; and
    "the South Australian government" is that state's, not Australia's."""
    by_start = {m.start: m for m in mentions}
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in mentions:
        before = doc[m.start - 1] if m.start > 0 else None
        if m.kind == "registry" and m.type == "GovernmentBody" and before is not None and m.end - m.start > 1:
            if state_by_demonym(before, doc[m.start], ont) is not None:
                out.append(Mention(before.i, m.end, doc[before.i:m.end].text, "GovernmentBody", None, "ner",
                                   m.honorific, typed_by="cue"))
                continue
        if m.type == "Country" and before is not None and before.is_title and \
                is_state_name(f"{before.text} {m.text}"):
            prev = by_start.get(before.i)
            if prev is not None and prev.end == m.start:
                dropped.add(before.i)
            out.append(Mention(before.i, m.end, f"{before.text} {m.text}", "Country", None, "ner", m.honorific,
                               typed_by="cue"))
            continue
        out.append(m)
    return [m for m in out if not (m.start in dropped and m.end - m.start == 1)]


def _state_names_missed(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return country and state names the NER left unlabelled ("Nepal on Thursday banned ..."); a capital that
    shares its name with a province ("Madrid") is left to the seat rule."""
    taken = _covered(mentions)
    names = _state_names()
    seats = {seat.lower() for seat in ont.actor_by_seat}
    words = memo.column(doc, "text")
    propn = [pos == "PROPN" and i not in taken for i, pos in enumerate(memo.column(doc, "pos_"))]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        if propn[i]:
            for n in (3, 2, 1):
                if i + n <= len(words) and all(propn[i:i + n]) and (name := " ".join(words[i:i + n]).lower()) in names \
                        and name not in seats:
                    text = doc[i:i + n].text
                    out.append(Mention(i, i + n, text, "Country", None, "ner", typed_by="cue"))
                    i += n - 1
                    break
        i += 1
    return out


def _defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the uses of an acronym a name defines in brackets ("the Federation of Nepalese Journalists (FNJ)"),
    which the NER may not know; the resolver joins them to the name."""
    taken = _covered(mentions)
    defined: dict[str, str | None] = {}
    for m in mentions:
        acronym = bracketed_acronym(doc, m.end)
        if acronym is not None:
            defined[acronym] = m.type
    out: list[Mention] = []
    if not defined:
        return out
    for i, word in enumerate(memo.column(doc, "text")):
        if word in defined and i not in taken:
            out.append(Mention(i, i + 1, word, defined[word], None, "ner", typed_by="cue"))
    return out


def bracketed_acronym(doc: Doc, i: int) -> str | None:
    """Return the acronym bracketed at token ``i`` right after a name ("... Authority (AP)"), or None. A dateline's
    agency is no acronym of the place before it ("UNITED NATIONS (AP) —", "BERLIN (Reuters) -")."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].is_upper and \
            doc[i + 1].is_alpha and 2 <= len(doc[i + 1]) <= 6:
        dateline = i > 0 and doc[i - 1].is_upper and len(doc[i - 1]) > 1 or \
            i + 3 < len(doc) and doc[i + 3].text in {"—", "–", "-", "--"}
        return None if dateline else doc[i + 1].text
    return None


def _acronyms_over_registry(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with an acronym the article defines taken from the registry actor of the same letters:
    after "the Dutch Data Protection Authority (AP)", "AP" is the authority, not the Associated Press. But where the
    registry's actor of those letters is of the name's own kind and the name is one of its names written another
    way, word for word, the name is that actor: "the Competition and Market Authority (CMA)" is the registry's
    Competition and Markets Authority (but "the Competition Authority of Kenya (CMA)" is not, nor is "the Fair Trade
    Commission (FTC)" the Federal Trade Commission)."""
    registry_at = {m.start: m for m in mentions if m.kind == "registry" and m.end - m.start == 1}
    defined: dict[str, Mention] = {}
    same: dict[int, Mention] = {}
    for m in mentions:
        acronym = bracketed_acronym(doc, m.end)
        if acronym is None or m.kind == "description":
            continue
        known = registry_at.get(m.end + 1)
        if m.kind == "ner" and known is not None and known.type == m.type and m.type not in {"Person", "Country"} \
                and _initials_spell(list(doc[m.start:m.end]), acronym) and _written_otherwise(m.text, known, ont):
            same[m.start] = known
            continue
        defined.setdefault(acronym, m)
    out = []
    for m in mentions:
        by = defined.get(m.text) if m.kind == "registry" and m.end - m.start == 1 else None
        if by is not None and by.iri != m.iri:
            m = Mention(m.start, m.end, m.text, by.type, None, "ner", m.honorific, typed_by="cue")
        elif m.start in same:
            known = same[m.start]
            m = Mention(m.start, m.end, m.text, known.type, known.iri, "registry", m.honorific, typed_by="registry")
        out.append(m)
    return out


def _written_otherwise(name: str, known: Mention, ont: Ontology) -> bool:
    """Return True when ``name`` is one of the names of registry mention ``known``'s actor with its words in another
    number or case ("Competition and Market Authority" for the Competition and Markets Authority)."""
    forms = {f.lower().rstrip(".") for f in LEGAL_FORMS} | {"the"}

    def words(text: str) -> list[str]:  # (a legal form is no word of the name: "Corp" for "Corporation")
        return [w.lower().removesuffix("s") for w in re.findall(r"[\w-]+", text) if w.lower() not in forms]

    actor = ont.actors.get(known.iri or "")
    return actor is not None and any(words(name) == words(n) for n in (actor.label, *actor.names))


def _names_used_again(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the other places a one-word organisation's name is written where the NER missed it: after
    "Greenpeace said", the "Greenpeace" of "Greenpeace activists protested" (a modifier the NER passed over) is the
    same name, even where it opens a sentence and the tagger took it for an adjective."""
    names = {m.text: m for m in mentions if m.kind == "ner" and m.end - m.start == 1 and m.type not in {
        None, "Person", "Country"} and doc[m.start].pos_ == "PROPN" and m.text[:1].isupper() and len(m.text) > 2}
    if not names:
        return []
    return _written_again(doc, names, _covered(mentions), lambda t: t.pos_ in {"PROPN", "ADJ", "NOUN"})


def _written_again(doc: Doc, names: dict[str, Mention], taken: set[int], fits: Callable[[Token], bool]) -> \
        list[Mention]:
    """Return a mention, typed as its first, for each other token that writes one of ``names`` (one-word names) and
    ``fits``, outside the tokens ``taken`` (which it extends)."""
    out = []
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if word not in names:
            continue
        t = tokens[i]
        if t.i not in taken and fits(t):
            out.append(Mention(t.i, t.i + 1, t.text, names[t.text].type, None, "ner", typed_by=names[t.text].typed_by))
            taken.add(t.i)
    return out


def _names_to_their_acronym(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with a name the NER cut short before its bracketed acronym made whole, when the
    acronym's letters are the initials of the longer name: "the Association for Civil Rights" + "in Israel
    (ACRI)", "the Centre for Media" + "Freedom (CMF)". Small words ("for", "in", "of", "the") may or may not
    give a letter."""
    places = _covered([m for m in mentions if m.type == "Country"])  # "in Israel": a place may end the name
    taken = _covered(mentions) - places
    out: list[Mention] = []
    absorbed: set[int] = set()
    for m in mentions:
        if m.kind != "ner" or m.type in {"Person", "Country", None}:
            out.append(m)
            continue
        end = m.end
        for k in range(m.end + 1, min(m.end + 5, len(doc))):
            acronym = bracketed_acronym(doc, k)
            if acronym is None or any(t.is_punct or t.i in taken or t.is_digit for t in memo.tokens(doc)[m.end:k]):
                continue
            if not doc[k - 1].is_title and not doc[k - 1].is_upper:
                break  # "Vexa Labs said on Monday (VL)": a name ends on a name's word
            if _initials_spell(list(doc[m.start:k]), acronym) and not _initials_spell(list(doc[m.start:m.end]),
                                                                                   acronym):
                end = k
            break
        if end == m.end:
            out.append(m)
            continue
        out.append(Mention(m.start, end, span_text(doc, m.start, end), m.type, None, "ner", m.honorific,
                           typed_by=m.typed_by))
        taken.update(range(m.end, end))
        absorbed.update(range(m.end, end))
    return [m for m in out if m.start not in absorbed]


def _initials_spell(words: list[Token], acronym: str) -> bool:
    """Return True when ``acronym`` is the initials of ``words``, every capitalised word giving its letter and a
    lower-case small word giving one or none ("Association for Civil Rights in Israel" spells ACRI and ACfRI)."""
    letters = acronym.lower()

    def spell(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(letters)
        w = words[i]
        if w.is_punct:
            return spell(i + 1, j)
        takes = j < len(letters) and w.lower_[0] == letters[j]
        if w.is_lower:
            return spell(i + 1, j) or takes and spell(i + 1, j + 1)
        return takes and spell(i + 1, j + 1)
    return len(words) <= 12 and spell(0, 0)


def _hyphenated_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return the mentions with a name's hyphenated first part put back: "T-Mobile", "Rolls-Royce", where the
    parse split the name at its hyphen and found only its last part. A lower-case prefix ("pro-Kremlin", "non-EU"),
    a country ("EU-Japan") or another name ("Vexa-Pinmark") is no part of the name."""
    taken = _covered(mentions)
    out: list[Mention] = []
    for m in mentions:
        start = m.start
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
                not doc[start - 2].whitespace_ and start - 2 not in taken and \
                doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha and \
                not is_state_name(doc[start - 2].text) and country_of_demonym(doc[start - 2].text) is None:
            start -= 2
        if start == m.start or m.kind != "ner":
            out.append(m)
            continue
        text = span_text(doc, start, m.end)
        out.append(Mention(start, m.end, text, ont.type_from_name(text) or m.type, None, "ner", m.honorific,
                           typed_by="cue" if ont.type_from_name(text) else m.typed_by))
        taken.update(range(start, m.start))
    return out


def _covered(mentions: list[Mention], kind: str | None = None) -> set[int]:
    """Return the tokens the mentions (of ``kind`` alone, if given) cover."""
    return {i for m in mentions if kind is None or m.kind == kind for i in range(m.start, m.end)}


def _only_a_suffix(text: str, ont: Ontology) -> bool:
    """Return True for a company's name cue standing alone ("AI", "Group", "LLC"): it names nobody."""
    return " " not in text and text in ont.company_suffixes


def _list_members(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return names the NER missed inside a list of named actors: "Facebook, Viber, Witk and Nimbuzz" -> each a
    Platform, typed like the list's named members."""
    taken = _covered(mentions)
    by_root = {doc[m.start:m.end].root.i: m for m in mentions if m.type and m.kind in {"registry", "ner"}}
    out: list[Mention] = []
    for root, m in by_root.items():
        chain = list(doc[root].conjuncts)
        for c in doc[root].children:
            # "TikTok, Viber, Witk and Nimbuzz" parsed as an apposition with a list of its own.
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts:
                chain += [c, *c.conjuncts]
        named = [by_root[c.i] for c in chain if c.i in by_root] + [m]
        # The registry's word outweighs the NER's guesses.
        sure = [x for x in named if x.typed_by in {"registry", "cue"}] or named
        votes = Counter(x.type for x in sure).most_common(2)
        if len(votes) > 1 and votes[0][1] == votes[1][1]:
            continue  # the named members disagree: no type to lend
        for conj in chain:
            if conj.i in taken or conj.pos_ != "PROPN" or not conj.text[:1].isupper() or \
                    conj.ent_type_ == "NORP" and conj.dep_ == "appos":
                continue  # ("Ron Wyden, a Democrat, and Andy Biggs": the party word describes, names no one)
            start = min([conj.i] + [c.i for c in conj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                                    and ont.role_for(c.text) is None])
            end = conj.i + 1
            if any(i in taken for i in range(start, end)) or _only_a_suffix(span_text(doc, start, end), ont):
                continue  # ("Chatterly, LLC, and Pinmark Holdings, LLC": a legal form read as a list's member)
            out.append(Mention(start, end, span_text(doc, start, end), votes[0][0], None, "ner", typed_by="list"))
            taken.update(range(start, end))
    return out


_DIGIT_NAME = re.compile(r"\d+[A-Za-z][A-Za-z0-9-]*")
#: A number with a multiplier, an ordinal or a decade's ending ("5bn", "21st", "1990s"): no digit name.
_MULTIPLIERS = "|".join(sorted(_SUM_WORDS, key=len, reverse=True))
_NUMBER_WORD = re.compile(rf"\d+(?:[.,]\d+)?(?:{_MULTIPLIERS}|st|nd|rd|th|s)")
_AFFILIATION_TAG = re.compile(r"^[A-Z]-[A-Z]")
_BILL_CODE = re.compile(r"\b(?:SB|AB|HB|HR|H\.R\.|S\.B\.|A\.B\.|H\.B\.)[ -]?\d{1,5}\b")


def _law_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with the laws the NER missed: bill numbers ("SB 1047", "H.R. 815"; over the NER's guess
    at part of one) and capitalised names ending in a law word ("the Antimonopoly Law")."""
    taken = _covered(mentions)
    out: list[Mention] = []
    dropped: list[Mention] = []
    for m in _BILL_CODE.finditer(memo.text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        # A bill's code outweighs the NER's guess at part of it ("SB" of "SB 53" read as an organisation).
        guessed = [o for o in mentions if o.kind == "ner" and span.start <= o.start and o.end <= span.end]
        for o in guessed:
            dropped.append(o)
            taken.difference_update(range(o.start, o.end))
        if not any(i in taken for i in range(span.start, span.end)):
            out.append(Mention(span.start, span.end, span.text, "Legislation", None, "ner", typed_by="cue"))
            taken.update(range(span.start, span.end))
    law_words = {w for w in ont.classes["Legislation"].name_cues if " " not in w}
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if word not in law_words or i in taken or i == 0:
            continue
        tok = tokens[i]
        start = tok.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"} and \
                start - 1 not in taken and not doc[start - 1].is_sent_start:
            start -= 1
        if start < tok.i:
            out.append(Mention(start, tok.i + 1, span_text(doc, start, tok.i + 1), "Legislation", None, "ner",
                               typed_by="cue"))
            taken.update(range(start, tok.i + 1))
    return [m for m in mentions if not any(m is d for d in dropped)] + out


#: Small words a law's name may hold between its capitalised words ("Capture or Use of Biometric Identifier Act").
_LAW_NAME_JOINERS = frozenset({"of", "or", "and", "for", "on", "to", "from", "in", "against", "with"})


def _law_names_whole(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Extend a law's name left over the capitalised words and small joining words the NER cut it at ("the
    [Capture or Use of] Biometric Identifier Act", "the [Protecting Americans from] Foreign Adversary Controlled
    Applications Act"); names the NER made of the words it takes in (never the registry's) give way."""
    law_words = {w for w in ont.classes["Legislation"].name_cues if " " not in w}
    registry = _covered(mentions, "registry")
    taken: set[int] = set()   # tokens a law's name took in from other names
    grown: list[Mention] = []
    for m in mentions:
        if m.type != "Legislation" or doc[m.end - 1].text not in law_words or \
                _title_case_line(memo.sentence(doc[m.start])):
            continue
        start, sent_start = m.start, memo.sentence(doc[m.start]).start
        while start > sent_start and start - 1 not in registry:
            word = doc[start - 1]
            if word.is_title and word.pos_ in {"PROPN", "ADJ", "NOUN", "VERB"}:
                start -= 1
            elif word.lower_ in _LAW_NAME_JOINERS and word.is_lower and start - 2 >= sent_start and \
                    doc[start - 2].is_title and start - 2 not in registry and \
                    not (word.lower_ in {"and", "or"} and doc[start - 2].text in law_words):
                # (a law word before "and" ends a law of its own: "the Data Law and the Privacy Act" are two)
                start -= 1
            else:
                break
        if start < m.start:
            taken.update(range(start, m.start))
            m.start, m.text = start, span_text(doc, start, m.end)
            grown.append(m)
    return [m for m in mentions if any(m is g for g in grown) or not any(i in taken for i in range(m.start, m.end))]


def _bracketed_law_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return ``mentions`` with a law's name that holds a bracket made whole: "the Information Technology
    (Intermediary Guidelines and Digital Media Ethics Code) Rules, 2021", "the Data (Use and Access) Act". The
    capitalised words in the bracket are part of the name, no actors of their own."""
    law_words = {w for w in ont.classes["Legislation"].name_cues if " " not in w} | {"Rules"}
    registry = _covered(mentions, "registry")
    out = list(mentions)
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if word != "(":
            continue
        tok = tokens[i]
        if tok.i == 0 or not doc[tok.i - 1].is_title or tok.i - 1 in registry:
            continue
        close = next((t.i for t in memo.tokens(doc)[tok.i + 1:min(len(doc), tok.i + 25)] if t.text in {")", "("}), None)
        if close is None or doc[close].text != ")" or close + 1 >= len(doc) or doc[close + 1].text not in law_words:
            continue
        inside = doc[tok.i + 1:close]
        if not inside or not inside[0].is_title or not all(
                t.is_title or t.is_upper or t.lower_ in _LAW_NAME_JOINERS | {"by", "the", ","} for t in inside):
            continue
        start, sent_start = tok.i - 1, memo.sentence(tok).start
        while start > sent_start and doc[start - 1].is_title and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"} \
                and start - 1 not in registry:
            start -= 1
        end = close + 2
        year = end + 1 if end + 1 < len(doc) and doc[end].text == "," else end
        if year < len(doc) and doc[year].like_num and len(doc[year].text) == 4:
            end = year + 1  # "Rules 2009", "Rules, 2021"
        out = [m for m in out if m.end <= start or m.start >= end]
        out.append(Mention(start, end, span_text(doc, start, end), "Legislation", None, "ner", typed_by="cue"))
    return sorted(out, key=lambda m: m.start)


def _country_before_institution(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Join a country's name to the institution name right after it: "the [U.S.] [District Court for the District
    of Delaware]" is one court, and "the [Nigeria] [Data Protection Commission]" one regulator, which is
    the registry's body of that name only when the registry places that body in that country (else a body of its
    own: the Irish one is no Nigerian's). The country is no party of its own there."""
    by_end = {m.end: m for m in mentions if (m.type == "Country" or m.kind == "ner" and is_state_name(m.text))
              and doc[m.end - 1].whitespace_}
    organisational = ont.organisational_classes
    joined: list[Mention] = []
    for m in mentions:
        prefix = by_end.get(m.start)
        if prefix is None or m.type not in organisational:
            continue
        if m.kind == "registry" and m.iri is not None and ont.is_generic_name(m.text):
            if ont.actors[m.iri].jurisdiction != prefix.iri:
                m.iri, m.kind, m.typed_by = None, "ner", "cue"
        elif not (m.type == "Court" and m.kind != "registry" and doc[prefix.start].text.replace(".", "").isupper()
                  and not ont.is_generic_name(m.text)):
            continue  # "the U.S. District Court" alone: a generic name, the resolver's to place
        m.start, m.text = prefix.start, span_text(doc, prefix.start, m.end)
        joined.append(prefix)
    return [m for m in mentions if not any(m is p for p in joined)]


def _courts_by_place(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return the mentions with the courts news names by their seat: "a federal court in Atlanta", "a San
    Francisco federal court", "a Delhi court" (``pk:courtLevel`` words may stand before "court"). Each is a court
    of its own; the place inside its name is no party."""
    levels = ont.words("courtLevel")
    registry = _covered(mentions, "registry")
    added: list[Mention] = []
    tokens = memo.tokens(doc)
    for i, lower in enumerate(memo.column(doc, "lower_")):
        if lower != "court":
            continue
        tok = tokens[i]
        if tok.pos_ != "NOUN" or tok.i in registry:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].head.i in {tok.i, *range(start, tok.i)} and (
                doc[start - 1].lower_ in levels or doc[start - 1].ent_type_ == "GPE") and doc[start - 1].is_alpha:
            start -= 1
        end = tok.i + 1
        place = [t for t in memo.tokens(doc)[start:tok.i] if t.ent_type_ == "GPE"]
        if not place and end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ == "GPE":
            end += 2  # "in Atlanta", "in San Francisco": the place's whole name
            while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ == "I":
                end += 1
            place = list(doc[tok.i + 2:end])
        if not place or any(i in registry for i in range(start, end)):
            continue
        added.append(Mention(start, end, span_text(doc, start, end), "Court", None, "ner", typed_by="cue"))
    if not added:
        return mentions
    inside = {i for m in added for i in range(m.start, m.end)}
    return [m for m in mentions if not any(i in inside for i in range(m.start, m.end))] + added


def _institutions_missed(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return institutions the NER missed: capitalised words before an institution's head noun, in running text
    ("the Seoul High Court partially accepted ..."; not in a headline's title case)."""
    taken = _covered(mentions)
    out: list[Mention] = []
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if word not in _INSTITUTION_HEADS:
            continue
        tok = tokens[i]
        if tok.i in taken or tok.pos_ != "PROPN" or _title_case_line(memo.sentence(tok)):
            continue
        start = tok.i
        while start > memo.sentence(tok).start and tok.i - start < 4 and doc[start - 1].is_title and \
                doc[start - 1].pos_ in {"PROPN", "ADJ"} and start - 1 not in taken and not doc[start - 1].is_sent_start:
            start -= 1
        text = span_text(doc, start, tok.i + 1)
        typ = ont.type_from_name(text)
        if start < tok.i and typ is not None and typ not in {"Person", "Country"}:
            out.append(Mention(start, tok.i + 1, text, typ, None, "ner", typed_by="cue"))
            taken.update(range(start, tok.i + 1))
    return out


def _products_of_their_makers(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Type as a service a name the NER alone typed, that a maker's or an operator's title is of: "Luka Inc., the
    developer of Replika", "LY Corp., operator of the Line app" (the NER's person or organisation; what is developed
    or operated is a product, ``pk:role-develops`` and ``pk:role-operates``)."""
    for m in mentions:
        if m.kind != "ner" or m.typed_by != "ner" or m.type not in {"Person", "Organisation"}:
            continue
        head = doc[m.end - 1]
        while head.dep_ == "compound" and head.head.i > head.i and head.head.i < m.end:
            head = head.head
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i >= m.start:
            continue
        role = ont.role_for(prep.head.lemma_.lower())
        if role is not None and role.relation in {"develops", "operates"}:
            m.type, m.typed_by = "Platform", "title"


def _products_by_their_kind(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return products and outlets the NER missed, named by the kind of thing they are: capitalised words before a
    lower-case noun of a product's kind ("the Quorra Talk chatbot", "the Zeta Chat app", "the Vexa News website")
    are its name (pk:productKind). An institution's capitalised head is never such a noun ("the Health Service")."""
    kinds = ont.words("productKind")
    taken = _covered(mentions)
    out: list[Mention] = []
    tokens = memo.tokens(doc)
    lowers, lemmas, is_lower = memo.column(doc, "lower_"), memo.column(doc, "lemma_"), memo.column(doc, "is_lower")
    for i, lower in enumerate(lowers):
        if not is_lower[i] or i in taken:
            continue
        two = f"{lowers[i - 1]} {lower}" if i > 0 and is_lower[i - 1] else None
        if two not in kinds and lemmas[i].lower() not in kinds:
            continue
        tok = tokens[i]
        head = tok.i - 1 if two in kinds else tok.i
        if _title_case_line(memo.sentence(tok)):
            continue
        start = head
        while start > memo.sentence(tok).start and head - start < 3 and doc[start - 1].is_title and \
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_iob_ == "O" and start - 1 not in taken and \
                doc[start - 1].head.i in range(start, tok.i + 1):
            start -= 1
        if start == head or doc[start].is_sent_start or any(
                t.ent_type_ in {"DATE", "TIME"} for t in memo.tokens(doc)[start:head]):
            continue
        if start - 1 in taken and doc[start - 1].is_title and doc[start - 1].head.i in range(start, tok.i + 1):
            continue  # "the Zeta Chat app" with "Zeta" found: the found name runs on (_names_run_on)
        classes = ont.description_index.get(two if two in kinds else tok.lemma_.lower(), [])
        if len(classes) != 1:
            continue  # (a kind is a description noun of one class)
        out.append(Mention(start, head, span_text(doc, start, head), classes[0], None, "ner", typed_by="description"))
        taken.update(range(start, head))
    return out


def _bare_names(doc: Doc, mentions: list[Mention], ont: Ontology) -> list[Mention]:
    """Return names the NER left unlabelled where a clause makes them a party: the subject or object of a verb,
    or its "by" agent ("Pfizer agreed to pay ...", "Walmart, which owns Flipkart, ..."). Their type is what the
    name's words say, else an organisation (the weakest evidence: a description or the registry outweighs it)."""
    taken = _covered(mentions)
    out: list[Mention] = []
    complements = ont.words("nounComplement")
    company_cues = ont.company_suffixes
    tokens = memo.tokens(doc)
    for i, word in enumerate(memo.column(doc, "text")):
        if not (word[:1].isupper() or word[:1].isdigit()) or i in taken or len(word) < 2:
            continue  # (a name is capitalised or starts with a digit: the other words are passed over unread)
        tok = tokens[i]
        digit_name = bool(_DIGIT_NAME.fullmatch(tok.text)) and not _NUMBER_WORD.fullmatch(tok.lower_) and not (
            tok.i > 0 and doc[tok.i - 1].tag_ == "$")  # "4chan", "23andMe"; not "5bn", "$20m"
        # A capitalised word the tagger missed as a name, with a description after it ("in Instamojo, a provider").
        described_after = tok.text[:1].isupper() and tok.i > _sent_start(tok) and not tok.is_stop and \
            tok.pos_ in {"PROPN", "ADV", "ADJ", "NOUN"} and _described_after(doc, tok, ont)
        # (a plural, "NGOs", "Democrats", names a kind, not an actor; but "Zeltra Systems" ends a company's name)
        plural = tok.tag_ == "NNPS" and not (tok.text in company_cues and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
        if not digit_name and not described_after and (
                tok.pos_ != "PROPN" or plural or not tok.text[:1].isupper()) or \
                tok.ent_iob_ != "O" and not (digit_name and tok.ent_type_ in {"CARDINAL", "QUANTITY", "MONEY"}) or \
                tok.i in taken or len(tok.text) < 2 or _title_case_line(memo.sentence(tok)):
            continue
        head = tok.head
        described = _described_as(tok, ont) or described_after or None  # "Instamojo, a provider of ..."
        if not (tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"}
                or tok.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB"
                or tok.dep_ == "pobj" and head.lower_ in complements and _event_noun_at(head.head, ont)
                or described is not None):
            continue  # (or the target of an event noun: "an investigation into 4chan")
        start, sent_start = tok.i, memo.sentence(tok).start
        while start > sent_start and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_iob_ == "O" and start - 1 not in taken and not doc[start - 1].is_lower:
            start -= 1
        after_portfolio = start - 1 in taken and _portfolio_before(doc, start, mentions, ont) and \
            tok.i > start and _is_personal_name(doc, start, tok.i + 1)
        if (start - 1 in taken and not after_portfolio) or \
                tok.text in ont.company_suffixes and start == tok.i:
            continue  # the tail of a name found already ("Naver Corp")
        text = span_text(doc, start, tok.i + 1)
        lower = text.lower()
        if lower in ont.description_index or ont.role_for(lower) is not None or lower in ont.honorifics or \
                not any(c.isalpha() for c in text):
            continue
        opens = start == sent_start or start == sent_start + 1 and doc[start - 1].lower_ == "the"
        if start == tok.i and opens and not tok.is_upper and common_word(tok.text):
            continue  # "Prosecutors charged ...": a word capitalised for opening the sentence
        typ = "Person" if after_portfolio else ont.type_from_name(text) or described or "Organisation"
        out.append(Mention(start, tok.i + 1, text, typ, None, "ner",
                           typed_by="description" if described and typ == described else "ner"))
        taken.update(range(start, tok.i + 1))
    # A name found as a party is the same name wherever else the article uses it ("give 4chan a chance").
    found = {m.text: Mention(m.start, m.end, m.text, m.type, None, "ner", typed_by="ner") for m in out
             if m.end - m.start == 1}
    return out + _written_again(doc, found, taken, lambda t: t.pos_ == "PROPN" or bool(_DIGIT_NAME.fullmatch(t.text)))


def _event_noun_at(tok: Token, ont: Ontology) -> bool:
    """Return True for an event noun, or a verb taking one as object ("opened an investigation [into X]")."""
    return tok.lemma_.lower() in ont.noun_index or tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ont.noun_index for c in tok.children)


def _title_case_line(sent: Span) -> bool:
    """Return True for a headline in title case ("Regulator Fines App Store Over Court Ruling")."""
    m = memo.memo(sent.doc)  # (asked of a sentence for each of its words a rule considers: read once)
    key = (_title_case_line, sent.start, sent.end)
    found = m.get(key)
    if found is None:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        found = m[key] = len(words) >= 3 and not any(
            t.is_lower and t.pos_ in {"VERB", "NOUN", "ADJ", "ADV"} for t in words)
    return found


def _take_office_titles(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Extend a name of common words over the office title the NER left out: "Data Protection" + "Commissioner",
    "Privacy" + "Ombudsman" (a regulator's single-word name cue, capitalised, right after): the office, which acts
    as a regulator, is the whole ("Kenya's Data Protection Commissioner fined ...")."""
    cues = {c for c in ont.classes["Regulator"].name_cues if " " not in c}
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.kind != "ner" or m.typed_by != "ner" or m.type not in {None, "Organisation"} or m.end >= len(doc):
            continue
        nxt = doc[m.end]
        if nxt.text in cues and nxt.is_title and m.end not in starts and all(
                common_word(t.text) for t in memo.tokens(doc)[m.start:m.end]):
            m.end += 1
            m.text = span_text(doc, m.start, m.end)
            m.type, m.typed_by = "Regulator", "cue"


def _take_company_suffixes(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Extend a name over a company suffix the recogniser left out ("Kakao" + "Corp"), so the name is the
    phrase's head; the text (and so the entity) stays the name without the suffix."""
    suffixes = ont.company_suffixes
    starts = {m.start for m in mentions}
    for m in mentions:
        end = m.end
        while m.end < len(doc) and m.end not in starts and doc[m.end].text in suffixes and doc[m.end].is_title:
            m.end += 1
        if m.kind == "ner" and m.end > end and not all(t.text in LEGAL_FORMS for t in memo.tokens(doc)[end:m.end]):
            # "Vexa" + "Labs": a word that tells the firm apart ("Labs", "Systems") is part of its name; only a legal
            # form ("Corp", "GmbH") stays out of the text
            last = max(k for k in range(end, m.end) if doc[k].text not in LEGAL_FORMS) + 1
            m.text = span_text(doc, m.start, last)
        if m.kind == "ner" and m.end > end and m.type in {None, "Organisation"}:
            m.type, m.typed_by = "Company", "cue"  # a company's word names a company
        if m.kind in {"ner", "registry"} and m.end + 1 < len(doc) and m.end not in starts and \
                doc[m.end].text == "," and doc[m.end + 1].text in LEGAL_FORMS and \
                m.type in {None, "Organisation", "Company"}:
            m.end += 2  # "Epic Games, Inc., the developer of ...": the legal form after a comma is the name's too
        if m.kind == "ner" and m.end - m.start > 2 and doc[m.end - 1].text in LEGAL_FORMS and \
                doc[m.end - 2].text == ",":
            m.text = span_text(doc, m.start, m.end - 2)  # "Vexa Labs, Inc.": the name it is known by is "Vexa Labs"


#: The legal forms of a company's name: left out of the name it is known by ("Kakao Corp" is Kakao), and the end
#: of the name of a company registered under a parent's name ("Amazon Europe Core SARL").
LEGAL_FORMS = frozenset({"Co.", "Corp", "Corp.", "Corporation", "Inc", "Inc.", "LLC", "Ltd", "Ltd.", "Limited",
                          "GmbH", "SA", "AG", "plc", "Holdings", "SARL", "Sàrl", "BV", "B.V.", "NV", "SAS", "SRL",
                          "S.r.l.", "SL", "S.L.", "Pte", "AB", "ApS", "Oy"})


def _take_title_openings(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Extend an office's name over the first word of the title it is named after, which the recogniser left out:
    "the Attorney General's Office" read as "General's Office" ("Attorney General" a title of two words)."""
    ends = {m.end for m in mentions}
    for m in mentions:
        if m.type == "Person" or m.kind != "ner" or m.start < 1 or m.end - m.start < 2 or m.start in ends:
            continue
        before, first = doc[m.start - 1], doc[m.start]
        title = ont.role_for(f"{before.text} {first.text}")
        if before.is_title and title is not None and title.title == (before.lower_, first.lower_):
            m.start -= 1
            m.text = span_text(doc, m.start, m.end)


def _is_single_title(ont: Ontology, tok: Token) -> bool:
    role = ont.role_for(tok.text)
    return role is not None and len(role.title) == 1 and role.relation in {"leads", "memberOf"}


def _honorific_names(doc: Doc, found: list[Mention], honorifics: frozenset[str],
                     ont: Ontology | None = None) -> list[Mention]:
    """Return people named by an honorific or a title and capitalised words the NER missed ("Mr Vance",
    "Representative Raja Krishnamoorthi")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    tokens, texts = memo.tokens(doc), memo.column(doc, "text")
    i = 0
    while i < len(doc) - 1:
        if not texts[i][0].isupper() or i in taken:
            i += 1  # (an honorific or a title is capitalised and no name's: the other words are passed over unread)
            continue
        tok = tokens[i]
        titled = tok.lower_ in honorifics or (ont is not None and tok.pos_ == "PROPN" and tok.is_title
                                              and _is_single_title(ont, tok))
        if titled and tok.text[0].isupper() and i + 1 not in taken and i not in taken:
            start = i + 1
            while (ont is not None and start < len(doc) and start not in taken and doc[start].is_title
                   and (_is_single_title(ont, doc[start]) or ont.role_for(span_text(doc, i, start + 1)) is not None)):
                start += 1  # "Justice Commissioner Karel Hanus", "the Attorney General's office": titles, not a name
            end = start
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[0].isupper() and end not in taken:
                end += 1
            if end > start and start not in taken:
                honorific = tok.lower_.rstrip(".") if tok.lower_ in honorifics else None
                out.append(Mention(start, end, span_text(doc, start, end), "Person", None, "ner", honorific))
                i = end
                continue
        i += 1
    return out


def _only_a_title(doc: Doc, start: int, end: int, ont: Ontology) -> bool:
    """Return True when every word of a span is a title, a title's modifier or a nationality ("Dutch MEP"), or
    when the span is a title with a portfolio written before it in dictionary words ("Chief Compliance Officer",
    "National Security Adviser")."""
    if _is_role(doc[end - 1], ont) and all(
            _title_word(t, ont) or common_word(t.text) for t in memo.tokens(doc)[start:end]):
        return True
    for tok in memo.tokens(doc)[start:end]:
        if not _title_word(tok, ont):
            return False
    return any(_is_role(t, ont) for t in memo.tokens(doc)[start:end])


#: Title words that name a part of a body, not a person's post ("the Division of Enforcement" is a body).
_UNIT_TITLES = frozenset({"division", "arm", "branch", "subsidiary", "unit", "body", "member", "partner"})


def _a_portfolio_title(doc: Doc, m: Mention, ont: Ontology) -> bool:
    """Return True for a person's title and its portfolio the NER read as a name: "Minister of Information and
    Culture", "Secretary for Digital Affairs", "Deputy Registrar of the Court" (never "the Ministry of ...")."""
    words = list(doc[m.start:m.end])
    k = next((n for n, t in enumerate(words) if t.lower_ in {"of", "for"}), None)
    if k is None or k == 0 or m.type in {"Legislation", "Country"}:
        return False
    head = words[k - 1]
    return _is_role(head, ont) and head.lower_ not in _UNIT_TITLES and head.text not in _INSTITUTION_HEADS and \
        all(_title_word(t, ont) for t in words[:k - 1])


def _holder_after_title(doc: Doc, m: Mention, ont: Ontology) -> Mention:
    """Return the person a name read with the title before it names ("Minister of Communications and Culture, Kamal
    Osei" as one organisation: Kamal Osei), else ``m``."""
    comma = next((t.i for t in memo.tokens(doc)[m.start:m.end] if t.text == ","), None)
    if m.kind != "ner" or comma is None or not _a_portfolio_title(doc, Mention(m.start, comma, "", m.type, None, "ner"),
                                                                  ont):
        return m
    if comma + 1 < m.end and _is_personal_name(doc, comma + 1, m.end):
        return Mention(comma + 1, m.end, span_text(doc, comma + 1, m.end), "Person", None, "ner", m.honorific,
                       typed_by="title")
    return m


def _is_role(tok: Token, ont: Ontology) -> bool:
    return ont.role_for(tok.lemma_) is not None or ont.role_for(tok.text) is not None


def _title_word(tok: Token, ont: Ontology) -> bool:
    return _is_role(tok, ont) or tok.lower_ in ont.words("titleModifier") or \
        ont.government_named(tok.text) is not None or country_of_demonym(tok.text) is not None


def _skip_titles(doc: Doc, start: int, end: int, ont: Ontology) -> int:
    """Return where a person's name starts after the titles the NER took into it ("Senator", "Presiding Judges"),
    a title's portfolio in dictionary words included ("National Security Adviser Lena Brandt")."""
    i = start
    while i < end - 1:
        tok = doc[i]
        if _is_role(tok, ont) or tok.lower_ in ont.words("titleModifier"):
            i += 1
        else:
            break
    last_role = max((k for k in range(start, end - 1) if _is_role(doc[k], ont)), default=None)
    if last_role is not None and last_role >= i and all(
            _title_word(t, ont) or common_word(t.text) for t in memo.tokens(doc)[start:last_role]) and \
            not all(common_word(t.text) for t in memo.tokens(doc)[last_role + 1:end]):
        i = last_role + 1
    return i if i > start and doc[i].is_alpha and any(doc[j].is_title for j in range(i, end)) else start


def _titles_a_name(doc: Doc, end: int, ont: Ontology) -> str | None:
    """Return the class a role title right after a name implies for that name, when a person's name follows
    ("Activision Blizzard CEO Bobby Kotick": a company)."""
    for n in (2, 1):
        if end + n < len(doc) and doc[end + n].ent_type_ in {"PERSON", "Person"}:
            role = ont.role_for(doc[end:end + n].text)
            if role is not None and role.holder_class and len(role.title) == n:
                return role.holder_class
    return None


def _is_personal_name(doc: Doc, start: int, end: int) -> bool:
    return all(t.is_title or not t.is_alpha for t in memo.tokens(doc)[start:end]) and end - start <= 4 and not any(
        t.lower_ in {"of", "for"} for t in memo.tokens(doc)[start:end])
