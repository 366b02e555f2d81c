#!/usr/bin/env bash
# Checks locally what the Kubernetes HPA relies on: voting-service is correct with several replicas against
# one database. Starts a Kafka broker and TWO voting-service processes on one fresh database
# (chamyeo_voting_replicas), both migrating at once as pods of a Deployment do, then
#   1. one resident sends the same vote 20 times at once, alternately to both instances -> exactly 1 accepted;
#   2. 300 residents vote at once, spread over both instances                           -> all 300 accepted;
#   3. the ballot is closed on both instances at the same moment                        -> one 200, one 409;
#   4. results show 301 voters, and Kafka holds exactly one BallotOpened and one BallotClosed for the ballot
#      (the outbox relays of both instances share one advisory lock).
# Exits non-zero on any deviation. Stops only the processes it started. Needs root for the database set-up
# (deploy/local/setup-postgres.sh) and built jars (./mvnw -B -q install -DskipTests). Ports: 8482, 8582 and
# Kafka 9492 (CHAMYEO_PORT_OFFSET=400 moves them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUN=${CHAMYEO_REPLICAS_DIR:-$ROOT/deploy/k8s/target/replicas}
OFFSET=${CHAMYEO_PORT_OFFSET:-400}
A=$((8082 + OFFSET))
B=$((8182 + OFFSET))
KAFKA_PORT=$((9092 + OFFSET))
KAFKA="localhost:$KAFKA_PORT"
STACK_CP="$ROOT/deploy/stack/target/deploy-stack-1.0.0-SNAPSHOT.jar:$ROOT/deploy/stack/target/lib/*"
JAR="$ROOT/voting-service/target/quarkus-app/quarkus-run.jar"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
[[ -f $JAR && -f ${STACK_CP%%:*} ]] || fail "build first: ./mvnw -B -q install -DskipTests"

rm -rf "$RUN" && mkdir -p "$RUN/kafka"
# A fresh, empty chamyeo_voting_replicas database (UTF-8, ICU ko-KR, btree_gist), as the local stack makes them.
CHAMYEO_DB_SUFFIXES=_replicas CHAMYEO_DB_RESET_SUFFIXES=_replicas bash "$ROOT/deploy/local/setup-postgres.sh" >/dev/null
# A throw-away signing key; tokens are minted below with openssl, as an OIDC issuer would sign them.
mkdir -p "$RUN/keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$RUN/keys/jwt-private.pem" 2>/dev/null
openssl pkey -in "$RUN/keys/jwt-private.pem" -pubout -out "$RUN/keys/jwt-public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwt() { # subject groups-json extra-claims
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://chamyeo.local/dev","sub":"%s","upn":"%s","groups":%s,"iat":%d,"exp":%d%s}' \
    "$1" "$1" "$2" "$now" $((now + 3600)) "$3" | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$RUN/keys/jwt-private.pem" -binary | b64url)"
}
java -Xmx384m -cp "$STACK_CP" kr.chamyeo.platform.kafka.KafkaBroker "$RUN/kafka" "$KAFKA_PORT" $((9093 + OFFSET)) \
  >"$RUN/kafka.log" 2>&1 &
pids+=($!)

start_voting() { # port
  QUARKUS_HTTP_PORT=$1 KAFKA_BOOTSTRAP_SERVERS=$KAFKA \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$RUN/keys/jwt-public.pem" MP_JWT_VERIFY_ISSUER=https://chamyeo.local/dev \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:${CHAMYEO_DB_PORT:-5432}/chamyeo_voting_replicas" \
    QUARKUS_DATASOURCE_PASSWORD="${CHAMYEO_DB_PASSWORD:-chamyeo}" QUARKUS_FLYWAY_PASSWORD="${CHAMYEO_DB_PASSWORD:-chamyeo}" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S \
    CHAMYEO_VOTING_ROLL_SECRET=replica-check-roll-secret-at-least-32-characters \
    java ${JAVA_OPTS:--Xmx384m} -jar "$JAR" >"$RUN/voting-$1.log" 2>&1 &
  pids+=($!)
}
# Both start together: their Flyway runs race for the same schema, as pods of one Deployment do.
start_voting $A
start_voting $B
for port in $A $B; do
  for _ in $(seq 1 360); do curl -fsS "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://localhost:$port/q/health/ready" >/dev/null || fail "voting-service on :$port not ready (see $RUN/voting-$port.log)"
done
echo "two voting-service instances: :$A and :$B, one database (chamyeo_voting_replicas)"

WORK="$RUN"
officer=$(jwt officer-11545 '["OFFICER"]' ',"district":"11545"')
for i in $(seq 0 300); do
  jwt "replica-voter-$i" '["RESIDENT"]' ',"district":"11545","dong":"독산1동","birth_year":1985,"sex":"F"'
done >"$WORK/tokens"
now=$(date -u +%s)
opens=$(date -u -d "@$((now - 5))" +%Y-%m-%dT%H:%M:%SZ)
closes=$(date -u -d "@$((now + 3600))" +%Y-%m-%dT%H:%M:%SZ)
spec='{"title":"복제본 검사 투표","description":"two replicas","ownerDistrict":"11545","ownerDong":null,
 "eligibility":{"districts":["11545"],"dongs":[],"minAge":null,"maxAge":null,"requiredRole":null},
 "opensAt":"'$opens'","closesAt":"'$closes'",
 "options":[{"key":"p-1","label":"독산동 어린이 놀이터 개선","cost":50000000},{"key":"p-2","label":"가산동 공원 조명","cost":120000000}],
 "rule":{"type":"APPROVAL","minChoices":1,"maxChoices":2,"budgetLimit":null},"liveResults":false}'
ballot=$(curl -fsS -H "Authorization: Bearer $officer" -H 'Content-Type: application/json' -d "$spec" \
  "http://localhost:$A/api/v1/voting/ballots" | jq -r .id)
[[ $ballot =~ ^[0-9a-f-]{36}$ ]] || fail "ballot not created"
echo "ballot $ballot"

vote() { # port token -> HTTP status
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d '{"choices":["p-1"]}' "http://localhost:$1/api/v1/voting/ballots/$ballot/votes"
}
export -f vote; export ballot

same=$(head -1 "$WORK/tokens")
for i in $(seq 1 20); do echo "$([[ $((i % 2)) == 0 ]] && echo $A || echo $B) $same"; done \
  | xargs -P 20 -n 2 bash -c 'vote "$0" "$1"' | sort | uniq -c >"$WORK/same-voter"
cat "$WORK/same-voter"
[[ $(awk '$2 == 201 {print $1}' "$WORK/same-voter") == 1 ]] || fail "same voter: expected exactly one 201"
[[ $(awk '$2 == 409 {print $1}' "$WORK/same-voter") == 19 ]] || fail "same voter: expected 19 x 409"

tail -n +2 "$WORK/tokens" | awk -v a=$A -v b=$B '{print (NR % 2 ? a : b), $0}' \
  | xargs -P 16 -n 2 bash -c 'vote "$0" "$1"' | sort | uniq -c >"$WORK/many-voters"
cat "$WORK/many-voters"
[[ $(awk '$2 == 201 {print $1}' "$WORK/many-voters") == 300 ]] || fail "300 distinct voters: expected 300 x 201"

close() { curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $officer" \
  -H 'Content-Type: application/json' -d '{"reason":"replica check: closing early on both replicas"}' \
  "http://localhost:$1/api/v1/voting/ballots/$ballot/close"; }
{ close $A & close $B & wait; } | sort >"$WORK/close"
cat "$WORK/close" | tr '\n' ' '; echo
[[ $(tr '\n' ' ' <"$WORK/close") == "200 409 " ]] || fail "closing at once on both: expected one 200 and one 409"

voters=$(curl -fsS "http://localhost:$B/api/v1/voting/ballots/$ballot/results" | jq -r .voters)
[[ $voters == 301 ]] || fail "results: expected 301 voters, got $voters"
sleep 3  # let the outbox relay publish
count() { java -cp "$STACK_CP" "$ROOT/deploy/k8s/replicas/CountEvents.java" "$KAFKA" voting.ballots "$ballot" "$1" 2>>"$RUN/count-events.log"; }
opened=$(count BallotOpened)
closed=$(count BallotClosed)
[[ $opened == 1 ]] || fail "Kafka: expected one BallotOpened for $ballot, found $opened"
[[ $closed == 1 ]] || fail "Kafka: expected one BallotClosed for $ballot, found $closed"
echo "OK: 1 of 20 duplicate votes accepted, 300/300 distinct votes accepted over two instances, one closing, 301 voters, one BallotOpened and one BallotClosed on Kafka"
