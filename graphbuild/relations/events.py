"""Rules for what news says about events rather than actors, and facts stated in passing.

* Event nouns as objects: "X condemned the coup in Niger", "X welcomed the decision" (the actor of that
  event, named in the phrase or as the subject of the sentence before), "the move drew condemnation from X".
* Evaluations: "X termed Y's decision provocative", "X described the drills as dangerous" -> accuse;
  "... as constructive" -> support.
* Membership stated in apposition: "Ghana and Gabon, both members of the Security Council", "Estonia, one of
  NATO's frontline states", "Estonia, a NATO member,".

Each function is a generator of :class:`~graphbuild.relations.patterns.Candidate` over one sentence, like the
families in :mod:`graphbuild.relations.patterns`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.relations.actors import ActorIndex, ActorRef
from graphbuild.relations.lexicon import Lexicon

#: Interaction types whose object may be an event rather than an actor ("condemned the coup").
EVENT_OBJECT_TYPES = frozenset({"accuse", "reject", "support", "protest", "sanction", "threaten"})
#: Types for which "the test" may point back to the sentence before: a reaction against what was just reported.
#: ("welcomed the decisions" often points further back, to whoever decided, so support is left out.)
PREVIOUS_EVENT_TYPES = frozenset({"accuse", "reject", "protest"})
#: Event nouns whose "in X" names the actor that did them ("the coup in Niger"); violent events are left out
#: ("the attack in Paris" names the victim's place, not the attacker).
REGIME_EVENTS = frozenset({"coup", "takeover", "crackdown", "election", "vote", "referendum", "test", "launch",
                           "decision", "move", "law", "trial", "arrest", "repression", "policy", "annexation",
                           "purge", "verdict", "sentence", "ban", "detention", "conviction", "plan", "reform"})
#: Determiners by which an event noun points back to the event just reported ("the test", "this decision").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
#: "the move drew condemnation from X": verbs whose subject (an event) receives the reaction in their object.
REACTION_VERBS = frozenset({"draw", "attract", "receive", "earn", "face", "prompt", "spark", "provoke", "trigger",
                            "meet", "win"})
#: Reaction nouns -> relation type ("condemnation from X" = X accuse <event's actor>).
REACTION_NOUNS = {"condemnation": "accuse", "criticism": "accuse", "rebuke": "accuse", "censure": "accuse",
                  "anger": "accuse", "outrage": "accuse", "protest": "protest", "protests": "protest",
                  "praise": "support", "backing": "support", "support": "support", "approval": "support",
                  "welcome": "support", "rejection": "reject", "opposition": "reject",
                  "accusation": "accuse", "attack": "accuse", "flak": "accuse", "scorn": "accuse", "fire": "accuse",
                  "ridicule": "accuse", "rebuff": "reject", "threat": "threaten", "sanction": "sanction",
                  "demand": "demand", "pressure": "coerce"}
#: "X did it despite / amid objections from Y": prepositions by which a clause goes ahead against a reaction.
AGAINST_REACTION = frozenset({"despite", "amid", "amidst"})
#: Reactions a clause can go ahead against (not "despite American support for the Kurds", aimed at a third party;
#: nor opposition, which is aimed at the plan pursued more than at its pursuer: "defended plans to end the embargo
#: despite opposition from the US" -- right 1 time in 4 on the dev gold).
ADVERSE_REACTIONS = frozenset({"accuse", "protest", "threaten", "demand", "coerce", "sanction"})
#: Reactions that are also words of war: between two states "came under fire / attack" may be shooting.
MARTIAL_REACTIONS = frozenset({"fire", "attack"})
#: "came under fire / pressure from X": verbs whose "under" object is the reaction.
UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})
#: Verbs whose subject, in a reported clause, is accused of a wrong ("said Blair had misled the country").
WRONGDOING_VERBS = frozenset({"mislead", "lie", "betray", "deceive", "fail", "undermine", "abandon", "flout",
                              "violate", "breach", "renege", "cheat", "distort", "exaggerate", "sabotage",
                              "bully", "squander", "neglect", "wreck", "ruin"})
#: "termed / called / described / labelled <object> <adjective>".
EVALUATIVE_VERBS = frozenset({"term", "call", "describe", "label", "brand", "characterise", "characterize",
                              "dub", "consider", "deem", "regard", "see", "view", "hold"})
NEGATIVE_ADJECTIVES = frozenset({"provocative", "dangerous", "unacceptable", "illegal", "illegitimate",
                                 "aggressive", "destabilising", "destabilizing", "irresponsible", "hostile", "reckless",
                                 "unfriendly", "absurd", "outrageous", "hypocritical", "baseless", "groundless",
                                 "unjustified", "unlawful", "threat", "provocation", "mistake", "violation",
                                 "interference", "blackmail", "escalation", "farce", "sham", "fraudulent", "null",
                                 "invalid", "counterproductive", "unprovoked", "barbaric", "criminal", "wrong",
                                 "misleading", "dishonest", "incompetent", "mistaken", "naive", "arrogant",
                                 "shambles", "disgrace", "disgraceful", "scandalous", "irresponsible", "liar",
                                 "hypocrite", "complacent", "failing", "divisive", "untrustworthy", "shameful",
                                 "appalling", "deplorable", "contemptible", "cowardly", "betrayal", "joke",
                                 "responsible", "accountable", "culpable", "complicit", "guilty", "propaganda", "lie",
                                 "nonsense", "rubbish", "slander", "fabrication", "fraud", "con", "disaster",
                                 "failure", "hypocrisy"})
POSITIVE_ADJECTIVES = frozenset({"constructive", "positive", "welcome", "useful", "productive", "important",
                                 "historic", "fruitful", "encouraging", "step", "best", "reliable", "trustworthy",
                                 "friend", "partner", "ally", "hero", "visionary", "statesman"})


def event_objects(obj_toks: list[Token], index: ActorIndex, exclude: set[str], *, previous: bool = True
                  ) -> list[ActorRef]:
    """The actor behind an event named as an object: "the coup in Niger", or, for "the test" / "this decision"
    (with ``previous``), the subject of the sentence before (countries and organisations only)."""
    out: list[ActorRef] = []
    for tok in obj_toks:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in REGIME_EVENTS:
            continue
        out += [ActorRef(r.mention, r.steps + 2) for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        if out:
            continue
        if previous and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
            out += _previous_subjects(tok, index)
    return [r for r in out if r.mention.entity_id not in exclude
            and index.type_of(r.mention) in ("Country", "Organization")]


def _previous_subjects(tok: Token, index: ActorIndex) -> list[ActorRef]:
    sent = index.sent_of(tok)
    if sent.start == 0:
        return []
    before = index.sent_of(sent.start - 1)
    return [ActorRef(r.mention, r.steps + 3) for t in before if t.dep_ in ("nsubj", "nsubjpass")
            and t.head.dep_ == "ROOT" for r in index.actors_at(t)]


def _subjects(verb: Token, index: ActorIndex) -> list[ActorRef]:
    from graphbuild.relations.patterns import clause_subjects

    return clause_subjects(verb, index)[0]


def _cross(subjects: list[ActorRef], objects: list[ActorRef], relation: str, trigger: Token, family: str,
           prior: float, steps: int = 1, lemma: str | None = None) -> Iterator:
    """A candidate for every (subject, object) pair of distinct actors; pattern id ``family:relation:lemma``."""
    from graphbuild.relations.patterns import Candidate  # patterns imports this module

    pattern = f"{family}:{relation}:{lemma or trigger.lemma_.lower()}"
    for s in subjects:
        for o in objects:
            if s.mention.entity_id != o.mention.entity_id:
                yield Candidate(s.mention, relation, o.mention, trigger, pattern, prior, steps + s.steps + o.steps,
                                None, None)


def reaction_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"The coup in Niger drew condemnation from ECOWAS" -> ECOWAS accuse NER."""
    for tok in sent:
        relation = REACTION_NOUNS.get(tok.lower_) or REACTION_NOUNS.get(tok.lemma_.lower())
        under = (tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in UNDER_VERBS)
        if relation is None or not under and (tok.dep_ != "dobj" or tok.head.lemma_.lower() not in REACTION_VERBS):
            continue
        verb = tok.head.head if under else tok.head
        reactors = [r for node in (tok, verb) for c in node.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        events = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = [r for e in events for r in index.object_actors(e)]
        if not events and verb.dep_ in ("advcl", "conj") and verb.head != verb:
            # "Georgia's parliament passed a law, prompting criticism from Washington": the main clause's actor
            targets = _subjects(verb.head, index)
        if not targets:
            targets = event_objects(events, index, {r.mention.entity_id or "" for r in reactors})
        if tok.lemma_.lower() in MARTIAL_REACTIONS and all(
                index.type_of(r.mention) == "Country" for r in reactors + targets):
            continue
        yield from _cross(reactors, targets, relation, tok, "reaction", lex.types[relation].prior * 0.9)
    yield from _despite_reactions(sent, index, lex)


def _despite_reactions(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Iran refused despite pressure from the EU" -> EU coerce IRN; "the embargo will be lifted despite US
    criticism" -> USA accuse <the embargo's owner>: the reaction's owner against the clause's actor."""
    for tok in sent:
        relation = REACTION_NOUNS.get(tok.lower_) or REACTION_NOUNS.get(tok.lemma_.lower())
        if relation not in ADVERSE_REACTIONS or tok.dep_ != "pobj" or tok.head.lower_ not in AGAINST_REACTION:
            continue
        verb = tok.head.head
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            verb = verb.head  # "is likely to be lifted despite US objections"
        reactors = [r for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") for r in index.actors_at(c)]
        reactors += [r for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                     for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        if not reactors or verb.pos_ not in ("VERB", "AUX"):
            continue
        targets = _subjects(verb, index) or [r for c in _clause_subject(verb) for r in index.object_actors(c)]
        yield from _cross(reactors, targets, relation, tok, "despite", lex.types[relation].prior * 0.85)


def _clause_subject(verb: Token) -> list[Token]:
    """The subject phrase of ``verb``'s clause, up through xcomp/acomp ("The EU embargo is likely to be lifted")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("xcomp", "acomp") or verb.head == verb:
            return subjects
        verb = verb.head
    return []


def evaluative_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"X termed Y's decision provocative", "X described the drills as dangerous" -> X accuse Y."""
    for verb in sent:
        if verb.lemma_.lower() not in EVALUATIVE_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        judged = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        words = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr")]
        words += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                  if p.dep_ in ("pobj", "amod", "acomp")]
        words += [c for d in judged for c in d.children if c.dep_ in ("oprd", "amod") and c.i > d.i]
        # "termed Russia's decision provocative", parsed with the decision as a compound of the adjective
        judged += [c for w in words for c in w.children if c.dep_ in ("compound", "nsubj") and c.i < w.i]
        lemmas = {form for w in words for t in (w, *w.children) if t.dep_ != "det"
                  for form in (t.lemma_.lower(), t.lower_)}  # "best" has the lemma "well"
        relation = "accuse" if lemmas & NEGATIVE_ADJECTIVES else "support" if lemmas & POSITIVE_ADJECTIVES else None
        if relation is None or not judged:
            continue
        subjects = _subjects(verb, index)
        if not subjects and _is_passive(verb):
            subjects = [r for c in verb.children if c.dep_ == "agent" for p in c.children for r in index.actors_at(p)]
        exclude = {r.mention.entity_id or "" for r in subjects}
        objects = [r for d in judged for r in index.object_actors(d)] or event_objects(judged, index, exclude)
        yield from _cross(subjects, objects, relation, verb, "evaluate", lex.types[relation].prior * 0.9)


def _is_passive(verb: Token) -> bool:
    from graphbuild.relations.patterns import _is_passive as passive

    return passive(verb)


def apposition_membership(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Estonia, one of NATO's frontline states," / "Ghana and Gabon, both members of the council" -> memberOf."""
    for tok in sent:
        if tok.dep_ != "appos" or index.mention_at(tok) is not None:
            continue
        noun = tok
        if tok.lower_ in ("one", "both", "all", "each", "two", "three"):
            inner = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj"]
            if tok.lemma_.lower() not in lex.member_nouns:
                noun = inner[0] if inner else tok
        if noun.lemma_.lower() not in lex.member_nouns:
            continue
        orgs = [ActorRef(m, 1) for c in noun.children if c.dep_ in ("compound", "poss", "nmod", "amod")
                and (m := index.mention_at(c)) is not None]
        orgs += [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        orgs = [r for r in orgs if index.type_of(r.mention) == "Organization"]
        holder = tok.head
        members = [r for r in index.actors_at(holder) if index.type_of(r.mention) in ("Country", "Organization")]
        while holder.dep_ == "conj" and holder.head != holder:
            holder = holder.head
            members += [r for r in index.actors_at(holder) if index.type_of(r.mention) in ("Country", "Organization")]
        yield from _cross(members, orgs, "memberOf", noun, "appos", lex.types["memberOf"].prior * 0.9)


#: What one actor receives from another when the giver stands after "from" ("received jets from Denmark").
RECEIVED_AID = frozenset({"aid", "assistance", "help", "support", "weapon", "arm", "jet", "fighter", "tank", "missile",
                          "drone", "ammunition", "shell", "loan", "credit", "fund", "funding", "money", "grant",
                          "equipment", "system", "vehicle", "aircraft", "helicopter", "vaccine", "supply", "shipment",
                          "delivery", "package", "donation", "troop"})
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "take", "secure", "win"})


def receipt_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Ukraine received F-16 jets from Denmark" -> DNK aid UKR (the giver is the subject of aid)."""
    for verb in sent:
        if verb.lemma_.lower() not in RECEIVING_VERBS or verb.pos_ != "VERB":
            continue
        things = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in RECEIVED_AID]
        if not things:
            continue
        givers = [r for node in (verb, *things) for c in node.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        receivers = _subjects(verb, index)
        yield from _cross(givers, receivers, "aid", things[0], "receipt", lex.types["aid"].prior * 0.9)


def judgement_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Kennedy said the Conservatives were wrong" -> Kennedy accuse Conservatives (a reported negative judgement)."""
    reporting = lex.cue("reporting")
    for verb in sent:
        if verb.lemma_.lower() not in reporting:
            continue
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.lemma_.lower() in WRONGDOING_VERBS:
                # "Howard said Blair had misled the country": the clause reports a wrong done by its subject
                if not any(c.dep_ == "neg" for c in clause.children):
                    wrongdoers = [r for c in clause.children if c.dep_ == "nsubj" for r in index.actors_at(c)]
                    yield from _cross(_subjects(verb, index), wrongdoers, "accuse", clause, "judgement",
                                      lex.types["accuse"].prior * 0.8, 2)
                continue
            if clause.dep_ != "ccomp" or clause.lemma_ != "be":
                continue
            words = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
            lemmas = {t.lemma_.lower() for w in words for t in (w, *w.children)} | {w.lower_ for w in words}
            if not lemmas & NEGATIVE_ADJECTIVES or any(c.dep_ == "neg" for c in clause.children):
                continue
            # "the Tories' plans were a fraud": the plans' owner (not "the Iraq war", which Iraq did not wage)
            judged = [r for c in clause.children if c.dep_ == "nsubj"
                      for r in index.actors_at(c) or [r for p in c.children if p.dep_ == "poss" for r in index.actors_at(p)]]
            judges = _subjects(verb, index)
            yield from _cross(judges, judged, "accuse", clause, "judgement", lex.types["accuse"].prior * 0.85, 2)


def reciprocal_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Airbus and Boeing accuse each other of ..." -> both directions between every two subjects."""
    for tok in sent:
        marked = any(c.lower_ in ("each", "one") for c in tok.children) or (
            tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("each", "one"))
        marked = marked or (tok.lower_ == "one" and any(c.lower_ == "another" for c in tok.children))
        if tok.lower_ not in ("other", "another", "one") or not marked:
            continue
        verb = tok.head if tok.dep_ in ("dobj", "pobj") else None
        if verb is not None and tok.dep_ == "pobj" and verb.head != verb:
            verb = verb.head  # "cooperate with each other"
        if verb is None:
            continue
        for trig in lex.verbs.get(verb.lemma_.lower(), ()):
            subjects = _subjects(verb, index)
            yield from _cross(subjects, subjects, trig.relation, verb, "reciprocal", trig.prior * 0.9, 2)
            break



#: Verbs by which a state bids for membership named as "<Org> membership" ("applied for EU membership").
BID_VERBS = frozenset({"apply", "bid", "seek", "push", "campaign", "press", "lobby", "request", "submit", "file",
                       "want", "pursue", "aspire", "hope", "strive", "eye"})
MEMBERSHIP_NOUNS = frozenset({"membership", "accession", "entry", "admission"})


def membership_bid_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Moldova applied for EU membership", "Ukraine seeks NATO membership" -> seeksMembershipIn."""
    for noun in sent:
        if noun.lemma_.lower() not in MEMBERSHIP_NOUNS:
            continue
        orgs = [ActorRef(m, 1) for c in noun.children if c.dep_ in ("compound", "nmod", "amod")
                and (m := index.mention_at(c)) is not None and index.type_of(m) == "Organization"]
        if not orgs:
            continue
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if noun.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in BID_VERBS:
            continue
        for s in _subjects(verb, index):
            if index.type_of(s.mention) not in ("Country", "Organization"):
                continue
            yield from _cross([s], orgs, "seeksMembershipIn", noun, "bid", lex.types["seeksMembershipIn"].prior,
                              lemma=verb.lemma_.lower())


#: "X is Y's closest ally / main trading partner": a relational noun predicated of X with Y as possessor.
RELATIONAL_NOUNS = {"ally": "alliedWith", "partner": "cooperate", "supplier": "aid", "creditor": "aid",
                    "backer": "support", "sponsor": "support", "patron": "support", "supporter": "support",
                    "champion": "support", "critic": "accuse"}
COPULAS = frozenset({"be", "become", "remain", "stay"})
#: Measures that a state lives "under" ("Iran, under American sanctions, ...").
UNDER_MEASURES = {"sanction": "sanction", "embargo": "sanction", "blockade": "coerce", "occupation": "coerce",
                  "pressure": "coerce"}


def predicate_noun_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"China is Russia's main trading partner" -> CHN cooperate RUS; "the US is Taiwan's arms supplier" -> aid."""
    for tok in sent:
        noun = _one_of(tok)  # "Poland is one of Ukraine's strongest supporters"
        relation = RELATIONAL_NOUNS.get(noun.lemma_.lower())
        if relation is None or tok.dep_ != "attr" or tok.head.lemma_.lower() not in COPULAS:
            continue
        others = [r for c in noun.children if c.dep_ == "poss" for r in index.actors_at(c)]
        others += [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                   for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        yield from _cross(_subjects(tok.head, index), others, relation, noun, "predicate",
                          lex.types[relation].prior * 0.9)
    yield from _under_measures(sent, index, lex)


def _one_of(tok: Token) -> Token:
    """The noun of "one of the X": the plural after "one of", else ``tok``."""
    if tok.lower_ == "one":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((p for p in c.children if p.dep_ == "pobj"), tok)
    return tok


def _under_measures(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"Iran, which is under American sanctions", "Cuba remains under a US embargo" -> USA sanction X: the measure's
    owner acts on the clause's subject (or on the noun the phrase modifies)."""
    for noun in sent:
        relation = UNDER_MEASURES.get(noun.lemma_.lower())
        if relation is None or noun.dep_ != "pobj" or noun.head.lower_ != "under":
            continue
        owners = [r for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                  for r in index.actors_at(c)]
        owners += [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                   for p in c.children if p.dep_ == "pobj" for r in index.actors_at(p)]
        governor = noun.head.head
        targets = (_subjects(governor, index) if governor.pos_ in ("VERB", "AUX")
                   else index.actors_at(governor))
        yield from _cross(owners, targets, relation, noun, "under", lex.types[relation].prior * 0.85)


#: Adverbs by which coordinated subjects do something as one ("Russia and Kazakhstan are building a plant together").
JOINTLY = frozenset({"together", "jointly"})


def joint_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator:
    """"X and Y will build a pipeline together", "X and Y jointly developed ..." -> X cooperate Y (a verb the
    lexicon reads itself, "work together", is left to it)."""
    for tok in sent:
        if tok.lower_ not in JOINTLY or tok.dep_ != "advmod" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = tok.head
        if verb.lemma_.lower() in lex.verbs:
            continue
        subjects = _subjects(verb, index)
        if len({r.mention.entity_id for r in subjects}) < 2:
            continue
        pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1:]]
        for a, b in pairs:
            yield from _cross([a], [b], "cooperate", verb, "joint", lex.types["cooperate"].prior * 0.9, 2, tok.lower_)
