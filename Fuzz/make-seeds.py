#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into DIR/<target>/ (Scripts/fuzz.sh seeds).

Protocol targets take FuzzMessageInput bytes: proto id (little-endian u16), a flags byte
(bit 0: JSON body), the body. Their seeds are the official SDK's frames recorded in
Tests/OpenDProtocolTests/Fixtures/sdk-frames.json (plaintext bodies; requests, responses and
pushes to the matching target), plus one hand-encoded request for every proto id the simulator
serves that the fixtures lack. fuzz-frame gets whole frames (with each fixture's cipher mode).
The text targets get the built-in themes and keymaps, a settings file and order command lines.
"""
import hashlib
import json
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, value):
    """One protobuf field: int/bool → varint, float → fixed64 double, str/bytes → length-delimited."""
    if isinstance(value, bool) or isinstance(value, int):
        return varint(number << 3) + varint(int(value))
    if isinstance(value, float):
        return varint(number << 3 | 1) + struct.pack("<d", value)
    data = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def msg(*fields):
    return b"".join(field(n, v) for n, v in fields)


def security(market=1, code="00700"):
    return msg((1, market), (2, code))


HK, US = security(), security(11, "AAPL")
TRD = msg((1, 0), (2, 10001), (3, 1))        # simulate HK account
REAL = msg((1, 1), (2, 20001), (3, 1))       # real HK account
FILTER = msg((3, "2026-01-01 00:00:00"), (4, "2026-12-31 23:59:59"))
PACKET = msg((1, 1), (2, 7))

# C2S bodies for the requests the simulator serves; each becomes Request{c2s = 1}.
REQUESTS = {
    1002: [msg((1, 0))],
    3002: [msg((1, HK), (2, 1), (2, 2), (4, True), (5, True))],
    3003: [msg((1, True)), b""],
    3004: [msg((1, HK), (1, US))],
    3006: [msg((1, 1), (2, 1), (3, HK), (4, 10))],
    3008: [msg((1, HK))],
    3010: [msg((1, HK), (2, 20))],
    3012: [msg((1, HK), (2, 10))],
    3014: [msg((1, HK))],
    3103: [msg((1, 1), (2, 2), (3, HK), (4, "2026-01-01"), (5, "2026-02-01"), (6, 100))],
    3104: [msg((2, True))],
    3202: [msg((3, HK), (3, US)), msg((1, 1), (2, 3))],
    3203: [msg((1, HK), (1, US))],
    3223: [msg((1, HK), (1, US))],
    2001: [msg((1, 13572468), (2, 1), (3, True))],
    2005: [msg((1, True), (2, hashlib.md5(b"123456").hexdigest())), msg((1, False))],
    2008: [msg((1, 10001), (1, 20001))],
    2101: [msg((1, TRD), (2, False), (3, 1)), msg((1, REAL))],
    2102: [msg((1, TRD)), msg((1, REAL), (2, FILTER))],
    2111: [msg((1, TRD), (2, 1), (3, "00700"), (4, 320.2), (8, 1))],
    2201: [msg((1, TRD), (3, 5))],
    2202: [msg((1, PACKET), (2, TRD), (3, 1), (4, 1), (5, "00700"), (6, 100.0), (7, 320.2), (10, 1)),
           msg((1, PACKET), (2, REAL), (3, 2), (4, 2), (5, "00700"), (6, 100.0), (10, 1))],
    2205: [msg((1, PACKET), (2, TRD), (3, 0), (4, 2), (16, "1")),
           msg((1, PACKET), (2, TRD), (3, 0), (4, 1), (8, 200.0), (9, 321.0), (16, "1"))],
    2211: [msg((1, TRD))],
    2221: [msg((1, TRD), (2, FILTER))],
    2222: [msg((1, TRD), (2, FILTER))],
    2225: [msg((1, TRD), (2, "1"))],
}

SETTINGS = [
    'watchlist = ["HK.00700", "US.AAPL", "SH.600519"]\ntheme = "light"\nkeymap = "vim"\n',
    '# empty\nwatchlist = []\n',
    'theme = "a \\"quoted\\" name"\n',
]
ORDER_LINES = [
    ":b 200 HK.00700 @ 320.2 day", "s all US.AAPL mkt", "b 100 US.TSLA 250.5 lmt gtc", ":c 12345",
    "ca", "ca HK.00700", "sell 300 SZ.000001 @12.34", "buy 1 SH.600519 market",
]


def prefix(proto_id, json_body):
    return struct.pack("<HB", proto_id, 1 if json_body else 0)


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build-fuzz", "seeds")
    with open(os.path.join(ROOT, "Tests/OpenDProtocolTests/Fixtures/sdk-frames.json")) as f:
        frames = json.load(f)["frames"]
    target_of = {"push": "fuzz-client-push", "response": "fuzz-client-response", "request": "fuzz-sim-request"}
    mode_of = {"none": 0, "ftaes-ecb": 1, "aes-cbc": 2, "rsa": 3}
    counts = {}

    def add(target, name, data):
        write(os.path.join(out, target), name, data)
        counts[target] = counts.get(target, 0) + 1

    stream = b""
    for fr in frames:
        raw = bytes.fromhex(fr["frameHex"])
        kind = fr["cipher"]["kind"]
        add("fuzz-frame", fr["name"], bytes([mode_of[kind]]) + raw)
        if kind != "none":
            continue
        stream += raw
        body = raw[44:]
        add(target_of[fr["direction"]], fr["name"], prefix(fr["protoID"], fr["format"] == "json") + body)
    add("fuzz-frame", "all-plaintext-frames", b"\x00" + stream)
    for proto_id, bodies in REQUESTS.items():
        for i, c2s in enumerate(bodies):
            add("fuzz-sim-request", "%d-%d" % (proto_id, i), prefix(proto_id, False) + field(1, c2s))
    for kind, target in (("Themes", "fuzz-theme"), ("Keymaps", "fuzz-keymap")):
        for name in sorted(os.listdir(os.path.join(ROOT, kind))):
            with open(os.path.join(ROOT, kind, name), "rb") as f:
                add(target, name, f.read())
    for i, text in enumerate(SETTINGS):
        add("fuzz-settings", "settings-%d.toml" % i, text.encode())
    for i, line in enumerate(ORDER_LINES):
        add("fuzz-order-command", "line-%d" % i, line.encode())
    for target in sorted(counts):
        print("%s: %d seeds" % (target, counts[target]))


if __name__ == "__main__":
    main()
