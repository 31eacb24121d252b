"""Titles read off the surface: "Uzbek Prime Minister Abdulla Aripov", "NATO Secretary-General Jens Stoltenberg",
"Russia's foreign minister Sergei Lavrov", "Sergei Lavrov, the Russian foreign minister,", "X, prime minister of Y".

The dependency parse of such noun phrases is unreliable in the small English model ("India's petroleum minister
Mr Aiyar and Russian energy minister Viktor Khristenko" attaches Khristenko to India's minister), while their
surface is rigid: an actor (name, demonym or possessive), a run of title words, and the person's name, with
nothing else between them.  These rules read that surface and so work for people nobody listed in the gazetteer;
the office type decides the relation: heads of a state, government or organisation -> ``leaderOf``, every other
office (minister, spokesman, envoy, deputy, vice-president ...) -> ``affiliatedWith``.  A former or designated
holder ("former President X", "President-elect X") is not the holder now and yields nothing.

With no actor in the phrase ("President Kassym-Jomart Tokayev said"), the country is the article's own when the
article is plainly about one country (:func:`dominant_country`), at a lower confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from graphbuild.model import Mention
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.lexicon import Lexicon

#: Honorifics between a title and a name ("Foreign Minister Mr Aiyar").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor", "."})
#: Words in or before a title run by which the person does not hold the office now (the relation is negated;
#: docs/ANNOTATION.md: "former" before an office gives the office relation, negated).
NOT_HOLDER = frozenset({"former", "ex", "late", "then", "ousted", "deposed", "exiled", "elect", "designate",
                        "would-be", "future"})
#: Words that make a leading title a non-leading office ("deputy prime minister", "vice president").
DEPUTY = frozenset({"deputy", "vice", "assistant", "under", "junior", "shadow", "adviser", "advisor", "aide",
                    "spokesman", "spokeswoman", "spokesperson"})
#: Two-word leading titles whose last word alone is not one ("prime minister", "secretary general").
LEADING_PAIRS = frozenset({("prime", "minister"), ("secretary", "general"), ("head", "state"),
                           ("head", "government"), ("director", "general"), ("chief", "executive")})
#: Words by which an office is not one of the state or organisation named before it ("the Kenyan opposition
#: leader", "Chechen rebel commander": docs/ANNOTATION.md, demonyms do not count for parties and opposition).
NON_STATE = frozenset({"opposition", "rebel", "rebels", "separatist", "militia", "insurgent", "guerrilla", "protest",
                       "student", "tribal", "church", "business", "dissident", "exiled"})
#: Longest run of title words (and their modifiers: "foreign", "energy", "junta") between actor and name.
MAX_RUN = 5
#: Confidence multiplier when the country comes from the article, not from the phrase.
IMPLIED_COUNTRY = 0.8
_ACTOR_TYPES = ("Country", "Organization")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A person, the office words around their name, and the actor the office belongs to (None: unnamed)."""

    person: Mention
    relation: str  # leaderOf | affiliatedWith
    actor: Mention | None
    title: Token  # the head word of the office ("minister", "president")
    steps: int
    current: bool = True  # False for "former President X": the office relation, negated


def _title_words(lex: Lexicon) -> frozenset[str]:
    return lex.leader_titles | lex.affiliated_titles


def _is_run_word(tok: Token, index: ActorIndex) -> bool:
    """Can ``tok`` stand in a title run ("Foreign", "energy", "junta", "Secretary", "-")?"""
    if index.mention_at(tok) is not None:
        return False
    if tok.text in ("-", "–"):
        return True
    return tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL")


def office_kind(run: Sequence[Token], lex: Lexicon) -> tuple[str, Token] | None:
    """(relation, head title token) for a run of title words, or None if it names no office.

    A department after "of" is part of the title ("Secretary of State", "Minister of Foreign Affairs").  Whether
    the holder holds it now is :func:`is_current`'s question.
    """
    of = next((k for k, t in enumerate(run) if t.lower_ == "of"), None)
    if of is not None:
        run = run[:of]
    words = [t.lower_ for t in run if t.text not in ("-", "–")]
    words = [w for w in words if w not in NOT_HOLDER]
    if not words or set(words) & NON_STATE:
        return None
    titles = _title_words(lex) | {"chief"}
    heads = [t for t in run if t.lemma_.lower() in titles or t.lower_ in titles]
    if not heads:
        return None
    head = heads[-1]
    if head is not run[-1] and not (run[-1].text in ("-", "–") or run[-1].lower_ in titles):
        return None  # "minister Smith spokesman" - the head title must end the run
    pairs = set(zip(words, words[1:]))
    leading = (head.lemma_.lower() in lex.leader_titles or bool(pairs & LEADING_PAIRS)) and not (
        set(words) & DEPUTY)
    if head.lower_ in ("general",) and ("secretary", "general") not in pairs and ("director", "general") not in pairs:
        leading = False  # "General X" is a military rank
    return ("leaderOf" if leading else "affiliatedWith"), head


def _left_run(index: ActorIndex, sent: Span, first: int) -> tuple[list[Token], int]:
    """Title-run tokens ending just before token ``first`` (honorifics skipped), and the index before the run."""
    doc = sent.doc
    i = first - 1
    while i >= sent.start and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1
    run: list[Token] = []
    while i >= sent.start and len(run) < MAX_RUN:
        tok = doc[i]
        if _is_run_word(tok, index) or _department(tok, index, sent):
            run.insert(0, tok)
        elif tok.lower_ == "of" and run and i > sent.start and _is_run_word(doc[i - 1], index):
            run.insert(0, tok)  # "Secretary of State", "Minister of Defence"
        elif tok.lower_ == "and" and run and i > sent.start and _is_run_word(doc[i - 1], index) \
                and index.mention_at(doc[i - 1]) is None and run[0].is_lower and doc[i - 1].is_lower:
            run.insert(0, tok)  # "defence and foreign ministers"
        else:
            break
        i -= 1
    return run, i


def _department(tok: Token, index: ActorIndex, sent: Span) -> bool:
    """"State" in "Secretary of State": a capitalised word after "of" that NER took for an unknown organisation."""
    m = index.mention_at(tok)
    return (m is not None and not index.in_gazetteer(m) and m.end - m.start == len(tok.text) and tok.i > sent.start
            and tok.doc[tok.i - 1].lower_ == "of")


def _actor_before(index: ActorIndex, sent: Span, i: int) -> Mention | None:
    """The country/organisation named right at token ``i`` ("Uzbek", "NATO", "Russia 's")."""
    doc = sent.doc
    if i >= sent.start and doc[i].lower_ in ("'s", "'", "’s"):
        i -= 1
    if i < sent.start:
        return None
    m = index.mention_at(doc[i])
    return m if m is not None and index.type_of(m) in _ACTOR_TYPES else None


#: Parts of an organisation whose head is not the organisation's head.
UNIT_NOUNS = frozenset({"department", "division", "unit", "office", "bureau", "branch", "wing", "desk", "section",
                        "team", "committee", "directorate", "service", "programme", "program", "mission"})


def _sub_unit(doc, j: int, end: int) -> int:
    """The token index after "'s <words> <unit>" starting at ``j`` ("IMF's Africa department"), else 0."""
    if j >= end or doc[j].lower_ not in ("'s", "’s"):
        return 0
    for k in range(j + 1, min(j + 5, end)):
        if doc[k].lemma_.lower() in UNIT_NOUNS:
            return k + 1
        if not doc[k].is_alpha:
            return 0
    return 0


def _right_apposition(index: ActorIndex, sent: Span, m: Mention, lex: Lexicon) -> TitleMatch | None:
    """"X, the Russian foreign minister," / "X, Russia's prime minister" / "X, prime minister of Y"."""
    doc = sent.doc
    j = index.span_of(m).end
    if j >= sent.end or doc[j].text != ",":
        return None
    j += 1
    if j < sent.end and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    actor = index.mention_at(doc[j]) if j < sent.end else None
    if actor is not None:
        if index.type_of(actor) not in _ACTOR_TYPES:
            return None
        a_span = index.span_of(actor)
        j = a_span.end
        if j < sent.end and doc[j].lower_ in ("'s", "'", "’s"):
            j += 1
    run: list[Token] = []
    while j < sent.end and len(run) < MAX_RUN and _is_run_word(doc[j], index):
        run.append(doc[j])
        j += 1
    kind = office_kind(run, lex) if run else None
    if kind is None:
        return None
    if actor is None and j + 1 < sent.end and doc[j].lower_ in ("of", "for"):
        k = j + 1
        if doc[k].lower_ == "the" and k + 1 < sent.end:
            k += 1
        # "vice chairman of banking giant Citigroup": descriptive words before the name
        while k + 1 < sent.end and k - j <= 3 and index.mention_at(doc[k]) is None and doc[k].is_lower \
                and doc[k].pos_ in ("NOUN", "ADJ"):
            k += 1
        found = index.mention_at(doc[k])
        if found is None or index.type_of(found) not in _ACTOR_TYPES:
            return None
        actor = found
        j = index.span_of(found).end
        if _sub_unit(doc, j, sent.end):
            # "head of the IMF's Africa department": an office in the organisation, not at its head
            j = _sub_unit(doc, j, sent.end)
            kind = ("affiliatedWith", kind[1])
    if actor is None:
        return None
    # the apposition must end there: "X, the Russian foreign minister, said" / "... minister." / "... and"
    if j < sent.end and doc[j].text not in (",", ".", ";", ")", "—", "–", '"') and doc[j].lower_ != "and":
        return None
    return TitleMatch(m, kind[0], actor, kind[1], 2)


#: Jobs that are no office but place a person in an organisation ("an analyst at X", "chief economist of X").
JOB_NOUNS = frozenset({"analyst", "economist", "researcher", "director", "manager", "executive", "strategist",
                       "lawyer", "expert", "specialist", "campaigner", "officer", "head", "boss", "founder",
                       "member", "activist", "fellow", "professor", "lecturer", "editor"})
#: Words that may follow the organisation where the phrase ends ("..., said X of Y." / "X of Y said").
_PHRASE_END = frozenset({",", ".", ";", ")", "—", "–", '"', "”", ":", "and", "said", "says", "told", "added"})


#: Words naming research and teaching bodies, whose experts only comment (docs/ANNOTATION.md: "think tanks that
#: only employ a speaker" are no actors).
RESEARCH_WORDS = frozenset({"institute", "centre", "center", "studies", "endowment", "foundation", "university",
                            "college", "school", "academy", "forum", "institution"})


def _research_body(index: ActorIndex, m: Mention) -> bool:
    return not index.in_gazetteer(m) and bool(RESEARCH_WORDS & {w.lower() for w in m.text.split()})


def _org_at(index: ActorIndex, sent: Span, k: int) -> Mention | None:
    """The organisation named from token ``k`` on ("the", "banking group" skipped), if the phrase ends there."""
    doc = sent.doc
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    placed = index.mention_at(doc[k]) if k < sent.end else None
    if placed is not None and index.type_of(placed) == "Country":  # "the UK's Human Rights Watch"
        j = index.span_of(placed).end
        if j < sent.end and doc[j].lower_ in ("'s", "’s"):
            k = j + 1
    start = k
    while k < sent.end and k - start < 3 and index.mention_at(doc[k]) is None and doc[k].is_lower \
            and doc[k].pos_ in ("NOUN", "ADJ"):
        k += 1
    found = index.mention_at(doc[k]) if k < sent.end else None
    if found is None or index.type_of(found) != "Organization" or _research_body(index, found):
        return None
    j = index.span_of(found).end
    return found if j >= sent.end or doc[j].lower_ in _PHRASE_END else None


def _affiliation(index: ActorIndex, sent: Span, m: Mention) -> TitleMatch | None:
    """A person placed in an organisation without an office: "Brad Adams of Human Rights Watch", "X, from the
    IMF,", "X, an analyst at Gazprom," -> affiliatedWith (organisations only: "X of Britain" says nothing)."""
    doc = sent.doc
    j = index.span_of(m).end
    if j + 1 < sent.end and doc[j].lower_ == "of":
        org = _org_at(index, sent, j + 1)
        return TitleMatch(m, "affiliatedWith", org, doc[j], 2) if org is not None else None
    if j + 2 >= sent.end or doc[j].text != ",":
        return None
    j += 1
    if doc[j].lower_ == "from":
        org = _org_at(index, sent, j + 1)
        return TitleMatch(m, "affiliatedWith", org, doc[j], 2) if org is not None else None
    if doc[j].lower_ in ("a", "an", "the"):
        j += 1
    while j < sent.end and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1  # "a senior analyst"
    if j + 1 < sent.end and doc[j].lemma_.lower() in JOB_NOUNS and doc[j + 1].lower_ in ("at", "of", "with", "for"):
        org = _org_at(index, sent, j + 2)
        return TitleMatch(m, "affiliatedWith", org, doc[j], 2) if org is not None else None
    return None


def surface_titles(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[TitleMatch]:
    """Every person in ``sent`` with an office read off the surface (actor None: the phrase names none).

    Besides "<actor> <title> <Name>", "<Name>, the <actor> <title>" and "<Name>, <title> of <actor>": the actor
    after the names ("junta leader X of Myanmar"), before an apposed name ("the foreign minister of Y, X,"), and a
    plural title shared by coordinated names ("Kenya's defence and foreign ministers X and Y", "Presidents X and Y").
    """
    shared: dict[tuple[int, int], TitleMatch] = {}
    for m in index.sentence_mentions(sent):
        if index.type_of(m) != "Person" or m.method == "office":
            continue
        if (m.start, m.end) in shared:
            yield replace(shared[(m.start, m.end)], person=m)
            continue
        span = index.span_of(m)
        run, before = _left_run(index, sent, span.start)
        if not run and len(span) == 1 and m.method == "coreference":
            run, before = [span[0]], span.start - 1  # "the Tory leader" naming the one introduced so
        kind = office_kind(run, lex) if run else None
        if kind is not None:
            actor = _actor_before(index, sent, before)
            names = _coordinated_names(index, sent, m) if _plural(kind[1]) else [m]
            if actor is None:
                actor = _actor_after(index, sent, index.span_of(names[-1]).end)
            first = index.span_of(actor).start if actor is not None and actor.start < m.start else run[0].i
            # "former Cabinet minister X", "Georgia's ex-president X"
            lead = [*sent.doc[max(sent.start, first - 2):first], *run]
            current = not any(t.lower_ in NOT_HOLDER for t in lead)
            relation = _chief(kind, run, actor, index)
            found = TitleMatch(m, relation, actor, kind[1], 1, current)
            shared.update({(n.start, n.end): found for n in names[1:]})
            yield found
            continue
        right = (_right_apposition(index, sent, m, lex) or _left_apposition(index, sent, m, lex)
                 or _affiliation(index, sent, m))
        if right is not None:
            yield TitleMatch(m, right.relation, right.actor, right.title, right.steps)


def _plural(title: Token) -> bool:
    return title.tag_ in ("NNS", "NNPS") or (title.lower_.endswith("s") and title.lemma_.lower() != title.lower_)


def _chief(kind: tuple[str, Token], run: Sequence[Token], actor: Mention | None, index: ActorIndex) -> str:
    """"NATO chief X" heads NATO; an "army chief" or "spy chief" is an official of his state."""
    if kind[1].lower_ != "chief":
        return kind[0]
    alone = len([t for t in run if t.is_alpha]) == 1
    return "leaderOf" if alone and actor is not None and index.type_of(actor) == "Organization" else "affiliatedWith"


def _coordinated_names(index: ActorIndex, sent: Span, m: Mention) -> list[Mention]:
    """``m`` and the persons coordinated right after it ("X, Y and Z"): the holders of a plural title."""
    doc = sent.doc
    names = [m]
    j = index.span_of(m).end
    while j + 1 < sent.end and doc[j].lower_ in (",", "and"):
        k = j + 1 if not (doc[j].text == "," and doc[j + 1].lower_ == "and") else j + 2
        nxt = index.mention_at(doc[k]) if k < sent.end else None
        if nxt is None or index.type_of(nxt) != "Person" or index.span_of(nxt).start != k:
            break
        names.append(nxt)
        j = index.span_of(nxt).end
    return names


def _actor_after(index: ActorIndex, sent: Span, j: int) -> Mention | None:
    """The country/organisation in "<title> <Name> of <actor>" ("junta leader X of Myanmar"), ending the phrase."""
    doc = sent.doc
    if j + 1 >= sent.end or doc[j].lower_ != "of":
        return None
    k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
    found = index.mention_at(doc[k]) if k < sent.end else None
    if found is None or index.type_of(found) not in _ACTOR_TYPES or index.span_of(found).start != k:
        return None
    end = index.span_of(found).end
    return found if end >= sent.end or doc[end].lower_ in _PHRASE_END or doc[end].pos_ in ("VERB", "AUX") else None


def _left_apposition(index: ActorIndex, sent: Span, m: Mention, lex: Lexicon) -> TitleMatch | None:
    """"The foreign minister of Senegal, X, said" / "NATO's secretary general, X,": the office before the name."""
    doc = sent.doc
    i, end = index.span_of(m).start - 1, index.span_of(m).end
    if i <= sent.start or doc[i].text != "," or end >= sent.end or doc[end].text != ",":
        return None  # an apposition closed by a comma ("..., X, said"), not "as US President, X said"
    actor = index.mention_at(doc[i - 1])
    if actor is None or index.type_of(actor) not in _ACTOR_TYPES:
        run, _ = _left_run(index, sent, i)  # "Russia's foreign minister, X," / "the Slovak foreign minister, X"
        kind = office_kind(run, lex) if run else None
        actor = _actor_before(index, sent, run[0].i - 1) if kind is not None else None
        return TitleMatch(m, kind[0], actor, kind[1], 2) if kind is not None and actor is not None else None
    k = index.span_of(actor).start - 1
    if k > sent.start and doc[k].lower_ == "the":
        k -= 1
    if k <= sent.start or doc[k].lower_ not in ("of", "for"):
        return None
    run, _ = _left_run(index, sent, k)
    kind = office_kind(run, lex) if run else None
    return TitleMatch(m, kind[0], actor, kind[1], 2) if kind is not None else None


def dominant_country(index: ActorIndex) -> Mention | None:
    """The article's own country: one country named in at least 60% of the country mentions, at least 3 times."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    seen: set[tuple[int, int]] = set()
    for m in index.by_token.values():
        if (m.start, m.end) in seen or index.type_of(m) != "Country" or m.entity_id is None:
            continue
        seen.add((m.start, m.end))
        counts[m.entity_id] += 1
        first.setdefault(m.entity_id, m)
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return first[top] if n >= 3 and n >= 0.6 * total else None



def as_titles(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[TitleMatch]:
    """"Bush begins his second term as US President", "Lavrov served as Russia's ambassador": an office held "as"."""
    from graphbuild.relations.patterns import clause_subjects

    for tok in sent:
        if tok.lower_ != "as" or tok.dep_ != "prep":
            continue
        for title in (c for c in tok.children if c.dep_ == "pobj"):
            run = sorted([title, *(c for c in title.children if c.dep_ in ("compound", "amod")
                                   and _is_run_word(c, index))], key=lambda t: t.i)
            kind = office_kind(run, lex)
            if kind is None:
                continue
            actors = [m for c in title.children if c.dep_ in ("compound", "poss", "nmod", "amod")
                      and (m := index.mention_at(c)) is not None and index.type_of(m) in _ACTOR_TYPES]
            actors += [m for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj" and (m := index.mention_at(p)) is not None
                       and index.type_of(m) in _ACTOR_TYPES]
            verb = tok.head
            while verb.pos_ in ("NOUN", "PROPN") and verb.head != verb:
                verb = verb.head  # "his second term as ...": the clause of the term
            holders = [r.mention for r in clause_subjects(verb, index)[0] if index.type_of(r.mention) == "Person"]
            for person in holders[:1]:
                for actor in actors[:1]:
                    yield TitleMatch(person, kind[0], actor, kind[1], 3)
