"""Entity quality pass: actors minted by NER that are tokenisation junk, generic nouns, or persons typed as
organisations.

On a general news corpus spaCy's NER mints actors such as "ofNew Labour" (a word glued to a name), "Budget",
"Cabinet", "working party" (a generic noun, not an actor), "Home Affairs" (a portfolio), "Labour MPs" (a group
of people named by their role), "Nicola Sturgeon" or "Philippe Sands QC" typed as an organisation.  The checks
here are pure functions of a label (and a set of known given names); :func:`clean_results` applies them to the
minted entities of a corpus at merge time (gazetteer actors are never touched):

* ``junk``: dropped (its mentions become unresolved, its relations are removed);
* ``generic``: dropped likewise;
* ``relabel``: a fixable label ("ofNew Labour" -> "New Labour", "British British Casino Association" ->
  "British Casino Association", "Lawyer Louise Christian" -> "Louise Christian"); the actor takes the id of the
  fixed label (merging with an actor of that name if there is one);
* ``retype``: an "organisation" that is a person's name becomes a person (same rule for the id).

The vocabulary is data (the word sets below); no actor is named in the code.  The measured effect on the BBC
corpus is in docs/EVALUATION.md ("Entity quality").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from graphbuild.model import DocResult, Entity, Mention, Relation
from graphbuild.text import fold, slugify

#: Words that name a kind of body, an office or a portfolio, not one actor, when a label consists of nothing else
#: ("Government", "Cabinet", "Home Affairs", "Trade and Industry", "State for Culture", "Office of the Deputy").
GENERIC_WORDS: frozenset[str] = frozenset(
    """government governments crown budget budgets cabinet parliament parliaments party parties state states
    shadow home health education defence defense transport sport sports culture media affairs trade industry
    international development monetary constitutional foreign office offices deputy minister ministers ministry
    ministries department departments council councils committee committees court courts police army military
    opposition administration authority authorities official officials union unions assembly senate congress
    commission agency agencies company companies firm firms group groups bank banks board government-backed
    armed forces force justice environment energy finance economy treasury interior work pensions employment
    chancellor president presidency premier secretary spokesman spokeswoman leader leaders chairman executive
    people public country nation region regions city capital west east north south working republic kingdom
    royal national federal central local regional new former ex old acting interim gp doctor doctors nurse nurses
    teacher teachers lawyer lawyers""".split()
)
#: The head nouns of a named body: a label of generic words with one of these ("Home Office", "Department for
#: Constitutional Affairs") names one body; alone ("Cabinet", "Parliament") it does not say whose.
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    """office department ministry council committee court bank commission agency union assembly authority board
    senate congress""".split()
)
#: A label ending in one of these names a group of people by role ("Labour MPs", "UKIP MEP", "Tory peers").
GROUP_NOUNS: frozenset[str] = frozenset(
    """mp mps mep meps msp msps am ams peer peers members member officials ministers leaders delegates voters
    supporters activists backbenchers rebels candidates councillors spokesman spokeswoman""".split()
)
#: Function words ignored when deciding whether every word of a label is generic.
STOPWORDS: frozenset[str] = frozenset("of and for the & to in on at".split())
#: Words that mark an organisation's name (an "organisation" containing one is not retyped as a person).
ORG_WORDS: frozenset[str] = frozenset(
    """association associates bank corp corporation company co ltd limited plc inc group holdings union party
    council committee institute institution foundation trust society league alliance federation chamber
    chambers agency authority board commission office ministry department service services university college
    school club fund capital partners airlines airways motors energy oil gas systems technologies industries
    international national media news times post press television tv radio network church army police court
    democrats liberals conservatives socialists greens tories labour republicans nationalists dem dems tory""".split()
)
#: Role or title words that prefix a person's name in running text ("Lawyer Louise Christian").
TITLE_PREFIXES: frozenset[str] = frozenset(
    """lawyer solicitor barrister mr mrs ms dr sir dame lord lady professor prof minister chancellor president
    senator judge general colonel captain spokesman spokeswoman chairman chief""".split()
)
#: Post-nominal letters dropped from a person's name ("Philippe Sands QC", "Paul Boateng MP").
POSTNOMINALS: frozenset[str] = frozenset("qc mp mep msp am kc obe mbe cbe jr sr".split())

_GLUED = re.compile(r"^([a-z]{1,4})([A-Z][\w'-]*)")
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*$|^(?:Mac|Mc|O')[A-Z][a-z]+$")


@dataclass(frozen=True)
class Verdict:
    """What the quality pass does with one minted actor.

    ``kind`` is ``"ok"``, ``"junk"``, ``"generic"``, ``"relabel"`` or ``"retype"``; ``label`` and ``type`` are
    the fixed values for ``relabel`` / ``retype``; ``reason`` says why, for people.
    """

    kind: str
    reason: str = ""
    label: str | None = None
    type: str | None = None


def _words(label: str) -> list[str]:
    return label.split()


def tokenisation_junk(label: str) -> Verdict:
    """Labels broken by tokenisation: a lower-case word glued to a name, a doubled word, a lower-case start,
    no letters, stray punctuation.  Fixable ones come back as ``relabel``."""
    text = " ".join(label.split())
    if not re.search(r"[A-Za-z]", text) or len(re.sub(r"[^A-Za-z]", "", text)) < 2:
        return Verdict("junk", "no name: too few letters")
    if text != text.strip("-'\".,;:()[]/ ") or text.endswith(("'s", "\u2019s")):
        fixed = re.sub(r"(?:'s|\u2019s)$", "", text).strip("-'\".,;:()[]/ ")
        return Verdict("relabel", "stray punctuation", label=fixed) if len(fixed) >= 2 else Verdict("junk", "punctuation")
    m = _GLUED.match(text)
    if m and m.group(1).lower() in STOPWORDS | {"by", "as", "with", "from", "into"}:
        return Verdict("relabel", f"'{m.group(1)}' glued to the name", label=text[len(m.group(1)):])
    words = _words(text)
    dedup = [w for i, w in enumerate(words) if i == 0 or w.lower() != words[i - 1].lower()]
    if len(dedup) < len(words):
        return Verdict("relabel", "doubled word", label=" ".join(dedup))
    if words[0][0].islower() and not _GLUED.match(words[0]):
        return Verdict("junk", "starts with a lower-case word (a phrase, not a name)")
    return Verdict("ok")


def generic_noun(label: str) -> Verdict:
    """A label made only of generic words ("Budget", "Home Affairs") or naming a group by role ("Labour MPs")."""
    words = [fold(w).strip(".,'") for w in _words(label)]
    content = [w for w in words if w and w not in STOPWORDS]
    if not content:
        return Verdict("ok")
    if all(w in GENERIC_WORDS for w in content) and (len(content) == 1 or not INSTITUTION_NOUNS & set(content)):
        return Verdict("generic", "generic noun or portfolio, not one actor")
    if len(content) >= 2 and content[-1] in GROUP_NOUNS:
        return Verdict("generic", "a group of people named by role")
    return Verdict("ok")


def person_name(label: str, given_names: Iterable[str]) -> str | None:
    """The person's name in ``label`` if it looks like one: optional title, a known given name, one or two more
    capitalised name words, optional post-nominal letters ("Philippe Sands QC" -> "Philippe Sands"); else None."""
    given = given_names if isinstance(given_names, (set, frozenset)) else set(given_names)
    words = _words(label)
    while words and fold(words[0]).strip(".") in TITLE_PREFIXES:
        words = words[1:]
    while words and fold(words[-1]).strip(".") in POSTNOMINALS:
        words = words[:-1]
    if not 2 <= len(words) <= 3:
        return None
    if any(fold(w) in ORG_WORDS or fold(w) in GENERIC_WORDS for w in words):
        return None
    if not all(_NAME_TOKEN.match(w) for w in words):
        return None
    if fold(words[0]) not in given:
        return None
    return " ".join(words)


def assess(entity: Entity, given_names: Iterable[str] = ()) -> Verdict:
    """The verdict on one actor (gazetteer actors are always ``ok``)."""
    if entity.in_gazetteer:
        return Verdict("ok")
    v = tokenisation_junk(entity.label)
    if v.kind == "junk":
        return v
    label = v.label if v.kind == "relabel" else entity.label
    if entity.type == "Person":
        name = person_name(label, given_names)
        if name and name != label:
            return Verdict("relabel", "title or post-nominal letters around a name", label=name)
    g = generic_noun(label)
    if g.kind != "ok":
        return g
    if entity.type == "Organization":
        name = person_name(label, given_names)
        if name:
            return Verdict("retype", "a person's name typed as an organisation", label=name, type="Person")
    if entity.type == "Person" and any(fold(w) in ORG_WORDS for w in _words(label)):
        return Verdict("retype", "an organisation's name typed as a person", label=label, type="Organization")
    return v


def given_names_of(entities: Iterable[Entity]) -> frozenset[str]:
    """First words of the persons' labels (folded): the given names the corpus and gazetteer know."""
    out = set()
    for e in entities:
        if e.type == "Person":
            words = _words(e.label)
            if len(words) >= 2 and _NAME_TOKEN.match(words[0]) and fold(words[0]) not in TITLE_PREFIXES:
                out.add(fold(words[0]))
    return frozenset(out - ORG_WORDS - GENERIC_WORDS)


_PREFIX = {"Country": "country", "Organization": "org", "Person": "person"}


def plan(minted: Mapping[str, Entity], given_names: Iterable[str], known: Mapping[str, Entity] = {}
         ) -> tuple[dict[str, str | None], dict[str, Entity], dict[str, Verdict]]:
    """For the minted actors: ``mapping`` old id -> new id (None = dropped), the new entities to add, and the
    verdict of every actor that changes.  ``known`` are actors that exist anyway (gazetteer, by id)."""
    given = frozenset(given_names)
    mapping: dict[str, str | None] = {}
    added: dict[str, Entity] = {}
    verdicts: dict[str, Verdict] = {}
    for eid, entity in sorted(minted.items()):
        v = assess(entity, given)
        if v.kind == "ok":
            continue
        verdicts[eid] = v
        if v.kind in ("junk", "generic"):
            mapping[eid] = None
            continue
        etype = v.type or entity.type
        new_id = f"{_PREFIX.get(etype, eid.split('/', 1)[0])}/{slugify(v.label or entity.label)}"
        if new_id == eid:
            continue
        mapping[eid] = new_id
        if new_id not in known and new_id not in minted and new_id not in added:
            added[new_id] = replace(entity, id=new_id, label=v.label or entity.label, type=etype, in_gazetteer=False)
    return mapping, added, verdicts


def quality_plan(minted: Mapping[str, Entity], gazetteer) -> tuple[dict[str, str | None], dict[str, Entity]]:
    """The quality pass over a corpus's minted actors (first seen per id): ``mapping`` old id -> new id (None =
    dropped) and the entities the new ids need (see :func:`plan`)."""
    if not minted:
        return {}, {}
    entities = getattr(gazetteer, "entities", None)  # a stand-in without the listing knows no persons
    known_persons = [e for e in entities() if e.type == "Person"] if entities is not None else []
    given = given_names_of([*known_persons, *minted.values()])

    class _Known(dict):
        def __contains__(self, key):
            return gazetteer is not None and gazetteer.get(key) is not None

    mapping, added, _ = plan(minted, given, _Known())
    return mapping, added


def renamed_mention(m: Mention, mapping: Mapping[str, str | None]) -> Mention | None:
    """``m`` with its actor renamed by ``mapping`` (a dropped actor leaves it unresolved; None: an anaphora mention
    of a dropped actor, which is dropped)."""
    if m.entity_id not in mapping:
        return m
    target = mapping[m.entity_id]
    if target is None and m.method == "anaphora":
        return None  # "he" of a dropped actor is no name left to review
    return replace(m, entity_id=target) if target else replace(m, entity_id=None, method="unresolved")


def renamed_relation(x: Relation, mapping: Mapping[str, str | None]) -> Relation | None:
    """``x`` with its actors renamed by ``mapping``; None when its subject or object is dropped or they become one
    actor (a dropped speaker is cleared)."""
    if not {x.subject, x.object, x.speaker} & mapping.keys():
        return x

    def fix(eid):
        return mapping.get(eid, eid) if eid else eid

    s, o = fix(x.subject), fix(x.object)
    if s is None or o is None or s == o:
        return None
    return replace(x, subject=s, object=o, speaker=fix(x.speaker))


def clean_results(results: list[DocResult], gazetteer) -> list[DocResult]:
    """Apply the quality pass to the minted actors of every document (see the module doc).

    Dropped actors' mentions become unresolved (``entity_id=None``; their anaphora mentions are dropped) and their
    relations are removed (a speaker that is dropped is cleared); relabelled and retyped actors are rewritten
    everywhere to their new id.
    """
    minted: dict[str, Entity] = {}
    for r in results:
        for e in r.new_entities:
            minted.setdefault(e.id, e)
    mapping, added = quality_plan(minted, gazetteer)
    if not mapping:
        return results
    out, placed = [], set()
    for r in results:
        new_entities = [e for e in r.new_entities if e.id not in mapping]
        for e in r.new_entities:
            target = mapping.get(e.id)
            if target in added and target not in placed:
                placed.add(target)
                new_entities.append(added[target])
        out.append(replace(
            r,
            mentions=tuple(x for x in (renamed_mention(m, mapping) for m in r.mentions) if x is not None),
            relations=tuple(x for x in (renamed_relation(x, mapping) for x in r.relations) if x is not None),
            new_entities=tuple(new_entities),
        ))
    return out
