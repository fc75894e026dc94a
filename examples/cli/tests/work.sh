# queue, sweep and purge: the day's work and the time-driven actions, at given instants.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=agent:p-01
ok --now 2026-03-02T00:40:00Z customers add --name "Li Na" --phone 13987654321
li=$out
ok --now 2026-03-02T01:00:00Z tickets add --customer "$li" --channel email --type consultation --subject "How to change the invoice title"
ok --now 2026-03-02T01:01:00Z tickets add --customer "$li" --channel portal --type other --subject "Partnership enquiry"

export TICKETCORE_AS=admin:m-01
ok --json --now 2026-03-02T01:02:00Z tickets show 202603-001
assignee=$(printf '%s' "$out" | grep -o '"assignee":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[ -n "$assignee" ] || fail "202603-001 was not assigned"
ok --now 2026-03-02T01:02:00Z queue --agent "$assignee"
has "$out" "queue of agent $assignee"
has "$out" "202603-001"
ok --as "agent:$assignee" --now 2026-03-02T01:02:00Z queue
has "$out" "202603-001"
exits 64 --as system queue
has "$err" "--agent"

# Nothing is due at first; a day later the first-response targets have run out, handed out once.
ok --now 2026-03-02T01:05:00Z sweep
has "$out" "sweep at 2026-03-02T01:05:00Z: 0 due"
ok --now 2026-03-03T10:00:00Z sweep
has "$out" "202603-001"
has "$out" "sla_breach"
ok --now 2026-03-03T10:00:00Z sweep
has "$out" ": 0 due"
ok --json --now 2026-03-04T10:00:00Z sweep --act
has "$out" '"actions":['
has "$out" '"acted":['

# Retention: a closed ticket goes three years after closing, not before.
ok --as "agent:$assignee" --now 2026-03-05T00:59:00Z tickets status 202603-001 in_progress
ok --as "agent:$assignee" --now 2026-03-05T01:00:00Z tickets resolve 202603-001 "Explained."
ok --as "agent:$assignee" --now 2026-03-05T01:01:00Z tickets close 202603-001
ok --now 2026-03-06T00:00:00Z purge
has "$out" "purged 0 tickets"
ok --json --now 2029-04-01T00:00:00Z purge
has "$out" '"tickets":1'
exits 66 --now 2029-04-01T00:00:01Z tickets show 202603-001
ok --now 2029-04-01T00:00:01Z tickets show 202603-002
