"""Memory soak: `mootui --opend` in a 120x40 tmux while the burst gateway pushes CODES codes x 4
sub-types (book, quote, ticker, 1-minute K-line), each RATE times a second, for SECONDS.
Samples the TUI process's RSS (VmRSS) and CPU every SAMPLE seconds; prints the first, highest
and last RSS and the change over the second half (flat = bounded).

usage: soak.py BENCH_PUSH_BIN MOOTUI_BIN SECONDS WORKDIR [CODES RATE SAMPLE]
"""
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import cpu_ticks, expect, lines_of, start_tui  # noqa: E402

bench_bin, mootui_bin, seconds, work = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
codes = int(sys.argv[5]) if len(sys.argv) > 5 else 300
rate = float(sys.argv[6]) if len(sys.argv) > 6 else 5
step = float(sys.argv[7]) if len(sys.argv) > 7 else max(1.0, seconds / 60)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


gateway = subprocess.Popen([bench_bin, "gateway"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
sock = f"bench-soak-{os.getpid()}"
try:
    gq = lines_of(gateway.stdout)
    port = expect(gq, "listening on", 10, "the gateway").split()[2]
    pid = start_tui(mootui_bin, port, "HK.10000", work, sock, "soak.log")
    session = int(expect(gq, "subscribed", 30, "mootui's subscription").split()[1])
    gateway.stdin.write(f"soak {session} {seconds} {codes} {rate}\n")
    gateway.stdin.flush()
    samples = []
    cpu0 = cpu_ticks(pid)
    t0 = time.monotonic()
    done = threading.Event()
    result = {}

    def wait_done():
        result["line"] = expect(gq, f"soak {session} ", seconds + 60, "the soak")
        done.set()

    threading.Thread(target=wait_done, daemon=True).start()
    while not done.wait(timeout=step):
        samples.append((time.monotonic() - t0, rss_mb(pid)))
    pushes = int(result["line"].split()[3])
    cpu = cpu_ticks(pid) - cpu0
    half = [r for t, r in samples if t >= seconds / 2]
    first, peak, last = samples[0][1], max(r for _, r in samples), samples[-1][1]
    drift = (half[-1] - half[0]) if len(half) > 1 else 0.0
    print(
        f"soak {seconds:g} s, {codes} codes x 4 sub-types at {rate:g}/s each ({pushes / seconds:,.0f} pushes/s): "
        f"mootui RSS first {first:.1f} MB, peak {peak:.1f} MB, last {last:.1f} MB, second half {drift:+.1f} MB; "
        f"CPU {cpu / seconds * 100:.1f}% of a core ({cpu / max(1, pushes) * 1e6:.2f} µs/push)")
finally:
    subprocess.run(["tmux", "-L", sock, "kill-server"], stderr=subprocess.DEVNULL)
    if gateway.poll() is None:
        gateway.kill()
        gateway.wait()
