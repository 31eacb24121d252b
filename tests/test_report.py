"""report.md / report.html: content, escaping of article text, self-contained HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from graphbuild.analysis import analyze, dyad_timelines, to_networkx
from graphbuild.model import Article
from graphbuild.outputs.report import render_report_md, write_report_html, write_report_md
from graphbuild.outputs.templating import md_escape
from tests.helpers import BREAKOUT, E, founding_relations, hostile_graph, XSS


def _founding():
    rels = founding_relations()
    G = to_networkx(E, rels)
    return G, analyze(G), rels, [Article("belarus-nato-balance", "text")]


def test_report_md_names_balancing_belarus(tmp_path):
    G, a, rels, arts = _founding()
    write_report_md(tmp_path / "report.md", G, a, rels, arts)
    md = (tmp_path / "report.md").read_text()
    section = md.split("## Balancing actors")[1].split("##")[0]
    assert "**Belarus**" in section and "Russia and NATO (bloc)" in section
    assert "## Most central actors" in md and "| Belarus | Country |" in md.split("## Communities")[0]
    assert "## Communities" in md and "## Strongest relations" in md
    assert "| Relation assertions | 10 |" in md


def test_md_escape_neutralises_markup():
    s = md_escape("<img src=x> [link](http://x) *bold* | pipe\nnewline")
    assert "<" not in s and "[link]" not in s and "\\*bold\\*" in s and "\\|" in s and "\n" not in s


def test_report_md_escapes_article_text(tmp_path):
    ents, rels = hostile_graph()
    G = to_networkx(ents, rels)
    write_report_md(tmp_path / "r.md", G, analyze(G), rels, [], title="T " + XSS)
    md = (tmp_path / "r.md").read_text()
    for p in (XSS, BREAKOUT, "<a href", "<script", "<img"):
        assert p not in md


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_report_html_is_escaped_and_self_contained(tmp_path):
    ents, rels = hostile_graph()
    G = to_networkx(ents, rels)
    write_report_html(tmp_path / "r.html", G, analyze(G), rels, [], title="T " + XSS)
    page = (tmp_path / "r.html").read_text()
    assert XSS not in page and BREAKOUT not in page and "<a href" not in page
    p = _Tags()
    p.feed(page)
    tags = {t for t, _ in p.tags}
    assert not tags & {"script", "img", "a", "link", "iframe"}
    assert all(not ({"src", "href"} & set(a)) and not any(k.startswith("on") for k in a) for _, a in p.tags)
    dated_dyads = sum(1 for d in dyad_timelines(G) if d["months"])
    assert dated_dyads >= 1
    assert "default-src 'none'" in page and page.count("<svg") == 4 + dated_dyads


def test_report_html_has_charts_and_sections(tmp_path):
    G, a, rels, arts = _founding()
    write_report_html(tmp_path / "r.html", G, a, rels, arts)
    page = (tmp_path / "r.html").read_text()
    for h in ("Top actors by PageRank", "Relation types", "Strongest signed ties", "Balancing actors", "Belarus"):
        assert h in page


def test_report_md_without_relations(tmp_path):
    G = to_networkx({}, [])
    md = render_report_md(G, analyze(G), [], [])
    assert "None found." in md and "No signed triangles." in md


def test_report_templates_drop_control_characters_and_escape_quotes(tmp_path):
    from graphbuild.model import Entity, Relation

    ents = {"country/AAA": Entity("country/AAA", "Aland\x07\x1b[31m \"q\" 'a'", "Country"),
            "country/BBB": Entity("country/BBB", "Borduria", "Country")}
    rels = [Relation("d\x00", "country/AAA", "consult", "country/BBB", "They met\x0b <b>twice</b>.", 0, 5)]
    G = to_networkx(ents, rels)
    write_report_html(tmp_path / "r.html", G, analyze(G), rels, [], title="T\x1b")
    write_report_md(tmp_path / "r.md", G, analyze(G), rels, [], title="T\x1b")
    page, md = (tmp_path / "r.html").read_text(), (tmp_path / "r.md").read_text()
    for text in (page, md):
        assert not any(c in text for c in "\x00\x07\x0b\x1b"), repr(text)
    assert "Aland[31m &#34;q&#34; &#39;a&#39;" in page and "<b>twice" not in page and "&lt;b&gt;twice" in page
    assert "Aland\\[31m \"q\" 'a'" in md and "&lt;b&gt;twice&lt;/b&gt;" in md
