# export and import as CSV: customers and tickets as rows, RFC 4180 quoting, UTF-8.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=admin:m-01
ok --now 2026-03-02T00:40:00Z customers add --name "Lianhe, Hangzhou" --kind enterprise --phone 13812345678 --tag vip_line
ok --now 2026-03-02T00:41:00Z customers add --name "李娜" --phone 13987654321 --email li.na@example.cn --email na.li@example.cn
ok --now 2026-03-02T01:00:00Z tickets add --customer C20260302002 --channel app --subject 'The "printer", again' \
  --description $'line one\nline two'

ok export --csv customers -o customers.csv
has "$err" "export customers: 2 rows"
header=$(head -n 1 customers.csv | tr -d '\r')
[ "$header" = "id,kind,name,company,department,phones,emails,address,postal_code,industry,tier,tags,gender,birth_date,created_at,merged_into" ] \
  || fail "customers header: $header"
grep -q '^C20260302001,enterprise,"Lianhe, Hangzhou",' customers.csv || fail "a comma in a field is not quoted"
grep -q 'li.na@example.cn;na.li@example.cn' customers.csv || fail "several emails are not one cell"
ok export --csv tickets -o tickets.csv
grep -q '"The ""printer"", again"' tickets.csv || fail "quotes in a field are not doubled"
[ "$(head -c 3 tickets.csv)" = "id," ] || fail "tickets header"
[ "$(head -n 1 tickets.csv | tail -c 2 | od -An -c | tr -d ' ')" = '\r\n' ] || fail "records do not end with CRLF"

# Into a new desk: customers registered (the desk gives the ids), tickets taken in.
new_desk other.db
ok --database other.db --now 2026-03-02T00:50:00Z import --csv customers customers.csv
has "$err" "import customers: 2 rows"
[ "$out" = $'C20260302001\nC20260302002' ] || fail "customer ids: $out"
ok --database other.db --now 2026-03-02T00:51:00Z customers show C20260302002 --unmasked
has "$out" "na.li@example.cn"
ok --database other.db --now 2026-03-02T01:10:00Z import --csv tickets tickets.csv
[ "$out" = "202603-001" ] || fail "ticket ids: $out"
ok --database other.db --now 2026-03-02T01:11:00Z tickets show 202603-001
has "$out" 'The "printer", again'
has "$out" "line two"

# A bad cell names its row and field, and nothing of the file is taken in.
printf 'customer_id,subject,channel\r\nC20260302001,fine,phone\r\nC20260302001,bad,fax\r\n' >bad.csv
exits 65 --database other.db --now 2026-03-02T01:20:00Z import --csv tickets bad.csv
has "$err" "/rows/2/channel"
ok --database other.db tickets list
has "$out" "1 ticket"
printf 'name,colour\r\nX,red\r\n' >unknown.csv
exits 65 --database other.db import --csv customers unknown.csv
has "$err" "/rows/0/colour"
printf 'name\r\n"unclosed\r\n' >broken.csv
exits 65 --database other.db import --csv customers broken.csv
has "$err" "/rows/1"
exits 64 --database other.db import --csv orders tickets.csv
