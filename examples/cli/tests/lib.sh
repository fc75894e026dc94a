# Helpers the CLI tests share: each test script is run by CTest as
#   bash TEST.sh PATH/TO/ticketcore WORK_FOLDER
# and drives the real binary on desk files in WORK_FOLDER (emptied first).
set -euo pipefail
TC_BIN=$1
WORK=$2
CLI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEOPLE=$CLI_DIR/people.json
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
export TICKETCORE_DATABASE=$WORK/desk.db
unset TICKETCORE_AS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# tc ARGS...: runs the tool; $out is its stdout, $err its stderr, $code its exit code.
tc() {
  set +e
  "$TC_BIN" "$@" >"$WORK/.out" 2>"$WORK/.err"
  code=$?
  set -e
  out=$(cat "$WORK/.out")
  err=$(cat "$WORK/.err")
}

# ok ARGS...: runs the tool and fails the test unless it exits 0.
ok() {
  tc "$@"
  [ "$code" -eq 0 ] || fail "ticketcore $* exited $code: $err"
}

# exits CODE ARGS...: runs the tool and fails the test unless it exits CODE.
exits() {
  local want=$1
  shift
  tc "$@"
  [ "$code" -eq "$want" ] || fail "ticketcore $* exited $code, expected $want: $out $err"
}

# has TEXT NEEDLE: fails unless TEXT contains NEEDLE.
has() { [[ "$1" == *"$2"* ]] || fail "expected \"$2\" in: $1"; }
# lacks TEXT NEEDLE: fails if TEXT contains NEEDLE.
lacks() { [[ "$1" != *"$2"* ]] || fail "did not expect \"$2\" in: $1"; }

# new_desk [FILE]: a desk on the standard preset with the demo's people, on Monday 2 March 2026.
new_desk() {
  ok --database "${1:-$TICKETCORE_DATABASE}" --now 2026-03-02T00:30:00Z init --preset standard --people "$PEOPLE"
}

# first_line TEXT: the first line of TEXT.
first_line() { printf '%s\n' "$1" | head -n 1; }
