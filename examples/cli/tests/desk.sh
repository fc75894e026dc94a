# init and config: a desk file from a preset or a document, the configuration kept in it.
source "$(dirname "$0")/lib.sh" "$@"

new_desk
has "$out" "desk standard-2026.1 on $WORK/desk.db: 5 teams, 11 agents"
exits 75 --now 2026-03-02T00:30:00Z init --preset standard
has "$err" "holds a desk already"

ok config show
has "$out" '"version": "standard-2026.1"'
has "$out" '"id": "t-lead"'
printf '%s\n' "$out" >standard.json

ok config lint
has "$out" "standard-2026.1: valid"
ok --json config lint standard.json
has "$out" '"warnings":['

# A desk from a document, without the preset.
ok --database other.db --now 2026-03-02T00:30:00Z init --config standard.json
has "$out" "5 teams, 11 agents"

# A new version: the dry run changes nothing on a desk without open tickets; publish keeps both.
sed 's/"version": "standard-2026.1"/"version": "standard-2026.2"/' standard.json >next.json
ok --as admin:m-01 --now 2026-03-02T01:00:00Z config dry-run next.json
has "$out" "no open ticket would be routed differently"
exits 77 --as agent:t-01 --now 2026-03-02T01:00:00Z config publish next.json
ok --as admin:m-01 --now 2026-03-02T01:00:00Z config publish next.json
has "$out" "published standard-2026.2"
exits 75 --as admin:m-01 --now 2026-03-02T01:00:00Z config publish next.json
ok config history
has "$out" "standard-2026.1  2026-03-02T00:30:00Z"
has "$out" "standard-2026.2  2026-03-02T01:00:00Z"

ok config preset high_medium_low
has "$out" '"version": "high_medium_low-2026.1"'

# A bad document: refused with the path of the field, and no file left behind.
sed 's/"time_zone": "Asia\/Shanghai"/"time_zone": "Mars\/Olympus"/' standard.json >bad.json
exits 65 --database bad.db init --config bad.json
has "$err" "/calendars/cn-standard/time_zone"
[ ! -e bad.db ] || fail "a refused init left bad.db behind"
