#!/usr/bin/env bash
# A/B load test of two release binaries of cttech (e.g. before and after a change), interleaved so that machine drift
# hits both alike: the demo register over the API and as the page, and the home page, 3 × 10 s each with wrk on loopback.
# Usage: scripts/bench-ab.sh BEFORE_BINARY AFTER_BINARY   (build each with `swift build -c release` in its checkout)
set -e
BEFORE="${1:?before binary}"
AFTER="${2:?after binary}"
W=$(mktemp -d)
start() { # bin port
  CTTECH_DATABASE_URL="$W/$2.sqlite" CTTECH_LOG_LEVEL=warning "$1" serve --port "$2" --demo >"$W/$2.log" 2>&1 &
  until curl -fs "http://127.0.0.1:$2/healthz" >/dev/null 2>&1; do sleep 0.05; done
}
cookie() { # port
  jar="$W/jar$1"
  csrf="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$1/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=focal@demo.cttech.example" --data-urlencode "password=demo-password-2024" "http://127.0.0.1:$1/login"
  echo "cttech_session=$(awk '$6 == "cttech_session" {print $7}' "$jar")"
}
start "$BEFORE" 18501; start "$AFTER" 18502
for p in 18501 18502; do
  c=$(cookie $p); eval "C$p='$c'"
  state=$(curl -fs -H "Cookie: $c" "http://127.0.0.1:$p/api/v1/states" | python3 -c "import json,sys; print([s['id'] for s in json.load(sys.stdin) if s['code']=='VLD'][0])")
  a=$(curl -fs -H "Cookie: $c" "http://127.0.0.1:$p/api/v1/states/$state/assessments" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
  eval "U$p='/api/v1/states/$state/assessments/$a/register'"; eval "P$p='/states/$state/assessments/$a/register'"
done
for i in 1 2 3; do for p in 18501 18502; do
  c=$(eval echo \$C$p); u=$(eval echo \$U$p); pg=$(eval echo \$P$p)
  api=$(wrk -t2 -c16 -d10s -H "Cookie: $c" "http://127.0.0.1:$p$u" | awk '/Requests\/sec/ {print $2}')
  page=$(wrk -t2 -c16 -d10s -H "Cookie: $c" "http://127.0.0.1:$p$pg" | awk '/Requests\/sec/ {print $2}')
  home=$(wrk -t2 -c16 -d10s -H "Cookie: $c" "http://127.0.0.1:$p/home" | awk '/Requests\/sec/ {print $2}')
  echo "run $i port $p ($([ $p = 18501 ] && echo before || echo after)): register API $api req/s, register page $page req/s, home page $home req/s"
done; done
kill %1 %2 2>/dev/null || true
rm -rf "$W"
