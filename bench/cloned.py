"""A second synthetic directory, made unlike bench/synthetic.py, so search is not tuned to one generator.

bench/synthetic.py draws random words from one short list. A council's real directory is different: services
cloned from the same few templates, names that repeat the words carers search with ("Respite ...", "Money
advice ..."), and an audience such as young carers on most services. Here each service is a shipped service
(data/services.yaml) cloned with a new name, a description made of whole sentences from a fixed mix, young
carers among its audiences on most services, and an eligibility line ("For: Young carers ...") on most. The
words "young", "money", "sitting", "carers", "respite", "dementia" and "service" end up on half the pages or
more, which is what broke search by leaving "common" words out of queries (issue 31).
"""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from carers_hub.core.yaml_source import load_text  # noqa: E402  (YAML 1.2 values, as the build reads them)

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the same YAML, ten times faster at 5,000

# Names that repeat the query words carers type: about one service in six is "Respite ...".
NAMES = ("Respite {place}", "Respite breaks {place}", "Money advice {place}", "Money worries clinic {place}",
         "Sitting service {place}", "Young carers project {place}", "Dementia café {place}",
         "Carers allowance helpline {place}", "Carers centre {place}", "Talking therapies {place}",
         "Day centre {place}", "Benefits surgery {place}")
PLACES = ("North", "South", "East", "West", "Central", "Riverside", "Parkside", "Hillside", "Old Town", "New Town")
# (share of services, sentence): each sentence is in a description with about that chance.
SENTENCES = (
    (0.70, "We help young carers and their families."),
    (0.60, "We can help with money, bills and benefits."),
    (0.55, "Our sitting service gives you a few hours off."),
    (0.50, "Respite is available for carers who need a rest."),
    (0.45, "Some of the people we support have dementia."),
    (0.40, "Ask us about carers allowance and other support."),
    (0.35, "Money worries can make caring harder, so talk to us."),
    (0.30, "We run a weekly group and a phone line."),
    (0.25, "We offer breaks, advice and someone to talk to."),
)
YOUNG = "young-carers"


def description(rng: random.Random) -> str:
    chosen = [sentence for share, sentence in SENTENCES if rng.random() < share]
    return " ".join(chosen or [SENTENCES[-1][1]])


def services(n: int, data_dir: Path, seed: int = 7) -> str:
    """The shipped services (pages refer to some of them) plus clones of them, n in all."""
    rng = random.Random(seed)
    real = load_text((data_dir / "services.yaml").read_text())["services"]
    audiences = [a["id"] for a in load_text((data_dir / "audiences.yaml").read_text())["audiences"]]
    records = list(real[:n])
    for i in range(n - len(records)):
        record = copy.deepcopy(real[i % len(real)])
        for gone in ("contact", "phone", "opening_hours", "hours_note", "access_note", "summary"):
            record.pop(gone, None)
        others = [a for a in audiences if a != YOUNG]
        audience = rng.sample(others, 1) + ([YOUNG] if rng.random() < 0.8 else [])
        record.update({
            "id": f"clone-{i:05d}",
            "name": f"{rng.choice(NAMES).format(place=rng.choice(PLACES))} {i}",
            "description": description(rng),
            "audience": audience,
            "phone": f"020 7946 {i % 10000:04d}",
            "website": f"https://www.example.org/clone-{i}",
            "source": {"url": f"https://www.example.org/clone-{i}", "kind": "own"},
            "status": "active",
            "last_reviewed": "2026-11-01",
            "review_by": "2027-11-01",
        })
        if rng.random() < 0.7:
            record["eligibility"] = "For: Young carers and young adult carers."
        records.append(record)
    return yaml.dump({"services": records}, Dumper=DUMPER, sort_keys=False)
