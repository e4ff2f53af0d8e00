"""The words search leaves out of a query of several words: English words that carry no meaning of their own.

Pagefind finds only pages with every word of a query, and each word fetches its own part of the index, so a
word such as "the" or "for" costs a download and narrows nothing. The list is fixed and English: it never
depends on the site's pages, so a word a carer means ("young", "money", "sitting", "carers") is always asked,
however many pages use it (issue 31: a list made from the pages' own frequent words dropped those). A query of
stop words alone is asked as typed. site-search.js reads the list from pagefind/site-search.json.
"""

from __future__ import annotations

# Articles, pronouns, prepositions, conjunctions and forms of "be", "do" and "have": what English search
# engines usually leave out. No noun, adjective or verb of meaning is here: "help", "care", "need", "get" and
# "not" stay in queries ("not happy with the council" is a synonym a carer may type).
STOP_WORDS = frozenset("""
a about an and any are as at be been being but by can could did do does for from had has have he her him his
how i if in into is it its me my of on or our she so than that the their them then there these they this those
to us was we were what when where which who will with would you your
""".split())


def asked(query: str) -> list[str]:
    """The words of a query Pagefind is asked for, as site-search.js works them out (its tests compare the two):
    the query's words without stop words (compared in small letters, apostrophes dropped), or every word if
    all are stop words."""
    words = query.split()
    kept = [word for word in words if word.lower().replace("'", "").replace("\u2019", "") not in STOP_WORDS]
    return kept or words
