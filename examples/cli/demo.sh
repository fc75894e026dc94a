#!/usr/bin/env bash
# The README's demo: a week of a desk, run through the ticketcore tool on an SQLite file.
# It creates a desk from the standard preset with the people of people.json, registers
# customers, takes in requests from the phone hotline, e-mail, the web portal (a batch
# from a CSV file), WeChat and the app, and works them through a week: engineers answer
# and fix, a complaint's remedy waits for the supervisor, customers rate and close, and
# the scheduler sweeps what is due, escalating and auto-closing as it goes. It ends with
# the queues, what was due, and the week's service report.
#
# Every command runs at a given instant (--now): the week takes seconds, and every run
# prints the same.
#
#   examples/cli/demo.sh [TICKETCORE [DESK_FILE]]
#   (defaults: ticketcore on the PATH, ./ticketcore-demo.db; the file is recreated)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-ticketcore}
desk=${2:-ticketcore-demo.db}
folder=$(dirname "$desk")
mkdir -p "$folder"
rm -f "$desk" "$desk-wal" "$desk-shm"
export TICKETCORE_DATABASE=$desk
sweeps=$folder/ticketcore-demo-sweeps.txt
: >"$sweeps"
declare -A holder  # ticket -> the agent holding it, as take-in and assignments said

say() { printf '\n== %s\n' "$*"; }
# at INSTANT ACTOR ARGS...: the tool, run as ACTOR at INSTANT.
at() {
  local now=$1 who=$2
  shift 2
  "$tool" --now "$now" --as "$who" "$@"
}
# take INSTANT ACTOR OPTIONS...: takes in a request and prints the line; the number is in $ticket.
take() {
  local line
  line=$(at "$1" "$2" tickets add "${@:3}")
  printf '%s taken in: %s\n' "$1" "$line"
  ticket=${line%%:*}
  line=${line%%$'\n'*}
  [[ "$line" != *"assigned to "* ]] || holder[$ticket]=${line##*assigned to }
}
# work INSTANT TICKET CHANGE ARGS...: the ticket's holder makes a change.
work() {
  local now=$1 id=$2
  printf '%s %s by %s: ' "$now" "$3" "${holder[$id]}"
  at "$now" "agent:${holder[$id]}" tickets "$3" "$id" "${@:4}" | head -n 1
}
# sweep INSTANT: the scheduler hands out what is due and acts on escalations and auto-closes.
sweep() {
  at "$1" system sweep --act | tee -a "$sweeps" | sed "s/^/  /"
}

say "a desk from the standard preset, with the people of people.json"
"$tool" --now 2026-03-02T00:30:00Z init --preset standard --people "$here/people.json"

say "customers"
lianhe=$(at 2026-03-02T00:35:00Z agent:p-01 customers add --name "Hangzhou Lianhe Manufacturing Co., Ltd." \
  --kind enterprise --company "Hangzhou Lianhe Manufacturing" --department IT --tier vip --phone 13812345678)
li=$(at 2026-03-02T00:36:00Z agent:p-01 customers add --name "李娜" --gender female --phone 13987654321 \
  --email li.na@example.cn)
port=$(at 2026-03-02T00:37:00Z agent:p-01 customers add --name "Ningbo Port Logistics" --kind partner \
  --email service@nbport.example)
echo "$lianhe (enterprise, vip), $li, $port (partner); found by phone, as the manager sees them:"
at 2026-03-02T00:38:00Z admin:m-01 customers find --phone "+86 139-8765-4321"

say "Monday 2 March (times in UTC; the desk works 09:00-18:00 Shanghai time, 01:00-10:00 UTC)"
take 2026-03-02T01:00:00Z agent:p-01 --customer "$lianhe" --channel phone --type technical_support \
  --subtype software_fault --subject "ERP order module down since this morning" --urgency high --users-affected 40 \
  --description "订单无法保存，重启后仍然报错 (orders cannot be saved; a restart did not help)."
erp=$ticket
work 2026-03-02T01:10:00Z "$erp" status in_progress
work 2026-03-02T01:12:00Z "$erp" comment "We are on it; please send the server log."
work 2026-03-02T01:15:00Z "$erp" status pending_customer --reason "waiting for the log"
take 2026-03-02T02:10:00Z "customer:$li" --customer "$li" --channel email --type consultation \
  --subject "发票抬头怎么修改 (how to change the invoice title)" --urgency low
invoice=$ticket
printf '2026-03-02T05:00:00Z the customer answers on %s: ' "$erp"
at 2026-03-02T05:00:00Z "customer:$lianhe" tickets comment "$erp" "Log attached." | head -n 1
take 2026-03-02T06:00:00Z "customer:$port" --customer "$port" --channel wechat --type complaint \
  --subject "Third late delivery this quarter"
late=$ticket
work 2026-03-02T07:00:00Z "$late" status in_progress
work 2026-03-02T07:05:00Z "$late" request-approval "200 CNY voucher and priority shipping"
work 2026-03-02T08:00:00Z "$erp" resolve "Rebuilt the order index."
printf '2026-03-02T08:30:00Z the supervisor approves the remedy: '
at 2026-03-02T08:30:00Z supervisor:s-02 tickets approve "$late" --note "offer it today" | head -n 1
work 2026-03-02T08:40:00Z "$late" comment "We apologise: a 200 CNY voucher and priority shipping are yours."
sweep 2026-03-02T09:30:00Z

say "Tuesday 3 March: a batch from the web portal, as CSV"
cat >"$folder/ticketcore-demo-portal.csv" <<CSV
customer_id,channel,request_type,subtype,subject,description,urgency,tags
$port,portal,technical_support,export,CRM export to Excel fails,"The export stops at 65,536 rows.",medium,crm
$li,portal,consultation,,Where is my warranty card?,,low,
CSV
echo "2026-03-03T00:45:00Z the portal's batch is taken in:"
portal=$(at 2026-03-03T00:45:00Z agent:p-01 import --csv tickets "$folder/ticketcore-demo-portal.csv")
echo "  $portal" | tr '\n' ' '
echo
crm=${portal%%$'\n'*}
take 2026-03-03T01:35:00Z agent:p-01 --customer "$li" --channel app --type consultation \
  --subject "打印机无法连接网络 (printer will not join Wi-Fi)"
printf '2026-03-03T02:00:00Z the customer rates and closes %s: ' "$erp"
at 2026-03-03T02:00:00Z "customer:$lianhe" tickets rate "$erp" 5 5 4 --comment "Fixed the same day." >/dev/null
at 2026-03-03T02:01:00Z "customer:$lianhe" tickets close "$erp"
work 2026-03-03T03:00:00Z "$invoice" status in_progress
work 2026-03-03T03:05:00Z "$invoice" comment "在账户设置里修改发票抬头 (change it under account settings)."
work 2026-03-03T03:10:00Z "$invoice" resolve "Explained."
sweep 2026-03-03T09:30:00Z

say "Wednesday 4 to Friday 6 March"
work 2026-03-04T02:00:00Z "$late" resolve "Voucher sent; shipping upgraded."
printf '2026-03-04T03:00:00Z the manager gives %s to t-02: ' "$crm"
at 2026-03-04T03:00:00Z admin:m-01 tickets assign "$crm" t-02 | head -n 1
holder[$crm]=t-02
work 2026-03-04T03:30:00Z "$crm" status in_progress
sweep 2026-03-04T09:30:00Z
work 2026-03-05T04:00:00Z "$crm" progress "Reproduced with 70,000 rows; a fix is in test."
sweep 2026-03-05T09:30:00Z
sweep 2026-03-06T09:30:00Z

say "the queues on Monday 9 March"
sweep 2026-03-09T00:30:00Z
# Every open ticket, the earliest due first; then the queue of each agent holding one,
# and of each team with tickets nobody holds.
open=$(at 2026-03-09T00:30:00Z admin:m-01 tickets list --order due_at \
  --status new --status assigned --status in_progress --status pending_customer)
for agent in $(printf '%s\n' "$open" | awk 'NR > 1 && $5 != "-" && $5 != "" { print $5 }' | sort -u); do
  at 2026-03-09T00:30:00Z admin:m-01 queue --agent "$agent"
done
for team in $(printf '%s\n' "$open" | awk 'NR > 1 && $5 == "-" { print $4 }' | sort -u); do
  at 2026-03-09T00:30:00Z admin:m-01 queue --team "$team"
done
echo "search \"打印\":"
at 2026-03-09T00:30:00Z admin:m-01 tickets search "打印" | sed 's/^/  /'

say "what was due this week, by kind"
awk '$2 ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]+$/ && $3 != "" { n[$3]++; total++ }
     END { for (k in n) printf "  %-22s %d\n", k, n[k]; printf "  %-22s %d\n", "(all)", total }' "$sweeps" | sort

say "the week's service report"
at 2026-03-09T00:30:00Z admin:m-01 report --html "$folder/ticketcore-demo-report.html"
echo
echo "the same as a page with charts: $folder/ticketcore-demo-report.html"
