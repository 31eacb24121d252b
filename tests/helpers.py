"""Helpers shared by several test modules (fixtures are in conftest.py): hand-made graphs, hostile payloads,
a browser page, a query server."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from graphbuild.analysis import to_networkx
from graphbuild.model import Article, Entity, Mention, Relation


# (first written for tests/test_analysis.py)
E = {
    "country/BLR": Entity("country/BLR", "Belarus", "Country", "Q184", "BLR"),
    "country/RUS": Entity("country/RUS", "Russia", "Country", "Q159", "RUS"),
    "org/NATO": Entity("org/NATO", "NATO", "Organization", "Q7184"),
    "org/EAEU": Entity("org/EAEU", "Eurasian Economic Union", "Organization", "Q4173083"),
    "org/CSTO": Entity("org/CSTO", "CSTO", "Organization", "Q240163"),
    "org/CIS": Entity("org/CIS", "CIS", "Organization", "Q7779"),
    "country/KAZ": Entity("country/KAZ", "Kazakhstan", "Country", "Q232", "KAZ"),
    "person/alexander-lukashenko": Entity("person/alexander-lukashenko", "Alexander Lukashenko", "Person"),
    "person/andrei-porotnikov": Entity(
        "person/andrei-porotnikov", "Andrei Porotnikov", "Person", in_gazetteer=False
    ),
}


# (first written for tests/test_analysis.py)
def rel(s, r, o, *, neg=False, doc="belarus-nato-balance", sent="s", conf=0.8, date=None, speaker=None, mod="asserted"):
    return Relation(doc, s, r, o, sent, 0, len(sent), neg, mod, speaker, conf, "test", "", date)


# (first written for tests/test_analysis.py)
def founding_relations():
    """The claims issue 2 expects from ../shared/corpus/belarus-nato-balance.txt, plus a few likely extras."""
    P = "person/andrei-porotnikov"
    return [
        rel("country/BLR", "consult", "org/NATO", sent="mutually respectful relations with NATO"),
        rel("country/BLR", "consult", "org/NATO", sent="the beginning of a dialogue", speaker=P, mod="reported"),
        rel("country/BLR", "dependsOn", "country/RUS", sent="critically dependent on Moscow", speaker=P),
        rel("country/BLR", "memberOf", "org/EAEU", sent="the site of the EAEU"),
        rel("country/BLR", "memberOf", "org/CSTO", sent="participation in the CSTO"),
        rel("country/BLR", "memberOf", "org/CIS", sent="CIS countries"),
        rel("person/alexander-lukashenko", "leaderOf", "country/BLR", sent="the Belarusian leader"),
        rel("org/NATO", "consult", "country/RUS", sent="dialogue between NATO and Russia", speaker=P),
        rel("org/NATO", "cooperate", "country/BLR", neg=True, sent="not all NATO countries are ready", speaker=P),
        rel("country/BLR", "cooperate", "country/KAZ", sent="with Kazakhstan", mod="hypothetical"),
    ]


# (first written for tests/test_render_html.py)
XSS = "<img src=x onerror=document.title='pwned'>"


# (first written for tests/test_render_html.py)
BREAKOUT = "</script><script>document.title='pwned'</script>"


# (first written for tests/test_render_html.py)
HREF = "\" href=\"javascript:document.title='pwned'\" <a href=x>click</a>"


# (first written for tests/test_render_html.py)
PAYLOADS = (XSS, BREAKOUT, HREF, "<!--", "\u2028\u2029", "&amp; & \x00\x07 \ud800")


# (first written for tests/test_render_html.py)
def hostile_graph():
    """A small graph whose names, sentences, document ids, speakers and dates carry markup payloads."""
    ents = {
        "country/AAA": Entity("country/AAA", "Atlantis " + XSS, "Country", "Q1", "AAA"),
        "org/BBB": Entity("org/BBB", "Bloc " + BREAKOUT, "Organization", "Q2"),
        "person/ccc": Entity("person/ccc", "Carol " + HREF, "Person"),
        "country/DDD": Entity("country/DDD", "Dorado", "Country"),
    }
    rels = [
        Relation("doc/" + BREAKOUT, "country/AAA", "consult", "org/BBB", "Atlantis met " + XSS, 0, 10,
                 speaker="person/ccc", confidence=0.9, date="2024-01-10"),
        Relation("doc/" + XSS, "country/AAA", "dependsOn", "country/DDD", "sentence " + HREF, 0, 10,
                 confidence=0.7, date="2024-03-02"),
        Relation("doc/3", "org/BBB", "threaten", "country/DDD", BREAKOUT, 0, 10, confidence=0.6, date="2024-02-01"),
        Relation("doc/3", "org/BBB", "threaten", "country/DDD", "again " + XSS, 0, 10, confidence=0.6,
                 date="2024-02-03"),
        Relation("doc/4", "person/ccc", "leaderOf", "country/AAA", "Carol leads " + HREF, 0, 10, confidence=0.8),
        Relation("doc/5", "country/DDD", "cooperate", "org/BBB", "refused " + XSS, 0, 10, negated=True,
                 confidence=0.5, date="2024-04-01"),
    ]
    return ents, rels


# (first written for tests/test_browser_graph.py)
CHROMIUM = Path("/usr/bin/chromium")


# (first written for tests/test_browser_graph.py)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# (first written for tests/test_browser_graph.py)
class Page:
    """An opened graph page with every request recorded and everything but file:// aborted."""

    def __init__(self, ctx, path: Path):
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.page = ctx.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.on("dialog", lambda d: (self.console.append(("dialog", d.message)), d.dismiss()))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                        else route.abort())
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.graphbuild && window.graphbuild.ready === true && window.graphbuild.complete === true", timeout=60000)

    def eval(self, js, arg=None):
        return self.page.evaluate(js, arg)

    def errors(self):
        return [c for c in self.console if c[0] in ("error", "pageerror", "dialog")]

    def foreign_requests(self):
        return [u for u in self.requests if u != self.url]

    def node_dom_xy(self, node_id):
        return self.eval(
            """(id) => { const n = window.graphbuild.network; const p = n.getPositions([id])[id];
                 const d = n.canvasToDOM(p); const r = document.getElementById('gb-network').getBoundingClientRect();
                 return [r.left + d.x, r.top + d.y]; }""",
            node_id,
        )


# (first written for tests/test_serve_load.py)
AGGREGATE = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 10"


# (first written for tests/test_serve_load.py)
_RELATIONS = ("consult", "cooperate", "sanction", "aid", "accuse", "threaten", "memberOf", "dependsOn", "fight")


# (first written for tests/test_serve_load.py)
def records_of_200_articles(seed: int = 0):
    """A synthetic build of 200 articles, 60 actors and about 2,000 relation assertions."""
    rng = random.Random(seed)
    entities = {f"country/C{i:02d}": Entity(f"country/C{i:02d}", f"Country {i}", "Country", None, f"C{i:02d}")
                for i in range(40)}
    entities["country/BLR"] = Entity("country/BLR", "Belarus", "Country", "Q184", "BLR")
    entities.update({f"org/org-{i}": Entity(f"org/org-{i}", f"Organisation {i}", "Organization") for i in range(20)})
    ids = sorted(entities)
    articles, mentions, relations = [], [], []
    for d in range(200):
        doc = f"article-{d:03d}"
        articles.append(Article(doc, "", title=f"Article {d}", date=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"))
        for k in range(10):
            s, o = rng.sample(ids, 2)
            rel = rng.choice(_RELATIONS)
            if rel == "memberOf":
                o = rng.choice([i for i in ids if i.startswith("org/")])
            sentence = f"{entities[s].label} and {entities[o].label} ({rel})."
            start = k * 100
            relations.append(Relation(doc, s, rel, o, sentence, start, start + len(sentence),
                                      confidence=round(rng.random(), 2), method="synthetic"))
            mentions.append(Mention(doc, start, start + len(entities[s].label), entities[s].label, s, "exact"))
    return articles, entities, mentions, relations


# (first written for tests/test_serve_load.py)
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# (first written for tests/test_serve_load.py)
def start_server(graph_dir: Path, *extra: str, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """``graphbuild serve`` as a separate process on a free loopback port; returns (process, endpoint URL).

    Its output goes to a file (a pipe nobody reads would fill up and block the server's log lines).
    """
    port = free_port()
    log = log or graph_dir / f"serve-{port}.log"
    with open(log, "w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphbuild", "serve", "--graph", str(graph_dir), "--port", str(port), *extra],
            stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    while "SPARQL endpoint" not in log.read_text() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if "SPARQL endpoint" not in log.read_text():
        proc.kill()
        proc.wait(timeout=10)
        raise AssertionError(f"graphbuild serve did not start: {log.read_text()}")
    return proc, f"http://127.0.0.1:{port}/sparql"


# (first written for tests/test_serve_load.py)
def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


# (first written for tests/test_serve_load.py)
def ask(endpoint: str, query: str, timeout: float = 60.0) -> tuple[int, bytes]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


# (first written for tests/test_claims.py)
ENTS = {
    "country/AAA": Entity("country/AAA", "Aland", "Country", aliases=("Aland's", "Alanders")),
    "country/BBB": Entity("country/BBB", "Borduria", "Country"),
    "country/CCC": Entity("country/CCC", "Carpathia", "Country"),
    "person/kim-lee": Entity("person/kim-lee", "Kim Lee", "Person"),
    "person/ana-ruiz": Entity("person/ana-ruiz", "Ana Ruiz", "Person"),
}


# (first written for tests/test_claims.py)
ARTICLES = [Article("d1", "x", title="Aland and Borduria sign <b>pact</b>", date="2024-01-05"),
            Article("d2", "x", title="Talks collapse", date="2024-03-01"),
            Article("d3", "x", title="Carpathia", date="2024-02-01")]


# (first written for tests/test_claims.py)
def claims():
    return [
        # asserted twice, denied once: "claim and negation"
        Relation("d1", "country/AAA", "cooperate", "country/BBB", "Aland will cooperate with Borduria.", 0, 10,
                 confidence=0.9, date="2024-01-05"),
        Relation("d3", "country/AAA", "cooperate", "country/BBB", "Alanders said they cooperate with Borduria.", 0, 10,
                 confidence=0.6, date="2024-02-01"),
        Relation("d2", "country/AAA", "cooperate", "country/BBB", "Aland did not cooperate with Borduria.", 0, 10,
                 negated=True, confidence=0.7, date="2024-03-01"),
        # between Aland and Carpathia one speaker reports help, another a threat: "speakers disagree"
        Relation("d1", "country/CCC", "aid", "country/AAA", "Carpathia helps Aland, Kim Lee said.", 0, 10,
                 speaker="person/kim-lee", confidence=0.8, date="2024-01-05"),
        Relation("d2", "country/CCC", "threaten", "country/AAA", "Carpathia threatens Aland, Ana Ruiz said.", 0, 10,
                 speaker="person/ana-ruiz", confidence=0.8, date="2024-03-01"),
        # one speaker on both sides is not a disagreement; an unattributed claim neither
        Relation("d3", "country/BBB", "aid", "country/CCC", "Borduria aids Carpathia, Kim Lee said.", 0, 10,
                 speaker="person/kim-lee", confidence=0.8),
        Relation("d3", "country/BBB", "accuse", "country/CCC", "Borduria accuses Carpathia, Kim Lee said.", 0, 10,
                 speaker="person/kim-lee", confidence=0.8),
    ]


# (first written for tests/test_render_first_view.py)
def hub_and_fragments(n_hubs: int = 12, leaves: int = 8, pairs: int = 60):
    """A news-like graph: hubs tied to each other and to their own leaves, plus many two-actor fragments."""
    rels = []
    for h in range(n_hubs):
        for g in range(h + 1, n_hubs):
            if (h * 7 + g) % 3 == 0 or g == h + 1:
                rels.append(Relation("d", f"country/H{h:02d}", "consult", f"country/H{g:02d}", "s", 0, 1))
        for leaf in range(leaves):
            rels.append(Relation("d", f"person/l{h:02d}-{leaf}", "leaderOf", f"country/H{h:02d}", "s", 0, 1))
    for p in range(pairs):
        rels.append(Relation("d", f"person/p{p:03d}", "accuse", f"org/q{p:03d}", "s", 0, 1))
    return to_networkx({}, rels)
