"""Start to first live frame of `mootui` on its embedded sim: the time from just before the
binary is exec'd in a 120x40 tmux to the first capture of the screen that shows the status bar
LIVE and a price on the first watchlist row. Polls the capture (a few ms each), so the figure is
an upper bound by about one poll. Prints the median and the worst of RUNS starts."""
import os
import re
import subprocess
import sys
import time

mootui_bin, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
env = dict(os.environ, XDG_CONFIG_HOME=f"{work}/config", XDG_STATE_HOME=f"{work}/state", TERM="xterm-256color")
live_row = re.compile(r"^HK\.00700\s.*\d+\.\d{3}", re.M)
times = []
try:
    for run in range(runs):
        sock = f"bench-first-{os.getpid()}-{run}"  # a fresh tmux server each start
        stamp = f"{work}/start-{run}"
        # The shell stamps the wall clock right before exec (`date` is quick; the poll reads the same clock).
        command = (
            f"date +%s.%N > {stamp}; "
            f"exec {mootui_bin} --watch HK.00700,US.AAPL --log {work}/first.log")
        subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", command],
                       check=True, env=env)
        deadline = time.monotonic() + 20
        seen = None
        while time.monotonic() < deadline:
            screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p", "-t", "ui"],
                                    capture_output=True, text=True).stdout
            if "LIVE" in screen and live_row.search(screen):
                seen = time.time()
                break
        subprocess.run(["tmux", "-L", sock, "kill-server"], stderr=subprocess.DEVNULL)
        if seen is None:
            sys.exit("first frame: no live frame within 20 s:\n" + screen)
        with open(stamp) as f:
            times.append((seen - float(f.read())) * 1000)
finally:
    for run in range(runs):
        subprocess.run(["tmux", "-L", f"bench-first-{os.getpid()}-{run}", "kill-server"], stderr=subprocess.DEVNULL)
times.sort()
print(f"mootui start to first live frame (embedded sim, 120x40 tmux): median {times[len(times) // 2]:.0f} ms, "
      f"worst {times[-1]:.0f} ms of {len(times)} starts")
