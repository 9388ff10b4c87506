#!/usr/bin/env python3
"""Writes golden OpenD frames produced by the official SDK (moomoo-api 10.11.7108).

Usage: gen_fixtures.py OUT_DIR PROTO_DIR

Every frame is built by the SDK's own code: requests by its query classes' pack_req (serial
forced through the SDK's counter), responses and pushes by its pb2 classes and the header
writer every SDK packet goes through (_joint_head), encryption by its RsaCrypt/FutuConnMng.
PROTO_DIR holds mootui's proto subset; only fields it declares are filled, so the Swift side
can decode every value. Output is deterministic except for RSA (random padding, fresh key).
"""
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from unittest import mock

from google.protobuf import descriptor as pb_descriptor
from google.protobuf import descriptor_pb2
from google.protobuf import json_format

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

from moomoo.common import utils as sdk_utils  # noqa: E402
from moomoo.common.sys_config import SysConfig  # noqa: E402
from moomoo.common.constant import (ProtoId, ProtoFMT, SubType, TrdSide, OrderType, TrdEnv,  # noqa: E402
                                    TrdMarket, TimeInForce, Session, SubAccType)
from moomoo.quote.quote_query import InitConnect, KeepAlive, SubscriptionQuery  # noqa: E402
from moomoo.trade.trade_query import PlaceOrder  # noqa: E402

FD = pb_descriptor.FieldDescriptor
ECB_CONN = 7000000000000000011
CBC_CONN = 7000000000000000012
AES_KEY = "0123456789abcdef"
AES_IV = "fedcba9876543210"
RSA_KEY_FILE = "keys/interop-rsa1024.pem"


def subset_fields(proto_dir):
    """{message full name: {field number: field type}} for mootui's proto subset (via protoc)."""
    proto_dir = os.path.abspath(proto_dir)
    protos = sorted(f for f in os.listdir(proto_dir) if f.endswith(".proto"))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "subset.pb")
        subprocess.run(["protoc", "-I", proto_dir, "--include_imports", "--descriptor_set_out=" + out] + protos,
                       check=True, cwd=proto_dir)
        with open(out, "rb") as f:
            files = descriptor_pb2.FileDescriptorSet.FromString(f.read()).file
    fields = {}

    def walk(prefix, messages):
        for m in messages:
            name = prefix + "." + m.name
            fields[name] = {f.number: f.type for f in m.field}
            walk(name, m.nested_type)

    for f in files:
        walk(f.package, f.message_type)
    return fields, sorted(p[:-len(".proto")] for p in protos)


def is_repeated(field):
    """protobuf >= 6 has `is_repeated`; older releases only `label`."""
    if hasattr(field, "is_repeated"):
        return field.is_repeated
    return field.label == FD.LABEL_REPEATED


class Filler:
    """Fills every subset field with realistic, deterministic values (cycling per kind)."""

    SECURITIES = [(1, "00700"), (11, "AAPL"), (21, "600519"), (22, "000001"), (11, ".DJI")]
    NAMES = ["腾讯控股", "Apple Inc.", "贵州茅台", "平安银行", "道琼斯指数", "美團-W"]
    TIMES = ["2026-11-27 10:15:30", "2026-11-27 09:30:00.301", "2026-11-26 16:08:00"]
    PRICES = [359.6, 178.35, 1850.01, 0.001, 12.345, 99999.999]
    RATIOS = [0.0125, -3.75, 20.0, 0.00689]
    TIMESTAMPS = [1764210930.123, 1764210931.0, 1764124080.5]
    QUANTITIES = [100.0, 2500.0, 0.5, 1000000.0]
    DOUBLES = [123456.789, -0.5, 10000000000.0, 2.5e-07, 3.0]
    FLOATS = [0.5, -1.25, 3.0]
    INT32_ENUMISH = [-1, 1, 2, 5]
    INT32 = [1, 10, 300, -2, 100, 2147483647]
    INT64 = [123456789012, 9007199254740993, -9007199254740993, 9223372036854775807]
    TIME64 = [1700000000, 1764210930]
    UINT64 = [281756420273981734, 9007199254740993, 18446744073709551615, 7000000000000000001]
    UINT32 = [1, 4294967295]

    def __init__(self, subset):
        self.subset = subset
        self.counter = collections.Counter()

    def pick(self, kind, options):
        i = self.counter[kind]
        self.counter[kind] += 1
        return options[i % len(options)]

    def fill(self, message, depth=0):
        desc = message.DESCRIPTOR
        allowed = self.subset.get(desc.full_name)
        if allowed is None:
            raise SystemExit("message %s is not in mootui's proto subset" % desc.full_name)
        if desc.full_name == "Qot_Common.Security":
            message.market, message.code = self.pick("security", self.SECURITIES)
            return
        message.SetInParent()
        for field in desc.fields:
            if field.number not in allowed:
                continue
            if allowed[field.number] != field.type:
                raise SystemExit("%s.%s: type %d in the SDK, %d in mootui" %
                                 (desc.full_name, field.name, field.type, allowed[field.number]))
            if is_repeated(field):
                for _ in range(2 if depth < 3 else 1):
                    if field.type == FD.TYPE_MESSAGE:
                        self.fill(getattr(message, field.name).add(), depth + 1)
                    else:
                        getattr(message, field.name).append(self.scalar(field))
            elif field.type == FD.TYPE_MESSAGE:
                self.fill(getattr(message, field.name), depth + 1)
            else:
                setattr(message, field.name, self.scalar(field))

    def scalar(self, field):
        name = field.name.lower()
        t = field.type
        if t == FD.TYPE_STRING:
            if "name" in name:
                return self.pick("name", self.NAMES)
            if name == "code":
                return self.pick("code", [c for _, c in self.SECURITIES])
            if "time" in name or "date" in name:
                return self.pick("time", self.TIMES)
            if "aeskey" in name:
                return "0123456789ABCDEF"
            if "cbciv" in name:
                return "FEDCBA9876543210"
            if name.endswith("idex"):
                return self.pick("idex", ["FT1764210930123-8817", "FT1764210931000-0002"])
            if "remark" in name or "msg" in name:
                return self.pick("remark", ["止损单 stop-loss #1", "partial fill; 部分成交"])
            return self.pick("string", ["%s-値" % field.name, "%s:42" % field.name])
        if t == FD.TYPE_DOUBLE:
            if "price" in name:
                return self.pick("price", self.PRICES)
            if "timestamp" in name:
                return self.pick("timestamp", self.TIMESTAMPS)
            if "ratio" in name or "rate" in name:
                return self.pick("ratio", self.RATIOS)
            if "qty" in name or "vol" in name:
                return self.pick("qty", self.QUANTITIES)
            return self.pick("double", self.DOUBLES)
        if t == FD.TYPE_FLOAT:
            return self.pick("float", self.FLOATS)
        if t == FD.TYPE_INT32:
            if any(k in name for k in ("status", "side", "risk", "type", "market", "env", "currency")):
                return self.pick("enum:" + name, self.INT32_ENUMISH)
            return self.pick("int32", self.INT32)
        if t in (FD.TYPE_INT64, FD.TYPE_SINT64, FD.TYPE_SFIXED64):
            if "time" in name:
                return self.pick("time64", self.TIME64)
            return self.pick("int64", self.INT64)
        if t in (FD.TYPE_UINT64, FD.TYPE_FIXED64):
            return self.pick("uint64", self.UINT64)
        if t in (FD.TYPE_UINT32, FD.TYPE_FIXED32):
            return self.pick("uint32", self.UINT32)
        if t == FD.TYPE_BOOL:
            return self.pick("bool", [True, False])
        if t == FD.TYPE_BYTES:
            return b"\x00\x01nextReqKey\xff"
        if t == FD.TYPE_ENUM:
            values = [v.number for v in field.enum_type.values]
            return self.pick("enum:" + field.enum_type.full_name, values[1:] + values[:1])
        raise SystemExit("unhandled field type %d for %s" % (t, field.full_name))


def frame_message(message, proto_id, serial, conn_id=0, encrypted=False):
    """Frames `message` exactly as every SDK packet is framed (header writer + optional cipher)."""
    ret, msg, data = sdk_utils._joint_head(proto_id, ProtoFMT.Protobuf, message.ByteSize(), message,
                                          conn_id, serial, encrypted)
    if ret != 0:
        raise SystemExit("SDK could not frame proto %d: %s" % (proto_id, msg))
    return data


def packed(result):
    """Unwraps a pack_req result (ret, msg, bytes, ...)."""
    if result[0] != 0:
        raise SystemExit("SDK pack_req failed: %s" % (result[1],))
    return result[2]


def entry(name, proto_id, serial, message_name, direction, data, message, cipher):
    sdk_parse_check(data, proto_id, serial, message_name, cipher)
    fmt = sdk_utils.parse_head(bytes(data[:44]))["proto_fmt_type"]
    return {
        "format": "json" if fmt == ProtoFMT.Json else "protobuf",
        "name": name,
        "protoID": proto_id,
        "serial": serial,
        "message": message_name,
        "direction": direction,
        "cipher": cipher,
        "frameHex": bytes(data).hex(),
        "expectedJSON": common.canonical_json(message),
    }


def sdk_parse_check(data, proto_id, serial, message_name, cipher):
    """Parses the frame back with the SDK's own parser so a broken fixture never gets written."""
    head = sdk_utils.parse_head(bytes(data[:44]))
    assert head["proto_id"] == proto_id and head["serial_no"] == serial, head
    conn_id = {"ftaes-ecb": ECB_CONN, "aes-cbc": CBC_CONN}.get(cipher["kind"], 0)
    ret, msg, body = sdk_utils.decrypt_rsp_body(bytes(data[44:]), head, conn_id, cipher["kind"] != "none")
    assert ret == 0, msg
    if head["proto_fmt_type"] == ProtoFMT.Json:
        json_format.Parse(body.decode("utf-8"), common.pb2_class(message_name)())
    else:
        common.pb2_class(message_name).FromString(body)


def build(out_dir, proto_dir):
    subset, stems = subset_fields(proto_dir)
    entries = []

    # --- requests, through the SDK's query classes -------------------------------------
    common.use_rsa_key_file(None)
    common.force_next_serial(1)
    req = packed(InitConnect.pack_req(300, "PyNormal", True, False, 0))
    entries.append(entry("InitConnect.request", ProtoId.InitConnect, 1, "InitConnect.Request", "request", req,
                         common.pb2_class("InitConnect.Request").FromString(req[44:]), {"kind": "none"}))

    common.force_next_serial(2)
    with mock.patch("time.time", return_value=1700000000.25):
        req = packed(KeepAlive.pack_req(0))
    entries.append(entry("KeepAlive.request", ProtoId.KeepAlive, 2, "KeepAlive.Request", "request", req,
                         common.pb2_class("KeepAlive.Request").FromString(req[44:]), {"kind": "none"}))

    common.force_next_serial(3)
    req = packed(SubscriptionQuery.pack_subscribe_req(["HK.00700", "US.AAPL", "US..DJI"],
                                                      [SubType.QUOTE, SubType.ORDER_BOOK, SubType.K_DAY],
                                                      0, True, True, False, False))
    entries.append(entry("Qot_Sub.request", ProtoId.Qot_Sub, 3, "Qot_Sub.Request", "request", req,
                         common.pb2_class("Qot_Sub.Request").FromString(req[44:]), {"kind": "none"}))

    common.force_next_serial(4)
    req = packed(PlaceOrder.pack_req(TrdSide.BUY, OrderType.NORMAL, 359.6, 200.0, "00700", 0.0, TrdEnv.SIMULATE,
                                     "HK", 281756420273981734, TrdMarket.HK, 7000000000000000001, "网格买入 #3",
                                     TimeInForce.DAY, False, Session.NONE, None, None, None, None,
                                     SubAccType.NONE, None, None, None, None))
    entries.append(entry("Trd_PlaceOrder.request", ProtoId.Trd_PlaceOrder, 4, "Trd_PlaceOrder.Request", "request",
                         req, common.pb2_class("Trd_PlaceOrder.Request").FromString(req[44:]), {"kind": "none"}))

    # JSON bodies (header format byte 1), as the SDK sends them after SysConfig.set_proto_fmt(Json).
    # Only requests: the SDK's JSON *receive* path (pbjson.dict2pb) uses FieldDescriptor.label,
    # which protobuf >= 7 no longer has, so it cannot parse JSON responses in this venv.
    SysConfig.set_proto_fmt(ProtoFMT.Json)
    try:
        common.force_next_serial(6)
        with mock.patch("time.time", return_value=1700000000.25):
            req = packed(KeepAlive.pack_req(0))
        entries.append(entry("KeepAlive.request.json", ProtoId.KeepAlive, 6, "KeepAlive.Request", "request", req,
                             json_format.Parse(req[44:].decode(), common.pb2_class("KeepAlive.Request")()),
                             {"kind": "none"}))
        common.force_next_serial(7)
        req = packed(SubscriptionQuery.pack_subscribe_req(["HK.00700", "SH.600519"], [SubType.TICKER], 0,
                                                          True, True, True, True))
        entries.append(entry("Qot_Sub.request.json", ProtoId.Qot_Sub, 7, "Qot_Sub.Request", "request", req,
                             json_format.Parse(req[44:].decode(), common.pb2_class("Qot_Sub.Request")()),
                             {"kind": "none"}))
    finally:
        SysConfig.set_proto_fmt(ProtoFMT.Protobuf)

    # --- a response or push for every message of the subset ----------------------------
    filler = Filler(subset)
    serial = 100
    for stem in stems:
        if "%s.Response" % stem not in subset:
            continue
        proto_id = getattr(ProtoId, stem)
        response = common.pb2_class("%s.Response" % stem)()
        response.retType = 0
        response.retMsg = ""
        filler.fill(response.s2c)
        serial += 1
        direction = "push" if proto_id in ProtoId.All_PushId else "response"
        entries.append(entry("%s.%s" % (stem, direction), proto_id, serial, "%s.Response" % stem, direction,
                             frame_message(response, proto_id, serial), response, {"kind": "none"}))

    # Failures carry no s2c, a negative retType and a CJK message.
    for stem, ret_type, text, err in [("Trd_PlaceOrder", -1, "下单失败：价格不在有效档位内", 100),
                                      ("Qot_GetOrderBook", -400, "未知错误", None)]:
        proto_id = getattr(ProtoId, stem)
        response = common.pb2_class("%s.Response" % stem)()
        response.retType = ret_type
        response.retMsg = text
        if err is not None:
            response.errCode = err
        serial += 1
        entries.append(entry("%s.failure" % stem, proto_id, serial, "%s.Response" % stem, "response",
                             frame_message(response, proto_id, serial), response, {"kind": "none"}))

    # --- RSA: InitConnect both ways under a throw-away 1024-bit key ---------------------
    from Crypto.PublicKey import RSA
    key_path = os.path.join(out_dir, RSA_KEY_FILE)
    os.makedirs(os.path.dirname(key_path), exist_ok=True)
    with open(key_path, "wb") as f:
        f.write(RSA.generate(1024).export_key("PEM") + b"\n")
    common.use_rsa_key_file(key_path)
    rsa = {"kind": "rsa", "keyFile": RSA_KEY_FILE}
    common.force_next_serial(5)
    req = packed(InitConnect.pack_req(300, "PyNormal", True, True, 0))
    plain_req = common.pb2_class("InitConnect.Request")()
    plain_req.c2s.clientVer, plain_req.c2s.clientID, plain_req.c2s.recvNotify = 300, "PyNormal", True
    plain_req.c2s.pushProtoFmt, plain_req.c2s.programmingLanguage, plain_req.c2s.aiType = 0, "Python", 0
    plain_req.c2s.packetEncAlgo = 2
    entries.append(entry("InitConnect.request.rsa", ProtoId.InitConnect, 5, "InitConnect.Request", "request",
                         req, plain_req, rsa))
    response = common.pb2_class("InitConnect.Response")()
    response.retType = 0
    response.retMsg = ""
    s2c = response.s2c
    s2c.serverVer, s2c.loginUserID, s2c.connID = 1011, 12345678, CBC_CONN
    s2c.connAESKey, s2c.keepAliveInterval, s2c.aesCBCiv = AES_KEY, 10, AES_IV
    entries.append(entry("InitConnect.response.rsa", ProtoId.InitConnect, 5, "InitConnect.Response", "response",
                         frame_message(response, ProtoId.InitConnect, 5), response, rsa))
    common.use_rsa_key_file(None)

    # --- AES: FTAES-ECB and CBC connections ----------------------------------------------
    common.register_aes_connection(ECB_CONN, AES_KEY, None)
    common.register_aes_connection(CBC_CONN, AES_KEY, AES_IV)
    for conn_id, kind, extra in [(ECB_CONN, "ftaes-ecb", {}), (CBC_CONN, "aes-cbc", {"iv": AES_IV})]:
        cipher = dict({"kind": kind, "key": AES_KEY}, **extra)
        serial += 1
        common.force_next_serial(serial)
        with mock.patch("time.time", return_value=1700000000.25):
            req = packed(KeepAlive.pack_req(conn_id))
        entries.append(entry("KeepAlive.request.%s" % kind, ProtoId.KeepAlive, serial, "KeepAlive.Request",
                             "request", req, common.pb2_class("KeepAlive.Request").FromString(
                                 common_decrypt(req, conn_id)), cipher))
        for stem in ["Qot_UpdateBasicQot", "Trd_UpdateOrder"]:
            response = common.pb2_class("%s.Response" % stem)()
            response.retType = 0
            filler.fill(response.s2c)
            serial += 1
            proto_id = getattr(ProtoId, stem)
            entries.append(entry("%s.push.%s" % (stem, kind), proto_id, serial, "%s.Response" % stem, "push",
                                 frame_message(response, proto_id, serial, conn_id, True), response, cipher))

    with open(os.path.join(out_dir, "sdk-frames.json"), "w", encoding="utf-8") as f:
        json.dump({"sdk": "moomoo-api 10.11.7108", "frames": entries}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote %d frames to %s" % (len(entries), os.path.join(out_dir, "sdk-frames.json")))


def common_decrypt(data, conn_id):
    head = sdk_utils.parse_head(bytes(data[:44]))
    ret, msg, body = sdk_utils.decrypt_rsp_body(bytes(data[44:]), head, conn_id, True)
    assert ret == 0, msg
    return body


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    build(sys.argv[1], sys.argv[2])
