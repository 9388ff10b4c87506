"""Step bookkeeping shared by the SDK conformance scripts in this folder: named checks that
print PASS/FAIL lines, a summary and exit status, and polling with a deadline (never a bare sleep
where an event can be awaited)."""
import sys
import time

FAILURES = []
PASSED = []


def step(name, condition, detail=""):
    if condition:
        PASSED.append(name)
        print(f"PASS {name}")
    else:
        FAILURES.append(f"{name}: {detail}")
        print(f"FAIL {name}: {detail}")


def wait_until(predicate, timeout=10.0, every=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return predicate()


def finish():
    """Prints the summary and exits 1 if any step failed."""
    print(f"\n{len(PASSED)} steps passed, {len(FAILURES)} failed")
    for f in FAILURES:
        print("  FAILED:", f)
    sys.exit(1 if FAILURES else 0)
