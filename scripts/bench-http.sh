#!/usr/bin/env bash
# Load test of a release build on loopback (bounded: two wrk runs of DURATION seconds each).
# Reports start-up time to the first response, idle RSS, and requests/s with p99 latency of a logged-in page
# against /healthz on the same run. Usage: scripts/bench-http.sh [DURATION_SECONDS] (default 20).
# CTTECH_BIN=/path/to/cttech benchmarks that binary instead of building this checkout (before/after comparisons: copy a
# release binary together with the cttech_*.resources folders beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT=18480
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
if [ -n "${CTTECH_BIN:-}" ]; then
    BIN="$CTTECH_BIN"
else
    swift build -c release --product cttech >/dev/null 2>&1
    BIN="$(swift build -c release --show-bin-path)/cttech"
fi
WORK="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

export CTTECH_DATABASE_URL="$WORK/bench.sqlite" CTTECH_LOG_LEVEL=warning
"$BIN" migrate >/dev/null
start=$(date +%s%N)
"$BIN" serve --port "$PORT" --demo >"$WORK/serve.log" 2>&1 &
PID=$!
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.005; done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 1
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")

jar="$WORK/jar"
csrf="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=focal@demo.cttech.example" \
    --data-urlencode "password=demo-password-2024" "http://127.0.0.1:$PORT/login"
cookie="cttech_session=$(awk '$6 == "cttech_session" {print $7}' "$jar")"
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT/home" | grep -q "Republic of Valdoria" || { echo "login failed"; exit 1; }

run() { # run NAME PATH [HEADER]
    local out; out="$WORK/$(echo "$1" | tr -c "a-zA-Z0-9\n" "_").txt"
    if [ -n "${3:-}" ]; then wrk -t2 -c16 -d"${DURATION}s" --latency -H "$3" "http://127.0.0.1:$PORT$2" >"$out"; else wrk -t2 -c16 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$2" >"$out"; fi
    local rps p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $4}' "$out")
    printf "%-28s %10s req/s   p99 %-9s %s\n" "$1 ($2)" "$rps" "$p99" "${non2xx:+non-2xx: $non2xx}"
}

echo "cttech HTTP benchmark: release build, SQLite, wrk -t2 -c16 -d${DURATION}s --latency on loopback, $(nproc) cores"
echo "start-up to first response: ${startup_ms} ms (demo seeding included)"
echo "idle RSS after start-up:     $((rss_kb / 1024)) MiB"
run "healthz" "/healthz"
run "home page (logged in)" "/home" "Cookie: $cookie"
run "state page (logged in)" "$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT/home" | grep -o '/states/[0-9a-f-]*' | head -1)" "Cookie: $cookie"
run "API /api/v1/states (cookie)" "/api/v1/states" "Cookie: $cookie"
state="$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT/home" | grep -o '/states/[0-9a-f-]*' | head -1)"
assessment="$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT$state/assessments" | grep -o '/assessments/[0-9a-f-]*' | head -1)"
run "register page (demo, 20 risks)" "$state$assessment/register" "Cookie: $cookie"
# The same pages in Arabic (the switcher's cookie; a binary without languages ignores it and answers in English).
run "home page (Arabic)" "/home" "Cookie: $cookie; cttech_lang=ar"
run "register page (Arabic)" "$state$assessment/register" "Cookie: $cookie; cttech_lang=ar"
run "register API (demo, 20 risks)" "/api/v1$state$assessment/register" "Cookie: $cookie"

# The register of 200 risks: 150 scenarios scored by 20 assessors in a revealed round, plus 50 other national risks and
# 60 approved policy responses (residual risk, issue 10), imported through the command line while the server runs. The
# first request computes and caches it.
for n in $(seq 1 20); do
    echo 'a long bench password' | CTTECH_BCRYPT_COST=4 "$BIN" user create --role assessor --state VLD --email "bench$n@demo.cttech.example" --password-stdin >/dev/null
done
python3 scripts/make-register-file.py 150 20 50 'bench{n}@demo.cttech.example' 60 reviewer@demo.cttech.example >"$WORK/register-200.json"
import_start=$(date +%s%N)
big="$("$BIN" import assessment "$WORK/register-200.json" --state VLD | sed 's/.* as assessment //')"
echo "import of 150 scenarios × 20 assessors + 50 other risks + 60 responses ($(( $(stat -c %s "$WORK/register-200.json") / 1024 )) KiB): $(( ($(date +%s%N) - import_start) / 1000000 )) ms"
first_start=$(date +%s%N)
curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$PORT/api/v1$state/assessments/$big/register"
echo "first register request (5,000 Monte Carlo draws over 200 risks with residual risk, then cached): $(( ($(date +%s%N) - first_start) / 1000000 )) ms"
run "register API (200 risks)" "/api/v1$state/assessments/$big/register" "Cookie: $cookie"
run "register page (200 risks)" "$state/assessments/$big/register" "Cookie: $cookie"
echo "RSS after load:              $(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 )) MiB"
