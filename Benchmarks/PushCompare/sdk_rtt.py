"""Request round trip through the official SDK: `count` market snapshots of one code, one at a
time, after a few unmeasured ones; prints p50 and p99 in milliseconds."""
import math
import sys
import time

from moomoo import OpenQuoteContext, RET_OK

host, port, code, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
ctx = OpenQuoteContext(host=host, port=port)
for _ in range(3):
    ret, data = ctx.get_market_snapshot([code])
    if ret != RET_OK:
        sys.exit(f"sdk snapshot failed: {data}")
samples = []
for _ in range(count):
    start = time.monotonic()
    ret, data = ctx.get_market_snapshot([code])
    samples.append((time.monotonic() - start) * 1000)
    if ret != RET_OK:
        sys.exit(f"sdk snapshot failed: {data}")
ctx.close()
samples.sort()


def pct(p):
    return samples[min(len(samples) - 1, math.ceil(len(samples) * p) - 1)]


print(f"SDK round trip: n={len(samples)} p50 {pct(0.5):.3f} ms p99 {pct(0.99):.3f} ms", flush=True)
