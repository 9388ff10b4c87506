#!/usr/bin/env bash
# Regenerates the SDK golden frames under Tests/OpenDProtocolTests/Fixtures/ (sdk-frames.json and
# the throw-away RSA key keys/interop-rsa1024.pem) with the official SDK's own packers.
# Python: $MOOTUI_SDK_PYTHON, else the venv Scripts/setup.sh creates (its last output line).
# Needs `protoc` to read mootui's proto subset. Output is deterministic apart from RSA.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
python=${MOOTUI_SDK_PYTHON:-}
if [ -z "$python" ]; then
  python=$("$root/Scripts/setup.sh" | tail -n 1)
fi
command -v protoc >/dev/null || { echo "generate-fixtures: protoc not found (apt-get install protobuf-compiler)" >&2; exit 1; }
exec "$python" "$root/Scripts/interop/gen_fixtures.py" "$root/Tests/OpenDProtocolTests/Fixtures" \
  "$root/Sources/OpenDProtocol/Protos"
