# tickets add|show|list|search and the everyday changes.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=agent:p-01
ok --now 2026-03-02T00:40:00Z customers add --name "Hangzhou Lianhe" --kind enterprise --tier vip --phone 13812345678
lianhe=$out
ok --now 2026-03-02T00:41:00Z customers add --name "Li Na" --phone 13987654321
li=$out

ok --now 2026-03-02T01:00:00Z tickets add --customer "$lianhe" --channel phone --type technical_support \
  --subtype software_fault --subject "ERP order module down" --urgency high --users-affected 40 \
  --description "订单无法保存 (orders cannot be saved)"
has "$out" "202603-001: P"
has "$out" "team senior_specialists"
has "$out" "owed: auto_reply"
ok --json --now 2026-03-02T02:10:00Z tickets add --customer "$li" --channel app --type consultation \
  --subject "打印机无法连接网络 (printer will not join Wi-Fi)" --tag printer
has "$out" '"id":"202603-002"'
has "$out" '"routing":{'

export TICKETCORE_AS=admin:m-01
ok --now 2026-03-02T03:00:00Z tickets show 202603-001
has "$out" "202603-001  ERP order module down"
has "$out" "history"
has "$out" "created"
has "$out" "SLA now (policy"
has "$out" "first_response"
has "$out" "routing now"
ok --json --now 2026-03-02T03:00:00Z tickets show 202603-001
has "$out" '"events":[{'
has "$out" '"sla":{'
has "$out" '"routing":{'
has "$out" '"config_version":"standard-2026.1"'

ok tickets list
has "$out" "202603-001"
has "$out" "202603-002"
has "$out" "2 tickets"
ok tickets list --limit 1
has "$out" "next page: --after"
ok tickets search "打印"
has "$out" "202603-002"
lacks "$out" "202603-001"

# The handler works the ticket: start, answer, wait, resolve; the customer rates and closes.
ok --now 2026-03-02T01:05:00Z tickets show 202603-001
handler=$(printf '%s\n' "$out" | sed -n 's/^  assignee *//p')
[ -n "$handler" ] && [ "$handler" != "-" ] || fail "202603-001 has no assignee"
ok --as "agent:$handler" --now 2026-03-02T01:10:00Z tickets status 202603-001 in_progress
has "$out" "202603-001: in_progress"
ok --as "agent:$handler" --now 2026-03-02T01:11:00Z tickets comment 202603-001 "We are on it."
ok --as "agent:$handler" --now 2026-03-02T01:12:00Z tickets comment 202603-001 "Check the index first." --internal
ok --as "agent:$handler" --now 2026-03-02T08:00:00Z tickets resolve 202603-001 "Rebuilt the order index."
has "$out" "202603-001: resolved"
ok --as "customer:$lianhe" --now 2026-03-03T02:00:00Z tickets rate 202603-001 5 5 4 --comment "Fixed the same day."
ok --as "customer:$lianhe" --json --now 2026-03-03T02:01:00Z tickets close 202603-001
has "$out" '"status":"closed"'
ok --now 2026-03-03T03:00:00Z tickets show 202603-001
has "$out" "internal_comment"
has "$out" "rated"

# A change based on an old version is a conflict; one the workflow forbids is invalid input.
ok --now 2026-03-03T04:00:00Z tickets assign 202603-002 p-02
exits 75 --now 2026-03-03T04:01:00Z tickets comment 202603-002 "late" --version 1
has "$err" "conflict"
exits 65 --now 2026-03-03T04:02:00Z tickets close 202603-002
has "$err" "invalid_transition"
exits 65 --now 2026-03-03T04:03:00Z tickets status 202603-002 finished
has "$err" "/status"
ok --now 2026-03-03T04:04:00Z tickets cancel 202603-002 "asked twice"
has "$out" "202603-002: cancelled"
