"""bench-push: the official SDK and mootui absorbing the same order-book burst from one gateway.

Starts `bench-push gateway`, then for each client in turn (the SDK from the venv; the real
`mootui --opend` in a 120x40 tmux) waits until it has subscribed and gone idle, has the gateway
burst Qot_UpdateOrderBook pushes at it for SECONDS as fast as its TCP window allows, and
samples the client's CPU (utime+stime from /proc; per-thread schedstat to see when it is idle
again). Prints one line with both clients' pushes/s, CPU per push and the ratio.

usage: compare.py BENCH_PUSH_BIN MOOTUI_BIN SECONDS WORKDIR
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import cpu_ticks, expect, lines_of, start_tui, wait_idle  # noqa: E402

bench_bin, mootui_bin, seconds, work = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
here = os.path.dirname(os.path.abspath(__file__))
CODE = "HK.00700"


def burst(gateway, gq, session, pid):
    wait_idle(pid)
    before = cpu_ticks(pid)
    gateway.stdin.write(f"burst {session} {seconds}\n")
    gateway.stdin.flush()
    line = expect(gq, f"burst {session} ", seconds + 60, "the burst")
    words = line.split()
    pushes, start, end = int(words[3]), float(words[5]), float(words[7])
    idle_at = wait_idle(pid)
    used = cpu_ticks(pid) - before
    return {
        "pushes": pushes,
        "rate": pushes / (end - start),
        "us": used / pushes * 1e6,
        "tail": max(0.0, idle_at - end),
        "cpu": used,
    }


gateway = subprocess.Popen([bench_bin, "gateway"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
children = [gateway]
tmux_sock = f"bench-push-{os.getpid()}"
try:
    gq = lines_of(gateway.stdout)
    hello = expect(gq, "listening on", 10, "the gateway").split()
    port, frame_bytes, final_ask = hello[2], hello[4], float(hello[6])

    # The official SDK.
    sdk = subprocess.Popen(
        [sys.executable, os.path.join(here, "sdk_push_client.py"), "127.0.0.1", port, CODE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=work)
    children.append(sdk)
    sq = lines_of(sdk.stdout)
    session = int(expect(gq, "subscribed", 30, "the SDK's subscription").split()[1])
    expect(sq, "subscribed", 30, "the SDK's subscribe call")
    s = burst(gateway, gq, session, sdk.pid)
    sdk.stdin.write("count\n")
    sdk.stdin.flush()
    count = expect(sq, "count", 10, "the SDK's count").split()
    if int(count[1]) < s["pushes"]:
        sys.exit(f"bench-push: the SDK handled {count[1]} of {s['pushes']} pushes")
    sdk.stdin.write("quit\n")
    sdk.stdin.flush()
    sdk.wait(10)

    # mootui, the real TUI in a 120x40 tmux.
    pid = start_tui(mootui_bin, port, CODE, work, tmux_sock, "mootui.log")
    session = int(expect(gq, "subscribed", 30, "mootui's subscription").split()[1])
    m = burst(gateway, gq, session, pid)
    ask_text = f"{final_ask:.3f}"
    screen = subprocess.run(["tmux", "-L", tmux_sock, "capture-pane", "-p", "-t", "ui"],
                            capture_output=True, text=True).stdout
    shows = "newest book on screen" if ask_text in screen or f"{final_ask:.1f} " in screen else "NEWEST BOOK NOT ON SCREEN"
    rss_kb = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                rss_kb = int(line.split()[1])

    print(
        f"push burst {seconds:g} s of {CODE} books ({frame_bytes} B): "
        f"SDK {s['rate']:,.0f} pushes/s {s['us']:.1f} µs/push idle +{s['tail']:.2f} s | "
        f"mootui {m['rate']:,.0f} pushes/s {m['us']:.2f} µs/push idle +{m['tail'] * 1000:.0f} ms, peak RSS {rss_kb / 1024:.1f} MB, {shows} | "
        f"ratio {s['us'] / m['us']:.0f}x CPU per push")
    if os.environ.get("BENCH_PUSH_SCREEN"):
        print(screen)
finally:
    subprocess.run(["tmux", "-L", tmux_sock, "kill-server"], stderr=subprocess.DEVNULL)
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait()
