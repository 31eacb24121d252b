"""The files a build writes beside the RDF: graph.html, graph.svg, report.md/.html, the CSV tables, events.csv,
GEXF/GraphML and the changelog.
"""
