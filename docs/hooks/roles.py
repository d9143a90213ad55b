"""MkDocs hook: the Sphinx roles of kg's docstrings shown as code in the generated API reference.

The docstrings name other objects the Sphinx way (``:func:`ingest```,
``:class:`~kg.store.stats.Stats```), which Markdown renders as the role's
name followed by the code. This keeps the code and drops the role, and, as
Sphinx does, a leading ``~`` keeps only the last part of the dotted name.
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:mod|func|class|meth|attr|data|exc|obj):(<code>)(~?)([^<]*)(</code>)")


def show_roles(html: str) -> str:
    """Return ``html`` with every ``:role:<code>name</code>`` turned into ``<code>name</code>``."""
    return ROLE.sub(lambda m: m.group(1) + (m.group(3).rsplit(".", 1)[-1] if m.group(2) else m.group(3))
                    + m.group(4), html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return show_roles(html)
