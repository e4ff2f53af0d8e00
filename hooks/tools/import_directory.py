"""`make import-directory SOURCE=...`: bring in a council's Open Referral UK directory for an editor to review.

    python -m hooks.tools.import_directory SOURCE [--rate 5] [--workers 4] [--timeout 30] [--retries 3]
                                                 [--details auto|always|never] [--fresh] [--dry-run]

SOURCE is the feed's address (https://example.org/api or .../api/services) or a saved JSON file. Writes the
services and organisations into data/services-imported.yaml and data/organisations-imported.yaml,
data/import/last-import.json and the report data/import/report.md. Never run by a build. The handbook: docs/editors/bring-in-your-directory.md.
"""

from __future__ import annotations

import argparse
import sys

from hooks.core.paths import ROOT
from hooks.core.problems import ProblemsFound
from hooks.importer.fetch import FetchError
from hooks.importer.run import CACHE, Options, run


def main(argv: list[str] | None = None, root=ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the feed's address, or a saved JSON file")
    parser.add_argument("--rate", type=float, default=5.0, help="requests a second at most (default 5)")
    parser.add_argument("--workers", type=int, default=4, help="requests in flight at once (default 4)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for an answer (default 30)")
    parser.add_argument("--retries", type=int, default=3, help="tries again after a failure (default 3)")
    parser.add_argument("--details", choices=["auto", "always", "never"], default="auto",
                        help="fetch /services/{id} when the list lacks details (auto), for every service, or never")
    parser.add_argument("--fresh", action="store_true", help="ignore what an interrupted import saved")
    parser.add_argument("--dry-run", action="store_true", help="write only the report, not data/")
    args = parser.parse_args(argv)
    if not args.source.strip():
        parser.error("give the feed's address: make import-directory SOURCE=https://...")
    options = Options(rate=args.rate, retries=args.retries, timeout=args.timeout, workers=args.workers,
                      details=args.details, fresh=args.fresh, dry_run=args.dry_run)
    try:
        outcome = run(args.source, root, options, stream=sys.stderr)
    except KeyboardInterrupt:
        print(f"\nStopped. What was fetched is saved in {CACHE}/: run the same command again to carry on.",
              file=sys.stderr)
        return 130
    except FetchError as error:
        print(f"The import stopped: {error}. Nothing in data/ was changed.", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:  # a saved file that is missing, or not JSON
        print(f"The import stopped: {args.source} could not be read ({error}). Nothing in data/ was changed.",
              file=sys.stderr)
        return 1
    except ProblemsFound as found:
        print(found, file=sys.stderr)
        print("Nothing in data/ was changed.", file=sys.stderr)
        return 1
    print(outcome.summary)
    if not outcome.written:
        print("A dry run: only data/import/report.md was written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
