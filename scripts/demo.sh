#!/usr/bin/env bash
# The main job on the embedded tenant: builds admin365, creates a fresh demo tenant and
# walks through the everyday user-account tasks with the CLI.
#   scripts/demo.sh            # tenant in ./demo-tenant (replaced on each run)
#   DEMO_DIR=/path scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh release admin365

admin365="$PWD/build/release/src/cli/admin365"
export ADMIN365_DATA_DIR="${DEMO_DIR:-$PWD/demo-tenant}"
rm -rf "$ADMIN365_DATA_DIR"

step() { printf '\n\033[1m$ admin365 %s\033[0m\n' "$*"; "$admin365" "$@"; }

step tenant init --name "Contoso" --domain contoso
step domain add contoso.com
step domain verify contoso.com
step domain set-default contoso.com
step user add --upn adele.vance@contoso.com --display-name "Adele Vance" \
  --given-name Adele --surname Vance --department Sales --job-title "Account Manager" \
  --usage-location US -o json
step user add --upn "o'brien@contoso.com" --display-name "Seán O'Brien, Jr." --department Sales \
  --usage-location IE -o csv
printf '%s\n' 'Correct-Horse-7-Battery' |
  "$admin365" user add --upn megan@contoso.com --display-name "Megan Bowen" --password-stdin \
    --force-change-password false --department Marketing > /dev/null
step user list --filter "department eq 'Sales'"
step user set adele.vance@contoso.com --mail adele.vance@contoso.com --office "Building 4"
step user set adele.vance@contoso.com --upn adele@contoso.com
step user get adele@contoso.com -o json
step subscription add ENTERPRISEPACK --units 25
step subscription list
step user license add adele@contoso.com --sku ENTERPRISEPACK --disabled-plans SWAY
step group add --display-name "Sales" --mail-nickname sales --type m365
step group member add Sales adele@contoso.com
step user manager set adele@contoso.com megan@contoso.com
step user mfa set adele@contoso.com --state enforced
step user block megan@contoso.com
step user password megan@contoso.com --generate-password
echo
echo "A weak password is refused with Entra's own message (exit code 3):"
step user password megan@contoso.com --password 'Password1' || true
step user remove "o'brien@contoso.com"
step user list --deleted --select id,userPrincipalName,deletedDateTime
deleted_id=$("$admin365" user list --deleted --select id -o csv | tail -n 1 | tr -d '"')
step user restore "$deleted_id"

# Bulk: the Entra admin center's own template, planned against the tenant, then run.
new_hires="$ADMIN365_DATA_DIR/new-hires.csv"
cat >"$new_hires" <<'CSV'
version:v1.0
Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname],Job title [jobTitle],Department [department],Usage location [usageLocation]
Example: Alain Charon,alain@contoso.com,Password1!,No,Alain,Charon,Software Engineer,Engineering,US
Lynne Robbins,lynne@contoso.com,,No,Lynne,Robbins,Planner,Sales,US
Diego Siciliani,diego@contoso.com,,No,Diego,Siciliani,Analyst,Sales,US
Patti Fernandez,adele@contoso.com,,No,Patti,Fernandez,Director,Sales,US
CSV
echo
echo "The plan checks every row against the tenant first (adele@contoso.com is taken):"
step bulk plan create "$new_hires" --set addLicenses=ENTERPRISEPACK || true
step bulk run create "$new_hires" --set addLicenses=ENTERPRISEPACK || true
step bulk run block --filter "department eq 'Sales'"
job_id=$("$admin365" bulk list -o csv | sed -n 2p | cut -d, -f1 | tr -d '"')
step bulk undo "$job_id"
step audit list --limit 5

# The same tenant over HTTPS: Microsoft Graph and Entra's token endpoint.
printf '\n\033[1m$ admin365 app add "Demo script"\033[0m\n'
app_json=$("$admin365" app add "Demo script" -o json)
client_id=$(sed -n 's/.*"clientId":"\([^"]*\)".*/\1/p' <<<"$app_json")
client_secret=$(sed -n 's/.*"clientSecret":"\([^"]*\)".*/\1/p' <<<"$app_json")
step app grant "$client_id" User.ReadWrite.All LicenseAssignment.ReadWrite.All \
  Organization.Read.All
port="${DEMO_PORT:-8443}"
url="https://127.0.0.1:$port"
cert="$ADMIN365_DATA_DIR/tls-cert.pem"

cat <<DONE

The demo tenant is in $ADMIN365_DATA_DIR. Try for yourself:
  export ADMIN365_DATA_DIR=$ADMIN365_DATA_DIR
  $admin365 user list --all
  $admin365 --help

Now serving it as Microsoft Graph at $url (Ctrl-C stops). The demo registered an app
"Demo script" (a demo tenant, so its secret is shown here; admin365 keeps only its hash):
  client id:     $client_id
  client secret: $client_secret
From another terminal, get a token and list the users:
  token=\$(curl -s --cacert $cert $url/contoso.com/oauth2/v2.0/token \\
    -d grant_type=client_credentials -d client_id=$client_id \\
    --data-urlencode 'client_secret=$client_secret' \\
    --data-urlencode scope=https://graph.microsoft.com/.default | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s --cacert $cert -H "Authorization: Bearer \$token" '$url/v1.0/users?\$select=displayName,userPrincipalName'
MSAL and the Graph SDKs: authority $url/contoso.com, knownAuthorities ["127.0.0.1:$port"]
(docs/server.md).

DONE
printf '\033[1m$ admin365 serve --listen 127.0.0.1:%s\033[0m\n' "$port"
exec "$admin365" serve --listen "127.0.0.1:$port"
