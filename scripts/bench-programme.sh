#!/usr/bin/env bash
# Benchmark of the programme's pages over a large programme (issue 13): 100,000 fictional participants, 2,000 events,
# about 1,000,000 attendance rows (scripts/make-programme-load.py), on SQLite and, with CTTECH_BENCH_POSTGRES_URL set to
# an empty database, on PostgreSQL. Logs in as the demo's programme-wide officer and times each page REPEAT times with
# curl (server side, loopback): prints the median, p90 and largest time in milliseconds. Goal: every dashboard page
# under 200 ms.
# Usage: scripts/bench-programme.sh [REPEAT] (default 15). CTTECH_BIN=/path/to/cttech uses that binary (default: a
# release build of this checkout). PEOPLE and EVENTS override the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${1:-15}"
PORT=18490
if [ -n "${CTTECH_BIN:-}" ]; then
    BIN="$CTTECH_BIN"
else
    swift build -c release --product cttech >/dev/null 2>&1
    BIN="$(swift build -c release --show-bin-path)/cttech"
fi
WORK="$(mktemp -d)"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

serve() { # serve DATABASE_URL
    CTTECH_DATABASE_URL="$1" CTTECH_LOG_LEVEL=warning CTTECH_BCRYPT_COST=4 CTTECH_LOGIN_LIMIT=1000 "$BIN" serve --port "$PORT" --demo >"$WORK/serve.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
    echo "the server did not start"; cat "$WORK/serve.log"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

measure() { # measure LABEL DATABASE_URL KIND TARGET
    echo "== $1"
    serve "$2"; stop                                   # migrate and seed the demo (states, demo programme)
    python3 scripts/make-programme-load.py "$3" "$4" --people "${PEOPLE:-100000}" --events "${EVENTS:-2000}"
    serve "$2"
    local jar="$WORK/jar"; rm -f "$jar"
    local csrf
    csrf="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=officer@demo.cttech.example" \
        --data-urlencode "password=demo-password-2024" "http://127.0.0.1:$PORT/login"
    local cookie="cttech_session=$(awk '$6 == "cttech_session" {print $7}' "$jar")"
    local event
    event="$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT/programme?year=2023" | grep -o '/programme/events/[0-9a-f-]\{36\}' | awk 'NR == 1')"
    for path in /programme/dashboard "/programme/dashboard?year=2022" /programme "/programme?year=2024" /programme/requests /programme/follow-ups "$event"; do
        curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path" # warm
        for _ in $(seq 1 "$REPEAT"); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path"; done \
            | sort -n | awk -v p="$path" '{ v[NR] = $1 * 1000 } END { printf "  %-48s median %6.1f ms  p90 %6.1f ms  max %6.1f ms\n", p, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR] }'
    done
    stop
}

measure "SQLite" "$WORK/bench.sqlite" sqlite "$WORK/bench.sqlite"
if [ -n "${CTTECH_BENCH_POSTGRES_URL:-}" ]; then
    measure "PostgreSQL" "$CTTECH_BENCH_POSTGRES_URL" postgres "$CTTECH_BENCH_POSTGRES_URL"
fi
