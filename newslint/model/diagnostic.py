"""The records that cross every boundary: rules, severities, categories, diagnostics.

Everything here is a frozen, picklable value so that it can travel between
worker processes, into the cache and out through any reporter unchanged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from newslint.text.lazy_re import lazy_compile

__all__ = ["CODE_PATTERN", "Category", "Diagnostic", "Edit", "Rule", "Severity"]

#: Codes are a 2-4 letter prefix and three digits; the hundred names the family.
CODE_PATTERN = lazy_compile(r"^[A-Z]{2,4}[0-9]{3}$")


class Severity(str, enum.Enum):
    """How sure a rule is that the finding is a defect."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(str, enum.Enum):
    """What kind of defect a rule finds; the JSON ``category`` field."""

    TYPO = "typo"
    ORPHAN_TEXT = "orphan-text"
    TITLE = "title"
    ROMANIZATION = "romanization"
    DUPLICATE = "duplicate"
    TYPOGRAPHY = "typography"
    WHITESPACE = "whitespace"
    GRAMMAR = "grammar"
    USAGE = "usage"
    ENCODING = "encoding"


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation, declared by ``newslint_rules``.

    Args:
        code: ``NL`` (or a plugin's own prefix) plus three digits, never reused.
        name: kebab-case name of the defect, so "ignore duplicate-paragraph" reads right.
        category: The defect family reported in JSON output.
        severity: Default severity of its diagnostics.
        summary: One line, sentence case, no full stop.
        explanation: ``--explain`` text: What it does / Why is this bad? / Example.
        default_enabled: False for opt-in rules that ``select`` must name.
        fixable: True when the rule can attach a safe fix (applied by ``--fix``).
        unsafe_fixable: True when the rule can attach an unsafe fix (applied by
            ``--fix --unsafe-fixes``).
        owns_region: True when a finding of this rule marks its lines as page
            chrome: the engine then drops the findings of other families
            (another hundred of codes) that lie wholly on those lines and
            judge the words (not the encoding and whitespace categories), so
            a region is reported once (the NL2xx chrome rules declare it).
        stage: Where its findings come from: ``"document"`` (``newslint_check``),
            ``"corpus"`` (``newslint_check_corpus`` only) or ``"both"``. A
            suppression naming a corpus rule is weighed after the corpus run,
            and one naming a corpus-only rule is never unused in a run without
            the corpus stage (one file in a pre-commit hook).
    """

    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    explanation: str
    default_enabled: bool = True
    fixable: bool = False
    unsafe_fixable: bool = False
    owns_region: bool = False
    stage: str = "document"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) with ``replacement``.

    ``row``/``column`` and ``end_row``/``end_column`` are the same span as
    1-based positions (code points, end exclusive); ``Document.diagnostic``
    fills them so reporters can give fixes as data without the text. 0: unknown.
    """

    start: int
    end: int
    replacement: str
    row: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    end_row: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, with 1-based lines and columns counted in code points.

    ``end_line``/``end_column`` are exclusive, as in LSP. ``start``/``end`` are
    the same span as offsets into the decoded text; fixes and reporters that
    show context use them. ``fix`` holds edits that are safe to apply; an
    ``unsafe_fix`` is applied only under ``--unsafe-fixes``. ``anchor`` is a
    digest of the text around the finding (see ``newslint.output.baseline``), which
    baselines and SARIF fingerprints use instead of the line number.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    severity: Severity = field(compare=False)
    category: Category = field(compare=False)
    suggestion: str | None = field(default=None, compare=False)
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    fix: tuple[Edit, ...] = field(default=(), compare=False)
    unsafe_fix: tuple[Edit, ...] = field(default=(), compare=False)
    anchor: str = field(default="", compare=False)

    def fix_data(self) -> dict[str, object] | None:
        """The fix as data, in ruff's JSON shape: applicability, message and edits.

        The safe fix when there is one, else the unsafe one; ``None`` without a fix.
        Rows and columns are 1-based code points; ``end_location`` is exclusive.
        """
        edits, applicability = (self.fix, "safe") if self.fix else (self.unsafe_fix, "unsafe")
        if not edits:
            return None
        return {
            "applicability": applicability,
            "message": self.suggestion,
            "edits": [
                {
                    "content": e.replacement,
                    "location": {"row": e.row or self.line, "column": e.column or self.column},
                    "end_location": {"row": e.end_row or self.end_line, "column": e.end_column or self.end_column},
                }
                for e in edits
            ],
        }

    def to_dict(self) -> dict[str, object]:
        """The documented JSON record (see README, "JSON output")."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "fix": self.fix_data(),
        }
