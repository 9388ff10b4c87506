"""Helpers the bench-push scripts share: line queues from child processes, waiting for a line,
and a process's CPU from /proc."""
import os
import queue
import subprocess
import sys
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")


def lines_of(stream):
    q = queue.Queue()

    def pump():
        for line in stream:
            q.put(line.rstrip("\n"))
        q.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return q


def expect(q, prefix, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            sys.exit(f"bench-push: timed out waiting for {what}")
        try:
            line = q.get(timeout=left)
        except queue.Empty:
            continue
        if line is None:
            sys.exit(f"bench-push: {what}: the process ended")
        if line.startswith("error"):
            sys.exit(f"bench-push: {what}: {line}")
        if line.startswith(prefix):
            return line


def cpu_ticks(pid):
    """utime + stime of the whole process (live and reaped threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def cpu_ns(pid):
    """CPU of the live threads in nanoseconds (schedstat): fine-grained, to see idleness."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total


def wait_idle(pid, quiet=0.3, limit=30.0, step=0.01):
    """Polls until the process used < 0.5 ms CPU per step for `quiet` seconds; returns the
    monotonic time of its last busy step."""
    last = cpu_ns(pid)
    last_busy = time.monotonic()
    deadline = last_busy + limit
    while time.monotonic() < deadline:
        time.sleep(step)
        now_ns = cpu_ns(pid)
        t = time.monotonic()
        if now_ns - last > 500_000:
            last_busy = t
        last = now_ns
        if t - last_busy >= quiet:
            return last_busy
    sys.exit("bench-push: the client never went idle")


def start_tui(mootui_bin, port, code, work, sock, log):
    """`mootui --opend` in a 120x40 tmux on socket `sock`, settings under `work`; returns its pid."""
    env = dict(os.environ, XDG_CONFIG_HOME=f"{work}/config", XDG_STATE_HOME=f"{work}/state", TERM="xterm-256color")
    command = f"exec {mootui_bin} --opend 127.0.0.1:{port} --watch {code} --log {work}/{log}"
    subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", command],
                   check=True, env=env)
    return int(subprocess.run(["tmux", "-L", sock, "list-panes", "-t", "ui", "-F", "#{pane_pid}"],
                              check=True, capture_output=True, text=True).stdout.split()[0])
