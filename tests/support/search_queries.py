"""What carers type, and the page that must come in the first three results: the browser tests
(tests/test_search.py) and the search benchmark (bench/search.py) use the same list."""

QUERIES = {
    "respite": "support/replacement-care/",  # a word the page does not use: data/synonyms.yaml
    "sitting service": "support/replacement-care/",
    "day centre": "support/replacement-care/",
    "carers allowance": "money-and-work/carers-allowance/",
    "alzheimers": "specialist-help/dementia/",
    "lpa": "planning-ahead/lasting-power-of-attorney/",
    "chc": "support/nhs-continuing-healthcare/",
    "grief": "when-caring-ends/bereavement/",
    "interpreter": "support/language-support/",
    "Imago": "services/city-carers-support-service/",  # a service by its name
}
