#!/usr/bin/env python3
"""Whether this repository can take a SARIF upload (action.yml's
"code-scanning" step): sets the output `available` to true or false, and
says why in a notice when not, so that the upload is skipped instead of
failing the job.

- A public repository has code scanning: available.
- A private or internal one has it only with GitHub Advanced Security (Code
  Security): asked of the code scanning API. 200 (analyses) or 404 ("no
  analysis found") means it is on; 403 means it is not, or the token lacks
  `security-events`.
- A pull request from a fork gets a read-only token: never available.

Environment: GITHUB_TOKEN (security-events: read or write), GITHUB_API_URL,
GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_OUTPUT (set by the runner);
PLANLINT_SARIF_FILE, the SARIF written by the check step.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import github_api  # noqa: E402  (the script's own folder, found at run time)
from github_api import ApiError  # noqa: E402

TITLE = "planlint code scanning"


def availability(payload, api):
    """(available, why not) for this run."""
    if github_api.is_fork(payload):
        return False, ("the pull request comes from a fork, whose token may not upload; "
                       "the findings are in the annotations and the job summary")
    repository = payload.get("repository") or {}
    if repository.get("private") is False or repository.get("visibility") == "public":
        return True, ""
    try:
        api.request("GET", "/code-scanning/analyses?per_page=1")
        return True, ""
    except ApiError as error:
        if error.status == 404 and "no analysis found" in error.message.lower():
            return True, ""
        if error.status == 403:
            return False, (f"code scanning is not available to this job ({error.message}): a private "
                           "repository needs GitHub Advanced Security (Code Security) with code scanning "
                           "on, and the job `permissions: security-events: write` and `actions: read`; "
                           "the findings are in the annotations and the job summary")
        return False, f"could not ask whether code scanning is on ({error}); the upload is skipped"


def main():
    sarif = os.environ.get("PLANLINT_SARIF_FILE", "")
    if not sarif or not os.path.isfile(sarif):
        github_api.notice(f"no SARIF file at `{sarif}` (the check could not write it): nothing to upload", TITLE)
        github_api.set_output("available", "false")
        return 0
    available, why = availability(github_api.event(), github_api.Api.from_env())
    if not available:
        github_api.notice(f"SARIF upload skipped: {why}", TITLE)
    github_api.set_output("available", "true" if available else "false")
    return 0


if __name__ == "__main__":
    sys.exit(main())
