#!/usr/bin/env python3
"""The action's GitHub steps (scripts/pr_comment.py, scripts/code_scanning.py)
against a local HTTP server that speaks the REST endpoints they use: list,
create and update issue comments, and the code scanning analyses. A token
named "read-only" gets 403 for every write, as a fork's or a workflow
without `pull-requests: write` does.

Each step runs as action.yml's `run:` block (taken from action.yml, in
bash, from a scratch git clone with origin/main), as the runner runs it.

Usage: python3 .ci/github_steps_test.py [PLAN_DIFF_MARKDOWN]
(needs PyYAML; CI passes the Markdown that action.yml's pr-diff step wrote
on a scratch repository; without it a sample diff is used.)
"""

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = "acme/plans"
BOT = "github-actions[bot]"
SAMPLE_DIFF = """## Plan changes against origin/main

## Plan diff: `plans/spring.plan.yaml`

| | before | after |
|---|---|---|
| **CAC** | 480 CNY | 2,500 CNY |

### Findings introduced
- error `cac-exceeds-ltv`: CAC is above LTV

```mermaid
pie showData
  "Douyin" : 40
  "WeChat" : 60
```
"""
DIFF_FILE = sys.argv.pop(1) if len(sys.argv) > 1 else None


class FakeGitHub:
    """The state behind the server: comments by pull request, the calls made."""

    def __init__(self):
        self.comments = {}  # pull number -> list of comment dicts
        self.next_id = 1000
        self.calls = []
        self.code_scanning = "enabled"  # "enabled", "no analyses", "disabled"
        self.lock = threading.Lock()

    def add_comment(self, number, body, login):
        self.next_id += 1
        comment = {"id": self.next_id, "body": body, "user": {"login": login, "type": "Bot"},
                   "html_url": f"https://github.test/{REPO}/pull/{number}#issuecomment-{self.next_id}"}
        self.comments.setdefault(number, []).append(comment)
        return comment


def handler_for(state):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, payload, headers=None):
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def token(self):
            auth = self.headers.get("Authorization", "")
            return auth[len("Bearer "):] if auth.startswith("Bearer ") else ""

        def handle_any(self, method):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            with state.lock:
                state.calls.append((method, self.path, self.token(), body))
                self.route(method, body)

        def route(self, method, body):
            if not self.token():
                return self.reply(401, {"message": "Requires authentication"})
            if self.headers.get("Accept") != "application/vnd.github+json":
                return self.reply(415, {"message": "wrong Accept header"})
            path, _, query = self.path.partition("?")
            if path == "/user" and method == "GET":
                # A personal token names its user; an installation token (the job's) may not ask.
                if self.token() == "personal":
                    return self.reply(200, {"login": "li-wei", "type": "User"})
                return self.reply(403, {"message": "Resource not accessible by integration"})
            prefix = f"/repos/{REPO}"
            if not path.startswith(prefix + "/"):
                return self.reply(404, {"message": "Not Found"})
            path = path[len(prefix):]
            writes = method in ("POST", "PATCH")
            if writes and self.token() == "read-only":
                return self.reply(403, {"message": "Resource not accessible by integration"})
            listing = re.fullmatch(r"/issues/(\d+)/comments", path)
            if listing and method == "GET":
                page = int(dict(p.split("=") for p in query.split("&") if "=" in p).get("page", 1))
                per_page = int(dict(p.split("=") for p in query.split("&") if "=" in p).get("per_page", 30))
                comments = state.comments.get(int(listing.group(1)), [])
                chunk = comments[(page - 1) * per_page: page * per_page]
                headers = {}
                if page * per_page < len(comments):
                    headers["Link"] = (f'<http://x/repos/{REPO}/issues/{listing.group(1)}/comments'
                                       f'?per_page={per_page}&page={page + 1}>; rel="next"')
                return self.reply(200, chunk, headers)
            if listing and method == "POST":
                if len(body["body"]) > 65536:
                    return self.reply(422, {"message": "body is too long (maximum is 65536 characters)"})
                author = "li-wei" if self.token() == "personal" else BOT
                return self.reply(201, state.add_comment(int(listing.group(1)), body["body"], author))
            update = re.fullmatch(r"/issues/comments/(\d+)", path)
            if update and method == "PATCH":
                for comments in state.comments.values():
                    for comment in comments:
                        if comment["id"] == int(update.group(1)):
                            if comment["user"]["login"] != ("li-wei" if self.token() == "personal" else BOT):
                                return self.reply(403, {"message": "not your comment"})
                            comment["body"] = body["body"]
                            return self.reply(200, comment)
                return self.reply(404, {"message": "Not Found"})
            if path == "/code-scanning/analyses" and method == "GET":
                if state.code_scanning == "disabled":
                    return self.reply(403, {"message": "Code Security must be enabled for this repository to use code scanning."})
                if state.code_scanning == "no analyses":
                    return self.reply(404, {"message": "no analysis found"})
                return self.reply(200, [{"id": 1}])
            return self.reply(404, {"message": "Not Found"})

        def do_GET(self):
            self.handle_any("GET")

        def do_POST(self):
            self.handle_any("POST")

        def do_PATCH(self):
            self.handle_any("PATCH")

    return Handler


def action_steps():
    """action.yml's steps by id."""
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as handle:
        steps = yaml.safe_load(handle)["runs"]["steps"]
    return {step["id"]: step for step in steps if "id" in step}


BASH = shutil.which("bash")
STEP_OF_SCRIPT = {"pr_comment.py": "pr-comment", "code_scanning.py": "code-scanning"}


class Steps(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.steps = action_steps()
        cls.clone = tempfile.TemporaryDirectory()
        git = ["git", "-C", cls.clone.name, "-c", "user.name=CI", "-c", "user.email=ci@example.com",
               "-c", "commit.gpgsign=false"]
        subprocess.run(["git", "init", "-q", "-b", "main", cls.clone.name], check=True)
        subprocess.run(git + ["commit", "-q", "--allow-empty", "-m", "base"], check=True)
        subprocess.run(git + ["update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
        cls.state = FakeGitHub()
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(cls.state))
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.api_url = f"http://127.0.0.1:{cls.server.server_address[1]}"
        if DIFF_FILE:
            with open(DIFF_FILE, encoding="utf-8") as handle:
                cls.diff = handle.read()
        else:
            cls.diff = SAMPLE_DIFF

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.clone.cleanup()

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.addCleanup(self.work.cleanup)
        with self.state.lock:
            self.state.calls.clear()

    def event(self, number, fork=False, private=True):
        head_repo = {"full_name": "mallory/plans" if fork else REPO}
        return {"pull_request": {"number": number,
                                 "head": {"sha": "0123456789abcdef0123456789abcdef01234567", "repo": head_repo},
                                 "base": {"ref": "main", "repo": {"full_name": REPO}}},
                "repository": {"full_name": REPO, "private": private,
                               "visibility": "private" if private else "public"}}

    def run_step(self, script, event, token="write", diff=None, exit_code="1", extra=None):
        """Runs a step as action.yml does; returns (exit code, log, summary, outputs)."""
        paths = {name: os.path.join(self.work.name, name) for name in ("event.json", "summary.md", "output", "diff.md")}
        with open(paths["event.json"], "w", encoding="utf-8") as handle:
            json.dump(event, handle)
        with open(paths["diff.md"], "w", encoding="utf-8") as handle:
            handle.write(self.diff if diff is None else diff)
        for name in ("summary.md", "output"):
            open(paths[name], "w").close()
        env = {"PATH": os.environ["PATH"], "GITHUB_ACTION_PATH": ROOT, "PLANLINT_BASE": "origin/main",
               "GITHUB_TOKEN": token, "GITHUB_API_URL": self.api_url,
               "GITHUB_REPOSITORY": REPO, "GITHUB_EVENT_PATH": paths["event.json"],
               "GITHUB_SERVER_URL": "https://github.test", "GITHUB_RUN_ID": "77", "GITHUB_RUN_ATTEMPT": "1",
               "GITHUB_STEP_SUMMARY": paths["summary.md"], "GITHUB_OUTPUT": paths["output"],
               "PLANLINT_DIFF_FILE": paths["diff.md"], "PLANLINT_EXIT_CODE": exit_code, "PLANLINT_FAIL_ON": "error"}
        env.update(extra or {})
        step = self.steps[STEP_OF_SCRIPT[script]]
        self.assertEqual(set(env) & set(step["env"]) , set(step["env"]), "the step's environment, as action.yml sets it")
        done = subprocess.run([BASH, "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], env=env,
                              cwd=self.clone.name, capture_output=True, text=True, timeout=60)
        with open(paths["summary.md"], encoding="utf-8") as handle:
            summary = handle.read()
        with open(paths["output"], encoding="utf-8") as handle:
            outputs = handle.read()
        return done.returncode, done.stdout + done.stderr, summary, outputs

    def methods(self):
        return [(method, path.split("?")[0]) for method, path, _, _ in self.state.calls]

    # -- the pull request comment ------------------------------------------

    def test_one_comment_created_then_updated_in_place(self):
        status, log, _, _ = self.run_step("pr_comment.py", self.event(1))
        self.assertEqual(status, 0, log)
        comments = self.state.comments[1]
        self.assertEqual(len(comments), 1, log)
        body = comments[0]["body"]
        self.assertTrue(body.startswith("<!-- planlint:pr-comment -->"), body)
        self.assertIn("❌ **Failed**", body)
        for line in self.diff.strip().splitlines():
            self.assertIn(line, body)  # the pr-diff step's names sit in safe code spans
        self.assertIn("(https://github.test/acme/plans/actions/runs/77)", body)
        self.assertEqual(self.methods(), [("GET", "/user"), ("GET", f"/repos/{REPO}/issues/1/comments"),
                                          ("POST", f"/repos/{REPO}/issues/1/comments")])
        self.assertTrue(all(token == "write" for _, _, token, _ in self.state.calls))

        self.state.calls.clear()
        status, log, _, _ = self.run_step("pr_comment.py", self.event(1), exit_code="0")
        self.assertEqual(status, 0, log)
        self.assertEqual(len(self.state.comments[1]), 1, "a second run must update, not add")
        self.assertIn("✅ **Passed**", self.state.comments[1][0]["body"])
        self.assertEqual(self.methods(), [("GET", "/user"), ("GET", f"/repos/{REPO}/issues/1/comments"),
                                          ("PATCH", f"/repos/{REPO}/issues/comments/{comments[0]['id']}")])

        self.state.calls.clear()
        self.run_step("pr_comment.py", self.event(1), exit_code="0")
        self.assertEqual([m for m, _ in self.methods()], ["GET", "GET"], "an unchanged comment is left alone")

    def test_the_comment_is_found_on_a_later_page_and_others_markers_are_ignored(self):
        for index in range(130):
            self.state.add_comment(2, f"review note {index}", "reviewer")
        # Someone pastes the marker into a comment of their own: not ours.
        self.state.add_comment(2, "<!-- planlint:pr-comment -->\nfake", "mallory")
        ours = self.state.add_comment(2, "<!-- planlint:pr-comment -->\nold", BOT)
        status, log, _, _ = self.run_step("pr_comment.py", self.event(2))
        self.assertEqual(status, 0, log)
        self.assertIn(("PATCH", f"/repos/{REPO}/issues/comments/{ours['id']}"), self.methods())
        self.assertEqual(self.state.comments[2][-2]["body"], "<!-- planlint:pr-comment -->\nfake")
        self.assertEqual(len(self.state.comments[2]), 132)
        self.assertIn("CAC", ours["body"])

    def test_a_personal_token_finds_its_own_comment_again(self):
        self.state.add_comment(15, "<!-- planlint:pr-comment -->\nby the bot", BOT)
        for _ in range(2):
            status, log, _, _ = self.run_step("pr_comment.py", self.event(15), token="personal")
            self.assertEqual(status, 0, log)
        mine = [c for c in self.state.comments[15] if c["user"]["login"] == "li-wei"]
        self.assertEqual(len(mine), 1, "one comment by the token's user, updated on the second run")
        self.assertEqual(self.state.comments[15][0]["body"], "<!-- planlint:pr-comment -->\nby the bot")

    def test_a_read_only_token_gets_a_notice_and_the_step_goes_on(self):
        status, log, summary, _ = self.run_step("pr_comment.py", self.event(3), token="read-only")
        self.assertEqual(status, 0, log)
        self.assertRegex(log, r"::notice title=planlint PR comment::cannot comment on pull request #3 "
                              r"\(HTTP 403: Resource not accessible by integration\).*pull-requests: write")
        self.assertIn("could not comment", summary)
        self.assertNotIn(3, self.state.comments)

    def test_a_fork_falls_back_to_the_job_summary_without_calling_the_api(self):
        status, log, summary, _ = self.run_step("pr_comment.py", self.event(4, fork=True))
        self.assertEqual(status, 0, log)
        self.assertEqual(self.state.calls, [])
        self.assertIn("comes from mallory/plans", summary)
        self.assertIn("❌ **Failed**", summary)
        self.assertIn("::notice title=planlint PR comment::the pull request comes from a fork", log)

    def test_a_long_diff_is_cut_within_the_limit_with_a_link_and_whole_charts(self):
        rows = "".join(f"| channel {i} | {i} CNY | {i + 1} CNY |\n" for i in range(3000))
        chart = "```mermaid\npie showData\n" + "".join(f'  "c{i}" : {i}\n' for i in range(2000)) + "```\n"
        status, log, _, _ = self.run_step("pr_comment.py", self.event(5), diff="## Plan diff\n\n" + rows + chart)
        self.assertEqual(status, 0, log)
        body = self.state.comments[5][0]["body"]
        self.assertLessEqual(len(body), 65536)
        self.assertIn("**Cut here**", body)
        self.assertIn("[the job summary](https://github.test/acme/plans/actions/runs/77)", body)
        self.assertEqual(body.count("```") % 2, 0, "a fenced block was left open")
        self.assertNotIn("```mermaid", body, "a chart cut in half must be left out")

    def test_no_plan_change_and_a_clean_check_adds_no_comment(self):
        status, log, _, _ = self.run_step("pr_comment.py", self.event(6), diff="", exit_code="0")
        self.assertEqual(status, 0, log)
        self.assertNotIn(6, self.state.comments)
        self.assertEqual([m for m, _ in self.methods()], ["GET", "GET"])

    def test_no_diffs_say_why(self):
        self.run_step("pr_comment.py", self.event(9), diff="", extra={"PLANLINT_BASE": "origin/gone"})
        self.assertIn("the base branch is not in this clone", self.state.comments[9][0]["body"])
        self.run_step("pr_comment.py", self.event(9), diff="", extra={"PLANLINT_DIFF_FILE": ""})
        self.assertIn("switched off (`plan-diff: false`)", self.state.comments[9][0]["body"])
        self.run_step("pr_comment.py", self.event(9), diff="")
        self.assertIn("No plan changed in this pull request.", self.state.comments[9][0]["body"])
        self.assertEqual(len(self.state.comments[9]), 1)

    def test_what_the_step_adds_from_the_event_is_escaped(self):
        event = self.event(7, fork=True)
        event["pull_request"]["head"]["repo"]["full_name"] = "m/<img src=x onerror=alert(1)>[x](http://evil)"
        _, _, summary, _ = self.run_step("pr_comment.py", event)
        self.assertNotIn("<img", summary)
        self.assertNotIn("](http", summary)
        self.assertIn(r"&lt;img src=x onerror=alert\(1\)&gt;\[x\]\(http\://evil\)", summary)

    def test_file_and_branch_names_the_pr_diff_step_writes_are_escaped(self):
        diff = ("## Plan changes against origin/main<img src=x>\n\n"
                "### New plan: `x`<img src=x onerror=alert(1)>` @acme/everyone [win](http://evil).plan.yaml`\n\n"
                "| a | b |\n")
        self.run_step("pr_comment.py", self.event(17), diff=diff)
        body = self.state.comments[17][0]["body"]
        self.assertNotIn("<img", body)
        self.assertNotIn(" @acme", body)
        self.assertNotIn("[win](http", body)
        self.assertIn("### New plan: \\`x\\`&lt;img src=x onerror=alert\\(1\\)&gt;\\` \\@acme/everyone "
                      "\\[win\\]\\(http\\://evil\\)\\.plan\\.yaml\\`\n", body)
        self.assertIn("## Plan changes against origin/main&lt;img src=x&gt;\n", body)
        self.assertIn("| a | b |", body)

    def test_names_in_code_spans_they_cannot_end_are_kept(self):
        diff = ("## Plan changes against `origin/main`\n\n"
                "### New plan: `plans/tick'<img src=x>.plan.yaml`\n\n"
                "### New plan: `a` <b>`c.plan.yaml`\n")
        self.run_step("pr_comment.py", self.event(18), diff=diff)
        body = self.state.comments[18][0]["body"]
        self.assertIn("## Plan changes against `origin/main`\n", body)
        self.assertIn("### New plan: `plans/tick'<img src=x>.plan.yaml`\n", body)
        self.assertIn("### New plan: \\`a\\` &lt;b&gt;\\`c\\.plan\\.yaml\\`\n", body)

    def test_a_server_error_is_a_warning_not_a_failure(self):
        status, log, _, _ = self.run_step("pr_comment.py", self.event(8),
                                          extra={"GITHUB_API_URL": "http://127.0.0.1:9"})
        self.assertEqual(status, 0, log)
        self.assertIn("::warning title=planlint PR comment::cannot comment", log)

    def test_no_python_on_the_runner_is_a_notice(self):
        bare = tempfile.mkdtemp(dir=self.work.name)
        for tool in ("git", "rm", "dirname"):
            found = shutil.which(tool)
            if found:
                os.symlink(found, os.path.join(bare, tool))
        for script, words in (("pr_comment.py", "no Python on this runner, so no pull request comment"),
                              ("code_scanning.py", "SARIF upload skipped: no Python on this runner")):
            status, log, _, outputs = self.run_step(script, self.event(16), extra={"PATH": bare, **self.sarif()})
            self.assertEqual(status, 0, log)
            self.assertIn(words, log)
            self.assertEqual(outputs, "")

    # -- code scanning --------------------------------------------------------

    def sarif(self):
        path = os.path.join(self.work.name, "planlint.sarif")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('{"version": "2.1.0", "runs": []}')
        return {"PLANLINT_SARIF_FILE": path}

    def test_a_public_repository_uploads_without_asking(self):
        status, log, _, outputs = self.run_step("code_scanning.py", self.event(10, private=False), extra=self.sarif())
        self.assertEqual((status, outputs), (0, "available=true\n"), log)
        self.assertEqual(self.state.calls, [])

    def test_a_private_repository_without_code_scanning_skips_with_a_notice(self):
        self.state.code_scanning = "disabled"
        status, log, _, outputs = self.run_step("code_scanning.py", self.event(11), extra=self.sarif())
        self.assertEqual((status, outputs), (0, "available=false\n"), log)
        self.assertIn("::notice title=planlint code scanning::SARIF upload skipped: code scanning is not available", log)
        self.assertIn("GitHub Advanced Security", log)

    def test_a_private_repository_with_code_scanning_uploads(self):
        for setting in ("enabled", "no analyses"):
            self.state.code_scanning = setting
            status, log, _, outputs = self.run_step("code_scanning.py", self.event(12), extra=self.sarif())
            self.assertEqual((status, outputs), (0, "available=true\n"), f"{setting}: {log}")

    def test_a_fork_never_uploads(self):
        status, log, _, outputs = self.run_step("code_scanning.py", self.event(13, fork=True, private=False),
                                                extra=self.sarif())
        self.assertEqual((status, outputs), (0, "available=false\n"), log)
        self.assertIn("fork", log)

    def test_no_sarif_file_means_nothing_to_upload(self):
        status, log, _, outputs = self.run_step("code_scanning.py", self.event(14, private=False),
                                                extra={"PLANLINT_SARIF_FILE": "/nonexistent/planlint.sarif"})
        self.assertEqual((status, outputs), (0, "available=false\n"), log)


if __name__ == "__main__":
    unittest.main(verbosity=2)
