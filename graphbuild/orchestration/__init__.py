"""Running the stages over a corpus: one document, the whole corpus, and every output.

``extract_document`` (text -> Doc -> DocResult for one article), ``extractor`` (the one owner of pipeline,
gazetteer, lexicon, resolver, triage and versions), ``extract_corpus`` (the corpus -> DocResults, with the cache and
worker processes or Dask from ``parallel``), ``merge`` (DocResults -> CorpusRecords), ``progress`` and ``build``
(corpus folder in, every output file out).
"""
