"""Outputs drawn from the actor graph: the interactive HTML page and Gephi-style exports.

``graphbuild.render.html.render_html`` and ``graphbuild.render.exports.write_gexf`` / ``write_graphml``.
"""
