#!/usr/bin/env bash
# End-to-end check of the command line and the server process, on SQLite and (when CTTECH_CLI_POSTGRES_URL is set)
# PostgreSQL: every command's --help, migrate, user create, token create, audit verify (intact and tampered),
# backup while the server runs, import of the documented example with its policy responses (and refusals: unknown reference,
# a reviewer without the role, 50 MB, unknown state), export of the register as JSON and CSV, export of the assessment in the
# import format and its import again (export → import round trip), graceful shutdown on SIGTERM, and two instances sharing
# sessions through PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product cttech >/dev/null
BIN="$(swift build --show-bin-path)/cttech"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
passed=0
failed=0
check() { # check "description" command...
    local what="$1"; shift
    if "$@" >"$WORK/out" 2>&1; then passed=$((passed + 1)); echo "ok   $what"; else failed=$((failed + 1)); echo "FAIL $what"; sed 's/^/     /' "$WORK/out"; fi
}
refuses() { ! "$@"; }

wait_for() { for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }

for cmd in "" serve migrate "user create" "token create" "token list" "token revoke" "audit verify" backup "import assessment" "export register" "export assessment"; do
    # shellcheck disable=SC2086
    check "cttech $cmd --help" "$BIN" $cmd --help
done

run_suite() { # run_suite NAME DATABASE_URL TAMPER_COMMAND PORT
    local name="$1" db="$2" tamper="$3" port="$4"
    export CTTECH_DATABASE_URL="$db" CTTECH_BCRYPT_COST=4 CTTECH_LOG_LEVEL=warning
    check "$name: migrate" "$BIN" migrate
    check "$name: migrate again is a no-op" "$BIN" migrate
    check "$name: create the first administrator" bash -c "echo 'a long admin password' | '$BIN' user create --admin --email admin@example.org --name 'Админ' --password-stdin"
    check "$name: duplicate e-mail is refused" refuses bash -c "echo 'a long admin password' | '$BIN' user create --admin --email ADMIN@example.org --password-stdin"
    check "$name: short password is refused" refuses bash -c "echo 'short' | '$BIN' user create --role assessor --email a@example.org --password-stdin"
    check "$name: unknown role is refused" refuses bash -c "echo 'a long enough pass' | '$BIN' user create --role emperor --email e@example.org --password-stdin"
    check "$name: unknown state is refused" refuses bash -c "echo 'a long enough pass' | '$BIN' user create --role assessor --state XXX --email s@example.org --password-stdin"
    local token
    token="$("$BIN" token create --user admin@example.org --label smoke)"
    check "$name: token create prints a token" test "${token:0:4}" = "ctt_"
    check "$name: token for an unknown user is refused" refuses "$BIN" token create --user nobody@example.org
    check "$name: a token that never expires cannot be made (--days=-30, 0 or 366)" \
        bash -c "! '$BIN' token create --user admin@example.org --days=-30 && ! '$BIN' token create --user admin@example.org --days 0 && ! '$BIN' token create --user admin@example.org --days 366"
    check "$name: audit verify on an intact log" "$BIN" audit verify

    "$BIN" serve --port "$port" >"$WORK/$name-serve.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    check "$name: server answers /healthz" wait_for "$port"
    check "$name: bearer token works on the API" bash -c "curl -fs -H 'Authorization: Bearer $token' http://127.0.0.1:$port/api/v1/me | grep -q admin@example.org"
    check "$name: backup while the server runs" "$BIN" backup --to "$WORK/$name-backup"
    check "$name: backup refuses to overwrite" refuses "$BIN" backup --to "$WORK/$name-backup"

    # Import and export: a fictional state through the API, its assessors through the CLI, the documented example file.
    curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"code":"VLD","name":"Republic of Valdoria","region":"other"}' "http://127.0.0.1:$port/api/v1/states"
    for who in assessor analyst2 analyst3; do
        echo 'a long assessor password' | "$BIN" user create --role assessor --state VLD --email "$who@demo.cttech.example" --password-stdin >/dev/null
    done
    # the example's responses are reviewed by this account
    echo 'a long reviewer password' | "$BIN" user create --role reviewer --state VLD --email reviewer@demo.cttech.example --password-stdin >/dev/null
    echo 'a long assessor password' | "$BIN" user create --role assessor --state VLD --email assessor@demo.cttech.example --password-stdin \
        >"$WORK/dup.out" 2>&1 && status=0 || status=$?
    check "$name: a second account with the same e-mail is refused with exit 65 and the reason" \
        bash -c "test $status -eq 65 && grep -q 'email: is already taken' '$WORK/dup.out' && ! grep -q 'Usage:' '$WORK/dup.out'"
    sed 's/"T09"/"T77"/' docs/examples/assessment-import.json >"$WORK/bad.json"
    "$BIN" import assessment "$WORK/bad.json" --state VLD >"$WORK/bad.out" 2>&1 && status=0 || status=$?
    check "$name: import of a file with an unknown technology is refused with exit 65 (data error)" test "$status" -eq 65
    check "$name: and without the usage text, which is for command-line mistakes" bash -c "! grep -q 'Usage:' '$WORK/bad.out'"
    check "$name: and says what and that nothing was imported" grep -q "nothing was imported" "$WORK/bad.out"
    check "$name: and names the field" grep -q "scenarios\[0\].technologies: T77 is not a technology" "$WORK/bad.out"
    head -c 50000000 /dev/zero >"$WORK/huge.json"
    "$BIN" import assessment "$WORK/huge.json" --state VLD >"$WORK/huge.out" 2>&1 && status=0 || status=$?
    check "$name: a 50 MB import is refused by size" bash -c "test $status -ne 0 && grep -q 'is 50.0 MB; an import may be at most 16 MB' '$WORK/huge.out'"
    check "$name: import into an unknown state is refused" refuses "$BIN" import assessment docs/examples/assessment-import.json --state XXX
    sed 's/"reviewer": "reviewer@demo.cttech.example"/"reviewer": "assessor@demo.cttech.example"/' docs/examples/assessment-import.json >"$WORK/unreviewed.json"
    "$BIN" import assessment "$WORK/unreviewed.json" --state VLD >"$WORK/unreviewed.out" 2>&1 && status=0 || status=$?
    check "$name: a response reviewed by an account without the reviewer role is refused with exit 65, naming the answer" \
        bash -c "test $status -eq 65 && grep -q 'responses\[0\]\.reviews\[0\]\.reviewer: .assessor@demo.cttech.example. is not an account that may review' '$WORK/unreviewed.out'"
    "$BIN" import assessment docs/examples/assessment-import.json --state VLD >"$WORK/import.out"
    check "$name: import of the documented example" grep -q "^Imported \"Imported example assessment (fictional)\" as assessment " "$WORK/import.out"
    local assessment
    assessment="$(sed 's/.* as assessment //' "$WORK/import.out")"
    check "$name: export register as JSON" bash -c "'$BIN' export register --assessment $assessment --format json | grep -q '\"basisRound\":2'"
    "$BIN" export register --assessment "$assessment" --format csv --out "$WORK/register.csv"
    check "$name: export register as CSV, one row per risk with its marking" bash -c "test \$(grep -c '^AMBER,' '$WORK/register.csv') -eq 5"
    check "$name: export of an unknown assessment is refused" refuses "$BIN" export register --assessment "$(uuidgen 2>/dev/null || echo 00000000-0000-4000-8000-000000000000)"
    check "$name: export in an unknown format is refused" refuses "$BIN" export register --assessment "$assessment" --format xlsx
    # The assessment in the import format, with its two responses; imported again it gives the same register, residual risk included.
    "$BIN" export assessment --assessment "$assessment" --out "$WORK/assessment.json" || true
    check "$name: export assessment writes the import format with the responses, their reviews and indicators" python3 -c "
import json
d = json.load(open('$WORK/assessment.json'))
assert d['format'] == 'cttech.assessment/1' and len(d['scenarios']) == 3, d.keys()
assert sorted((r['status'], len(r['reviews']), len(r['indicators'])) for r in d['responses']) == [('approved', 11, 1), ('under-review', 3, 1)]
"
    "$BIN" import assessment "$WORK/assessment.json" --state VLD >"$WORK/reimport.out" 2>&1 || true
    local again
    again="$(sed 's/.* as assessment //' "$WORK/reimport.out")"
    "$BIN" export register --assessment "$again" --format csv --out "$WORK/register-again.csv" || true
    check "$name: the exported assessment imports again with the same register and residual risk (ids aside)" \
        bash -c "diff <(cut -d, -f6 --complement '$WORK/register.csv' | sort) <(cut -d, -f6 --complement '$WORK/register-again.csv' | sort)"
    "$BIN" export assessment --assessment "$again" --out "$WORK/assessment-again.json" || true
    check "$name: and exports again as the same file, ids aside" python3 -c "
import json
a, b = (json.load(open(f)) for f in ('$WORK/assessment.json', '$WORK/assessment-again.json'))
strip = lambda d: [(r['title'], r['status'], r.get('baselineRound'), [(x['code'], x['status'], x['reviewedAt']) for x in r.get('reviews', [])], r.get('indicators')) for r in d['responses']]
assert strip(a) == strip(b)
assert [s['title'] for s in a['scenarios']] == [s['title'] for s in b['scenarios']]
assert [len(r['scores']) for r in a['rounds']] == [len(r['scores']) for r in b['rounds']]
"
    # Tokens are listed without their secret and revoked for good (issue 8, item 16).
    local doomed doomed_id
    doomed="$("$BIN" token create --user admin@example.org --label doomed --days 7)"
    "$BIN" token list --user admin@example.org >"$WORK/$name-tokens"
    check "$name: token list shows the label, the account and the state, never a token" \
        bash -c "grep -q 'admin@example.org	doomed	' '$WORK/$name-tokens' && grep -q 'live' '$WORK/$name-tokens' && ! grep -q 'ctt_' '$WORK/$name-tokens'"
    doomed_id="$(grep '	doomed	' "$WORK/$name-tokens" | cut -f1)"
    check "$name: the doomed token works before" bash -c "curl -fs -o /dev/null -H 'Authorization: Bearer $doomed' http://127.0.0.1:$port/api/v1/me"
    check "$name: token revoke" "$BIN" token revoke "$doomed_id"
    check "$name: a revoked token is refused at once" \
        bash -c "test \$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $doomed' http://127.0.0.1:$port/api/v1/me) = 401"
    check "$name: and listed as revoked" bash -c "'$BIN' token list | grep '	doomed	' | grep -q 'revoked'"
    check "$name: revoking an unknown id is refused" refuses "$BIN" token revoke 00000000-0000-4000-8000-000000000000
    check "$name: audit verify after the import" "$BIN" audit verify
    kill -TERM "$pid"
    check "$name: graceful shutdown on SIGTERM exits 0" wait "$pid"

    bash -c "$tamper"
    "$BIN" audit verify >"$WORK/verify" 2>&1 && status=0 || status=$?
    check "$name: audit verify exits non-zero after tampering" test "$status" -ne 0
    check "$name: and names the first bad entry" grep -q "BROKEN at entry 1" "$WORK/verify"
    unset CTTECH_DATABASE_URL
}

run_suite sqlite "$WORK/cli.sqlite" "sqlite3 '$WORK/cli.sqlite' \"UPDATE audit_log SET details = '{}' WHERE seq = 1\"" 18411
check "sqlite: the backup is a working database" "$BIN" audit verify --database "$WORK/sqlite-backup"

if [ -n "${CTTECH_CLI_POSTGRES_URL:-}" ]; then
    run_suite postgres "$CTTECH_CLI_POSTGRES_URL" "psql -q '$CTTECH_CLI_POSTGRES_URL' -c \"UPDATE audit_log SET details = '{}' WHERE seq = 1\"" 18412
    # Two instances on one database: log in through one, use the session on the other.
    psql -q "$CTTECH_CLI_POSTGRES_URL" -c "UPDATE audit_log SET details = '{\"email\":\"admin@example.org\"}' WHERE seq = 1" >/dev/null
    export CTTECH_DATABASE_URL="$CTTECH_CLI_POSTGRES_URL" CTTECH_BCRYPT_COST=4 CTTECH_LOG_LEVEL=warning
    "$BIN" serve --port 18413 >"$WORK/a.log" 2>&1 & PIDS+=("$!")
    "$BIN" serve --port 18414 >"$WORK/b.log" 2>&1 & PIDS+=("$!")
    wait_for 18413 && wait_for 18414
    jar="$WORK/jar"
    csrf="$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:18413/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=admin@example.org" \
        --data-urlencode "password=a long admin password" http://127.0.0.1:18413/login
    check "postgres: a session made on instance A works on instance B" bash -c "curl -fs -b '$jar' http://127.0.0.1:18414/home | grep -q 'Your partner states'"
    unset CTTECH_DATABASE_URL
fi

echo "cli-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
