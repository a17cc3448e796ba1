"""``--format html``: one self-contained page people would rather read than a log.

Totals by category and by rule as inline SVG bar charts, the files with the
most findings, then every finding in its context with the span highlighted
and the suggestion beside it. No script, no external fetch: a
Content-Security-Policy forbids anything but the inline style, and every
piece of text from an article, a path or a plugin is HTML-escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, Document, ReportContext, Reporter, Severity, __version__, hookimpl
from newslint.output.reporter import display_path

#: Findings shown per file; the rest are counted (use --format json for all of them).
MAX_FINDINGS_PER_FILE = 200
#: Files listed in "Files with the most findings".
TOP_FILES = 10
#: Lines of context shown before and after a finding.
CONTEXT_LINES = 1
#: A span longer than this many lines shows its first and last lines only.
MAX_SPAN_LINES = 6

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_SEVERITY_COLOUR = {Severity.ERROR: "#c62828", Severity.WARNING: "#b26a00", Severity.INFO: "#1565c0"}
_PALETTE = (
    "#3949ab",
    "#00897b",
    "#8e24aa",
    "#f4511e",
    "#6d4c41",
    "#546e7a",
    "#c0ca33",
    "#d81b60",
    "#039be5",
    "#43a047",
)
# Characters that are invisible on screen, shown as a visible token inside a highlight.
_VISIBLE = {
    " ": "\u00b7",
    "\t": "\u2192",
    "\u00a0": "\u237d",
    "\u3000": "\u25a1",
    "\r": "",
}
_INVISIBLE_NAMES = {
    "\u200b": "ZWSP",
    "\u2060": "WJ",
    "\u00ad": "SHY",
    "\ufeff": "BOM",
    "\u200e": "LRM",
    "\u200f": "RLM",
}

_STYLE = """
:root { --fg: #1d2330; --muted: #5f6b7a; --line: #e3e7ee; --bg: #f6f8fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { background: #1d2330; color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c5cde0; }
main { padding: 8px 32px 48px; max-width: 1280px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 28px 0 8px; font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.card b { display: block; font-size: 24px; }
.card span { color: var(--muted); font-size: 13px; }
.charts { display: grid; align-items: start; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.panel h2 { margin-top: 0; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg text.count { fill: var(--muted); }
table { border-collapse: collapse; width: 100%; background: #fff; }
td, th { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); font-size: 14px; }
td.path { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.minibar { display: inline-block; height: 10px; background: #3949ab; border-radius: 2px; vertical-align: middle; }
.finding { display: grid; grid-template-columns: minmax(0, 3fr) minmax(200px, 1fr); gap: 0; background: #fff;
  border: 1px solid var(--line); border-left: 4px solid var(--sev); border-radius: 6px; margin: 10px 0; }
.finding .main { padding: 10px 14px; min-width: 0; }
.finding .side { padding: 10px 14px; background: #fafbfd; border-left: 1px solid var(--line); font-size: 14px; }
.finding .side .label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta { font-size: 13px; color: var(--muted); }
.code { font-weight: 600; color: var(--sev); }
.msg { margin: 2px 0 8px; }
pre { margin: 0; padding: 8px 0; background: #fbfbf8; border: 1px solid #eee8d5; border-radius: 4px; overflow-x: auto;
  white-space: pre-wrap; word-break: break-word; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; }
.ln { display: inline-block; width: 4.5em; padding-right: 1em; text-align: right; color: #9aa4b2; user-select: none; }
.row { display: block; padding-left: 0; }
.row.hit { background: #fff8e1; }
mark { background: #ffd54f; color: #000; border-radius: 2px; box-shadow: 0 0 0 1px #f9a825; }
mark .ws, mark.eol { color: #8d6e00; }
.inv { font-size: 10px; padding: 0 2px; border: 1px solid #8d6e00; border-radius: 2px; }
.gap { color: #9aa4b2; font-style: italic; }
.badge { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 9px; background: #e8f5e9; color: #2e7d32; margin-top: 6px; }
.badge.unsafe { background: #fff3e0; color: #b26a00; }
.more { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; padding: 0 32px 24px; }
"""


def _e(text: object) -> str:
    import html  # only when this format is asked for

    return html.escape(str(text), quote=True)


def _bar_chart(title: str, rows: Sequence[tuple[str, int, str]], label_width: int = 230) -> str:
    """A horizontal bar chart as inline SVG: ``rows`` of (label, value, colour)."""
    if not rows:
        return f'<div class="panel"><h2>{_e(title)}</h2><p class="meta">Nothing to show.</p></div>'
    row_h, width, bar_max = 24, 640, 640 - label_width - 60
    top = max(v for _, v, _ in rows)
    height = row_h * len(rows) + 6
    parts = [f'<svg role="img" aria-label="{_e(title)}" width="100%" viewBox="0 0 {width} {height}">']
    for i, (label, value, colour) in enumerate(rows):
        y = i * row_h + 4
        w = max(2, round(bar_max * value / top))
        shown = label if len(label) <= 34 else label[:33] + "\u2026"
        parts.append(
            f"<g><title>{_e(label)}: {value}</title>"
            f'<text x="{label_width - 8}" y="{y + 14}" text-anchor="end">{_e(shown)}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{w}" height="{row_h - 8}" rx="3" fill="{colour}"/>'
            f'<text class="count" x="{label_width + w + 6}" y="{y + 14}">{value}</text></g>'
        )
    parts.append("</svg>")
    return f'<div class="panel"><h2>{_e(title)}</h2>{"".join(parts)}</div>'


def _visible(text: str) -> str:
    """Escape a highlighted span, making invisible characters visible.

    Spaces and tabs are shown as symbols only when the span holds no words
    (a whitespace finding); in a highlighted paragraph they stay spaces.
    """
    show_spaces = not any(ch.isalnum() for ch in text)
    out: list[str] = []
    for ch in text:
        if ch in _VISIBLE and (show_spaces or ch not in " \t"):
            out.append(f'<span class="ws">{_VISIBLE[ch]}</span>' if _VISIBLE[ch] else "")
        elif ch in _INVISIBLE_NAMES:
            out.append(f'<span class="inv" title="U+{ord(ch):04X}">{_INVISIBLE_NAMES[ch]}</span>')
        else:
            out.append(_e(ch))
    return "".join(out)


def _context(doc: Document, diag: Diagnostic) -> str:
    """The lines around ``diag`` with its span highlighted, as a ``<pre>`` block."""
    first, last = diag.line, max(diag.line, diag.end_line)
    if diag.end > diag.start and diag.end_column == 1 and last > first:
        last -= 1  # a span ending at a line start does not touch that line
    lo, hi = max(1, first - CONTEXT_LINES), min(len(doc.lines), last + CONTEXT_LINES)
    numbers = list(range(lo, hi + 1))
    if last - first + 1 > MAX_SPAN_LINES:
        keep = set(range(lo, first + 3)) | set(range(last - 1, hi + 1))
        numbers = [n for n in numbers if n in keep]
    rows: list[str] = []
    previous = None
    for number in numbers:
        if previous is not None and number != previous + 1:
            rows.append(
                f'<span class="row gap"><span class="ln">\u22ee</span>{number - previous - 1} more lines</span>'
            )
        previous = number
        line = doc.lines[number - 1]
        text = doc.text[line.start : line.end]
        s = max(diag.start, line.start) - line.start
        t = min(diag.end, line.end) - line.start
        hit = first <= number <= last
        if not hit:
            body = _e(text)
        elif diag.end == diag.start:
            body = _e(text[:s]) + '<mark class="eol">\u2038</mark>' + _e(text[s:])
        else:
            body = _e(text[:s]) + ("<mark>" + _visible(text[s:t]) + "</mark>" if t > s else "") + _e(text[t:])
            if diag.end > line.end and line.terminator:  # the span takes the line break too
                body += '<mark class="eol">\u23ce</mark>'
        cls = "row hit" if hit else "row"
        rows.append(f'<span class="{cls}"><span class="ln">{number}</span>{body}</span>')
    return "<pre>" + "".join(rows) + "</pre>"


def _finding(diag: Diagnostic, ctx: ReportContext, doc: Document | None) -> str:
    rule = ctx.rules.get(diag.code)
    name = f" {rule.name}" if rule else ""
    colour = _SEVERITY_COLOUR[diag.severity]
    where = f"line {diag.line}, column {diag.column}"
    context = _context(doc, diag) if doc is not None else ""
    side = []
    if diag.suggestion:
        side.append(f'<span class="label">Suggestion</span>{_e(diag.suggestion)}')
    else:
        side.append('<span class="label">Suggestion</span><span class="meta">None: see the rule\'s explanation</span>')
    if diag.fix:
        side.append('<br><span class="badge">fixable with --fix</span>')
    elif diag.unsafe_fix:
        side.append('<br><span class="badge unsafe">fixable with --fix --unsafe-fixes</span>')
    if rule:
        side.append(f'<p class="meta">{_e(rule.category.value)} · {_e(diag.severity.value)}<br>{_e(rule.summary)}</p>')
    return (
        f'<article class="finding" style="--sev: {colour}">'
        f'<div class="main"><div class="meta"><span class="code">{_e(diag.code)}{_e(name)}</span> · {where}</div>'
        f'<div class="msg">{_e(diag.message)}</div>{context}</div>'
        f'<aside class="side">{"".join(side)}</aside></article>'
    )


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    """The whole report as one HTML string."""
    by_file: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_file.setdefault(diag.path, []).append(diag)
    severities = Counter(d.severity for d in diagnostics)
    categories = Counter(d.category.value for d in diagnostics)
    rules = Counter(d.code for d in diagnostics)
    colour_of = {cat: _PALETTE[i % len(_PALETTE)] for i, cat in enumerate(sorted(categories))}
    anchors = {path: f"file-{i}" for i, path in enumerate(sorted(by_file))}

    findings = f"{len(diagnostics)} finding{'' if len(diagnostics) == 1 else 's'}"
    cards = [
        ("finding" if len(diagnostics) == 1 else "findings", len(diagnostics)),
        ("files with findings", len(by_file)),
        ("files checked", ctx.files_checked),
        *((s.value + ("s" if severities[s] != 1 else ""), severities[s]) for s in Severity),
    ]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>newslint report: {findings}</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<header><h1>newslint report</h1>",
        f"<p>{findings} in {len(by_file)} of {ctx.files_checked} files</p></header><main>",
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{n}</b><span>{_e(label)}</span></div>' for label, n in cards)
        + "</div>",
    ]
    if ctx.errors:
        items = "".join(f"<li>{_e(err)}</li>" for err in ctx.errors)
        out.append(f'<h2>Files that could not be checked</h2><ul class="meta">{items}</ul>')
    if not diagnostics:
        out.append("<h2>No findings</h2><p>Every file checked is clean.</p>")
    else:
        category_rows = [(cat, n, colour_of[cat]) for cat, n in categories.most_common()]
        rule_rows = []
        for code, n in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
            rule = ctx.rules.get(code)
            label = f"{code} {rule.name}" if rule else code
            rule_rows.append(
                (label, n, colour_of[rule.category.value] if rule and rule.category.value in colour_of else "#546e7a")
            )
        out.append('<div class="charts">')
        out.append(_bar_chart("Findings by category", category_rows, label_width=150))
        out.append(_bar_chart("Findings by rule", rule_rows))
        out.append("</div>")
        top = sorted(by_file.items(), key=lambda item: (-len(item[1]), item[0]))[:TOP_FILES]
        most = len(top[0][1])
        rows = "".join(
            f'<tr><td class="path"><a href="#{anchors[path]}">{_e(display_path(path))}</a></td><td>{len(diags)}</td>'
            f'<td><span class="minibar" style="width: {max(2, round(160 * len(diags) / most))}px"></span></td>'
            f"<td>{_e(', '.join(f'{c} ×{n}' for c, n in Counter(d.code for d in diags).most_common(4)))}</td></tr>"
            for path, diags in top
        )
        out.append(
            "<h2>Files with the most findings</h2>"
            f"<table><thead><tr><th>File</th><th>Findings</th><th></th><th>Rules</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        out.append("<h2>Findings</h2>")
        for path in sorted(by_file):
            diags = by_file[path]
            text = ctx.texts.get(path)
            doc = Document(text, path) if text is not None else None
            noun = "finding" if len(diags) == 1 else "findings"
            out.append(
                f'<section><h3 id="{anchors[path]}">{_e(display_path(path))} <span class="meta">({len(diags)} {noun})</span></h3>'
            )
            out.extend(_finding(d, ctx, doc) for d in diags[:MAX_FINDINGS_PER_FILE])
            if len(diags) > MAX_FINDINGS_PER_FILE:
                out.append(
                    f'<p class="more">{len(diags) - MAX_FINDINGS_PER_FILE} more not shown; see --format json.</p>'
                )
            out.append("</section>")
    out.append(f"</main><footer>Generated by newslint {_e(__version__)}.</footer></body></html>")
    return "\n".join(out) + "\n"


def report_html(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    out.write(render(diagnostics, ctx))


#: The CLI keeps every document's text for reporters that show context.
report_html.needs_texts = True  # type: ignore[attr-defined]


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"html": report_html}
