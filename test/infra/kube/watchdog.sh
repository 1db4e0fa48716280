#!/usr/bin/env bash
# Usage: watchdog.sh <command> [args...]
# Runs the command and stops it (TERM, then KILL after 5 s) when this script's stdin reaches EOF. The test
# harness holds the other end of that pipe, so the server dies with the Node process however it ends —
# a failed test, a crash, Ctrl-C or SIGKILL — cases in which Node's own exit hooks do not all run.
set -u
exec 3<&0
"$@" </dev/null &
child=$!
stop_child() {
  kill -TERM "$child" 2>/dev/null
  for _ in $(seq 1 50); do
    kill -0 "$child" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$child" 2>/dev/null
}
trap 'stop_child; wait "$child"; exit 143' TERM INT
( cat <&3 >/dev/null; kill -TERM $$ 2>/dev/null ) &
exec 3<&-
wait "$child"
exit $?
