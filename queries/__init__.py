"""graphbuild's saved SPARQL queries (installed as the data package ``graphbuild.queries``; see graphbuild.resources)."""
