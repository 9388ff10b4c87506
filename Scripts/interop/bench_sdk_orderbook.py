#!/usr/bin/env python3
"""Times the official moomoo SDK parsing Qot_UpdateOrderBook push frames, the way its receive
path does: header + SHA-1 check + protobuf parse (parse_rsp), then the order-book handler's
conversion to its Python dict (OrderBookHandlerBase.parse_rsp_pb). Prints one line in the
format of bench-protocol.

Usage: bench_sdk_orderbook.py FRAMES_FILE [--seconds S]
FRAMES_FILE holds concatenated frames as written by `bench-protocol --frames-out`.
"""
import argparse
import logging
import sys
import time

logging.disable(logging.CRITICAL)

from moomoo.common.utils import get_message_head_len, parse_rsp  # noqa: E402
from moomoo.quote.quote_response_handler import OrderBookHandlerBase  # noqa: E402


def split_frames(data):
    head_len = get_message_head_len()
    frames, offset = [], 0
    while offset + head_len <= len(data):
        body_len = int.from_bytes(data[offset + 12:offset + 16], "little")
        frames.append(data[offset:offset + head_len + body_len])
        offset += head_len + body_len
    return frames


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("frames")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    with open(args.frames, "rb") as f:
        frames = split_frames(f.read())
    if not frames:
        print("no frames in %s" % args.frames, file=sys.stderr)
        return 1

    def handle(frame):
        result = parse_rsp(frame, 0, False)
        if result.err is not None and result.rsp_pb is None:
            raise RuntimeError("SDK could not parse a frame: %s" % result.msg)
        ret, book = OrderBookHandlerBase.parse_rsp_pb(result.rsp_pb)
        if ret != 0:
            raise RuntimeError("SDK rejected a push: %s" % book)
        return book

    first = handle(frames[0])
    assert first["code"] == "HK.00700" and len(first["Bid"]) == 10 and len(first["Ask"]) == 10, first

    for frame in frames[:200]:  # warm up
        handle(frame)
    handled = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.process_time() - cpu0 < args.seconds:
        for frame in frames:
            handle(frame)
        handled += len(frames)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    print("  official SDK     %10.0f pushes/s on one core   %6.2f µs CPU/push   (wall %.2f s, %d pushes, python)"
          % (handled / cpu, cpu * 1e6 / handled, wall, handled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
