#!/usr/bin/env bash
# One scoring round end to end in headless Chromium with axe-core on every page (scripts/browser-round.py), then the
# product in Arabic and Chinese (scripts/language-walk.py), the policy responses (scripts/policy-walk.py), steps 7–8
# (scripts/capability-walk.py), the live sessions (scripts/live-walk.py), the programme (scripts/programme-walk.py) and
# the good practices shared between partner states (scripts/practice-walk.py), against a
# fresh demo server on a temporary SQLite database. Installs Debian's chromium and chromium-driver, and selenium and
# axe-selenium-python from PyPI, when they are missing. Does not build: pass the binary, or build it first.
# Usage: scripts/browser-round.sh [BINARY]   (default .build/debug/cttech)
#   PORT=8300       port for the server (default: a free one)
#   SHOTS=/dir      screenshots (default /tmp/cttech-round-shots)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/cttech}"
[ -x "$BIN" ] || { echo "browser-round: no executable at $BIN (build it first, or pass the binary)" >&2; exit 2; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! python3 -c "import selenium, axe_selenium_python" >/dev/null 2>&1; then
    echo "installing selenium and axe-selenium-python"
    python3 -m pip install -q --break-system-packages selenium axe-selenium-python
fi

PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
WORK="$(mktemp -d)"
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Fast password hashing for the demo accounts; only warnings in the log.
# One browser on one address logs the demo accounts in some twenty times within five minutes: raise the per-account limit.
CTTECH_LOGIN_LIMIT="${CTTECH_LOGIN_LIMIT:-60}" CTTECH_BCRYPT_COST="${CTTECH_BCRYPT_COST:-4}" CTTECH_LOG_LEVEL="${CTTECH_LOG_LEVEL:-warning}" \
    "$BIN" serve --demo --port "$PORT" --database "$WORK/round.sqlite" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    kill -0 "$SERVER" 2>/dev/null || { echo "browser-round: the server stopped while starting:" >&2; tail -20 "$WORK/serve.log" >&2; exit 2; }
    sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "browser-round: no answer on /healthz after 30 s:" >&2; tail -20 "$WORK/serve.log" >&2; exit 2; }
echo "demo server $BIN on port $PORT (pid $SERVER)"

status=0
python3 scripts/browser-round.py "http://127.0.0.1:$PORT" || status=$?
# The same demo in Arabic (right to left) and Chinese, with axe on every page (issue 9).
python3 scripts/language-walk.py "http://127.0.0.1:$PORT" || status=$?
# Steps 5–6: a response designed, reviewed, overridden and approved; residual risk, options, portfolio (issue 10).
python3 scripts/policy-walk.py "http://127.0.0.1:$PORT" || status=$?
# Steps 7–8: self-assessment with evidence, validation, targets, the roadmap and the adoption gate (issue 11).
python3 scripts/capability-walk.py "http://127.0.0.1:$PORT" || status=$?
python3 scripts/live-walk.py "http://127.0.0.1:$PORT" || status=$?
# The programme: events, participant lists, requests, follow-ups, duplicates, dashboards (issue 13).
python3 scripts/programme-walk.py "http://127.0.0.1:$PORT" || status=$?
# Good practices shared between partner states: comments, refusals, withdrawal (issue 13).
python3 scripts/practice-walk.py "http://127.0.0.1:$PORT" || status=$?
if [ "$status" -ne 0 ] && grep -q '"level":"\(error\|critical\)"' "$WORK/serve.log"; then
    echo "server errors during the run:"
    grep '"level":"\(error\|critical\)"' "$WORK/serve.log" | tail -10
fi
exit "$status"
