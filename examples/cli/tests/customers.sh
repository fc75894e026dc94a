# customers add|find|show: registered by the desk, found in any writing, shown masked.
source "$(dirname "$0")/lib.sh" "$@"
new_desk
export TICKETCORE_AS=agent:p-01

ok --now 2026-03-02T01:00:00Z customers add --name "李娜" --gender female --phone 13812345678 \
  --email Li.Na@Example.CN --tag trait:frequent_buyer --address "上海市浦东新区张江路88号"
[ "$out" = C20260302001 ] || fail "expected the first customer id, got $out"
ok --now 2026-03-02T01:05:00Z customers add --name "Hangzhou Lianhe Manufacturing Co., Ltd." --kind enterprise \
  --company "Hangzhou Lianhe" --department IT --tier vip --phone "+86 139-8765-4321"
[ "$out" = C20260302002 ] || fail "expected the second customer id, got $out"
ok --json --now 2026-03-02T01:06:00Z customers add --name "Ningbo Port" --kind partner --email service@nbport.example
has "$out" '"id":"C20260302003"'

# The admin sees every customer; an agent only those with a ticket of theirs (docs/access.md).
export TICKETCORE_AS=admin:m-01
ok customers find --phone "+86 138 1234 5678"
has "$out" "C20260302001"
has "$out" "1 customer"
ok customers find --name "Hangzhou"
has "$out" "C20260302002"
lacks "$out" "C20260302001"
ok --json customers find --name Ningbo
has "$out" '"customers":[{'
lacks "$out" '"next_cursor"' # the last page carries none

# Shown masked, whole only on an audited read.
ok --now 2026-03-02T02:00:00Z customers show C20260302001
has "$out" "李女士"
has "$out" "138****5678"
has "$out" "上海市浦东新区***"
lacks "$out" "13812345678"
has "$out" "profile"
ok --now 2026-03-02T02:00:00Z customers show C20260302001 --unmasked
has "$out" "13812345678"
ok audit --action read_unmasked
has "$out" "read_unmasked"
has "$out" "C20260302001"
exits 77 --as agent:p-01 customers show C20260302001 --unmasked
exits 66 customers show C20990101001

# A field the desk refuses is named.
exits 65 customers add --name "Bad Phone" --phone "call me"
has "$err" "/phones/0"
