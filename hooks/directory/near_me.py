"""services/near-me.json: every service with a place on the map, for "Show services near me".

Loaded only when a carer taps the button (overrides/assets/javascripts/near-me.js), which sorts the services by
distance on the carer's own device: their position is never sent anywhere. One short row a service keeps the
file small at council scale: [name, address of its page from the site's root, latitude, longitude].
"""

from __future__ import annotations

import json
from pathlib import Path

from carers_hub.core import urls
from carers_hub.data.services import Directory
from carers_hub.directory.service_pages import service_src

PATH = "services/near-me.json"


def rows(directory: Directory) -> list[list]:
    out = []
    for s in directory.listings:
        place = next((p for p in s.service.locations if p.latitude is not None and p.longitude is not None), None)
        if place and s.service.status == "active":
            out.append([s.service.name, urls.page_url(service_src(s.id)), round(place.latitude, 5),
                        round(place.longitude, 5)])
    return out


def has_places(directory: Directory) -> bool:
    return any(p.latitude is not None and p.longitude is not None for s in directory.listings for p in s.service.locations)


def write(directory: Directory, site_dir: Path) -> None:
    target = site_dir / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(rows(directory), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
