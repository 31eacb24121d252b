"""graphbuild: news articles -> a knowledge graph of geopolitical relations."""

__version__ = "0.1.0"
