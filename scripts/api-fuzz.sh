#!/usr/bin/env bash
# api-fuzz.sh — fuzz the REST API with schemathesis (`--checks all`).
#
# Usage: scripts/api-fuzz.sh [BINARY]          (default .build/debug/cttech)
#
# For each of two accounts — the demo administrator and the demo focal point —
# the script starts `cttech serve --demo` on a fresh temporary SQLite database
# and a free port (fresh, because the admin run withdraws grants, deactivates
# users and changes assessments), creates an API token with `cttech token
# create` (safe while the server runs), and runs schemathesis against the served
# spec (/api/openapi.yaml). Path parameters stateId/assessmentId are pinned to
# the demo Valdoria assessment so the fuzzer gets past 404; other ids are taken
# from responses. Exits non-zero if any run reported a failure.
#
# Environment: MAX_EXAMPLES (default 25 per operation), SEED (optional),
# ST_EXTRA_ARGS (more schemathesis flags, e.g. "--exclude-checks unsupported_method"),
# FUZZ_VENV (default /tmp/cttech-fuzz-venv, used when schemathesis 4 is not on
# PATH), REPORT_DIR (default: a temp dir; junit + ndjson reports per run).
set -euo pipefail

BIN=${1:-.build/debug/cttech}
[[ -x $BIN ]] || { echo "no executable at $BIN" >&2; exit 2; }
BIN=$(realpath "$BIN")
MAX_EXAMPLES=${MAX_EXAMPLES:-25}
WORK=$(mktemp -d /tmp/cttech-fuzz.XXXXXX)   # also schemathesis' cwd: its .hypothesis/.schemathesis caches land here
REPORT_DIR=$(realpath -m "${REPORT_DIR:-$WORK/reports}")

# schemathesis 4.x (its CLI differs from 3.x): use the one on PATH or a venv.
ST=schemathesis
if ! "$ST" --version 2>/dev/null | grep -q 'version 4\.'; then
  VENV=${FUZZ_VENV:-/tmp/cttech-fuzz-venv}
  [[ -x $VENV/bin/schemathesis ]] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q 'schemathesis>=4,<5'; }
  ST=$VENV/bin/schemathesis
fi
"$ST" --version

SERVER_PID=
stop_server() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; }
trap 'stop_server; rm -rf "$WORK/db"' EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# fuzz EMAIL NAME: one fresh server + database, one token, one schemathesis run.
fuzz() {
  local email=$1 name=$2 db=$WORK/db/$2.sqlite port base auth look token sid aid rc=0
  mkdir -p "$WORK/db"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  "$BIN" serve --demo --port "$port" --database "$db" >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do curl -sf -o /dev/null "$base/api/openapi.yaml" && break; sleep 0.5; done
  curl -sf -o /dev/null "$base/api/openapi.yaml" || { echo "server did not start; see $WORK/server-$name.log" >&2; stop_server; return 2; }

  token=$("$BIN" token create --user "$email" --label api-fuzz --days 1 --database "$db")
  auth="Authorization: Bearer $token"
  # Look the ids up as the focal point: administrators get 403 on assessment data.
  look="Authorization: Bearer $("$BIN" token create --user focal@demo.cttech.example --label api-fuzz-lookup --days 1 --database "$db")"
  sid=$(curl -sf -H "$look" "$base/api/v1/states" | json '[s["id"] for s in d if s["code"]=="VLD"][0]')
  aid=$(curl -sf -H "$look" "$base/api/v1/states/$sid/assessments" | json 'd[0]["id"]')
  [[ -n $token && -n $sid && -n $aid ]] || { echo "could not set up $name" >&2; stop_server; return 2; }
  cat >"$WORK/$name.toml" <<EOF
[parameters]
"path.stateId" = "$sid"
"path.assessmentId" = "$aid"
EOF

  echo "=== $name ($email) on $base"
  (cd "$WORK" && "$ST" --config-file "$WORK/$name.toml" run "$base/api/openapi.yaml" --url "$base/api/v1" \
    -H "$auth" --checks all --max-examples "$MAX_EXAMPLES" ${SEED:+--seed "$SEED"} \
    --request-timeout 10 ${ST_EXTRA_ARGS:-} --no-color --report junit,ndjson --report-dir "$REPORT_DIR/$name") || rc=$?

  # The fuzzer may deactivate or strip its own account; say so, as later failures then mean little.
  curl -sf -o /dev/null -H "$auth" "$base/api/v1/me" || echo "WARNING: $name token no longer works after the run" >&2
  stop_server
  return $rc
}

status=0
fuzz admin@demo.cttech.example admin || status=1
fuzz focal@demo.cttech.example focal || status=1
echo "reports and server logs: $WORK (reports in $REPORT_DIR)"
exit $status
