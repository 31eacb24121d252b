"""Measure the entity quality pass on a built graph: junk rate of a random sample of actors before and after.

    python scripts/entity_quality.py BUILD_DIR --seed 0 --n 100 [--labels eval/entity_quality/FILE.tsv]

Samples ``n`` of the actors that take part in relations (what the graph and report show), seeded, from a build
made *without* the pass (graphbuild before issue 12, or any build: the pass is applied here to the records).
Without ``--labels`` it prints the sample as a TSV to judge by hand (column ``judgement``: ok, junk, generic,
mistyped).  With it, it prints the junk rate before (judged not ok / n) and after the pass (judged not ok and
not fixed by the pass / actors the pass keeps), and the actors the pass drops although judged ok.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuild import quality  # noqa: E402
from graphbuild.gazetteer import Gazetteer  # noqa: E402
from graphbuild.rdf.readback import load_records  # noqa: E402

FIXED_BY = {"junk": {"junk", "relabel"}, "generic": {"generic", "junk"}, "mistyped": {"retype", "junk", "generic"}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--exclude-seed", type=int, action="append", default=[],
                    help="leave out the actors of the sample with this seed (a held-out sample)")
    ap.add_argument("--labels")
    args = ap.parse_args()
    records = load_records(args.build)
    actors = sorted({r.subject for r in records.relations} | {r.object for r in records.relations})
    for s in args.exclude_seed:
        taken = set(random.Random(s).sample(actors, args.n))
        actors = [a for a in actors if a not in taken]
    sample = sorted(random.Random(args.seed).sample(actors, args.n))
    gaz = Gazetteer.load()
    minted = [e for e in records.entities.values() if not e.in_gazetteer]
    given = quality.given_names_of([*(e for e in gaz.entities() if e.type == "Person"), *minted])
    verdicts = {a: quality.assess(records.entities[a], given) for a in sample}
    if not args.labels:
        w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "label", "type", "source", "judgement"])
        for a in sample:
            e = records.entities[a]
            w.writerow([a, e.label, e.type, "gazetteer" if e.in_gazetteer else "ner", ""])
        return 0
    with open(args.labels, encoding="utf-8") as f:
        judged = {row["id"]: row["judgement"] for row in csv.DictReader(f, delimiter="\t")}
    missing = [a for a in sample if a not in judged]
    if missing:
        print(f"not judged in {args.labels}: {missing[:5]}", file=sys.stderr)
        return 1
    bad_before = [a for a in sample if judged[a] != "ok"]
    kept = [a for a in sample if verdicts[a].kind not in ("junk", "generic")]
    bad_after = [a for a in sample if judged[a] != "ok" and verdicts[a].kind not in FIXED_BY[judged[a]]]
    false_drops = [a for a in sample if judged[a] == "ok" and verdicts[a].kind != "ok"]
    print(f"sample: {len(sample)} actors in relations (seed {args.seed}) of {len(actors)}")
    print(f"junk rate before: {len(bad_before)}/{len(sample)} = {len(bad_before) / len(sample):.0%}")
    print(f"junk rate after:  {len(bad_after)}/{len(kept)} = {len(bad_after) / max(len(kept), 1):.0%} "
          f"(of the {len(kept)} actors the pass keeps)")
    print("still bad:", ", ".join(f"{records.entities[a].label} ({judged[a]})" for a in bad_after) or "none")
    print("changed although judged ok:", ", ".join(
        f"{records.entities[a].label} ({verdicts[a].kind})" for a in false_drops) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
