# A desk moved from an SQLite file into PostgreSQL (--database postgresql://...) and run
# there: export, import, export again byte for byte, then the everyday commands. Needs the
# server PGHOST names (scripts/test starts one); without it, exits 77: CTest's "skipped".
source "$(dirname "$0")/lib.sh" "$@"
if [ -z "${PGHOST:-}" ]; then
  echo "PGHOST is unset: the CLI on PostgreSQL is not tested (scripts/test sets it)"
  exit 77
fi
schema=tc_cli_$$
psql -v ON_ERROR_STOP=1 -qc "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null
trap 'psql -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true' EXIT
pg="postgresql:///?options=-csearch_path%3D$schema"

new_desk
export TICKETCORE_AS=agent:p-01
ok --now 2026-03-02T00:40:00Z customers add --name "李娜" --phone 13987654321 --email li.na@example.cn
ok --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --channel app --subject "打印机无法连接网络"
ok --as admin:m-01 --now 2026-03-02T01:10:00Z tickets comment 202603-001 "已远程重启打印服务"
ok export -o sqlite.jsonl

ok --database "$pg" import sqlite.jsonl
ok --database "$pg" export -o postgres.jsonl
cmp sqlite.jsonl postgres.jsonl || fail "SQLite export, import into PostgreSQL, export is not byte-equal"

# The desk goes on in PostgreSQL: numbers continue, search finds Chinese, the sweep runs.
ok --database "$pg" --now 2026-03-02T02:00:00Z tickets add --customer C20260302001 --channel phone --subject "发票抬头错误"
[ "$(first_line "$out")" = "202603-002: P3, team supervisors, queued" ] || fail "the next ticket in PostgreSQL: $out"
ok --database "$pg" --as admin:m-01 tickets search "打印"
has "$out" "202603-001"
lacks "$out" "202603-002"
ok --database "$pg" --as admin:m-01 tickets search "服务"
has "$out" "202603-001"
ok --database "$pg" --as system --now 2026-03-03T10:00:00Z sweep
ok --database "$pg" --as admin:m-01 --now 2026-03-03T10:05:00Z tickets show 202603-001
has "$out" "已远程重启打印服务"
# A second init on a database that holds a desk is refused, as on a file.
exits 75 --database "$pg" --now 2026-03-03T10:06:00Z init --preset standard --people "$PEOPLE"
