"""Candidate mentions -> Mention records linked to canonical actors (Entity ids).

How a candidate is resolved (the method is kept on the Mention for review):

* ``exact``/``alias``/``metonym``/``demonym``: a gazetteer spelling ("Belarus", "EAEU", "the Kremlin",
  "Belarusian"); state bodies ("Russian authorities") take the method of the country inside them.
  When one spelling names several actors equally well, an actor named elsewhere in the document decides;
  otherwise the mention stays unresolved.
* ``office``: a role ("the Belarusian leader") -> the holder of that office at the article's date, or through
  the latest year the text mentions (:func:`office_dates`), else within its corpus' dates (:func:`corpus_span`);
  with none of these, an undated article's roles name only a holder the article itself names, else they stay
  with their country.
* ``context``: a context alias ("the Alliance", "the Union", "the bloc", "Brussels") -> the actor whose
  names (``requires_any``) the document contains.  If two actors are licensed, the one named closest
  before the mention (within :data:`CONTEXT_WINDOW` characters) wins; otherwise unresolved.  A spelling
  with context readings whose only plain reading is a metonym ("Brussels" -> Belgium) is not resolved
  without context either: it is too ambiguous to guess.
* ``coreference``: a surname alone -> the person introduced with a full name in the same document
  (the nearest preceding one when several share the surname); a first name alone -> the one person named
  before with that first name.
* ``fuzzy``: a person name that is a spelling/transliteration variant of a person in the document or the
  gazetteer (Lukashenko/Lukashenka, Andrei/Andrew Porotnikov): first names compared through
  :data:`FIRST_NAME_VARIANTS`, surnames by :func:`name_similarity` >= :data:`FUZZY_THRESHOLD`.
* ``ner``: an actor spaCy found that the gazetteer does not know: PERSON -> ``person/<slug>``, ORG ->
  ``org/<slug>``, returned as ``Entity(in_gazetteer=False)``.  Places (GPE/LOC/FAC) and NORP outside the
  gazetteer are *not* minted as countries -- in news they are mostly cities and regions -- and a bare
  single-word PERSON with no full name in the document is not minted either; both are kept as unresolved
  mentions (``entity_id=None``, method ``unresolved``) so an analyst can review them.

More document-level rules: an acronym defined in the text ("Oil and Natural Gas Corporation (ONGC)") names
the same actor everywhere in the document; so do an organisation's short forms (:func:`short_forms`: initials
"CNPC", its one distinctive word "Menatep", a clipped one-word name "Yugansk"); a name the document tags as an
organisation, or gives after a company noun, is that organisation also where spaCy tagged it a person; an office
phrase after one person was introduced with that title names him ("Foreign Secretary Jack Straw ... the foreign
secretary"); a surname of a person named in full is linked wherever it occurs
capitalised, also where spaCy tagged it ORG or GPE or nothing; one spelling names one actor per document
("Yukos" tagged GPE takes the actor "Yukos" tagged ORG names).  A role with no recorded holder ("the President
of Madagascar") is a mention of its country.  A spelling that a territory copied from its state ("French":
France and the French Southern Territories) goes to the actor the data says far more about
(:meth:`Gazetteer.prominence`, at least twice as much), else it stays ambiguous.

NER junk is dropped: numbers, single lower-case words, :data:`JUNK_WORDS` ("Trojan", "Western"), capitalised
common words tagged ORG that also occur in lower case ("State").  The gazetteer wins over spaCy's type:
"Belarus" tagged PERSON is still the country.  :mod:`graphbuild.nlp.mentions` already leaves out datelines,
demonyms of goods and people ("Russian oil") and capitals used as places ("talks in Beijing").

Across documents, minted persons whose names are variants are merged by :func:`merge_person_variants`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from graphbuild.anaphora import resolve_anaphora
from graphbuild.gazetteer import METHOD_RANK, Gazetteer, PersonName, name_tokens, normalize
from graphbuild.model import ActorType, Article, Entity, Mention, entity_type
from graphbuild.nlp.mentions import MentionCandidate, MentionFinder
from graphbuild.text import slugify

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Method of a mention that names no actor (ambiguous, or a place/group outside the gazetteer).
UNRESOLVED = "unresolved"

#: Surnames at least this similar (difflib ratio of the folded strings) are spelling variants.
#: Measured on the pairs in tests/test_resolve.py (test_resolve_surname_similarity_threshold): transliteration
#: variants score 0.90-0.95 (Lukashenko/Lukashenka 0.90, Tymoshenko/Timoshenko 0.90, Khodorkovsky/Khordokovsky
#: 0.92, Zelensky/Zelenskiy 0.94, Schroeder/Schroder 0.94), distinct surnames at most 0.86 (Clinton/Clifton 0.86,
#: Miliband/Milligan 0.75, Poroshenko/Porotnikov 0.70).  Known risk above the line: Lavrov/Lavrova 0.92, which
#: the first-name check guards for full names.  Python's difflib is used (no extra dependency; rapidfuzz would be
#: faster but the candidate pools are small: per document, and gazetteer names bucketed by surname prefix).
FUZZY_THRESHOLD = 0.88
#: Shorter surnames are compared exactly (too many near-collisions: Kim/Kin, Bush/Busch).
FUZZY_MIN_LENGTH = 6

#: A surname alone is matched fuzzily against the whole gazetteer only from this length (Lukaschenko: yes;
#: "Michael" vs "Michal": no).
GAZETTEER_SURNAME_MIN_LENGTH = 8

#: How far back (characters) a named actor can license a context alias when two actors are licensed.
CONTEXT_WINDOW = 600

#: Words spaCy sometimes tags as an entity but that never name an actor.
JUNK_WORDS: frozenset[str] = frozenset(
    """trojan western eastern northern southern westerner westerners post-soviet soviet-era
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

#: A ministry's portfolio, which spaCy tags ORG in a title ("Defence Minister X", "Interior Secretary Y"): alone it
#: names no actor (the title rules read it as part of the office).
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    """defence defense foreign interior finance energy justice health trade economy agriculture education transport
    culture environment labour labor treasury security intelligence""".split()
)

#: First names that are transliteration/translation variants of one another.
FIRST_NAME_VARIANTS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "andrei andrey andrew andrej andrii andriy andrzej",
        "alexander aleksandr alexandr alyaksandr aliaksandr oleksandr alexandre",
        "alexei alexey aleksei aleksey oleksiy oleksii",
        "dmitry dmitri dmitriy dmytro",
        "sergei sergey serhiy serhii sergiy",
        "vladimir volodymyr wladimir uladzimir",
        "mikhail michael mykhailo mikhail",
        "nikolai nikolay mykola nicholas nikolaj",
        "yuri yury yuriy iurii yurii",
        "yevgeny evgeny yevgeniy evgeniy yevhen",
        "viktor victor",
        "pyotr petr petro peter",
        "fyodor fedor",
        "grigory grigori hryhoriy",
        "georgy georgi georgiy heorhiy george",
        "maxim maksim maksym",
        "ilya ilia illia",
        "svetlana sviatlana",
        "tatiana tatyana tetiana",
        "yulia yuliya julia",
        "mohammed muhammad mohammad mohamed mohamad",
        "hussein husayn hussain",
        "xi",
    )
)
_FIRST_NAME_CANON: dict[str, str] = {name: min(group) for group in FIRST_NAME_VARIANTS for name in group}

_NER_TYPES: dict[str, str] = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country"}
_HAS_LETTER = re.compile(r"[A-Za-z]")
_DIGITS = re.compile(r"\d")


def name_similarity(a: str, b: str) -> float:
    """Similarity of two folded names in [0, 1] (difflib's ratio; the standard library, no extra dependency)."""
    return SequenceMatcher(None, normalize(a), normalize(b)).ratio()


def _similar(a: str, b: str) -> bool:
    """``a`` and ``b`` (already normalised) are at least FUZZY_THRESHOLD similar; cheap bounds first."""
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < FUZZY_THRESHOLD:
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= FUZZY_THRESHOLD and matcher.ratio() >= FUZZY_THRESHOLD


def surnames_match(a: str, b: str) -> bool:
    """Same surname, allowing transliteration variants of long surnames (Lukashenko/Lukashenka)."""
    a, b = normalize(a), normalize(b)
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    return _similar(a, b)


def first_names_match(a: str, b: str) -> bool:
    """Same first name: equal, a variant pair (Andrei/Andrew), an initial ("A." / "Alexander") or very similar."""
    a, b = normalize(a).rstrip("."), normalize(b).rstrip(".")
    if a == b or _FIRST_NAME_CANON.get(a, a) == _FIRST_NAME_CANON.get(b, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return min(len(a), len(b)) >= FUZZY_MIN_LENGTH and _similar(a, b)


def person_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-word names of one person: same surname (fuzzy) and compatible first names."""
    if len(a) < 2 or len(b) < 2:
        return False
    return surnames_match(a[-1], b[-1]) and first_names_match(a[0], b[0])


@dataclass
class _Known:
    """A person named with a full name in the current document."""

    entity_id: str
    tokens: tuple[str, ...]
    start: int


#: A company noun right before a one-word name ("oil firm Yukos"): the name is an organisation, not a surname.
_COMPANY_BEFORE = re.compile(r"\b(?:firm|company|group|giant|bank|carrier|airline|maker|producer|operator|conglomerate|"
                             r"subsidiary|unit|rival|monopoly|insurer|lender|retailer|exporter|utility|corporation)"
                             r"(?:'s)?\s+\Z", re.IGNORECASE)
#: A company noun right before a full name ("the water company Aguas Claras"): not "his rival Gordon Brown".
_COMPANY_NOUN_BEFORE = re.compile(r"\b(?:firm|company|giant|bank|carrier|airline|maker|producer|conglomerate|"
                                  r"monopoly|insurer|lender|retailer|exporter|utility|corporation)\s+\Z", re.IGNORECASE)
#: Four-digit years a news text mentions ("in 2005", "2004-05"); see :func:`office_dates`.
_YEAR = re.compile(r"(?<![\w.,$£€-])(19[4-9]\d|20\d\d)(?![\w%]|,\d)")


def office_dates(article: Article) -> tuple[str, ...]:
    """The dates on which an office phrase of ``article`` ("the Belarusian leader") must name its holder.

    The article's date (front matter, record or dateline: :mod:`graphbuild.corpus` reads them) when it has one.
    Otherwise the latest year the text mentions, up to the current year: the holder must hold the office on its
    first and its last day, so a handover within that year leaves the phrase unresolved.  With neither, the
    article has no date of its own: its office phrases are read within its corpus' dates (:func:`corpus_span`),
    else they name only a holder the article itself names (:meth:`Resolver._office_holder`): an undated article
    must not get today's office holders.
    """
    if article.date:
        return (article.date[:10],)
    this_year = _dt.date.today().year
    years = [int(y) for y in _YEAR.findall(article.text) if int(y) <= this_year]
    if not years:
        return ()
    year = max(years)
    return (f"{year}-01-01", f"{year}-12-31")


_ISO_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})")


def corpus_span(article: Article) -> tuple[str, str] | None:
    """``(first, last)`` date of the article's corpus, for an article with no date of its own (else None)."""
    match = _ISO_SPAN.fullmatch(article.corpus_dates or "")
    return (match.group(1), match.group(2)) if match and not office_dates(article) else None


@dataclass
class _DocState:
    text: str
    dates: tuple[str, ...]
    named: frozenset[str]
    span: tuple[str, str] | None = None  # the corpus' dates, for an article without its own
    resolved: dict[int, tuple[str | None, str]] = field(default_factory=dict)  # cand index -> (id, method)
    positions: dict[str, list[int]] = field(default_factory=dict)  # entity id -> starts of plain mentions
    persons: list[_Known] = field(default_factory=list)
    minted: dict[str, Entity] = field(default_factory=dict)

    def note(self, entity_id: str, start: int) -> None:
        self.positions.setdefault(entity_id, []).append(start)


class Resolver:
    """Links the candidate mentions of a Doc to actors.

    Example (``nlp`` from :func:`graphbuild.nlp.pipeline.load_pipeline`)::

        resolver = Resolver(Gazetteer.load(), nlp)
        mentions, new_entities = resolver(nlp(article.text), article)
    """

    def __init__(self, gazetteer: Gazetteer, nlp: Language) -> None:
        self.gazetteer = gazetteer
        self.nlp = nlp
        self.finder = MentionFinder(gazetteer, nlp)
        self._requirements: dict[str, re.Pattern[str]] = {}
        self._person_countries: dict[str, str | None] = {}
        # gazetteer person names by the first two letters of the surname: transliteration variants share
        # them (Lukashenko/Lukashenka, Zelensky/Zelenskyy), and fuzzy matching stays cheap
        self._persons_by_prefix: dict[str, list[PersonName]] = {}
        for name in gazetteer.person_names():
            self._persons_by_prefix.setdefault(name.tokens[-1][:2], []).append(name)

    def __call__(self, doc: Doc, article: Article, *, offset: int = 0) -> tuple[list[Mention], list[Entity]]:
        """Resolve every candidate mention of ``doc``.

        Args:
            doc: The parsed article text (or a chunk of it starting at ``offset``).
            article: The article (``doc_id`` and ``date`` are used).
            offset: Character offset of ``doc.text`` in ``article.text`` when the article was parsed in chunks.

        Returns:
            ``(mentions, new_entities)``: mentions sorted by start and non-overlapping (unresolved ones have
            ``entity_id=None``), and the entities minted for actors outside the gazetteer, sorted by id.
        """
        cands = self.finder(doc)
        text = doc.text  # Doc.text joins every token on each access: read it once
        # a role whose holder is not recorded ("the president of Madagascar") is a mention of the country
        dates, span = office_dates(article), corpus_span(article)
        named = self._named_persons(cands)
        cands = [self._role_or_country(c, dates, named, text, span) for c in cands]
        state = _DocState(text=text, dates=dates, named=named, span=span)
        # Pass 1: everything the gazetteer settles without context; full person names.
        deferred_context: list[int] = []
        deferred_ambiguous: list[int] = []
        deferred_persons: list[int] = []
        deferred_orgs: list[int] = []
        for i, cand in enumerate(cands):
            outcome = self._resolve_plain(cand, state)
            if outcome == "context":
                deferred_context.append(i)
            elif outcome == "ambiguous":
                deferred_ambiguous.append(i)
            elif outcome == "person":
                deferred_persons.append(i)
            elif outcome == "org-or-surname":
                deferred_orgs.append(i)
            elif outcome is not None:
                state.resolved[i] = outcome
                if outcome[0]:
                    state.note(outcome[0], cand.start)
                    self._remember_person(outcome[0], cand, state)
        # Pass 2: full names not in the gazetteer (fuzzy against the document, then the gazetteer, else mint).
        singles = self._resolve_full_names(cands, deferred_persons, state)
        # Pass 3: surnames alone -> coreference; a one-word "organisation" that is a surname of the document.
        for i in singles:
            if _COMPANY_BEFORE.search(state.text, 0, cands[i].start):
                # "oil firm Yukos", "the energy giant Gazprom": a one-word name spaCy took for a person
                state.resolved[i] = (self._mint(cands[i], "org", "Organization", state), "ner")
                continue
            state.resolved[i] = self._resolve_surname(cands[i], state)
        for i in deferred_orgs:
            surname = normalize(cands[i].text)
            if any(k.tokens[-1] == surname for k in state.persons):
                state.resolved[i] = self._resolve_surname(cands[i], state)
            else:
                state.resolved[i] = (self._mint(cands[i], "org", "Organization", state), "ner")
        # Pass 4: spellings that need the document: context aliases and ambiguous names.
        for i in deferred_ambiguous + deferred_context:
            state.resolved[i] = self._resolve_in_context(cands[i], state)

        # Pass 5: one spelling, one actor per document -- an NER span left unresolved ("Yukos" tagged GPE)
        # takes the actor that the same spelling names elsewhere in the document ("Yukos" tagged ORG).
        by_key: dict[str, set[str]] = {}
        for i, (entity_id, method) in state.resolved.items():
            if entity_id and cands[i].kind in ("ner", "gazetteer") and method != "context":
                by_key.setdefault(cands[i].key, set()).add(entity_id)
        surnames = {k.tokens[-1] for k in state.persons}
        for i, (entity_id, method) in list(state.resolved.items()):
            if entity_id is not None or cands[i].kind != "ner":
                continue
            ids = by_key.get(cands[i].key, set())
            if len(ids) == 1:
                state.resolved[i] = (next(iter(ids)), "coreference")
            elif cands[i].key in surnames:  # "According to Hartmann," tagged GPE
                state.resolved[i] = self._resolve_surname(cands[i], state)

        # Pass 6: an acronym defined in the text ("Oil & Natural Gas Corporation (ONGC)") names the same actor
        # wherever it occurs in the document, also where spaCy did not tag it.
        cands = self._apply_acronyms(cands, state, text)
        cands = self._apply_short_forms(doc, cands, state)
        cands = self._titled_references(cands, state)
        cands = self._sweep_surnames(doc, cands, state)
        used = {entity_id for entity_id, _ in state.resolved.values()}
        for entity_id in [e for e in state.minted if e not in used]:
            del state.minted[entity_id]

        mentions = []
        for i, cand in enumerate(cands):
            if i not in state.resolved:
                continue
            entity_id, method = state.resolved[i]
            mentions.append(
                Mention(
                    doc_id=article.doc_id,
                    start=cand.start + offset,
                    end=cand.end + offset,
                    text=cand.text,
                    entity_id=entity_id,
                    method=method,
                    sent_start=cand.sent_start + offset,
                    ner_label=cand.ner_label,
                )
            )
        # Pass 7: pronouns and definite descriptions -> the actors they point back to (graphbuild.anaphora)
        found = resolve_anaphora(doc, mentions, kind_of=self._org_kind, country_of_person=self._person_country,
                                 offset=offset)
        if found:
            # "the Central Asian republics": a group named as one replaces the unresolved name inside it
            mentions = [m for m in mentions if m.entity_id is not None
                        or not any(a.start < m.end and m.start < a.end for a in found)]
        mentions.extend(found)
        mentions.sort(key=lambda m: m.start)
        return mentions, sorted(state.minted.values(), key=lambda e: e.id)

    def _resolve_full_names(self, cands: list[MentionCandidate], persons: list[int], state: _DocState) -> list[int]:
        """Pass 2: names spaCy tagged PERSON; returns the one-word ones (surnames) for pass 3.

        One spelling, one actor: a name the document also tags as an organisation, or gives after a company noun
        ("the water company Aguas Claras"), is that organisation everywhere in the document."""
        orgs: dict[str, str] = {}
        for i, (entity_id, _) in sorted(state.resolved.items()):
            if entity_id in state.minted and entity_id.startswith("org/") and cands[i].ner_label == "ORG":
                orgs.setdefault(cands[i].key, entity_id)
        for i in persons:
            if len(cands[i].text.split()) >= 2 and _COMPANY_NOUN_BEFORE.search(state.text, 0, cands[i].start):
                orgs.setdefault(cands[i].key, self._mint(cands[i], "org", "Organization", state))
        singles = []
        for i in persons:
            tokens = name_tokens(cands[i].text)
            if cands[i].key in orgs:
                state.resolved[i] = (orgs[cands[i].key], "ner")
            elif len(tokens) >= 2:
                state.resolved[i] = self._resolve_full_name(cands[i], tokens, state)
            else:
                singles.append(i)
        return singles

    def _org_kind(self, entity_id: str) -> str | None:
        """``company``/``party`` (the gazetteer's ``kind``), ``igo`` for other gazetteer organisations, None for
        organisations found by NER only."""
        rec = self.gazetteer.record(entity_id)
        if rec is None:
            return None
        return rec.get("kind") or "igo"

    def _person_country(self, person_id: str) -> str | None:
        """The one country whose office the gazetteer records ``person_id`` as holding (any time), else None."""
        if person_id not in self._person_countries:
            countries = {o.country_id for o in self.gazetteer.offices_held(person_id)
                         if entity_type(o.country_id) == ActorType.COUNTRY}
            self._person_countries[person_id] = countries.pop() if len(countries) == 1 else None
        return self._person_countries[person_id]

    def _sweep_surnames(self, doc: Doc, cands: list[MentionCandidate], state: _DocState) -> list[MentionCandidate]:
        """A surname of a person named in full in the document, where spaCy tagged nothing ("Straw backs
        ending China embargo", "Niger's Tiani"): a proper noun, or a capitalised word inside a sentence."""
        surnames: dict[str, list[_Known]] = {}
        for known in state.persons:
            if len(known.tokens) >= 2 and len(known.tokens[-1]) >= 3:
                surnames.setdefault(known.tokens[-1], []).append(known)
        if not surnames:
            return cands
        covered = sorted((c.start, c.end) for c in cands)
        has_sents = doc.has_annotation("SENT_START")
        added = list(cands)
        for tok in doc:
            if not (tok.is_alpha and tok.text[:1].isupper()) or tok.lower_ not in surnames:
                continue
            if not (tok.pos_ == "PROPN" or (tok.i > 0 and not tok.is_sent_start)):
                continue
            start, end = tok.idx, tok.idx + len(tok.text)
            if any(s < end and start < e for s, e in covered):
                continue
            cand = MentionCandidate(start=start, end=end, text=tok.text, kind="ner", key=tok.lower_,
                                    sent_start=tok.sent.start_char if has_sents else 0)
            added.append(cand)
            state.resolved[len(added) - 1] = self._resolve_surname(cand, state)
        return added

    def _apply_acronyms(self, cands: list[MentionCandidate], state: _DocState, text: str) -> list[MentionCandidate]:
        definitions: dict[str, str] = {}
        for i, cand in enumerate(cands):
            entity_id = state.resolved.get(i, (None, ""))[0]
            match = _ACRONYM_DEF.match(text, cand.end)
            if entity_id and match and len(cand.text.split()) >= 2:
                definitions.setdefault(match.group(1), entity_id)
        if not definitions:
            return cands
        cands = list(cands)
        for acronym, entity_id in definitions.items():
            if self.gazetteer.lookup(acronym):
                continue  # a listed acronym keeps its gazetteer reading
            for match in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"(?![\w-])", text):
                start, end = match.span()
                hit = [i for i, c in enumerate(cands) if c.start < end and start < c.end]
                if not hit:
                    cands.append(MentionCandidate(start=start, end=end, text=acronym, kind="ner", key=normalize(acronym),
                                                  sent_start=_sentence_start(cands, start)))
                    state.resolved[len(cands) - 1] = (entity_id, "coreference")
                elif len(hit) == 1 and (cands[hit[0]].start, cands[hit[0]].end) == (start, end):
                    if state.resolved.get(hit[0], (None, UNRESOLVED))[1] in ("ner", UNRESOLVED):
                        state.resolved[hit[0]] = (entity_id, "coreference")
            _add_alias(state, entity_id, acronym)
        return cands

    def _apply_short_forms(self, doc: Doc, cands: list[MentionCandidate], state: _DocState) -> list[MentionCandidate]:
        """Short forms of an organisation named in full in the document (:func:`short_forms`): "CNPC" after "China
        National Petroleum Corporation", "Menatep" after "Group Menatep", "Yugansk" after "Yuganskneftegas" name the
        same minted actor, where spaCy tagged them as something it could not resolve (or did not tag them at all)."""
        orgs = {e.id: e.label for e in state.minted.values() if e.type == "Organization"}
        forms = short_forms(orgs, lambda w: bool(self.gazetteer.lookup(w)))
        one_word = {label: entity_id for entity_id, label in orgs.items() if label.isalpha()}
        if not forms and not one_word:
            return cands

        def target_of(word: str) -> str | None:
            if word in forms:
                return forms[word]
            if len(word) < SHORT_PREFIX_MIN or not (word.isalpha() and word[0].isupper()):
                return None
            ids = {i for label, i in one_word.items() if len(label) >= len(word) + 3 and label.startswith(word)}
            return ids.pop() if len(ids) == 1 and not self.gazetteer.lookup(word) else None

        cands = list(cands)
        for i, cand in enumerate(cands):
            entity_id, method = state.resolved.get(i, (None, UNRESOLVED))
            target = target_of(cand.text)
            if target is None or target == entity_id or cand.kind != "ner":
                continue
            if entity_id is None or (method == "ner" and entity_id in state.minted and entity_id.startswith(
                    ("person/", "org/")) and state.minted[entity_id].label == cand.text):
                state.resolved[i] = (target, "coreference")
                _add_alias(state, target, cand.text)
        covered = [(c.start, c.end) for c in cands]
        has_sents = doc.has_annotation("SENT_START")
        for tok in doc:
            target = target_of(tok.text)
            if target is None or not (tok.pos_ == "PROPN" or not tok.is_sent_start):
                continue
            start, end = tok.idx, tok.idx + len(tok.text)
            if any(s < end and start < e for s, e in covered):
                continue
            cands.append(MentionCandidate(start=start, end=end, text=tok.text, kind="ner", key=normalize(tok.text),
                                          sent_start=tok.sent.start_char if has_sents else 0))
            state.resolved[len(cands) - 1] = (target, "coreference")
            _add_alias(state, target, tok.text)
        return cands

    def _titled_references(self, cands: list[MentionCandidate], state: _DocState) -> list[MentionCandidate]:
        """"Foreign Secretary Jack Straw ... the foreign secretary said", "Cardinal X ... the Cardinal": an office
        phrase after the document introduced one person with that title names that person (whom the gazetteer need
        not know), where no recorded holder explains it; two people introduced with it leave it unresolved."""
        titled: dict[str, set[str]] = {}
        first: dict[str, int] = {}
        for i, cand in enumerate(cands):
            entity_id = state.resolved.get(i, (None, ""))[0]
            if not (entity_id and entity_id.startswith("person/") and cand.kind in ("ner", "gazetteer")):
                continue
            # within the sentence, after the person named before ("Blair and Foreign Secretary X")
            floor = max((c.end for k, c in enumerate(cands) if c.end <= cand.start
                         and (state.resolved.get(k, (None,))[0] or "").startswith("person/")), default=cand.sent_start)
            for title in _titles_before(state.text, cand.start, floor):
                titled.setdefault(title, set()).add(entity_id)
                first[title] = min(first.get(title, cand.start), cand.start)
        titled = {t: ids for t, ids in titled.items() if len(ids) == 1}
        if not titled:
            return cands
        cands = list(cands)
        pattern = re.compile(r"\b(?i:the)\s+((?i:" + "|".join(re.escape(t) for t in titled) + r"))\b"
                             r"(?!\s+(?:of\b|[A-Z]))")  # not "the foreign secretary of Spain" / "... Jack Straw"
        for match in pattern.finditer(state.text):
            title, (start, end) = match.group(1).lower(), match.span(1)
            if start < first[title]:
                continue
            person = next(iter(titled[title]))
            hit = [i for i, c in enumerate(cands) if c.start < end and start < c.end]
            if hit and all(c.end <= end - len(title.split()[-1]) for c in (cands[i] for i in hit)) \
                    and all(state.resolved.get(i, (None,))[0] for i in hit):
                # "the Tory leader": the party is its own mention, the head word names the person
                start, title = end - len(title.split()[-1]), title.split()[-1]
                hit = []
            if not hit:
                cands.append(MentionCandidate(start=start, end=end, text=state.text[start:end], kind="role", key="",
                                              title=title, sent_start=_sentence_start(cands, start)))
                state.resolved[len(cands) - 1] = (person, "coreference")
            elif len(hit) == 1 and cands[hit[0]].kind == "role" and state.resolved.get(hit[0], (None, ""))[0] is None:
                state.resolved[hit[0]] = (person, "coreference")
        return cands

    def _named_persons(self, cands: Sequence[MentionCandidate]) -> frozenset[str]:
        """Gazetteer persons the article names (full name, alias or surname), for undated office phrases."""
        gaz = self.gazetteer
        out: set[str] = set()
        for c in cands:
            if c.kind not in ("gazetteer", "ner"):
                continue
            out.update(x.entity_id for x in gaz.lookup(c.key) if entity_type(x.entity_id) == ActorType.PERSON)
            words = c.text.split()
            if words:
                out.update(gaz.persons_with_surname(words[-1]))
        return frozenset(out)

    def _office_holder(self, country: str | None, title: str, dates: tuple[str, ...],
                       named: frozenset[str], span: tuple[str, str] | None = None) -> str | None:
        """Who an office phrase names: the one holder of ``title`` of ``country`` on every date in ``dates``.

        An article with no date of its own (no ``dates``) is read within its corpus' ``span`` of dates: the one
        person the article names who held the office on some day of the span (none such if the article names only
        holders from other times), else, when it names no holder, the one who held it on both ends of the span.
        With no span either, it names a holder only when the article also names that person and nobody else
        who ever held the office ("Lukashenko ... the Belarusian leader").  Never today's holder, never a holder
        whose term excludes every date the article or its corpus gives.  A bare office (``country == ""``: "the
        prime minister") names the one person the article names who held such an office of any country (on the
        dates, or within the span, if given).
        """
        gaz = self.gazetteer
        if country == "":
            # "the prime minister": whoever held such an office (of any country) on the dates, and is named here
            pools = ([gaz.holders_titled(title, d) for d in dates] or ([gaz.holders_between(None, title, *span)]
                     if span else [gaz.holders_titled(title)]))
            holders = set(frozenset.intersection(*pools) & named)
            return holders.pop() if len(holders) == 1 else None
        if not country:
            return None
        if dates:
            holders = {gaz.office_holder(country, title, d) for d in dates}
        elif span:
            # a holder the article names decides (and one named outside the span leaves the phrase unresolved)
            ever = gaz.holders_of(country, title) & named
            holders = (set(gaz.holders_between(country, title, *span) & ever) if ever
                       else {gaz.office_holder(country, title, d) for d in span})
        else:
            holders = set(gaz.holders_of(country, title) & named)
        return holders.pop() if len(holders) == 1 else None

    def _role_or_country(self, cand: MentionCandidate, dates: tuple[str, ...], named: frozenset[str],
                         text: str, span: tuple[str, str] | None = None) -> MentionCandidate:
        if cand.kind != "role" or cand.head_start < 0:
            return cand
        if self._office_holder(self._country_of(cand.key), cand.title or "", dates, named, span):
            return cand
        return MentionCandidate(
            start=cand.head_start,
            end=cand.head_end,
            text=text[cand.head_start : cand.head_end],
            kind="gazetteer",
            key=cand.key,
            ner_label=cand.ner_label,
            sent_start=cand.sent_start,
        )

    # ------------------------------------------------------------------ pass 1
    def _resolve_plain(self, cand: MentionCandidate, state: _DocState) -> tuple[str | None, str] | str | None:
        """(id, method), or "context"/"ambiguous"/"person" to decide later, or None to drop the candidate."""
        gaz = self.gazetteer
        if cand.kind == "role":
            country = self._country_of(cand.key) if cand.key else ""
            holder = self._office_holder(country, cand.title or "", state.dates, state.named, state.span)
            return (holder, "office") if holder else (None, UNRESOLVED)
        if cand.kind == "body":
            country = self._country_of(cand.key)
            if country is None:
                return None
            method = next(c.method for c in gaz.lookup(cand.key) if c.entity_id == country)
            return (country, method)
        if cand.kind == "ner" and is_junk(cand):
            return None
        lookups = gaz.lookup(cand.key) or gaz.lookup(_strip_the(cand.key))
        contexts = gaz.context_aliases(cand.key)
        if contexts and (not lookups or all(c.method == "metonym" for c in lookups)):
            return "context"
        if lookups:
            best = METHOD_RANK[lookups[0].method]
            top = [c for c in lookups if METHOD_RANK[c.method] == best]
            if len({c.entity_id for c in top}) == 1:
                return (top[0].entity_id, top[0].method)
            return "ambiguous"
        if cand.kind == "gazetteer":  # a listed spelling with no plain reading
            return "context" if contexts else None
        # NER span outside the gazetteer
        if cand.ner_label == "PERSON":
            return "person"
        if cand.ner_label == "ORG":
            person = self._gazetteer_person(name_tokens(cand.text))
            if person is not None:  # the gazetteer wins over spaCy's type ("Volodymyr Zelenskiy" tagged ORG)
                return person, "fuzzy"
            if len(cand.text.split()) == 1 and not cand.text.isupper():
                if re.search(r"(?<![\w-])" + re.escape(cand.text.lower()) + r"(?![\w-])", state.text):
                    return None  # a common word capitalised ("State", "Cabinet"): it also occurs in lower case
                return "org-or-surname"  # "According to Kaval, ..." is often tagged ORG
            return self._mint(cand, "org", "Organization", state), "ner"
        if cand.ner_label in ("GPE", "LOC", "FAC") and _COMPANY_BEFORE.search(state.text, 0, cand.start):
            return self._mint(cand, "org", "Organization", state), "ner"  # "the oil firm Yuganskneftegas" as a place
        if cand.ner_label == "NORP" and cand.key.endswith("s"):
            # a plural demonym naming one side ("the peace process with the Palestinians")
            demonyms = [c for c in gaz.lookup(cand.key[:-1]) if c.method == "demonym"]
            entity_id = self._pick([c.entity_id for c in demonyms], state) if demonyms else None
            if entity_id is not None:
                return entity_id, "demonym"
        return (None, UNRESOLVED)

    def _country_of(self, key: str) -> str | None:
        ids = [c.entity_id for c in self.gazetteer.lookup(key) if c.entity_id.startswith("country/")]
        return self._pick(ids, None)

    def _pick(self, ids: list[str], state: _DocState | None) -> str | None:
        """One actor among readings of one spelling: the only one; else the only one the document names
        elsewhere; else one the data says far more about (a state over a territory that copied its demonym,
        :meth:`Gazetteer.prominence`); else None."""
        ids = list(dict.fromkeys(ids))
        if len(ids) <= 1:
            return ids[0] if ids else None
        if state is not None:
            named = [i for i in ids if i in state.positions]
            if len(named) == 1:
                return named[0]
        ranked = sorted(ids, key=self.gazetteer.prominence, reverse=True)
        first, second = self.gazetteer.prominence(ranked[0]), self.gazetteer.prominence(ranked[1])
        return ranked[0] if first >= 2 * max(second, 1) else None

    def _remember_person(self, entity_id: str, cand: MentionCandidate, state: _DocState) -> None:
        if not entity_id.startswith("person/"):
            return
        # an office phrase ("the French president") is no name: its holder's name is ("President" is no surname)
        tokens = name_tokens(cand.text) if cand.kind != "role" else ()
        entity = self.gazetteer.get(entity_id)
        if len(tokens) < 2 and entity is not None:
            tokens = name_tokens(entity.label)
        if len(tokens) >= 2:
            state.persons.append(_Known(entity_id, tokens, cand.start))

    # ------------------------------------------------------------------ passes 2 and 3: persons
    def _resolve_full_name(self, cand: MentionCandidate, tokens: tuple[str, ...], state: _DocState) -> tuple[str, str]:
        ordered = sorted(state.persons, key=lambda k: (k.start > cand.start, abs(k.start - cand.start)))
        for known in ordered:
            if known.tokens == tokens:  # the same full name again
                state.persons.append(_Known(known.entity_id, tokens, cand.start))
                return known.entity_id, "ner" if known.entity_id in state.minted else "exact"
        for known in ordered:
            if person_names_match(known.tokens, tokens):
                state.persons.append(_Known(known.entity_id, tokens, cand.start))
                _add_alias(state, known.entity_id, cand.text)
                return known.entity_id, "fuzzy"
        entity_id = self._gazetteer_person(tokens)
        if entity_id is not None:
            state.persons.append(_Known(entity_id, tokens, cand.start))
            return entity_id, "fuzzy"
        entity_id = self._mint(cand, "person", "Person", state)
        if self.gazetteer.get(entity_id) is not None:
            method = "exact"
        else:
            method = "ner"
        state.persons.append(_Known(entity_id, tokens, cand.start))
        return entity_id, method

    def _gazetteer_person(self, tokens: tuple[str, ...]) -> str | None:
        """The one gazetteer person whose name is a variant of ``tokens`` (None if none or several)."""
        if len(tokens) < 2:
            return None
        pool = self._persons_by_prefix.get(tokens[-1][:2], ())
        matches = {p.entity_id for p in pool if person_names_match(p.tokens, tokens)}
        return matches.pop() if len(matches) == 1 else None

    def _resolve_surname(self, cand: MentionCandidate, state: _DocState) -> tuple[str | None, str]:
        surname = normalize(cand.text)
        exact = [k for k in state.persons if k.tokens[-1] == surname]
        fuzzy = [k for k in state.persons if surnames_match(k.tokens[-1], surname)]
        for pool, method in ((exact, "coreference"), (fuzzy, "fuzzy")):
            if pool:
                before = [k for k in pool if k.start < cand.start]
                best = max(before, key=lambda k: k.start) if before else min(pool, key=lambda k: k.start)
                return best.entity_id, method
        # a first name alone ("Robert has made ...", "Don't tell lies Nigel") -> the one person named before with it
        first_named = {k.entity_id for k in state.persons if k.tokens[0] == surname and k.start < cand.start}
        if len(first_named) == 1 and not self.gazetteer.persons_with_surname(surname):
            return first_named.pop(), "coreference"
        known = self.gazetteer.persons_with_surname(surname)
        if len(known) == 1:
            return next(iter(known)), "alias"
        if len(surname) >= GAZETTEER_SURNAME_MIN_LENGTH and surname not in _FIRST_NAME_CANON:
            # a bare word against every surname of the gazetteer: only long ones ("Michael" is no "Michal")
            pool = self._persons_by_prefix.get(surname[:2], ())
            similar = {
                p.entity_id
                for p in pool
                if len(p.tokens[-1]) >= GAZETTEER_SURNAME_MIN_LENGTH and surnames_match(p.tokens[-1], surname)
            }
            if len(similar) == 1:
                return similar.pop(), "fuzzy"
        return None, UNRESOLVED

    # ------------------------------------------------------------------ pass 4: context
    def _resolve_in_context(self, cand: MentionCandidate, state: _DocState) -> tuple[str | None, str]:
        gaz = self.gazetteer
        licensed = [
            ctx.entity_id
            for ctx in gaz.context_aliases(cand.key)
            if ctx.entity_id in state.positions or self._document_names(ctx.requires_any, state.text)
        ]
        method = "context"
        if not licensed:  # an ambiguous plain spelling: an actor named elsewhere in the document decides
            lookups = gaz.lookup(cand.key) or gaz.lookup(_strip_the(cand.key))
            if lookups and not gaz.context_aliases(cand.key):
                best = METHOD_RANK[lookups[0].method]
                picked = self._pick([c.entity_id for c in lookups if METHOD_RANK[c.method] == best], state)
                return (picked, lookups[0].method) if picked else (None, UNRESOLVED)
        licensed = list(dict.fromkeys(licensed))
        if len(licensed) == 1:
            return licensed[0], method
        if len(licensed) > 1:
            nearest = self._nearest_before(licensed, cand.start, state)
            if nearest is not None:
                return nearest, method
        return None, UNRESOLVED

    @staticmethod
    def _nearest_before(ids: Iterable[str], start: int, state: _DocState) -> str | None:
        best: tuple[int, str] | None = None
        tie = False
        for entity_id in ids:
            before = [p for p in state.positions.get(entity_id, []) if start - CONTEXT_WINDOW <= p < start]
            if not before:
                continue
            pos = max(before)
            if best is None or pos > best[0]:
                best, tie = (pos, entity_id), False
            elif pos == best[0]:
                tie = True
        return None if best is None or tie else best[1]

    def _document_names(self, terms: Iterable[str], text: str) -> bool:
        for term in terms:
            pattern = self._requirement(term)
            if pattern.search(text):
                return True
        return False

    def _requirement(self, term: str) -> re.Pattern[str]:
        cached = self._requirements.get(term)
        if cached is None:
            flags = 0 if term.isupper() else re.IGNORECASE  # "EU" the acronym, not "eu" inside a word
            cached = re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", flags)
            self._requirements[term] = cached
        return cached

    # ------------------------------------------------------------------ minting
    def _mint(self, cand: MentionCandidate, prefix: str, type_: str, state: _DocState) -> str:
        label = cand.text
        key = label.replace("&", " and ")
        if prefix == "org":  # "Oil & Natural Gas Corp" is the "Oil and Natural Gas Corporation" named in full
            key = _CORP.sub("Corporation", key)
        entity_id = f"{prefix}/{slugify(key)}"
        if self.gazetteer.get(entity_id) is not None:
            return entity_id
        if entity_id not in state.minted:
            state.minted[entity_id] = Entity(id=entity_id, label=label, type=type_, in_gazetteer=False)
        else:
            _add_alias(state, entity_id, label)
        return entity_id


def merge_person_variants(entities: Iterable[Entity], counts: Mapping[str, int] | None = None) -> dict[str, str]:
    """Cross-document merge of minted persons whose names are spelling variants of one another.

    Within a document the Resolver already links "Andrew Porotnikov" to "Andrei Porotnikov"; across documents
    each document mints its own id.  Given every minted entity of a corpus, return ``{variant id: canonical
    id}`` for persons outside the gazetteer whose label or aliases match (:func:`person_names_match`).  The
    canonical id of a group is the one with most mentions (``counts``), then the smallest id.

    Example:
        >>> merge_person_variants([Entity("person/andrei-porotnikov", "Andrei Porotnikov", "Person", in_gazetteer=False),
        ...                        Entity("person/andrew-porotnikov", "Andrew Porotnikov", "Person", in_gazetteer=False)])
        {'person/andrew-porotnikov': 'person/andrei-porotnikov'}
    """
    counts = counts or {}
    persons = sorted({e.id: e for e in entities if e.type == "Person" and not e.in_gazetteer}.values(), key=lambda e: e.id)
    names = {e.id: [t for t in (name_tokens(n) for n in (e.label, *e.aliases)) if len(t) >= 2] for e in persons}
    parent = {e.id: e.id for e in persons}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_prefix: dict[str, list[str]] = {}
    for e in persons:
        for tokens in names[e.id]:
            by_prefix.setdefault(tokens[-1][:2], []).append(e.id)
    for ids in by_prefix.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if find(a) != find(b) and any(person_names_match(x, y) for x in names[a] for y in names[b]):
                    parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for e in persons:
        groups.setdefault(find(e.id), []).append(e.id)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canonical = min(members, key=lambda i: (-counts.get(i, 0), i))
        out.update({m: canonical for m in members if m != canonical})
    return out


def _add_alias(state: _DocState, entity_id: str, alias: str) -> None:
    """Record a variant spelling on an entity minted in this document."""
    entity = state.minted.get(entity_id)
    if entity is not None and alias != entity.label and alias not in entity.aliases:
        state.minted[entity_id] = Entity(
            id=entity.id, label=entity.label, type=entity.type, aliases=(*entity.aliases, alias), in_gazetteer=False
        )


#: Head words of a title that introduces a name ("Foreign Secretary Jack Straw", "Cardinal X", "Tory leader X").
TITLE_HEADS: frozenset[str] = frozenset(
    """secretary minister chancellor premier president governor mayor ambassador envoy commissioner spokesman
    spokeswoman cardinal archbishop bishop pope chairman chairwoman director general admiral senator leader
    chief""".split()
)
#: Heads too common to name one person alone ("the leader", "the minister"): only in a longer title.
GENERIC_HEADS: frozenset[str] = frozenset(
    "secretary minister president director general leader chief chairman spokesman spokeswoman envoy".split())
#: Words that cannot begin a title ("said party leader X": "party leader").
_NOT_TITLE_START = frozenset("""the a an and or but said says told by of with to as from for in on at his her its their
    our my your this that mr mrs ms dr""".split())
#: Up to three words right before a position in a text ("... Foreign Secretary " before "Jack Straw").
_WORDS_RUN = re.compile(r"((?:[A-Za-z][A-Za-z-]*\s+){1,3})\Z")


def _titles_before(text: str, start: int, floor: int) -> list[str]:
    """The titles (folded) in the words right before ``start`` and after ``floor``: "Foreign Secretary" before
    "Jack Straw" -> ["foreign secretary"], "Tory leader" -> ["tory leader"], "Cardinal" -> ["cardinal"]; each
    ends in a :data:`TITLE_HEADS` word, and a one-word title must be capitalised and not a generic head."""
    match = _WORDS_RUN.search(text, max(floor, start - 60), start)
    if match is None:
        return []
    words = match.group(1).split()
    if words[-1].lower() not in TITLE_HEADS:
        return []
    out = []
    for k in range(1, len(words) + 1):
        first = words[-k]
        if first.lower() in _NOT_TITLE_START:
            break
        if k > 1 or (first[0].isupper() and first.lower() not in GENERIC_HEADS):
            out.append(" ".join(words[-k:]).lower())
    return out

#: "Name (ACR)": an acronym defined right after a name.
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&]{1,9})\s*\)")


#: Words of organisation names that do not name one organisation alone ("Group Menatep": "Menatep" does).
GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    """group company corporation corp co inc ltd limited plc holding holdings international national bank oil gas
    petroleum energy industries industry trust fund association council party union agency authority ministry
    department committee commission service services organisation organization federation society foundation
    institute university college school centre center the of and for de la le""".split()
)
#: "Corp" / "Corp." in an organisation's name: minted under the full word.
_CORP = re.compile(r"\bCorp\b\.?")
#: Shortest single word that links to a one-word name it begins ("Yugansk" -> "Yuganskneftegas"), which must be at
#: least 3 letters longer (no plural: "Patriot" is not "Patriots").
SHORT_PREFIX_MIN = 5


def _initials(label: str) -> tuple[str, ...]:
    """Acronyms a multi-word name may go by: the initials of every word, and of its words other than "of",
    "and", "the", "&" ("Oil and Natural Gas Corporation" -> ONAGC, ONGC)."""
    words = [w for w in re.split(r"[\s-]+", label) if w and w[0].isalpha()]
    if len(words) < 2:
        return ()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in ("of", "and", "the", "for")).upper()
    return tuple(dict.fromkeys((every, content)))


def short_forms(orgs: Mapping[str, str], listed: Callable[[str], bool]) -> dict[str, str]:
    """Short spellings of the organisations named in a document -> their ids, where only one organisation fits.

    For ``orgs`` (id -> full name): the initials of a multi-word name ("China National Petroleum Corporation" ->
    "CNPC"); its one distinctive word ("Group Menatep" -> "Menatep": not a generic word like "Group", not a
    spelling the gazetteer lists (``listed``)); and for a one-word name, its first :data:`SHORT_PREFIX_MIN` or more
    letters that end before the name does ("Yuganskneftegas" -> "Yugansk"; the prefix itself is checked when a
    mention is met, see :meth:`Resolver._apply_short_forms`).

    >>> sorted(short_forms({"org/a": "China National Petroleum Corporation", "org/b": "Group Menatep"},
    ...                    lambda w: w == "China").items())
    [('CNPC', 'org/a'), ('Menatep', 'org/b')]
    """
    found: dict[str, set[str]] = {}
    for entity_id, label in orgs.items():
        for acronym in _initials(label):
            if 2 <= len(acronym) <= 8:
                found.setdefault(acronym, set()).add(entity_id)
        words = [w for w in label.split() if w[:1].isupper() and w.isalpha()]
        distinctive = [w for w in words if w.lower() not in GENERIC_ORG_WORDS and not listed(w) and len(w) >= 4]
        if len(words) >= 2 and len(distinctive) == 1:
            found.setdefault(distinctive[0], set()).add(entity_id)
    return {form: ids.pop() for form, ids in found.items() if len(ids) == 1}


def _sentence_start(cands: list[MentionCandidate], start: int) -> int:
    before = [c.sent_start for c in cands if c.start <= start]
    return max(before) if before else 0


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def is_junk(cand: MentionCandidate) -> bool:
    """An NER span that never names an actor: no letters, digits, one lower-case word, or a junk word."""
    text = cand.text
    key = normalize(text)
    if not _HAS_LETTER.search(text):
        return True
    if _DIGITS.search(text) and (cand.ner_label != "ORG" or len(text.split()) == 1):
        return True  # dates and figures; an organisation may carry a number ("Torpedo Squadron 8")
    if key in JUNK_WORDS or _strip_the(key) in JUNK_WORDS or key in PORTFOLIO_WORDS:
        return True
    words = text.split()
    return len(words) == 1 and text[:1].islower()
