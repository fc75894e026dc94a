# export and import as JSON lines: a whole desk, byte for byte.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=agent:p-01
ok --now 2026-03-02T00:40:00Z customers add --name "李娜" --phone 13987654321 --email li.na@example.cn
ok --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --channel app --subject "打印机无法连接网络, again"
ok --as admin:m-01 --now 2026-03-02T01:10:00Z tickets comment 202603-001 "Try \"reset\", then call us."
ok --as system --now 2026-03-03T10:00:00Z sweep

ok export -o first.jsonl
has "$err" "export: "
has "$err" " lines"
ok --database copy.db import first.jsonl
has "$err" "import: "
ok --database copy.db export
cmp first.jsonl "$WORK/.out" || fail "export, import, export (to stdout) is not byte-equal"

# The copy is a working desk.
ok --database copy.db --as admin:m-01 --now 2026-03-04T00:00:00Z tickets show 202603-001
has "$out" "打印机无法连接网络, again"

# Only into a new (empty) file; a bad line is named, and a refused import leaves no file.
exits 75 --database copy.db import first.jsonl
sed '3s/"type":"[a-z]*"/"type":"gadget"/' first.jsonl >bad.jsonl
exits 65 --database bad.db import bad.jsonl
has "$err" "/lines/3/type"
[ ! -e bad.db ] || fail "a refused import left bad.db behind"
exits 66 --database other.db import missing.jsonl
