"""What carers type, and the page that must come in the first three results: the browser tests
(tests/test_search.py, tests/test_search_scale.py) and the search benchmark (bench/search.py) use the same list.

The words of data/synonyms.yaml a page does not use, topic words that thousands of services in a large
directory repeat ("respite", "dementia", "money"), phrases whose every word is on most of a directory's pages
("young carer", "money worries"), and a service by its name. FIRST: queries whose page must be the very first
result (issue 31), on every directory.
"""

QUERIES = {
    "respite": "support/replacement-care/",  # a word the page does not use: data/synonyms.yaml
    "sitting service": "support/replacement-care/",
    "day centre": "support/replacement-care/",
    "short breaks": "support/replacement-care/",
    "carers allowance": "money-and-work/carers-allowance/",
    "alzheimers": "specialist-help/dementia/",
    "dementia": "specialist-help/dementia/",
    "lpa": "planning-ahead/lasting-power-of-attorney/",
    "chc": "support/nhs-continuing-healthcare/",
    "grief": "when-caring-ends/bereavement/",
    "bereavement": "when-caring-ends/bereavement/",
    "hospice": "when-caring-ends/caring-for-someone-who-is-dying/",  # issue 25: not the bereavement page
    "end of life": "when-caring-ends/caring-for-someone-who-is-dying/",
    "palliative": "when-caring-ends/caring-for-someone-who-is-dying/",
    "interpreter": "support/language-support/",
    "Imago": "services/city-carers-support-service/",  # a service by its name
    "young carer": "young-carers-and-families/young-carers/",
    "young carers": "young-carers-and-families/young-carers/",
    "money worries": "money-and-work/",
    "money": "money-and-work/",
    "direct payments": "support/personal-budgets-and-direct-payments/",
    "emergency plan": "planning-ahead/emergency-plan/",
    "mental health": "specialist-help/mental-health/",
    "counselling": "wellbeing/emotional-support/",
    "blue badge": "money-and-work/travel-and-parking/",
    "carers assessment": "support/carers-assessment/",
    "advocacy": "support/advocacy/",
}

FIRST = {"young carer", "money worries", "sitting service", "carers allowance", "hospice", "end of life", "palliative"}
