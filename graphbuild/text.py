"""Small text helpers shared by the stages."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Return ``text`` NFKD-folded to ASCII and lower-cased ("Lukashenka’s" -> "lukashenka's")."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def slugify(text: str) -> str:
    """Return a stable, IRI-safe slug: ``"Andrei Porotnikov"`` -> ``"andrei-porotnikov"``.

    Never empty: a name with no ASCII letters or digits becomes ``"x-<hex of its UTF-8>"``.
    """
    slug = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if not slug:
        slug = "x-" + text.encode("utf-8").hex()[:32]
    return slug[:80].rstrip("-")
