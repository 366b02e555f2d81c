#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL 15 is installed and running, and creates per service one database (plus a
# *_test database for the test suite) and two roles (issue 23): chamyeo_<svc>, the databases' owner, which only
# Flyway uses to migrate, and chamyeo_<svc>_app, which the service connects as: it can read and write rows of its
# own database's tables (Flyway's afterMigrate grants it that), never change their definitions, and cannot connect
# to another service's database. Safe to run again. Run as root on Debian.
#
#   CHAMYEO_DB_PASSWORD   password given to every service role (default: chamyeo — local use only)
#   CHAMYEO_PG_CLUSTER    PostgreSQL 15 cluster to use, created if missing (default: main)
#   CHAMYEO_DB_PORT       its port (default: 5432); the end-to-end tests use their own cluster so that
#                         restarting it in a fault drill disturbs nobody else's databases
set -euo pipefail

PASSWORD="${CHAMYEO_DB_PASSWORD:-chamyeo}"
CLUSTER="${CHAMYEO_PG_CLUSTER:-main}"
PORT="${CHAMYEO_DB_PORT:-5432}"
# Extra database name suffixes to create besides the plain and _test ones (e.g. "_e2e" for end-to-end runs).
read -r -a EXTRA_SUFFIXES <<< "${CHAMYEO_DB_SUFFIXES:-}"
# Suffixes whose databases are dropped and created empty first (end-to-end runs start from nothing). The plain
# databases are never reset this way.
read -r -a RESET_SUFFIXES <<< "${CHAMYEO_DB_RESET_SUFFIXES:-}"
SERVICES=(budget voting community governance platform)

as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

if ! command -v pg_ctlcluster >/dev/null || [[ ! -d /usr/lib/postgresql/15 ]]; then
  echo "Installing PostgreSQL 15 ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
fi
if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$1 == "15" && $2 == c' | grep -q .; then
  if [[ $CLUSTER == main ]]; then pg_createcluster 15 main >/dev/null; else pg_createcluster 15 "$CLUSTER" --port "$PORT" >/dev/null; fi
fi
if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$1 == "15" && $2 == c && $4 == "online"' | grep -q .; then
  pg_ctlcluster 15 "$CLUSTER" start
fi
for _ in $(seq 1 30); do
  as_postgres psql -p "$PORT" -qtAc 'select 1' >/dev/null 2>&1 && break
  sleep 1
done

sql() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtAc "$1"; }

# Korean text is sorted and compared correctly only in a UTF-8 database with a Korean-aware collation;
# ICU's ko-KR collation ships with PostgreSQL itself, so no OS locale is needed.
for svc in "${SERVICES[@]}"; do
  user="chamyeo_${svc}"
  app="chamyeo_${svc}_app"
  for role in "$user" "$app"; do
    if [[ -z $(sql "select 1 from pg_roles where rolname = '${role}'") ]]; then
      sql "create role ${role} login password '${PASSWORD}'"
    else
      sql "alter role ${role} password '${PASSWORD}'"
    fi
  done
  for suffix in "" _test "${EXTRA_SUFFIXES[@]}"; do
    db="chamyeo_${svc}${suffix}"
    for reset in "${RESET_SUFFIXES[@]}"; do
      if [[ -n $suffix && $suffix == "$reset" && -n $(sql "select 1 from pg_database where datname = '${db}'") ]]; then
        sql "drop database ${db} with (force)"
      fi
    done
    if [[ -z $(sql "select 1 from pg_database where datname = '${db}'") ]]; then
      sql "create database ${db} owner ${user} encoding 'UTF8' template template0 locale_provider icu icu_locale 'ko-KR' locale 'C.UTF-8'"
    fi
    # Only the service's own roles may connect (every role may by default, through PUBLIC).
    sql "revoke connect, temporary on database ${db} from public; grant connect, temporary on database ${db} to ${app}"
    # Extensions need a superuser; the services' migrations then find them present.
    as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA -d "${db}" -c "set client_min_messages = warning; create extension if not exists btree_gist" >/dev/null
  done
done
echo "PostgreSQL 15 ready on localhost:$PORT (databases and owners: ${SERVICES[*]/#/chamyeo_}; service roles: chamyeo_<svc>_app)"
