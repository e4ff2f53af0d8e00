""""Report a problem with this page": a link that names the page, so a carer need not copy its address.

It is an email (mailto:) with the subject and body filled in, or the council's own form with the page's address
as a query parameter, as data/site.yaml's `report_problem` says. Nothing is sent until the carer sends it:
no cookies, no tracking, no request to another website.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from carers_hub.data.models import ReportProblem

# Percent-encode everything but letters, digits and - . _ ~ (RFC 3986 "unreserved"), as RFC 6068 asks of
# mailto: headers: a space is %20 (never +), a new line %0D%0A.
NEW_LINE = "\r\n"


def page_address(site_url: str, page_url: str) -> str:
    """The page's full address: https://carers.example.org/ and support/x/ -> https://carers.example.org/support/x/"""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, page_url)


def mailto(email: str, title: str, address: str) -> str:
    subject = f"Problem with a page: {title}"
    body = NEW_LINE.join([
        f"Page: {title}",
        f"Address: {address}",
        "",
        "What is wrong, or what did you expect to find?",
        "",
        "",
    ])
    return (f"mailto:{quote(email, safe='@')}"
            f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}")


def form_link(form: str, parameter: str, address: str) -> str:
    """The form's address with the page's address added to its query (after any it already has)."""
    parts = urlsplit(form)
    added = f"{quote(parameter, safe='')}={quote(address, safe='')}"
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))


def link(report: ReportProblem | None, site_url: str, page_url: str, title: str) -> str | None:
    """Where "Report a problem with this page" goes for one page, or None when the site has no way set."""
    if report is None or not (report.email or report.form):
        return None
    address = page_address(site_url, page_url)
    if report.form:
        return form_link(report.form, report.form_parameter, address)
    return mailto(report.email, " ".join(str(title).split()), address)
