"""graphbuild's shipped data (installed as the data package ``graphbuild.ontologies``; see graphbuild.resources)."""
