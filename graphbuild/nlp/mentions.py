"""Doc + Gazetteer -> candidate mentions (spans that may name an actor), not yet linked.

Sources of candidates, in order of precedence when they overlap:

1. role phrases ("the Belarusian leader", "Russia's president", "the President of France") and state bodies
   ("the Belarusian government", "Russian authorities", "the Foreign Ministry of Belarus",
   "Belarus's foreign ministry", NER organisations such as "US Treasury"), built around a gazetteer country;
2. NER PERSON/ORG/FAC spans that contain country names but are more than them ("Bank of England",
   "Alliance of Sahel States", "Jordan Peterson"): an organisation or person named after a place;
3. gazetteer matches: one spaCy PhraseMatcher (attr="LOWER") over every gazetteer spelling, longest match wins,
   capitalisation checked against the listed spelling ("US" but not "us", "Chad" but not "chad"), spellings
   listed in ``ambiguous_names`` only where the text confirms them; hyphenated compounds
   ("Belarusian-Russian") yield one match per part;
4. names after a courtesy title ("Mr Straw"), then spaCy NER spans (PERSON, ORG, GPE, NORP, LOC, FAC), with a
   leading "the", titles ("Mr", "President"), numbers and a trailing possessive ("'s") stripped;
5. last, a first name and surname after an office title that NER missed ("National Security Adviser Ajit Doval").

Never candidates (docs/ANNOTATION.md section 2): datelines ("MINSK, 12 April -"), demonyms of goods, firms and
people ("Russian oil", "Chinese tourists"), capitals as places ("talks in Beijing"), "post-Soviet".

The finder is built once per :class:`~graphbuild.resolve.Resolver` (one per extractor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphbuild.gazetteer import Gazetteer, normalize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: spaCy NER labels that may name an actor.
NER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

#: Words before a name that are titles, not part of it ("Mr Putin", "President Lukashenko").
TITLE_WORDS: frozenset[str] = frozenset(
    """mr mrs ms miss dr sir dame lord lady president vice prime minister premier chancellor secretary
    general gen lt col colonel captain capt major sgt admiral marshal commander king queen prince princess
    emperor sheikh emir sultan pope cardinal bishop archbishop rev reverend father senator sen rep
    representative congressman congresswoman governor gov mayor ambassador envoy judge justice chairman
    chairwoman chair speaker deputy foreign defence defense interior finance state former late acting
    leader ayatollah mp mep prof professor baroness baron rt hon""".split()
)

#: Titles that always precede a person's name.
COURTESY_TITLES: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})

#: Words that make an NER organisation named after a country an organ of that state ("US Treasury",
#: "the Indian Ministry of External Affairs", "Philippine Coast Guard"); it resolves to the state.
ORGAN_WORDS: frozenset[str] = frozenset(
    """ministry department treasury defence defense government army navy guard military forces embassy
    parliament congress senate cabinet police intelligence administration office authority""".split()
)

#: Head nouns after a demonym that make it a description of people, firms, goods or places, not the state.
NON_STATE_HEADS: frozenset[str] = frozenset(
    """firm firms company companies business businesses giant giants media agency agencies newspaper newspapers
    news goods export exports import imports oil gas fuel supplies supply market markets tourist tourists city
    cities town towns village refinery refineries industry industries app apps field fields
    opposition people citizen citizens national nationals student students worker workers sailor sailors
    fisherman fishermen businessman businessmen investor investors consumer consumers product products
    brand brands team teams club clubs fan fans airline airlines carrier language culture food cuisine
    writer writers artist artists player players""".split()
)

#: Modifiers that make a firm or a medium the state's own ("state media", "state-run television").
STATE_RUN: frozenset[str] = frozenset({"state", "state-run", "state-owned", "state-controlled", "official"})

#: Nouns that make "<demonym/country> <body>" a state body standing for the state.
BODY_PHRASES: tuple[str, ...] = (
    "ministry of foreign affairs",
    "foreign ministry",
    "defence ministry",
    "defense ministry",
    "interior ministry",
    "foreign office",
    "armed forces",
    "coast guard",
    "security forces",
    "navy",
    "embassy",
    "parliament",
    "cabinet",
    "government",
    "authorities",
    "administration",
    "leadership",
    "officials",
    "regime",
    "military",
    "army",
    "troops",
    "forces",
)
#: Bodies that also read well as "the <Body> of <Country>".
BODY_OF_PHRASES: tuple[str, ...] = (
    "ministry of foreign affairs",
    "foreign ministry",
    "defence ministry",
    "defense ministry",
    "interior ministry",
    "government",
    "authorities",
    "armed forces",
    "leadership",
)

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class MentionCandidate:
    """A span that may name an actor.

    Attributes:
        start, end: Character offsets in ``doc.text``.
        text: ``doc.text[start:end]``.
        kind: ``gazetteer`` (a listed spelling), ``ner`` (spaCy entity), ``role`` (an office, resolved to
            its holder), ``body`` (a state body, resolved to the state).
        key: Normalised lookup key of the naming part (the whole span, or the country inside a role/body).
        ner_label: spaCy's label when spaCy tagged (part of) the span.
        title: For ``role``: the normalised office title ("president", "head of state").
        sent_start: Character offset of the sentence start.
        n_tokens: Number of tokens in the span (after stripping).
        head_start, head_end: For ``role``/``body``: character offsets of the country name inside the phrase.
    """

    start: int
    end: int
    text: str
    kind: str
    key: str
    ner_label: str | None = None
    title: str | None = None
    sent_start: int = 0
    n_tokens: int = 1
    head_start: int = -1
    head_end: int = -1


class MentionFinder:
    """Finds :class:`MentionCandidate` spans in a Doc (built once, by the Resolver)."""

    def __init__(self, gazetteer: Gazetteer, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_key: dict[str, set[str]] = {}
        for form in gazetteer.surface_forms():
            key = normalize(form)
            variants = by_key.setdefault(key, set())
            variants.add(form)
            variants.add(key)  # the ASCII-folded form matches "Elysee" for "Élysée"
        for key, variants in by_key.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(variants))))
        self._country_keys = {
            key for key in by_key if any(self._is_country(c.entity_id) for c in gazetteer.lookup(key))
        }
        titles = sorted(gazetteer.office_titles, key=lambda t: -len(t.split()))
        self._titles: tuple[tuple[str, ...], ...] = tuple(tuple(t.split()) for t in titles)
        self._bodies = tuple(tuple(b.split()) for b in BODY_PHRASES)
        self._bodies_of = tuple(tuple(b.split()) for b in BODY_OF_PHRASES)

    @staticmethod
    def _is_country(entity_id: str) -> bool:
        return entity_id.startswith("country/")

    # ------------------------------------------------------------------ public
    def __call__(self, doc: Doc) -> list[MentionCandidate]:
        """Every candidate of ``doc``, non-overlapping, sorted by start."""
        has_sents = doc.has_annotation("SENT_START")
        gaz_spans, unconfirmed, blocked = self._gazetteer_spans(doc)
        scored: list[tuple[float, MentionCandidate]] = []
        for span in gaz_spans:
            # the key of the listed spelling ("People's Republic of China" also for "People 's Republic of China")
            scored.append((2, self._candidate(span, "gazetteer", span.label_, has_sents)))
        for cand in self._hyphen_parts(doc, has_sents):
            scored.append((2, cand))
        # an ambiguous spelling is confirmed by a following title or body ("Indian officials")
        country_spans = sorted(
            (s for s in [*gaz_spans, *unconfirmed] if s.label_ in self._country_keys), key=lambda s: s.start
        )
        for cand in self._roles_and_bodies(doc, country_spans, has_sents):
            scored.append((0, cand))
        for cand in self._bare_roles(doc, has_sents):
            scored.append((0.5, cand))
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            label = "PERSON" if _is_courtesy_title(ent[0]) else ent.label_  # "Mr Blair" tagged ORG
            span = strip_span(_whole_name(ent) if label == "PERSON" else ent, person=label == "PERSON")
            if span is None or (span.start, span.end) in blocked:
                continue
            inner = [s for s in gaz_spans if s.start >= span.start and s.end <= span.end]
            first = next((s for s in gaz_spans if s.start <= span.start < s.end), None)
            if label == "ORG" and first is not None and first.label_ in self._country_keys and first.end < span.end:
                if _is_organ(doc[first.end : span.end]):
                    # "US Treasury", "the Indian Ministry of External Affairs": an organ of the state
                    body = doc[min(first.start, span.start) : span.end]
                    scored.append((0, self._candidate(body, "body", first.label_, has_sents, ner_label=label)))
                    continue
            cand = self._candidate(span, "ner", normalize(span.text), has_sents, ner_label=label)
            scored.append((1 if self._ner_wins(label, span, inner) else 3, cand))
        for span in _titled_names(doc):
            scored.append((2.5, self._candidate(span, "ner", normalize(span.text), has_sents, ner_label="PERSON")))
        for span in _office_titled_names(doc):  # only where nothing else is found
            scored.append((4, self._candidate(span, "ner", normalize(span.text), has_sents, ner_label="PERSON")))
        # precedence, then longer first, then earlier
        scored.sort(key=lambda pc: (pc[0], -(pc[1].end - pc[1].start), pc[1].start))
        taken: list[MentionCandidate] = []
        occupied: list[tuple[int, int]] = []
        for _, cand in scored:
            if any(cand.start < e and s < cand.end for s, e in occupied):
                continue
            occupied.append((cand.start, cand.end))
            taken.append(self._with_ner_label(cand, doc))
        return sorted(taken, key=lambda c: c.start)

    def _ner_wins(self, label: str, span: Span, inner: list[Span]) -> bool:
        """An NER name that contains place names but is more than them ("Bank of England", "Alliance of Sahel
        States", "Jordan Peterson") beats the gazetteer matches inside it; a list ("Mali, Burkina Faso") does not."""
        if label not in ("PERSON", "ORG", "FAC") or not inner:
            return False
        if any((s.start, s.end) == (span.start, span.end) for s in inner):
            return False
        if normalize(span.text) in self._country_keys:
            return False
        gaz = self.gazetteer
        if not all(s.label_ in self._country_keys or not gaz.lookup(s.label_) for s in inner):
            return False
        covered = {i for s in inner for i in range(s.start, s.end)}
        rest = [t for t in span if t.i not in covered]
        return any(t.is_alpha and not t.is_stop for t in rest)

    # ------------------------------------------------------------------ gazetteer matches
    def _gazetteer_spans(self, doc: Doc) -> tuple[list[Span], list[Span], set[tuple[int, int]]]:
        """Accepted matches (non-overlapping); ambiguous matches the text did not confirm; and the token ranges
        that are no actor whoever finds them (datelines, demonyms of goods and people)."""
        from spacy.tokens import Span

        spans = []
        unconfirmed = []
        blocked: set[tuple[int, int]] = set()
        for match_id, start, end in self.matcher(doc):
            key = self.vocab.strings[match_id]
            span = Span(doc, start, end, label=key)
            if not case_fits(span.text, self.gazetteer.spellings(key)):
                continue
            lookups = self.gazetteer.lookup(key)
            if _is_dateline(span, lookups) or _non_state_demonym(span, lookups) or _capital_as_place(span, lookups):
                # "MINSK, 12 April -" is where the story was filed; "Russian oil", "Chinese tourists" and
                # "talks in Beijing" name no state (docs/ANNOTATION.md section 2)
                blocked.add((start, end))
                continue
            if not lookups and _starts_a_name(span):  # "the Alliance of Sahel States" is not "the Alliance"
                continue
            if _after_prefix(doc, start):  # "post-Soviet", "pro-Russian": an adjective, not the actor
                continue
            if self.gazetteer.is_ambiguous(key) and not confirmed(span):
                unconfirmed.append(span)
                continue
            spans.append(span)
        # longest match wins; between equally long overlapping matches a plain spelling beats a context
        # alias ("the Union state": "Union state", not "the Union"), then the earlier one
        spans.sort(
            key=lambda s: (
                -len(s),
                bool(self.gazetteer.context_aliases(s.label_)) and not self.gazetteer.lookup(s.label_),
                s.start,
            )
        )
        taken: list[Span] = []
        used: set[int] = set()
        for span in spans:
            if used.isdisjoint(range(span.start, span.end)):
                taken.append(span)
                used.update(range(span.start, span.end))
        unconfirmed = [s for s in unconfirmed if used.isdisjoint(range(s.start, s.end))]
        return sorted(taken, key=lambda s: s.start), unconfirmed, blocked

    def _hyphen_parts(self, doc: Doc, has_sents: bool) -> list[MentionCandidate]:
        """A compound kept as one token ("Belarusian-Russian"): one candidate per part the gazetteer knows.

        (spaCy's English tokenizer usually splits such compounds, and the PhraseMatcher then sees each part.)
        """
        out = []
        for tok in doc:
            if "-" not in tok.text or len(tok.text) < 5:
                continue
            offset = 0
            for part in tok.text.split("-"):
                key = normalize(part)
                if part and key in self._country_keys and case_fits(part, self.gazetteer.spellings(key)):
                    start = tok.idx + offset
                    out.append(
                        MentionCandidate(
                            start=start,
                            end=start + len(part),
                            text=part,
                            kind="gazetteer",
                            key=key,
                            ner_label=tok.ent_type_ or None,
                            sent_start=tok.sent.start_char if has_sents else 0,
                        )
                    )
                offset += len(part) + 1
        return out

    # ------------------------------------------------------------------ roles and state bodies
    def _roles_and_bodies(self, doc: Doc, country_spans: list[Span], has_sents: bool) -> list[MentionCandidate]:
        out: list[MentionCandidate] = []
        for cs in country_spans:
            key = cs.label_
            before_the = cs.start > 0 and doc[cs.start - 1].lower_ == "the"
            head = cs.start - 1 if before_the else cs.start
            after = cs.end
            possessive = after < len(doc) and doc[after].text in _POSSESSIVE
            if possessive:
                after += 1
            # "the Belarusian leader", "Russia's president"
            title = self._match_words(doc, after, self._titles)
            if title and (before_the or possessive) and not self._name_follows(doc, after + len(title)):
                out.append(
                    self._span_candidate(doc, head, after + len(title), "role", key, has_sents, " ".join(title), cs)
                )
                continue
            # "the Belarusian government", "Russian authorities", "Belarus's foreign ministry"
            body = self._match_words(doc, after, self._bodies)
            if body:
                out.append(self._span_candidate(doc, head, after + len(body), "body", key, has_sents, head=cs))
                continue
            # "the President of Belarus", "the Foreign Ministry of Belarus"
            if cs.start >= 3 and doc[cs.start - 1].lower_ == "of":
                for phrases, kind in ((self._titles, "role"), (self._bodies_of, "body")):
                    for words in phrases:
                        first = cs.start - 1 - len(words)
                        if first >= 1 and doc[first - 1].lower_ == "the" and tuple(
                            t.lower_ for t in doc[first : cs.start - 1]
                        ) == words:
                            title_text = " ".join(words) if kind == "role" else None
                            out.append(
                                self._span_candidate(doc, first - 1, cs.end, kind, key, has_sents, title_text, cs)
                            )
                            break
                    else:
                        continue
                    break
        return out

    def _bare_roles(self, doc: Doc, has_sents: bool) -> list[MentionCandidate]:
        """"the prime minister", "the foreign secretary": an office with no country, named by the article.

        The resolver links it only to a person the article itself names who held that office (key ``""``).
        """
        out: list[MentionCandidate] = []
        for tok in doc:
            if tok.lower_ != "the":
                continue
            title = self._match_words(doc, tok.i + 1, self._titles)
            if not title:
                continue
            end = tok.i + 1 + len(title)
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and (nxt.lower_ in ("of", "'s", "’s", "-") or nxt.pos_ in ("NOUN", "PROPN")
                                    or self._name_follows(doc, end)):
                continue  # "the president of Belarus", "the president's office", "the prime minister Tony Blair"
            out.append(self._span_candidate(doc, tok.i, end, "role", "", has_sents, " ".join(title)))
        return out

    @staticmethod
    def _match_words(doc: Doc, i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
        window = tuple(t.lower_ for t in doc[i : i + max(map(len, phrases), default=0)])  # the words once
        for words in phrases:  # longest first
            if window[: len(words)] == words:
                return words
        return None

    @staticmethod
    def _name_follows(doc: Doc, i: int) -> bool:
        """'the French president Emmanuel Macron': the title introduces a name, the name is the mention."""
        return i < len(doc) and doc[i].ent_type_ == "PERSON"

    # ------------------------------------------------------------------ building candidates
    def _span_candidate(
        self, doc: Doc, start: int, end: int, kind: str, key: str, has_sents: bool, title: str | None = None,
        head: Span | None = None,
    ) -> MentionCandidate:
        span = doc[start:end]
        cand = self._candidate(span, kind, key, has_sents)
        extra = {"title": title}
        if head is not None:
            extra.update(head_start=head.start_char, head_end=head.end_char)
        return MentionCandidate(**{**_as_dict(cand), **extra})

    @staticmethod
    def _candidate(span: Span, kind: str, key: str, has_sents: bool, ner_label: str | None = None) -> MentionCandidate:
        return MentionCandidate(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,
            key=key,
            ner_label=ner_label,
            sent_start=span.sent.start_char if has_sents else 0,
            n_tokens=len(span),
        )

    @staticmethod
    def _with_ner_label(cand: MentionCandidate, doc: Doc) -> MentionCandidate:
        if cand.ner_label is not None:
            return cand
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        labels = [t.ent_type_ for t in span if t.ent_type_] if span is not None else []
        if not labels:
            return cand
        return MentionCandidate(**{**_as_dict(cand), "ner_label": labels[-1]})


def _as_dict(cand: MentionCandidate) -> dict:
    return {name: getattr(cand, name) for name in MentionCandidate.__slots__}


#: Prefixes that turn a country word into an adjective about something else ("post-Soviet", "anti-American").
_PREFIXES = frozenset({"post", "pre", "ex", "pro", "anti", "non", "trans"})


def _after_prefix(doc: Doc, i: int) -> bool:
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _PREFIXES and not doc[i - 2].whitespace_


def confirmed(span: Span) -> bool:
    """Does the text confirm that an ambiguous spelling ("Chad", "Jordan", "Washington") names a place?

    Not if spaCy tags it PERSON; yes if spaCy tags it a place, group or organisation, if it is an acronym
    in capitals, or if it is capitalised in mid-sentence (a capital at the start of a sentence proves nothing).
    """
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if "PERSON" in labels:
        return False
    if labels & NER_LABELS:
        return True
    if span.text.isupper() and len(span.text) >= 2:
        return True
    first = span[0]
    sentence_initial = first.is_sent_start or first.i == 0 or (first.i > 0 and first.nbor(-1).is_punct and first.nbor(-1).text in {'"', "“", "‘", "'", "(", "—", "-", ":"})
    return first.text[:1].isupper() and not sentence_initial


def _whole_name(ent: Span) -> Span:
    """A person's name spaCy cut short ("Min Aung" of "Min Aung Hlaing"): the entity with the capitalised proper
    nouns right after it that no entity covers (at most two)."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.end < 2 and doc[end - 1].whitespace_ and _name_word(doc[end]):
        end += 1
    return doc[ent.start:end] if end > ent.end else ent


def _name_word(tok: Token) -> bool:
    return (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_
            and not tok.is_sent_start)


def strip_span(span: Span, person: bool | None = None) -> Span | None:
    """Drop a leading determiner and titles and a trailing possessive: "President Lukashenko's" -> "Lukashenko".

    Titles are stripped from person names only (``person``; default: spaCy's label is PERSON).
    Returns None when nothing is left.
    """
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start + 1, end):  # "Astana International Financial Centre ( AIFC": the name ends at "("
        if doc[i].text in ("(", "["):
            end = i
            break
    is_person = person or (person is None and span.label_ == "PERSON")
    # trailing possessives and punctuation; numbers after a person's name ("J. Pooley 111" in a score table),
    # while an organisation keeps them ("Torpedo Squadron 8", "1. FC Koln")
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or (is_person and doc[end - 1].like_num)
    ):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in _DETERMINERS):
        start += 1
    if is_person:
        while start < end - 1 and _is_title(doc[start]):
            start += 1
    if start >= end:
        return None
    return doc[start:end]


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _is_organ(rest: Span) -> bool:
    """Do the words after a country name make an organ of that state ("Treasury", "State Department",
    "Ministry of External Affairs") rather than a body of its own ("Defense Contact Group")?"""
    words = [t.lower_ for t in rest if not t.is_punct]
    if not words:
        return False
    if words[-1] in ORGAN_WORDS:
        return True
    return len(words) >= 2 and words[0] in ("ministry", "department", "office") and words[1] == "of"


def _is_dateline(span: Span, candidates) -> bool:
    """An upper-case capital at the start of a line, followed by a comma or dash: a dateline."""
    if not span.text.isupper() or len(span.text) < 3 or not candidates:
        return False
    if any(c.method != "metonym" for c in candidates):  # "NATO, for its part, ..." starts a line too
        return False
    doc = span.doc
    start_of_line = span.start_char == 0 or doc.text[: span.start_char].rstrip(" \t").endswith("\n")
    following = doc[span.end].text if span.end < len(doc) else ""
    return start_of_line and following in {",", "-", "—", "–", "("}


#: Prepositions after which a capital is a place ("talks in Beijing"), not its government.
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near", "outside", "around", "inside", "across", "via", "within"})


#: Nouns whose "in <capital>" names the body's seat ("the government in Cairo").
SEAT_NOUNS: frozenset[str] = frozenset({"government", "authorities", "officials", "leadership", "regime", "administration"})


def _capital_as_place(span: Span, candidates) -> bool:
    """A capital after a locative preposition ("talks in Beijing", "an analyst in Yerevan") is a place."""
    if not candidates or any(c.method != "metonym" for c in candidates):
        return False
    root = span.root
    if not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS and root.head.i == span.start - 1):
        return False
    # "the government in Cairo", "NATO officials in Brussels": the seat of a body, which stands for it
    return root.head.head.lower_ not in SEAT_NOUNS


def _starts_a_name(span: Span) -> bool:
    """A generic alias followed by "of" and a capitalised word begins a longer proper name."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].text[:1].isupper()


def _non_state_demonym(span: Span, candidates) -> bool:
    """A demonym modifying people, firms, goods or places ("Russian oil", "Chinese tourists", "the Israeli
    city of Tel Aviv") names no state (docs/ANNOTATION.md section 2)."""
    if not candidates or any(c.method != "demonym" for c in candidates):
        return False
    head = span.root.head
    if span.root.dep_ not in ("amod", "compound", "nmod") or head.i < span.end:
        return False
    if any(c.lower_ in STATE_RUN for c in head.children if c.dep_ in ("compound", "amod") and c.i > span.root.i):
        return False  # "Chinese state media", "the Russian state-owned firm": the state's own voice or holding
    return head.lemma_.lower() in NON_STATE_HEADS or head.lower_ in NON_STATE_HEADS


def _is_courtesy_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in COURTESY_TITLES and token.text[:1].isupper()


def _titled_names(doc: Doc) -> list[Span]:
    """Names after a courtesy title ("Mr Straw", "Ms Kaval"): the capitalised words that follow it."""
    out = []
    for tok in doc:
        if not _is_courtesy_title(tok):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 5:
            if doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            elif (doc[end].text == "-" and end + 1 < len(doc) and not doc[end].whitespace_
                  and not doc[end - 1].whitespace_ and doc[end + 1].text[:1].isupper()):
                end += 2  # "Mr Kilroy-Silk": a hyphenated surname is one name
            else:
                break
        if end > tok.i + 1:
            out.append(doc[tok.i + 1 : end])
    return out


#: Capitalised office titles after which two or three capitalised words that spaCy left untagged are a person's
#: name ("National Security Adviser Ajit Doval").
OFFICE_TITLE_NOUNS: frozenset[str] = frozenset(
    """president minister adviser advisor secretary chancellor premier ambassador envoy spokesman spokeswoman
    chairman chairwoman governor senator commissioner director chief general""".split()
)


def _office_titled_names(doc: Doc) -> list[Span]:
    """A first name and surname after a capitalised office title that spaCy's NER missed ("National Security
    Adviser Ajit Doval"): two or three capitalised words, none tagged, none a title, and no capitalised word after."""
    out = []
    for tok in doc:
        if tok.lower_ not in OFFICE_TITLE_NOUNS or not tok.text[:1].isupper():
            continue
        end = tok.i + 1
        while (end < len(doc) and end - tok.i <= 3 and doc[end].is_alpha and doc[end].is_title
               and not doc[end].ent_type_ and doc[end].lower_ not in TITLE_WORDS):
            end += 1
        if end - tok.i - 1 >= 2 and (end == len(doc) or not doc[end].text[:1].isupper()):
            out.append(doc[tok.i + 1 : end])
    return out


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]+$")


def case_fits(text: str, spellings: frozenset[str] | set[str]) -> bool:
    """Does the capitalisation of ``text`` fit one of the gazetteer's spellings of it?

    An acronym ("US", "WHO") needs upper case ("Nato"-style title case is accepted from four letters);
    a capitalised single word needs a capital ("Chad", not "chad"); in a multi-word name the first
    capitalised word must be capitalised ("the Alliance", not "the alliance"; "Eurasian economic Union"
    is fine).
    """
    words = text.split()
    for spelling in spellings:
        sw = spelling.split()
        if len(sw) != len(words):
            if not spelling[:1].isupper() or text[:1].isupper():
                return True
            continue
        if _fits_words(words, sw):
            return True
    return False


def _fits_words(words: list[str], spelling: list[str]) -> bool:
    seen_capital = False
    for word, form in zip(words, spelling):
        if _ACRONYM.match(form) and len(form) >= 2:
            if not (word.isupper() or (len(form) >= 4 and word.istitle())):
                return False
            seen_capital = True
        elif form[:1].isupper() and not seen_capital:
            if not word[:1].isupper():
                return False
            seen_capital = True
    return True
