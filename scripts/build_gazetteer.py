#!/usr/bin/env python3
"""Generate ontologies/gazetteer/countries.jsonl and organizations.jsonl from ../shared/reference.

Usage::

    python scripts/build_gazetteer.py [--shared ../shared] [--out ontologies/gazetteer]

Inputs (all under ``<shared>/reference``): countries.csv, country_aliases.jsonl, organizations.csv,
memberships.tsv, cameo_countries.tsv, cameo_international_actors.tsv, countryinfo_parsed.json.
The output is deterministic: records sorted by id, lists de-duplicated in a stable order, keys in a fixed
order, one JSON object per line (UTF-8, no ASCII escaping).  The record format is documented in
docs/ARCHITECTURE.md ("Gazetteer data") and ontologies/gazetteer/README.md.

Only the standard library is used, so the script runs without the project installed.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Key order of every written record (absent keys are skipped).
KEY_ORDER = (
    "id", "type", "label", "qid", "iso3", "iso2", "names", "aliases", "demonyms", "metonyms",
    "context_aliases", "ambiguous_names", "offices", "members", "cameo", "sources", "notes",
)

#: Names that are also common English words or person names in English news.  They are kept (dropping
#: "Chad" or "Jordan" would lose the country) but listed in ``ambiguous_names`` so the resolver can ask for
#: confirmation (NER label GPE/LOC, a capital letter mid-sentence, context) before linking them.
AMBIGUOUS_WORDS = frozenset(
    w.casefold()
    for w in (
        # country / territory names that are common words or person names
        "Chad", "Jordan", "Turkey", "China", "Guinea", "Jersey", "Japan", "Panama", "Man", "Chile", "Niger",
        "Israel", "Georgia", "Kenya", "India", "Cuba", "Bermuda", "Reunion", "Réunion", "Mali", "Togo",
        "Guernsey", "Montserrat", "Dominica", "Grenada", "Martinique", "Christmas Island", "Norfolk Island",
        "Wake Island", "Jan Mayen", "Jamaica", "Malta", "Monaco", "Canada", "Brazil", "Cook Islands",
        "Ireland", "Macedonia", "Mayotte", "Sierra", "Samoa", "Oman", "Iran", "Peru",
        # capitals that are person names, common words or other well-known places
        "Washington", "Victoria", "Hamilton", "Stanley", "Douglas", "Male", "Malé", "Plymouth", "Jamestown",
        "Kingston", "George Town", "Georgetown", "Santiago", "San Juan", "Saint John's", "St. John's",
        "The Valley", "Road Town", "Cockburn Town", "Kingstown", "Castries", "Avarua", "Alofi", "Adamstown",
        "Basseterre", "Roseau", "Praia", "Belmopan", "Nassau", "Panama City", "Mexico City", "Guatemala City",
        "Kuwait City", "Victoria", "Saint-Pierre", "Saint Helier", "St Helier", "Saint Peter Port",
        "St Peter Port", "Philipsburg", "Marigot", "Gustavia", "Flying Fish Cove", "West Island",
        "King Edward Point", "Charlotte Amalie", "Hagåtña", "Hagatna", "Sucre", "Porto-Novo", "Port Louis",
        "Lincoln", "Vienna", "Paris", "London", "Rome", "Athens", "Lima", "Apia", "Palikir", "Tarawa",
        "Funafuti", "Majuro", "Yaren", "Ngerulmud", "Melekeok", "Honiara", "Port Vila", "Suva", "Nouméa",
        "Papeete", "Mata-Utu", "Kingston", "Bridgetown", "Saint George's", "St. George's", "Vaduz",
        "San Marino", "Vatican City", "Luxembourg", "Singapore", "Djibouti", "Monaco", "Andorra la Vella",
        # demonyms / adjectives that are common words
        "French", "Turkish", "Chinese", "Polish", "Dutch", "Swiss", "Danish", "Swedish", "Finnish", "Spanish",
        "German", "Irish", "Welsh", "Scottish", "English", "British", "Indian", "American", "Jersian",
        "Georgian", "Jordanian", "Guinean", "Dominican", "Congolese", "Korean", "Samoan", "Virgin Islander",
        "Pole", "Turk", "Scot", "Aussie", "Argies", "Kiwi", "Yank", "Brit",
        # found by matching the gazetteer against ../shared/corpus/bbc: Roma (people), Credit Suisse, Nippon Steel
        "Roma", "Suisse", "Nippon", "Holland",
    )
)
# Demonyms are not "ambiguous" just for being common adjectives ("French" always means France in news);
# only the truly confusable ones are flagged.  Keep this set small and explicit.
AMBIGUOUS_DEMONYMS = frozenset(
    w.casefold() for w in ("Indian", "American", "Georgian", "Jordanian", "Turkish", "Polish", "Irish")
)
#: Lower-cased tokens that are never useful as a gazetteer alias (false matches in English text).
STOP_ALIASES = frozenset(
    w.casefold()
    for w in (
        "The", "And", "Man", "Island", "Islands", "Republic", "Kingdom", "State", "States", "Union", "Congo",
        "Korea", "Guinea", "Sudan", "Samoa", "Virgin Islands", "Saint", "St", "Vatican", "Cyprus",
    )
)
#: Wrong or non-ISO country codes in the shared extracts -> the ISO3 used in countries.csv.
ISO3_FIXES = {"JON": "JPN", "IL": "ISR", "KSV": "UNK"}
#: Generated aliases dropped per country (constituent countries, jokes and slurs in CountryInfo synonyms).
DROP_FORMS = {
    "GBR": {"Scotland", "Wales", "Welsh", "Ukania", "Briton"},
    "USA": {"Yankeeland", "Americaland", "Americay"},
    "BLR": {"Last European Dictatorship"},
    "MNE": {"Serb", "Serbian", "Belgrade", "Beograd"},
    "DMA": {"Dominique"},  # French name of Dominica, but a common first name (Dominique de Villepin)  # CountryInfo entry carries Serbia-and-Montenegro forms
}
_SMALL_WORDS = {"of", "the", "and", "de", "da", "du", "des", "del", "la", "le", "y", "et", "al", "on", "in"}
_DEMONYM_SUFFIXES = ("an", "ans", "ese", "ish", "i", "is", "er", "ers", "ot", "ots")


# --------------------------------------------------------------------------------------------------------
# helpers


def fold(text: str) -> str:
    """NFKD-fold to ASCII and casefold (the same normalisation as graphbuild.text.fold)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def slugify(text: str) -> str:
    """Same rule as graphbuild.text.slugify (kept here so the script needs no installed package)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:80].rstrip("-") or "x-" + text.encode("utf-8").hex()[:32]


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin script (drops Cyrillic, Arabic, CJK, ... native names)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def title_case(upper: str) -> str:
    """CountryInfo forms are upper-case: ``"REPUBLIC OF BELARUS"`` -> ``"Republic of Belarus"``."""
    if re.fullmatch(r"(?:[A-Z]{1,2}\.)+[A-Z]?\.?", upper.replace(" ", "")):
        return upper  # "U.S.", "U.K.", "EE.UU.": abbreviations stay upper-case
    words = []
    for i, word in enumerate(upper.lower().split()):
        if i and word in _SMALL_WORDS:
            words.append(word)
        else:
            # capitalise after apostrophes/hyphens too: "cote d'ivoire" -> "Cote d'Ivoire", "guinea-bissau"
            parts = re.split(r"([-'])", word)
            out = []
            for j, part in enumerate(parts):
                if part in "-'" or (j >= 2 and parts[j - 1] == "'" and len(parts[j - 2]) == 1):
                    out.append(part if part in "-'" else part.capitalize())
                else:
                    out.append(part.capitalize())
            words.append("".join(out))
    return " ".join(words)


def uniq(items) -> list:
    """De-duplicate (case-sensitive, first occurrence wins) keeping order."""
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def ordered(record: dict) -> dict:
    """Return ``record`` with keys in KEY_ORDER and empty optional lists removed."""
    out = {}
    for key in KEY_ORDER:
        if key in record:
            value = record[key]
            if isinstance(value, list) and not value and key not in ("names", "sources"):
                continue
            out[key] = value
    extra = set(record) - set(KEY_ORDER)
    if extra:
        raise ValueError(f"record {record.get('id')}: unexpected keys {sorted(extra)}")
    return out


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(ordered(r), ensure_ascii=False, separators=(", ", ": ")) for r in records]
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


# --------------------------------------------------------------------------------------------------------
# countries


def _code_set(aliases_rows: list[dict], countries: list[dict]) -> set[str]:
    """Every ISO2 / ISO3 / IOC code: never used as an alias (CAN, AND, ARE, IT, ... are English words)."""
    codes = set()
    for row in aliases_rows:
        codes.update(c for c in (row.get("cca2"), row.get("cca3"), row.get("cioc")) if c)
    for row in countries:
        codes.update(c for c in (row["iso2"], row["iso3"]) if c)
    return {c.casefold() for c in codes}


def clean_alias(name: str, codes: set[str]) -> str | None:
    """Return a usable alias or None: drop codes, short tokens, non-Latin script, dictionary-style forms."""
    name = " ".join(name.replace("\ufffd", "").split())
    if not name or not is_latin(name):
        return None
    if fold(name) in codes or fold(name) in STOP_ALIASES:
        return None
    letters = sum(ch.isalpha() for ch in name)
    if letters < 3 and "." not in name:  # "AW", "Ö"; keep dotted abbreviations only via curated files
        return None
    if any(ch in name for ch in "()[],;/"):  # "Congo (Kinshasa)", "Samoa, American": dictionary forms
        return None
    if re.search(r"[ʁɛɔɡ]", name):  # IPA transcriptions in mledoze alt spellings
        return None
    return name


def _is_demonym_form(form: str, stems: set[str]) -> bool:
    """A CountryInfo nationality form is a demonym when its last word looks like one ("-an", "-ese", "-ish",
    "-i", "-er") and starts like a known demonym or name of the country ("Belarussian" ~ "Belarusian");
    otherwise ("Frankreich", "Kirghiz Republic", "Hayastan") it is kept as an alias."""
    words = fold(form).split()
    if not words:
        return False
    last = words[-1]
    if last.endswith(("stan", "land", "ia", "tan", "ya")):  # "Kazakstan", "Kirghizia": country names
        return False
    if last.endswith(("man", "woman", "men", "women")):  # "Englishman", "Northern Irishwoman"
        return True
    return last.endswith(_DEMONYM_SUFFIXES) and any(last[:4] == s for s in stems)


def _relevant(form: str, name_tokens: set[str]) -> bool:
    """A multi-word CountryInfo synonym is kept only if one token shares a 4-letter stem with the names."""
    for tok in re.findall(r"[a-z]+", fold(form)):
        if len(tok) >= 4 and any(t[:4] == tok[:4] for t in name_tokens):
            return True
    return False


def build_countries(ref: Path, common_words: frozenset[str] = frozenset()) -> list[dict]:
    countries = list(csv.DictReader((ref / "countries.csv").open(encoding="utf-8")))
    alias_rows = [json.loads(line) for line in (ref / "country_aliases.jsonl").open(encoding="utf-8") if line.strip()]
    aliases_by_iso3 = {row["cca3"]: row for row in alias_rows}
    info = json.loads((ref / "countryinfo_parsed.json").read_text(encoding="utf-8"))
    info_by_iso3: dict[str, dict] = {}
    for c in info["countries"]:
        # "code" (the CountryCode tag) first: the parsed "iso3" is wrong for some entries (Guinea -> PNG,
        # Myanmar -> MOZ); "code" holds bracketed history for a few (Montenegro), then "iso3" is used.
        for key in ("code", "iso3"):
            code = ISO3_FIXES.get(c.get(key) or "", c.get(key) or "")
            if re.fullmatch(r"[A-Z]{3}", code):
                info_by_iso3.setdefault(code, c)
                break
    cameo = defaultdict(list)
    for row in csv.DictReader((ref / "cameo_countries.tsv").open(encoding="utf-8"), delimiter="\t"):
        cameo[row["code"]].append(row["name"])
    codes = _code_set(alias_rows, countries)
    # country_aliases (mledoze) has Kosovo ("UNK", the code mledoze and CountryInfo use); countries.csv (OWID)
    # does not.  Add it without a QID: neither source gives one.
    known = {row["iso3"] for row in countries}
    for row in alias_rows:
        if row["cca3"] not in known:
            countries.append({"iso3": row["cca3"], "iso2": row.get("cca2") or "", "name": row["name_common"],
                              "wikidata_qid": "", "capital_name": "", "from_aliases": "1"})

    records = []
    for row in countries:
        iso3, iso2 = row["iso3"], row["iso2"] or None
        al = aliases_by_iso3.get(iso3, {})
        ci = info_by_iso3.get(iso3, {})
        sources = [] if row.get("from_aliases") else ["shared/reference/countries.csv"]
        names = [row["name"]]
        if al:
            names += [al.get("name_common", ""), al.get("name_official", "")]
            sources.append("shared/reference/country_aliases.jsonl")
        if ci:
            sources.append("shared/reference/countryinfo_parsed.json")
        names = uniq(n for n in (clean_alias(n, codes) if n != row["name"] else n for n in names) if n)
        name_tokens = {t for n in names for t in re.findall(r"[a-z]+", fold(n)) if len(t) >= 4}

        aliases = [a for a in al.get("alt_spellings", [])]
        aliases += [n for n in al.get("native_names", [])]
        demonyms = [d for d in (al.get("demonym_eng") or {}).values()]
        stems = {t[:4] for d in demonyms + names for t in re.findall(r"[a-z]+", fold(d)) if len(t) >= 4}
        # country_aliases.jsonl repeats CountryInfo fields but inherits the parse's wrong iso3 for some entries
        # (Mozambique gets Myanmar's forms); use them only where the record matched by code is missing.
        ci_forms = ci.get("nationality", []) if ci else al.get("countryinfo_nationality_forms", [])
        ci_capitals = ci.get("capital", []) if ci else al.get("countryinfo_capital", [])
        for form in ci_forms:
            form = title_case(form)
            if _is_demonym_form(form, stems):
                if " " not in form or _relevant(form, name_tokens):
                    demonyms.append(form)
            elif " " not in form or _relevant(form, name_tokens):
                aliases.append(form)
        if row["name"] in cameo.get(iso3, []) or cameo.get(iso3):
            aliases += cameo.get(iso3, [])
            sources.append("shared/reference/cameo_countries.tsv")
        aliases = [a for a in (clean_alias(a, codes) for a in aliases) if a]
        demonyms = [d for d in (clean_alias(d, codes) for d in demonyms) if d]

        metonyms = [row["capital_name"]] + list(al.get("capital", []))
        metonyms += [title_case(c) for c in ci_capitals]
        metonyms = [m for m in (clean_alias(m, codes) for m in metonyms) if m]

        names_f = {fold(n) for n in names}
        aliases = uniq(a for a in aliases if fold(a) not in names_f)
        # one spelling per folded form (CountryInfo dropped diacritics: keep the first, usually accented)
        aliases = _dedupe_folded(aliases, exclude=names_f)
        demonyms = _dedupe_folded(demonyms, exclude=set())
        metonyms = _dedupe_folded(metonyms, exclude=names_f)
        # a demonym that is also an alias ("Belorussia" is not a demonym) is kept once, as demonym
        dem_f = {fold(d) for d in demonyms}
        aliases = [a for a in aliases if fold(a) not in dem_f]
        drop = {fold(x) for x in DROP_FORMS.get(iso3, ())}
        aliases, demonyms, metonyms = ([x for x in xs if fold(x) not in drop] for xs in (aliases, demonyms, metonyms))

        records.append(
            {
                "id": f"country/{iso3}",
                "type": "Country",
                "label": row["name"],
                "qid": row["wikidata_qid"] or None,
                "iso3": iso3 if re.fullmatch(r"[A-Z]{3}", iso3) else None,
                "iso2": iso2 if iso2 and re.fullmatch(r"[A-Z]{2}", iso2) else None,
                "names": names,
                "aliases": aliases,
                "demonyms": demonyms,
                "metonyms": metonyms,
                "cameo": iso3 if iso3 in cameo else None,
                "sources": uniq(sources),
            }
        )
    _drop_foreign_names(records)
    _mark_ambiguous(records, common_words)
    return sorted(records, key=lambda r: r["id"])


def _dedupe_folded(items: list[str], exclude: set[str]) -> list[str]:
    """Keep distinct spellings; drop exact case-insensitive duplicates (keep diacritic variants)."""
    seen, out = set(exclude), []
    for item in items:
        key = item.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def _drop_foreign_names(records: list[dict]) -> None:
    """An alias, demonym or metonym that is another record's *name* belongs to that record only.

    CountryInfo lists "Jersey" among the UK's synonyms and "American Samoa" forms among the USA's; the
    territory keeps its own name.
    """
    name_owner: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for n in r["names"]:
            name_owner[fold(n)].add(r["id"])
    for r in records:
        for key in ("aliases", "demonyms", "metonyms"):
            r[key] = [x for x in r[key] if not (name_owner.get(fold(x), set()) - {r["id"]})]


def common_lowercase_words(shared: Path, min_count: int = 2) -> frozenset[str]:
    """Words that occur in lower case in running news text (../shared/corpus/bbc), e.g. "turkey", "pole", "guinea".

    A capitalised gazetteer name whose lower-case form is an ordinary word ("Pole", "Chad"?) is flagged as
    ambiguous.  Only which words are common is derived from the corpus; no text is copied.  Returns an empty set
    when the corpus is absent (the hand list ``AMBIGUOUS_WORDS`` still applies).
    """
    counts: dict[str, int] = defaultdict(int)
    for path in sorted((shared / "corpus" / "bbc").glob("*.txt")):
        for word in re.findall(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", path.read_text(encoding="utf-8", errors="replace")):
            counts[word] += 1
    return frozenset(w for w, n in counts.items() if n >= min_count)


def _mark_ambiguous(records: list[dict], common_words: frozenset[str] = frozenset()) -> None:
    """Fill ``ambiguous_names``: common words / person names, and any form shared by two records."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for key in ("names", "aliases", "demonyms", "metonyms"):
            for n in r.get(key, []):
                owners[fold(n)].add(r["id"])
    ambiguous_words = {fold(w) for w in AMBIGUOUS_WORDS}
    for r in records:
        amb = []
        for key in ("names", "aliases", "demonyms", "metonyms"):
            for n in r.get(key, []):
                f = fold(n)
                if key == "demonyms":
                    flagged = f in AMBIGUOUS_DEMONYMS
                else:
                    flagged = f in ambiguous_words or (" " not in n and n[:1].isupper() and n.lower() in common_words)
                if flagged or len(owners[f]) > 1:
                    amb.append(n)
        r["ambiguous_names"] = uniq(amb)


# --------------------------------------------------------------------------------------------------------
# organisations

#: Factbook organisation codes (memberships.tsv column ``org``) -> acronym in organizations.csv.
FACTBOOK_ORG = {
    "UN": "UN", "OAS": "OAS", "OSCE": "OSCE", "OIC": "OIC", "AU": "AU", "CE": "CoE", "NATO": "NATO",
    "EU": "EU", "ASEAN": "ASEAN", "G-20": "G20", "SCO": "SCO", "OPEC": "OPEC", "CIS": "CIS", "BRICS": "BRICS",
    "G-7": "G7", "EAEU": "EAEU", "GCC": "GCC", "CSTO": "CSTO", "EAEC": "EurAsEC",
}

#: Corrections to the (Jan 2026, partly stale) Factbook membership lists.  Each removes or adds one member
#: and cites its source; see ontologies/gazetteer/README.md.
MEMBERSHIP_CORRECTIONS: list[dict] = [
    {
        "org": "EU", "iso3": "GBR", "action": "remove",
        "source": "correction: the United Kingdom left the EU on 2020-01-31 "
        "(https://www.government.nl/topics/brexit/question-and-answer/when-will-the-united-kingdom-leave-the-european-union)",
    },
    *(
        {"org": "SCO", "iso3": iso3, "action": "add",
         "source": "correction: India and Pakistan joined the SCO on 2017-06-09, Iran on 2023-07-04, Belarus on "
         "2024-07-04 as the 10th member (https://head-post.com/belarus-joins-sco-becomes-its-10th-member-state; "
         "https://news.az/news/belarus-officially-becomes-sco-member); the Factbook lists India and Iran as "
         "observers and Belarus as a dialogue member"}
        for iso3 in ("IND", "IRN", "BLR")
    ),
    {
        "org": "BRICS", "iso3": "IDN", "action": "add",
        "source": "correction: Indonesia admitted as a full BRICS member on 2025-01-06 "
        "(https://sputnikglobe.com/20250106/brazil-announces-indonesia-joined-brics-as-full-member-1121370949.html)",
    },
    {
        "org": "BRICS", "iso3": "SAU", "action": "remove",
        "source": "correction: Saudi Arabia was invited but had not formalised BRICS membership as of January 2025 "
        "(https://sputnikglobe.com/20250106/brazil-announces-indonesia-joined-brics-as-full-member-1121370949.html; "
        "https://en.vijesti.me/world-a/globus/739861/Brazil-announced-that-Indonesia-has-joined-BRICS)",
    },
]

#: Organisation acronyms that are also ordinary words/abbreviations in English news.
AMBIGUOUS_ORG_NAMES = frozenset({"AU", "WB", "WP", "Quad", "V4", "CoE", "GCC", "OAS", "CIS", "UN", "SCO"})
#: Acronyms unfit to be aliases at all (ordinary words); the org keeps its full names.
NON_ALIAS_ACRONYMS = frozenset({"WP", "WB"})


def org_id(acronym: str, name: str) -> str:
    return f"org/{acronym.upper()}" if acronym else f"org/{slugify(name)}"


def _cameo_org_index(ref: Path) -> dict[str, str]:
    """Folded synonym -> CAMEO code, from cameo_international_actors.tsv (undated Phoenix entries)."""
    index: dict[str, str] = {}
    with (ref / "cameo_international_actors.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["code"]
            if code in ("IGO", "NGO", "IMG", "NGM"):  # generic sector codes, not an organisation's own code
                continue
            for syn in row["names (from Phoenix.International.actors.txt, undated entries)"].split("|"):
                key = fold(syn.strip().replace("_", " "))
                key = re.sub(r"^the ", "", key)
                index.setdefault(key, code)
    return index


def build_organizations(ref: Path) -> list[dict]:
    orgs = list(csv.DictReader((ref / "organizations.csv").open(encoding="utf-8")))
    cameo_index = _cameo_org_index(ref)
    members: dict[str, set[str]] = defaultdict(set)
    with (ref / "memberships.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            acr = FACTBOOK_ORG.get(row["org"])
            iso3 = ISO3_FIXES.get(row["country_iso3"], row["country_iso3"])
            if acr and row["status"] == "member" and re.fullmatch(r"[A-Z]{3}", iso3 or ""):
                members[acr].add(iso3)
    for fix in MEMBERSHIP_CORRECTIONS:
        (members[fix["org"]].discard if fix["action"] == "remove" else members[fix["org"]].add)(fix["iso3"])

    records = []
    for row in orgs:
        acr, name = row["acronym"], row["name"]
        if not name:
            continue
        rid = org_id(acr, name)
        paren = re.fullmatch(r"(.+?) \((.+)\)", name)  # "Quadrilateral Security Dialogue (Quad)"
        if paren:
            name = paren.group(1)
        names = [name]
        # "name_as_in_source" holds the source's own key, e.g. key "North Atlantic Treaty Organisation"
        for m in re.finditer(r'(?:key|Name_other_en|aliases) "?([^"/;]+?)"?(?: /|;|$)', row["name_as_in_source"]):
            cand = m.group(1).strip()
            if cand and not cand.startswith("Q") and cand != acr:
                names.append(cand)
        names = uniq(names)
        aliases = []
        if acr and acr not in NON_ALIAS_ACRONYMS:
            aliases.append(acr)
        if acr and acr.upper() != acr and acr.upper() not in NON_ALIAS_ACRONYMS:
            aliases.append(acr.upper())  # CoE / COE
        sources = [f"shared/reference/organizations.csv ({row['source']})" if row["source"]
                   else "shared/reference/organizations.csv"]
        cameo = None
        for cand in [name] + names + ([acr] if acr else []):
            cameo = cameo_index.get(re.sub(r"^the ", "", fold(cand)))
            if cameo:
                sources.append("shared/reference/cameo_international_actors.tsv")
                break
        mem = sorted(f"country/{iso3}" for iso3 in members.get(acr, ()))
        if mem:
            sources.append("shared/reference/memberships.tsv (CIA World Factbook, Jan 2026; status 'member')")
            if any(fix["org"] == acr for fix in MEMBERSHIP_CORRECTIONS):
                sources += uniq(fix["source"] for fix in MEMBERSHIP_CORRECTIONS if fix["org"] == acr)
        amb = [n for n in names + aliases if n in AMBIGUOUS_ORG_NAMES or n.upper() in AMBIGUOUS_ORG_NAMES]
        rec = {
            "id": rid,
            "type": "Organization",
            "label": name,
            "qid": row["wikidata_qid"] or None,
            "names": names,
            "aliases": uniq(a for a in aliases if a not in names),
            "ambiguous_names": uniq(amb),
            "members": mem,
            "cameo": cameo,
            "sources": uniq(sources),
        }
        if row["notes"]:
            rec["notes"] = row["notes"]
        records.append(rec)
    ids = [r["id"] for r in records]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate organisation ids: {sorted(dupes)}")
    return sorted(records, key=lambda r: r["id"])


# --------------------------------------------------------------------------------------------------------


def copy_cameo_igos(source: Path, target: Path) -> None:
    """The CAMEO international-actor table (Phoenix, MIT) that events.csv codes organisations with."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = source.read_text(encoding="utf-8").splitlines()
    header = "# CAMEO codes of international actors; from PETRARCH2's Phoenix.International.actors.txt (MIT), see NOTICE\n"
    target.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared data directory (default: ../shared next to the repository)")
    parser.add_argument("--out", type=Path, default=ROOT / "ontologies" / "gazetteer",
                        help="output directory (default: ontologies/gazetteer)")
    args = parser.parse_args(argv)
    ref = args.shared / "reference"
    if not (ref / "countries.csv").is_file():
        print(f"Error: {ref / 'countries.csv'} not found; pass --shared DIR", file=sys.stderr)
        return 1
    countries = build_countries(ref, common_lowercase_words(args.shared))
    orgs = build_organizations(ref)
    write_jsonl(args.out / "countries.jsonl", countries)
    write_jsonl(args.out / "organizations.jsonl", orgs)
    igos = args.out.parent / "events" / "cameo_igos.tsv"
    copy_cameo_igos(ref / "cameo_international_actors.tsv", igos)
    print(f"wrote {len(countries)} countries, {len(orgs)} organisations to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
