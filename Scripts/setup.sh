#!/usr/bin/env bash
# Installs what the build and the tests need. Idempotent: does nothing when all is present.
#   - Debian packages: libncursesw5-dev, libssl-dev (build); tmux (end-to-end tests);
#     protobuf-compiler (the fixture generator compiles our .proto subset for the SDK side)
#   - a Python venv with the pinned official SDK (moomoo-api 10.11.7108) for interop tests, plus
#     TA-Lib for the SDK's MACD example
# Prints the venv's python path on the last line of stdout.
set -euo pipefail
SDK_VERSION=10.11.7108
need=()
for pkg in libncursesw5-dev libssl-dev tmux protobuf-compiler; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  else
    echo "setup: missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi
venv=${MOOTUI_SDK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/mootui/sdk-venv-$SDK_VERSION}
if ! "$venv/bin/python" -c "import moomoo, importlib.metadata as m; assert m.version('moomoo-api') == '$SDK_VERSION'" >/dev/null 2>&1; then
  echo "setup: creating $venv with moomoo-api==$SDK_VERSION" >&2
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check "moomoo-api==$SDK_VERSION" >&2
fi
# TA-Lib (a binary wheel with its C library): the SDK's macd_strategy.py example imports it.
if ! "$venv/bin/python" -c "import talib" >/dev/null 2>&1; then
  echo "setup: installing TA-Lib into $venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check --only-binary=:all: "TA-Lib==0.8.2" >&2
fi
echo "$venv/bin/python"
