#!/usr/bin/env bash
# api-fuzz.sh — fuzz the REST API with schemathesis (`--checks all`).
#
# Usage: scripts/api-fuzz.sh [BINARY]          (default .build/debug/cttech)
#
# For each of three accounts — the demo administrator, the demo focal point and the
# demo programme officer with the personal-data right —
# the script starts `cttech serve --demo` on a fresh temporary SQLite database
# and a free port (fresh, because the admin run withdraws grants, deactivates
# users and changes assessments), creates an API token with `cttech token
# create` (safe while the server runs), and runs schemathesis against the served
# spec (/api/openapi.yaml). Path parameters stateId/assessmentId are pinned to
# the demo Valdoria assessment and sessionId to its finished live workshop (whose
# revealed rounds fill the results document) so the fuzzer gets past 404; other
# ids are taken from responses. Exits non-zero if any run reported a failure.
#
# Every check runs (`--checks all`); what a check cannot fairly ask of this API
# is narrowed per operation or per phase in the generated config (write_config
# below), each with its reason. CI (.ci/run) runs it after the tests with the
# defaults: a fixed seed and a bounded number of examples, so that a run is
# repeatable and takes a minute or two.
#
# Environment: MAX_EXAMPLES (default 25 per operation), SEED (default 1),
# ST_EXTRA_ARGS (more schemathesis flags), SCHEMATHESIS (a schemathesis 4
# executable to use instead of the pinned one), FUZZ_VENV (default
# /tmp/cttech-fuzz-venv: where the pinned schemathesis is installed from PyPI),
# REPORT_DIR (default: a temp dir; junit + ndjson reports per run).
set -euo pipefail

BIN=${1:-.build/debug/cttech}
[[ -x $BIN ]] || { echo "no executable at $BIN" >&2; exit 2; }
BIN=$(realpath "$BIN")
MAX_EXAMPLES=${MAX_EXAMPLES:-25}
SEED=${SEED:-1}
WORK=$(mktemp -d /tmp/cttech-fuzz.XXXXXX)   # also schemathesis' cwd: its .hypothesis/.schemathesis caches land here
REPORT_DIR=$(realpath -m "${REPORT_DIR:-$WORK/reports}")
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

# One pinned schemathesis (its checks and data generation change between releases), in a venv, from PyPI.
ST_VERSION=4.32.5
ST=${SCHEMATHESIS:-}
if [[ -z $ST ]]; then
  VENV=${FUZZ_VENV:-/tmp/cttech-fuzz-venv}
  if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qF "version $ST_VERSION"; then
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      # Debian's own python3 has venv (ensurepip) in a separate package.
      rm -rf "$VENV"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$ST_VERSION"
  fi
  ST=$VENV/bin/schemathesis
fi
"$ST" --version

SERVER_PID=
stop_server() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; }
trap 'stop_server; rm -rf "$WORK/db"' EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# write_config STATE_ID ASSESSMENT_ID SESSION_ID: the schemathesis config of one run. Every check stays on for every
# operation; the settings below narrow only what a check cannot fairly ask of this API, each with its reason.
write_config() {
  cat <<EOF
[parameters]
"path.stateId" = "$1"
"path.assessmentId" = "$2"
"path.sessionId" = "$3"

# unsupported_method: every /api/v1 path answers the routed methods it does not declare (GET, PUT, POST, DELETE) with
# 405 and its own Allow, and TRACE, PATCH, QUERY... with 405 before routing. OPTIONS is left out of the probes: it gets
# that same early 405, whose Allow lists the methods of the whole server (GET, HEAD, POST, PUT, DELETE), not those of
# the path, which allow_header_conformance (ST205) would report on every path.
[phases.coverage]
unexpected-methods = ["get", "put", "post", "delete", "patch", "trace", "query"]

# positive_data_acceptance: these operations also refuse, with 400 naming the field, schema-valid bodies that break a
# rule no schema can state, so 400 is an expected answer to valid-looking data here (and only here):
#   createState, updateState: the code is already taken by another state;
#   createUser, updateUser: the e-mail is already taken; a role for one state needs a partner state that exists, an
#     administrator takes none; an administrator cannot deactivate their own account;
#   createGrant: the same grant exists already ("is already taken"); a programme-wide role with a state; a role for
#     one state without one; the state must exist;
#   setScanEntry, createScenario: technology, actor type and purpose codes come from the method's reference lists;
#   createEvidence: ref names a scenario of the assessment or a technology code of the method;
#   createOtherRisk, updateOtherRisk, submitScore: low <= best <= high; a score needs all seven impact dimensions;
#   setRaci: agencies of this assessment, exactly one accountable agency per activity;
#   importAssessment: the body is a whole import file, checked against docs/import-format.md, not this schema;
#   createResponse, updateResponse: the method's response types, the state's risks and agencies, low <= best <= high;
#   reviewResponse, overrideReview: the method's checks, the version read, a justification of at least a sentence;
#   addIndicator, recordActual: the target in the better direction and after the baseline, days the month has, no future date.
#   openCapabilityAssessment: area codes of the framework, the state's agencies, assessments and threat assessments, a
#     calendar date, at least one area for a self-assessment, the self-assessment a validated one validates;
#   answerCapabilityArea, setCapabilityTargets, proposeCapabilityTargets: criteria of the assessment's framework version
#     for that area, its enablers, evidence of the assessment, targets not below the level reached, the version read;
#   addCapabilityEvidence: days the month has;
#   createRoadmapItem, updateRoadmapItem, moveRoadmapItem, reviewRoadmapItem: the framework's areas and enablers, the
#     method's technologies (an adoption names one), the state's agencies and items, no prerequisite cycle, the moves
#     the status allows, an adoption approved only after its review, the method's checks, the version read.
#   createProgrammeEvent, addAgendaSession: states the officer manages (one for a national workshop or follow-up
#     visit), days the month has, the end not before the start and within 31 days, a session on one of the event's days,
#     knowledge products that exist;
#   importParticipants: the body carries a whole CSV file, checked line by line as docs/method.md says, not by this schema;
#     consent dates that exist; recordAttendance: days the month has;
#   createAssistanceRequest, createRecommendation: the officer's states and their events, the method's technology
#     codes, dates that exist and are not in the future, at least one action item; moveAssistanceRequest: the moves the
#     status allows, a reason to decline; recordActionItem: evidence to mark an item done;
#   createKnowledgeProduct: language and technology codes, an https link; linkEventWork: work of the event's states
#     that the caller's own grants open, linked once, a baseline or follow-up only at a follow-up visit;
#   sharePractice: partner states and regions that exist, recipients only for a share with chosen states.
# Any other answer to valid data must still be 2xx, 3xx, 401, 403, 404, 409 or 429, and every other check runs.
[[operations]]
include-operation-id = ["createState", "updateState", "createUser", "updateUser", "createGrant", "setScanEntry", "createScenario", "createEvidence", "createOtherRisk", "updateOtherRisk", "submitScore", "setRaci", "importAssessment", "createResponse", "updateResponse", "reviewResponse", "overrideReview", "addIndicator", "recordActual", "openCapabilityAssessment", "answerCapabilityArea", "addCapabilityEvidence", "setCapabilityTargets", "proposeCapabilityTargets", "createRoadmapItem", "updateRoadmapItem", "moveRoadmapItem", "reviewRoadmapItem", "createProgrammeEvent", "addAgendaSession", "importParticipants", "recordAttendance", "createAssistanceRequest", "createRecommendation", "moveAssistanceRequest", "recordActionItem", "createKnowledgeProduct", "linkEventWork", "sharePractice"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", 400, 401, 403, 404, 409, 429]
EOF
}

# write_hooks: a schemathesis hook that drops one kind of negative_data_rejection (ST201) failure and nothing else.
# An optional field sent as null is read as absent, and openapi.yaml says so with `type: [..., "null"]` wherever
# swift-openapi-generator keeps the same Swift type. For optional fields that refer to a schema of their own it cannot:
# an `anyOf` with null makes it drop the property. They are defaultTlp of createState, role of createUser, tlp of
# createAssessment, and in steps 7–8 the timeframe, cost, funding and readiness profile of a roadmap item, the
# feasibility of an area's targets and the confidence of an answer ("answers.*.confidence": in every answer of the list).
# So a body whose only fault is null in those fields is accepted as if they were absent; the hook drops that failure
# when the body, without those nulls, satisfies its schema. Any other fault in the same body still fails the run.
write_hooks() {
  cat <<'EOF'
import schemathesis
from schemathesis.core.jsonschema import make_validator

ROADMAP_ITEM = {"timeframe", "cost", "funding", "readiness"}
NULL_MEANS_ABSENT = {
    "createState": {"defaultTlp"}, "createUser": {"role"}, "createAssessment": {"tlp"},
    "createRoadmapItem": ROADMAP_ITEM, "updateRoadmapItem": ROADMAP_ITEM, "setCapabilityTargets": {"feasibility"},
    "answerCapabilityArea": {"answers.*.confidence"},
}


def without_nulls(value, path):
    """`value` with null removed at `path` (a key, or `list.*.key` for that key in every object of a list), and whether
    there was any."""
    head, _, rest = path.partition(".")
    if not isinstance(value, dict) or head not in value:
        return value, False
    if not rest:
        if value[head] is None:
            return {k: v for k, v in value.items() if k != head}, True
        return value, False
    items = value[head]
    if rest.startswith("*.") and isinstance(items, list):
        found = False
        cleaned = []
        for item in items:
            item, was = without_nulls(item, rest[2:])
            cleaned.append(item)
            found = found or was
        return {**value, head: cleaned}, found
    return value, False


@schemathesis.hook
def filter_failure(context, failure, case, response):
    paths = NULL_MEANS_ABSENT.get(case.operation.definition.raw.get("operationId"), set())
    body = case.body
    if failure.code != "ST201" or not isinstance(body, dict):
        return True
    rest, found = body, False
    for path in paths:
        rest, was = without_nulls(rest, path)
        found = found or was
    if not found:
        return True
    try:
        alternative = case.operation.get_body_for_media_type("application/json")
        validator = make_validator(alternative.optimized_schema, case.operation.schema.adapter.jsonschema_validator_cls)
        return not validator.is_valid(rest)
    except Exception:
        return True  # cannot tell: keep the failure
EOF
}

# fuzz EMAIL NAME: one fresh server + database, one token, one schemathesis run.
fuzz() {
  local email=$1 name=$2 db=$WORK/db/$2.sqlite port base auth look token sid aid lid rc=0
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
  lid=$(curl -sf -H "$look" "$base/api/v1/states/$sid/live-sessions" | json '[s["id"] for s in d if s["status"]=="ended"][0]')
  [[ -n $token && -n $sid && -n $aid && -n $lid ]] || { echo "could not set up $name" >&2; stop_server; return 2; }
  write_config "$sid" "$aid" "$lid" >"$WORK/$name.toml"
  write_hooks >"$WORK/hooks.py"

  echo "=== $name ($email) on $base"
  # A 60 s limit, not 10: one CI run saw a single request wait 30.1 s (the SQLite pool's connection timeout) while the
  # fuzzer kept the debug server's register recomputations busy; it did not reproduce. Recorded as an open problem in
  # the issue 8 closing note, to be fixed in the server, not hidden here for good.
  (cd "$WORK" && SCHEMATHESIS_HOOKS="$WORK/hooks.py" "$ST" --config-file "$WORK/$name.toml" run "$base/api/openapi.yaml" --url "$base/api/v1" \
    -H "$auth" --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
    --request-timeout 60 ${ST_EXTRA_ARGS:-} --no-color --report junit,ndjson --report-dir "$REPORT_DIR/$name") || rc=$?

  # The fuzzer may deactivate or strip its own account; say so, as later failures then mean little.
  curl -sf -o /dev/null -H "$auth" "$base/api/v1/me" || echo "WARNING: $name token no longer works after the run" >&2
  stop_server
  return $rc
}

status=0
fuzz admin@demo.cttech.example admin || status=1
fuzz focal@demo.cttech.example focal || status=1
# The programme (issue 13): an officer who also holds the personal-data right, so its participant operations are reached.
fuzz privacy@demo.cttech.example programme || status=1
echo "reports and server logs: $WORK (reports in $REPORT_DIR)"
exit $status
