"""Train the NL2xx line model (``rules/boilerplate_model.json``) from the development set.

    python tools/train_boilerplate.py [--devset benchmarks/.data/devset] [--out rules/boilerplate_model.json]

Data: the devset's ``inline/`` and ``page/`` suites (real public pages from
mozilla/readability and newspaper4k rendered by a naive scraper, every line
labelled; see ../shared/tools/build_devset.py). ``mixed`` lines are not
trained or scored on. Each line is described by newslint's own NL2xx
classifier (``boilerplate.classify``) and turned into features by
``newslint/checks/boilerplate/model.py``, the same code inference runs.

Two logistic regressions are stacked: stage two sees stage one's scores of the
neighbouring lines; stage one's scores for stage two's training lines come
from an inner cross-validation, never from a model that saw those pages. A
Viterbi pass with one switch cost smooths the labels.

Figures printed (and recorded in the model file) are cross-validated grouped
by page: a page's inline and page versions always fall in the same fold, and
no figure comes from a page the scoring model was trained on. The switch cost
is one scalar picked from a short grid on those pooled out-of-fold scores.

Needs numpy and scikit-learn at training time only; newslint itself reads the
JSON with the standard library.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.boilerplate import load_devset
from newslint import Document
from newslint.checks.boilerplate import model as _chrome_model
from newslint.checks.boilerplate import phrases as _phrases
from newslint.checks.boilerplate.boilerplate import _own_headline, classify

FOLDS = 5
SUITES = ("inline", "page", "clean")
INNER_FOLDS = 3
C = 0.5
# The page suite repeats the inline suite's lines and adds the easy far-off navigation: it weighs less.
# ``clean`` is the same pages' article text alone (DEVSET/clean), every line body: what newslint
# lints most often is an article, and its own lists, infoboxes and datelines must not read as chrome.
# It is scored out of fold (lines flagged) but not trained on: with weight 0.5 and page-evidence
# features, out-of-fold inline precision fell (2026-11-30 trials), so its weight stays 0.
SUITE_WEIGHT = {"inline": 1.0, "page": 0.25, "clean": 0.0}
# Pages whose labels are silver (two extractors agreeing, tools/build_extra_devset.py) weigh less than
# pages with a repository's expected article text; the switch cost is picked on gold pages only.
SILVER_WEIGHT = 0.5
SWITCH_COSTS = (0.0, 0.5, 1.0, 2.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

# How each feature reads in a message ("Line looks like page chrome (score 0.93; <these>)").
DESCRIBE = {
    "log_words": "long line",
    "short": "a short line",
    "terminal": "ends like a sentence",
    "colon_end": "ends with a colon",
    "ellipsis_end": "ends with an ellipsis",
    "title_share": "title case",
    "title_untermed": "title case without a full stop",
    "caps_share": "written in capitals",
    "digit_share": "mostly figures",
    "link": "a link or handle",
    "bullet": "starts with a bullet",
    "separators": "menu separators",
    "phrase": "a phrase from the pack",
    "phrase_certain": "a phrase from the pack",
    "phrase_related": "a related-content phrase",
    "phrase_nav": "a navigation label",
    "phrase_social": "a share or subscribe prompt",
    "phrase_legal": "cookie or legal text",
    "phrase_credit": "a credit",
    "phrase_meta": "a byline or timestamp",
    "phrase_opens_block": "a block header",
    "shape_score": "its shape",
    "shape_link": "a bare link or handle",
    "shape_figures": "figures without words",
    "shape_timestamp": "a timestamp",
    "shape_menu": "a navigation trail",
    "shape_repeat": "repeated in the file",
    "shape_taglist": "a tag list",
    "shape_tail": "a short line after the article",
    "shape_label": "a label above the article",
    "repeated": "repeated in the file",
    "before_span": "above the article's prose",
    "after_span": "below the article's prose",
    "dist_before": "far above the article's prose",
    "dist_after": "far below the article's prose",
    "prev_phrase": "next to pack phrases",
    "next_phrase": "next to pack phrases",
    "credit": "a credit or image label",
    "near_credit": "next to a credit",
    "near_credit_sentence": "a caption next to a credit",
    "headline_cue": "a headline echoing the lede",
    "after_marker": "after a block header",
    "marker_dist": "after a block header",
    "s1_prev": "the line before is chrome",
    "s1_next": "the line after is chrome",
    "s1_mean_2": "the lines around it are chrome",
    "s1_mean_5": "the lines around it are chrome",
    "s1_max_2": "next to chrome",
    "s1_min_2": "between chrome lines",
    "s1_self": "its shape and place",
    "no_prose": "no article prose on the page",
    "stop_share": "function words",
    "list_in_span": "a list inside the article",
}
# Features that never explain a finding (their weight is real, but they read as noise).
_SILENT = {
    "log_chars",
    "rel_position",
    "prose_share_2",
    "prose_share_5",
    "run_log_len",
    "prev_log_words",
    "next_log_words",
    "prev_title",
    "next_title",
    "prev_terminal",
    "next_terminal",
    "prev_prose",
    "next_prose",
    "prev_edge",
    "next_edge",
    "body_vocab",
    "lede_echo",
    "long",
    "question",
    "stop_unknown",
    "prose",
    "foreign",
}


@dataclass
class PageData:
    name: str
    suite: str
    feats: list[dict[str, float]]
    unit_lines: list[tuple[int, int]]  # 1-based first and last line of each unit
    y: list[int | None]  # unit label: 1 chrome, 0 body, None unscored
    line_labels: list[bool | None]
    kinds: list[str]
    headline: int
    devset: Path
    silver: bool = False

    @property
    def source(self) -> str:
        return self.name.split("-", 1)[0]


def load_pack():
    from newslint.run.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(isolated=True, entry_points=False, select=["NL2"], corpus=False))
    return engine.ctx.packs.load("boilerplate", _phrases.parse)


def load_clean(devset: Path) -> list:
    """The devset's ``clean/`` article texts as pages whose every line is body."""
    from benchmarks.boilerplate import Page

    pages = []
    for path in sorted((devset / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        labels: list[bool | None] = [False if line.strip() else None for line in lines]
        pages.append(Page(path.stem, "en", "clean", text, labels, [""] * len(lines)))
    return pages


def silver_prefixes(devset: Path) -> tuple[str, ...]:
    """Page-name prefixes of the devset's sources whose labels are silver."""
    manifest = json.loads((devset / "manifest.json").read_text(encoding="utf-8"))
    return tuple(
        src["page_prefix"]
        for src in manifest.get("sources", [])
        if str(src.get("labels", "")).startswith("silver") and src.get("page_prefix")
    )


def build(devsets: list[Path]) -> list[PageData]:
    pack = load_pack()
    out = []
    for devset, suite in ((d, s) for d in devsets for s in SUITES):
        silver = silver_prefixes(devset)
        for page in load_devset(devset, suite) if suite != "clean" else load_clean(devset):
            doc = Document(page.text, page.name)
            classified = classify(doc, pack)
            if classified is None:
                continue
            units = classified.units
            feats = _chrome_model.features(units, classified.first, classified.last, classified.stopwords)
            spans = [(u.para.line, u.para.end_line) for u in units]
            y: list[int | None] = []
            for a, b in spans:
                labels = [page.labels[k - 1] for k in range(a, b + 1) if k - 1 < len(page.labels)]
                labels = [x for x in labels if x is not None]
                y.append(None if not labels else int(sum(labels) * 2 >= len(labels)))
            out.append(
                PageData(
                    page.name,
                    suite,
                    feats,
                    spans,
                    y,
                    page.labels,
                    page.kinds or [],
                    _own_headline(doc, units),
                    devset,
                    bool(silver) and page.name.startswith(silver),
                )
            )
    return out


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)


class Stage:
    def __init__(self, names: list[str]):
        self.names = names

    def fit(self, rows: list[dict[str, float]], y: list[int], w: list[float]) -> Stage:
        x = matrix(rows, self.names)
        self.mean = x.mean(axis=0)
        self.scale = x.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        self.lr = LogisticRegression(C=C, max_iter=2000).fit((x - self.mean) / self.scale, y, sample_weight=w)
        return self

    def predict(self, rows: list[dict[str, float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        x = matrix(rows, self.names)
        return self.lr.predict_proba((x - self.mean) / self.scale)[:, 1]

    def export(self) -> dict:
        w = self.lr.coef_[0]
        return {
            "bias": round(float(self.lr.intercept_[0]), 6),
            "weights": {
                n: [round(float(w[k]), 6), round(float(self.mean[k]), 6), round(float(self.scale[k]), 6)]
                for k, n in enumerate(self.names)
                if abs(w[k]) > 1e-9
            },
        }


def _train_rows(
    pages: list[PageData], scores: list[np.ndarray] | None
) -> tuple[list[dict[str, float]], list[int], list[float]]:
    rows, y, w = [], [], []
    for k, p in enumerate(pages):
        feats = p.feats if scores is None else _second(p, scores[k])
        for f, label in zip(feats, p.y):
            if label is not None and SUITE_WEIGHT[p.suite]:
                rows.append(f)
                y.append(label)
                w.append(SUITE_WEIGHT[p.suite] * (SILVER_WEIGHT if p.silver else 1.0))
    return rows, y, w


def _second(p: PageData, s1: np.ndarray) -> list[dict[str, float]]:
    s = [float(v) for v in s1]
    return [_chrome_model.neighbour_features(f, s, i) for i, f in enumerate(p.feats)]


def fit_two(pages: list[PageData], names1: list[str], names2: list[str]) -> tuple[Stage, Stage]:
    """Stage one on ``pages``; stage two on inner out-of-fold stage-one scores."""
    oof = inner_oof(pages, names1)
    s1 = Stage(names1).fit(*_train_rows(pages, None))
    s2 = Stage(names2).fit(*_train_rows(pages, oof))
    return s1, s2


def inner_oof(pages: list[PageData], names1: list[str]) -> list[np.ndarray]:
    groups = [p.name for p in pages]
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for tr, te in GroupKFold(INNER_FOLDS).split(pages, groups=groups):
        st = Stage(names1).fit(*_train_rows([pages[k] for k in tr], None))
        for k in te:
            oof[k] = st.predict(pages[k].feats)
    return oof


def predict_two(s1: Stage, s2: Stage, p: PageData) -> np.ndarray:
    return s2.predict(_second(p, s1.predict(p.feats)))


def line_decisions(p: PageData, probs: np.ndarray, threshold: float, cost: float) -> list[bool]:
    chrome = _chrome_model.decide([float(v) for v in probs], threshold, cost, p.feats)
    flagged = [False] * len(p.line_labels)
    for k, ((a, b), c) in enumerate(zip(p.unit_lines, chrome)):
        if c and k != p.headline:
            for line in range(a, b + 1):
                if line - 1 < len(flagged):
                    flagged[line - 1] = True
    return flagged


def flagged_count(p: PageData, probs: np.ndarray, threshold: float, cost: float) -> int:
    """How many of the page's scored lines are flagged."""
    flagged = line_decisions(p, probs, threshold, cost)
    return sum(1 for label, hit in zip(p.line_labels, flagged) if hit and label is not None)


def figures(pages: list[PageData], probs: list[np.ndarray], threshold: float, cost: float) -> dict:
    tp = fp = fn = body = 0
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for p, pr in zip(pages, probs):
        flagged = line_decisions(p, pr, threshold, cost)
        for label, kind, hit in zip(p.line_labels, p.kinds, flagged):
            if label is None:
                continue
            if label:
                tp += hit
                fn += not hit
                total[kind] += 1
                found[kind] += hit
            else:
                body += 1
                fp += hit
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "body_flagged": round(fp / body, 4) if body else 0.0,
        "lines": tp + fp + fn + body - fp,
        "per_kind_recall": {k: round(found[k] / total[k], 2) for k, _ in total.most_common()},
    }


def main() -> int:
    global SILVER_WEIGHT, C
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--devset",
        type=Path,
        action="append",
        help="a devset folder (repeat to train on several); default benchmarks/.data/devset",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / _chrome_model.MODEL_FILE)
    ap.add_argument("--default-threshold", type=float, default=0.6)
    ap.add_argument(
        "--oof",
        type=Path,
        default=Path("/tmp/chrome-model-oof.pickle"),
        help="where to keep the out-of-fold scores, for re-scoring decisions without retraining",
    )
    ap.add_argument("--C", type=float, default=C, help="inverse regularisation strength of both stages")
    ap.add_argument(
        "--silver-weight",
        type=float,
        default=SILVER_WEIGHT,
        help="training weight of pages with silver labels (two extractors agreeing)",
    )
    args = ap.parse_args()
    SILVER_WEIGHT = args.silver_weight
    C = args.C
    devsets = args.devset or [ROOT / "benchmarks" / ".data" / "devset"]
    pages = build(devsets)
    names1 = sorted({k for p in pages for f in p.feats for k in f} - _chrome_model.GUARD_FEATURES)
    names2 = sorted(set(names1) | {"s1_self", "s1_prev", "s1_next", "s1_mean_2", "s1_mean_5", "s1_max_2", "s1_min_2"})
    names = sorted({p.name for p in pages})
    print(f"{len(names)} pages, {sum(len(p.feats) for p in pages)} units, {len(names1)} features", file=sys.stderr)
    # Outer cross-validation, grouped by page.
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    groups = [p.name for p in pages]
    for fold, (tr, te) in enumerate(GroupKFold(FOLDS).split(pages, groups=groups)):
        s1, s2 = fit_two([pages[k] for k in tr], names1, names2)
        for k in te:
            oof[k] = predict_two(s1, s2, pages[k])
        print(f"fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    import pickle

    with open(args.oof, "wb") as fh:  # for re-scoring decisions without retraining
        pickle.dump((pages, oof), fh)
    cv: dict[str, dict] = {}
    best_cost, best_f = SWITCH_COSTS[0], -1.0
    for cost in SWITCH_COSTS:
        sel = [k for k, p in enumerate(pages) if p.suite == "inline" and not p.silver]
        f = figures([pages[k] for k in sel], [oof[k] for k in sel], args.default_threshold, cost)
        f1 = 2 * f["precision"] * f["recall"] / (f["precision"] + f["recall"] or 1)
        print(f"switch cost {cost}: inline P {f['precision']} R {f['recall']} F1 {f1:.3f}")
        if f1 > best_f:
            best_cost, best_f = cost, f1
    for suite in SUITES:
        sel = [k for k, p in enumerate(pages) if p.suite == suite]
        if not sel:
            continue
        cv[suite] = {}
        for t in THRESHOLDS:
            f = figures([pages[k] for k in sel], [oof[k] for k in sel], t, best_cost)
            if suite == "clean":  # every line is body: what counts is how many are flagged
                f = {"lines": f["lines"], "body_flagged": f["body_flagged"]}
                f["flagged"] = sum(flagged_count(pages[k], oof[k], t, best_cost) for k in sel)
                print(f"CV clean  threshold {t}: {f['flagged']} lines flagged ({f['body_flagged']:.2%})")
            else:
                print(
                    f"CV {suite:6s} threshold {t}: P {f['precision']:.3f} R {f['recall']:.3f} "
                    f"body flagged {f['body_flagged']:.1%}"
                )
            cv[suite][str(t)] = f
        if suite == "clean":
            continue
        print(f"  per kind at {args.default_threshold}: {cv[suite][str(args.default_threshold)]['per_kind_recall']}")
        for source in sorted({pages[k].source for k in sel}):
            part = [k for k in sel if pages[k].source == source]
            for t in (args.default_threshold, 0.9):
                f = figures([pages[k] for k in part], [oof[k] for k in part], t, best_cost)
                cv[suite].setdefault("by_source", {}).setdefault(source, {})[str(t)] = f | {"pages": len(part)}
                print(
                    f"  {source:12s} ({len(part)} pages) threshold {t}: P {f['precision']:.3f} R {f['recall']:.3f} "
                    f"body flagged {f['body_flagged']:.1%}"
                )
    with open("/tmp/chrome-model-oof.txt", "w", encoding="utf-8") as fh:
        for k, p in enumerate(pages):
            if p.suite != "inline":
                continue
            text = (p.devset / "inline" / "files" / f"{p.name}.txt").read_text(encoding="utf-8").split("\n")
            flagged = line_decisions(p, oof[k], args.default_threshold, best_cost)
            for i, (label, hit) in enumerate(zip(p.line_labels, flagged)):
                if label is not None and label != hit:
                    fh.write(f"{'FP' if hit else 'FN'} {p.name}:{i + 1}: {text[i][:100]}\n")
    s1, s2 = fit_two(pages, names1, names2)
    sources = []
    for d in devsets:
        sources += json.loads((d / "manifest.json").read_text(encoding="utf-8")).get("sources", [])
    for src in sources:  # the devset builder names its sources; the licences are those repositories'
        src.setdefault(
            "repo",
            {"readability": "mozilla/readability", "newspaper4k": "AndyTheFactory/newspaper4k"}.get(
                src["source"], src["source"]
            ),
        )
        src.setdefault("licence", {"readability": "Apache-2.0", "newspaper4k": "MIT"}.get(src["source"], "see repo"))
    model = {
        "schema": _chrome_model.SCHEMA,
        "about": "NL2xx line model: two stacked logistic regressions and a Viterbi switch cost. "
        "Rebuilt by tools/train_boilerplate.py; weights are [weight, mean, scale] of each standardised feature.",
        "provenance": {
            "trained": datetime.date.today().isoformat(),
            "sources": sources,
            "pages": len(names),
            "suites": list(SUITES),
            "suite_weights": SUITE_WEIGHT,
            "silver_weight": SILVER_WEIGHT,
            "C": C,
            "units": sum(sum(1 for y in p.y if y is not None) for p in pages),
            "builder": "../shared/tools/build_devset.py and tools/build_extra_devset.py "
            "(pagetext.py naive scraper, English pages only)",
            "cv": f"{FOLDS}-fold ({INNER_FOLDS}-fold inner), grouped by page, nested for the stacked stage; switch cost picked on pooled out-of-fold inline F1",
            "cv_decisions": "out-of-fold probabilities of the trained stages, decided by model.decide "
            "(sequence layer, sure evidence, prose guard) as shipped",
        },
        "cv": cv,
        "switch_cost": best_cost,
        "describe": {k: v for k, v in DESCRIBE.items() if k not in _SILENT},
        "stage1": s1.export(),
        "stage2": s2.export(),
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (switch cost {best_cost})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
