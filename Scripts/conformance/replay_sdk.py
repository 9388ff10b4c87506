#!/usr/bin/env python3
"""`mootui sim --replay` checked with the official SDK's own parser: the recording is read here
(an independent reader of the documented format, Sources/MarketRecording/RecordingFormat.swift),
each recorded quote, order-book and ticker push body is parsed by the SDK's handler classes,
and the pushes the SDK receives from the replaying sim must be the same, in the same order.

    replay_sdk.py --port N --recording FILE --codes HK.00700,US.AAPL

Exits 0 only if every step passed. Prints the replay rate the SDK saw (a figure, not a check).
"""
import argparse
import struct
import threading
import time
import zlib

from moomoo import *  # noqa: F401,F403  (the SDK's documented import style)
from moomoo.common.pb import Qot_UpdateBasicQot_pb2, Qot_UpdateOrderBook_pb2, Qot_UpdateTicker_pb2

from sdk_steps import finish, step, wait_until

PB = {3005: Qot_UpdateBasicQot_pb2, 3013: Qot_UpdateOrderBook_pb2, 3011: Qot_UpdateTicker_pb2}
HANDLERS = {3005: StockQuoteHandlerBase, 3013: OrderBookHandlerBase, 3011: TickerHandlerBase}


def read_recording(path):
    data = open(path, "rb").read()
    assert data[:8] == b"MOOTREC\n", "bad magic"
    version, flags, start = struct.unpack_from("<HHQ", data, 8)
    assert version == 1 and flags == 0, (version, flags)
    off = 20
    (n,) = struct.unpack_from("<H", data, off)
    gateway = data[off + 2 : off + 2 + n].decode()
    off += 2 + n
    (count,) = struct.unpack_from("<I", data, off)
    off += 4
    for _ in range(count):
        (n,) = struct.unpack_from("<H", data, off)
        off += 2 + n + 4
    (crc,) = struct.unpack_from("<I", data, off)
    assert crc == zlib.crc32(data[:off]), "header crc"
    off += 4
    records = []
    while off + 4 <= len(data):
        (length,) = struct.unpack_from("<I", data, off)
        body = data[off + 4 : off + 4 + length]
        assert len(body) == length, f"truncated at {off}"
        kind, fl, proto, serial, t = struct.unpack_from("<BBIIQ", body, 0)
        (crc,) = struct.unpack_from("<I", body, length - 4)
        assert crc == zlib.crc32(body[: length - 4]), f"crc at {off}"
        if kind == 0:
            records.append((proto, bool(fl & 1), body[18 : length - 4]))
        off += 4 + length
    return gateway, records


def normal(data):
    """A comparable text of what an SDK handler's parser returned (a list of dicts or a dict)."""
    if hasattr(data, "to_dict"):
        return repr(data.to_dict("records"))
    return repr(data)


def code_of(proto, parsed):
    if isinstance(parsed, list):
        return parsed[0]["code"]
    return parsed["code"]


class Collect:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []
        self.times = []

    def add(self, proto, data):
        with self.lock:
            self.items.append((proto, code_of(proto, data), normal(data)))
            self.times.append(time.monotonic())


def handler(base, proto, sink):
    class H(base):
        def on_recv_rsp(self, rsp_pb):
            # The handler's own parser, as for the recorded bodies (before the DataFrame step).
            ret, data = self.parse_rsp_pb(rsp_pb)
            if ret == RET_OK:
                sink.add(proto, data)
            return ret, data

    return H()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--recording", required=True)
    ap.add_argument("--codes", required=True)
    args = ap.parse_args()
    codes = args.codes.split(",")

    gateway, records = read_recording(args.recording)
    expected = []
    for proto, is_push, body in records:
        if not is_push or proto not in PB:
            continue
        rsp = PB[proto].Response()
        rsp.ParseFromString(body)
        ret, data = HANDLERS[proto].parse_rsp_pb(rsp)
        step_ok = ret == RET_OK
        if not step_ok:
            step(f"SDK parses recorded push {proto}", False, data)
            continue
        expected.append((proto, code_of(proto, data), normal(data)))
    step("the recording holds quote, book and ticker pushes",
         {p for p, _, _ in expected} == {3005, 3011, 3013}, {p for p, _, _ in expected})

    sink = Collect()
    q = OpenQuoteContext(host="127.0.0.1", port=args.port)
    try:
        for proto, base in HANDLERS.items():
            q.set_handler(handler(base, proto, sink))
        ret, data = q.subscribe(codes, [SubType.QUOTE, SubType.ORDER_BOOK, SubType.TICKER], subscribe_push=True)
        step("subscribe on the replaying sim", ret == RET_OK, data)
        wait_until(lambda: len(sink.items) >= len(expected), timeout=30)
        time.sleep(0.2)  # not a wait for an event: lets any surplus push arrive so an excess is caught
        with sink.lock:
            got = list(sink.items)
            times = list(sink.times)
        step(f"the SDK received {len(expected)} replayed pushes", len(got) == len(expected), f"got {len(got)}")
        for c in codes:
            for proto in HANDLERS:
                want = [n for p, cc, n in expected if p == proto and cc == c]
                have = [n for p, cc, n in got if p == proto and cc == c]
                first_diff = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b), None)
                step(f"{c} {proto}: {len(want)} pushes, the SDK's parse of each equals the recorded one",
                     want == have, f"{len(want)} vs {len(have)}, first difference at {first_diff}")
        if len(times) > 1:
            print(f"figure: SDK received {len(times)} replayed pushes in {times[-1] - times[0]:.3f} s "
                  f"({(len(times) - 1) / max(times[-1] - times[0], 1e-9):.0f} pushes/s)")
    finally:
        q.close()
    finish()


if __name__ == "__main__":
    main()
