"""spaCy side of graphbuild: loading the pipeline (pipeline.py) and finding candidate mentions (mentions.py)."""
