"""--format html: self-contained, escaped, and rendered by a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS, run_main

from newslint import lint_text
from newslint.output.reporter import ReportContext
from newslint.output.reporters.html import render
from newslint.plugin.registry import Registry, make_plugin_manager

HOSTILE = (
    'Headline <script>alert("x")</script> & more \n'
    "\u00a0\n"
    "Japan\u00e2\u20ac\u2122s minister visited the caf\u00c3\u00a9 \U0001f600 with Taka\u200bichi.\n\n\n"
)
HOSTILE_NAME = 'evil <img src=x onerror="alert(1)">&amp;.txt'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _report(text: str = HOSTILE, path: str = HOSTILE_NAME) -> str:
    diagnostics = lint_text(text, path, isolated=True, entry_points=False, select=["NL5"])
    rules = Registry.collect(make_plugin_manager(entry_points=False)).rules
    return render(diagnostics, ReportContext(rules=rules, files_checked=1, texts={path: text}))


class TestRender:
    """The page escapes everything, fetches nothing, and shows each finding in context."""

    def test_everything_from_the_input_is_escaped(self):
        page = _report()
        assert "<script" not in page and "<img" not in page and 'onerror="' not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in page
        assert "evil &lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;.txt" in page

    def test_nothing_is_fetched(self):
        page = _report()
        assert "Content-Security-Policy" in page and "default-src 'none'" in page
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
        assert not re.search(r"<link|<script|@import|url\(", page)

    def test_span_is_highlighted_with_the_suggestion_beside_it(self):
        page = _report()
        assert "caf<mark>\u00c3\u00a9</mark>" in page  # the mojibake run, nothing more
        assert "Replace with &quot;\u00e9&quot;" in page
        assert '<mark><span class="ws">\u237d</span></mark>' in page  # the no-break-space line, made visible
        assert 'Taka<mark><span class="inv" title="U+200B">ZWSP</span></mark>ichi' in page
        assert page.count('<article class="finding"') == 6

    def test_charts_and_top_files(self, tmp_path):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, tmp_path / seed.name)
        (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
        out = tmp_path / "report.html"
        proc = run_main("--isolated", "--select", "NL5", "--format", "html", "-o", str(out), ".", cwd=tmp_path)
        assert proc.returncode == 1
        page = out.read_text(encoding="utf-8")
        by_category = page.split("Findings by category", 1)[1].split("</svg>", 1)[0]
        assert by_category.count("<rect") == 3  # whitespace, duplicate, encoding
        assert re.search(r"<title>whitespace: 8</title>", by_category)
        by_rule = page.split("Findings by rule", 1)[1].split("</svg>", 1)[0]
        assert "<title>NL510 whitespace-only-line: 4</title>" in by_rule
        top = page.split("Files with the most findings", 1)[1].split("</table>", 1)[0]
        assert re.findall(r'href="#file-\d+">([^<]+)<', top) == [
            "hostile.txt",
            "003_1ee38f6cb67d9728.txt",
            "002_566b46e06db8f717.txt",
        ]

    def test_a_clean_run_says_so(self, tmp_path):
        (tmp_path / "a.txt").write_text("Clean text.\n")
        out = tmp_path / "r.html"
        assert run_main("--isolated", "--format", "html", "-o", str(out), "a.txt", cwd=tmp_path).returncode == 0
        assert "<h2>No findings</h2>" in out.read_text()


def _chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _console(stderr: str) -> list[str]:
    """Messages the page wrote to the console (errors, CSP violations, blocked loads)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
class TestInChromium:
    """A real headless browser renders the report without a single console message."""

    def test_renders_to_a_png_without_errors(self, tmp_path):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, tmp_path / seed.name)
        (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
        report = tmp_path / "report.html"
        run_main("--isolated", "--select", "NL5", "--format", "html", "-o", str(report), ".", cwd=tmp_path)
        found = json.loads(run_main("--isolated", "--select", "NL5", "--format", "json", ".", cwd=tmp_path).stdout)
        assert len(found) >= 10, "the seeds and the hostile file hold duplicates and stray whitespace"
        png = tmp_path / "report.png"
        shot = _chromium(tmp_path, report.as_uri(), f"--screenshot={png}", "--window-size=1200,2000")
        assert png.exists(), shot.stderr
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (1200, 2000)
        assert len(data) > 50_000, "a blank page compresses to a few kB"
        assert _console(shot.stderr) == []
        dom = _chromium(tmp_path, report.as_uri(), "--dump-dom")
        assert _console(dom.stderr) == []
        assert dom.stdout.count('<article class="finding"') == len(found)
        categories, codes = {d["category"] for d in found}, {d["code"] for d in found}
        assert dom.stdout.count("<rect") == len(categories) + len(codes)  # one bar per category and per rule
        assert "<mark>" in dom.stdout and "<script" not in dom.stdout

    def test_the_console_check_catches_a_broken_page(self, tmp_path):
        """The control: a page that tries a fetch and a script is caught by the same check."""
        page = _report().replace("</main>", '</main><img src="http://example.invalid/x.png"><script>1</script>')
        bad = tmp_path / "bad.html"
        bad.write_text(page, encoding="utf-8")
        result = _chromium(tmp_path, bad.as_uri(), "--dump-dom")
        messages = _console(result.stderr)
        assert any("Content Security Policy" in m for m in messages), result.stderr[-2000:]
