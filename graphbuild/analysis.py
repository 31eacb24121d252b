"""Records -> a weighted networkx MultiDiGraph -> metrics as plain dicts and lists.

The graph has one node per actor and one edge per aggregated claim ``(subject, relation, object, negated)``; the
edge carries its evidence.  :func:`analyze` computes centralities, communities, the signed view (see
:mod:`graphbuild.signs`), structural balance, balancing actors and brokers.  Every value it returns is a plain
Python ``int``/``float``/``str``/``bool``/``None`` (never a numpy scalar), so it serialises to JSON as is.

The rules are documented in docs/ANALYSIS.md.

Example:
    >>> G = to_networkx(entities, relations)
    >>> a = analyze(G, seed=0)
    >>> a.pagerank["country/BLR"]
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.model import SYMMETRIC_RELATIONS, Entity, Relation, entity_type
from graphbuild.signs import ALIGNMENT_RELATIONS, FORMAL_ALIGNMENT, MODALITY_FACTORS, sign_of

#: Evidence items kept per edge (the strongest first); counts and dates cover all of them.  Enough for the page's
#: claims panel to list every assertion of all but the most repeated claims.
MAX_EVIDENCE = 50
#: Up to this many nodes betweenness is exact; above it, estimated from BETWEENNESS_SAMPLES pivots drawn with
#: ``seed``.  Cost grows as pivots x edges.  Measured on this project's 2-core CI-class machine under load
#: (docs/PERFORMANCE.md, "Betweenness"): exact 500 nodes / 1,500 edges 2.6 s, exact 1,000 / 3,000 11 s,
#: 100 pivots on 5,000 / 15,000 9.6 s; weighted (Dijkstra) paths cost 3-7x more, so paths count hops.
EXACT_BETWEENNESS_MAX_NODES = 500
BETWEENNESS_SAMPLES = 100



# --------------------------------------------------------------------------------------------------------------
# Records -> graph


def edge_key(relation: str, negated: bool) -> str:
    """The MultiDiGraph key of an aggregated claim: ``"consult"`` or ``"not:cooperate"``."""
    return f"not:{relation}" if negated else relation


def to_networkx(
    entities: Mapping[str, Entity],
    relations: Sequence[Relation],
    *,
    background: Iterable[tuple[str, str, str]] = (),
) -> nx.MultiDiGraph:
    """Build the actor graph: one node per actor in a relation, one edge per aggregated claim.

    Args:
        entities: Actor records by id (actors missing here still get a node, labelled by id).
        relations: Relation assertions; those with the same ``Relation.key`` become one edge.  Symmetric relation
            types (``consult``, ``cooperate``...) are stored once per pair, subject = the smaller id.
        background: Optional known facts ``(subject, relation, object)`` such as gazetteer memberships.  They are
            not drawn; they only inform the blocs of the balancing rule (``G.graph["background"]``).

    Returns:
        A MultiDiGraph.  Node attributes: ``label, type, qid, iso3, in_gazetteer, aliases`` (the names the corpus
        used), ``mentions`` (assertions the actor takes part in).  Edge attributes (key = :func:`edge_key`): ``relation, negated, count, confidence``
        (mean), ``weight`` (= count x mean confidence), ``sign, intensity, signed_weight`` (0 for negated claims),
        ``evidence`` (list of the strongest ``MAX_EVIDENCE`` items: sentence, doc_id, date, speaker,
        speaker_label, modality, confidence), ``doc_ids``, ``speakers``, ``modalities`` (counts), ``months``
        (counts per ``YYYY-MM``), ``first_seen``, ``last_seen`` (ISO dates or None), ``contested`` (why the claim
        is contested, see :func:`contested_claims`, or ``""``).
    """
    G = nx.MultiDiGraph()

    def label_of(eid: str | None) -> str | None:
        if eid is None:
            return None
        ent = entities.get(eid)
        return ent.label if ent is not None else eid

    for (s, rel, o, neg), items in sorted(_claim_groups(relations).items()):
        for eid in (s, o):
            if eid not in G:
                G.add_node(eid, **_actor_attributes(eid, entities.get(eid)))
        items.sort(key=lambda r: (-r.confidence, r.date or "", r.doc_id, r.start))
        G.add_edge(s, o, key=edge_key(rel, neg), **_claim_attributes(rel, neg, items, label_of))
        G.nodes[s]["mentions"] += len(items)
        if o != s:
            G.nodes[o]["mentions"] += len(items)
    G.graph["background"] = [tuple(f) for f in background]
    reasons = contested_claims(G)
    for u, v, k, d in G.edges(keys=True, data=True):
        d["contested"] = reasons.get((u, v, k), "")
    return G


def _claim_groups(relations: Iterable[Relation]) -> dict[tuple[str, str, str, bool], list[Relation]]:
    """Assertions by aggregated claim ``(subject, relation, object, negated)``; a symmetric relation type is keyed
    once per pair, subject = the smaller id."""
    groups: dict[tuple[str, str, str, bool], list[Relation]] = defaultdict(list)
    for r in relations:
        s, o = r.subject, r.object
        if r.relation in SYMMETRIC_RELATIONS and o < s:
            s, o = o, s
        groups[(s, str(r.relation), o, r.negated)].append(r)  # plain strings in the graph (analysis returns them)
    return groups


def _actor_attributes(eid: str, ent: Entity | None) -> dict[str, Any]:
    """Node attributes of an actor (one missing from ``entities`` is labelled by its id)."""
    if ent is None:
        return {"label": eid.rsplit("/", 1)[-1], "type": str(entity_type(eid) or ""), "qid": None, "iso3": None,
                "in_gazetteer": False, "aliases": (), "mentions": 0}
    return {"label": ent.label, "type": str(ent.type), "qid": ent.qid, "iso3": ent.iso3,
            "in_gazetteer": bool(ent.in_gazetteer), "aliases": tuple(ent.aliases), "mentions": 0}


def _evidence(items: Sequence[Relation], label_of) -> list[dict[str, Any]]:
    """The strongest ``MAX_EVIDENCE`` distinct (sentence, document) items of a claim's assertions."""
    evidence, seen = [], set()
    for r in items:
        if (r.sentence, r.doc_id) in seen:
            continue
        seen.add((r.sentence, r.doc_id))
        evidence.append({"sentence": r.sentence, "doc_id": r.doc_id, "date": r.date, "speaker": r.speaker,
                         "speaker_label": label_of(r.speaker), "modality": str(r.modality),
                         "confidence": float(r.confidence)})
        if len(evidence) >= MAX_EVIDENCE:
            break
    return evidence


def _claim_attributes(rel: str, neg: bool, items: Sequence[Relation], label_of) -> dict[str, Any]:
    """Edge attributes of one aggregated claim from its assertions (strongest first); see :func:`to_networkx`."""
    n = len(items)
    conf = sum(r.confidence for r in items) / n
    sign = sign_of(rel)
    modal = sum(MODALITY_FACTORS.get(r.modality, 1.0) * r.confidence for r in items)
    dates = sorted(r.date for r in items if r.date)
    months = Counter(d[:7] for d in dates if len(d) >= 7)
    return {
        "relation": rel,
        "negated": bool(neg),
        "count": n,
        "confidence": float(conf),
        "weight": float(n * conf),
        "sign": sign.sign,
        "intensity": float(sign.intensity),
        "signed_weight": 0.0 if neg else float(sign.intensity * modal),
        "evidence": _evidence(items, label_of),
        "doc_ids": sorted({r.doc_id for r in items}),
        "speakers": sorted({label_of(r.speaker) for r in items if r.speaker}),
        "modalities": dict(Counter(str(r.modality) for r in items)),
        "months": dict(sorted(months.items())),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
    }


def contested_claims(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], str]:
    """The claims the corpus itself disputes, by edge ``(u, v, key)``, with the reason.

    * ``claim and negation``: the same (subject, relation, object) is asserted and denied (both edges are marked);
    * ``speakers disagree``: between one pair of actors (either direction), one speaker's claims are cooperative
      and another speaker's conflictual (the edges carrying them are marked; unattributed claims do not count).
    """
    out: dict[tuple[str, str, str], str] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if d["negated"] and G.has_edge(u, v, d["relation"]):
            out[(u, v, k)] = out[(u, v, d["relation"])] = "claim and negation"
    by_pair: dict[tuple[str, str], list[tuple[str, str, str, dict]]] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u != v and not d["negated"] and d["sign"] in ("cooperative", "conflictual"):
            by_pair[(u, v) if u < v else (v, u)].append((u, v, k, d))
    for edges in by_pair.values():
        speakers = {sign: {s for _, _, _, d in edges if d["sign"] == sign for s in d["speakers"]}
                    for sign in ("cooperative", "conflictual")}
        coop, conf = speakers["cooperative"], speakers["conflictual"]
        if coop and conf and (coop - conf or conf - coop) and len(coop | conf) >= 2:
            for u, v, k, d in edges:
                if d["speakers"]:
                    out.setdefault((u, v, k), "speakers disagree")
    return out


def membership_facts(gazetteer: Any, actors: Iterable[str]) -> list[tuple[str, str, str]]:
    """Background facts from the gazetteer for the ``actors`` (pass as ``to_networkx(..., background=...)``):
    ``(member, "memberOf", organisation)`` from an organisation's ``members`` list, and ``(actor, "kind", kind)``
    from a record's ``kind`` (e.g. ``"company"``: an organisation that is not intergovernmental).

    Args:
        gazetteer: Anything with ``record(entity_id) -> dict | None`` (:class:`graphbuild.gazetteer.Gazetteer`).
        actors: Entity ids in the graph (e.g. the subjects and objects of the relations).
    """
    facts = []
    for org in sorted(set(actors)):
        rec = gazetteer.record(org) or {}
        facts.extend((m, "memberOf", org) for m in sorted(set(rec.get("members") or ())) if m != org)
        if rec.get("kind"):
            facts.append((org, "kind", str(rec["kind"])))
    return facts


# --------------------------------------------------------------------------------------------------------------
# Views


def weighted_digraph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Collapse parallel claims: a DiGraph whose ``weight`` is the summed evidence weight (negated claims count).

    A symmetric relation (consult, cooperate, ...) counts in both directions.
    """
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = d["weight"]
        for s, t in ((u, v), (v, u)) if d["relation"] in SYMMETRIC_RELATIONS else ((u, v),):
            if D.has_edge(s, t):
                D[s][t]["weight"] += w
            else:
                D.add_edge(s, t, weight=w)
    return D


def weighted_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected collapse of :func:`weighted_digraph`; ``distance`` = 1/weight (for weighted shortest paths)."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    for u, v, w in G.edges(data="weight"):
        if u == v:
            continue
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    for _, _, d in U.edges(data=True):
        d["distance"] = 1.0 / d["weight"] if d["weight"] > 0 else 1e9
    return U


def signed_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected net signed ties: ``value`` = sum of ``signed_weight`` over non-negated claims between a pair.

    Negated claims never count ("not all NATO countries are ready to expand cooperation" is not conflict, and
    "did not attack" is not cooperation).  Pairs whose claims are all neutral or cancel out get no edge.
    """
    S = nx.Graph()
    S.add_nodes_from(G.nodes)
    acc: dict[tuple[str, str], float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        if u == v or d["negated"] or d["signed_weight"] == 0:
            continue
        acc[tuple(sorted((u, v)))] += d["signed_weight"]
    for (u, v), val in acc.items():
        if abs(val) > 1e-9:
            S.add_edge(u, v, value=float(val), sign=1 if val > 0 else -1)
    return S


def alignment_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Directed alignment ties: ``x -> a`` when x is memberOf / dependsOn / seeksMembershipIn / affiliatedWith a
    (non-negated, from the corpus or background facts); ``alliedWith`` goes both ways.  ``formal`` marks
    membership and alliance (the ties that make blocs), as opposed to dependence, affiliation or a bid to join."""
    A = nx.DiGraph()
    A.add_nodes_from(G.nodes)
    facts = [(u, d["relation"], v) for u, v, d in G.edges(data=True) if not d["negated"]]
    facts += [tuple(f) for f in G.graph.get("background", ())]
    for s, rel, o in facts:
        if s != o and rel in ALIGNMENT_RELATIONS:
            formal = rel in FORMAL_ALIGNMENT or (A.has_edge(s, o) and A[s][o]["formal"])
            A.add_edge(s, o, formal=formal)
            if rel == "alliedWith":
                A.add_edge(o, s, formal=True)
    return A


# --------------------------------------------------------------------------------------------------------------
# Metrics


@dataclass(frozen=True)
class Analysis:
    """Metrics of one graph, as plain dicts and lists keyed by entity id (JSON-serialisable as is)."""

    nodes: int
    edges: int
    assertions: int
    relation_counts: dict[str, int]
    degree: dict[str, int]
    weighted_degree: dict[str, float]
    pagerank: dict[str, float]
    betweenness: dict[str, float]
    betweenness_exact: bool
    communities: list[list[str]]
    community: dict[str, int]
    signed_ties: list[dict[str, Any]]
    balance: dict[str, Any]
    balancing: list[dict[str, Any]]
    brokers: list[dict[str, Any]]
    trends: dict[str, int]
    trends_by_sign: dict[str, dict[str, int]]
    seed: int = 0
    labels: dict[str, str] = field(default_factory=dict)
    #: Contested claims: ``{"subject", "relation", "object", "negated", "reason"}`` (see :func:`contested_claims`).
    contested: list[dict[str, Any]] = field(default_factory=list)

    def top(self, metric: str = "pagerank", n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` actors with the highest ``metric`` (ties broken by id)."""
        values = getattr(self, metric)
        return sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def to_dict(self) -> dict[str, Any]:
        """All fields as a dict (for JSON)."""
        from dataclasses import asdict

        return asdict(self)


def _f(x: Any) -> float:
    return float(round(float(x), 12))


def analyze(G: nx.MultiDiGraph, *, seed: int = 0) -> Analysis:
    """Compute every metric of ``G``; deterministic for a given ``seed``.

    Args:
        G: A graph from :func:`to_networkx`.
        seed: Seed of Louvain community detection and of sampled betweenness.

    Returns:
        An :class:`Analysis`.  Betweenness (on hop-count shortest paths, undirected) is exact up to
        ``EXACT_BETWEENNESS_MAX_NODES`` nodes, else estimated from ``BETWEENNESS_SAMPLES`` pivots drawn with
        ``seed`` (``betweenness_exact`` says which).
    """
    D = weighted_digraph(G)
    U = weighted_graph(G)
    pagerank = _pagerank(G, D)
    betweenness, exact = _betweenness(G, U, seed)
    communities = _communities(U, seed)
    community = {v: i for i, members in enumerate(communities) for v in members}
    S = signed_graph(G)
    signed_ties = [
        {"source": u, "target": v, "value": _f(d["value"]), "sign": "cooperative" if d["sign"] > 0 else "conflictual"}
        for u, v, d in sorted(S.edges(data=True), key=lambda e: (-abs(e[2]["value"]), e[0], e[1]))
    ]
    return Analysis(
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
        **_assertion_counts(G),
        degree={v: int(d) for v, d in G.degree()},
        weighted_degree={v: _f(d) for v, d in G.degree(weight="weight")},
        pagerank=pagerank,
        betweenness=betweenness,
        betweenness_exact=exact,
        communities=communities,
        community=community,
        signed_ties=signed_ties,
        balance=structural_balance(S),
        balancing=balancing_actors(G, S=S),
        brokers=_brokers(U, community, betweenness),
        seed=seed,
        labels={v: str(G.nodes[v].get("label", v)) for v in G},
        contested=[
            {"subject": u, "relation": d["relation"], "object": v, "negated": bool(d["negated"]),
             "reason": d["contested"]}
            for u, v, d in sorted(G.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1], e[2]["relation"]))
            if d.get("contested")
        ],
    )


def _pagerank(G: nx.MultiDiGraph, D: nx.DiGraph) -> dict[str, float]:
    n = G.number_of_nodes()
    if n and D.number_of_edges():
        pr = weighted_pagerank(D)
    else:
        pr = {v: 1.0 / n for v in G} if n else {}
    return {v: _f(pr[v]) for v in G}


def _betweenness(G: nx.MultiDiGraph, U: nx.Graph, seed: int) -> tuple[dict[str, float], bool]:
    """Betweenness on hop-count paths, and whether it is exact (else sampled; see :func:`analyze`)."""
    n = G.number_of_nodes()
    exact = n <= EXACT_BETWEENNESS_MAX_NODES
    if n > 2:
        bc = nx.betweenness_centrality(
            U, k=None if exact else min(BETWEENNESS_SAMPLES, n), weight=None, normalized=True, seed=seed
        )
    else:
        bc = {v: 0.0 for v in G}
    return {v: _f(bc[v]) for v in G}, exact


def _assertion_counts(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The Analysis fields that count assertions: in all, per relation type (``not:`` for negated claims), per
    month, per month and sign."""
    trends: Counter[str] = Counter()
    by_sign: dict[str, Counter[str]] = defaultdict(Counter)
    rel_counts: Counter[str] = Counter()
    assertions = 0
    for _, _, d in G.edges(data=True):
        assertions += d["count"]
        rel_counts[edge_key(d["relation"], d["negated"])] += d["count"]
        for month, c in d["months"].items():
            trends[month] += c
            by_sign[month]["negated" if d["negated"] else d["sign"]] += c
    return {
        "assertions": assertions,
        "relation_counts": dict(sorted(rel_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        "trends": dict(sorted(trends.items())),
        "trends_by_sign": {m: dict(sorted(c.items())) for m, c in sorted(by_sign.items())},
    }


def weighted_pagerank(D: nx.DiGraph, *, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict:
    """PageRank with edge ``weight``, same definition as ``nx.pagerank`` (dangling mass spread uniformly).

    numpy power iteration: ``nx.pagerank`` needs scipy, which graphbuild does not depend on (numpy comes with
    spaCy).  Agrees with ``nx.pagerank`` to 1e-8 (tests/test_analysis.py).
    """
    import numpy as np

    nodes = list(D)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    src = np.array([index[u] for u, v in D.edges()], dtype=np.int64)
    dst = np.array([index[v] for u, v in D.edges()], dtype=np.int64)
    w = np.array([float(d.get("weight", 1.0)) for _, _, d in D.edges(data=True)], dtype=float)
    out_w = np.bincount(src, weights=w, minlength=n) if len(src) else np.zeros(n)
    dangling = out_w == 0
    share = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, out_w))
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, weights=last[src] * share[src] * w, minlength=n) if len(src) else np.zeros(n)
        x += (alpha * last[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return {v: float(x[i]) for i, v in enumerate(nodes)}


def _communities(U: nx.Graph, seed: int) -> list[list[str]]:
    """Seeded Louvain on the undirected weighted graph; ordered by size, then by smallest member id."""
    if U.number_of_edges() == 0:
        groups = [{v} for v in U]
    else:
        groups = nx.community.louvain_communities(U, weight="weight", seed=seed)
    out = [sorted(g) for g in groups]
    out.sort(key=lambda g: (-len(g), g[0]))
    return out


def structural_balance(S: nx.Graph) -> dict[str, Any]:
    """Share of balanced triangles in the signed graph (a triangle is balanced when the product of signs is +).

    Returns:
        ``{"triangles": int, "balanced": int, "unbalanced": int, "ratio": float | None, "by_type": {"+++": n, ...}}``
    """
    by_type: Counter[str] = Counter()
    nodes = sorted(S.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    for u in nodes:
        nbrs = [w for w in S[u] if index[w] > index[u]]
        for v, w in itertools.combinations(sorted(nbrs, key=index.get), 2):
            if S.has_edge(v, w):
                signs = sorted((S[u][v]["sign"], S[u][w]["sign"], S[v][w]["sign"]), reverse=True)
                by_type["".join("+" if s > 0 else "-" for s in signs)] += 1
    total = sum(by_type.values())
    balanced = by_type["+++"] + by_type["+--"]
    return {
        "triangles": total,
        "balanced": balanced,
        "unbalanced": total - balanced,
        "ratio": _f(balanced / total) if total else None,
        "by_type": dict(sorted(by_type.items())),
    }


def _is_pole(G: nx.MultiDiGraph, A: nx.DiGraph, v: str, excluding: str) -> bool:
    """A bloc pole: an organisation from the gazetteer, or an actor that someone other than ``excluding`` aligns with."""
    node = G.nodes[v] if v in G else {}
    if node.get("type") == "Organization" and node.get("in_gazetteer"):
        return True
    return v in A and any(w != excluding for w in A.predecessors(v))


def _formal_neighbours(A: nx.DiGraph, v: str) -> set[str]:
    out = {w for w in A.successors(v) if A[v][w]["formal"]}
    return out | {w for w in A.predecessors(v) if A[w][v]["formal"]}


def _aligned(A: nx.DiGraph, p: str, q: str, excluding: str) -> bool:
    """Whether p and q are in one camp: a direct alignment tie, or a common formal ally (a shared member, a shared
    organisation, a shared ally) other than ``excluding``.  Dependence does not merge camps: one country that
    depends on Russia while in NATO does not make NATO and Russia one bloc."""
    if p not in A or q not in A:
        return False
    if A.has_edge(p, q) or A.has_edge(q, p):
        return True
    return bool((_formal_neighbours(A, p) & _formal_neighbours(A, q)) - {excluding})


def is_state_or_igo(G: nx.MultiDiGraph, v: str) -> bool:
    """Whether actor ``v`` is a state or an intergovernmental organisation: a country or an organisation from the
    gazetteer, unless a background ``kind`` fact says otherwise (a company).  Persons, parties and companies found
    only by NER, and names typed as countries by NER alone, are not."""
    node = G.nodes[v] if v in G else {}
    if not node.get("in_gazetteer"):
        return False
    if node.get("type") == "Country":
        return True
    if node.get("type") != "Organization":
        return False
    return not any(s == v and rel == "kind" and o != "igo" for s, rel, o in G.graph.get("background", ()))


def balancing_actors(G: nx.MultiDiGraph, *, S: nx.Graph | None = None) -> list[dict[str, Any]]:
    """Actors tied cooperatively to both sides of a conflict or of a bloc divide.

    Rule (docs/ANALYSIS.md): X balances between A and B when X, A and B are states or intergovernmental
    organisations (:func:`is_state_or_igo`: never persons, parties or companies), X's net signed ties to A and to B
    are both cooperative (negated claims never count) and A and B are *opposed*, either

    * ``conflict``: the net signed tie between A and B is conflictual, or
    * ``bloc``: X aligns itself with A (X memberOf / dependsOn / seeksMembershipIn / affiliatedWith / alliedWith A,
      from the corpus or background facts) but not with B; B is a bloc pole (a gazetteer organisation, or an actor
      that someone other than X aligns with); and A and B are not in one camp (no alignment tie between them, no
      common formal ally -- shared member, organisation or ally by memberOf / alliedWith -- other than X).  Dialogue between A and B (e.g. NATO consult Russia) does not make them one camp.
      Alignment is directed: a patron (Russia, on which Belarus depends) is not balancing through its client.

    Returns:
        One dict per balancing actor, strongest first: ``{"actor", "label", "score", "pairs": [{"a", "b",
        "kind", "tie_a", "tie_b", "a_b"}]}``; ``score`` sums, over its pairs, the weaker of the two cooperative ties
        (conflict pairs count double: they are the stronger evidence).
    """
    if S is None:
        S = signed_graph(G)
    A = alignment_graph(G)
    out = []
    states = {v for v in S.nodes if is_state_or_igo(G, v)}
    for x in sorted(states):
        friends = sorted(w for w in S[x] if S[x][w]["sign"] > 0 and w in states)
        if len(friends) < 2:
            continue
        camp = set(A.successors(x)) if x in A else set()
        pairs = []
        for a, b in itertools.combinations(friends, 2):
            kind = None
            ab = S[a][b]["value"] if S.has_edge(a, b) else 0.0
            if ab < 0:
                kind = "conflict"
            else:
                for p, q in ((a, b), (b, a)):
                    if p in camp and q not in camp and _is_pole(G, A, q, x) and not _aligned(A, p, q, x):
                        kind, a, b = "bloc", p, q
                        break
            if kind:
                pairs.append(
                    {
                        "a": a,
                        "b": b,
                        "kind": kind,
                        "tie_a": _f(S[x][a]["value"]),
                        "tie_b": _f(S[x][b]["value"]),
                        "a_b": _f(ab),
                    }
                )
        if pairs:
            score = sum(min(p["tie_a"], p["tie_b"]) * (2 if p["kind"] == "conflict" else 1) for p in pairs)
            pairs.sort(key=lambda p: (p["kind"] != "conflict", -min(p["tie_a"], p["tie_b"]), p["a"], p["b"]))
            out.append({"actor": x, "label": str(G.nodes[x].get("label", x)), "score": _f(score), "pairs": pairs})
    out.sort(key=lambda d: (-d["score"], d["actor"]))
    return out


def _brokers(U: nx.Graph, community: dict[str, int], betweenness: dict[str, float]) -> list[dict[str, Any]]:
    """Actors tied to other communities than their own; most communities reached first, then by betweenness."""
    out = []
    for v in U:
        others = sorted({community[w] for w in U[v]} - {community[v]})
        if others:
            bridges = sum(1 for w in U[v] if community[w] != community[v])
            out.append(
                {
                    "actor": v,
                    "community": community[v],
                    "reaches": others,
                    "bridging_ties": bridges,
                    "betweenness": betweenness.get(v, 0.0),
                }
            )
    out.sort(key=lambda d: (-len(d["reaches"]), -d["betweenness"], -d["bridging_ties"], d["actor"]))
    return out


# --------------------------------------------------------------------------------------------------------------
# Queries


def dyad_timelines(G: nx.MultiDiGraph, n: int = 5) -> list[dict[str, Any]]:
    """The ``n`` strongest dyads (pairs of actors, either direction) by the weight of their interaction claims,
    with their claims per month by sign (negated claims and structural ties such as leaderOf left out).

    Returns:
        ``[{"a", "b", "weight", "months": {"YYYY-MM": {"cooperative": int, "conflictual": int, "neutral": int}},
        "undated": int}]``, strongest first; ``months`` is empty when none of the dyad's claims is dated.
    """
    from graphbuild.model import STRUCTURAL_RELATIONS

    weight: dict[tuple[str, str], float] = defaultdict(float)
    months: dict[tuple[str, str], dict[str, dict[str, int]]] = defaultdict(dict)
    undated: Counter[tuple[str, str]] = Counter()
    for u, v, d in G.edges(data=True):
        if u == v or d["negated"] or d["relation"] in STRUCTURAL_RELATIONS:
            continue
        pair = (u, v) if u < v else (v, u)
        weight[pair] += d["weight"]
        for m, c in d["months"].items():
            slot = months[pair].setdefault(m, {"cooperative": 0, "conflictual": 0, "neutral": 0})
            slot[d["sign"] if d["sign"] in slot else "neutral"] += int(c)
        undated[pair] += d["count"] - sum(d["months"].values())
    ranked = sorted(weight, key=lambda p: (-weight[p], p))[:n]
    return [{"a": a, "b": b, "weight": _f(weight[(a, b)]), "months": dict(sorted(months[(a, b)].items())),
             "undated": int(undated[(a, b)])} for a, b in ranked]


def load_network(output: Path | str, *, gazetteer_extensions: Sequence[Path | str] = ()):
    """A built graph read back: its records and the actor network, drawn as the build draws it (with the
    gazetteer's membership facts as background).  Needs neither the corpus nor spaCy.

    Args:
        output: A build's output folder, or a graph file.
        gazetteer_extensions: The build's extra gazetteer files (their membership facts inform the blocs).

    Returns:
        ``(records, G)``: a :class:`graphbuild.rdf.readback.GraphRecords` and the :func:`to_networkx` graph.

    Raises:
        GraphbuildError: no readable graph at ``output`` (the message names it).
    """
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.rdf.readback import load_records

    records = load_records(output)
    background = membership_facts(Gazetteer.load(extensions=gazetteer_extensions), records.entities)
    return records, to_networkx(records.entities, records.relations, background=background)


def find_actor(G: nx.MultiDiGraph, name: str) -> str | None:
    """The node an analyst means by ``name``: an entity id, label, alias, ISO3 code or QID (any case); or None."""
    wanted = name.strip().casefold()
    for node, data in G.nodes(data=True):
        keys = {node, node.rsplit("/", 1)[-1], data.get("label"), data.get("iso3"), data.get("qid"),
                *(data.get("aliases") or ())}
        if wanted in {str(k).casefold() for k in keys if k}:
            return node
    return None


def require_actor(G: nx.MultiDiGraph, name: str) -> str:
    """:func:`find_actor`, for a name a user typed.

    Raises:
        GraphbuildError: no actor goes by ``name`` (the message says how actors are named).
    """
    node = find_actor(G, name)
    if node is None:
        raise GraphbuildError(f"no actor {name!r} in the graph (try an entity id such as country/BLR, a label or "
                              "ISO3 code; graphbuild entities lists them)")
    return node


def ego_network(G: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The actors within ``radius`` hops of ``node`` (either direction) and every claim among them.

    Raises:
        KeyError: ``node`` is not in the graph.
    """
    if node not in G:
        raise KeyError(f"actor {node!r} is not in the graph")
    keep = set(nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=radius))
    # In G's order (nx.ego_graph lists a small neighbourhood in set order: another page on every run).
    E = nx.MultiDiGraph()
    E.graph.update(G.graph)
    E.add_nodes_from((v, d) for v, d in G.nodes(data=True) if v in keep)
    E.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep)
    return E


def paths(G: nx.MultiDiGraph, a: str, b: str, *, cutoff: int = 4, limit: int = 10) -> list[dict[str, Any]]:
    """Shortest connections between two actors (either direction), at most ``limit``, each at most ``cutoff`` hops.

    Returns:
        ``[{"nodes": [a, ..., b], "steps": [{"source", "target", "relations": ["consult", "not:cooperate"]}]}]``,
        shortest first.

    Raises:
        KeyError: ``a`` or ``b`` is not in the graph.
    """
    for v in (a, b):
        if v not in G:
            raise KeyError(f"actor {v!r} is not in the graph")
    U = weighted_graph(G)
    out = []
    try:
        gen = nx.shortest_simple_paths(U, a, b)
        for p in gen:
            if len(p) - 1 > cutoff or len(out) >= limit:
                break
            steps = []
            for u, v in zip(p, p[1:]):
                rels = sorted(
                    [("" if u == s else "<-") + k for s, t, k in _claims_between(G, u, v)],
                )
                steps.append({"source": u, "target": v, "relations": rels})
            out.append({"nodes": list(p), "steps": steps})
    except nx.NetworkXNoPath:
        pass
    return out


def describe_path(G: nx.MultiDiGraph, path: Mapping[str, Any]) -> str:
    """One connection from :func:`paths` as a line: ``Belarus -[memberOf]- CSTO; CSTO -[<-memberOf]- Russia``."""
    def label(v: str) -> str:
        return str(G.nodes[v].get("label", v))

    return "; ".join(f"{label(s['source'])} -[{', '.join(s['relations'])}]- {label(s['target'])}"
                     for s in path["steps"])


def _claims_between(G: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, str, str]]:
    out = []
    for s, t in ((u, v), (v, u)):
        if G.has_edge(s, t):
            out.extend((s, t, k) for k in G[s][t])
    return out
