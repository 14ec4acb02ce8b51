#!/usr/bin/env python3
"""The action's pull request comment (action.yml's "pr-comment" step): one
comment per pull request with the verdict and the plan diffs, found again by
a hidden marker and updated in place on every push.

It never fails the job. A token that may not comment (no `pull-requests:
write`) is said in the log, and a pull request from a fork (a read-only
token) gets a note in the job summary instead, where the plan diffs are.

Environment:
  GITHUB_TOKEN             the token (pull-requests: write), from env only
  GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_SERVER_URL,
  GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_STEP_SUMMARY   set by the runner
  PLANLINT_DIFF_FILE       the plan diffs as Markdown (the pr-diff step's
                           summary); missing or empty: no plan changed;
                           unset: plan diffs are switched off
  PLANLINT_NO_BASE         set when the clone lacks the base branch, so
                           there could be no diffs
  PLANLINT_EXIT_CODE       the check step's exit code (0, 1, 2)
  PLANLINT_FAIL_ON         the check's fail-on severity
  PLANLINT_COMMENT_AUTHOR  whose comment is updated (default: the token's
                           user as GET /user names it, which a personal
                           token answers; else github-actions[bot], the
                           job token's user)

The Markdown of the plan diffs is planlint's own output, which escapes what
it takes from plans; everything this script adds from the event is escaped
here. The two lines the pr-diff step writes around planlint's output with
a file or branch name in them (### New plan: `NAME`, ## Plan changes
against `BASE`) are kept only when the name sits in a code span that it
cannot end (no backtick inside) and are escaped as text otherwise, since
file names come from whoever opens the pull request.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import github_api  # noqa: E402  (the script's own folder, found at run time)
from github_api import ApiError, escape_markdown  # noqa: E402

MARKER = "<!-- planlint:pr-comment -->"
# GitHub refuses a comment body over 65,536 characters; the rest of the body
# (verdict, footer, truncation note) fits in the difference.
BODY_LIMIT = 65536
DIFF_BUDGET = BODY_LIMIT - 4096
TITLE = "planlint PR comment"


def verdict(exit_code, fail_on):
    severity = f"`{fail_on}`" if re.fullmatch(r"[a-z]+", fail_on or "") else "the fail-on level"
    return {
        "0": f"✅ **Passed**: no findings at or above {severity}.",
        "1": f"❌ **Failed**: findings at or above {severity}; each is annotated on its line.",
        "2": "⚠️ **planlint could not check every plan** (a plan that does not parse, "
        "a broken config or a missing path); the job log says which.",
    }.get(exit_code, "⚪ **The check did not run**; the job log says why.")


def truncate(markdown, budget, summary_url):
    """At most `budget` characters of whole lines, never ending inside a
    fenced block (a cut Mermaid chart would not draw), with a note."""
    if len(markdown) <= budget:
        return markdown
    note = (f"\n\n… **Cut here**: the plan diffs are longer than a GitHub comment can hold. "
            f"All of them are in [the job summary]({summary_url}).\n")
    kept, used, fence_start = [], 0, None
    for line in markdown.splitlines(keepends=True):
        if used + len(line) > budget - len(note):
            break
        if line.lstrip().startswith(("```", "~~~")):
            fence_start = None if fence_start is not None else len(kept)
        kept.append(line)
        used += len(line)
    if fence_start is not None:
        kept = kept[:fence_start]
    return "".join(kept).rstrip() + note


_STEP_LINES = (
    (re.compile(r"^### New plan: (.*)$"), "### New plan: {}"),
    (re.compile(r"^## Plan changes against (.*)$"), "## Plan changes against {}"),
)
# A code span that nothing can end early: no backtick inside.
_SAFE_CODE_SPAN = re.compile(r"`[^`]+`")


def escape_step_lines(markdown):
    """The pr-diff step's own lines: a name it shows in a code span without
    a backtick inside stays as it is; anything else is escaped as text."""
    lines = []
    for line in markdown.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        for pattern, template in _STEP_LINES:
            found = pattern.match(text)
            if found and not _SAFE_CODE_SPAN.fullmatch(found.group(1)):
                line = template.format(escape_markdown(found.group(1))) + line[len(text):]
                break
        lines.append(line)
    return "".join(lines)


def no_diff_reason():
    """Why there are no plan diffs, in the reader's words."""
    if not os.environ.get("PLANLINT_DIFF_FILE"):
        return "The plan diffs are switched off (`plan-diff: false`).\n"
    if os.environ.get("PLANLINT_NO_BASE"):
        return ("No plan diffs: the base branch is not in this clone, so the plans could not be compared "
                "(check out with `fetch-depth: 0`).\n")
    return "No plan changed in this pull request.\n"


def body_for(diff_markdown, exit_code, fail_on, head_sha, summary_url):
    head = f"{MARKER}\n## planlint\n\n{verdict(exit_code, fail_on)}\n\n"
    if diff_markdown.strip():
        diff = truncate(escape_step_lines(diff_markdown.strip() + "\n"), DIFF_BUDGET, summary_url)
    else:
        diff = no_diff_reason()
    commit = f" (this is commit `{head_sha[:12]}`)" if re.fullmatch(r"[0-9a-f]{7,64}", head_sha) else ""
    footer = (f"\n---\n<sub>planlint updates this comment on every push{commit}. Every finding is in "
              f"[the job summary]({summary_url}).</sub>\n")
    return head + diff + footer


def find_comment(api, number, author):
    """The id and body of this action's comment on the pull request, or None:
    the marker at the start, written by the token's user (anyone can paste
    the marker into a comment of their own)."""
    page = 1
    while page:
        comments, link = api.request("GET", f"/issues/{number}/comments?per_page=100&page={page}")
        for comment in comments or []:
            login = (comment.get("user") or {}).get("login")
            if login == author and (comment.get("body") or "").startswith(MARKER):
                return comment["id"], comment["body"]
        page = github_api.next_page(link)
    return None


def token_user(api):
    """Who the token writes as. The job's token cannot ask (403): it is
    github-actions[bot]."""
    try:
        user, _ = api.request("GET", "/user", repository_path=False)
        return (user or {}).get("login") or "github-actions[bot]"
    except ApiError:
        return "github-actions[bot]"


def read_diff(path):
    if not path:
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def main():
    payload = github_api.event()
    pull = payload.get("pull_request") or {}
    number = pull.get("number")
    if not isinstance(number, int):
        github_api.notice("not a pull request event: no comment", TITLE)
        return 0
    exit_code = os.environ.get("PLANLINT_EXIT_CODE", "")
    fail_on = os.environ.get("PLANLINT_FAIL_ON", "error")
    summary_url = github_api.run_url()
    diff = read_diff(os.environ.get("PLANLINT_DIFF_FILE", ""))
    head_sha = str((pull.get("head") or {}).get("sha") or "")

    if github_api.is_fork(payload):
        head = ((pull.get("head") or {}).get("repo") or {}).get("full_name") or "a deleted fork"
        github_api.append_summary(
            f"\n> [!NOTE]\n> This pull request comes from {escape_markdown(head)}: its token may only read, "
            "so planlint cannot comment on it. The verdict and the plan diffs are here instead.\n>\n"
            f"> {verdict(exit_code, fail_on)}\n")
        github_api.notice("the pull request comes from a fork, whose token may only read: "
                          "the verdict and the plan diffs are in the job summary, not in a comment", TITLE)
        return 0

    api = github_api.Api.from_env()
    author = os.environ.get("PLANLINT_COMMENT_AUTHOR") or token_user(api)
    body = body_for(diff, exit_code, fail_on, head_sha, summary_url)
    try:
        existing = find_comment(api, number, author)
        if existing is None:
            if not diff.strip() and exit_code == "0" and no_diff_reason().startswith("No plan changed"):
                print("planlint: no plan changed and the check passed: nothing to comment")
                return 0
            created, _ = api.request("POST", f"/issues/{number}/comments", {"body": body})
            print(f"planlint: commented on pull request #{number}: {created.get('html_url', '')}")
        elif existing[1] == body:
            print(f"planlint: the comment on pull request #{number} is up to date")
        else:
            api.request("PATCH", f"/issues/comments/{existing[0]}", {"body": body})
            print(f"planlint: updated the comment on pull request #{number}")
    except ApiError as error:
        if error.status in (401, 403, 404):
            github_api.notice(
                f"cannot comment on pull request #{number} ({error}): the job's token needs "
                "`permissions: pull-requests: write`; the plan diffs are in the job summary", TITLE)
            github_api.append_summary(
                "\n> [!NOTE]\n> planlint could not comment on this pull request: the token lacks "
                "`pull-requests: write`. The plan diffs are in this summary.\n")
        else:
            github_api.warning(f"cannot comment on pull request #{number} ({error}); "
                               "the plan diffs are in the job summary", TITLE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
