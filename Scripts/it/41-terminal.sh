#!/usr/bin/env bash
# The terminal is given back on every way out, and odd terminals do not break the UI. The real
# binary in tmux (private socket) on a standalone `mootui sim`; screens polled, never slept on.
#  - exit paths: q, Ctrl-C (SIGINT), SIGTERM, SIGHUP, SIGQUIT and a Swift runtime trap
#    (MOOTUI_DEBUG_TRAP=1 makes F12 trap): `stty -g` before and after are equal, the normal screen
#    is back with a visible cursor; SIGQUIT and the trap leave their backtrace in the log file, with
#    no prompt on the screen and no 30 s wait
#  - TERM=dumb: one clear line and a non-zero exit
#  - LANG=C, LC_ALL=POSIX and a Latin-1 locale: ASCII borders, nothing but ASCII on the screen
#  - tiny sizes (1x1 .. 20x5) and a seeded resize storm: still alive, full layout again at 120x40
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness terminal
log="$XDG_STATE_HOME/mootui/mootui.log"

"$bin" sim --host 127.0.0.1 --port 0 --data "$work/simdata" --rate 4 > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"

# run_ui NAME COLS ROWS ENV...: mootui in the UI session with `stty -g` saved before and after.
run_ui() {
  local name=$1 cols=$2 rows=$3; shift 3
  tmux -L "$sock" kill-session -t ui 2>/dev/null || true
  tmux -L "$sock" new-session -d -s ui -x "$cols" -y "$rows" \
    "stty -g > '$work/$name.before'; env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' $* '$bin' --opend 127.0.0.1:$port --watch HK.00700,US.AAPL ; echo MOOTUI-EXIT=\$?; stty -g > '$work/$name.after'; exec cat"
}
ui_pid() {
  local pid deadline=$((SECONDS + 10))
  until pid=$(pgrep -P "$(pane '#{pane_pid}')" -f "$bin" | head -n 1) && [ -n "$pid" ]; do
    [ $SECONDS -ge $deadline ] && fail "cannot find the mootui process"
    sleep 0.1
  done
  echo "$pid"
}
# restored NAME: exited, and the terminal is as it was
restored() {
  wait_for 15 "$1: mootui exits" has "MOOTUI-EXIT="
  local deadline=$((SECONDS + 5))
  until [ -s "$work/$1.after" ]; do [ $SECONDS -ge $deadline ] && fail "$1: no stty after"; sleep 0.1; done
  cmp -s "$work/$1.before" "$work/$1.after" || fail "$1: stty -g differs: $(cat "$work/$1.before") vs $(cat "$work/$1.after")"
  [ "$(pane '#{alternate_on}')" = 0 ] || fail "$1: alternate screen still on"
  [ "$(pane '#{cursor_flag}')" = 1 ] || fail "$1: cursor still hidden"
  echo "ok: $1 restores the terminal (stty -g equal, normal screen, cursor visible)"
}

echo "== exit paths"
for way in q sigint sigterm sighup; do
  run_ui "$way" 120 40
  wait_for 40 "$way: live" has " SIMULATE .*LIVE"
  case $way in
    q) keys q ;;
    sigint) keys C-c ;;
    sigterm) kill -TERM "$(ui_pid)" ;;
    sighup) kill -HUP "$(ui_pid)" ;;
  esac
  restored "$way"
  [ "$way" != q ] || screen | has "MOOTUI-EXIT=0" || fail "q should exit 0"
done

for way in sigquit trap; do
  : > "$log"
  if [ "$way" = trap ]; then run_ui "$way" 120 40 MOOTUI_DEBUG_TRAP=1; else run_ui "$way" 120 40; fi
  wait_for 40 "$way: live" has " SIMULATE .*LIVE"
  pid=$(ui_pid)
  t0=$SECONDS
  if [ "$way" = trap ]; then keys F12; else kill -QUIT "$pid"; fi
  restored "$way"
  [ $((SECONDS - t0)) -lt 10 ] || fail "$way: took $((SECONDS - t0)) s to end (an interactive wait?)"
  screen | has "stopped by SIGQUIT or a crash; the backtrace is in $log" || fail "$way: no note on where the backtrace went"
  ! screen | has "Press space|to interact|Backtrace" || fail "$way: the backtracer wrote over the screen"
  case $way in
    sigquit) screen | has "MOOTUI-EXIT=131" || fail "sigquit: exit status should be 128+3" ;;
    trap) screen | has "MOOTUI-EXIT=13[23]" || fail "trap: exit status should be SIGILL or SIGTRAP" ;;
  esac
  deadline=$((SECONDS + 20))
  until grep -qiE "crashed|Thread [0-9]+" "$log"; do
    [ $SECONDS -ge $deadline ] && { tail -20 "$log"; fail "$way: no backtrace in the log"; }
    sleep 0.2
  done
  [ "$way" = trap ] && { grep -q "debug trap" "$log" || fail "trap: the runtime's message is not in the log"; }
  echo "ok: $way ends in $((SECONDS - t0)) s, backtrace in the log ($(grep -ciE 'thread|#[0-9]+|0x' "$log") lines)"
done

echo "== TERM=dumb"
tmux -L "$sock" kill-session -t ui 2>/dev/null || true
tmux -L "$sock" new-session -d -s ui -x 120 -y 40 \
  "env TERM=dumb XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$bin' --opend 127.0.0.1:$port; echo MOOTUI-EXIT=\$?; exec cat"
wait_for 30 "TERM=dumb exits" has "MOOTUI-EXIT="
screen | has "MOOTUI-EXIT=[1-9]" || fail "TERM=dumb must exit non-zero"
[ "$(screen | grep -c 'cannot move the cursor')" = 1 ] || fail "TERM=dumb: expected the one-line error"
[ "$(screen | grep -cv '^$')" = 2 ] || fail "TERM=dumb: expected exactly the error line and the exit status"
echo "ok: TERM=dumb: $(screen | grep 'cannot move')"

echo "== non-UTF-8 locales"
mkdir -p "$work/locale"
localedef -i en_US -f ISO-8859-1 "$work/locale/en_US.ISO-8859-1" 2>/dev/null || true
for loc in "LANG=C LC_ALL=C" "LANG= LC_ALL=POSIX" "LOCPATH=$work/locale LC_ALL=en_US.ISO-8859-1"; do
  name=locale-${loc##*=}
  run_ui "$name" 100 30 "$loc"
  wait_for 40 "$loc: live with the ladder" has_all " LIVE " "spread"
  wait_for 10 "$loc: ASCII borders" has_all "^-+ Watchlist" "!─" "!│"
  if screen | LC_ALL=C grep -q '[^[:print:][:space:]]'; then fail "$loc: non-ASCII bytes on the screen"; fi
  keys q
  restored "$name"
done

echo "== tiny sizes and a resize storm"
run_ui resize 120 40
wait_for 40 "live at 120x40" has " SIMULATE .*LIVE"
pid=$(ui_pid)
for size in 1x1 2x1 1x2 3x3 5x2 8x4 10x5 20x5 20x1 1x20; do
  tmux -L "$sock" resize-window -t ui -x "${size%x*}" -y "${size#*x}"
  deadline=$((SECONDS + 5))
  until [ "$(pane '#{pane_width}x#{pane_height}')" = "$size" ]; do
    [ $SECONDS -ge $deadline ] && fail "tmux did not resize to $size"
    sleep 0.05
  done
  kill -0 "$pid" 2>/dev/null || fail "mootui died at $size"
done
echo "ok: alive through 1x1 .. 20x5"
RANDOM=13
for _ in $(seq 300); do
  tmux -L "$sock" resize-window -t ui -x $((1 + RANDOM % 200)) -y $((1 + RANDOM % 60))
done
kill -0 "$pid" 2>/dev/null || fail "mootui died in the resize storm"
tmux -L "$sock" resize-window -t ui -x 120 -y 40
wait_for 15 "full layout again at 120x40" has_all "─ Positions" "─ Orders" " LIVE "
keys q
restored resize
screen | has "MOOTUI-EXIT=0" || fail "q after the storm should exit 0"
echo "terminal: every exit path restores the terminal; dumb, non-UTF-8 and tiny terminals handled"
