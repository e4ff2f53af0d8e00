"""`make new-page` and `make new-service` make files that, once their placeholders are replaced, build and pass
every check (tests/test_placeholders.py: they do not build before)."""

from __future__ import annotations


import yaml

from conftest import SUITE_TODAY, build
from carers_hub.tools import new
from support import yaml_fields
from support.templates import fill_page, fill_service


def test_new_page_and_service_build_with_strict_checks(project, tmp_path):
    page = new.new_page("support/carers-cafe", "Carers' cafe: a place to meet", root=project)
    new.new_service("carers-cafe", "Carers cafe", root=project)
    text = page.read_text()
    assert f"last_reviewed: {SUITE_TODAY}" in text and "CHANGE" in text
    assert "      - support/carers-cafe.md" in (project / "mkdocs.yml").read_text()
    services = yaml.safe_load((project / "data" / "services.yaml").read_text())["services"]
    assert services[-1]["id"] == "carers-cafe" and services[-1]["last_reviewed"] == SUITE_TODAY
    from carers_hub.editor import canonical

    written = project / "data" / "services.yaml"
    assert canonical.canonical([written], project)[written] == written.read_text(), "not in the editor's style"
    page.write_text(fill_page(text))
    organisation = yaml.safe_load((project / "data" / "organisations.yaml").read_text())["organisations"][0]["id"]
    services_file = project / "data" / "services.yaml"
    services_file.write_text(fill_service(services_file.read_text(), organisation))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "support" / "carers-cafe" / "index.html").exists()
    assert (tmp_path / "site" / "services" / "carers-cafe" / "index.html").exists()


def test_new_refuses_to_overwrite(project):
    import pytest

    page = yaml_fields.value(project / "data" / "site.yaml", "get_help_now", "page")  # pages every site has
    service = yaml_fields.value(project / "data" / "services.yaml", "services", 0, "id")
    before = {path: path.read_bytes() for path in [project / "content" / page, project / "data" / "services.yaml"]}
    with pytest.raises(SystemExit):
        new.new_page(page.removesuffix(".md"), "Again", root=project)
    with pytest.raises(SystemExit):
        new.new_service(service, "Again", root=project)
    assert {path: path.read_bytes() for path in before} == before
