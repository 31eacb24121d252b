"""Records -> RDF: ontology namespace, graph building, serialisation, SPARQL, SHACL validation.

The build streams N-Triples lines (``stream_graph`` -> ``write_lines``); ``build_graph`` makes an rdflib Graph
of the same triples (the reference, and small graphs). Heavy modules (pyoxigraph, pyshacl) are imported inside
the functions that need them.
"""

from graphbuild.rdf.from_records import build_graph
from graphbuild.rdf.io import load_graph, write_graph, write_lines
from graphbuild.rdf.stream import stream_graph

__all__ = ["build_graph", "load_graph", "stream_graph", "write_graph", "write_lines"]
