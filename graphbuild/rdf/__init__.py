"""Records -> RDF: ontology namespace, graph building, serialisation, SPARQL, SHACL validation.

Heavy modules (pyoxigraph, pyshacl) are imported inside the functions that need them.
"""

from graphbuild.rdf.from_records import build_graph
from graphbuild.rdf.io import load_graph, write_graph

__all__ = ["build_graph", "load_graph", "write_graph"]
