#!/usr/bin/env bash
# Checks locally what the Kubernetes manifests promise about a Kafka outage (README, "Kafka is not part of
# readiness"). Starts a Kafka broker and two voting-service processes on one fresh database
# (chamyeo_voting_outage):
#   A reads base/services-config/services.properties as the pods do (QUARKUS_CONFIG_LOCATIONS), B does not;
#   1. A's readiness checks the database but not Kafka; B's still checks Kafka (the switch is what matters);
#   2. the broker is killed: A stays ready (200) while B turns not ready (503); through A a ballot is opened
#      and 20 residents vote (all 201), and the events wait in the outbox (chamyeo_outbox_pending > 0);
#   3. the broker is started again on its data: the outbox drains to 0 and Kafka holds the ballot's
#      BallotOpened exactly once.
# Exits non-zero on any deviation. Stops only the processes it started. Needs root for the database set-up
# (deploy/local/setup-postgres.sh) and built jars (./mvnw -B -q install -DskipTests). Ports: 8782, 8882 and
# Kafka 9792 (CHAMYEO_PORT_OFFSET=700 moves them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUN=${CHAMYEO_OUTAGE_DIR:-$ROOT/deploy/k8s/target/kafka-outage}
OFFSET=${CHAMYEO_PORT_OFFSET:-700}
A=$((8082 + OFFSET))
B=$((8182 + OFFSET))
KAFKA_PORT=$((9092 + OFFSET))
KAFKA="localhost:$KAFKA_PORT"
STACK_CP="$ROOT/deploy/stack/target/deploy-stack-1.0.0-SNAPSHOT.jar:$ROOT/deploy/stack/target/lib/*"
APP="$ROOT/voting-service/target/quarkus-app"
OVERRIDES="$ROOT/deploy/k8s/base/services-config/services.properties"
pids=()
kafka_pid=

cleanup() {
  for pid in "${pids[@]}" $kafka_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}" $kafka_pid; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
[[ -f $APP/quarkus-run.jar && -f ${STACK_CP%%:*} ]] || fail "build first: ./mvnw -B -q install -DskipTests"

rm -rf "$RUN" && mkdir -p "$RUN/kafka"
# A copy of the built app, so a rebuild running meanwhile cannot change the jars under the processes.
cp -r "$APP" "$RUN/app"
CHAMYEO_DB_SUFFIXES=_outage CHAMYEO_DB_RESET_SUFFIXES=_outage bash "$ROOT/deploy/local/setup-postgres.sh" >/dev/null
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
start_kafka() {
  java -Xmx384m -cp "$STACK_CP" kr.chamyeo.platform.kafka.KafkaBroker "$RUN/kafka" "$KAFKA_PORT" $((9093 + OFFSET)) \
    >>"$RUN/kafka.log" 2>&1 &
  kafka_pid=$!
}
start_voting() { # port extra-env...
  local port=$1; shift
  env "$@" QUARKUS_HTTP_PORT=$port KAFKA_BOOTSTRAP_SERVERS=$KAFKA \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$RUN/keys/jwt-public.pem" MP_JWT_VERIFY_ISSUER=https://chamyeo.local/dev \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:${CHAMYEO_DB_PORT:-5432}/chamyeo_voting_outage" \
    QUARKUS_DATASOURCE_PASSWORD="${CHAMYEO_DB_PASSWORD:-chamyeo}" QUARKUS_FLYWAY_PASSWORD="${CHAMYEO_DB_PASSWORD:-chamyeo}" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S \
    CHAMYEO_VOTING_ROLL_SECRET=outage-check-roll-secret-at-least-32-characters \
    java ${JAVA_OPTS:--Xmx384m} -jar "$RUN/app/quarkus-run.jar" >"$RUN/voting-$port.log" 2>&1 &
  pids+=($!)
}
ready() { curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/q/health/ready"; }
checks() { curl -s "http://localhost:$1/q/health/ready" | jq -r '[.checks[].name] | sort | join(", ")'; }
pending() { curl -fsS "http://localhost:$A/q/metrics" | awk '/^chamyeo_outbox_pending/ {print int($2)}'; }

start_kafka
# A as in Kubernetes; B without the file. Started one after the other: both migrate the same database.
start_voting $A QUARKUS_CONFIG_LOCATIONS="$OVERRIDES"
for _ in $(seq 1 360); do [[ $(ready $A) == 200 ]] && break; sleep 0.5; done
[[ $(ready $A) == 200 ]] || fail "voting-service :$A not ready (see $RUN/voting-$A.log)"
start_voting $B
for _ in $(seq 1 360); do [[ $(ready $B) == 200 ]] && break; sleep 0.5; done
[[ $(ready $B) == 200 ]] || fail "voting-service :$B not ready (see $RUN/voting-$B.log)"
echo "readiness checks with the Kubernetes settings: $(checks $A); without: $(checks $B)"
[[ $(checks $A) != *Kafka* && $(checks $A) == *Database* ]] || fail ":$A readiness should check the database only"
[[ $(checks $B) == *Kafka* ]] || fail ":$B (without the settings) no longer checks Kafka: is the override still needed?"

kill "$kafka_pid"; wait "$kafka_pid" 2>/dev/null || true; kafka_pid=
echo "broker stopped"
for _ in $(seq 1 60); do [[ $(ready $B) == 503 ]] && break; sleep 1; done
[[ $(ready $B) == 503 ]] || fail "without the settings readiness should drop with the broker (got $(ready $B))"
[[ $(ready $A) == 200 ]] || fail "with the Kubernetes settings readiness must not depend on the broker (got $(ready $A))"
echo "while Kafka is down: :$A ready $(ready $A), :$B ready $(ready $B)"

officer=$(jwt officer-11545 '["OFFICER"]' ',"district":"11545"')
now=$(date -u +%s)
spec='{"title":"브로커 장애 중 투표","description":"kafka outage","ownerDistrict":"11545","ownerDong":null,
 "eligibility":{"districts":["11545"],"dongs":[],"minAge":null,"maxAge":null,"requiredRole":null},
 "opensAt":"'$(date -u -d "@$((now - 5))" +%Y-%m-%dT%H:%M:%SZ)'","closesAt":"'$(date -u -d "@$((now + 3600))" +%Y-%m-%dT%H:%M:%SZ)'",
 "options":[{"key":"p-1","label":"독산동 어린이 놀이터 개선","cost":50000000},{"key":"p-2","label":"가산동 공원 조명","cost":120000000}],
 "rule":{"type":"APPROVAL","minChoices":1,"maxChoices":2,"budgetLimit":null},"liveResults":false}'
ballot=$(curl -fsS -H "Authorization: Bearer $officer" -H 'Content-Type: application/json' -d "$spec" \
  "http://localhost:$A/api/v1/voting/ballots" | jq -r .id)
[[ $ballot =~ ^[0-9a-f-]{36}$ ]] || fail "no ballot opened while Kafka is down"
accepted=0
for i in $(seq 1 20); do
  token=$(jwt "outage-voter-$i" '["RESIDENT"]' ',"district":"11545","dong":"독산1동","birth_year":1985,"sex":"F"')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"choices":["p-1"]}' "http://localhost:$A/api/v1/voting/ballots/$ballot/votes")
  [[ $status == 201 ]] && accepted=$((accepted + 1))
done
[[ $accepted == 20 ]] || fail "votes while Kafka is down: $accepted of 20 accepted"
waiting=$(pending)
[[ $waiting -gt 0 ]] || fail "the ballot's events should wait in the outbox, pending is $waiting"
echo "while Kafka is down: ballot $ballot opened, 20/20 votes accepted, $waiting events waiting in the outbox"

start_kafka
echo "broker started again"
for _ in $(seq 1 180); do [[ $(pending) == 0 ]] && break; sleep 1; done
[[ $(pending) == 0 ]] || fail "the outbox did not drain after the broker came back ($(pending) pending)"
opened=$(java -cp "$STACK_CP" "$ROOT/deploy/k8s/replicas/CountEvents.java" "$KAFKA" voting.ballots "$ballot" BallotOpened \
  2>>"$RUN/count-events.log")
[[ $opened == 1 ]] || fail "Kafka: expected one BallotOpened for $ballot, found $opened"
echo "OK: readiness ignores Kafka with the Kubernetes settings, 20/20 votes and a ballot accepted during the outage, outbox drained after it, BallotOpened on Kafka once"
