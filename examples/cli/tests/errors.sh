# Exit codes by class of error, messages on stderr that name the field, --help everywhere.
source "$(dirname "$0")/lib.sh" "$@"

exits 66 tickets list
has "$err" "--database"
has "$err" "ticketcore init"
new_desk
export TICKETCORE_AS=agent:p-01
ok --now 2026-03-02T00:40:00Z customers add --name "Li Na"

# Invalid input (65), with the field's path.
exits 65 --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --subject "Fax" --channel fax
has "$err" "invalid_input"
has "$err" "/channel"
exits 65 --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --subject "Many" --users-affected lots
has "$err" "/users_affected"
exits 65 --json --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --subject "X" --urgency extreme
has "$err" '{"error":{"code":"invalid_input"'
has "$err" '"path":"/urgency"'
# Not found (66).
exits 66 --as admin:m-01 tickets show 202603-999
has "$err" "not_found"
exits 66 --now 2026-03-02T01:00:00Z tickets add --customer C20990101001 --subject "Nobody"
# Denied (77): a customer reading another's ticket, the system registering a customer.
ok --now 2026-03-02T01:00:00Z tickets add --customer C20260302001 --subject "Mine"
exits 77 --as customer:C20990101001 tickets show 202603-001
exits 77 --as system customers add --name "Nobody"
has "$err" "denied"
# Usage (64): CLI11's checks and ours.
exits 64 tickets
exits 64 tickets show
exits 64 --as wizard:merlin tickets list
has "$err" "--as"
exits 64 --now yesterday tickets list
has "$err" "--now"
exits 64 init --preset standard --config x.json
# Help for every command, exit 0.
for command in "" "tickets add" report; do
  # shellcheck disable=SC2086
  ok $command --help
  has "$out" "Usage"
done
