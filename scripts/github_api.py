"""What the action's GitHub steps share: the REST calls, the event payload,
workflow commands and Markdown escaping. Python 3 standard library only, so
the steps run on any GitHub runner without installing anything.

The token comes from the environment (GITHUB_TOKEN), never from a command
line, and is sent only to GITHUB_API_URL.
"""

import json
import os
import re
import sys
import urllib.error
import urllib.request

API_VERSION = "2022-11-28"
TIMEOUT_SECONDS = 30


class ApiError(Exception):
    """A REST call that did not succeed: the HTTP status (0: no answer) and
    GitHub's message."""

    def __init__(self, status, message):
        super().__init__(f"HTTP {status}: {message}" if status else message)
        self.status = status
        self.message = message


class Api:
    """GitHub's REST API for one repository, with the job's token."""

    def __init__(self, base_url, repository, token):
        self.base_url = base_url.rstrip("/")
        self.repository = repository
        self.token = token

    @classmethod
    def from_env(cls):
        return cls(
            os.environ.get("GITHUB_API_URL") or "https://api.github.com",
            os.environ.get("GITHUB_REPOSITORY", ""),
            os.environ.get("GITHUB_TOKEN", ""),
        )

    def request(self, method, path, body=None, repository_path=True):
        """METHOD /repos/OWNER/REPO + path (or path alone) -> (decoded JSON, Link header)."""
        url = f"{self.base_url}/repos/{self.repository}{path}" if repository_path else f"{self.base_url}{path}"
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", API_VERSION)
        request.add_header("User-Agent", "planlint-action")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                text = response.read().decode("utf-8")
                return (json.loads(text) if text else None), response.headers.get("Link", "")
        except urllib.error.HTTPError as error:
            raise ApiError(error.code, _message_of(error)) from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise ApiError(0, f"no answer from {self.base_url}: {error}") from None


def _message_of(error):
    try:
        return json.loads(error.read().decode("utf-8")).get("message", error.reason)
    except (ValueError, AttributeError, OSError):
        return str(error.reason)


def next_page(link_header):
    """The rel="next" URL's page number of a Link header, or None."""
    for part in link_header.split(","):
        if 'rel="next"' in part:
            found = re.search(r"[?&]page=(\d+)", part)
            if found:
                return int(found.group(1))
    return None


def event():
    """The webhook payload that started the run ({} when there is none)."""
    path = os.environ.get("GITHUB_EVENT_PATH", "")
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def is_fork(payload):
    """A pull request whose head lives in another repository: its run gets a
    read-only token (and no secrets), whatever the workflow asks for."""
    pull = payload.get("pull_request") or {}
    head_repo = (pull.get("head") or {}).get("repo") or {}
    base_name = ((pull.get("base") or {}).get("repo") or {}).get("full_name") \
        or os.environ.get("GITHUB_REPOSITORY", "")
    # A deleted fork has no head repository: treated as a fork.
    return bool(pull) and head_repo.get("full_name") != base_name


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:@])")


def escape_markdown(text):
    """Text shown as itself in GitHub Markdown: no links, mentions,
    emphasis, HTML or table breaks, on one line. HTML's characters become
    entities; Markdown's are escaped with a backslash."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def command_value(text):
    """A value inside a workflow command (::notice::...) on one line."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def notice(message, title="planlint"):
    print(f"::notice title={command_value(title)}::{command_value(message)}", flush=True)


def warning(message, title="planlint"):
    print(f"::warning title={command_value(title)}::{command_value(message)}", flush=True)


def set_output(name, value):
    path = os.environ.get("GITHUB_OUTPUT", "")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{name}={value}\n")
    else:
        print(f"{name}={value}")


def append_summary(markdown):
    """Appends to the job summary (stdout outside a runner)."""
    path = os.environ.get("GITHUB_STEP_SUMMARY", "")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown)
    else:
        sys.stdout.write(markdown)


def run_url():
    """The run's page, where the job summaries are."""
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    run_id = os.environ.get("GITHUB_RUN_ID", "")
    url = f"{server}/{repository}/actions/runs/{run_id}"
    attempt = os.environ.get("GITHUB_RUN_ATTEMPT", "")
    return f"{url}/attempts/{attempt}" if attempt and attempt != "1" else url
