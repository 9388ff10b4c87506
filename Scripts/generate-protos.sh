#!/usr/bin/env bash
# Regenerates Sources/OpenDProtocol/Generated from Sources/OpenDProtocol/Protos.
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift built from
# swift-protobuf at the same version as the runtime in Package.swift (1.39.0):
#   git clone https://github.com/apple/swift-protobuf && cd swift-protobuf &&
#   git checkout 1.39.0 && swift build -c release --product protoc-gen-swift
# then run:  PROTOC_GEN_SWIFT=/path/to/protoc-gen-swift Scripts/generate-protos.sh
# CI never runs this: the generated code is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
plugin=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift || true)}
[ -x "$plugin" ] || { echo "generate-protos: set PROTOC_GEN_SWIFT to a protoc-gen-swift binary" >&2; exit 2; }
src="$here/Sources/OpenDProtocol/Protos"
out="$here/Sources/OpenDProtocol/Generated"
rm -f "$out"/*.pb.swift
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Public \
  --swift_opt=FileNaming=PathToUnderscores \
  -I "$src" --swift_out="$out" "$src"/*.proto
echo "generated $(ls "$out"/*.pb.swift | wc -l) files into $out"
