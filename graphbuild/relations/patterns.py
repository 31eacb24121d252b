"""Rule families over spaCy's dependency parse: one generator per family, each yielding candidates.

Families (the pattern id prefix in ``Relation.method``):

* ``verb:<type>:<lemma>``   a lexicon verb with its subject (nsubj, or the ``by`` agent in the passive, or the
  controller of an xcomp chain: "X is ready to expand ...", "X refused to meet Y") and its object (dobj, dative,
  nsubjpass in the passive, pobj of the lexicon prepositions: "meet with", "call on").
* ``noun:<type>:<lemma>``   a nominalisation: possessive/compound/demonym subject ("EU sanctions", "Russia's
  support"), prepositional arguments from the lexicon ("dependence on Moscow", "dialogue between NATO and
  Russia"), else the subject of the support verb that governs it ("held talks", "imposed sanctions on").
* ``adj:<type>:<lemma>``    a predicative adjective ("Minsk is dependent on Moscow").
* ``title:leaderOf:<title>`` / ``title:affiliatedWith:<title>``  a person with a title of a country or
  organisation ("President Lukashenko of Belarus", "the Belarusian leader", "X, the president of Y").
* ``list:memberOf:<noun>``  an organisation's member list ("other CSTO countries — Kazakhstan, Armenia",
  "CIS countries Azerbaijan", "the US, Germany and other members of the Contact Group"), and
  ``within:memberOf`` ("Minsk will form a group within the EAEU").
* ``clause:demand:must``    "Britain said Libya must hand over the suspects" -> Britain demand Libya.

Arguments are read through :class:`~graphbuild.relations.actors.ActorIndex`: agent nouns ("Russian troops",
"the governments of Mali and Niger"), organisation-member compounds ("NATO countries" -> NATO), pronouns and
counted anaphors ("it", "the two countries") resolved to the nearest preceding subject actors, first-person
pronouns inside quotations resolved to the speaker.  Objects of interactions may be named through a possessor
or modifier ("rejected the Philippine accusations"); objects of membership-like and symmetric relations must be
named outright.  A governor can retype a trigger (lexicon ``[[retype]]``: "seek to join" -> seeksMembershipIn,
"lift sanctions" -> retreat, "threatened to attack" -> threaten); negating triggers ("left ECOWAS") assert the
relation's end.

Symmetric types with several subjects and no object ("Belarus and Russia held talks") and pair prepositions
("between X and Y") yield every pair.  Type constraints from the lexicon (e.g. memberOf objects are
organisations) are applied in :mod:`graphbuild.relations`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol
from itertools import combinations

from spacy.tokens import Span, Token

from graphbuild.model import STRUCTURAL_RELATIONS, SYMMETRIC_RELATIONS, ActorType, Mention, entity_type
from graphbuild.relations.actors import ActorIndex, ActorRef
from graphbuild.relations.lexicon import Lexicon, Trigger, forms
from graphbuild.relations.events import EVENT_OBJECT_TYPES, PREVIOUS_EVENT_TYPES, RECEIVED_AID, event_objects
from graphbuild.relations.titles import (
    IMPLIED_COUNTRY,
    NON_STATE,
    TitleMatch,
    as_titles,
    dominant_country,
    surface_titles,
)

#: Verb argument labels.
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Labels along which a clause passes its subject down to a complement ("ready to expand", "tried to join").
CONTROL_DEPS = frozenset({"xcomp", "acomp", "conj"})
#: Verbs whose object (not subject) controls their xcomp ("urged Russia to withdraw").
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "persuade", "pressure", "press", "encourage", "invite",
                            "tell", "order", "allow", "help", "push", "compel", "require", "want", "expect"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
LIST_SEPARATORS = frozenset({",", "—", "–", "-", ":", "(", ")", "and", "or", "as", "such", "including", "like",
                             "namely", "notably", "e.g.", ";", "as well as", "well", "also"})



@dataclass(frozen=True, slots=True)
class Candidate:
    """A relation found by a rule, before attributes and type constraints."""

    subject: Mention
    relation: str
    object: Mention
    trigger: Token
    pattern: str
    prior: float
    steps: int  # dependency steps from the trigger to its two arguments (for the confidence)
    subject_token: Token | None = None
    object_token: Token | None = None
    negates: bool = False
    retyped_by: Token | None = None  # the governor that retyped the trigger ("lift" in "lift sanctions")


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ_DEPS or c.dep_ == "auxpass" for c in verb.children) or _passive_modifier(verb)


def _passive_modifier(verb: Token) -> bool:
    """A past participle with an agent modifying a noun: "Ukraine, backed by the United States, ..."."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def _pobjs(prep: Token) -> list[Token]:
    out = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    # "than with Belarus": a preposition under a preposition
    for c in prep.children:
        if c.dep_ == "prep":
            out.extend(_pobjs(c))
    return out


def clause_subjects(verb: Token, index: ActorIndex) -> tuple[list[ActorRef], Token | None, int]:
    """The actors acting as subject of ``verb`` (own subject, or inherited along control chains).

    Returns (actors, the subject token, extra steps climbed).
    """
    cur, steps = verb, 0
    via_xcomp_from: Token | None = None
    for _ in range(6):
        if _is_passive(cur) and cur is verb:
            subj = _children(cur, {"agent"})
            toks = [p for a in subj for p in _pobjs(a)]
        elif _is_passive(cur):
            toks = _children(cur, PASSIVE_SUBJ_DEPS)
        else:
            toks = _children(cur, SUBJ_DEPS)
        if via_xcomp_from is not None and cur.lemma_.lower() in OBJECT_CONTROL:
            objs = _children(cur, OBJ_DEPS) + [p for c in _children(cur, {"prep"}) if c.lower_ in ("on", "upon")
                                                for p in _pobjs(c)]
            if objs:
                toks = objs
        for t in toks:
            if t.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                t = cur.head
            actors = index.actors_at(t)
            if not actors and t.pos_ == "PRON":
                actors = index.antecedent(t)
            if actors:
                # "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan held ...": a list the parser broke up
                kind = index.type_of(actors[-1].mention)
                if kind in ("Country", "Organization"):
                    actors = actors + surface_list(index, actors, kind)
                return actors, t, steps + 1
        if toks:
            return [], None, steps
        if (cur.dep_ in CONTROL_DEPS or _participial_clause(cur)) and cur.head != cur:
            via_xcomp_from = cur if cur.dep_ == "xcomp" else None
            cur, steps = cur.head, steps + 1
            continue
        if cur.dep_ == "pcomp" and cur.head.lower_ == "in" and cur.head.head.lemma_.lower() in JOINING_VERBS:
            # "Britain joined France in condemning Russia": both condemn
            actors, tok, extra = clause_subjects(cur.head.head, index)
            partners = [r for d in _children(cur.head.head, OBJ_DEPS) for r in index.actors_at(d)]
            return (actors + partners if actors else []), tok, steps + 2 + extra
        if cur.dep_ == "pcomp" and cur.head.lower_ in ("of", "for"):
            # "accused the bloc of imposing sanctions", "thanked Germany for sending tanks": the accused does it
            actors, tok = _prepositional_controller(cur.head, index)
            return actors, tok, steps + 2
        if cur.dep_ == "relcl":
            return index.actors_at(cur.head), cur.head, steps + 1
        if cur.dep_ in ("acl", "appos") and cur.head != cur:
            # "Belarus, seeking to join ..." / participial modifiers of an actor
            actors = index.actors_at(cur.head)
            if actors:
                return actors, cur.head, steps + 1
            # "Ukraine renewed its bid to join the EU": the noun's possessor
            return possessor_subjects(cur.head, index, steps + 1)
        break
    return [], None, steps


#: Verbs whose subject and object do together what their "in" gerund says ("joined France in condemning ...").
JOINING_VERBS = frozenset({"join"})

#: Verbs whose object does what their "of"/"for" gerund says ("accused X of attacking", "thanked X for sending").
PREP_OBJECT_CONTROL = frozenset({"accuse", "blame", "charge", "suspect", "criticise", "criticize", "condemn",
                                 "fault", "praise", "thank", "congratulate", "commend", "punish", "sanction"})


def _prepositional_controller(prep: Token, index: ActorIndex) -> tuple[list[ActorRef], Token | None]:
    """The object of the verb governing ``prep`` ("of"/"for"), if that verb passes it to the gerund."""
    head = prep.head
    if head.dep_ in OBJ_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON"):
        verb, obj = head.head, head
    else:
        verb, obj = head, next(iter(_children(head, OBJ_DEPS)), None)
    if obj is None or verb.lemma_.lower() not in PREP_OBJECT_CONTROL:
        return [], None
    actors = index.actors_at(obj) or (index.antecedent(obj) if obj.pos_ == "PRON" else [])
    return actors, obj


def _participial_clause(verb: Token) -> bool:
    """An adverbial -ing or purpose clause without a subject of its own: its subject is the main clause's ("The
    juntas quit ECOWAS, accusing it of ...", "after meeting Putin, Lukashenko said", "the US is bound by law to
    help Taiwan")."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ == "VBG" or (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def possessor_subjects(noun: Token, index: ActorIndex, steps: int) -> tuple[list[ActorRef], Token | None, int]:
    """The possessor of ``noun`` as subject: an actor ("Russia's bid"), or for a possessive pronoun ("its
    bid") the subject of the verb governing the noun phrase."""
    for c in noun.children:
        if c.dep_ != "poss":
            continue
        actors = index.actors_at(c)
        if actors:
            return actors, c, steps + 1
        if c.lower_ in POSSESSIVE_PRONOUNS:
            gov = noun
            hops = 0
            while gov.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "attr") and gov.head != gov and hops < 3:
                gov = gov.head
                hops += 1
                if gov.pos_ in ("VERB", "AUX"):
                    actors, tok, extra = clause_subjects(gov, index)
                    return actors, tok, steps + hops + extra
            # "from its traditional ally Russia": the pronoun's antecedent
            actors = index.antecedent(c)
            if actors:
                return actors, c, steps + 2
    return [], None, steps


#: Types whose object must be named outright ("a member of the UN", not "the UN subregion"; "sanctions
#: against Russia were coordinated by the G7" is no cooperation with Russia).
STRICT_OBJECT_TYPES = frozenset({"memberOf", "seeksMembershipIn", "leaderOf", "affiliatedWith"}) | SYMMETRIC_RELATIONS
#: Types aimed at whoever leads or backs the thing criticised ("criticised the US-led coalition" -> the US).
CRITICISM_TYPES = frozenset({"accuse", "protest"})
#: Prepositions naming what a complaint or protest is about ("over Israeli raids").
REASON_PREPS = frozenset({"over", "about", "against"})
#: Verbs by which coordinated subjects direct a nominal act at each other ("exchanged accusations / threats").
EXCHANGE_VERBS = frozenset({"exchange", "trade", "swap", "traded"})
#: Types whose object is the actor addressed, named outright ("asked a US banker to run" asks no state), or the
#: provider of the help asked for ("requested CSTO assistance").
ADDRESSEE_TYPES = frozenset({"request"})
#: Symmetric acts done jointly: co-subjects also stand in the relation to each other.
JOINT_ACTS = frozenset({"agree", "consult", "cooperate"})


def object_fn(index: ActorIndex, relation: str) -> Callable[[Token], list[ActorRef]]:
    """How to read an object slot: strictly for membership-like facts, loosely (possessors, modifiers:
    "rejected the Philippine accusations") for interactions and dependence."""
    if relation in ADDRESSEE_TYPES:
        return lambda tok: index.actors_at(tok) or (index.object_actors(tok) if tok.lemma_.lower() in RECEIVED_AID
                                                    else [])
    if relation in CRITICISM_TYPES:
        return lambda tok: index.object_actors(tok, leading=True)
    return index.actors_at if relation in STRICT_OBJECT_TYPES else index.object_actors


def retype(trigger: Token, relation: str, lex: Lexicon) -> tuple[str, Token | None]:
    """Apply the lexicon's retype rules ("seek to join" -> seeksMembershipIn, "lift sanctions" -> retreat,
    "threatened to shell" -> threaten).  Returns (relation, the governor that changed it or None)."""
    own_actor = trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.pos_ == "PROPN") for c in trigger.children)
    # "Hungary blocked EU funding for Ukraine": the EU's aid stays the EU's aid, not Hungary's sanction -- a
    # governor does not retype an event named with its own actor (its modifiers still may: "defence treaty")
    # ("EU membership" names the organisation, not an actor of the event: "is seeking EU membership" still retypes)
    governed = relation in ("memberOf", "seeksMembershipIn") or not (
        own_actor and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in trigger.children))
    rules = [r for r in lex.retype.get(relation, []) if r[1] != relation]
    if trigger.lemma_.lower() in HELD_OFFICES:
        rules = []  # "the UK wants to make Africa a priority of its G8 chairmanship": a member already
    if not own_actor:
        # "threatened to veto the EU's aid package": an event with its own actor is not the threat itself
        rules += [r for r in lex.retype.get("*", []) if r[1] != relation]
    if not rules:
        return relation, None
    cur = trigger
    for _ in range(4 if governed else 0):
        if cur.head == cur or cur.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acl", "acomp", "attr", "advcl",
                                                "ccomp", "nsubjpass", "pcomp"):
            break
        cur = cur.head
        cur_forms = forms(cur)
        for governors, target in rules:
            if cur_forms & governors:
                return target, cur
    for governors, target in rules:
        for c in trigger.children:
            if c.dep_ in ("compound", "amod", "nmod") and (c.lemma_.lower() in governors or c.lower_ in governors):
                return target, c
    return relation, None


def _pairs(relation: str, subjects: list[ActorRef], objects: list[ActorRef], trig: Trigger, tok: Token,
           steps: int, lex: Lexicon, subj_tok: Token | None, obj_tok: Token | None) -> Iterator[Candidate]:
    symmetric = relation in SYMMETRIC_RELATIONS
    if trig.negates and relation == "memberOf":
        by = None  # "plans to leave the CSTO": a membership meant to end (desired), no bid to join
    else:
        relation, by = retype(tok, relation, lex)
    if objects and subjects:
        for s in subjects:
            for o in objects:
                if s.mention.entity_id != o.mention.entity_id:
                    yield Candidate(s.mention, relation, o.mention, tok, trig.pattern_id, trig.prior,
                                    steps + s.steps + o.steps, subj_tok, obj_tok, trig.negates, by)
        if relation in JOINT_ACTS and len(subjects) >= 2:
            # "Egypt and Israel signed a protocol with the US": the co-signers agree with each other too
            objects = []
    if relation not in JOINT_ACTS and obj_tok is not None and obj_tok.dep_ in OBJ_DEPS and not objects \
            and obj_tok.lemma_.lower() not in lex.nouns:
        return  # "helped them fight jihadist groups": co-subjects against a third side do not fight each other
    if symmetric and len(subjects) >= 2 and not objects:
        # a symmetric act retyped to a directed one ("agreed to end the fighting": each side retreats) goes both ways
        both = relation not in SYMMETRIC_RELATIONS
        for a, b in combinations(subjects, 2):
            if a.mention.entity_id != b.mention.entity_id:
                for x, y in ((a, b), (b, a)) if both else ((a, b),):
                    yield Candidate(x.mention, relation, y.mention, tok, trig.pattern_id + "+coord",
                                    trig.prior * 0.95, steps + x.steps + y.steps, subj_tok, subj_tok, trig.negates, by)


def _particle_objects(verb: Token, particle: str) -> list[Token] | None:
    """Objects of a phrasal trigger: the pobj of its last particle ("call on X", "pull out of X", "hit out at X",
    "give in to X"); None when a particle is missing.  Earlier particles must hang off the verb."""
    *first, last = particle.split()
    kids = [c for c in verb.children if c.dep_ in ("prt", "prep", "advmod")]
    if any(all(c.lower_ != w for c in kids) for w in first):
        return None
    # "supplies gas to Germany": the parser may hang "to" as a dative
    parts = [c for c in kids + _children(verb, {"dative"}) if c.lower_ == last]
    # "called for Iran to halt enrichment": the particle marks an infinitive clause whose subject is the object
    out = [n for x in _children(verb, {"advcl", "ccomp", "xcomp"}) if any(m.dep_ == "mark" and m.lower_ == last
                                                                          for m in x.children)
           for n in _children(x, {"nsubj"})]
    # "buys nearly all of its gas from Russia": the preposition hangs off the object
    parts += [c for d in _children(verb, OBJ_DEPS) for c in d.subtree
              if c.dep_ == "prep" and c.lower_ == last and c.i - d.i < 8]
    if last == "for":
        return out or None  # "called for more Patriots" names what is wanted, not whom it is asked of
    if not parts and not out:
        return None
    for p in parts:
        out.extend(_pobjs(p))
        out.extend(q for pp in p.children if pp.dep_ == "prep" for q in _pobjs(pp))  # "pull out of X"
    return out


def _named_object(verb: Token, trig: Trigger) -> Token | None:
    """For a verb + object trigger ("accept/demand", "impose/restriction", "agree:to/demand"): the object noun
    (object of the verb or of its particle), if it is there."""
    deps = OBJ_DEPS | PASSIVE_SUBJ_DEPS if _is_passive(verb) else OBJ_DEPS
    cands = [c for c in verb.children if c.dep_ in deps]
    if trig.particle:
        cands += [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == trig.particle.split()[-1]
                  for p in _pobjs(c)]
    return next((c for c in cands if trig.obj_noun in forms(c)), None)


def _verb_objects(tok: Token, trig: Trigger, index: ActorIndex) -> tuple[list[ActorRef], list[Token], bool] | None:
    """(object actors, object tokens, stative) of one verb trigger; None when a required part is missing."""
    passive = _is_passive(tok)
    obj_toks: list[Token] = []
    if trig.particle:
        found = _particle_objects(tok, trig.particle)
        if found is None:
            return None
        obj_toks += found
    if trig.obj_noun and _named_object(tok, trig) is None:
        return None
    if trig.relation == "request" and _question(tok):
        return None  # "asked Mr Brown whether the Treasury had ...": a question, not a request
    if trig.lemma in COMMAND_VERBS and not _children(tok, {"xcomp", "ccomp"}):
        return None  # "ordered Georgia to withdraw" is a demand; "ordered ten Airbus jets" is a purchase
    if trig.lemma in JOINING_VERBS and any(c.lower_ == "in" and _children(c, {"pcomp"}) for c in _children(tok, {"prep"})):
        return None  # "joined the US in imposing sanctions": the act is the gerund's, no membership
    if trig.lemma in ACTOR_OBJECT_VERBS and not any(index.actors_at(d) for d in _children(tok, OBJ_DEPS | {"nsubjpass"})):
        return None  # "suspended Russia from the council" sanctions Russia; "suspended their requests" nobody
    if trig.lemma in INFINITIVE_COMMAND_VERBS and not any(a.lower_ == "to" for x in _children(tok, {"xcomp"})
                                                         for a in _children(x, {"aux"})):
        return None  # "told Iran to halt enrichment" is a demand; "told the BBC that ..." is a statement
    given = _children(tok, {"dobj"}) + ([tok.head] if _passive_modifier(tok) else [])
    if trig.lemma in PLEDGING_VERBS and not trig.obj_noun and not any(_gift(d) for d in given):
        return None  # "pledged $1bn to Ukraine" is aid; "X would stand up for ..., Howard pledged" is a promise
    if trig.lemma in GIVING_VERBS and not trig.obj_noun and any(not _gift(d) for d in given if not index.actors_at(d)):
        return None  # "granted Ukraine a loan" is aid; "gave the public a voice", "grant Yukos protection" are not
    if trig.negates and trig.lemma == "leave" and any(c.lower_ == "with" for c in _children(tok, {"prep"})):
        return None  # "leaving the Tories with 163 MPs" leaves nobody's organisation
    if trig.relation == "consult" and _statement_channel(tok, index.lexicon):
        return None  # "Speaking to the BBC, Mr Kennedy said ...": the channel of a statement, not a meeting
    if trig.particle == "to" and trig.relation in CRITICISM_TYPES and any(
            index.object_actors(p) for c in _children(tok, {"prep"}) if c.lower_ in REASON_PREPS for p in _pobjs(c)):
        return None  # "complained to the UN over Israeli raids": aimed at Israel, not at the UN it appealed to
    obj_toks += _children(tok, OBJ_DEPS)
    prep_objs: list[Token] = []
    for c in _children(tok, {"prep", "dative"}):  # "lent billions to Venezuela": "to" parsed as dative
        if trig.role_of(c.lower_) == "object":
            prep_objs.extend(_pobjs(c))
    # "discussing an agreement with France": the object noun carries the preposition
    for d in _children(tok, OBJ_DEPS | (PASSIVE_SUBJ_DEPS if trig.obj_noun else frozenset())):
        if index.mention_at(d) is None:
            for c in _children(d, {"prep"}):
                if trig.role_of(c.lower_) == "object" or (
                        trig.relation in FORCE_TYPES and d.lemma_.lower() in TARGET_NOUNS and c.lower_ == "in"):
                    prep_objs.extend(_pobjs(c))  # "struck targets in Lebanon"
            if trig.relation in FORCE_TYPES and d.lemma_.lower() in TARGET_NOUNS:
                prep_objs.extend(p for c in _children(tok, {"prep"}) if c.lower_ == "in" for p in _pobjs(c))
    stative = (passive and not _children(tok, {"agent"}) and prep_objs
               and (trig.relation in SYMMETRIC_RELATIONS or trig.relation in STRUCTURAL_RELATIONS))
    if passive and not stative:
        obj_toks += _children(tok, PASSIVE_SUBJ_DEPS) + ([tok.head] if _passive_modifier(tok) else [])
    if not passive and not obj_toks and not prep_objs:
        # "Britain condemned and sanctioned Russia": a verb conjoined before another shares its object
        obj_toks += [d for c in _children(tok, {"conj"}) if c.pos_ == "VERB" and not _children(c, SUBJ_DEPS)
                     for d in _children(c, OBJ_DEPS)]
    obj_toks += prep_objs
    read = index.actors_at if trig.lemma in INFINITIVE_COMMAND_VERBS else object_fn(index, trig.relation)
    if trig.obj_noun and trig.relation in SYMMETRIC_RELATIONS:
        read = index.object_actors  # "hosted Russian nuclear weapons": the thing named stands for its owner
    objects = [r for t in obj_toks for r in read(t)]  # "told refugees from Afghanistan to go home": no state told
    if not objects and trig.relation in CLAUSAL_OBJECT_TYPES:
        objects = clausal_objects(tok, index)
    if not objects and trig.relation in COMPLEMENT_OBJECT_TYPES:
        objects = complement_objects(tok, index)
    if not objects and trig.relation == "threaten":
        objects = conditional_objects(tok, index)
    if not objects and trig.relation in EVENT_OBJECT_TYPES and not passive:
        # "condemned the coup in Niger", "welcomed the decision" (the event reported just before)
        named = {r.mention.entity_id or "" for r in clause_subjects(tok, index)[0]}
        objects = event_objects(_children(tok, OBJ_DEPS), index, named, previous=trig.relation in PREVIOUS_EVENT_TYPES)
    return objects, obj_toks, bool(stative)


def verb_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """Lexicon verbs: active and passive voice, phrasal particles, prepositional objects, control chains."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBG", "VBD", "VB", "VBP", "VBZ"):
            continue
        if index.mention_at(tok) is not None:
            continue
        readings = [(trig, found) for trig in lex.verbs.get(tok.lemma_.lower(), ())
                    if (found := _verb_objects(tok, trig, index)) is not None]
        if any(trig.obj_noun for trig, _ in readings):
            # the verb + object reading is the specific one: "sent troops to Iraq" is no aid
            readings = [(trig, found) for trig, found in readings if trig.obj_noun]
        for trig, (objects, obj_toks, stative) in readings:
            if stative:
                # "Tokyo has been allied with Washington": a passive form used as a state, no agent
                subjects = [r for t in _children(tok, PASSIVE_SUBJ_DEPS) for r in index.actors_at(t)]
                subj_tok, steps = (_children(tok, PASSIVE_SUBJ_DEPS) or [None])[0], 1
            else:
                subjects, subj_tok, steps = clause_subjects(tok, index)
            if not subjects and trig.lemma in EXCLUDING_VERBS and _is_passive(tok):
                # "Russia was expelled from the Council of Europe": the organisation expels
                subjects = [r for c in _children(tok, {"prep"}) if c.lower_ == "from" for p in _pobjs(c)
                            for r in index.actors_at(p) if index.type_of(r.mention) == "Organization"]
            if not subjects and trig.relation == "mobilize" and _is_passive(tok) and not _children(tok, {"agent"}):
                # "CSTO troops were deployed to Kazakhstan": the forces' owner deploys them, the place is the object
                moved = _children(tok, PASSIVE_SUBJ_DEPS)
                subjects = [r for t in moved for r in index.actors_at(t)]
                subj_tok = moved[0] if moved else None
                objects = [r for r in objects if r.mention not in {s.mention for s in subjects}]
            if subjects:
                # "Belarus forms the Union State with Russia": a co-actor does it too
                subjects = subjects + [r for c in _children(tok, {"prep"}) if trig.role_of(c.lower_) == "cosubject"
                                       for p in _pobjs(c) for r in index.actors_at(p)]
            obj_tok = obj_toks[0] if obj_toks else None
            if trig.relation == "assault" and verbal_attack(tok, obj_tok, subjects, index):
                trig = replace(trig, relation="accuse")
            elif trig.relation == "assault" and _contest(tok, subjects, objects, index):
                continue  # "the Lib Dems could beat the Tories": an election, not violence
            yield from _pairs(trig.relation, subjects, objects, trig, tok, steps + 1, lex, subj_tok, obj_tok)


#: Verbs of violence that news also uses for words ("Howard attacked Labour's record").
VERBAL_ATTACK_VERBS = frozenset({"attack", "hit", "blast", "savage", "lash", "strike"})
#: Objects that cannot be assaulted, only criticised.
ABSTRACT_TARGETS = frozenset({"record", "policy", "plan", "proposal", "decision", "remark", "comment", "statement",
                              "stance", "handling", "approach", "idea", "claim", "view", "speech",
                              "budget", "bill", "law", "strategy", "leadership", "government", "report", "move",
                              "response", "failure", "attitude", "rhetoric", "conduct", "campaign", "manifesto",
                              "word", "promise", "pledge", "cost", "tactic", "reform", "tax", "spending",
                              "agenda", "performance", "argument"})


def verbal_attack(verb: Token, obj: Token | None, subjects: list[ActorRef], index: ActorIndex) -> bool:
    """Whether "attacked" is criticism: an abstract object, "over"/"for" a reason, or a person attacking a person
    or party ("Short attacks US over tsunami aid", "Howard attacked Labour's record")."""
    if verb.lemma_.lower() not in VERBAL_ATTACK_VERBS:
        return False
    if obj is not None and obj.lemma_.lower() in ABSTRACT_TARGETS:
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("over", "for") for c in verb.children):
        return True
    return any(index.type_of(s.mention) == "Person" for s in subjects) and obj is not None and (
        index.mention_at(obj) is not None and index.type_of(index.mention_at(obj)) in ("Person", "Organization"))


#: Verbs of violence that news also uses for winning a contest ("the Lib Dems could beat the Tories").
CONTEST_VERBS = frozenset({"beat", "crush", "trounce", "thrash", "defeat"})


def _contest(verb: Token, subjects: list[ActorRef], objects: list[ActorRef], index: ActorIndex) -> bool:
    """A contest verb between persons or organisations (parties, companies, teams), not states."""
    actors = [r.mention for r in subjects + objects]
    return verb.lemma_.lower() in CONTEST_VERBS and bool(actors) and all(
        index.type_of(m) in ("Person", "Organization") for m in actors)


HYPHENS = frozenset({"-", "–", "/"})
_LIST_GLUE = frozenset({",", "(", ")", "and", "the", "as", "well", "or", ";"})


def surface_list(index: ActorIndex, found: list[ActorRef], actor_type: str) -> list[ActorRef]:
    """Continue a list the parser broke up: "a member of the EAEU (EAEU), the CSTO (CSTO) and the CIS" -- the
    actors of ``actor_type`` that follow the last found one, joined only by commas, brackets, "and", "the"."""
    if not found:
        return []
    doc = index.doc
    last = max(index.span_of(r.mention).end for r in found)
    sent_end = index.sent_of(last - 1).end
    out: list[ActorRef] = []
    i = last
    while i < sent_end:
        t = doc[i]
        m = index.mention_at(t)
        if m is not None:
            if index.type_of(m) != actor_type:
                break
            if not out or out[-1].mention is not m:
                out.append(ActorRef(m, 3))
            i = index.span_of(m).end
            continue
        if t.lower_ not in _LIST_GLUE:
            break
        i += 1
    return out


#: Verbs of giving that are aid only when what is given is: money, arms, goods, help ("granted asylum").
GIVING_VERBS = frozenset({"give", "grant", "send", "deliver", "provide", "pledge"})
#: Giving verbs that are aid only with a gift named ("pledged $1bn"), never by their clause alone.
PLEDGING_VERBS = frozenset({"pledge"})
GIFTS = (RECEIVED_AID - {"support"}) | frozenset({
    "dollar", "euro", "pound", "bn", "m", "million", "billion", "money", "cash", "sum", "asylum", "refuge", "food",
    "medicine", "grain", "fuel", "oil", "gas", "debt", "relief", "tank", "plane", "ship", "rocket", "artillery",
    "munition", "material", "materiel", "supplies", "good", "water", "tent", "blanket", "doctor", "expert", "team",
    "instructor", "adviser", "advisor", "training", "intelligence", "patriot"})


def _question(verb: Token) -> bool:
    """"ask X whether/if ...", "ask X why ...": the clause is a question."""
    return any(c.dep_ in ("ccomp", "advcl") and (c.left_edge.lower_ in ("whether", "if", "why", "how", "what", "when")
                                                  or any(m.lower_ in ("whether", "if") for m in c.children))
               for c in verb.children)


def _gift(obj: Token) -> bool:
    """What is given is aid: money ("£50,000", "$1bn"), arms, goods, help, asylum (or one of its conjuncts is:
    "aerial photographs and other military intelligence")."""
    return any(bool(forms(t) & GIFTS) or t.like_num or any(c.text in ("$", "£", "€") or c.like_num for c in t.children)
               for t in (obj, *(c for c in obj.subtree if c.dep_ == "conj" and c.head.i == obj.i)))


def _statement_channel(verb: Token, lex: Lexicon) -> bool:
    """"Speaking to the BBC's Westminster Hour, Mr Kennedy said": an -ing clause of speaking to someone that frames
    the main clause's statement."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in ("speak", "talk", "write")
            and bool(forms(verb.head) & lex.cue("reporting")))


#: Verbs that demand only with a clause saying what is to be done ("ordered X to withdraw").
COMMAND_VERBS = frozenset({"order", "instruct", "direct"})
#: Types of force whose object may be a place named by what lies in it ("struck targets in Lebanon").
FORCE_TYPES = frozenset({"assault", "coerce"})
TARGET_NOUNS = frozenset({"target", "position", "base", "facility", "site", "installation", "outpost", "camp",
                          "infrastructure", "territory", "village", "town", "city"})
#: Verbs by which an organisation puts a member out: in the passive without agent, the "from" organisation acts.
EXCLUDING_VERBS = frozenset({"expel", "suspend", "exclude", "ban", "bar"})
#: Verbs that act on an actor named as their object, never on its possessions ("suspended Mali from ECOWAS").
ACTOR_OBJECT_VERBS = frozenset({"suspend"})
#: Verbs that command only with an infinitive ("told Iran to halt enrichment"; "told MPs that ..." reports).
INFINITIVE_COMMAND_VERBS = frozenset({"tell"})
#: Types whose target may sit in an infinitive complement ("threatened to cut off electricity to Nakhichevan",
#: "threatened to break relations with Russia").
COMPLEMENT_OBJECT_TYPES = frozenset({"threaten", "reject"})
_COMPLEMENT_PREPS = frozenset({"to", "with", "against", "on", "from", "into", "for"})


def complement_objects(tok: Token, index: ActorIndex) -> list[ActorRef]:
    """Actors named as object or prepositional object of ``tok``'s xcomp (one level)."""
    out: list[ActorRef] = []
    for x in _children(tok, {"xcomp"}):
        for c in x.children:
            if c.dep_ in OBJ_DEPS:
                out.extend(ActorRef(r.mention, r.steps + 2) for r in index.object_actors(c))
            elif c.dep_ in ("prep", "prt") and c.lower_ in _COMPLEMENT_PREPS:
                out.extend(ActorRef(r.mention, r.steps + 2) for p in _pobjs(c) for r in index.object_actors(p))
    return out


#: Deontic modals: "Britain said Libya must hand over the suspects" is a demand on Libya.
DEONTIC = frozenset({"must"})
#: Modals of advice: "X said Y should ..." asks Y to act (request, not demand: docs/ANNOTATION.md).
ADVISORY = frozenset({"should", "ought"})
#: Verbs whose that-clause in the bare subjunctive is a demand: "Moscow insisted that Minsk pay its debts" (not
#: "insisted that the rules were fair": a claim).
SUBJUNCTIVE_GOVERNORS = frozenset({"insist", "require", "stipulate"})


def deontic_demands(sent: Span, index: ActorIndex, lex: Lexicon, view: GazetteerLike | None = None
                    ) -> Iterator[Candidate]:
    """``X said/declared/reiterated that Y must ...`` -> X demand Y (pattern ``clause:demand:must``); ``X insisted
    that Y pay ...`` (bare subjunctive) -> X demand Y (``clause:demand:subjunctive``)."""
    reporting = lex.cue("reporting")
    for tok in sent:
        relation, method = "demand", "clause:demand:subjunctive"
        if _subjunctive(tok):
            verb = tok
        elif (tok.dep_ == "aux" and tok.lower_ in DEONTIC | ADVISORY) or _needs_to(tok):
            verb = tok.head if tok.dep_ == "aux" else tok
            if verb.dep_ != "ccomp" or not (forms(verb.head) & reporting):
                continue
            if tok.lower_ in DEONTIC:
                method = "clause:demand:must"
            elif _states_a_view(verb if tok.dep_ == "aux" else _infinitive(verb)):
                continue  # "said the UN should be leading the effort": how things ought to be, nobody asked
            else:  # "said the US should do more", "argued that Greece needed to cut spending": advice, a request
                relation, method = "request", f"clause:request:{tok.lemma_.lower()}"
        else:
            continue
        prior = lex.types[relation].prior * (0.9 if relation == "demand" else 0.8)
        targets = [r for c in _children(verb, {"nsubj", "nsubjpass"}) for r in index.actors_at(c)]
        if not targets:
            continue
        speakers, subj_tok, steps = clause_subjects(verb.head, index)
        for s_ in speakers:
            # "Putin said Russia must/should ...": a leader's line for his own state asks nothing of it
            own = view.held_countries(s_.mention.entity_id) if view is not None else frozenset()
            for t in targets:
                if s_.mention.entity_id != t.mention.entity_id and t.mention.entity_id not in own:
                    yield Candidate(s_.mention, relation, t.mention, tok, method, prior,
                                    2 + steps + s_.steps + t.steps, subj_tok, None)


def _infinitive(verb: Token) -> Token:
    return next((c for c in verb.children if c.dep_ == "xcomp"), verb)


def _states_a_view(verb: Token) -> bool:
    """A copula or a progressive/passive verb phrase ("should be", "should be leading", "should be given")."""
    return verb.lemma_.lower() == "be" or any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "be"
                                              for c in verb.children)


def _needs_to(tok: Token) -> bool:
    """"needed to cut": a verb of necessity with a to-infinitive (its clause is the advice)."""
    return tok.lemma_.lower() == "need" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)


def _subjunctive(verb: Token) -> bool:
    """A that-clause in the bare subjunctive under a verb of insisting: "insisted that Minsk pay its debts"."""
    return (verb.dep_ == "ccomp" and verb.tag_ == "VB" and verb.head.lemma_.lower() in SUBJUNCTIVE_GOVERNORS
            and not _children(verb, {"aux", "auxpass"}) and any(c.lower_ == "that" for c in verb.children))


#: Types whose addressee may be the subject of a complement clause ("demanded that Israel ease restrictions").
CLAUSAL_OBJECT_TYPES = frozenset({"demand", "request", "accuse", "aid"})


def clausal_objects(tok: Token, index: ActorIndex) -> list[ActorRef]:
    """The subject of a that-clause or infinitive complement of ``tok`` ("demanding that Mugabe abandon ..."); for a
    noun, also a that-clause the parser hung on its verb right after it ("reiterated its demand today that Israel
    ease restrictions")."""
    clauses = list(tok.children)
    if tok.pos_ in ("NOUN", "PROPN") and tok.head != tok:
        clauses += [c for c in tok.head.children if c.dep_ == "ccomp" and 0 < c.left_edge.i - tok.right_edge.i <= 3
                    and c.left_edge.lower_ == "that"]
    out: list[ActorRef] = []
    for c in clauses:
        if c.dep_ in ("ccomp", "acl", "xcomp", "advcl") and any(g.lower_ in ("that", "for") or g.dep_ == "mark"
                                                               for g in c.children) | (c.dep_ == "ccomp"):
            for sub in c.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(ActorRef(r.mention, r.steps + 2) for r in index.actors_at(sub))
    return out


#: Conjunctions of a condition: "threatened to stop the talks if the United States goes ahead".
CONDITION_MARKS = frozenset({"if", "unless"})


def conditional_objects(tok: Token, index: ActorIndex) -> list[ActorRef]:
    """The subject of the condition a threat depends on: "X threatened to ban voting if Hamas ran", "... unless
    Israel rescinded the annexation" (the condition may hang off the threat or off what is threatened)."""
    heads = [tok, *_children(tok, {"xcomp"})]
    return [ActorRef(r.mention, r.steps + 3) for h in heads for c in _children(h, {"advcl"})
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            for sub in _children(c, {"nsubj", "nsubjpass"}) for r in index.actors_at(sub)]


def _noun_governor_subjects(noun: Token, index: ActorIndex, lex: Lexicon, structural: bool = False,
                            any_verb: bool = False, max_noun_hops: int = 2) -> tuple[list[ActorRef], Token | None, int]:
    """Subject of a nominal trigger taken from the clause around it ("Belarus and Russia held talks"); with
    ``any_verb`` also through a preposition on any verb ("spoke at a news conference with X")."""
    cur, steps = noun, 0
    noun_hops = 0
    for _ in range(6):
        dep, head = cur.dep_, cur.head
        if head == cur:
            break
        if dep == "appos":
            actors = index.actors_at(head)
            return actors, head, steps + 1
        if dep == "conj":
            cur, steps = head, steps + 1
            continue
        if dep == "nsubjpass" and _children(head, {"agent"}):
            # "Sanctions against Russia have been coordinated by the G7"
            actors = [r for a in _children(head, {"agent"}) for p in _pobjs(a) for r in index.actors_at(p)]
            return actors, None, steps + 2
        if dep in ("dobj", "attr", "oprd", "nsubjpass", "dative", "obj", "xcomp", "acomp"):
            if head.lemma_.lower() in lex.support_verbs or dep in ("attr",):
                actors, tok, extra = clause_subjects(head, index)
                if not actors and dep != "dative":
                    # "What can bring Minsk contacts with NATO?": the beneficiary stands in for the subject
                    for d in _children(head, {"dative"}):
                        actors = index.actors_at(d)
                        if actors:
                            return actors, d, steps + 2
                return actors, tok, steps + 1 + extra
            break
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and not structural:
            # a verbless headline: "India and Russia in energy talks"
            actors = index.actors_at(head.head)
            if len(actors) >= 2:
                return actors, head.head, steps + 2
        if dep == "pobj" and head.dep_ == "prep" and not structural:
            # (structural relations are not read through prepositions: "restrictions ... for new EU members"
            # says nothing about the restricting state's membership)
            gov = head.head
            if gov.pos_ in ("VERB", "AUX") and (any_verb or gov.lemma_.lower() in lex.support_verbs):
                actors, tok, extra = clause_subjects(gov, index)
                return actors, tok, steps + 2 + extra
            if gov.pos_ in ("NOUN", "PROPN") and head.lower_ in ("of", "for", "on", "in", "to") \
                    and noun_hops < max_noun_hops:
                # "the expansion of cooperation with X", "the level of dialogue between X and Y"
                own = [r for c in gov.children if c.dep_ in ("poss", "compound") for r in index.actors_at(c)]
                if own:
                    return own, None, steps + 2
                noun_hops += 1
                cur, steps = gov, steps + 2
                continue
            break
        break
    return [], None, steps


@dataclass
class _NounArgs:
    """Arguments of a nominal trigger as they are collected."""

    subjects: list[ActorRef] = field(default_factory=list)
    objects: list[ActorRef] = field(default_factory=list)
    pair: list[ActorRef] = field(default_factory=list)
    cosubjects: list[ActorRef] = field(default_factory=list)
    subj_tok: Token | None = None
    obj_tok: Token | None = None


def _noun_modifiers(tok: Token, trig: Trigger, index: ActorIndex, lex: Lexicon, args: _NounArgs) -> None:
    """Actors the trigger names by modification: "its ally Manila" (object), "Russia's support", "EU sanctions"
    (subject), "an EU member", "NATO membership" (the organisation is the object of membership-like types)."""
    named = index.actors_at(tok.head) if (tok.dep_ in ("appos", "nmod") or (
        tok.dep_ == "compound" and tok.lemma_.lower() in ROLE_NOUNS)) and tok.head != tok else []
    named += [r for c in tok.children if c.dep_ == "appos" for r in index.actors_at(c)]
    args.objects.extend(ActorRef(r.mention, r.steps + 1) for r in named)
    org_object = lex.types[trig.relation].object_types == frozenset({"Organization"})
    for c in tok.children:
        if c.dep_ not in ("poss", "compound", "amod", "nmod") or (cm := index.mention_at(c)) is None:
            continue
        if org_object and index.type_of(cm) == "Organization":
            args.objects.extend(ActorRef(r.mention, r.steps + 1) for r in index.actors_at(c))
            args.obj_tok = c
            continue
        args.subjects.extend(index.actors_at(c))
        # "the Turkey-EU talks", "US-China trade deal": the hyphen's first actor hangs off the second
        args.subjects.extend(ActorRef(hm, 1, -10 - k) for k, h in enumerate(c.children)
                             if h.dep_ in ("compound", "amod") and h.i < c.i
                             and any(t.text in HYPHENS for t in tok.doc[h.i + 1:c.i])
                             and (hm := index.mention_at(h)) is not None and hm is not cm)
        args.subj_tok = c


def _noun_prepositions(tok: Token, trig: Trigger, index: ActorIndex, lex: Lexicon, args: _NounArgs) -> None:
    """Prepositional arguments: the lexicon's roles ("dependence on Moscow", "support from X") and pairs
    ("dialogue between NATO and Russia"), also on a quantity of the trigger ("$70m of aid for Romania")."""
    preps = _children(tok, {"prep"})
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_quantity(tok.head.head):
        preps += [c for c in _children(tok.head.head, {"prep"}) if c != tok.head]
    for c in preps:
        role = trig.role_of(c.lower_)
        if role is None and c.lower_ in lex.pair_preps:
            for p in _pobjs(c):
                args.pair.extend(index.conjunct_groups(p, start=100 * len(args.pair) + 100))
            continue
        if role is None:
            continue
        found = [ActorRef(r.mention, r.steps + 1) for p in _pobjs(c) for r in
                 (index.actors_at(p) if role != "object" else object_fn(index, trig.relation)(p))]
        if role == "subject":
            args.subjects.extend(found)
            args.subj_tok = args.subj_tok or c
        elif role == "cosubject":
            args.cosubjects.extend(found)
        else:
            args.objects.extend(found)
            args.obj_tok = args.obj_tok or c
            # "a member of the Quad with Japan and Australia": the co-members hang off the object
            args.cosubjects.extend(ActorRef(r.mention, r.steps + 2) for p in _pobjs(c) for pp in _children(p, {"prep"})
                                   if trig.role_of(pp.lower_) == "cosubject" for q in _pobjs(pp)
                                   for r in index.actors_at(q))


#: Nouns naming an actor's role towards another, also in front of the actor's name ("its ally Manila",
#: "trading partner China"); other triggers there are labels ("the opposition Conservatives").
ROLE_NOUNS = frozenset({"ally", "partner", "member", "rival", "supplier", "donor", "backer", "sponsor", "creditor",
                        "signatory", "candidate", "participant", "supporter", "advocate", "champion"})
#: Two-sided processes named with one side as modifier ("EU talks", "WTO membership negotiations").
PROCESS_NOUNS = frozenset({"talk", "negotiation", "dialogue", "dialog", "consultation"})
#: Nouns of feeling: "concern that X had ..." does not aim the feeling at X.
FEELING_NOUNS = frozenset({"concern", "anger", "frustration", "fear", "worry"})
#: Offices of an organisation held by a member: wanting something of one's chairmanship is no membership bid.
HELD_OFFICES = frozenset({"presidency", "chairmanship", "chair"})
#: Nouns that measure out their "of" noun ("tons of food aid", "a package of sanctions", "a round of talks").
QUANTITY_NOUNS = frozenset({"ton", "tonne", "dollar", "euro", "pound", "million", "billion", "package", "round",
                            "series", "amount", "shipment", "consignment", "batch", "tranche", "wave", "number",
                            "worth", "barrel", "unit", "set"})


def _is_quantity(noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "NUM") and (noun.lemma_.lower() in QUANTITY_NOUNS or any(
        c.dep_ == "nummod" for c in noun.children))


def _between_candidates(tok: Token, trig: Trigger, args: _NounArgs, lex: Lexicon) -> list[Candidate]:
    """"dialogue between NATO and Russia": every pair across the conjuncts (and the noun's own actors)."""
    pair = args.pair
    if args.subjects or args.objects:
        pair = pair + [ActorRef(r.mention, r.steps, -2 - i) for i, r in enumerate(args.subjects + args.objects)]
    if len(pair) < 2:
        return []
    relation, by = retype(tok, trig.relation, lex)
    return [Candidate(a.mention, relation, b.mention, tok, trig.pattern_id + "+between", trig.prior,
                      2 + a.steps + b.steps, negates=trig.negates, retyped_by=by)
            for a, b in combinations(pair, 2) if a.mention.entity_id != b.mention.entity_id and a.group != b.group]


def _noun_clause_subjects(tok: Token, trig: Trigger, index: ActorIndex, lex: Lexicon, args: _NounArgs) -> int:
    """Subjects from around the noun when it names none itself ("imposed sanctions on Russia", "its bid",
    "Belarus and Russia held talks"); returns the dependency steps."""
    carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_quantity(tok.head.head) else tok
    gov = carrier.head
    if carrier.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX"):
        # the support verb's object may carry the prepositional object ("imposed sanctions on Russia", "provided
        # $70m of aid for Romania")
        args.objects.extend(ActorRef(r.mention, r.steps + 2) for c in _children(gov, {"prep", "dative"})
                            if trig.role_of(c.lower_) == "object" for p in _pobjs(c) for r in index.actors_at(p))
    if trig.relation in JOINT_ACTS and not args.objects:
        args.objects = _destination(tok, index)
    subjects, args.subj_tok, steps = possessor_subjects(tok, index, 0)
    taken = {r.mention.entity_id for r in args.objects}
    if subjects and all(r.mention.entity_id in taken for r in subjects):
        subjects = []  # "became NATO's 32nd member": the possessor is the organisation, the object
    if not subjects:
        # a joint act with its partner named ("at a news conference with Li", "in conversations with Bush") is
        # done by the subject of whatever clause it sits in
        joint = trig.relation in JOINT_ACTS and bool(args.objects)
        subjects, args.subj_tok, steps = _noun_governor_subjects(
            tok, index, lex, structural=trig.relation in STRUCTURAL_RELATIONS, any_verb=joint)
    args.subjects = subjects
    return steps + 1


def _destination(noun: Token, index: ActorIndex) -> list[ActorRef]:
    """"flew to Beijing for talks", "arrived in Jordan on a visit": the country travelled to is the other side."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "on") or noun.head.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = noun.head.head
    return [ActorRef(r.mention, r.steps + 3) for c in _children(verb, {"prep"}) if c.lower_ in ("to", "in")
            for p in _pobjs(c) for r in index.actors_at(p) if index.type_of(r.mention) == "Country"]


def noun_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """Nominalisations: "dialogue between NATO and Russia", "cooperation with Belarus", "dependence on Moscow"."""
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") and tok.tag_ not in ("NN", "NNS"):
            continue
        own = index.mention_at(tok)
        if own is not None and not (tok.is_lower and tok.lemma_.lower() in lex.agent_nouns
                                    and index.span_of(own).root == tok):
            continue  # a trigger inside a name; but "British troops in Iraq": the agent noun is the trigger
        gov = tok.head
        # the verb takes over when it claims the noun's prepositional object ("discussing an agreement with
        # France" is a consultation with France, read off the verb)
        noun_preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        governed_by_trigger = (tok.dep_ == "dobj" and gov.lemma_.lower() not in lex.support_verbs and any(
            t.role_of(p) == "object" for t in lex.verbs.get(gov.lemma_.lower(), ()) for p in noun_preps))
        for trig in lex.nouns.get(tok.lemma_.lower(), ()):
            if governed_by_trigger and all(t.relation != trig.relation for t in lex.verbs[gov.lemma_.lower()]):
                continue
            args = _NounArgs()
            _noun_modifiers(tok, trig, index, lex, args)
            _noun_prepositions(tok, trig, index, lex, args)
            if args.pair and trig.relation in SYMMETRIC_RELATIONS:
                found = _between_candidates(tok, trig, args, lex)
                if found:
                    yield from found
                    continue
            elif args.pair and not args.subjects and len(args.pair) >= 2:
                continue
            steps = 1
            if not args.subjects:
                steps = _noun_clause_subjects(tok, trig, index, lex, args)
            elif tok.lemma_.lower() in PROCESS_NOUNS and not args.objects and args.subj_tok is not None \
                    and args.subj_tok.dep_ != "prep" and tok.dep_ in ("dobj", "attr", "pobj"):
                # "Turkey began EU membership talks", "Iraq and Afghanistan in WTO talks": the noun's own actor is
                # one side, the subject of the verb that governs it the other (not an organisation's own
                # gathering: "attended a BNP meeting")
                named = {r.mention.entity_id for r in args.subjects}
                others, _, steps = _noun_governor_subjects(tok, index, lex, max_noun_hops=0)
                args.objects = [r for r in others if r.mention.entity_id not in named]
                steps += 1
            yield from _noun_candidates(tok, trig, index, args, steps, lex)


def _noun_candidates(tok: Token, trig: Trigger, index: ActorIndex, args: _NounArgs, steps: int, lex: Lexicon
                     ) -> Iterator[Candidate]:
    subjects, objects = args.subjects, args.objects
    if tok.lemma_.lower() in HELD_OFFICES:
        # a member state holds the presidency, named with it, not through a list ("the EU Council, EU Presidency,
        # European Commission and NATO")
        subjects = [] if tok.dep_ == "conj" else [r for r in subjects if index.type_of(r.mention) == "Country"]
    if objects and trig.relation in ("memberOf", "seeksMembershipIn"):
        objects = objects + surface_list(index, objects, "Organization")
    if args.cosubjects and subjects:
        subjects = subjects + args.cosubjects
    if not objects and trig.relation in CLAUSAL_OBJECT_TYPES and tok.lemma_.lower() not in FEELING_NOUNS:
        objects = clausal_objects(tok, index)
    if not objects and len(subjects) >= 2 and tok.dep_ == "dobj" and tok.head.lemma_.lower() in EXCHANGE_VERBS:
        objects = subjects  # "Azerbaijan and Armenia exchanged accusations": each at the other
    obj_tok = args.obj_tok
    target = next(iter(_pobjs(obj_tok)), None) if obj_tok is not None and obj_tok.dep_ == "prep" else obj_tok
    if trig.relation == "assault" and verbal_attack(tok, target, subjects, index):
        trig = replace(trig, relation="accuse")  # "Howard's attack on Blair"
    yield from _pairs(trig.relation, subjects, objects, trig, tok, steps, lex, args.subj_tok, obj_tok)


def adjective_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """Predicative adjectives: "Minsk is critically dependent on Moscow", "allied with"."""
    for tok in sent:
        if index.mention_at(tok) is not None:
            continue
        for trig in lex.adjectives.get(tok.lemma_.lower(), ()) or lex.adjectives.get(tok.lower_, ()):
            objects = [ActorRef(r.mention, r.steps + 1) for c in _children(tok, {"prep"})
                       if trig.role_of(c.lower_) == "object" for p in _pobjs(c)
                       for r in object_fn(index, trig.relation)(p)]
            if not objects:
                continue
            subjects: list[ActorRef] = []
            subj_tok = None
            steps = 1
            if tok.dep_ in ("acomp", "xcomp", "oprd", "ROOT", "ccomp", "conj", "advcl") or tok.pos_ == "VERB":
                subjects, subj_tok, steps = clause_subjects(tok, index)
                if not subjects and tok.dep_ in ("acomp", "oprd") and tok.head != tok:
                    subjects, subj_tok, extra = clause_subjects(tok.head, index)
                    steps += extra
            if not subjects and tok.dep_ in ("amod", "appos", "acl", "conj") and tok.head != tok:
                subjects = index.actors_at(tok.head)
                subj_tok = tok.head
            if not subjects:
                # "Turkey is frustrated with ...": a participle the parser read as a passive verb
                subj_tok = next(iter(_children(tok, PASSIVE_SUBJ_DEPS)), None)
                subjects = index.actors_at(subj_tok) if subj_tok is not None else []
            yield from _pairs(trig.relation, subjects, objects, trig, tok, steps, lex, subj_tok, None)


_TITLE_DEPS = frozenset({"compound", "appos", "nmod", "amod", "attr"})
#: Verbs that give their subject the title in their complement.
COPULAS = frozenset({"be", "become", "remain", "elect", "re-elect", "reelect", "appoint", "name", "nominate",
                     "swear", "install", "confirm"})


def _title_kind(tok: Token, lex: Lexicon) -> str | None:
    lemma = tok.lemma_.lower()
    if any(c.lower_ in NON_STATE for c in tok.children if c.dep_ in ("amod", "compound") and not c.ent_type_):
        return None  # "the Kenyan opposition leader": no office of Kenya
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    prev2 = doc[tok.i - 2].lower_ if tok.i > 1 else ""
    if (lemma == "secretary" and nxt in ("general", "-general", "-")) or (
            lemma == "general" and (prev == "secretary" or (prev == "-" and prev2 == "secretary"))):
        return "leaderOf"
    # "prime minister", "foreign minister", "head of state"
    if lemma == "minister":
        if any(c.lower_ == "prime" for c in tok.children) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "prime"):
            return "leaderOf"
    if lemma == "head":
        states = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)]
        if any(p.lemma_.lower() in ("state", "government") for p in states):
            return "leaderOf"
    if lemma in lex.leader_titles:
        return "leaderOf"
    if lemma in lex.affiliated_titles:
        return "affiliatedWith"
    return None


def _title_orgs(title: Token, index: ActorIndex, person: Mention) -> list[ActorRef]:
    out: list[ActorRef] = []
    for c in title.children:
        m = index.mention_at(c)
        if m is not None and m is not person and c.dep_ in ("compound", "amod", "poss", "nmod"):
            out.append(ActorRef(m, 1))
        elif c.dep_ == "prep" and c.lower_ in ("of", "for"):
            for p in _pobjs(c):
                for r in index.actors_at(p):
                    if r.mention is not person:
                        out.append(ActorRef(r.mention, r.steps + 2))
                # "head of state of Belarus"
                for pp in p.children:
                    if pp.dep_ == "prep" and pp.lower_ == "of":
                        out.extend(ActorRef(r.mention, r.steps + 3) for q in _pobjs(pp) for r in index.actors_at(q))
    return [r for r in out if index.type_of(r.mention) in ("Country", "Organization")]


def title_relations(sent: Span, index: ActorIndex, lex: Lexicon, view: GazetteerLike | None = None
                    ) -> Iterator[Candidate]:
    """leaderOf / affiliatedWith from titles around a person mention.

    The surface reading (:mod:`graphbuild.relations.titles`) wins where it finds the office's actor; the parse
    covers the rest ("President X of Y", "X is the president of Y", office mentions).
    """
    for held in as_titles(sent, index, lex):
        yield Candidate(held.person, held.relation, held.actor, held.title,
                        f"title:{held.relation}:{held.title.lemma_.lower()}:as", lex.types[held.relation].prior * 0.9,
                        held.steps, None, None)
    surface = {(t.person.start, t.person.end): t for t in surface_titles(sent, index, lex)}
    for m in index.sentence_mentions(sent):
        if index.type_of(m) != "Person":
            continue
        found = surface.get((m.start, m.end))
        if found is not None and not found.current:
            # "former President X of Y": the office, negated; never the parse's reading of it as current
            if found.actor is not None:
                yield Candidate(m, found.relation, found.actor, found.title,
                                f"title:{found.relation}:{found.title.lemma_.lower()}:former",
                                lex.types[found.relation].prior, found.steps, index.span_of(m).root, None,
                                negates=True)
            continue
        if found is not None and found.actor is not None:
            yield Candidate(m, found.relation, found.actor, found.title,
                            f"title:{found.relation}:{found.title.lemma_.lower()}", lex.types[found.relation].prior,
                            found.steps, index.span_of(m).root, None)
            continue
        parsed = list(_parsed_titles(m, index, lex, view))
        yield from parsed
        if found is not None and not parsed:
            yield from _implied_office(m, found, index, lex, view)



def _implied_office(m: Mention, found: TitleMatch, index: ActorIndex, lex: Lexicon,
                    view: GazetteerLike | None) -> Iterator[Candidate]:
    """"President Kassym-Jomart Tokayev said": the office of a country the phrase does not name.

    The country is the one whose office of that title the gazetteer records the person as holding, where the
    sentence names that country ("President Bush said the US ..."; docs/ANNOTATION.md: leaderOf needs the state in
    the sentence -- without it, 1 in 14 right on the dev tune split); for a person the gazetteer does not know, the
    article's own country when the article is plainly about one
    (:func:`~graphbuild.relations.titles.dominant_country`) and the title is a state office.  Only where the
    article first names the person: the office is introduced once, then the title is a form of address.
    """
    if m.start != index.first_start(m.entity_id):
        return
    title = found.title
    words = {title.lemma_.lower(), title.lower_}
    pair = title.doc[title.i - 1].lower_ + " " + title.lower_ if title.i > 0 else ""
    known = set()
    if view is not None:
        for w in (pair, *words):
            known |= view.office_countries(m.entity_id, w)
    if len(known) == 1:
        country_id, method = known.pop(), "office"
    elif known or index.in_gazetteer(m) or not (words | {pair}) & IMPLIED_TITLES:
        return
    else:
        country = dominant_country(index)
        if country is None:
            return
        country_id, method = country.entity_id, country.method
    if method == "office" and not any(x.entity_id == country_id and x.sent_start == m.sent_start
                                      for x in index.by_token.values()):
        return  # a known holder's office only where the sentence names the state (docs/ANNOTATION.md: leaderOf)
    here = Mention(m.doc_id, title.idx, title.idx + len(title.text), title.text, country_id, method, m.sent_start)
    yield Candidate(m, found.relation, here, title, f"title:{found.relation}:{title.lemma_.lower()}:implied",
                    lex.types[found.relation].prior * IMPLIED_COUNTRY, found.steps, index.span_of(m).root, None)


#: Titles that name an office of the article's own country when no actor is given ("President X said").
IMPLIED_TITLES = frozenset({"president", "minister", "premier", "chancellor", "king", "queen", "junta leader",
                            "military leader", "coup leader", "supreme leader"})


class GazetteerLike(Protocol):
    """What the title rules read from the gazetteer (graphbuild.relations.GazetteerView)."""

    def lookup(self, text: str) -> list[tuple[str, str]]: ...

    def office_countries(self, person_id: str | None, title: str) -> frozenset[str]: ...

    def held_countries(self, person_id: str | None) -> frozenset[str]: ...


def _parsed_titles(m: Mention, index: ActorIndex, lex: Lexicon, view: GazetteerLike | None) -> Iterator[Candidate]:
    """Titles of one person mention read from the dependency parse."""
    lookup = view.lookup if view is not None else None
    held_in = view.held_countries(m.entity_id) if view is not None and m.method == "office" else frozenset()
    span = index.span_of(m)
    head = span.root
    titles: list[tuple[Token, int]] = [(t, 0) for t in span if t != head and _title_kind(t, lex)]
    for c in head.children:
        if c.dep_ in _TITLE_DEPS and _title_kind(c, lex):
            titles.append((c, 1))
    governor_title = head.head != head and _title_kind(head.head, lex)
    if head.dep_ in ("appos", "compound", "nsubj", "attr") and governor_title:
        # "the president, X" / "Belarusian leader X" -- unless another person stands between them
        lo, hi = sorted((head.head.i, head.i))
        between = {index.mention_at(t) for t in head.doc[lo + 1:hi]} - {None, m}
        if not any(index.type_of(b) == "Person" for b in between if b is not None):
            titles.append((head.head, 1))
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in COPULAS:
        # "X is the president of Y", "X became prime minister of Y", "X was elected president of Y"
        titles += [(a, 2) for a in _children(head.head, {"attr", "oprd", "xcomp", "acomp"}) if _title_kind(a, lex)]
    seen_titles = set()
    for title, steps in titles:
        if title.i in seen_titles:
            continue
        seen_titles.add(title.i)
        kind = _title_kind(title, lex)
        orgs = _title_orgs(title, index, m)
        # modifiers of the person itself ("Russian President Vladimir Putin" parsed with Russian on Putin)
        orgs += [ActorRef(om, 1) for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                 and (om := index.mention_at(c)) is not None and om is not m
                 and index.type_of(om) in ("Country", "Organization")]
        orgs += [ActorRef(r.mention, r.steps + 2) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in _pobjs(c) for r in index.actors_at(p)
                 if index.type_of(r.mention) in ("Country", "Organization")]
        for o in orgs:
            yield Candidate(m, kind, o.mention, title, f"title:{kind}:{title.lemma_.lower()}",
                            lex.types[kind].prior, steps + o.steps, head, None)
    # an office mention ("the Belarusian leader") names its country inside the span
    if m.method == "office" and lookup is not None:
        for tok in span:
            found = [(e, method) for e, method in lookup(tok.text)
                     if method in ("demonym", "exact", "alias", "metonym") and entity_type(e) != ActorType.PERSON]
            # "The French president": France, where the holder holds office, not the French Southern Territories
            held = {e for e, _ in found} & held_in
            found = [(e, method) for e, method in found if e in held] or found
            if found:
                entity_id, method = found[0]
                org = Mention(m.doc_id, m.start, m.end, tok.text, entity_id, method, m.sent_start)
                yield Candidate(m, "leaderOf", org, tok, "title:leaderOf:office", lex.types["leaderOf"].prior, 1,
                                head, None)


def list_relations(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """Member lists: "<Org> countries/members — X, Y and Z", "CIS countries Azerbaijan"; "X and other members of
    <Org>", "X, like other <Org> members"; "X within the <Org>"."""
    yield from _listed_members(sent, index, lex)
    yield from _other_members(sent, index, lex)
    yield from _within(sent, index, lex)


def _listed_members(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """"<Org> countries/members — X, Y and Z", "CIS countries Azerbaijan"."""
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() not in lex.member_nouns or index.mention_at(tok) is not None:
            continue
        prev = doc[tok.i - 1] if tok.i > sent.start else None
        # "member states": step over "member"
        if prev is not None and prev.lower_ == "member" and prev.i > sent.start:
            prev = doc[prev.i - 1]
        org = index.mention_at(prev) if prev is not None else None
        if org is None or index.type_of(org) != "Organization":
            continue
        members: list[Mention] = []
        i = tok.i + 1
        while i < sent.end:
            t = doc[i]
            m = index.mention_at(t)
            if m is not None:
                if index.type_of(m) != "Country":
                    break
                if not members or members[-1] is not m:
                    members.append(m)
                i += 1
                continue
            if t.lower_ in LIST_SEPARATORS or t.is_punct and t.text not in (".", "!", "?"):
                i += 1
                continue
            break
        for mm in members:
            yield Candidate(mm, "memberOf", org, tok, f"list:memberOf:{tok.lemma_.lower()}",
                            lex.types["memberOf"].prior * 0.95, 2)


#: "more than other EU states", "like other NATO members", "unlike other members": the compared actor is one too.
COMPARISON_WORDS = frozenset({"than", "like", "unlike"})


def _other_members(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """"the United States, Germany and other members of the Contact Group", "Britain paid more than other EU
    states", "Poland, like other EU members, ..." -> memberOf."""
    for tok in sent:
        if tok.lemma_.lower() not in lex.member_nouns or not any(c.lower_ == "other" for c in tok.children):
            continue
        orgs = [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)
                for r in index.actors_at(p) if index.type_of(r.mention) == "Organization"]
        orgs += [ActorRef(om, 1) for c in tok.children if c.dep_ == "compound"
                 and (om := index.mention_at(c)) is not None and index.type_of(om) == "Organization"]
        if not orgs:
            continue
        members = _listed_beside(tok, index) or _compared_with(tok, index)
        for o in orgs:
            for r in members:
                yield Candidate(r.mention, "memberOf", o.mention, tok, "list:memberOf:other-members",
                                lex.types["memberOf"].prior * 0.95, 2 + o.steps)


def _listed_beside(tok: Token, index: ActorIndex) -> list[ActorRef]:
    """The countries coordinated with ``tok`` ("the US, Germany and other members")."""
    if tok.dep_ != "conj":
        return []
    first = tok.head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    siblings = [first] + [t for t in first.subtree if t.dep_ == "conj" and t != tok]
    members = {id(mm): ActorRef(mm, 1) for t in siblings if (mm := index.mention_at(t)) is not None
               and index.type_of(mm) == "Country"}
    return list(members.values())


def _compared_with(tok: Token, index: ActorIndex) -> list[ActorRef]:
    """The actor compared with ``tok`` ("Britain paid more than other EU states", "than other members did")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in COMPARISON_WORDS:
        anchor = tok.head.head
    elif tok.dep_ == "nsubj" and any(c.dep_ == "mark" and c.lower_ in COMPARISON_WORDS for c in tok.head.children):
        anchor = tok.head.head
    else:
        return []
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else next(
        (a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    return [r for r in clause_subjects(verb, index)[0] if index.type_of(r.mention) in ("Country", "Organization")]


def _within(sent: Span, index: ActorIndex, lex: Lexicon) -> Iterator[Candidate]:
    """"Minsk will form a group within the EAEU" -> memberOf."""
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ == "within":
            holder = index.actors_at(tok.head)
            if not holder and tok.head.dep_ in ("dobj", "attr") and tok.head.head.lemma_.lower() in lex.support_verbs:
                # "Minsk will try to form a group within the EAEU"
                holder, _, _ = clause_subjects(tok.head.head, index)
            elif not holder and tok.head.pos_ in ("VERB", "AUX"):
                holder, _, _ = clause_subjects(tok.head, index)
            orgs = [r for p in _pobjs(tok) for r in index.actors_at(p) if index.type_of(r.mention) == "Organization"]
            for h in holder:
                if index.type_of(h.mention) not in ("Country", "Organization"):
                    continue
                for o in orgs:
                    if o.mention.entity_id != h.mention.entity_id:
                        yield Candidate(h.mention, "memberOf", o.mention, tok, "within:memberOf",
                                        lex.types["memberOf"].prior * 0.85, 2 + h.steps + o.steps)

