#!/usr/bin/env bash
# Durability of the paper broker's ledger, short version of Scripts/faults/kill9.sh (which runs
# 50): seeded random trading on SIMULATE and REAL accounts with the official SDK, `kill -9` of
# the sim at a random moment, restart on the same ledger, and every acknowledged order, fill, cash
# balance, position and the equity must survive and agree.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec Scripts/faults/kill9.sh --runs 2 --seed "${MOOTUI_KILL9_SEED:-7}"
