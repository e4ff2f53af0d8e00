"""The publishing workflow (.github/workflows/publish.yml) replayed on this machine, as GitHub would run it."""
