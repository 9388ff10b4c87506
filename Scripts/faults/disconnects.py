#!/usr/bin/env python3
"""Counted forced disconnects between the TUI and `mootui sim` (run by disconnects.sh).

For each fault (FIN, RST, or a silent peer that the client must notice past its keep-alive
window) it sends the command to proxy.py, then checks, polling the tmux screen every 50 ms:
  - the stale mark (STALE) shows while the link is down
  - the client reconnects and replays what it held: on the new connection the sim's request log
    has every subscription the old one held (Qot_Sub) and the trade push registration
    (Trd_SubAccPush) — measured from the drop to the last replayed request, which must be <= 2 s
  - the screen is LIVE again without STALE, and pushes arrive (the status bar's push time moves)
Orders across a drop (with --orders): during the first silent fault an order is sent that never
reaches the sim: it shows UNKNOWN, then "was not placed" after the reconnect, and no
Trd_PlaceOrder reached the sim. Then one more fault, "deaf-rst": answers stop coming back, an
order is sent, reaches the sim, and the link is reset before its answer: UNKNOWN, then "placed
after all", and the sim got exactly one Trd_PlaceOrder with its tag (never a second one).
Prints one line per fault and a summary; exits 1 if any fault was not recovered in time.
"""
import argparse
import json
import random
import re
import socket
import subprocess
import sys
import time


def screen(sock):
    return subprocess.run(["tmux", "-L", sock, "capture-pane", "-p", "-t", "ui"], capture_output=True, text=True).stdout


def poll(what, limit, cond, step=0.05):
    deadline = time.time() + limit
    while time.time() < deadline:
        value = cond()
        if value:
            return value
        time.sleep(step)
    return None


def requests(path):
    out = []
    with open(path) as f:
        for line in f:
            try:
                out.append(json.loads(line))
            except ValueError:
                pass  # a line being written
    return out


def held_subscriptions(log, conn):
    """(market, code, subType) held on `conn` at the end of its life, and its trade push list."""
    held, accounts = set(), None
    for r in log:
        if r["conn"] != conn or not r.get("request"):
            continue
        c2s = r["request"].get("c2s", {})
        if r["protoID"] == 3001:
            keys = {(s.get("market"), s.get("code"), t) for s in c2s.get("securityList", []) for t in c2s.get("subTypeList", [])}
            if c2s.get("isSubOrUnSub"):
                held |= keys
            else:
                held -= keys
        elif r["protoID"] == 2008:
            accounts = sorted(c2s.get("accIDList", []))
    return held, accounts


def connections(log):
    return [r["conn"] for r in log if r["protoID"] == 1001]


def proxy_event(path, what, after):
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[1] == what and float(parts[0]) >= after:
                return float(parts[0])
    return None


def keys(sock, *k):
    subprocess.run(["tmux", "-L", sock, "send-keys", "-t", "ui", *k], check=True)


def send_order(sock):
    """A market order typed on the command line (Enter reads it into a ticket, Enter sends)."""
    keys(sock, ":")
    keys(sock, "-l", "b 100 HK.00700 mkt")
    keys(sock, "Enter")
    time.sleep(0.3)  # the ticket opens before the second Enter (keys are read in order anyway)
    keys(sock, "Enter")


def placed(log):
    return [r for r in log if r["protoID"] == 2202]


def push_time(text):
    """What the pushes change on screen: the quote header's touch and the newest print on the tape
    (the status bar only says "push live" while pushes are fresh)."""
    touch = re.search(r"Bid [\d.,]+ x [\d,.KM]+ +Ask [\d.,]+ x [\d,.KM]+", text)
    tape = re.search(r"│(\d\d:\d\d:\d\d +[\d,.]+ +[\d,.KM]+)", text)
    if not touch and not tape:
        return None
    return (touch.group(0) if touch else "") + "|" + (tape.group(1) if tape else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmux-socket", required=True)
    ap.add_argument("--log", required=True, help="the sim's request log")
    ap.add_argument("--proxy-out", required=True)
    ap.add_argument("--control", type=int, required=True)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--silent", type=int, default=10, help="how many of the faults are silent peers")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=float, default=2.0, help="seconds from the drop to a full replay")
    ap.add_argument("--orders", action="store_true", help="also check orders sent across a drop")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    kinds = ["silence"] * min(args.silent, args.count)
    kinds += [rng.choice(["fin", "rst"]) for _ in range(args.count - len(kinds))]
    rng.shuffle(kinds)
    if args.orders:
        kinds.append("deaf-rst")
    order_checked = False
    control = socket.create_connection(("127.0.0.1", args.control))
    cf = control.makefile("rw")
    sock = args.tmux_socket
    results = []
    for i, kind in enumerate(kinds, 1):
        log = requests(args.log)
        old = connections(log)[-1]
        want, want_accounts = held_subscriptions(log, old)
        problems = []
        sent_before = len(placed(log))
        with_order = args.orders and (kind == "deaf-rst" or (kind == "silence" and not order_checked))
        if kind == "deaf-rst":
            cf.write("deaf\n")
            cf.flush()
            cf.readline()
            send_order(sock)
            if not poll("the sim gets the order", 10, lambda: len(placed(requests(args.log))) > sent_before):
                problems.append("the order never reached the sim")
        t_cmd = time.time()
        cf.write(("rst" if kind == "deaf-rst" else kind) + "\n")
        cf.flush()
        answer = cf.readline().strip()
        if not answer.startswith("ok") or answer.endswith(" 0"):
            print(f"fault {i}: proxy answered {answer!r}")
            return 1
        if with_order and kind == "silence":
            order_checked = True
            send_order(sock)
        if with_order:
            # UNKNOWN while the outcome is open (RST: at once; silence: after the request timeout)
            if not poll("UNKNOWN", 50, lambda: "UNKNOWN" in screen(sock)):
                problems.append("the order without an answer never showed as UNKNOWN")
        # The stale mark while the link is down (a silent peer is noticed after the keep-alive window).
        stale = poll("STALE", 50 if kind == "silence" else 5, lambda: "STALE" in screen(sock))
        if not stale:
            problems.append("no STALE mark")
        t_drop = t_cmd if kind != "silence" else proxy_event(args.proxy_out, "client-closed", t_cmd)
        # The new connection's replay, from the sim's request log.
        def replayed():
            log = requests(args.log)
            conns = connections(log)
            if conns[-1] == old:
                return None
            held, accounts = held_subscriptions(log, conns[-1])
            if not want <= held or (want_accounts is not None and accounts != want_accounts):
                return None
            times = [r["time"] for r in log if r["conn"] == conns[-1] and r["protoID"] in (3001, 2008)]
            return max(times) if times else None
        t_replay = poll("replay", 15, replayed)
        if t_replay is None:
            problems.append("subscriptions or trade pushes not replayed on a new connection")
        live = poll("LIVE", 10, lambda: (lambda s: " LIVE " in s and "STALE" not in s)(screen(sock)))
        if not live:
            problems.append("not LIVE again")
        first = push_time(screen(sock))
        if not poll("pushes", 10, lambda: push_time(screen(sock)) not in (None, first), step=0.1):
            problems.append("no push after the reconnect")
        if with_order:
            want = "placed after all" if kind == "deaf-rst" else "was not placed"
            if not poll(want, 15, lambda: want in screen(sock)):
                problems.append(f"no '{want}' after the reconnect")
            sent = placed(requests(args.log))[sent_before:]
            tags = [r["request"]["c2s"].get("remark", "") for r in sent]
            expected = 1 if kind == "deaf-rst" else 0
            if len(sent) != expected or (sent and not tags[0].startswith("mootui-")):
                problems.append(f"the sim got {len(sent)} Trd_PlaceOrder (tags {tags}), expected {expected}")
            elif not problems:
                outcome = "placed once" if expected else "never reached the sim, reported not placed"
                print(f"    order across the drop: UNKNOWN, then {outcome}" + (f" (tag {tags[0]})" if tags else ""))
            keys(sock, "Escape")
        recovery = (t_replay - t_drop) if (t_replay and t_drop) else float("inf")
        if recovery > args.limit:
            problems.append(f"recovery {recovery:.2f} s > {args.limit} s")
        detect = f" (noticed after {t_drop - t_cmd:.1f} s)" if kind == "silence" and t_drop else ""
        print(f"fault {i:3d} {kind:7s}: recovered in {recovery:.3f} s{detect}" + (f"  FAIL {'; '.join(problems)}" if problems else ""),
              flush=True)
        results.append((kind, recovery, not problems))
    ok = [r for r in results if r[2]]
    times = sorted(r[1] for r in results)
    by = {k: sum(1 for r in results if r[0] == k) for k in ("fin", "rst", "silence", "deaf-rst")}
    print(f"disconnects: {len(results)} faults (fin {by['fin']}, rst {by['rst']}, silent {by['silence']}, "
          f"answer-lost {by['deaf-rst']}); "
          f"{len(ok)} recovered within {args.limit} s with subscriptions and trade pushes replayed; "
          f"recovery median {times[len(times) // 2]:.3f} s, max {times[-1]:.3f} s")
    return 0 if len(ok) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
