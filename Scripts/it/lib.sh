# Shared by the integration suites in this folder. Sourced, never run (it is not executable,
# so Scripts/test.sh skips it). Suites `cd` to the repository root before sourcing it.

# The mootui binary: $MOOTUI_BIN, else built here.
it_bin() {
  if [ -n "${MOOTUI_BIN:-}" ]; then echo "$MOOTUI_BIN"; return; fi
  swift build --product mootui >/dev/null
  echo "$(swift build --show-bin-path)/mootui"
}

# The official SDK's python: $MOOTUI_SDK_PYTHON, else the venv Scripts/setup.sh makes.
it_python() {
  if [ -n "${MOOTUI_SDK_PYTHON:-}" ]; then echo "$MOOTUI_SDK_PYTHON"; return; fi
  Scripts/setup.sh | tail -n 1
}

# it_await_listening OUT ERR PID: waits up to 30 s for `mootui sim` (PID, stdout in OUT) to print
# its listening line, then prints the port. Fails, showing ERR, if it dies or never listens.
it_await_listening() {
  local out=$1 err=$2 pid=$3 deadline=$((SECONDS + 30))
  until grep -q "listening on" "$out" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "mootui sim did not start" >&2; cat "$err" >&2; return 1
    fi
    sleep 0.1
  done
  sed -nE 's/.*listening on [^:]+:([0-9]+).*/\1/p' "$out" | head -n 1
}

# --- tmux helpers for the TUI suites: need $sock (private tmux socket), $work, $bin, XDG_* set ---

# The UI session's screen as text.
screen() { tmux -L "$sock" capture-pane -p -t ui; }

# Prints the reason, the screen and the end of mootui's log, then exits 1.
fail() {
  echo "FAIL: $*"
  echo "---- screen ----"; screen || true; echo "----------------"
  [ -f "$work/state/mootui/mootui.log" ] && tail -n 20 "$work/state/mootui/mootui.log"
  exit 1
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND (the screen on its stdin) until it
# succeeds; never a fixed sleep.
wait_for() {
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until screen | "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && fail "$what (waited ${limit}s)"
    sleep 0.1
  done
  echo "ok: $what"
}

# has REGEX: the screen (stdin) matches the extended regex.
has() { grep -qE -- "$1"; }

# has_all PATTERN...: every extended regex matches the screen; "!PATTERN" must not match.
has_all() {
  local s p
  s=$(cat)
  for p in "$@"; do
    if [ "${p#!}" != "$p" ]; then grep -qE -- "${p#!}" <<<"$s" && return 1
    else grep -qE -- "$p" <<<"$s" || return 1; fi
  done
  return 0
}

# Sends keys to the UI session.
keys() { tmux -L "$sock" send-keys -t ui "$@"; }

# A tmux format value of the UI pane, e.g. pane '#{alternate_on}'.
pane() { tmux -L "$sock" display -p -t ui "$1"; }

# start_ui COLS ROWS ARGS...: (re)starts mootui in the UI session; its exit status shows as
# MOOTUI-EXIT=N on the screen afterwards.
start_ui() {
  local cols=$1 rows=$2; shift 2
  tmux -L "$sock" kill-session -t ui 2>/dev/null || true
  tmux -L "$sock" new-session -d -s ui -x "$cols" -y "$rows" \
    "env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$bin' $* ; echo MOOTUI-EXIT=\$?; exec cat"
}

# tui_harness NAME: a work folder, a private tmux socket, XDG folders inside the work folder, and
# an EXIT trap that kills the tmux server and the standalone sim ($sim, if set) and removes it all.
tui_harness() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-$1.XXXXXX")
  sock="mootui-$1-$$"
  sim=""
  trap tui_cleanup EXIT
  export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
}

tui_cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  if [ -n "$sim" ]; then kill -9 "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
  rm -rf "$work"
}
