# report: text, JSON and a self-contained HTML page with SVG charts.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=admin:m-01
ok --now 2026-03-02T00:40:00Z customers add --name "Li Na" --phone 13987654321
ok --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --channel email --type consultation --subject "Invoice title"
ok --now 2026-03-02T01:01:00Z tickets add --customer C20260302001 --channel phone --type complaint --subject "Late delivery"
ok --now 2026-03-02T01:59:00Z tickets status 202603-001 in_progress
ok --now 2026-03-02T02:00:00Z tickets comment 202603-001 "Under account settings."
ok --now 2026-03-02T02:01:00Z tickets resolve 202603-001 "Explained."
ok --as customer:C20260302001 --now 2026-03-02T03:00:00Z tickets rate 202603-001 4 5 5

ok --now 2026-03-05T00:00:00Z report
has "$out" "Service report"
has "$out" "tickets in 2, resolved 1"
has "$out" "SLA target"
has "$out" "CSAT (1 rated)"
has "$out" "product_specialists"
ok --json --now 2026-03-05T00:00:00Z report --group-by channel --group-by priority
has "$out" '"desk":{"tickets_in":2'
has "$out" '"group_by":["channel","priority"]'
ok --now 2026-03-05T00:00:00Z report --html report.html
[ -s report.html ] || fail "no report.html"
page=$(cat report.html)
has "$page" "<svg"
has "$page" "SLA compliance by team"
has "$page" "Backlog by age"
has "$page" "CSAT distribution"
has "$page" "Bottlenecks"
lacks "$page" "<script"
lacks "$page" "http:"
lacks "$page" "https:"

exits 65 --now 2026-03-05T00:00:00Z report --group-by colour
has "$err" "/group_by/0"
exits 65 --now 2026-03-05T00:00:00Z report --from 2026-03-06T00:00:00Z --to 2026-03-01T00:00:00Z
has "$err" "/to"
exits 77 --as system --now 2026-03-05T00:00:00Z report
