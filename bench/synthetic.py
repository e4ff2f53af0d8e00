"""Make a synthetic service directory of any size, for benchmarks. Every record passes the real checks."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from carers_hub.core.yaml_source import load_text  # noqa: E402  (YAML 1.2 values, as the build reads them)

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the same YAML, ten times faster at 5,000

WORDS = ("support advice carers help money breaks group talk home care young family health local free "
         "friendly weekly drop-in phone online visit meet share learn rest plan").split()
AREAS = ("City of London", "City of London", "Hackney", "London", "England", "UK")  # a council's mix, local first


def services(n: int, data_dir: Path, seed: int = 1) -> str:
    """The shipped services (pages refer to some of them) plus synthetic ones, n in all."""
    rng = random.Random(seed)
    real = load_text((data_dir / "services.yaml").read_text())["services"]
    organisations = [o["id"] for o in load_text((data_dir / "organisations.yaml").read_text())["organisations"]]
    categories = [c["id"] for c in load_text((data_dir / "categories.yaml").read_text())["categories"]]
    audiences = [a["id"] for a in load_text((data_dir / "audiences.yaml").read_text())["audiences"]]
    records = list(real[:n])
    for i in range(n - len(records)):
        words = " ".join(rng.choice(WORDS) for _ in range(14))
        records.append({
            "id": f"service-{i:05d}",
            "name": f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} service {i}",
            "organisation": rng.choice(organisations),
            "description": f"A service that offers {words}. It helps carers.",
            "audience": rng.sample(audiences, 2),
            "categories": rng.sample(categories, 2),
            "area": rng.choice(AREAS),
            "how_to_access": rng.choice(["self-referral", "referral", "either"]),
            "cost": "Free",
            "phone": f"020 7946 {i % 10000:04d}",
            "website": f"https://www.example.org/service-{i}",
            "opening_hours": [{"days": ["monday", "tuesday", "wednesday"], "opens": "09:00", "closes": "17:00"}],
            "source": {"url": f"https://www.example.org/service-{i}", "kind": "own"},
            **({"locations": [{"name": f"Centre {i}", "latitude": round(51.45 + rng.random() * 0.1, 5),
                               "longitude": round(-0.2 + rng.random() * 0.2, 5)}]} if rng.random() < 0.6 else {}),
            "last_reviewed": "2026-11-01",
            "review_by": "2027-11-01",
        })
    return yaml.dump({"services": records}, Dumper=DUMPER, sort_keys=False)
