"""The founding example end to end: report.md, report.html, graph.html and the RDF name Belarus as balancing."""

from __future__ import annotations

import pytest

from tests.conftest import needs_shared

pytestmark = [needs_shared, pytest.mark.model, pytest.mark.shared]


def test_report_founding_names_belarus_balancing(founding_build) -> None:
    files = founding_build.files
    md = files["report.md"].read_text(encoding="utf-8")
    section = md.split("## Balancing actors")[1].split("\n## ")[0]
    assert "**Belarus**" in section, section
    assert "North Atlantic Treaty Organization" in section or "NATO" in section
    assert "Belarus" in files["report.html"].read_text(encoding="utf-8").split("Balancing actors</h2>")[1]


def test_report_founding_balancing_in_rdf_and_html(founding_build) -> None:
    import json
    import re

    import rdflib

    g = rdflib.Graph().parse(founding_build.files["graph.ttl"], format="turtle")
    gb = rdflib.Namespace("https://w3id.org/graphbuild/ontology#")
    blr = rdflib.URIRef("https://w3id.org/graphbuild/id/country/BLR")
    assert g.value(blr, gb.balancing).toPython() is True
    page = founding_build.files["graph.html"].read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    balancing = [data["nodes"]["id"][i] for i in data["nodes"]["balancing"]]
    assert "country/BLR" in balancing
