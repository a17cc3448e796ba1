"""Error analysis of the NL2xx line model's out-of-fold decisions on the devset's inline/ suite.

    python tools/train_boilerplate.py --out /tmp/model.json --oof /tmp/oof.pickle
    python tools/boilerplate_error_kinds.py /tmp/oof.pickle [THRESHOLD [SWITCH_COST]] [-v]

Reads the out-of-fold scores the trainer pickles (cross-validated grouped by
page: no line is scored by a model trained on its page) and prints the missed
chrome lines and the body lines flagged, by kind. The kinds come from the gold
row's HTML tag and region and from the line's text (length, sentence end,
credit words, figures); ``-v`` prints examples with their neighbours. Used for
docs/boilerplate.md, "Error analysis, 2026-12-01". Needs the trainer's
dependencies (numpy, scikit-learn).
"""

import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import __main__
from tools import train_boilerplate as tb

if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
    print(__doc__)
    sys.exit(0 if len(sys.argv) > 1 else 2)
__main__.PageData = tb.PageData  # the trainer pickles its pages from __main__
with open(sys.argv[1], "rb") as fh:
    pages, oof = pickle.load(fh)
args = [a for a in sys.argv[2:] if a != "-v"]
T = float(args[0]) if args else 0.8
COST = float(args[1]) if len(args) > 1 else 2.0
DEV = ROOT / "benchmarks" / ".data" / "devset"
gold = defaultdict(dict)
with open(DEV / "inline/gold.jsonl", encoding="utf-8") as fh:
    for row in fh:
        r = json.loads(row)
        gold[Path(r["path"]).stem][r["line"]] = r

CREDIT = re.compile(
    r"\u00a9|\b(photo|image|picture|credit|illustration|getty|shutterstock|reuters|afp|ap photo|alamy|istock)\b",
    re.IGNORECASE,
)


def words(t):
    return len(t.split())


def titleish(t):
    ws = re.findall(r"[^\W\d_]+", t)
    return ws and sum(w[0].isupper() for w in ws) / len(ws) >= 0.6


def kind(name, ln, texts, headline_line):
    r = gold[name][ln]
    tag, reg, t = r["tag"], r["region"], r["text"]
    w = words(t)
    term = bool(re.search(r"[.!?\u2026][\"'\u201d\u2019)]*$", t))
    letters = sum(c.isalpha() for c in t)
    digits = sum(c.isdigit() for c in t)
    if ln == headline_line:
        return "own headline (never flagged, by design)"
    if tag == "h1" or reg == "title":
        return "headline/standfirst"
    if tag == "figcaption" or reg in ("figcaption", "caption", "figure", "credit") or (CREDIT.search(t) and w <= 12):
        return "caption/credit"
    if letters <= digits or letters < 3:
        return "figures/chart labels"
    if reg in ("author", "byline", "date", "meta", "time") or re.search(
        r"^(by|posted|published|updated)\b", t, re.IGNORECASE
    ):
        return "byline/date/author box"
    if reg in ("tag", "tags", "topics"):
        return "tags"
    if reg in ("comment", "comments"):
        return "comments"
    if re.search(
        r"newsletter|subscribe|sign up|sign in|cookie|share|follow|email|log in|register", t, re.IGNORECASE
    ) or reg in ("share", "social", "newsletter", "subscribe", "signup", "form", "paywall", "cookie", "consent"):
        return "share/newsletter/login prompt"
    if w <= 3:
        return "nav label (<=3 words)"
    if not term and w <= 16:
        return "teaser/heading title (4-16 words, unterminated)"
    if term:
        return "sentence-shaped (teaser summary, bio, promo, standfirst)"
    return "other (long unterminated)"


def body_kind(name, ln, texts):
    r = gold[name][ln]
    tag, t = r["tag"], r["text"]
    w = words(t)
    term = bool(re.search(r"[.!?\u2026:][\"'\u201d\u2019)]*$", t))
    if tag in ("td", "th"):
        return "table cell"
    if tag == "li":
        return "list item"
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "subhead/heading"
    if tag == "pre":
        return "code/pre"
    if tag == "blockquote":
        return "blockquote"
    if CREDIT.search(t) and w <= 25:
        return "credit/caption kept in body"
    if w <= 4:
        return "short line (<=4 words, p/div)"
    if term:
        return "sentence (p/div)"
    return "unterminated line (p/div)"


miss, fps = Counter(), Counter()
pagemiss = defaultdict(Counter)
ex_m, ex_f = defaultdict(list), defaultdict(list)
tp = fp = fn = 0
for p, pr in zip(pages, oof):
    if p.suite != "inline":
        continue
    texts = (DEV / "inline/files" / f"{p.name}.txt").read_text(encoding="utf-8").split("\n")
    fl = tb.line_decisions(p, pr, T, COST)
    probs = {}
    for (a, b), v in zip(p.unit_lines, pr):
        for l in range(a, b + 1):
            probs[l] = float(v)
    for i, (lab, hit) in enumerate(zip(p.line_labels, fl)):
        if lab is None:
            continue
        ln = i + 1
        if lab and hit:
            tp += 1
        elif lab and not hit:
            fn += 1
            k = kind(p.name, ln, texts, p.unit_lines[p.headline][0] if 0 <= p.headline < len(p.unit_lines) else -1)
            miss[k] += 1
            pagemiss[k][p.name] += 1
            ex_m[k].append(
                f"{p.name}:{ln} [{gold[p.name][ln]['tag']}/{gold[p.name][ln]['region']}] p={probs.get(ln, 0):.2f} | {texts[i][:90]!r}  <prev {texts[i - 1][:40]!r} next {texts[i + 1][:40] if i + 1 < len(texts) else ''!r}>"
            )
        elif hit:
            fp += 1
            k = body_kind(p.name, ln, texts)
            ui = next(j for j, (a, b) in enumerate(p.unit_lines) if a <= ln <= b)
            fu = p.feats[ui]
            if fu.get("phrase"):
                k = "pack phrase / chrome kept by the gold article (" + k + ")"
            elif fu.get("shape_score", 0) >= 0.8:
                k = "sure shape (" + k + ")"
            fps[k] += 1
            ex_f[k].append(
                f"{p.name}:{ln} [{gold[p.name][ln]['tag']}/{gold[p.name][ln]['region']}] p={probs.get(ln, 0):.2f} | {texts[i][:90]!r}"
            )
print(f"threshold {T}: tp {tp} fp {fp} fn {fn} P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f}")
print("MISSED chrome by kind:")
for k, v in miss.most_common():
    top = ", ".join(f"{a} {b}" for a, b in pagemiss[k].most_common(3))
    print(f"  {v:5d} {k}   pages {len(pagemiss[k])}, top: {top}")
print("FALSE POSITIVES by kind:")
for k, v in fps.most_common():
    print(f"  {v:5d} {k}")
if "-v" in sys.argv:
    import random

    random.seed(1)
    for k in miss:
        print("\n## MISS", k)
        for e in random.sample(ex_m[k], min(25, len(ex_m[k]))):
            print("  ", e)
    for k in fps:
        print("\n## FP", k)
        for e in ex_f[k]:
            print("  ", e)
