"""NL3xx over real news text: findings and speed on gensim's 300 articles and the seeds.

Run ``python -m benchmarks.titles``. The Lee corpus dates from 2001, so it is
run without a date and with ``--date 2001-12-31``; every finding there is a
false positive. Prints figures; never fails on timing.
"""

from __future__ import annotations

import datetime as dt
import time

from benchmarks.corpus import lee_background, seed_articles
from newslint.checks.titles.mentions import title_mentions
from newslint.checks.titles.offices import load_offices
from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions


def run(docs: dict[str, str], date: dt.date | None) -> None:
    engine = Engine.create(RunOptions(select=["NL3"], date=date, isolated=True, entry_points=False))
    table = load_offices(engine.ctx)
    words = sum(len(text.split()) for text in docs.values())
    started = time.perf_counter()
    found, mentions, known = [], 0, 0
    for name, text in docs.items():
        doc = Document(text, name)
        found += engine.check(doc)[0]
        ms = title_mentions(doc, table)
        mentions += len(ms)
        known += sum(1 for m in ms if m.person)
    elapsed = time.perf_counter() - started
    print(
        f"  date={date}: {len(found)} findings ({1000 * len(found) / words:.2f} per 1,000 words), "
        f"{mentions} title mentions ({known} of table people), {words / elapsed:,.0f} words/s"
    )
    for d in found:
        print(f"    {d.path}:{d.line}:{d.column}: {d.code} {d.message}")


def main() -> None:
    lee = {f"lee_background[{i}]": text for i, text in enumerate(lee_background())}
    print(f"lee_background.cor: {len(lee)} articles")
    for date in (None, dt.date(2001, 12, 31)):
        run(lee, date)
    print("seeds:")
    run(seed_articles(), None)


if __name__ == "__main__":
    main()
