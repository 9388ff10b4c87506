#!/usr/bin/env bash
# Short version of Scripts/faults/disconnects.sh (which runs 100): a few forced disconnects (FIN,
# RST and one silent peer) between the TUI and the sim, each recovered within 2 s of the drop
# with its subscriptions and trade pushes replayed and a STALE mark meanwhile; an order sent into
# the silent link and one whose answer is lost: UNKNOWN, then settled from the order list, the
# first never placed, the second placed exactly once.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec Scripts/faults/disconnects.sh --count 6 --silent 1 --seed 3 --orders
