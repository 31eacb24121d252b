"""Anaphora: pronouns and definite descriptions -> the actors they point back to (the last step of resolve.py).

A small rule-based coreference over the parsed document, run after the names are resolved.  Each resolution
becomes a :class:`~graphbuild.model.Mention` with method ``anaphora`` (reviewable in mentions.csv and the RDF);
an anaphor that names several actors ("the two countries") gives one mention per actor on the same span.

* **Pronouns** -- "he/him/his", "she/her" (persons), "it/its" (a country or organisation), "they/them/their"
  (a coordination of actors, or one country or organisation): the nearest preceding *clause subject* that
  denotes type-compatible actors (subjects are the salient antecedents), in the same sentence or up to
  :data:`PRONOUN_WINDOW` sentences back.  A nearer subject that could be the antecedent but is no actor
  ("Analysts said they ...", "The minister said he ...", "The deal ... it") stops the search: the pronoun then
  stays unresolved rather than skipping to a wrong actor.  With no subject in reach, "he"/"she" takes the one
  person named in the last :data:`PERSON_FALLBACK_WINDOW` sentences.  Outside a quotation, subjects inside one
  are skipped ("“He is there ...,” he argued").  A possessive first takes a co-argument of its verb
  ("congratulated Bush on his victory"), a plural object a coordination just named ("thanked Brussels and
  Washington and urged them").  "It" counts only as the subject of a finite clause and not where it is
  pleonastic ("it is likely that ...", "it was reported that ...", "wanted it to end"); "him"/"her"/"them"
  never corefer with the subject of their own verb.  A person called "Mr"/"Mrs"/"Ms" has a known gender.
* **Definite descriptions** -- "the country", "the kingdom", "the government", "the army" (a country), "the bloc",
  "the alliance", "the organisation", "the trade body" (an organisation from the gazetteer), "the company",
  "the firm" (a company), "the party" (a party): the nearest preceding compatible actor within
  :data:`DESCRIPTION_WINDOW` sentences.  Never after "a", and not with "other", "neighbouring", "foreign" ...
* **Counted descriptions** -- "the two countries", "both sides", "the three juntas": a coordination of that many
  actors ("Mali, Burkina Faso and Niger ... the three juntas"), else the actors of the nearest sentence that
  names that many, else the most salient actors of that kind: clause subjects, then the most often named, then
  the nearest.  **Plural descriptions** -- "the leaders", "the juntas": the nearest coordination of at least
  two actors of that kind, with the subject of its clause ("Biden hosted Kishida and Marcos").
* **A person's state** -- "his country", "her government", "Mr Chavez's administration": the one country whose
  office the gazetteer records the person as holding, else the one country the document names in front of the
  person's name ("Venezuelan president Hugo Chavez").

Nothing crosses the document: the Doc is one article.  Tokens without a parse (selective parsing leaves lines
with fewer than two actor candidates flat) are skipped, and so are tokens inside a name mention.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graphbuild.model import Mention, entity_type

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Method of an anaphora mention.
ANAPHORA = "anaphora"
#: How many sentences before its own a pronoun may look for its antecedent ...
PRONOUN_WINDOW = 2
#: ... and "it", which more often points to a thing than to an actor.
IT_WINDOW = 1
#: A person pronoun with no clause subject in reach takes the one person named within this many sentences.
PERSON_FALLBACK_WINDOW = 3
#: How many sentences before its own a definite description may look ("the country") ...
DESCRIPTION_WINDOW = 2
#: ... and a counted one ("the two countries"), which picks the most salient actors of the window.
COUNTED_WINDOW = 3

PERSON = frozenset({"Person"})
STATE_OR_ORG = frozenset({"Country", "Organization"})
ANY_ACTOR = frozenset({"Country", "Organization", "Person"})


@dataclass(frozen=True, slots=True)
class _Pronoun:
    types: frozenset[str]
    plural: bool = False
    gender: str | None = None


PRONOUNS: dict[str, _Pronoun] = {
    **dict.fromkeys(("he", "him", "his"), _Pronoun(PERSON, gender="m")),
    **dict.fromkeys(("she", "her"), _Pronoun(PERSON, gender="f")),
    **dict.fromkeys(("it", "its"), _Pronoun(STATE_OR_ORG)),
    **dict.fromkeys(("they", "them", "their"), _Pronoun(ANY_ACTOR, plural=True)),
}

#: Regional groups of states named as one ("the Baltic states", "the Baltics"): modifier -> member states.
STATE_GROUPS: dict[str, tuple[str, ...]] = {
    "baltic": ("country/EST", "country/LTU", "country/LVA"),
    "nordic": ("country/DNK", "country/FIN", "country/ISL", "country/NOR", "country/SWE"),
    "scandinavian": ("country/DNK", "country/NOR", "country/SWE"),
    "central asian": ("country/KAZ", "country/KGZ", "country/TJK", "country/TKM", "country/UZB"),
    "south caucasus": ("country/ARM", "country/AZE", "country/GEO"),
}
#: Plural heads of such a group ("states", "countries", "republics", "nations").
GROUP_HEADS = frozenset({"state", "country", "republic", "nation"})
#: Proper plurals that name a group alone.
GROUP_NAMES = {"baltics": "baltic", "nordics": "nordic"}

#: Bodies a description names by the head noun of their own name ("the Security Council ... the council", "the
#: European Commission ... the commission"): the antecedent's name must contain the noun.
NAMED_BODY_NOUNS = ("council", "commission", "fund", "agency", "court", "tribunal", "assembly", "parliament",
                    "bank", "committee")
#: How many sentences back such a description may look (the shared word makes a distant antecedent safe).
NAMED_WINDOW = 8

#: Description head nouns (singular lemma) -> the kind of actor they describe.  Kinds: ``country`` (a state, also
#: its organs: "the government", "the army"), ``igo`` (an organisation from the gazetteer that is not a company or
#: a party), ``company``, ``party``, ``person`` (plural only: "the two leaders"), ``side`` (a state or organisation).
DESCRIPTIONS: dict[str, str] = {
    **dict.fromkeys("country nation state kingdom republic island emirate".split(), "country"),
    **dict.fromkeys("government administration authority regime junta leadership cabinet ministry army military"
                    .split(), "country"),
    **dict.fromkeys("bloc alliance organisation organization union body grouping coalition".split(), "igo"),
    **dict.fromkeys("company firm corporation carrier airline giant producer operator maker conglomerate lender"
                    .split(), "company"),
    "party": "party",
    **dict.fromkeys("leader official minister president premier man woman".split(), "person"),
    **dict.fromkeys("power neighbour neighbor capital".split(), "country"),
    **dict.fromkeys("side ally partner rival".split(), "side"),
    **dict.fromkeys(NAMED_BODY_NOUNS, "named"),
}
#: Descriptions of a state's organs: their antecedent must be a clause's subject (or modify it).
STATE_ORGANS = frozenset("government administration authority regime junta leadership cabinet ministry army military"
                         .split())
def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")


#: Every word that may start or head an anaphor, in lower case (the cheap pass of selective parsing counts them:
#: graphbuild.nlp.pipeline.Triage).
ANAPHOR_WORDS: frozenset[str] = frozenset(
    [*PRONOUNS, *DESCRIPTIONS, *(_plural(n) for n in DESCRIPTIONS), "both"])
#: Plural nouns that name one actor ("the authorities": the state).
COLLECTIVE_NOUNS = frozenset({"authority"})
#: Kinds that a singular description may have ("the leader" alone is too vague; "the side" is no actor).
SINGULAR_KINDS = frozenset({"country", "igo", "company", "party", "named"})
KIND_TYPES: dict[str, frozenset[str]] = {
    "country": frozenset({"Country"}), "igo": frozenset({"Organization"}), "company": frozenset({"Organization"}),
    "party": frozenset({"Organization"}), "person": PERSON, "side": STATE_OR_ORG, "named": frozenset({"Organization"}),
}
#: Determiners and count words of a counted description ("the two countries", "both sides").
COUNT_WORDS: dict[str, int] = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
#: Modifiers that make a description point elsewhere ("the other country", "a neighbouring state").
OTHER_WORDS = frozenset("""other another same different neighbouring neighboring foreign third each every any some
    many several most all such certain new western eastern northern southern member""".split())
#: Nouns "his"/"<person>'s" turn into the person's state ("his country", "Mr Chavez's administration").
PERSONAL_STATE_NOUNS = frozenset({"country", "nation", "government", "administration", "regime", "cabinet"})
#: Singular common nouns for persons: a subject headed by one ("The minister said he ...") stops a pronoun's search.
PERSON_NOUNS = frozenset("""minister secretary president premier leader chancellor spokesman spokeswoman spokesperson
    official diplomat envoy ambassador chairman chairwoman chief head boss executive director adviser advisor
    analyst candidate lawyer judge man woman mp politician general commander king queen prince monarch
    governor mayor senator member prosecutor negotiator cardinal archbishop bishop pope priest rabbi imam
    host presenter""".split())
#: Verbs whose "it" subject is pleonastic when a clause follows ("it is likely that", "it emerged that").
PLEONASTIC_VERBS = frozenset("emerge matter mean happen take make".split())
#: Copulas: "it" before one refers to an actor only with a role noun ("It is a member of the EAEU"), not in "it is
#: likely that", "it's the truth", "it sounds like".
COPULAS = frozenset("be seem appear remain become look sound".split())
ROLE_NOUNS = frozenset("""member ally partner signatory supplier producer exporter importer founder party country
    state nation power neighbour neighbor economy creditor donor customer buyer seller shareholder owner
    participant observer candidate""".split())
#: Plural heads whose actor modifier is not what "they" points to ("WTO members ... their backing").
MEMBER_NOUNS = frozenset({"member", "state", "country", "nation", "partner", "ally", "neighbour", "neighbor"})
#: Verbs whose passive "it" subject is pleonastic ("it was reported that", "it is understood that").
PLEONASTIC_PASSIVES = frozenset("""say think believe understand expect report know feel hope estimate suggest fear
    claim announce confirm""".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "advcl"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Dependents that belong to a noun phrase (its clausal dependents -- acl, relcl -- do not).
_NP_DEPS = frozenset({"prep", "appos", "compound", "amod", "nmod", "poss", "nummod", "det", "punct"})
_MALE_TITLES = frozenset({"mr", "sir", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "baroness"})


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """An actor named (or pointed to) at a token."""

    tok: int
    entity_id: str
    type: str
    sent: int
    subject: bool  # the head is, or modifies, a clause subject ("Venezuelan president Hugo Chavez said")
    group: int  # first conjunct of the coordination the head belongs to (its own index when not coordinated)


@dataclass
class _Context:
    doc: Doc
    type_of: Callable[[str], str | None]
    kind_of: Callable[[str], str | None]
    sent_starts: list[int]
    covered: set[int] = field(default_factory=set)  # tokens inside a mention (names and anaphors found)
    at: dict[int, list[_Occurrence]] = field(default_factory=dict)  # head token -> occurrences
    order: list[_Occurrence] = field(default_factory=list)  # by head token
    toks: list[int] = field(default_factory=list)  # the head token of each of ``order``
    gender: dict[str, str] = field(default_factory=dict)
    quoted: list[bool] = field(default_factory=list)  # token inside quotation marks
    titled_states: dict[str, str] = field(default_factory=dict)  # person -> country named in front of the name
    name_words: dict[str, set[str]] = field(default_factory=dict)  # actor -> lower-case words of its mentions

    def sent_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def add(self, occ: _Occurrence) -> None:
        self.at.setdefault(occ.tok, []).append(occ)
        pos = bisect_right(self.toks, occ.tok)
        self.toks.insert(pos, occ.tok)
        self.order.insert(pos, occ)

    def occurrence(self, tok: Token, entity_id: str) -> _Occurrence:
        return _Occurrence(tok.i, entity_id, self.type_of(entity_id) or "", self.sent_of(tok.i), _is_subject(tok),
                           _first_conjunct(tok).i)

    def window_start(self, tok: Token, sentences: int) -> int:
        """First token of the sentence ``sentences`` before ``tok``'s own."""
        return self.sent_starts[max(0, self.sent_of(tok.i) - sentences)]

    def before(self, tok: Token, sentences: int) -> Iterable[_Occurrence]:
        """Occurrences before ``tok`` within the window, nearest first."""
        lo = self.window_start(tok, sentences)
        for occ in reversed(self.order):
            if occ.tok >= tok.i:
                continue
            if occ.tok < lo:
                break
            yield occ


def resolve_anaphora(doc: Doc, mentions: Sequence[Mention], *, type_of: Callable[[str], str | None] = entity_type,
                     kind_of: Callable[[str], str | None] | None = None,
                     country_of_person: Callable[[str], str | None] | None = None,
                     offset: int = 0) -> list[Mention]:
    """Anaphora mentions of ``doc`` given its resolved name mentions.

    Args:
        doc: The parsed article (or chunk); tokens without a parse are skipped.
        mentions: The resolved mentions (character offsets into the article; ``offset`` is where ``doc`` starts).
        type_of: entity id -> actor type ("Country", "Organization", "Person").
        kind_of: entity id -> ``"company"``, ``"party"`` or ``"igo"`` for organisations (None: unknown, which
            fits "the company" and "the party" but not "the bloc").
        country_of_person: person id -> the country whose office the person holds ("his country"), or None;
            without one (or where it knows none), the country the document names in front of the person's name.

    Returns:
        New mentions (method ``anaphora``), sorted by start; several share a span when an anaphor names several
        actors.
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    ctx = _Context(doc, type_of, kind_of or (lambda _: None), [s.start for s in doc.sents], quoted=_quoted(doc))
    for m in mentions:
        if m.entity_id is None:
            continue
        span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
        if span is None or not len(span):
            continue
        ctx.covered.update(range(span.start, span.end))
        ctx.add(ctx.occurrence(span.root, m.entity_id))
        ctx.name_words.setdefault(m.entity_id, set()).update(t.lower_ for t in span)
        title = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
        if title in _MALE_TITLES | _FEMALE_TITLES:
            ctx.gender.setdefault(m.entity_id, "m" if title in _MALE_TITLES else "f")
    ctx.titled_states = _titled_states(ctx)
    out: list[Mention] = []
    doc_id = mentions[0].doc_id if mentions else ""
    for tok in doc:
        if tok.i in ctx.covered or not tok.tag_:
            continue
        found = _resolve(tok, ctx, country_of_person)
        if found is None:
            continue
        span, ids = found
        ctx.covered.update(range(span.start, span.end))
        for entity_id in ids:
            ctx.add(ctx.occurrence(tok, entity_id))
            out.append(Mention(doc_id, span.start_char + offset, span.end_char + offset, span.text, entity_id,
                               ANAPHORA, sent_start=doc[ctx.sent_starts[ctx.sent_of(tok.i)]].idx + offset))
    return sorted(out, key=lambda m: (m.start, m.entity_id or ""))


def _resolve(tok: Token, ctx: _Context, country_of_person) -> tuple[Span, list[str]] | None:
    lower = tok.lower_
    group = _state_group(tok, ctx)
    if group is not None:
        return group
    if lower in PRONOUNS and (tok.pos_ == "PRON" or tok.dep_ == "poss"):
        ids = _pronoun_antecedents(tok, PRONOUNS[lower], ctx)
        return (tok.doc[tok.i : tok.i + 1], ids) if ids else None
    if tok.pos_ != "NOUN":
        return None
    lemma = tok.lemma_.lower()
    if lemma in PERSONAL_STATE_NOUNS and tok.tag_ == "NN":
        state = _persons_state(tok, ctx, country_of_person)
        if state is not None:
            return state
    kind = DESCRIPTIONS.get(lemma)
    if kind is None:
        return None
    return _description(tok, kind, ctx, country_of_person)


# ------------------------------------------------------------------------------------------------ pronouns
def _pronoun_antecedents(tok: Token, pron: _Pronoun, ctx: _Context) -> list[str]:
    """A possessive first takes a compatible co-argument of its verb ("congratulated Bush on his victory"), a plural
    object a coordination named before in its sentence ("thanked Brussels and Washington and urged them"); else
    walk back over clause subjects: the first that denotes compatible actors is the antecedent, and a nearer
    subject that could be the antecedent but names no actor stops the search."""
    if tok.lower_ == "it" and not _referential_it(tok):
        return []
    if tok.dep_ == "poss":
        verb = _clause_verb(tok)
        near = [o for o in ctx.before(tok, 0) if _fits(o, pron, ctx) and _clause_verb(ctx.doc[o.tok]) is verb]
        if near and not pron.plural:
            return [near[0].entity_id]
    own_verb = _governor(tok) if tok.dep_ in ("dobj", "dative", "pobj") else None
    if pron.plural and own_verb is not None:
        # "thanked Brussels and Washington and urged them": a coordination named before in the sentence
        near = [o for o in ctx.before(tok, 0) if _fits(o, pron, ctx) and not _own_subject(tok, o, ctx)]
        ids = _coordination(near, 0)
        if ids:
            return ids
    lo = ctx.window_start(tok, PRONOUN_WINDOW if tok.lower_ != "it" else IT_WINDOW)
    for i in range(tok.i - 1, lo - 1, -1):
        subj = ctx.doc[i]
        if subj.dep_ not in _SUBJECT_DEPS or (own_verb is not None and subj.head.i == own_verb.i):
            continue
        if ctx.quoted[subj.i] and not ctx.quoted[tok.i]:
            continue  # "“He is there because ...,” he argued": the speaker is not the quotation's subject
        denoted = _denoted(subj, ctx, pron.plural)
        found = [o for o in denoted if _fits(o, pron, ctx)]
        ids = list(dict.fromkeys(o.entity_id for o in found))
        if ids:
            if not pron.plural:
                return ids if len(ids) == 1 else []
            if len(ids) >= 2 or found[0].type != "Person":
                return ids  # "Mali and Niger ... they"; "the EU ... they"
            continue
        if not denoted and _could_be_antecedent(subj, pron):
            return []
    if pron.types == PERSON:
        # no subject in reach: the one person named in the last few sentences ("The documentary showed Mr
        # Nattrass telling the meeting: "..." On Tuesday, he told ...")
        persons = {o.entity_id for o in ctx.before(tok, PERSON_FALLBACK_WINDOW) if _fits(o, pron, ctx)
                   and (ctx.quoted[tok.i] or not ctx.quoted[o.tok])}
        if len(persons) == 1:
            return [persons.pop()]
    return []


def _fits(occ: _Occurrence, pron: _Pronoun, ctx: _Context) -> bool:
    return occ.type in pron.types and (pron.gender is None or ctx.gender.get(occ.entity_id, pron.gender) == pron.gender)


def _denoted(subj: Token, ctx: _Context, plural: bool) -> list[_Occurrence]:
    """Occurrences a subject denotes: its own and its conjuncts'; for a plural pronoun also the state that
    modifies a plural subject without one ("Russian officials said they ...", but not "WTO members"), and the
    actors of a plural organ or office ("the governments of Mali and Niger ... they")."""
    heads = [subj, *(c for c in subj.subtree if c.dep_ == "conj" and _first_conjunct(c).i == subj.i)]
    out = [o for h in heads for o in ctx.at.get(h.i, ())]
    if not out and plural and subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() not in MEMBER_NOUNS:
        out = [o for c in subj.children if c.dep_ in _MODIFIER_DEPS for o in ctx.at.get(c.i, ())
               if o.type == "Country"]
        if not out and subj.lemma_.lower() in STATE_ORGANS | PERSON_NOUNS:
            # "The military governments of Mali, Burkina Faso and Niger ... they"
            out = [o for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" for o in _denoted(p, ctx, False)]
    return out


def _could_be_antecedent(subj: Token, pron: _Pronoun) -> bool:
    """A subject that names no actor but agrees with the pronoun ("Analysts said they", "The minister said he")."""
    if subj.pos_ == "PRON":
        return False  # "I", "we", "you", an unresolved "it": no evidence either way
    if pron.plural:
        return subj.tag_ in ("NNS", "NNPS")
    if pron.types == PERSON:
        return subj.ent_type_ == "PERSON" or (subj.tag_ == "NN" and subj.lemma_.lower() in PERSON_NOUNS)
    return subj.tag_ == "NN"  # "The deal was signed in May. It ..."


def _referential_it(tok: Token) -> bool:
    """'It' as the subject of a finite clause that may be about an actor: not pleonastic ('it is likely that',
    'it was reported that', 'it emerged that', 'it sounds like'), not the raised subject of a non-finite clause
    ('wanted it to end', 'want it lifted'), and after a copula only with a role noun ('It is a member of ...')."""
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    later = [c for c in verb.children if c.i > tok.i]
    if tok.dep_ == "nsubjpass" and (lemma in PLEONASTIC_PASSIVES or any(c.dep_ in _CLAUSE_DEPS for c in later)):
        return False
    if not _finite(verb):
        return False
    if lemma in COPULAS:
        return not any(c.dep_ in _CLAUSE_DEPS for c in later) and any(
            c.dep_ == "attr" and c.lemma_.lower() in ROLE_NOUNS for c in later)
    return not (lemma in PLEONASTIC_VERBS and any(c.dep_ in _CLAUSE_DEPS for c in later))


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children)


# ------------------------------------------------------------------------------------------------ descriptions
def _description(tok: Token, kind: str, ctx: _Context, country_of_person=None) -> tuple[Span, list[str]] | None:
    """"the country", "the two countries", "both sides", "the trade body"; a singular state description ("the
    government", "the country") with no state to point to in reach is the document's home state
    (:func:`_home_state`)."""
    if tok.dep_ in ("attr", "appos", "compound") or tok.tag_ not in ("NN", "NNS"):
        return None  # "Belarus is the country that ...": a predicate, not a reference
    words = [c for c in tok.children if c.i < tok.i]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or any(
            c.lower_ in OTHER_WORDS or c.i in ctx.covered or c.dep_ == "poss" for c in words):
        return None
    dets = {c.lower_ for c in words if c.dep_ in ("det", "predet", "nummod", "preconj")}
    count = next((COUNT_WORDS[w] for w in dets if w in COUNT_WORDS), 0)
    plural = tok.tag_ == "NNS" and tok.lemma_.lower() not in COLLECTIVE_NOUNS
    if plural:
        if not (dets & {"the", "these", "both"}):
            return None  # "two countries", "countries": not definite
    elif count or kind not in SINGULAR_KINDS or not (dets & {"the", "this"}):
        return None  # "a country", "the leader" (too vague alone)
    first = min([tok.i, *(c.left_edge.i for c in words)])
    span = tok.doc[first : tok.i + 1]
    if any(t.i in ctx.covered for c in tok.children if c.dep_ in _NP_DEPS for t in c.subtree):
        return None  # "the government in Cairo", "the two companies [Rosneft and CNPC]": named right there
    types = KIND_TYPES[kind]
    window = COUNTED_WINDOW if count else NAMED_WINDOW if kind == "named" else DESCRIPTION_WINDOW
    fits = [o for o in ctx.before(tok, window) if o.type in types and _kind_fits(o, kind, ctx, tok)
            and not _own_subject(tok, o, ctx)]
    if not plural:
        organ = tok.lemma_.lower() in STATE_ORGANS
        ids = _singular(fits, ctx.sent_of(tok.i), organ=organ)
        if not ids and kind == "country":
            ids = _home_state(tok, ctx, country_of_person)
    else:
        ids = (_coordination(fits, count) or _sentence_set(fits, count) or _salient(fits, count)) if count \
            else _participants(fits, ctx)
    return (span, ids) if ids else None


def _kind_fits(occ: _Occurrence, kind: str, ctx: _Context, tok: Token | None = None) -> bool:
    if kind == "named":
        return tok is not None and tok.lemma_.lower() in ctx.name_words.get(occ.entity_id, ())
    if kind not in ("igo", "company", "party"):
        return True
    actual = ctx.kind_of(occ.entity_id)
    return actual == kind or (actual is None and kind == "company")


def _singular(fits: list[_Occurrence], sent: int, organ: bool) -> list[str]:
    """The nearest actor of the sentence that is (or modifies) a clause subject ("Venezuelan president Hugo
    Chavez has offered China access to the country's oil"), else the nearest actor; for a state organ ("the
    government") only a subject's: the state a clause was about, not one named in passing."""
    subjects = [o for o in fits if o.subject and (organ or o.sent == sent)]
    pool = subjects or ([] if organ else fits)
    return [pool[0].entity_id] if pool else []


def _nearest_set(fits: list[_Occurrence], n: int, by: Callable[[_Occurrence], int]) -> list[str]:
    """The distinct actors of the nearest bunch of occurrences (bunched ``by`` a key) that holds ``n`` of them, or
    at least two when ``n`` is 0."""
    bunches: dict[int, list[str]] = {}
    for occ in fits:  # nearest first, so the bunches are in order of their nearest member
        ids = bunches.setdefault(by(occ), [])
        if occ.entity_id not in ids:
            ids.append(occ.entity_id)
    return next((ids for ids in bunches.values() if (len(ids) == n if n else len(ids) >= 2)), [])


def _coordination(fits: list[_Occurrence], n: int) -> list[str]:
    """The nearest coordination of ``n`` actors ("Mali, Burkina Faso and Niger")."""
    return _nearest_set(fits, n, lambda o: o.group)


def _participants(fits: list[_Occurrence], ctx: _Context) -> list[str]:
    """"the leaders", "the juntas": the nearest coordination of at least two actors, with the subject of its clause
    ("President Joe Biden hosted Prime Minister Fumio Kishida and President Marcos ... The leaders" -> all three)."""
    ids = _coordination(fits, 0)
    if not ids:
        return []
    first = next(o for o in fits if o.entity_id == ids[0])
    verb = _clause_verb(ctx.doc[first.group])
    subjects = [o.entity_id for o in fits if o.sent == first.sent and ctx.doc[o.tok].dep_ in _SUBJECT_DEPS
                and verb is not None and ctx.doc[o.tok].head.i == verb.i]
    return list(dict.fromkeys([*ids, *subjects]))


def _sentence_set(fits: list[_Occurrence], n: int) -> list[str]:
    """The actors of the nearest sentence that names ``n`` of them (or at least two): "President Joe Biden hosted
    Prime Minister Fumio Kishida and President Marcos ... The leaders agreed ..." -> all three."""
    return _nearest_set(fits, n, lambda o: o.sent)


def _salient(fits: list[_Occurrence], n: int) -> list[str]:
    """The ``n`` most salient actors of the window: clause subjects first ("India is a member of the Quad ...,
    and China has criticised it. Both Asian powers ..." -> India and China), then those named most often ("The
    US filed a complaint against Brussels ... a retaliatory EU complaint over US support for Boeing. However,
    both sides ..." -> the US and the EU), then the nearest."""
    stats: dict[str, list[int]] = {}  # entity -> [named as a subject, times named, -rank of the nearest]
    for rank, occ in enumerate(fits):  # nearest first
        named = stats.setdefault(occ.entity_id, [0, 0, -rank])
        named[0] |= occ.subject
        named[1] += 1
    ranked = sorted(stats, key=lambda e: tuple(stats[e]), reverse=True)
    return ranked[:n] if len(ranked) >= n else []


def _state_group(tok: Token, ctx: _Context) -> tuple[Span, list[str]] | None:
    """"the Baltic states", "the three Baltic countries", "the Baltics", "Central Asian republics": every member
    state of the group (the countries' records must be in the gazetteer: ``ctx.type_of`` knows them)."""
    if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in GROUP_HEADS:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
        words = " ".join(t.lower_ for m in mods for t in m.subtree if t.i < tok.i and t.dep_ != "det")
        key = next((k for k in STATE_GROUPS if words == k or words.endswith(" " + k) or words.startswith(k + " ")
                    or words.split()[-1:] == [k]), None)
        if key is None or any(c.lower_ in OTHER_WORDS for c in tok.children):
            return None
        first = min([tok.i, *(m.left_edge.i for m in mods)])
    elif tok.lower_ in GROUP_NAMES and tok.tag_ in ("NNPS", "NNP", "NNS"):
        key, first = GROUP_NAMES[tok.lower_], tok.i
    else:
        return None
    if any(i in ctx.covered for i in range(first, tok.i + 1)):
        return None
    members = [c for c in STATE_GROUPS[key] if ctx.type_of(c) == "Country"]
    return (tok.doc[first : tok.i + 1], members) if members else None


def _persons_state(tok: Token, ctx: _Context, country_of_person) -> tuple[Span, list[str]] | None:
    """"his country", "her government", "Mr Chavez's administration": the state whose office the gazetteer
    records the person as holding, else the one state the document names in front of the person's name
    ("Venezuelan president Hugo Chavez", "Russia's foreign minister Sergei Lavrov")."""
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        persons = {o.entity_id for o in ctx.at.get(c.i, ()) if o.type == "Person"}
        if len(persons) != 1:
            continue
        person = persons.pop()
        country = (country_of_person(person) if country_of_person is not None else None) or \
            ctx.titled_states.get(person)
        if country is not None:
            return tok.doc[tok.i : tok.i + 1], [country]
    return None


#: The home state must be named (or its office holders named) this many times before the description ...
HOME_STATE_MIN = 3
#: ... and this many times as often as any other state.
HOME_STATE_LEAD = 2


def _home_state(tok: Token, ctx: _Context, country_of_person) -> list[str]:
    """"criticised the government" with no state in the last sentences: the state the document is about, as far
    as it has gone -- the one named (itself, or through the offices of the persons named) at least
    :data:`HOME_STATE_MIN` times and :data:`HOME_STATE_LEAD` times as often as any other; else none."""
    counts: dict[str, int] = {}
    for occ in ctx.order:
        if occ.tok >= tok.i:
            break
        country = occ.entity_id if occ.type == "Country" else None
        if occ.type == "Person":
            country = (country_of_person(occ.entity_id) if country_of_person is not None else None) or \
                ctx.titled_states.get(occ.entity_id)
        if country is not None:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.values(), reverse=True) + [0]
    if ranked[0] < HOME_STATE_MIN or ranked[0] < HOME_STATE_LEAD * ranked[1]:
        return []
    return [next(c for c, n in counts.items() if n == ranked[0])]


def _titled_states(ctx: _Context) -> dict[str, str]:
    """Person -> the one country named inside the noun phrases that name the person ("Venezuelan president Hugo
    Chavez"), over the whole document."""
    found: dict[str, set[str]] = {}
    for occ in ctx.order:
        if occ.type != "Person":
            continue
        head = ctx.doc[occ.tok]
        found.setdefault(occ.entity_id, set()).update(
            o.entity_id for i in range(head.left_edge.i, head.i) for o in ctx.at.get(i, ()) if o.type == "Country")
    return {person: countries.pop() for person, countries in found.items() if len(countries) == 1}


# ------------------------------------------------------------------------------------------------ parse helpers
def _first_conjunct(tok: Token) -> Token:
    seen = 0
    while tok.dep_ == "conj" and tok.head is not tok and seen < 20:
        tok, seen = tok.head, seen + 1
    return tok


def _is_subject(tok: Token) -> bool:
    """Whether ``tok`` is, or is coordinated into or modifies, the subject of a clause."""
    seen = 0
    while tok.dep_ in ("conj", "compound", "appos", "cc", "flat", "amod", "poss") and tok.head is not tok and seen < 10:
        tok, seen = tok.head, seen + 1
    return tok.dep_ in _SUBJECT_DEPS


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (the predicate of its clause)."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _quoted(doc: Doc) -> list[bool]:
    """Per token: inside quotation marks (straight quotes toggle; a paragraph break ends a quotation)."""
    out, inside = [], False
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            out.append(inside)
            inside = False
            continue
        if tok.text in ("“", "‘‘", "``"):
            inside = True
        elif tok.text in ("”", "''"):
            inside = False
        elif tok.text == '"':  # a closing mark sticks to the word before it, an opening one to the word after it
            inside = not (tok.i > 0 and not doc[tok.i - 1].whitespace_) \
                if inside else True
        out.append(inside)
    return out


def _governor(tok: Token) -> Token:
    """The verb whose argument ``tok`` is (through a preposition)."""
    head = tok.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    return head


def _own_subject(tok: Token, occ: _Occurrence, ctx: _Context) -> bool:
    """``occ`` is the subject of ``tok``'s own clause ("Russia criticised the country", "the US had a harder
    position towards the state": not Russia, not the US)."""
    if tok.dep_ in _SUBJECT_DEPS:
        return False
    other = ctx.doc[occ.tok]
    verb = _clause_verb(tok)
    return verb is not None and other.dep_ in _SUBJECT_DEPS and other.head.i == verb.i
