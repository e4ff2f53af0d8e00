"""`make import-directory SOURCE=...`: bring in a council's Open Referral UK directory for an editor to review.

    python -m carers_hub.tools.import_directory SOURCE [--rate 5] [--workers 4] [--timeout 30] [--retries 3]
                                                 [--max-size 50] [--details auto|always|never] [--fresh]
                                                 [--dry-run] [--accept-removals]

SOURCE is the feed's address (https://example.org/api or .../api/services) or a saved .json file's path (never a
file:, ftp: or data: address). Writes the services and organisations into data/services-imported.yaml and
data/organisations-imported.yaml, data/import/last-import.json and the report data/import/report.md: all of
them or none. Never run by a build. The handbook: docs/editors/bring-in-your-directory.md.
"""

from __future__ import annotations

import argparse
import sys

from carers_hub.core.paths import ROOT
from carers_hub.core.problems import ProblemsFound
from carers_hub.importer.fetch import MAX_BYTES, FetchError
from carers_hub.importer.run import CACHE, Options, run
from carers_hub.importer.store import WriteFailed

UNCHANGED = "Nothing in data/ was changed."


def main(argv: list[str] | None = None, root=ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the feed's address, or a saved .json file's path")
    parser.add_argument("--rate", type=float, default=5.0, help="requests a second at most (default 5)")
    parser.add_argument("--workers", type=int, default=4, help="requests in flight at once (default 4)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds one answer may take, from asking to its last byte (default 30)")
    parser.add_argument("--retries", type=int, default=3, help="tries again after a failure (default 3)")
    parser.add_argument("--max-size", type=float, default=MAX_BYTES / 1_000_000, metavar="MB",
                        help=f"megabytes one answer (or the saved file) may be at most (default {MAX_BYTES // 1_000_000})")
    parser.add_argument("--details", choices=["auto", "always", "never"], default="auto",
                        help="fetch /services/{id} when the list lacks details (auto), for every service, or never")
    parser.add_argument("--fresh", action="store_true", help="ignore what an interrupted import saved")
    parser.add_argument("--dry-run", action="store_true", help="write only the report, not data/")
    parser.add_argument("--accept-removals", action="store_true",
                        help="import a feed that lost more than a fifth of its services since the last import")
    args = parser.parse_args(argv)
    if not args.source.strip():
        parser.error("give the feed's address: make import-directory SOURCE=https://...")
    if args.max_size <= 0 or args.timeout <= 0:
        parser.error("--max-size and --timeout must be more than 0")
    options = Options(rate=args.rate, retries=args.retries, timeout=args.timeout, workers=args.workers,
                      details=args.details, fresh=args.fresh, dry_run=args.dry_run,
                      accept_removals=args.accept_removals, max_bytes=int(args.max_size * 1_000_000))
    try:
        outcome = run(args.source, root, options, stream=sys.stderr)
    except KeyboardInterrupt:
        print(f"\nStopped. What was fetched is saved in {CACHE}/: run the same command again to carry on. "
              f"{UNCHANGED}", file=sys.stderr)
        return 130
    except FetchError as error:
        print(f"The import stopped: {error}. {UNCHANGED}", file=sys.stderr)
        return 1
    except WriteFailed as error:
        print(f"The import stopped: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # reading data/ or a temporary copy: writing data/ raises WriteFailed
        print(f"The import stopped: {error}. {UNCHANGED}", file=sys.stderr)
        return 1
    except ProblemsFound as found:
        count = len(found.problems)
        print(f"The import stopped: {count} problem{'s' if count != 1 else ''} to fix.", file=sys.stderr)
        print("\n".join(str(problem) for problem in found.problems), file=sys.stderr)
        print(UNCHANGED, file=sys.stderr)
        return 1
    print(outcome.summary)
    print("Written: " + ", ".join(f"data/{name}" for name in outcome.files) + "."
          + (" A dry run: nothing else in data/ was written." if not outcome.written else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
