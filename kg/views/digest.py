"""A digest (:class:`kg.views.changes.Digest`) as Markdown, as one self-contained HTML page, or as JSON.

The page needs nothing from the network: its style is inline and it has no
script. Every text from the store (labels, titles, sentences, URLs) is
escaped as the explorer page escapes it (``html.escape``, quotes too), and
a link is made only of an ``http(s)`` URL, so an article cannot inject
markup or a ``javascript:`` link. Markdown escapes the characters that
would start markup.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from kg.views.changes import SECTIONS, Digest, Item
from kg.views.story import Evidence

FORMATS = {"md": (".md", ".markdown"), "html": (".html", ".htm"), "json": (".json",)}


def digest_format(out: str | None, fmt: str | None) -> str:
    """Return ``fmt``, else the format the ending of ``out`` names, else Markdown."""
    if fmt:
        return fmt
    if out:
        lower = out.lower()
        for name, endings in FORMATS.items():
            if lower.endswith(endings):
                return name
    return "md"


def render(d: Digest, fmt: str) -> str:
    """Return the digest as ``md``, ``html`` or ``json`` text."""
    if fmt == "json":
        return json.dumps(d.to_json(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return to_html(d)
    return to_markdown(d)


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://", url, re.IGNORECASE) else None


# ---------------------------------------------------------------- Markdown


def _md(text: Any) -> str:
    """Return ``text`` with Markdown's markup characters escaped and on one line."""
    s = " ".join(str(text).split())
    return re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", s)


def _md_source(e: Evidence) -> str:
    name = _md(e.title or e.article)
    url = _safe_url(e.url)
    where = f"[{name}](<{url.replace('>', '%3E')}>)" if url else name
    return f"{_md(e.date or 'undated')}, {where}"


def to_markdown(d: Digest) -> str:
    """Return the digest as Markdown."""
    lines = [f"# {_md(d.title)}", "", f"{_md(d.period)}; made {_md(d.made)}.", "",
             f"{d.statements} new statement(s) from {len(d.new_articles)} article(s)."]
    if not d.statements:
        lines += ["", "No new statement in this period."]
    for key, heading in SECTIONS.items():
        items = d.sections.get(key) or []
        if not items:
            continue
        lines += ["", f"## {heading}", ""]
        for item in items:
            lines.append(f"- **{_md(item.title)}**" + (f": {_md(item.detail)}" if item.detail else "")
                         + _md_numbers(item))
            for e in item.evidence:
                lines.append(f"  - “{_md(e.sentence)}” ({_md_source(e)})")
    if d.new_articles:
        lines += ["", "## Articles", ""]
        for a in d.new_articles:
            url = _safe_url(a.get("url"))
            name = _md(a.get("title") or a["id"])
            lines.append(f"- {_md(a.get('date') or 'undated')}: " + (f"[{name}](<{url}>)" if url else name))
    return "\n".join(lines) + "\n"


def _md_numbers(item: Item) -> str:
    n = item.numbers.get("statements")
    return f" ({n} statement{'s' if n != 1 else ''})" if n else ""


# ---------------------------------------------------------------- HTML

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:60em;
padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #ddd;padding-bottom:.2em;
margin-top:1.6em}
.meta{color:#555}ul{padding-left:1.2em}li.item{margin:.5em 0}.detail{color:#444}
.n{color:#666;font-size:.9em}blockquote{margin:.25em 0 .25em .5em;padding-left:.6em;border-left:3px solid #ccc;
color:#333}.src{color:#666;font-size:.85em}.flip-1{color:#c0392b}.flip1{color:#1e8449}
table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #eee}
@media print{body{margin:0;max-width:none}a{color:#000}}
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _html_source(e: Evidence) -> str:
    name = _e(e.title or e.article)
    url = _safe_url(e.url)
    link = f'<a href="{_e(url)}">{name}</a>' if url else name
    return f'<span class="src">{_e(e.date or "undated")}, {link}</span>'


def to_html(d: Digest) -> str:
    """Return the digest as one self-contained HTML page (inline style, no script, nothing fetched)."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
           f"<title>{_e(d.title)}</title><style>{_STYLE}</style></head><body>",
           f"<h1>{_e(d.title)}</h1>",
           f'<p class="meta">{_e(d.period)}; made {_e(d.made)}. {d.statements} new statement(s) from '
           f"{len(d.new_articles)} article(s).</p>"]
    if not d.statements:
        out.append('<p id="nothing">No new statement in this period.</p>')
    for key, heading in SECTIONS.items():
        items = d.sections.get(key) or []
        if not items:
            continue
        out.append(f'<section id="{key}"><h2>{_e(heading)}</h2><ul>')
        for item in items:
            cls = f' class="item flip{item.numbers.get("to", "")}"' if item.kind == "flip" else ' class="item"'
            n = item.numbers.get("statements")
            out.append(f"<li{cls}><strong>{_e(item.title)}</strong>"
                       + (f' <span class="detail">{_e(item.detail)}</span>' if item.detail else "")
                       + (f' <span class="n">({n} statement{"s" if n != 1 else ""})</span>' if n else ""))
            for e in item.evidence:
                out.append(f"<blockquote>{_e(e.sentence)}<br>{_html_source(e)}</blockquote>")
            out.append("</li>")
        out.append("</ul></section>")
    if d.new_articles:
        out.append('<section id="articles"><h2>Articles</h2><table><tr><th>date</th><th>article</th></tr>')
        for a in d.new_articles:
            url = _safe_url(a.get("url"))
            name = _e(a.get("title") or a["id"])
            out.append(f"<tr><td>{_e(a.get('date') or 'undated')}</td><td>"
                       + (f'<a href="{_e(url)}">{name}</a>' if url else name) + "</td></tr>")
        out.append("</table></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
