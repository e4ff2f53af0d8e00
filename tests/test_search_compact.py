"""Pagefind's index, rewritten smaller after Pagefind writes it (hooks/outputs/pagefind_compact.py), answers every
query exactly as Pagefind's own; and a service's search document keeps each of its words once
(pagefind_index.once). Both cut what a first search downloads at 5,000 services (tests/test_search_scale.py)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from carers_hub.outputs import cbor, pagefind_compact, pagefind_index
from support.big_directory import within
from support.project import EXAMPLE
from support.search_queries import QUERIES

SMALL = 400  # bytes of words a chunk: the example's index cut into a few hundred chunks, as 5,000 services are
# Whole words a carer might type, beside the benchmark's queries: words on many pages, rare ones, stems.
MORE_WORDS = ["carer", "carers", "care", "caring", "young", "money", "help", "the", "a", "benefits", "zebra",
              "assessment", "nhs", "council", "phone", "breaks", "sitting", "allowance", "dementia carers"]
ANSWERS = """async queries => {
  const pf = await window.carersSearch.pagefind();
  const found = {};
  for (const q of queries) {
    const r = await pf.search(q);
    const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    found[q] = [r.results.length, top.map((d, i) => [d.url, d.meta.title, r.results[i].score.toFixed(5)])];
  }
  return found;
}"""


@pytest.fixture(scope="module")
def own_and_compacted(built_site, tmp_path_factory):
    """(Pagefind's own index of the built example, the same index compacted into chunks of SMALL bytes)."""
    own = tmp_path_factory.mktemp("own") / "site"
    shutil.copytree(built_site, own)
    shutil.rmtree(own / "pagefind")
    subprocess.run([str(pagefind_index.executable()), "--site", str(own), "--output-path", str(own / "pagefind")],
                   check=True, capture_output=True, timeout=300)
    pagefind_index.write_settings(own)
    compacted = tmp_path_factory.mktemp("compacted") / "site"
    shutil.copytree(own, compacted)
    pagefind_compact.compact(compacted / "pagefind", SMALL)
    pagefind_index.write_settings(compacted)
    return own, compacted


def meta_of(site: Path) -> list:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    (language,) = entry["languages"].values()
    return cbor.loads(pagefind_compact.read(site / "pagefind" / f"pagefind.{language['hash']}.pf_meta"))[0]


def words_of(site: Path, meta: list) -> list[bytes]:
    """Every word entry of the index, chunk after chunk, as stored."""
    return [word for _, _, name in meta[2]
            for word in pagefind_compact.chunk_words(pagefind_compact.read(site / "pagefind" / "index" / f"{name}.pf_index"))]


def test_chunks_are_cut_small_in_order_and_keep_every_word(own_and_compacted):
    own, compacted = own_and_compacted
    before, after = meta_of(own), meta_of(compacted)
    assert len(after[2]) > 4 * len(before[2]), (len(before[2]), len(after[2]))
    assert words_of(compacted, after) == words_of(own, before)  # every word, its pages and places, in order
    for start, end, name in after[2]:
        chunk = pagefind_compact.read(compacted / "pagefind" / "index" / f"{name}.pf_index")
        run = pagefind_compact.chunk_words(chunk)
        assert [pagefind_compact.word_of(run[0]), pagefind_compact.word_of(run[-1])] == [start, end]
        assert within(run, SMALL), (start, end)
    names = {path.stem for path in (compacted / "pagefind" / "index").iterdir()}
    assert names == {name for _, _, name in after[2]}  # Pagefind's own chunks are gone, nothing is missing


def test_pages_get_short_names_and_their_fragments_follow(own_and_compacted):
    own, compacted = own_and_compacted
    before, after = meta_of(own), meta_of(compacted)
    assert [words for _, words in after[1]] == [words for _, words in before[1]]  # the same pages, in order
    fragments = compacted / "pagefind" / "fragment"
    for (old, _), (new, _) in zip(before[1], after[1]):
        assert len(new) <= 10 and (fragments / f"{new}.pf_fragment").read_bytes() == \
            (own / "pagefind" / "fragment" / f"{old}.pf_fragment").read_bytes()
    assert len(list(fragments.iterdir())) == len(after[1])
    assert [before[0], *before[3:]] == [after[0], *after[3:]]  # version, filters, sorts and meta fields kept
    entry = json.loads((compacted / "pagefind" / "pagefind-entry.json").read_text())
    assert [p.name for p in (compacted / "pagefind").glob("*.pf_meta")] == \
        [f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()]


@pytest.mark.browser
def test_a_compacted_index_answers_every_query_as_pagefinds_own(browser, own_and_compacted):
    """Every word and phrase asked exactly ("young carer" in quotes: Pagefind matches the whole words at their
    places) finds the same pages, in the same order, with the same scores: Pagefind finds each word in the new
    chunks and each page's fragment under its new name. Asked as carers type them, each query of the benchmark
    gives the same first three. (A word also matches longer words that begin with it, "help" matching "helpline",
    but only those in the chunks the query fetched: Pagefind's own chunk boundaries decide that as much as ours.)"""
    from carers_hub.checks.links import serve

    from support.search_queries import FIRST

    asked = [f'"{q}"' for q in [*QUERIES, *MORE_WORDS]] + list(QUERIES)
    answers = []
    for site in own_and_compacted:
        with serve(site) as address:
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(address + "/")
            answers.append(tab.evaluate(ANSWERS, asked))
            context.close()
    own, compacted = answers
    exact = [q for q in asked if q.startswith('"')]
    assert sum(own[q][0] for q in exact) > 500  # words on many pages, not an empty index
    assert {q: compacted[q] for q in exact} == {q: own[q] for q in exact}
    # As typed, the queries whose words are the site's own words: one that only begins longer words (on Fenmoor,
    # "interpreter" of "interpreters") finds them only where chunk boundaries allow, as said above.
    whole = [q for q in QUERIES if own[f'"{q}"'][0]]
    assert whole == list(QUERIES) or not EXAMPLE, "every query is the example's own words"
    first_three = {q: [url for url, _, _ in own[q][1][:3]] for q in whole}
    assert {q: [url for url, _, _ in compacted[q][1][:3]] for q in whole} == first_three
    assert FIRST <= set(QUERIES)


def test_the_build_compacts_its_index(built_site):
    meta = meta_of(built_site)
    assert all(re.fullmatch(r"[0-9a-f]{6}_[0-9a-z]+", name) for name, _ in meta[1])
    names = [path.stem for path in (built_site / "pagefind" / "fragment").iterdir()]
    assert sorted(names) == sorted(name for name, _ in meta[1])


SERVICE = ('<div class="ch-search-words" hidden><span data-pagefind-meta="label[data-label]" data-label="Service">'
           '</span><span data-pagefind-weight="3.0">young carers, respite</span></div>'
           '<h1 data-pagefind-weight="3.0">Young carers project (Imago)</h1>'
           '<p>For: Young carers and young adult carers. Respite, respite! Imago runs it: imago@example.org, '
           '<a href="x">carers</a> carer\u2019s it\'s it\u2019s day-sitting day-sitting</p>')


def test_a_service_keeps_each_word_a_few_times_and_its_name_whole(monkeypatch):
    monkeypatch.setattr(pagefind_index, "TIMES", 1)
    kept = pagefind_index.once(SERVICE)
    assert '<h1 data-pagefind-weight="3.0">Young carers project (Imago)</h1>' in kept  # the name as it was
    text = re.sub(r"<[^>]*>", " ", kept.split("</h1>")[1])
    assert text.split() == ["For:", "and", "adult", ".", ",", "!", "Imago", "runs", "it:", "imago@example.org,",
                            "carer\u2019s", "it's", "day-sitting"]  # each word once; punctuation and addresses stay
    monkeypatch.setattr(pagefind_index, "TIMES", 3)
    text = re.sub(r"<[^>]*>", " ", pagefind_index.once(SERVICE + "<p>young young young respite</p>"))
    assert text.lower().split().count("young") == 3 + 1 and text.lower().count("respite") == 3  # + the name
    assert 'data-label="Service"' in kept and 'href="x"' in kept  # tags and attributes untouched


def words(html: str) -> set[str]:
    return {w.lower().replace("\u2019", "'") for w in re.findall(r"[\w'\u2019-]+", re.sub(r"<[^>]*>", " ", html))}


def test_no_word_of_a_service_is_lost_only_its_repeats(built_site, monkeypatch):
    """On every service page the example builds: the same words before and after, fewer places."""
    services = sorted((built_site / "services").glob("*/index.html"))
    marked = [pagefind_index.search_document(p.read_text()) for p in services]
    marked = [pagefind_index.indexed_part(d) for d in marked if d and pagefind_index.SERVICE_LABEL in d]
    assert len(marked) >= 5
    monkeypatch.setattr(pagefind_index, "TIMES", 1)
    for document in marked:
        kept = pagefind_index.once(document)
        assert words(kept) == words(document)
        assert len(re.findall(r"\w+", kept)) < len(re.findall(r"\w+", document))


def test_an_index_in_a_layout_it_does_not_know_is_refused_not_rewritten(own_and_compacted, tmp_path):
    """A Pagefind upgrade that changes its files must stop the build (SEARCH_INDEX_FAILED), not publish a
    search that finds nothing."""
    folder = tmp_path / "pagefind"
    shutil.copytree(own_and_compacted[0] / "pagefind", folder)
    (meta,) = folder.glob("*.pf_meta")
    data = pagefind_compact.read(meta)
    meta.write_bytes(gzip.compress(pagefind_compact.SIGNATURE + cbor.dumps([*cbor.loads(data)[0], []])))
    with pytest.raises(pagefind_compact.UnknownFormat):
        pagefind_compact.compact(folder)
    meta.write_bytes(gzip.compress(b"not pagefind" + data))
    with pytest.raises(pagefind_compact.UnknownFormat):
        pagefind_compact.compact(folder)
