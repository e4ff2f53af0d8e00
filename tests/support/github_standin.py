"""A stand-in for GitHub's API on 127.0.0.1, for the published editor (Sveltia CMS) in Chromium.

It answers, as GitHub's documented REST and GraphQL APIs do, the requests the CMS makes for what the tests need:
the signed-in user, the repository and a branch, its tree and blobs, a new branch (createRef), a commit on it
(createCommitOnBranch), a pull request and its label. It keeps a real little Git object store (blob ids are Git's
SHA-1s), so a test can compare the pull request's branch with the base branch file by file. GraphQL queries are
recognised by the fields the CMS asks for (docs/developers/browser-editor.md, coupling points), not parsed in
general: a query it does not know is recorded in `unknown` and answered with an error, so a test sees it.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

USER = {"id": 4242, "login": "comms-officer", "name": "A Comms Officer", "email": "comms@example.org",
        "avatar_url": "", "html_url": "https://github.com/comms-officer", "type": "User"}
NOW = "2026-12-03T12:00:00Z"


def git_sha(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


@dataclass
class Repository:
    owner: str
    name: str
    branches: dict[str, dict[str, bytes]]  # branch -> {path: content}
    heads: dict[str, str] = field(default_factory=dict)  # branch -> commit id
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)  # commit id -> its files
    pulls: list[dict] = field(default_factory=list)
    requests: list[tuple[str, str, dict | None]] = field(default_factory=list)  # (method, path, JSON body)
    unknown: list[str] = field(default_factory=list)
    token: str = ""  # the token the CMS must send

    @classmethod
    def from_folder(cls, owner: str, name: str, branch: str, folder: Path, folders=("content", "data")):
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for top in folders
                 for p in sorted((folder / top).rglob("*")) if p.is_file()}
        repo = cls(owner, name, {branch: files})
        repo.record(branch, "first")
        return repo

    def record(self, branch: str, message: str) -> str:
        """A commit of the branch's files as they are now; the branch's new head."""
        oid = hashlib.sha1(f"{branch}\n{message}\n{sorted(self.branches[branch].items())}".encode()).hexdigest()
        self.commits[oid] = dict(self.branches[branch])
        self.heads[branch] = oid
        return oid

    def files_at(self, ref: str) -> dict[str, bytes]:
        """A branch's files, or a commit's."""
        return self.branches[self.branch_of(ref)] if self.branch_of(ref) in self.branches else self.commits[ref]

    def blob(self, sha: str) -> bytes | None:
        return next((c for files in self.branches.values() for c in files.values() if git_sha(c) == sha), None)

    def branch_of(self, ref: str) -> str:
        return ref.removeprefix("refs/heads/")


def _text(content: bytes) -> str:
    return content.decode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    repo: Repository  # set on the class made for each server

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body=None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "*")
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        for name, value in (("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", "*"),
                            ("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE")):
            self.send_header(name, value)
        self.end_headers()

    def _body(self) -> dict | None:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length)) if length else None

    def _authorised(self) -> bool:
        return self.headers.get("Authorization") in (f"token {self.repo.token}", f"Bearer {self.repo.token}")

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def _handle(self, method: str) -> None:
        body = self._body()
        self.repo.requests.append((method, self.path, body))
        if not self._authorised():
            return self._send(401, {"message": "Bad credentials"})
        try:
            if self.path.rstrip("/") == "/graphql":
                return self._send(200, graphql(self.repo, body["query"], body.get("variables") or {}))
            status, answer = rest(self.repo, method, self.path, body)
        except KeyError as missing:
            status, answer = 404, {"message": f"Not Found ({missing})"}
        if status == 0:
            self.repo.unknown.append(f"{method} {self.path}")
            status, answer = 404, {"message": "Not Found"}
        self._send(status, answer)


def rest(repo: Repository, method: str, path: str, body: dict | None) -> tuple[int, object]:
    """(status, JSON) for a REST request; status 0 for one the stand-in does not know."""
    route, _, query = path.partition("?")
    base = f"/repos/{repo.owner}/{repo.name}"
    if route == "/user":
        return 200, USER
    if route == f"{base}/collaborators/{USER['login']}":
        return 204, None
    if route == base:
        return 200, {"id": 1, "node_id": "R_1", "name": repo.name, "full_name": f"{repo.owner}/{repo.name}",
                     "private": False, "fork": False, "default_branch": next(iter(repo.branches)),
                     "permissions": {"admin": False, "push": True, "pull": True}}
    if (tree := re.fullmatch(rf"{base}/git/trees/([^/]+)", route)) and method == "GET":
        files = repo.files_at(tree.group(1))
        return 200, {"sha": tree.group(1), "truncated": False, "tree": [
            {"path": p, "mode": "100644", "type": "blob", "sha": git_sha(c), "size": len(c)} for p, c in files.items()]}
    if blob := re.fullmatch(rf"{base}/git/blobs/([0-9a-f]+)", route):
        content = repo.blob(blob.group(1))
        if content is None:
            return 404, {"message": "Not Found"}
        return 200, {"sha": blob.group(1), "size": len(content), "encoding": "base64",
                     "content": base64.b64encode(content).decode()}
    if route == f"{base}/git/refs" and method == "POST":
        return 201, create_ref(repo, body["ref"], body["sha"])
    if (ref := re.fullmatch(rf"{base}/git/refs/heads/(.+)", route)) and method == "PATCH":
        return 200, {"ref": "refs/heads/" + ref.group(1), "object": {"sha": body["sha"]}}
    if route == f"{base}/pulls" and method == "POST":
        number = len(repo.pulls) + 1
        pull = {"number": number, "node_id": f"PR_{number}", "title": body["title"], "head": {
            "ref": body["head"], "sha": repo.heads[body["head"]]}, "base": {"ref": body["base"]}, "draft":
            body.get("draft", False), "body": body.get("body"), "state": "open", "labels": [],
            "html_url": f"https://github.com/{repo.owner}/{repo.name}/pull/{number}",
            "created_at": NOW, "updated_at": NOW}
        repo.pulls.append(pull)
        return 201, pull
    if (labels := re.fullmatch(rf"{base}/issues/(\d+)/labels", route)) and method == "POST":
        pull = repo.pulls[int(labels.group(1)) - 1]
        pull["labels"] += [{"name": name} for name in body["labels"]]
        return 200, pull["labels"]
    if issue := re.fullmatch(rf"{base}/issues/(\d+)", route):  # a pull request is an issue too (its labels)
        pull = repo.pulls[int(issue.group(1)) - 1]
        if method == "PATCH":
            pull["labels"] = [{"name": name} for name in body["labels"]]
        return 200, {"number": pull["number"], "labels": pull["labels"], "state": pull["state"]}
    if (files := re.fullmatch(rf"{base}/pulls/(\d+)/files", route)) and method == "GET":
        pull = repo.pulls[int(files.group(1)) - 1]
        return 200, [{"filename": p, "status": "modified"} for p in changed_files(repo, pull)]
    if route == "/user/repository_invitations":
        return 200, []
    return 0, None


def create_ref(repo: Repository, ref: str, sha: str) -> dict:
    branch = repo.branch_of(ref)
    repo.branches[branch] = dict(repo.commits[sha])
    repo.heads[branch] = sha
    return {"ref": "refs/heads/" + branch, "object": {"sha": sha, "type": "commit"}}


def changed_files(repo: Repository, pull: dict) -> list[str]:
    head, base = repo.branches[pull["head"]["ref"]], repo.branches[pull["base"]["ref"]]
    return sorted(p for p in set(head) | set(base) if head.get(p) != base.get(p))


def graphql(repo: Repository, query: str, variables: dict) -> dict:
    """The answer to one of the CMS's GraphQL queries (recognised by what it asks for)."""
    q = re.sub(r"\s+", " ", query)
    branch = variables.get("branch") or next(iter(repo.branches))
    if "createCommitOnBranch" in q:
        return {"data": {"createCommitOnBranch": commit(repo, variables["input"], q)}}
    if "createRef(" in q:
        made = variables["input"]
        create_ref(repo, made["name"], made["oid"])
        return {"data": {"createRef": {"ref": {"name": repo.branch_of(made["name"])}}}}
    if "markPullRequestReadyForReview(" in q or "convertPullRequestToDraft(" in q:
        pull = next(p for p in repo.pulls if p["node_id"] == variables["input"]["pullRequestId"])
        pull["draft"] = "convertPullRequestToDraft(" in q
        return {"data": {q.split("{")[1].split("(")[0].strip(): {"pullRequest": {"isDraft": pull["draft"]}}}}
    if "node(id: $id) { ... on PullRequest" in q:
        pull = next(p for p in repo.pulls if p["node_id"] == variables["id"])
        return {"data": {"node": {"state": pull["state"].upper(), "isDraft": pull["draft"]}}}
    if "defaultBranchRef" in q:
        return {"data": {"repository": {"defaultBranchRef": {"name": next(iter(repo.branches))}}}}
    if "pullRequests(" in q and "labels:" in q:  # the open pull requests the CMS made (its workflow's list)
        return {"data": {"repository": {"pullRequests": {"nodes": []}}}}
    if "pullRequests(headRefName: $branch" in q:
        return {"data": {"repository": {"pullRequests": {"totalCount": 0}}}}
    if "refs(refPrefix:" in q:
        return {"data": {"repository": {"refs": {"nodes": []}}}}
    if "fork: repository(" in q:
        head = repo.heads.get(repo.branch_of(branch))
        return {"data": {"fork": {"id": "R_1"}, "base": {"ref": {"target": {"oid": head}} if head else None}}}
    if q.strip().startswith("query") and "history(first: 1) {" in q and " _0:" not in q and "_0:" not in q:
        head = repo.heads.get(repo.branch_of(branch))
        return {"data": {"repository": {"ref": {"target": {"history": {"nodes": [
            {"oid": head, "message": "the last commit"}]}}} if head else None}}}
    if "ref(qualifiedName: $branch) { target { ... on Commit { oid } } }" in q:
        head = repo.heads.get(repo.branch_of(branch))
        return {"data": {"repository": {"ref": {"target": {"oid": head}} if head else None}}}
    aliases = re.findall(r"(\w+_\d+): (object\(oid: \"([0-9a-f]+)\"\)|object\(expression: \"([^\"]+)\"\)|"
                         r"ref\(qualifiedName: \$branch\) \{ target \{ \.\.\. on Commit \{ history\(first: 1, "
                         r"path: \"([^\"]+)\"\))", q)
    if aliases:
        out = {}
        for alias, _, oid, expression, path in aliases:
            if oid:
                content = repo.blob(oid)
                out[alias] = None if content is None else {"text": _text(content), "isTruncated": False}
            elif expression:
                ref, _, file = expression.partition(":")
                content = repo.branches.get(repo.branch_of(ref), {}).get(file)
                out[alias] = None if content is None else {
                    "oid": git_sha(content), "byteSize": len(content), "isBinary": False, "isTruncated": False,
                    "text": _text(content)}
            else:
                out[alias] = {"target": {"history": {"nodes": [{"author": {
                    "name": USER["name"], "email": USER["email"], "user": {"id": USER["id"], "login": USER["login"]}},
                    "committedDate": NOW}]}}}
        return {"data": {"repository": out}}
    repo.unknown.append("graphql: " + q[:300])
    return {"errors": [{"message": "the stand-in does not know this query"}], "data": None}


def commit(repo: Repository, made: dict, query: str) -> dict:
    """createCommitOnBranch: the additions (base64) and deletions on the named branch, if its head is expected."""
    branch = made["branch"]["branchName"]
    assert made["branch"]["repositoryNameWithOwner"] == f"{repo.owner}/{repo.name}"
    if repo.heads[branch] != made["expectedHeadOid"]:
        raise KeyError("expectedHeadOid is not the branch's head")
    files = repo.branches[branch]
    changes = made.get("fileChanges") or {}
    for added in changes.get("additions") or []:
        files[added["path"]] = base64.b64decode(added["contents"])
    for deleted in changes.get("deletions") or []:
        files.pop(deleted["path"], None)
    repo.record(branch, made.get("message", {}).get("headline", "") + str(time.time()))
    oids = {alias: {"oid": git_sha(files[path])} for alias, path in
            re.findall(r"(file_\d+): file\(path: \"([^\"]+)\"\)", query) if path in files}
    return {"commit": {"oid": repo.heads[branch], "committedDate": NOW, **oids}}


@contextmanager
def serve(repo: Repository):
    """The stand-in on 127.0.0.1, on a port the system chooses; yields its address."""
    handler = type("StandIn", (Handler,), {"repo": repo})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def route_to(page, address: str) -> None:
    """Send the page's requests for api.github.com to the stand-in (the CMS's own configuration unchanged)."""
    def forward(route):
        request = route.request
        url = address + request.url.removeprefix("https://api.github.com")
        if request.method == "OPTIONS":
            return route.fulfill(status=204, headers={"Access-Control-Allow-Origin": "*",
                                                      "Access-Control-Allow-Headers": "*",
                                                      "Access-Control-Allow-Methods": "GET, POST, PATCH, PUT, DELETE"})
        route.fulfill(response=route.fetch(url=url))
    page.route("https://api.github.com/**", forward)
