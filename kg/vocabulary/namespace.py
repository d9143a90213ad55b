"""The ontology's namespaces as Python terms: ``PK`` is closed, so a misspelt term fails at import.

``PK`` enumerates every ``pk:`` term the ontology files use; a test fails
when the two drift apart. Standard vocabularies come from rdflib itself
(``rdflib.namespace.PROV``, ``DCTERMS``, ``XSD``, ``SKOS``). The instance
namespaces (actors, articles, statements) are open: their members are minted
from content.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class PK(DefinedNamespace):
    """The policy-kg ontology, ``https://policy-kg.org/ns#`` (``ontology/policy-kg.ttl``)."""

    _NS = Namespace("https://policy-kg.org/ns#")
    _fail = True

    # Actor classes
    Actor: URIRef
    Person: URIRef
    GovernmentBody: URIRef
    Regulator: URIRef
    Legislature: URIRef
    Court: URIRef
    Company: URIRef
    Platform: URIRef
    AISystem: URIRef
    Legislation: URIRef
    Country: URIRef
    MediaOutlet: URIRef
    PoliticalParty: URIRef
    Organisation: URIRef

    # Statement model and provenance
    Statement: URIRef
    Article: URIRef
    subject: URIRef
    relation: URIRef
    object: URIRef
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    article: URIRef
    extractor: URIRef
    rule: URIRef
    confidence: URIRef
    negated: URIRef
    modality: URIRef
    mention: URIRef
    mentionedIn: URIRef
    Mention: URIRef
    mentionOf: URIRef
    mentionStart: URIRef
    mentionEnd: URIRef
    mentionText: URIRef
    url: URIRef
    origin: URIRef
    readFrom: URIRef
    contentHash: URIRef
    extractedWith: URIRef

    # Curation decisions (kg/curation/decisions.py)
    Decision: URIRef
    Merge: URIRef
    Split: URIRef
    keeps: URIRef
    absorbs: URIRef
    splitsFrom: URIRef
    into: URIRef
    movesName: URIRef
    actorLabel: URIRef
    actorType: URIRef
    decidedBy: URIRef
    reason: URIRef

    # The corpus pass's bookkeeping (kg/curation/pending.py)
    awaitsLinking: URIRef
    formerActor: URIRef
    formerName: URIRef

    # Registry hints
    government: URIRef
    jurisdiction: URIRef
    demonym: URIRef
    seat: URIRef
    executive: URIRef
    ownedBy: URIRef
    developedBy: URIRef
    administrationOf: URIRef

    # Relations
    Relation: URIRef
    accuses: URIRef
    criticises: URIRef
    threatens: URIRef
    compares: URIRef
    supports: URIRef
    opposes: URIRef
    urges: URIRef
    agreesWith: URIRef
    meets: URIRef
    contacts: URIRef
    cooperatesWith: URIRef
    investigates: URIRef
    bans: URIRef
    fines: URIRef
    sues: URIRef
    orders: URIRef
    regulates: URIRef
    enforces: URIRef
    violates: URIRef
    leads: URIRef
    owns: URIRef
    develops: URIRef
    operates: URIRef
    memberOf: URIRef
    partOf: URIRef

    # Relation groups (ontology/relation-groups.ttl), read by the views
    RelationGroup: URIRef
    relationGroup: URIRef
    stanceSign: URIRef

    # Extraction lexicon: annotation properties of classes and relations
    color: URIRef
    nameCue: URIRef
    descriptionNoun: URIRef
    nerLabel: URIRef
    verb: URIRef
    phrase: URIRef
    noun: URIRef
    subjectType: URIRef
    objectType: URIRef
    symmetric: URIRef
    clausalObject: URIRef
    questionObject: URIRef
    organisational: URIRef
    enforcer: URIRef
    RoleTitle: URIRef
    title: URIRef
    relationOf: URIRef
    impliesGovernment: URIRef
    impliesLegislature: URIRef
    holderOf: URIRef
    organisationType: URIRef
    nationality: URIRef
    placeIn: URIRef
    memberTitle: URIRef
    memberNoun: URIRef
    partyCode: URIRef
    Lexicon: URIRef
    lexicon: URIRef

    # Word lists of pk:lexicon
    negatingVerb: URIRef
    refusingVerb: URIRef
    futureAux: URIRef
    complianceVerb: URIRef
    litigationVerb: URIRef
    litigationNoun: URIRef
    ownershipCue: URIRef
    warningVerb: URIRef
    intentionVerb: URIRef
    intentionNoun: URIRef
    hedgeVerb: URIRef
    hedgeAdverb: URIRef
    maleHonorific: URIRef
    femaleHonorific: URIRef
    honorific: URIRef
    conditionalAux: URIRef
    conditionalMark: URIRef
    negationWord: URIRef
    insteadWord: URIRef
    governmentNoun: URIRef
    sameRole: URIRef
    pastRoleWord: URIRef
    outsideRoleWord: URIRef
    bodyTitle: URIRef
    subsidiaryTitle: URIRef
    spokesNoun: URIRef
    bodyPartNoun: URIRef
    clienteleNoun: URIRef
    conductNoun: URIRef
    wrongdoingNoun: URIRef
    allegedWord: URIRef
    mandativeVerb: URIRef
    permissionVerb: URIRef
    lightVerb: URIRef
    pactVerb: URIRef
    policyNoun: URIRef
    scopeNoun: URIRef
    forceVerb: URIRef
    productKind: URIRef
    partialWord: URIRef
    appointingVerb: URIRef
    servingVerb: URIRef
    copulaVerb: URIRef
    findingVerb: URIRef
    attributingVerb: URIRef
    nationalLeaderWord: URIRef
    formerlyWord: URIRef
    partyWingWord: URIRef
    deputyWord: URIRef
    nounComplement: URIRef
    preposition: URIRef
    subjectControlVerb: URIRef
    boilerplateCue: URIRef
    pictureAgency: URIRef
    relativeWord: URIRef
    stanceNoun: URIRef
    bylineLead: URIRef
    creditLabel: URIRef
    crossLinkLead: URIRef
    crossLinkLabel: URIRef
    genericNameWord: URIRef
    regionName: URIRef
    titleModifier: URIRef
    speechVerb: URIRef
    negativeCue: URIRef
    namingVerb: URIRef
    requestNoun: URIRef
    sectorName: URIRef
    continuingVerb: URIRef
    wideningVerb: URIRef
    includingVerb: URIRef
    claimNoun: URIRef
    denyingVerb: URIRef
    grantingVerb: URIRef
    occasionPreposition: URIRef
    defendantNoun: URIRef
    defendantVerb: URIRef
    decidingVerb: URIRef
    allegationVerb: URIRef
    accusingVerb: URIRef
    questionWord: URIRef
    sharedSubjectPreposition: URIRef
    domainGroup: URIRef
    institutionNoun: URIRef
    chamberNoun: URIRef
    currencyNoun: URIRef
    ruleNoun: URIRef
    possibilityAux: URIRef
    positiveCue: URIRef
    rightWord: URIRef
    dismayWord: URIRef
    gladWord: URIRef
    approvingVerb: URIRef
    wrongdoingCue: URIRef
    culpritPreposition: URIRef
    jointWord: URIRef
    culpritDeed: URIRef
    knownAsVerb: URIRef
    stopVerb: URIRef
    chargeWord: URIRef
    patientNoun: URIRef
    nationalWord: URIRef
    subnationalWord: URIRef
    parallelWord: URIRef
    polityNoun: URIRef
    kindNoun: URIRef
    courtLevel: URIRef
    unitNoun: URIRef
    ministryNoun: URIRef
    documentNoun: URIRef
    anchorPreposition: URIRef
    decisionNoun: URIRef
    courtDecisionNoun: URIRef
    judgeNoun: URIRef
    appealVerb: URIRef
    patientLightVerb: URIRef
    deadlineVerb: URIRef
    directiveVerb: URIRef
    instrumentNoun: URIRef
    wishVerb: URIRef
    embassyNoun: URIRef
    obligationAux: URIRef
    semiModalVerb: URIRef
    banList: URIRef
    listingVerb: URIRef
    envoyNoun: URIRef
    hedgeAdjective: URIRef
    makerNoun: URIRef
    signingVerb: URIRef
    sponsoringVerb: URIRef
    agreementWord: URIRef
    deadlineNoun: URIRef
    malePronoun: URIRef
    femalePronoun: URIRef
    neuterPronoun: URIRef
    pluralPronoun: URIRef
    pairReference: URIRef
    quantityAdjective: URIRef
    marketNoun: URIRef
    undoingVerb: URIRef
    businessWord: URIRef
    counterVerb: URIRef
    accountNoun: URIRef
    bidNoun: URIRef
    firstPersonPronoun: URIRef
    firstPersonPluralPronoun: URIRef
    demonstrative: URIRef
    determiner: URIRef
    nameParticle: URIRef

    # Names that are not Python identifiers: reach them as PK["role-leads"].
    _extras = [
        "role-leads", "role-leads-company", "role-leads-government", "role-member", "role-member-government",
        "role-member-legislature", "role-member-court", "role-member-company", "role-develops", "role-owns",
        "role-operates",
        "role-criticises", "role-supports", "role-opposes",
        "group-stance", "group-interaction", "group-enforcement", "group-structure",
    ]


def pk_term(name: str) -> URIRef:
    """Return the ``pk:`` term called ``name`` (a class or relation read from data); unknown names raise."""
    return PK[name]  # type: ignore[type-arg, no-any-return, misc]


PKID = Namespace("https://policy-kg.org/id/")
PKART = Namespace("https://policy-kg.org/article/")
PKST = Namespace("https://policy-kg.org/statement/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes predeclared for SPARQL queries and used when writing Turtle.
PREFIXES: dict[str, str] = {
    "pk": str(PK),
    "pkid": str(PKID),
    "pkart": str(PKART),
    "pkst": str(PKST),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
}

__all__ = ["DCTERMS", "OWL", "PK", "PKART", "PKID", "PKST", "PREFIXES", "PROV", "RDF", "RDFS", "SKOS", "WD", "XSD",
           "pk_term"]
