"""Table lookups standing in for the slowest per-token Python in spaCy's English pipelines.

Measured on 100 BBC articles (49,500 tokens; docs/PERFORMANCE.md): the attribute ruler's Matcher took 3.4 s
and the rule lemmatizer 1.8 s, together about a fifth of ``nlp.pipe``; with these, 1.0 s and 0.14 s. Both give
exactly spaCy's results (tests/test_lookups.py compares them token by token):

* :class:`AttributeLookup` answers most attribute-ruler patterns from tables; the ruler applies the matches
  itself, so only *which* patterns match is computed here;
* :class:`LemmaMemo` remembers the rule lemmatizer's answer per (word, part of speech, morphology), the only
  things it reads, and writes lemmas through arrays instead of one Token object per word; its index of known
  lemmas becomes sets (:func:`index_as_sets`), so a word seen for the first time costs no list scans.

:func:`speed_up` installs both on a loaded pipeline (:func:`graphbuild.nlp.pipeline.load_pipeline` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def speed_up(nlp: "Language") -> None:
    """Install :class:`AttributeLookup` and :class:`LemmaMemo` where ``nlp`` has the components they serve."""
    if "attribute_ruler" in nlp.pipe_names:
        AttributeLookup.install(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        LemmaMemo.install(nlp.get_pipe("lemmatizer"))


class AttributeLookup:
    """The attribute ruler's matching, with one-token patterns answered by table lookups.

    spaCy's AttributeRuler runs a Matcher with all its patterns (179 in en_core_web_sm, most of them "this tag",
    "this lower-case word with this tag"), about 30 microseconds a token. Here a one-token pattern over TAG,
    LOWER, DEP or IS_SPACE whose values are plain, ``IN`` or ``NOT_IN`` (with at least one plain or ``IN`` value)
    is looked up in a table keyed by its plain and ``IN`` values, then checked against its ``NOT_IN`` sets; the
    rest (regular expressions, several tokens) stay with a Matcher of their own. :meth:`match` returns what
    ``AttributeRuler.match`` returns (matches sorted by rule, then position), so the ruler's own
    ``set_annotations`` applies them unchanged (tests/test_lookups.py compares the two).
    """

    ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, ruler) -> None:
        import numpy
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        #: key columns -> {their values -> [(rule number, match id, ((column, excluded values), ...))]}
        self.tables: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, int, tuple]]]] = {}
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if not self._add(number, pattern):
                    self.rest.add(str(number), [pattern])
        self._firsts = [numpy.array(sorted({values[0] for values in table}), dtype="uint64")
                        for table in self.tables.values()]

    def _add(self, number: int, pattern: list[dict]) -> bool:
        """Put a one-token pattern into the tables; False if it is not of a kind they answer."""
        from itertools import product

        from spacy.strings import get_string_id

        if len(pattern) != 1:
            return False
        keys: dict[int, list[int]] = {}
        excluded: list[tuple[int, frozenset[int]]] = []
        for name, value in pattern[0].items():
            if name.upper() not in self.ATTRS:
                return False
            column = self.ATTRS.index(name.upper())
            if isinstance(value, bool) or (isinstance(value, str) and value):
                keys[column] = [int(value) if isinstance(value, bool) else get_string_id(value)]
            elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                    and all(isinstance(v, str) for v in next(iter(value.values()))):
                ((op, items),) = value.items()
                ids = [get_string_id(v) for v in items]
                if op == "IN":
                    keys[column] = ids
                else:
                    excluded.append((column, frozenset(ids)))
            else:
                return False
        if not keys:
            return False
        columns = tuple(sorted(keys))
        table = self.tables.setdefault(columns, {})
        for values in product(*(keys[c] for c in columns)):
            table.setdefault(values, []).append((number, get_string_id(str(number)), tuple(excluded)))
        return True

    @classmethod
    def install(cls, ruler) -> None:
        """Make ``ruler`` match through an AttributeLookup (its patterns and results stay the same)."""
        if not isinstance(getattr(ruler, "match", None), cls):
            ruler.match = cls(ruler)

    def __call__(self, doc: "Doc") -> list[tuple[int, int, int, int]]:
        """``(rule number, match id, start, end)`` for every pattern matching in ``doc``, sorted."""
        from spacy.attrs import IDS

        matches = [(int(self.strings[m]), m, s, e) for m, s, e in self.rest(doc, allow_missing=True)]
        if len(doc):
            import numpy

            array = doc.to_array([IDS[name] for name in self.ATTRS]).reshape(len(doc), len(self.ATTRS))
            rows = array.tolist()
            for (columns, table), firsts in zip(self.tables.items(), self._firsts):
                # only the tokens whose first key value some pattern has
                (where,) = numpy.nonzero(numpy.isin(array[:, columns[0]], firsts))
                for i, values in zip(where.tolist(), map(tuple, array[where][:, columns].tolist())):
                    for number, match_id, excluded in table.get(values, ()):
                        if all(rows[i][c] not in ids for c, ids in excluded):
                            matches.append((number, match_id, i, i + 1))
        matches.sort()
        return matches


def index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's word index (known lemmas per part of speech) frozensets instead of lists.

    ``rule_lemmatize`` asks ``form in index`` for every suffix rule that applies; on lists of up to 57,528 nouns
    that is a linear scan, about 0.2 ms a word, and the largest part of the lemmatizer's time on words it meets
    for the first time. Membership is all it asks, so a set gives the same lemmas.
    """
    index = lemmatizer.lookups.get_table("lemma_index", None) if lemmatizer.lookups.has_table("lemma_index") else None
    for key, words in list((index or {}).items()):
        if isinstance(words, list):
            index[key] = frozenset(words)


class LemmaMemo:
    """The rule lemmatizer over a whole Doc at once, remembering each (ORTH, POS, MORPH)'s lemma.

    spaCy's ``Lemmatizer.__call__`` builds a Token per word and, for base forms, a morphology dict, and caches
    only some answers. ``rule_lemmatize`` reads nothing but the word, its part of speech and its morphology, so
    its first answer for a combination is the answer for all of them. Only words without a lemma get one (the
    attribute ruler sets some), as in spaCy. Installed as the component's ``pipe``, which ``nlp.pipe`` calls;
    ``nlp(text)`` runs the original ``__call__``, with the same result.
    """

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    @classmethod
    def install(cls, lemmatizer) -> None:
        """Make ``lemmatizer.pipe`` a LemmaMemo's (only for rule lemmatizers that keep existing lemmas)."""
        if getattr(lemmatizer, "mode", None) == "rule" and not lemmatizer.overwrite \
                and not isinstance(getattr(lemmatizer, "pipe", None), cls):
            lemmatizer.pipe = cls(lemmatizer)
            index_as_sets(lemmatizer)

    def __call__(self, docs: Iterable["Doc"], batch_size: int | None = None, **_: object) -> Iterator["Doc"]:
        for doc in docs:
            yield self.lemmatize(doc)

    def lemmatize(self, doc: "Doc") -> "Doc":
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        strings, memo, lemmatize = doc.vocab.strings, self.memo, self.lemmatizer.lemmatize
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                found = memo.get((orth, pos, morph))
                if found is None:
                    found = memo[(orth, pos, morph)] = strings.add(lemmatize(doc[i])[0])
                lemmas[i] = found
        return doc.from_array([LEMMA], lemmas)
