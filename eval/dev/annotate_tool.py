"""Offsets helper for the dev gold: find surface strings and sentences in a file, never count by hand.

The gold stores character offsets into a file's text exactly as read with UTF-8 (``newline=""``: no
newline translation; for Markdown files the offsets include the front matter). This module finds those
offsets from surface strings and sentence numbers, so annotations of the BBC articles and the founding
article can be written without copying their text into the repository.

Command line (for annotators)::

    python eval/dev/annotate_tool.py sentences examples/corpus/belarus-balance.txt
    python eval/dev/annotate_tool.py find ../shared/corpus/bbc/bbc_politics_386.txt Straw China
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

#: The repository root; ``doc`` fields in the gold are relative to it.
REPO = Path(__file__).resolve().parents[2]

# A sentence ends at ., ! or ? (optionally followed by closing quotes/brackets) when whitespace and
# an upper-case letter, digit or opening quote follow.  Line breaks always end a sentence.
_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
# Words whose trailing full stop does not end a sentence ("S. Jaishankar", "Mr. X", "U.S. officials").
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bNo|\bGen|\bJr|\bU\.S|\be\.g|\bi\.e)\.$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


def read_text(doc: str) -> str:
    """Return the text of ``doc`` (a path relative to the repository root) exactly as stored."""
    with open(REPO / doc, encoding="utf-8", newline="") as handle:
        return handle.read()


def body_start(text: str) -> int:
    """Return where the body starts: the length of Markdown front matter, or 0 without one."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans (start, end), whitespace trimmed; front matter is skipped."""
    spans: list[tuple[int, int]] = []
    offset = body_start(text)
    for line in re.finditer(r"[^\n]+", text[offset:]):
        base = offset + line.start()
        start = 0
        chunk = line.group(0)
        for match in _SENT_END.finditer(chunk):
            if _ABBREV.search(chunk[: match.start() + 1]):
                continue
            spans.append((base + start, base + match.end()))
            start = match.end()
        spans.append((base + start, base + len(chunk)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_containing(text: str, anchor: str, occurrence: int = 0) -> tuple[int, int]:
    """Return the span of the sentence holding the ``occurrence``-th match of ``anchor``."""
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if len(hits) <= occurrence:
        raise KeyError(f"anchor {anchor!r} occurs {len(hits)} times, wanted occurrence {occurrence}")
    pos = hits[occurrence]
    for start, end in sentence_spans(text):
        if start <= pos < end:
            return start, end
    raise KeyError(f"anchor {anchor!r} is outside every sentence")


def find_spans(text: str, surface: str) -> list[tuple[int, int]]:
    """Return every whole-word, case-sensitive occurrence of ``surface`` in ``text``."""
    pattern = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def entity_type(entity_id: str) -> str:
    """Map an entity id prefix to the actor type (Country, Organization, Person)."""
    prefix = entity_id.split("/", 1)[0]
    return {"country": "Country", "org": "Organization", "person": "Person"}[prefix]


def find_mentions(
    text: str,
    surfaces: Mapping[str, str],
    skip: Mapping[str, Iterable[int | str]] | None = None,
) -> list[tuple[int, int, str]]:
    """Find mentions of the given surface strings, longest surface first, never overlapping.

    Args:
        text: The file's text.
        surfaces: surface string -> entity id.
        skip: surface string -> which of its non-overlapping hits are not mentions of the actor
            (e.g. "Chinese" in "Chinese tourists"): an int is a 0-based index in text order; a str
            skips every hit that the text right after it starts with (" tourists").

    Returns:
        (start, end, entity_id) triples sorted by start.
    """
    skip = skip or {}
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        hits = [(s, e) for s, e in find_spans(text, surface) if not _overlaps(s, e, taken)]
        taken.extend(hits)
        rules = list(skip.get(surface, ()))
        found.extend(
            (s, e, surfaces[surface]) for i, (s, e) in enumerate(hits) if not _skipped(text, i, e, rules)
        )
    for surface in skip:
        if surface not in surfaces:
            raise KeyError(f"skip names {surface!r}, which is not among the surfaces")
    return sorted(found)


def _skipped(text: str, index: int, end: int, rules: Sequence[int | str]) -> bool:
    return any(rule == index if isinstance(rule, int) else text.startswith(rule, end) for rule in rules)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "sentences":
        text = read_text(argv[1])
        for i, (s, e) in enumerate(sentence_spans(text)):
            print(f"[{i}] {s}-{e}: {text[s:e]}")
        return 0
    if len(argv) >= 3 and argv[0] == "find":
        text = read_text(argv[1])
        for surface in argv[2:]:
            for i, (s, e) in enumerate(find_spans(text, surface)):
                print(f"{surface}#{i} {s}-{e}: ...{text[max(0, s - 40):e + 40]!r}...")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
