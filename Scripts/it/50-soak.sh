#!/usr/bin/env bash
# Short version of Scripts/soak/soak.sh (an hour by default): 30 s of the seeded monkey on the TUI
# and the sim; no crash, RSS flat, ledger invariants at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec Scripts/soak/soak.sh --minutes 0.5 --seed 5
