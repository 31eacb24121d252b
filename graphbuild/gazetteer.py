"""Gazetteer data (``ontologies/gazetteer/*.jsonl`` plus user extensions) -> lookup tables.

The gazetteer is data, not code: one actor per JSON line (format in docs/ARCHITECTURE.md).
Files are read in a fixed order -- generated files first (``countries.jsonl``,
``organizations.jsonl``, then any other non-curated file, by name), then ``curated_*.jsonl``
(by name), then the user's extension files in the order given.  A later record with the same
``id`` is merged into the earlier one: lists are extended (without duplicates), scalars are
overridden.  So an analyst corrects an actor by adding a line with its id and the changed fields.

Example:
    >>> gaz = Gazetteer.load()
    >>> gaz.get("country/BLR").label
    'Belarus'
    >>> [c.method for c in gaz.lookup("Minsk")]
    ['metonym']
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphbuild import resources
from graphbuild.errors import GazetteerError
from graphbuild.model import ACTOR_TYPES, Entity
from graphbuild.text import fold

#: Where the shipped data lives (installed with the package; graphbuild.resources).
DEFAULT_DATA_DIR = resources.data_path(resources.GAZETTEER)

#: Files written by scripts/build_gazetteer.py; read before every other file.
GENERATED_FILES: tuple[str, ...] = ("countries.jsonl", "organizations.jsonl")

#: Files compiled from the PETRARCH2 dictionaries by scripts/compile_petrarch.py: the ``petrarch`` layer, read
#: after the generated files and before the curated ones (so curated records win on merge).
COMPILED_PREFIX = "petrarch_"
#: Environment variable naming the layers to load (``curated`` alone leaves the compiled files out; default:
#: ``petrarch,curated``), so that each layer can be measured.

#: Preference between lookup methods when one surface form names several actors.
METHOD_RANK: dict[str, int] = {"exact": 0, "alias": 1, "metonym": 2, "demonym": 3}

_ID_RE = re.compile(r"^(country|org|person)/[A-Za-z0-9][A-Za-z0-9._-]*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_ISO2_RE = re.compile(r"^[A-Z]{2}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE_RE = re.compile(r"\s+")

_STR_LIST_KEYS = ("names", "aliases", "demonyms", "metonyms", "ambiguous_names", "members", "sources")
_SCALAR_STR_KEYS = ("label", "type", "qid", "iso3", "iso2", "cameo", "note", "notes", "description", "kind")
_KNOWN_KEYS = frozenset(("id", "context_aliases", "offices", *_STR_LIST_KEYS, *_SCALAR_STR_KEYS))


def normalize(text: str) -> str:
    """Return the lookup key of a surface form: folded to ASCII, lower-case, single-spaced.

    Curly apostrophes become straight ones and a trailing possessive is kept (callers strip it).

    >>> normalize("  Lukashenka’s\\n")
    "lukashenka's"
    """
    return _SPACE_RE.sub(" ", fold(text)).strip()


#: Name suffixes that are not the surname ("Ferdinand Marcos Jr").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_tokens(name: str) -> tuple[str, ...]:
    """A person name as folded words without suffixes: "Ferdinand Marcos Jr." -> ("ferdinand", "marcos")."""
    tokens = normalize(name).replace(",", " ").split()
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One actor a surface form may name, and how (``exact``, ``alias``, ``metonym``, ``demonym``)."""

    entity_id: str
    method: str


@dataclass(frozen=True, slots=True)
class ContextAlias:
    """A surface form that names ``entity_id`` only where the document contains one of ``requires_any``."""

    alias: str
    entity_id: str
    requires_any: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Office:
    """A dated office: ``holder`` held ``role`` of ``country_id`` from ``start`` to ``end`` (inclusive, ISO dates)."""

    country_id: str
    role: str
    titles: tuple[str, ...]
    holder: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class PersonName:
    """A multi-word name of a gazetteer person, split into folded tokens (for fuzzy matching)."""

    entity_id: str
    tokens: tuple[str, ...]


class Gazetteer:
    """Actors and the lookup tables built from them.  Build with :meth:`load`."""

    def __init__(self, records: dict[str, dict[str, Any]], version: str, files: Sequence[Path] = ()) -> None:
        self.version: str = version
        self.files: tuple[Path, ...] = tuple(files)
        self._records = records
        self._entities: dict[str, Entity] = {}
        self._surface: dict[str, list[Candidate]] = defaultdict(list)
        self._forms: dict[str, set[str]] = defaultdict(set)  # key -> original spellings
        self._context: dict[str, list[ContextAlias]] = defaultdict(list)
        self._offices: dict[str, list[Office]] = defaultdict(list)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._person_names: list[PersonName] = []
        self._titles: set[str] = set()
        self._ambiguous: set[str] = set()
        for rec in records.values():
            self._index(rec)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extensions: Sequence[str | Path] = (), data_dir: str | Path | None = None,
             compiled: bool = True) -> Gazetteer:
        """Read every gazetteer file, then ``extensions`` in order, and build the lookup tables.

        Args:
            extensions: Extra JSONL files of the same shape (from config ``gazetteer_extensions``).
            data_dir: The directory of shipped data; default: the gazetteer installed with the package.
            compiled: Read the compiled ``petrarch_*.jsonl`` files (setting ``compiled_persons``).

        Raises:
            GazetteerError: A file is missing or a line is malformed (the message names file:line).
        """
        directory = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
        if not directory.is_dir():
            raise GazetteerError(f"{directory}: gazetteer data directory not found")
        files = data_files(directory, compiled=compiled)
        for ext in extensions:
            path = Path(ext)
            if not path.is_file():
                raise GazetteerError(f"{path}: gazetteer extension file not found")
            files.append(path)
        digest = hashlib.sha256()
        records: dict[str, dict[str, Any]] = {}
        origin: dict[str, str] = {}
        for path in files:
            data = path.read_bytes()
            digest.update(path.name.encode("utf-8") + b"\0" + data + b"\0")
            for lineno, rec in _parse_file(path, data):
                where = f"{path}:{lineno}"
                if rec["id"] in records:
                    _merge(records[rec["id"]], rec)
                else:
                    records[rec["id"]] = rec
                    origin[rec["id"]] = where
        for entity_id, rec in records.items():
            for key in ("label", "type"):
                if not rec.get(key):
                    raise GazetteerError(f"{origin[entity_id]}: record {entity_id!r} has no {key!r} (after merging)")
        return cls(records, digest.hexdigest(), files)

    # ------------------------------------------------------------------ indexing
    def _index(self, rec: dict[str, Any]) -> None:
        eid = rec["id"]
        label = rec["label"]
        names = _unique([*rec.get("names", []), *rec.get("aliases", [])])
        self._entities[eid] = Entity(
            id=eid,
            label=label,
            type=rec["type"],
            qid=rec.get("qid"),
            iso3=rec.get("iso3"),
            aliases=tuple(n for n in names if n != label),
        )
        self._add(label, eid, "exact")
        for name in names:
            self._add(name, eid, "alias")
        for name in rec.get("metonyms", []):
            self._add(name, eid, "metonym")
        for name in rec.get("demonyms", []):
            self._add(name, eid, "demonym")
        self._ambiguous.update(normalize(n) for n in rec.get("ambiguous_names", []))
        for ctx in rec.get("context_aliases", []):
            alias = ContextAlias(ctx["alias"], eid, tuple(ctx.get("requires_any", ())))
            self._context[normalize(alias.alias)].append(alias)
            self._forms[normalize(alias.alias)].add(alias.alias)
        for off in rec.get("offices", []):
            office = Office(
                country_id=eid,
                role=off["role"],
                titles=tuple(normalize(t) for t in off.get("titles", [])),
                holder=off["holder"],
                start=off.get("start"),
                end=off.get("end"),
            )
            self._offices[eid].append(office)
            self._titles.update(office.titles)
        if rec["type"] == "Person":
            for name in [label, *names]:
                tokens = name_tokens(name)
                if len(tokens) >= 2:
                    self._person_names.append(PersonName(eid, tokens))
                    self._surnames[tokens[-1]].add(eid)

    def _add(self, form: str, eid: str, method: str) -> None:
        key = normalize(form)
        if not key:
            return
        self._forms[key].add(form)
        cands = self._surface[key]
        for i, cand in enumerate(cands):
            if cand.entity_id == eid:
                if METHOD_RANK[method] < METHOD_RANK[cand.method]:
                    cands[i] = Candidate(eid, method)
                return
        cands.append(Candidate(eid, method))

    # ------------------------------------------------------------------ queries
    def get(self, entity_id: str) -> Entity | None:
        """Return the actor with this id, or None."""
        return self._entities.get(entity_id)

    def entities(self) -> Iterator[Entity]:
        """Every actor, in file order."""
        return iter(self._entities.values())

    def record(self, entity_id: str) -> dict[str, Any] | None:
        """The merged raw record (members, offices, sources ...) of an actor, or None."""
        return self._records.get(entity_id)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def lookup(self, surface: str) -> tuple[Candidate, ...]:
        """Candidates for a surface form (exact/alias/metonym/demonym), best method first."""
        cands = self._surface.get(normalize(surface), ())
        return tuple(sorted(cands, key=lambda c: METHOD_RANK[c.method]))

    def prominence(self, entity_id: str) -> int:
        """How much the data says about an actor (listed spellings + offices + members): a tie-breaker
        between a state and a territory that copied its demonym ("French": France, French Southern Territories)."""
        rec = self._records.get(entity_id) or {}
        return sum(len(rec.get(k, ())) for k in ("names", "aliases", "demonyms", "metonyms", "offices", "members"))

    def is_ambiguous(self, surface: str) -> bool:
        """Is this spelling listed in some record's ``ambiguous_names`` (a common word or person name too:
        "Chad", "Jordan", "Washington")?  Such a match needs confirmation from the text before it is linked."""
        return normalize(surface) in self._ambiguous

    def context_aliases(self, surface: str) -> tuple[ContextAlias, ...]:
        """Context-dependent readings of a surface form ("the Alliance" -> NATO if NATO is named)."""
        return tuple(self._context.get(normalize(surface), ()))

    def surface_forms(self) -> Iterator[str]:
        """Every spelling the gazetteer lists (names, aliases, demonyms, metonyms, context aliases)."""
        for forms in self._forms.values():
            yield from sorted(forms)

    def spellings(self, key: str) -> frozenset[str]:
        """The original spellings behind a lookup key (used to check capitalisation of a match)."""
        return frozenset(self._forms.get(key, ()))

    @property
    def office_titles(self) -> frozenset[str]:
        """Every office title (folded), e.g. ``president``, ``prime minister``, ``head of state``."""
        return frozenset(self._titles)

    def offices(self, country_id: str) -> tuple[Office, ...]:
        """The dated offices of a country."""
        return tuple(self._offices.get(country_id, ()))

    def office_holder(self, country_id: str, title: str, date: str | _dt.date | None = None) -> str | None:
        """The person holding the office called ``title`` in ``country_id`` on ``date`` (default today).

        Returns None when nobody is recorded, or when the title fits two different offices held by
        different people on that date (an ambiguous role stays unresolved).
        """
        day = _as_date(date)
        wanted = normalize(title)
        current = [
            o
            for o in self._offices.get(country_id, ())
            if wanted in o.titles and (o.start is None or o.start <= day) and (o.end is None or day <= o.end)
        ]
        if not current:
            return None
        by_role: dict[str, Office] = {}
        for office in current:  # on a handover day the later start wins
            best = by_role.get(office.role)
            if best is None or (office.start or "") > (best.start or ""):
                by_role[office.role] = office
        holders = {o.holder for o in by_role.values()}
        return holders.pop() if len(holders) == 1 else None

    def holders_titled(self, title: str, date: str | _dt.date | None = None) -> frozenset[str]:
        """Everyone recorded as holding an office called ``title`` in any country (on ``date`` if given)."""
        wanted = normalize(title)
        day = _as_date(date) if date is not None else None
        return frozenset(
            o.holder for offices in self._offices.values() for o in offices
            if wanted in o.titles and (day is None or ((o.start is None or o.start <= day) and (o.end is None or day <= o.end)))
        )

    def holders_of(self, country_id: str, title: str) -> frozenset[str]:
        """Everyone recorded as holding the office called ``title`` in ``country_id``, at any time."""
        wanted = normalize(title)
        return frozenset(o.holder for o in self._offices.get(country_id, ()) if wanted in o.titles)

    def holders_between(self, country_id: str | None, title: str, start: str, end: str) -> frozenset[str]:
        """Everyone recorded as holding the office called ``title`` in ``country_id`` (None: any country) on
        some day from ``start`` to ``end`` (ISO dates, inclusive)."""
        wanted = normalize(title)
        pools = [self._offices.get(country_id, ())] if country_id is not None else self._offices.values()
        return frozenset(o.holder for offices in pools for o in offices if wanted in o.titles
                         and (o.start is None or o.start <= end) and (o.end is None or start <= o.end))

    def role_holder(self, country_id: str, role: str, date: str | _dt.date | None = None) -> str | None:
        """The person holding ``role`` (``head_of_state``, ``head_of_government`` ...) of a country on ``date``."""
        day = _as_date(date)
        current = [
            o
            for o in self._offices.get(country_id, ())
            if o.role == role and (o.start is None or o.start <= day) and (o.end is None or day <= o.end)
        ]
        if not current:
            return None
        return max(current, key=lambda o: o.start or "").holder

    def offices_held(self, person_id: str) -> tuple[Office, ...]:
        """Every recorded office of a person (for ``leaderOf`` facts)."""
        return tuple(o for offices in self._offices.values() for o in offices if o.holder == person_id)

    def persons_with_surname(self, surname: str) -> frozenset[str]:
        """Gazetteer persons one of whose multi-word names ends in ``surname``."""
        return frozenset(self._surnames.get(normalize(surname), ()))

    def person_names(self) -> tuple[PersonName, ...]:
        """Every multi-word person name, tokenised and folded."""
        return tuple(self._person_names)


# ---------------------------------------------------------------------- helpers
def data_files(directory: Path, compiled: bool = True) -> list[Path]:
    """The shipped data files in load order: generated, other non-curated (the compiled ``petrarch_*`` among
    them, unless ``compiled`` is False), then curated_*."""
    all_files = sorted(p for p in directory.glob("*.jsonl") if p.is_file()
                       and (compiled or not p.name.startswith(COMPILED_PREFIX)))
    generated = [directory / n for n in GENERATED_FILES if (directory / n).is_file()]
    curated = [p for p in all_files if p.name.startswith("curated_")]
    other = [p for p in all_files if p not in generated and p not in curated]
    return generated + other + curated


def _as_date(date: str | _dt.date | None) -> str:
    if date is None:
        return _dt.date.today().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    return str(date)[:10]


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    keys: set[str] = set()
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key not in keys:
            keys.add(key)
            seen.append(item)
    return seen


def _merge(into: dict[str, Any], rec: dict[str, Any]) -> None:
    for key, value in rec.items():
        if isinstance(value, list):
            into[key] = _unique([*into.get(key, []), *value])
        elif value is not None or key not in into:
            into[key] = value


def _parse_file(path: Path, data: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        problem = validate_record(rec)
        if problem:
            raise GazetteerError(f"{path}:{lineno}: {problem}")
        yield lineno, rec


def validate_record(rec: Any) -> str | None:
    """Return what is wrong with one gazetteer record, or None if it is well-formed.

    Only ``id`` is required on every line (a later line may correct one field of an earlier
    record); ``label`` and ``type`` are checked after merging.
    """
    if not isinstance(rec, dict):
        return f"expected a JSON object, got {type(rec).__name__}"
    eid = rec.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        return f"bad or missing 'id' {eid!r}: expected 'country/<ISO3>', 'org/<slug>' or 'person/<slug>'"
    unknown = sorted(set(rec) - _KNOWN_KEYS)
    if unknown:
        return f"{eid}: unknown field(s) {', '.join(unknown)}; expected some of {', '.join(sorted(_KNOWN_KEYS))}"
    for key in _SCALAR_STR_KEYS:
        if key in rec and rec[key] is not None and not isinstance(rec[key], str):
            return f"{eid}: {key!r} must be a string or null, got {rec[key]!r}"
    if "label" in rec and not (rec["label"] or "").strip():
        return f"{eid}: 'label' is empty"
    if "type" in rec and rec["type"] not in ACTOR_TYPES:
        return f"{eid}: 'type' {rec['type']!r} is not one of {', '.join(ACTOR_TYPES)}"
    if rec.get("qid") is not None and not _QID_RE.match(rec["qid"]):
        return f"{eid}: 'qid' {rec['qid']!r} is not a Wikidata id like 'Q184'"
    if rec.get("iso3") is not None and not _ISO3_RE.match(rec["iso3"]):
        return f"{eid}: 'iso3' {rec['iso3']!r} is not three upper-case letters"
    if rec.get("iso2") is not None and not _ISO2_RE.match(rec["iso2"]):
        return f"{eid}: 'iso2' {rec['iso2']!r} is not two upper-case letters"
    for key in _STR_LIST_KEYS:
        if key in rec and not (isinstance(rec[key], list) and all(isinstance(x, str) and x.strip() for x in rec[key])):
            return f"{eid}: {key!r} must be a list of non-empty strings"
    contexts = rec.get("context_aliases", [])
    if not isinstance(contexts, list):
        return f"{eid}: 'context_aliases' must be a list"
    for i, ctx in enumerate(contexts):
        if not (
            isinstance(ctx, dict)
            and isinstance(ctx.get("alias"), str)
            and ctx["alias"].strip()
            and isinstance(ctx.get("requires_any"), list)
            and ctx["requires_any"]
            and all(isinstance(x, str) and x.strip() for x in ctx["requires_any"])
        ):
            return f"{eid}: context_aliases[{i}] must be {{'alias': str, 'requires_any': [str, ...]}}"
    offices = rec.get("offices", [])
    if not isinstance(offices, list):
        return f"{eid}: 'offices' must be a list"
    for i, off in enumerate(offices):
        if not isinstance(off, dict):
            return f"{eid}: offices[{i}] must be an object"
        if not isinstance(off.get("role"), str) or not off["role"]:
            return f"{eid}: offices[{i}] has no 'role'"
        titles = off.get("titles")
        if not (isinstance(titles, list) and titles and all(isinstance(t, str) and t.strip() for t in titles)):
            return f"{eid}: offices[{i}].titles must be a non-empty list of strings"
        holder = off.get("holder")
        if not isinstance(holder, str) or not _ID_RE.match(holder) or not holder.startswith("person/"):
            return f"{eid}: offices[{i}].holder {holder!r} must be a 'person/<slug>' id"
        for key in ("start", "end"):
            value = off.get(key)
            if value is not None and not (isinstance(value, str) and _DATE_RE.match(value)):
                return f"{eid}: offices[{i}].{key} {value!r} must be a YYYY-MM-DD date or null"
        if off.get("start") and off.get("end") and off["end"] < off["start"]:
            return f"{eid}: offices[{i}] ends ({off['end']}) before it starts ({off['start']})"
    return None
