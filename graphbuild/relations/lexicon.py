"""The relation lexicon (``ontologies/relations/lexicon.toml``) -> lookup tables for the rules.

Vocabulary is data: which verbs, nouns and adjectives trigger which of the 25 relation types, which
prepositions carry the subject or object, titles, and the cues for negation, modality and speaker.
Every type name is checked against :data:`graphbuild.model.RELATION_TYPES` so a misspelt type fails at
load time instead of producing a junk edge.

Two layers of verbs:

``petrarch``  ``ontologies/relations/petrarch_verbs.toml``, compiled from the PETRARCH2 CAMEO verb dictionary by
              scripts/compile_petrarch.py (lemma, particle, type, CAMEO code).  Read first.
``curated``   the verbs of ``lexicon.toml``, on top: a lemma the curated lexicon lists (as a verb, with any
              particle or type, or under ``[suppress] verbs``) takes no compiled entry at all.

A third layer, ``petrarch-agents`` (``petrarch_agents.toml``, from Phoenix.agents.txt), adds agent nouns of the
state's sectors ("police", "garrison", "judiciary") to the curated ``[structure] agent_nouns`` ("Russian police"
-> Russia); ``[suppress] agent_nouns`` removes some.

Types, priors, nouns, adjectives, titles and cues always come from ``lexicon.toml``.  ``layers`` (argument of
:func:`load_lexicon`, setting ``lexicon_layers`` in graphbuild.toml; default: all of :data:`LAYERS`) switches the
layers on and off, so that each layer's precision can be measured.

Example:
    >>> lex = load_lexicon()
    >>> [e.relation for e in lex.verbs["criticize"]]
    ['accuse']
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from graphbuild import resources
from graphbuild.config import LEXICON_LAYERS
from graphbuild.errors import GraphbuildError
from graphbuild.model import ACTOR_TYPES, MODALITIES, RELATION_TYPES

DEFAULT_LEXICON = resources.data_path(*resources.LEXICON)
DEFAULT_COMPILED = resources.data_path(*resources.COMPILED_VERBS)
DEFAULT_AGENTS = resources.data_path(*resources.COMPILED_AGENTS)
ROLES = ("subject", "object", "cosubject")
#: The verb layers, in load order (a later layer wins).
LAYERS = LEXICON_LAYERS


def check_layers(layers: tuple[str, ...]) -> tuple[str, ...]:
    bad = [x for x in layers if x not in LAYERS]
    if bad or not layers:
        raise LexiconError(f"lexicon layers {', '.join(layers) or '(none)'}: expected some of {', '.join(LAYERS)}")
    return tuple(x for x in LAYERS if x in layers)


class LexiconError(GraphbuildError):
    """The relation lexicon file is malformed (names the file, the entry and what was expected)."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a word that signals ``relation``, with how its arguments are found.

    Attributes:
        relation: One of RELATION_TYPES.
        lemma: The trigger lemma (lower case).
        pos: ``verb``, ``noun`` or ``adj``.
        particle: For phrasal verbs ("call on", "pull out"): the particle/preposition that must be attached.
        preps: Preposition -> role ("subject" or "object") of its pobj.
        prior: Confidence before penalties.
        negates: The trigger asserts the relation's negation ("left the EAEU" -> memberOf, negated).
        obj_noun: For a verb + object trigger ("accept/demand", "impose/restriction"): the object noun's lemma
            that must be there; the actor is whoever owns or is named with that object.
    """

    relation: str
    lemma: str
    pos: str
    particle: str | None = None
    preps: tuple[tuple[str, str], ...] = ()
    prior: float = 0.7
    negates: bool = False
    obj_noun: str | None = None

    @property
    def pattern_id(self) -> str:
        """A stable id for the rule that fired: ``<pos>:<relation>:<lemma>[_<particle>][/<object noun>]``."""
        lemma = self.lemma + (f"_{self.particle.replace(' ', '_')}" if self.particle else "")
        lemma += f"/{self.obj_noun}" if self.obj_noun else ""
        return f"{self.pos}:{'not-' if self.negates else ''}{self.relation}:{lemma}"

    def role_of(self, prep: str) -> str | None:
        for p, role in self.preps:
            if p == prep:
                return role
        return None


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    prior: float
    subject_types: frozenset[str]
    object_types: frozenset[str]
    modality: str


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from the lexicon file."""

    path: str
    types: dict[str, TypeInfo]
    verbs: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    adjectives: dict[str, list[Trigger]]
    retype: dict[str, list[tuple[frozenset[str], str]]]
    pair_preps: frozenset[str]
    member_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    support_verbs: frozenset[str]
    leader_titles: frozenset[str]
    affiliated_titles: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The layers this lexicon was read with (part of the cache key: graphbuild.orchestration.cache.Versions).
    layers: tuple[str, ...] = LAYERS

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def forms(tok) -> frozenset[str]:
    """The token's lemma plus crude stems of its surface form, for cue words: the small model sometimes
    lemmatises "hoped" as "hop"."""
    w = tok.lower_
    out = {tok.lemma_.lower(), w}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""),
                         ("ing", "e"), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.add(w[: -len(suffix)] + repl)
    return frozenset(out)


def _fail(path: Path, where: str, problem: str) -> LexiconError:
    return LexiconError(f"{path}: {where}: {problem}")


def _str_list(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, f"expected a list of strings, got {value!r}")
    return [v.strip().lower() for v in value]


def _parse_noun(path: Path, where: str, entry: str, default: dict[str, str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``"visit:to=object,by=subject"`` -> ("visit", (("to","object"),("by","subject")))."""
    if ":" not in entry:
        return entry, tuple(sorted(default.items()))
    lemma, spec = entry.split(":", 1)
    preps = []
    for part in spec.split(","):
        prep, _, role = part.partition("=")
        if role not in ROLES:
            raise _fail(path, where, f"noun entry {entry!r}: role must be subject or object, got {role!r}")
        preps.append((prep.strip(), role))
    return lemma.strip(), tuple(preps)


def _verb_preps(path: Path, where: str, value: object) -> tuple[tuple[str, str], ...]:
    """``["with", "to"]`` -> objects; ``"with=cosubject"`` names another role ("formed the Union State with Russia")."""
    out = []
    for entry in _str_list(path, where + " verb_preps", value):
        prep, _, role = entry.partition("=")
        if (role or "object") not in ROLES:
            raise _fail(path, where, f"verb_preps entry {entry!r}: role must be one of {', '.join(ROLES)}")
        out.append((prep, role or "object"))
    return tuple(out)


def _object_preps(verb_preps: tuple[tuple[str, str], ...], noun_preps: dict[str, str]
                  ) -> tuple[tuple[str, str], ...]:
    """Prepositions of a verb + object trigger: the type's verb prepositions and its noun prepositions that carry
    the object ("impose restrictions on X", "express concern over X")."""
    return verb_preps + tuple((p, r) for p, r in sorted(noun_preps.items()) if r == "object" and (p, r) not in verb_preps)


def _preps_table(path: Path, where: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(path, where, f"expected a table {{prep = \"subject\"|\"object\"}}, got {value!r}")
    for prep, role in value.items():
        if role not in ROLES:
            raise _fail(path, where, f"preposition {prep!r}: role must be subject or object, got {role!r}")
    return {str(k): str(v) for k, v in value.items()}


@dataclass
class _Tables:
    """Trigger tables as they are filled from the lexicon's type sections and the compiled layer."""

    types: dict[str, TypeInfo] = field(default_factory=dict)
    verbs: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    curated_lemmas: set[str] = field(default_factory=set)
    verb_preps: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    object_preps: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


def _type_info(path: Path, name: str, spec: dict) -> TypeInfo:
    where = f"[types.{name}]"
    if name not in RELATION_TYPES:
        raise _fail(path, where, f"unknown relation type; expected one of {', '.join(RELATION_TYPES)}")
    prior = float(spec.get("prior", 0.7))
    if not 0.0 < prior <= 1.0:
        raise _fail(path, where, f"prior must be in (0, 1], got {prior}")
    modality = spec.get("modality", "asserted")
    if modality not in MODALITIES:
        raise _fail(path, where, f"modality must be one of {', '.join(MODALITIES)}, got {modality!r}")
    st = frozenset(spec.get("subject_types", ACTOR_TYPES))
    ot = frozenset(spec.get("object_types", ACTOR_TYPES))
    for t in st | ot:
        if t not in ACTOR_TYPES:
            raise _fail(path, where, f"actor type must be one of {', '.join(ACTOR_TYPES)}, got {t!r}")
    return TypeInfo(name, prior, st, ot, modality)


def _add_type(path: Path, name: str, spec: dict, tables: _Tables, curated_verbs: bool) -> None:
    """One ``[types.<name>]`` section: its TypeInfo and its verb, noun and adjective triggers."""
    where = f"[types.{name}]"
    info = tables.types[name] = _type_info(path, name, spec)
    prior = info.prior
    verb_preps = tables.verb_preps[name] = _verb_preps(path, where, spec.get("verb_preps", []))
    noun_default = _preps_table(path, where + " noun_preps", spec.get("noun_preps", {}))
    tables.object_preps[name] = _object_preps(verb_preps, noun_default)
    for key, negates in (("verbs", False), ("negating_verbs", True)):
        for entry in _str_list(path, f"{where} {key}", spec.get(key, [])):
            head, _, obj_noun = entry.partition("/")
            lemma, _, particle = head.partition(":")
            tables.curated_lemmas.add(f"{lemma}/{obj_noun}" if obj_noun else lemma)
            if not curated_verbs:
                continue
            preps = tables.object_preps[name] if obj_noun else verb_preps
            if negates:
                preps = tuple((p, "object") for p in _str_list(path, where + " negating_verb_preps",
                                                               spec.get("negating_verb_preps", [])))
            tables.verbs[lemma].append(Trigger(name, lemma, "verb", particle or None, preps, prior, negates,
                                               obj_noun or None))
    for key, negates in (("nouns", False), ("negating_nouns", True)):
        for entry in _str_list(path, f"{where} {key}", spec.get(key, [])):
            lemma, preps = _parse_noun(path, where, entry, noun_default)
            tables.nouns[lemma].append(Trigger(name, lemma, "noun", None, preps, prior, negates))
    adj_preps = tuple((p, "object") for p in _str_list(path, where + " adj_preps", spec.get("adj_preps", [])))
    for lemma in _str_list(path, where + " adjectives", spec.get("adjectives", [])):
        tables.adjectives[lemma].append(Trigger(name, lemma, "adj", None, adj_preps, prior))


def _add_compiled(compiled: Sequence[dict], cpath: Path, suppressed: set[str], tables: _Tables) -> None:
    """The compiled verb layer, below the curated verbs: a suppressed lemma (or lemma/object) takes no entry."""
    for i, entry in enumerate(compiled):
        where = f"verbs #{i + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get("lemma"), str):
            raise _fail(cpath, where, f"expected {{lemma = ..., type = ...}}, got {entry!r}")
        name = entry.get("type")
        if name not in tables.types:
            raise _fail(cpath, where, f"unknown relation type {name!r}")
        lemma = entry["lemma"].strip().lower()
        obj_noun = (entry.get("object") or "").strip().lower() or None
        if lemma in suppressed or f"{lemma}/{obj_noun}" in suppressed:
            continue
        particle = (entry.get("particle") or "").strip().lower() or None
        preps = tables.object_preps[name] if obj_noun else tables.verb_preps[name]
        tables.verbs[lemma].append(Trigger(name, lemma, "verb", particle, preps, tables.types[name].prior,
                                           obj_noun=obj_noun))


def parse_lexicon(data: dict, path: Path, compiled: Sequence[dict] | None = None, compiled_path: Path | None = None,
                  curated_verbs: bool = True, agents: Sequence[dict] = ()) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed TOML ``data`` (``path`` is used in messages).

    Args:
        compiled: Entries of the compiled verb layer (``{lemma, particle?, object?, type, ...}``), or None.
        compiled_path: Where ``compiled`` came from (for messages).
        curated_verbs: Use the verbs of ``data`` (False: measure the compiled layer alone).
        agents: Entries of the compiled agent layer (``{noun, ...}``), added to the agent nouns.
    """
    types_data = data.get("types")
    if not isinstance(types_data, dict):
        raise _fail(path, "[types]", "missing table of relation types")
    tables = _Tables()
    for name, spec in types_data.items():
        _add_type(path, name, spec, tables, curated_verbs)
    missing = set(RELATION_TYPES) - set(tables.types)
    if missing:
        raise _fail(path, "[types]", f"no entry for relation types {', '.join(sorted(missing))}")
    # a lemma of the curated verbs owns that lemma (when the curated verbs are in use); [suppress] verbs always
    suppressed = (tables.curated_lemmas if curated_verbs else set()) | set(
        _str_list(path, "[suppress] verbs", data.get("suppress", {}).get("verbs", [])))
    _add_compiled(compiled or (), compiled_path or path, suppressed, tables)
    types, verbs, nouns, adjectives = tables.types, tables.verbs, tables.nouns, tables.adjectives

    retype: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
    for i, rule in enumerate(data.get("retype", [])):
        where = f"[[retype]] #{i + 1}"
        src, dst = rule.get("from"), rule.get("to")
        if (src not in RELATION_TYPES and src != "*") or dst not in RELATION_TYPES:
            raise _fail(path, where, f"from/to must be relation types (from may be \"*\"), got {src!r} -> {dst!r}")
        retype[src].append((frozenset(_str_list(path, where, rule.get("governors", []))), dst))

    structure = data.get("structure", {})
    titles = data.get("titles", {})
    compiled_agents = frozenset(str(e.get("noun", "")).strip().lower() for e in agents if isinstance(e, dict)) - {""}
    cues = {k: frozenset(_str_list(path, f"[cues] {k}", v)) for k, v in data.get("cues", {}).items()}
    return Lexicon(
        path=str(path),
        types=types,
        verbs=dict(verbs),
        nouns=dict(nouns),
        adjectives=dict(adjectives),
        retype=dict(retype),
        pair_preps=frozenset(_str_list(path, "[structure] pair_preps", structure.get("pair_preps", []))),
        member_nouns=frozenset(_str_list(path, "[structure] member_nouns", structure.get("member_nouns", []))),
        agent_nouns=frozenset(_str_list(path, "[structure] agent_nouns", structure.get("agent_nouns", [])))
        | (compiled_agents - frozenset(_str_list(path, "[suppress] agent_nouns",
                                                 data.get("suppress", {}).get("agent_nouns", [])))),
        support_verbs=frozenset(_str_list(path, "[structure] support_verbs", structure.get("support_verbs", []))),
        leader_titles=frozenset(_str_list(path, "[titles] leader", titles.get("leader", []))),
        affiliated_titles=frozenset(_str_list(path, "[titles] affiliated", titles.get("affiliated", []))),
        cues=cues,
    )


def _read_toml(p: Path, what: str) -> dict:
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise LexiconError(f"{p}: {what} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{p}: not valid TOML: {exc}") from None


def load_lexicon(path: str | Path | None = None, layers: Sequence[str] | None = None,
                 compiled_path: str | Path | None = None) -> Lexicon:
    """Read and check the lexicon (default: ``ontologies/relations/lexicon.toml`` over the compiled
    ``petrarch_verbs.toml``); cached.

    Args:
        path: The curated lexicon file.  An explicit ``path`` loads that file alone unless ``layers`` or
            ``compiled_path`` is given too.
        layers: Layers to use, some of :data:`LAYERS` (default: all).
        compiled_path: The compiled verb layer (default: the shipped ``petrarch_verbs.toml``).

    Raises:
        LexiconError: a file is missing, not TOML, or an entry is malformed.
    """
    if layers is None:
        layers = LAYERS if path is None or compiled_path is not None else ("curated",)
    return _load(str(path) if path is not None else None, check_layers(tuple(layers)),
                 str(compiled_path) if compiled_path is not None else None)


@lru_cache(maxsize=8)
def _load(path: str | None, layers: tuple[str, ...], compiled_path: str | None) -> Lexicon:
    p = Path(path) if path is not None else DEFAULT_LEXICON
    data = _read_toml(p, "relation lexicon")
    compiled, cp = None, None
    if "petrarch" in layers:
        cp = Path(compiled_path) if compiled_path is not None else DEFAULT_COMPILED
        compiled = _read_toml(cp, "compiled verb layer").get("verbs", [])
        if not isinstance(compiled, list):
            raise LexiconError(f"{cp}: 'verbs' must be a list of tables")
    agents: list = []
    if "petrarch-agents" in layers and compiled_path is None:
        agents = _read_toml(DEFAULT_AGENTS, "compiled agent layer").get("agent_nouns", [])
    lexicon = parse_lexicon(data, p, compiled, cp, curated_verbs="curated" in layers, agents=agents)
    return replace(lexicon, layers=layers)
