"""Shared helpers for the mootui <-> official SDK interop scripts.

Only the SDK's own packers, parsers and pb2 modules touch the bytes; this module just
locates them and compares decoded messages structurally.
"""
import importlib
import json
import re

from moomoo.common import utils as sdk_utils
from moomoo.common.conn_mng import FutuConnMng
from moomoo.common.sys_config import SysConfig

_INTEGER = re.compile(r"^-?[0-9]+$")


def pb2_class(message_name):
    """'Qot_Sub.Request' -> the SDK's generated class moomoo.common.pb.Qot_Sub_pb2.Request."""
    package, _, name = message_name.partition(".")
    module = importlib.import_module("moomoo.common.pb.%s_pb2" % package)
    return getattr(module, name)


def use_rsa_key_file(path):
    """Point the SDK's process-wide RSA settings at `path` (or clear them with None)."""
    # set_init_rsa_file also drops the SDK's cached key and cipher objects.
    SysConfig.set_init_rsa_file(path if path else "")


def register_aes_connection(conn_id, key, iv):
    """Tell the SDK's connection manager that `conn_id` is AES-encrypted (CBC when iv is set)."""
    FutuConnMng.add_conn({"conn_id": conn_id, "conn_key": key, "conn_iv": iv, "is_encrypt": True})


def force_next_serial(serial):
    """Make the SDK's process-wide serial counter hand out `serial` next."""
    sdk_utils.g_unique_id = serial - 1


def _leaf(value):
    """Canonical form of a JSON leaf: integers (numbers or int64 strings) compare exactly,
    other numbers as floats, everything else as itself."""
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("int", int(value)) if value.is_integer() and abs(value) < 2 ** 63 else ("float", value)
    if isinstance(value, str) and _INTEGER.match(value):
        return ("int", int(value))
    return ("literal", value)


def json_differences(expected, actual, path="$"):
    """Every place where two decoded JSON documents differ, as readable strings."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                out.append("%s.%s: missing (expected %r)" % (path, key, expected[key]))
            elif key not in expected:
                out.append("%s.%s: unexpected %r" % (path, key, actual[key]))
            else:
                out.extend(json_differences(expected[key], actual[key], "%s.%s" % (path, key)))
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return ["%s: %d elements, expected %d" % (path, len(actual), len(expected))]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out.extend(json_differences(e, a, "%s[%d]" % (path, i)))
        return out
    if _leaf(expected) != _leaf(actual):
        return ["%s: %r, expected %r" % (path, actual, expected)]
    return []


def canonical_json(message):
    """The SDK's canonical JSON (MessageToJson) of a pb2 message, as text."""
    from google.protobuf.json_format import MessageToJson
    return MessageToJson(message)


def load_json(text):
    return json.loads(text)
