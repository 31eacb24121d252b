"""A learned fallback after the rules: a linear classifier over pairs of resolved actors in one sentence.

The rules (:mod:`graphbuild.relations.patterns`, :mod:`graphbuild.relations.events`) need a lexicon trigger in
a shape they know.  This stage reads every pair of distinct resolved actors in a sentence that the rules left
unrelated, describes the pair by a bag of string features read off the parse (:func:`pair_features`), and scores
it with a multinomial logistic regression whose weights ship as data in
``ontologies/relations/learned_model.json`` (trained by ``scripts/train_relation_classifier.py`` on the dev
gold's tune split only).  At run time it is plain Python: a sum of weights per class and a softmax.

Two classifiers: the *type* model gives ``none`` or one of the 25 types; the *direction* model gives the
probability that the first actor in the text is the subject, read only for asymmetric types whose direction the
lexicon's actor types leave open (a person and a country under ``leaderOf`` have one possible direction).  A
label is a type with its direction in text order -- ``memberOf>`` (the first actor is the subject),
``memberOf<`` (the second is), ``consult`` (symmetric) -- and its probability is the type's times the
direction's.  A pair yields a relation for every label whose probability reaches the model's ``threshold``
(chosen on the tune split by document-grouped cross-validation, favouring precision), and only where the
lexicon's actor types allow the type.  ``Relation.method`` is ``learned:<type>``; ``Relation.confidence`` is the
label's probability.  Negation, modality and speaker are read at the pair's trigger (the lowest common ancestor
of the two actors, or the first word above it outside both names) exactly as for the rules.

The model was trained on what the rules of its day left over: after the rules change, retrain it
(``pip install -e '.[train]'; python scripts/train_relation_classifier.py``, about two minutes).  The setting
``learned_relations = false`` in graphbuild.toml turns the stage off.

Example:
    >>> model = load_model()                                                      # doctest: +SKIP
    >>> model.predict(["types=Country>Organization", "trigger=join"], all_labels())  # doctest: +SKIP
    [('memberOf>', 0.74)]
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from graphbuild import resources
from graphbuild.errors import GraphbuildError
from graphbuild.model import RELATION_TYPES, SYMMETRIC_RELATIONS, Article, Mention, Relation
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.lexicon import Lexicon

DEFAULT_MODEL = resources.data_path("relations", "learned_model.json")
NONE = "none"
#: Labels that cross a clause boundary on the dependency path.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl", "csubj"})
#: Parts of speech whose lemmas are read as words on the path or between the actors.
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADP", "AUX"})
QUOTES = frozenset('"“”«»')


class LearnedModelError(GraphbuildError):
    """The learned model file is missing or malformed (names the file and what was expected)."""


# ------------------------------------------------------------------------------------------------ labels
def parse_label(label: str) -> tuple[str, bool]:
    """``"memberOf<"`` -> (``"memberOf"``, subject_first=False); symmetric types -> (type, True)."""
    if label.endswith((">", "<")):
        return label[:-1], label.endswith(">")
    return label, True


def label_for(relation: str, subject_first: bool) -> str:
    """The label of a relation whose subject is (or is not) the first of the pair in text order."""
    if relation in SYMMETRIC_RELATIONS:
        return relation
    return f"{relation}{'>' if subject_first else '<'}"


def all_labels() -> tuple[str, ...]:
    """Every label: each symmetric type, each asymmetric type in both directions."""
    return tuple(label_for(t, first) for t in RELATION_TYPES for first in (True, False)
                 if first or t not in SYMMETRIC_RELATIONS)


def direction_features(features: Iterable[str], relation: str) -> list[str]:
    """The direction model's features: the pair's own, the type, and the type joined with the actors'
    grammatical roles ("accuse" with the first actor as passive subject)."""
    feats = list(features)
    roles = [f for f in feats if f.startswith(("a_dep=", "b_dep=", "lca=", "a_up=")) or f == "passive"]
    return [*feats, f"type={relation}", *(f"{relation}|{f}" for f in roles)]


# ------------------------------------------------------------------------------------------------ model
@dataclass(frozen=True)
class Linear:
    """A multinomial logistic regression over binary string features.

    Attributes:
        classes: Class labels.
        intercepts: One bias per class.
        weights: feature -> {class: weight}; absent pairs weigh 0, unknown features weigh nothing.
    """

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, Mapping[str, float]]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax over the classes of the summed weights of ``features``."""
        scores = dict(zip(self.classes, self.intercepts, strict=True))
        for f in set(features):
            for cls, w in self.weights.get(f, {}).items():
                scores[cls] += w
        top = max(scores.values())
        exps = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exps.values())
        return {c: e / total for c, e in exps.items()}


@dataclass(frozen=True)
class LearnedModel:
    """The fallback's two classifiers and its threshold.

    Attributes:
        type: ``none`` or a relation type, from the pair's features.
        direction: ``>`` (the first actor in the text is the subject) or ``<``, from
            :func:`direction_features`; read only where the actor types allow both directions.
        threshold: Least probability (type times direction) for a label to become a relation.
        info: What the model was trained on (for people).
    """

    type: Linear
    direction: Linear
    threshold: float
    info: Mapping[str, object]

    def scores(self, features: Sequence[str], allowed: Container[str], floor: float = 0.0) -> dict[str, float]:
        """Probability of every label in ``allowed`` (see :func:`all_labels`) whose type is at least ``floor``
        probable (a label's probability is its type's times a direction's, so it is never higher)."""
        out = {}
        for relation, p in self.type.probabilities(features).items():
            if relation == NONE or p < floor:
                continue
            if relation in SYMMETRIC_RELATIONS:
                if relation in allowed:
                    out[relation] = p
                continue
            fwd, bwd = label_for(relation, True), label_for(relation, False)
            if fwd in allowed and bwd in allowed:
                first = self.direction.probabilities(direction_features(features, relation))[">"]
                out[fwd], out[bwd] = p * first, p * (1.0 - first)
            elif fwd in allowed or bwd in allowed:
                out[fwd if fwd in allowed else bwd] = p
        return out

    def predict(self, features: Sequence[str], allowed: Container[str]) -> list[tuple[str, float]]:
        """Labels at or above the threshold, most probable first."""
        scores = self.scores(features, allowed, floor=self.threshold)  # the direction model only where it matters
        return sorted(((c, p) for c, p in scores.items() if p >= self.threshold), key=lambda x: (-x[1], x[0]))


def _linear_from_json(data: object, known: set[str], where: str, fail) -> Linear:
    if not isinstance(data, dict) or not {"classes", "intercepts", "weights"} <= set(data):
        raise fail(f"{where}: expected an object with classes, intercepts and weights")
    classes, intercepts, weights = data["classes"], data["intercepts"], data["weights"]
    if not isinstance(classes, list) or len(set(classes)) != len(classes) or len(classes) < 2:
        raise fail(f"{where}.classes: expected a list of at least two distinct labels")
    bad = [c for c in classes if c not in known]
    if bad:
        raise fail(f"{where}.classes: unknown class {bad[0]!r} (expected some of {', '.join(sorted(known))})")
    if not isinstance(intercepts, list) or len(intercepts) != len(classes) or not all(map(_finite, intercepts)):
        raise fail(f"{where}.intercepts: expected one finite number per class")
    if not isinstance(weights, dict):
        raise fail(f"{where}.weights: expected an object feature -> {{class: weight}}")
    for feature, row in weights.items():
        if not isinstance(row, dict) or not all(c in classes and _finite(w) for c, w in row.items()):
            raise fail(f"{where}.weights[{feature!r}]: expected {{class: finite number}} over the classes")
    return Linear(tuple(classes), tuple(float(x) for x in intercepts),
                  {f: {c: float(w) for c, w in row.items()} for f, row in weights.items()})


def model_from_json(data: object, source: str = "model") -> LearnedModel:
    """Check and build a :class:`LearnedModel` from the JSON data of a model file.

    Raises:
        LearnedModelError: a key is missing, a class is unknown, a weight is not a finite number, or the
            threshold is outside (0, 1].
    """
    def fail(problem: str) -> LearnedModelError:
        return LearnedModelError(f"{source}: {problem}")

    if not isinstance(data, dict) or not {"type", "direction", "threshold"} <= set(data):
        raise fail("expected an object with type, direction and threshold")
    kind = _linear_from_json(data["type"], {NONE, *RELATION_TYPES}, "type", fail)
    if NONE not in kind.classes:
        raise fail("type.classes: expected 'none' among the classes")
    direction = _linear_from_json(data["direction"], {"<", ">"}, "direction", fail)
    threshold = data["threshold"]
    if not _finite(threshold) or not 0.0 < threshold <= 1.0:
        raise fail(f"threshold = {threshold!r}: expected a number in (0, 1]")
    return LearnedModel(kind, direction, float(threshold), dict(data.get("info", {})))


def _finite(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> LearnedModel:
    """Read the shipped model (or another file of the same shape)."""
    path = Path(path) if path is not None else DEFAULT_MODEL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LearnedModelError(f"learned relation model not found: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LearnedModelError(f"{path}: not valid JSON ({exc})") from None
    return model_from_json(data, str(path))


# ------------------------------------------------------------------------------------------------ pairs
@dataclass(frozen=True, slots=True)
class Pair:
    """Two resolved actors of one sentence unit, in text order, with the tokens that stand for them."""

    first: Mention
    second: Mention
    first_head: Token
    second_head: Token
    unit: Span


def unit_mentions(unit: Span, mentions: Sequence[Mention], index: ActorIndex) -> list[Mention]:
    """The resolved mentions inside ``unit`` that the actor index kept (datelines are not actors)."""
    return [m for m in mentions if m.entity_id and (m.start, m.end) in index.spans
            and unit.start_char <= m.start < unit.end_char]


def pairs_in_unit(unit: Span, mentions: Sequence[Mention], index: ActorIndex) -> Iterator[Pair]:
    """One :class:`Pair` per two distinct actors of the unit: of their mentions, the two closest in the parse
    (then in the text)."""
    by_entity: dict[str, list[Mention]] = {}
    for m in unit_mentions(unit, mentions, index):
        by_entity.setdefault(m.entity_id or "", []).append(m)
    ids = sorted(by_entity, key=lambda e: min(m.start for m in by_entity[e]))
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            best = min(((ma, mb) for ma in by_entity[a] for mb in by_entity[b]),
                       key=lambda p: (_path_length(index.span_of(p[0]).root, index.span_of(p[1]).root),
                                      abs(p[0].start - p[1].start), p[0].start, p[1].start))
            ma, mb = sorted(best, key=lambda m: (m.start, m.end))
            yield Pair(ma, mb, index.span_of(ma).root, index.span_of(mb).root, unit)


def dependency_path(a: Token, b: Token) -> tuple[Token | None, list[Token], list[Token]]:
    """(lowest common ancestor, tokens from ``a`` up to below it, tokens from ``b`` up to below it)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    where = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in where:
            return t, up_a[:k], up_b[:where[t.i]]
    return None, up_a, up_b


def _path_length(a: Token, b: Token) -> int:
    lca, up, down = dependency_path(a, b)
    return len(up) + len(down) if lca is not None else 99


def pair_trigger(pair: Pair, index: ActorIndex) -> Token:
    """The word that carries the pair's relation: the lowest common ancestor of the two actors, or, when that
    is inside one of the names ("Russia and Belarus signed"), the first word above it outside both names."""
    lca, _, _ = dependency_path(pair.first_head, pair.second_head)
    tok = lca if lca is not None else pair.first_head
    inside = set(range(index.span_of(pair.first).start, index.span_of(pair.first).end))
    inside |= set(range(index.span_of(pair.second).start, index.span_of(pair.second).end))
    while tok.i in inside and tok.head.i != tok.i:
        tok = tok.head
    return tok


# ------------------------------------------------------------------------------------------------ features
def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"


def _lexicon_types(tok: Token, lex: Lexicon) -> set[str]:
    """Relation types the lexicon lists for the token's lemma as a verb, noun or adjective."""
    table = {"VERB": lex.verbs, "NOUN": lex.nouns, "ADJ": lex.adjectives}.get(tok.pos_)
    return {t.relation for t in (table or {}).get(tok.lemma_.lower(), ())}


def _modifiers(head: Token, span: Span) -> list[str]:
    """Words that qualify a name from outside it ("Foreign Minister" before "Sergei Lavrov")."""
    return [c.lemma_.lower() for c in head.children
            if c.dep_ in ("compound", "amod", "appos", "nmod") and not span.start <= c.i < span.end]


def _lca_kind(lca: Token | None, a: Token, b: Token) -> str:
    if lca is None:
        return "none"
    return "A" if lca.i == a.i else "B" if lca.i == b.i else "other"


def rule_features(pair: Pair, rules: Iterable[Relation]) -> list[str]:
    """What the rules found in the pair's sentence for either actor with a third one: ``rule_a=accuse:s`` (the
    first actor is the subject of an ``accuse``), and ``shared=consult`` when both share a partner by one type
    ("Russia and Belarus held talks with China" -> both consult China)."""
    a, b = pair.first.entity_id, pair.second.entity_id
    partners: dict[tuple[str, str], set[str]] = {}
    feats = []
    for r in rules:
        if not pair.unit.start_char <= r.start < pair.unit.end_char:
            continue
        for who, me in (("a", a), ("b", b)):
            if me in (r.subject, r.object) and {r.subject, r.object} != {a, b}:
                role = "s" if r.subject == me else "o"
                feats.append(f"rule_{who}={r.relation}:{role}")
                partners.setdefault((who, r.relation), set()).add(r.object if role == "s" else r.subject)
    for (who, relation), others in partners.items():
        if who == "a" and others & partners.get(("b", relation), set()):
            feats.append(f"shared={relation}")
    return feats


def pair_features(pair: Pair, index: ActorIndex, lex: Lexicon, rules: Iterable[Relation] = ()) -> list[str]:
    """The string features of a pair (see the module docstring; ``A`` is the first actor in the text);
    ``rules``: the rules' relations of the article (:func:`rule_features`)."""
    a, b = pair.first_head, pair.second_head
    ta, tb = index.type_of(pair.first), index.type_of(pair.second)
    lca, up, down = dependency_path(a, b)
    trigger = pair_trigger(pair, index)
    feats = [f"types={ta}>{tb}", f"a_method={pair.first.method}", f"b_method={pair.second.method}",
             f"a_dep={a.dep_}", f"b_dep={b.dep_}", f"path_len={_bucket(len(up) + len(down))}",
             f"trigger={trigger.lemma_.lower()}", f"trigger_pos={trigger.pos_}",
             f"trigger={trigger.lemma_.lower()}|{ta}>{tb}",
             f"lca={_lca_kind(lca, a, b)}"]
    up_deps, down_deps = [t.dep_ for t in up], [t.dep_ for t in down]
    feats.append(f"path={'/'.join(up_deps)}^{'/'.join(down_deps)}")
    feats.append(f"a_up={'/'.join(up_deps[:2])}|b_up={'/'.join(down_deps[:2])}")
    feats += [f"dep={d}" for d in up_deps[1:] + down_deps[1:]]
    on_path = up[1:] + down[1:] + ([lca] if _lca_kind(lca, a, b) == "other" else [])
    feats += [f"path_word={t.lemma_.lower()}" for t in on_path if t.pos_ in CONTENT_POS | {"PROPN"}]
    feats += [f"lex={r}" for r in _lexicon_types(trigger, lex)]
    feats += [f"lex_path={r}" for t in on_path for r in _lexicon_types(t, lex)]
    if any(d in CLAUSE_DEPS for d in up_deps + down_deps):
        feats.append("clause_cross")
    if any(c.dep_ == "neg" for t in (trigger, *on_path) for c in t.children):
        feats.append("negation")
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
        feats.append("passive")
    span_a, span_b = index.span_of(pair.first), index.span_of(pair.second)
    between = pair.unit.doc[min(span_a.end, span_b.start):max(span_a.end, span_b.start)]
    feats.append(f"gap={_bucket(len(between))}")
    feats += [f"between={t.lemma_.lower()}" for t in between if t.pos_ in CONTENT_POS]
    if any(t.text in QUOTES for t in between):
        feats.append("quote_between")
    feats += [f"a_mod={w}" for w in _modifiers(a, span_a)] + [f"b_mod={w}" for w in _modifiers(b, span_b)]
    feats += [f"lex_sent={r}" for t in pair.unit for r in _lexicon_types(t, lex)]
    feats += rule_features(pair, rules)
    return sorted(set(feats))


# ------------------------------------------------------------------------------------------------ stage
def type_allowed(label: str, pair: Pair, index: ActorIndex, lex: Lexicon) -> bool:
    """Whether the lexicon's actor types allow the class on the pair (as the rules' type check does)."""
    relation, subject_first = parse_label(label)
    st, ot = index.type_of(pair.first), index.type_of(pair.second)
    if not subject_first:
        st, ot = ot, st
    info = lex.types[relation]
    if relation in SYMMETRIC_RELATIONS:
        return st in info.subject_types and ot in info.subject_types | info.object_types
    return st in info.subject_types and ot in info.object_types


class _Allowed:
    """The labels of :func:`all_labels` that a test allows, as a container (each label tested when asked)."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test, self.labels = test, frozenset(all_labels())

    def __contains__(self, label: object) -> bool:
        return label in self.labels and self.test(label)


def related_pairs(relations: Iterable[Relation]) -> set[tuple[int, frozenset[str]]]:
    """(sentence start, {subject, object}) of every relation the rules found."""
    return {(r.start, frozenset((r.subject, r.object))) for r in relations}


def unrelated_pairs(doc: Doc, mentions: Sequence[Mention], index: ActorIndex,
                    related: set[tuple[int, frozenset[str]]]) -> Iterator[Pair]:
    """Every pair of distinct actors in a sentence unit that no relation in ``related`` joins there."""
    from graphbuild.relations import paragraph_units

    for sent in doc.sents:
        for unit in paragraph_units(sent):
            for pair in pairs_in_unit(unit, mentions, index):
                ids = frozenset((pair.first.entity_id or "", pair.second.entity_id or ""))
                if (unit.start_char, ids) not in related:
                    yield pair


def learned_relations(doc: Doc, article: Article, mentions: Sequence[Mention], index: ActorIndex,
                      rules: Sequence[Relation], lex: Lexicon, model: LearnedModel) -> list[Relation]:
    """The fallback's relations for the pairs that ``rules`` (the rules' relations of the article) leave
    unrelated."""
    from graphbuild.relations import _to_relation
    from graphbuild.relations.attributes import SpeakerIndex
    from graphbuild.relations.patterns import Candidate

    speakers: SpeakerIndex | None = None
    out = []
    for pair in unrelated_pairs(doc, mentions, index, related_pairs(rules)):
        # asked only for the labels probable enough to pass the threshold
        allowed = _Allowed(lambda label, pair=pair: type_allowed(label, pair, index, lex))
        for label, prob in model.predict(pair_features(pair, index, lex, rules), allowed):
            relation, subject_first = parse_label(label)
            (subj, subj_tok), (obj, obj_tok) = ((pair.first, pair.first_head), (pair.second, pair.second_head))[
                :: 1 if subject_first else -1]
            c = Candidate(subj, relation, obj, pair_trigger(pair, index), f"learned:{relation}", prob, 0,
                          subj_tok, obj_tok)
            if speakers is None:
                speakers = SpeakerIndex(doc, index, lex)
                index.first_person = speakers.quote_speaker
            rel = _to_relation(c, pair.unit, article, index, speakers, lex)
            out.append(replace(rel, confidence=round(prob, 3)))
    return out
