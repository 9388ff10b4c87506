#!/usr/bin/env python3
"""Checks frames written by mootui's Swift encoder with the official SDK's own parser.

Usage: check_swift_frames.py DIR

DIR/swift-frames.json lists frames (same schema as Tests/OpenDProtocolTests/Fixtures/sdk-frames.json):
name, protoID, serial, message ("Qot_Sub.Request"), direction (request|response|push), cipher
({"kind": "none" | "rsa" (keyFile, relative to DIR) | "ftaes-ecb" (key) | "aes-cbc" (key, iv)}),
frameHex and expectedJSON (the Swift side's canonical JSON of the message it encoded).

Each frame goes through the SDK: header parse, decryption and SHA-1 check (decrypt_rsp_body, or
parse_rsp for responses and pushes, exactly as a live SDK connection would), then the SDK's pb2
parse; the decoded message's MessageToJson must match expectedJSON structurally, and the SDK must
re-serialise it to the very plaintext body Swift sent. Exit 0 when every frame passes, 1 otherwise.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

from moomoo.common import utils as sdk_utils  # noqa: E402

HEAD = 44


def check(entry, base_dir, conn_id):
    """Problems found with one frame (empty when it passes)."""
    data = bytes.fromhex(entry["frameHex"])
    if len(data) < HEAD:
        return ["frame shorter than a header (%d bytes)" % len(data)]
    head = sdk_utils.parse_head(data[:HEAD])
    problems = []
    if (head["head_1"], head["head_2"]) != (b"F", b"T"):
        problems.append("magic %r%r" % (head["head_1"], head["head_2"]))
    for key, want in [("proto_id", entry["protoID"]), ("serial_no", entry["serial"]), ("proto_fmt_type", 0),
                      ("proto_ver", 0), ("body_len", len(data) - HEAD), ("reserve8", b"\0" * 8)]:
        if head[key] != want:
            problems.append("header %s = %r, expected %r" % (key, head[key], want))
    if problems:
        return problems

    cipher = entry["cipher"]
    kind = cipher["kind"]
    if kind == "rsa":
        common.use_rsa_key_file(os.path.join(base_dir, cipher["keyFile"]))
    elif kind in ("ftaes-ecb", "aes-cbc"):
        common.register_aes_connection(conn_id, cipher["key"], cipher.get("iv"))
    elif kind != "none":
        return ["unknown cipher kind %r" % kind]
    encrypted = kind != "none"

    try:
        ret, msg, body = sdk_utils.decrypt_rsp_body(data[HEAD:], head, conn_id, encrypted)
        if ret != 0:
            return ["SDK rejected the body: %s" % msg]
        if entry["direction"] in ("response", "push"):
            # The path a live SDK connection takes for everything it receives.
            result = sdk_utils.parse_rsp(data, conn_id, encrypted)
            if result.err != sdk_utils.ParseRspErr.OK or result.total_len != len(data):
                return ["SDK parse_rsp: %s %s (consumed %d of %d bytes)" %
                        (result.err, result.msg, result.total_len, len(data))]
        message = common.pb2_class(entry["message"]).FromString(body)
    except Exception as error:  # the SDK's own exceptions are the verdict here
        return ["SDK raised %s: %s" % (type(error).__name__, error)]
    finally:
        if kind == "rsa":
            common.use_rsa_key_file(None)

    problems.extend(common.json_differences(json.loads(entry["expectedJSON"]),
                                            json.loads(common.canonical_json(message))))
    if message.SerializeToString() != body:
        problems.append("SDK re-serialises the message to different bytes than Swift sent")
    return problems


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    base_dir = sys.argv[1]
    with open(os.path.join(base_dir, "swift-frames.json"), encoding="utf-8") as f:
        entries = json.load(f)["frames"]
    if not entries:
        print("no frames to check")
        return 1
    failures = 0
    for index, entry in enumerate(entries):
        problems = check(entry, base_dir, 8_000_000_000_000_000_000 + index)
        if problems:
            failures += 1
            print("FAIL %s" % entry["name"])
            for p in problems[:20]:
                print("     %s" % p)
        else:
            print("ok   %s" % entry["name"])
    print("%d of %d frames accepted by the SDK" % (len(entries) - failures, len(entries)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
