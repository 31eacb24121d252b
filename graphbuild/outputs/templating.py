"""Jinja2 for graph.html, report.html and report.md: the templates, stylesheets and scripts are package data
(``graphbuild/outputs/templates/``, read through :func:`graphbuild.resources.template_text`).

Article text is untrusted (docs/SECURITY.md); three rules keep it inert:

* HTML templates (``*.html.j2``) are autoescaped.  A value goes in unescaped only when the Python caller hands it
  over as :class:`markupsafe.Markup`, and callers do that only for text they made safe for its place: JSON for a
  ``<script>`` block (:func:`graphbuild.outputs.html.json_for_script`), vis-network's code, our stylesheets,
  scripts and CSP -- never for article text.
* Every plain string a template prints first loses the control characters HTML and Markdown cannot hold.
* The Markdown template is not autoescaped: it passes every article string through the ``md`` filter
  (:func:`md_escape`).

Templates format numbers with the ``fmt`` filter, Python's format mini-language: ``{{ x|fmt(".4f") }}``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from graphbuild.resources import template_text

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_escape(text: Any) -> str:
    """Escape text for inline Markdown: markup characters backslash-escaped, HTML tags as entities, one line."""
    s = _CONTROL.sub("", str(text))
    s = " ".join(s.split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _finalize(value: Any) -> Any:
    """What every ``{{ ... }}`` prints: plain strings without control characters (Markup is ours: untouched)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("", value)
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment of the outputs (autoescape for ``*.html.j2``; undefined names are errors)."""
    env = Environment(
        loader=FunctionLoader(template_text),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["fmt"] = format
    return env


def render(name: str, **context: Any) -> str:
    """Render the shipped template ``name`` (e.g. ``"report.md.j2"``) with ``context``."""
    return environment().get_template(name).render(**context)


def asset(name: str) -> Markup:
    """A shipped stylesheet or script (``"graph.js"``), as Markup: our own code, inlined as is."""
    return Markup(template_text(name))
