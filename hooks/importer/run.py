"""An import, step by step: read the feed, convert, refuse a feed that lost too much, merge with the last import
and local edits, check that the build accepts the result, then write data/ and the report, all or nothing.
Nothing is written unless every step passed.
"""

from __future__ import annotations

import gc
import hashlib
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, TextIO
from urllib.parse import quote, urlsplit, urlunsplit

from carers_hub.core.paths import ROOT
from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.core.today import today as current_date
from carers_hub.data import services as services_data
from carers_hub.data import site_data
from carers_hub.data.service_models import CategoriesFile
from carers_hub.importer import convert, fetch, mapping, merge, next_steps, removals, report, shapes, store
from carers_hub.importer.progress import Progress

CACHE = ".cache/import-directory"
REPORT = report.REPORT


@dataclass
class Options:
    rate: float = 5.0  # requests a second at most
    retries: int = 3
    timeout: float = 30.0  # seconds for one answer
    workers: int = 4  # requests in flight at once (the rate limit still holds)
    details: Literal["auto", "always", "never"] = "auto"  # GET /services/{id}: when a list item lacks details
    fresh: bool = False  # ignore answers saved by an interrupted import
    dry_run: bool = False  # read, convert and report; write nothing in data/ but the report
    accept_removals: bool = False  # import a feed that lost more than a fifth of its services (removals.py)
    max_bytes: int = fetch.MAX_BYTES  # one answer, or the saved file, at most


@dataclass
class Outcome:
    converted: convert.Converted
    merged: merge.Merged
    report: str
    summary: str
    written: bool
    seconds: float
    files: list[str] = field(default_factory=list)  # written, under data/
    unchanged: list[str] = field(default_factory=list)  # would have been written, but already said the same
    details_failed: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds for each step: fetch, convert, check, write


def addresses(source: str) -> tuple[str, str]:
    """(the feed's base address, its list address) from what the editor gave: either may be given."""
    parts = urlsplit(source.strip())
    path = parts.path.rstrip("/")
    base_path = path[: -len("/services")] if path.endswith("/services") else path
    base = urlunsplit(parts._replace(path=base_path, query="", fragment=""))
    return base, urlunsplit(parts._replace(path=base_path + "/services", fragment=""))


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def read_feed(source: str, fetcher: fetch.Fetcher, options: Options, stream: TextIO,
              clock: fetch.Clock) -> tuple[list[Any], list[str]]:
    """Every list item, each with its details when the list left them out; and the details that failed."""
    if not is_url(source):
        document = fetch.read_saved(source, options.max_bytes)
        items = fetch.items_of(document)
        if items is None:
            items = [document] if isinstance(document, dict) else []
        return items, []
    base, list_url = addresses(source)
    items: list[Any] = []
    pages_bar = None
    for page in fetch.pages(fetcher.get, list_url):
        items += page.items
        if page.total_pages and pages_bar is None:
            pages_bar = Progress("Pages of the list", page.total_pages, stream, clock)
        if pages_bar:
            pages_bar.step()
        else:
            stream.write(f"Page {page.number} of the list: {len(items)} services so far\n")
    wanted = {}
    for index, item in enumerate(items):
        ident = shapes.text(item.get("id")) if isinstance(item, dict) else None
        needed = options.details == "always" or (options.details == "auto" and shapes.needs_details(item))
        if ident and needed and ident not in wanted:
            wanted[ident] = index
    if not wanted:
        return items, []
    failed: list[str] = []
    details: dict[str, Any] = {}
    bar = Progress("Details of each service", len(wanted), stream, clock)
    pool = ThreadPoolExecutor(max_workers=max(1, options.workers))
    try:
        pending = {pool.submit(fetcher.get, f"{base}/services/{quote(ident, safe='')}"): ident for ident in wanted}
        for future in as_completed(pending):  # O(n) in all: no rescanning of what is still pending
            ident = pending[future]
            try:
                found = future.result()
            except fetch.FetchError as error:
                failed.append(f"{ident}: {error}")
            else:
                if isinstance(found, dict):
                    details[ident] = found.get("service") if isinstance(found.get("service"), dict) else found
                else:
                    failed.append(f"{ident}: the answer is not a service record")
            bar.step()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # what finished is in the cache: a rerun carries on
        raise
    pool.shutdown()
    merged_items = []
    for item in items:
        ident = shapes.text(item.get("id")) if isinstance(item, dict) else None
        merged_items.append({**item, **details[ident]} if ident in details else item)
    return merged_items, failed


def _by_uuid(records: list[dict]) -> dict[str, dict]:
    return {convert.uuid_key(r["uuid"]) if r.get("uuid") else f"local:{r.get('id')}": r for r in records}


def _keyed(records: dict[str, dict]) -> dict[str, dict]:
    """The last import's records by uuid_key (a snapshot written before ids were compared as UUIDs)."""
    return {convert.uuid_key(uid): record for uid, record in records.items()}


def _check(data_dir: Path, texts: dict[str, str], root: Path) -> None:
    """Load the new data exactly as the build will, from a copy: any problem stops the import unwritten."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("import"))
        for name, text in texts.items():
            (copy / name).write_text(text, encoding="utf-8")
        data = site_data.load_site_data(copy, root=Path(tmp), check_dates=False)
        services_data.load_directory(copy, data, root=Path(tmp))


def run(source: str, root: Path = ROOT, options: Options | None = None, stream: TextIO = sys.stdout,
        clock: fetch.Clock | None = None, fetcher: fetch.Fetcher | None = None, today: date | None = None) -> Outcome:
    # An import holds every record until it writes: with Python's default thresholds the garbage collector
    # scans them again and again, and the time grows faster than the directory (as in a build: mkdocs_hooks.py).
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    try:
        return _run(source, root, options or Options(), stream, clock or fetch.RealClock(), fetcher, today)
    finally:
        gc.set_threshold(*thresholds)


def _run(source: str, root: Path, options: Options, stream: TextIO, clock: fetch.Clock,
         fetcher: fetch.Fetcher | None, today: date | None) -> Outcome:
    started = time.perf_counter()
    fetch.check_source(source)
    today = today or current_date()
    data_dir = root / "data"
    data = site_data.load_site_data(data_dir, root=root, check_dates=False)
    found, _, problems = site_data.load_file(data_dir, "categories.yaml", CategoriesFile, root)
    if found is None:
        raise ProblemsFound(problems)
    categories = {c.id: c for c in found.categories}
    rules, made = mapping.load(data_dir, root)
    wrong = rules.unknown_ids(set(categories), set(data.audiences))
    if wrong:
        raise ProblemsFound([Problem(code="IMPORT_MAPPING_UNKNOWN_ID", file=f"data/{mapping.FILE}", line=None,
                                     field=item.split(":")[0], message=f'"{item}" names an id data/ does not have.',
                                     fix="Use ids from data/categories.yaml and data/audiences.yaml.")
                             for item in wrong])
    service_head, hand, ours = store.split(data_dir / "services.yaml", "services")
    org_head, hand_orgs, our_orgs = store.split(data_dir / "organisations.yaml", "organisations")
    base = store.read_snapshot(data_dir)
    cache = fetch.Cache(root / CACHE / hashlib.sha256(source.encode()).hexdigest()[:16])
    if options.fresh:
        cache.clear()
    fetcher = fetcher or fetch.Fetcher(rate=options.rate, retries=options.retries, timeout=options.timeout,
                                       cache=cache, clock=clock, max_bytes=options.max_bytes)
    fetching = time.perf_counter()
    items, failed = read_feed(source, fetcher, options, stream, clock)
    timings = {"fetch": time.perf_counter() - fetching}
    converting = time.perf_counter()

    feed_base = addresses(source)[0] if is_url(source) else Path(source).name
    host = urlsplit(feed_base).hostname if is_url(source) else None
    title = rules.feed_title or (f"the service directory at {host}" if host
                                 else f"a saved copy of a service directory ({feed_base})")
    snapshot_services, snapshot_orgs = _keyed(base.get("services", {})), _keyed(base.get("organisations", {}))
    ctx = convert.Context(
        mapping=rules, today=today, area=rules.area or data.council.area, categories=categories,
        feed_base=feed_base, feed_title=title, id_namespace=host or "file",
        slugs={uid: r["id"] for uid, r in snapshot_services.items()},
        org_slugs={uid: r["id"] for uid, r in snapshot_orgs.items()},
        taken={s["id"] for s in hand} | {r["id"] for r in snapshot_services.values()} | {r.get("id") for r in ours},
        org_taken={o["id"] for o in hand_orgs} | {r["id"] for r in snapshot_orgs.values()} | {r.get("id") for r in our_orgs},
        hand_orgs={" ".join(o["name"].lower().split()): o["id"] for o in hand_orgs})
    feeds = [shapes.read_service(item) for item in items if isinstance(item, dict)]
    converted = convert.convert_all(feeds, ctx)
    for item in items:
        if not isinstance(item, dict):
            converted.notes.append(convert.Note(None, None, "record", "left out", f"{str(item)[:60]!r} is not a record"))

    shrank = removals.too_many_gone(source, set(snapshot_services), set(converted.services))
    if shrank and not options.accept_removals:
        cache.clear()  # run again later, the feed is asked afresh
        raise ProblemsFound([shrank])

    # A feed record an editor has taken over by hand (its uuid in the hand-made file) stays theirs alone.
    by_hand = {convert.uuid_key(s["uuid"]) for s in hand if s.get("uuid")}
    for uid in by_hand & set(converted.services):
        record = converted.services.pop(uid)
        converted.notes.append(convert.Note(converted.feed_ids[uid], record["name"], "uuid", "info",
                                            "kept by hand in data/services.yaml: the import leaves it alone"))
    merged = merge.merge(snapshot_services, _by_uuid(ours), converted.services)
    merged.deleted_locally = [uid for uid in merged.deleted_locally if uid not in by_hand]
    orgs = merge.merge(snapshot_orgs, _by_uuid(our_orgs), converted.organisations)
    used = {r.get("organisation") for r in [*merged.records.values(), *hand]}
    # Kept: an organisation a service uses, one an editor changed, and one an editor added to the imported file.
    organisations = [r for uid, r in orgs.records.items()
                     if r.get("id") in used or uid.startswith("local:") or (uid in snapshot_orgs and uid in orgs.kept)]
    texts = {store.IMPORTED["services"]: store.join(list(merged.records.values()), "services"),
             store.IMPORTED["organisations"]: store.join(organisations, "organisations")}
    # A site imported before kept its records below a marker in the hand-made files: they move out now.
    for name, head in (("services.yaml", service_head), ("organisations.yaml", org_head)):
        if (data_dir / name).exists() and head != (data_dir / name).read_text(encoding="utf-8"):
            texts[name] = head
    timings["convert and merge"] = time.perf_counter() - converting
    checking = time.perf_counter()
    _check(data_dir, texts, root)
    timings["check"] = time.perf_counter() - checking
    writing = time.perf_counter()

    names = {uid: r["name"] for source_records in (snapshot_services, converted.services, merged.records)
             for uid, r in source_records.items()}
    planned = {mapping.FILE: mapping.TEMPLATE} if made else {}
    if not options.dry_run:
        planned.update(texts)
        planned[store.SNAPSHOT] = store.snapshot_text(source, converted.services, converted.organisations)
    changed = store.changed_files(data_dir, planned)
    # In this order: the report always; the snapshot last, as it says what the files before it were made from.
    written = [name for name in changed if name != store.SNAPSHOT] + [REPORT] + \
        [name for name in changed if name == store.SNAPSHOT]
    facts = report.Facts(source=source, day=today.isoformat(), seconds=time.perf_counter() - started,
                         requests=fetcher.stats.requests, retries=fetcher.stats.retries,
                         from_cache=fetcher.cache.hits if fetcher.cache else 0, waited=fetcher.limit.waited,
                         details_failed=failed, mapping_made=made,
                         longest_sentence=data.reading_level.standard.max_sentence_words,
                         written=written, unchanged=[name for name in planned if name not in changed],
                         dry_run=options.dry_run)
    text, summary = report.build(facts, converted, merged, names)
    kinds = [note.kind for note in converted.notes]
    summary += "\n" + next_steps.summary(
        rules, title, on_defaults=len({n.feed_id for n in converted.notes if n.kind == "default"}),
        unmapped=len(converted.unmapped_terms), dropped=kinds.count("dropped") + kinds.count("changed"),
        to_summarise=len(report.to_summarise(merged.records, facts.longest_sentence)))
    store.write_together(data_dir, {name: text if name == REPORT else planned[name] for name in written})
    if not options.dry_run:
        cache.clear()
    timings["report and write"] = time.perf_counter() - writing
    return Outcome(converted=converted, merged=merged, report=text, summary=summary, written=not options.dry_run,
                   seconds=time.perf_counter() - started, files=facts.written, unchanged=facts.unchanged,
                   details_failed=failed, timings=timings)
