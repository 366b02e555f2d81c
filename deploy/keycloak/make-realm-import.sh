#!/usr/bin/env bash
# Writes deploy/k8s/infrastructure/keycloak/chamyeo-realm-import.yaml, the Keycloak Operator's KeycloakRealmImport of
# the versioned realm (chamyeo-realm.json, embedded as it is: JSON is YAML). Run it after changing the realm; the
# deploy-k8s test fails while the two differ. The demo users and the local password grant stay out (deploy/stack's
# LocalRealm adds them for the local stack only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../k8s/infrastructure/keycloak/chamyeo-realm-import.yaml
{
  echo "# Made by deploy/keycloak/make-realm-import.sh from deploy/keycloak/chamyeo-realm.json: edit that, then run it."
  echo "# The operator imports the realm once, when none of that name exists; later changes are made in Keycloak."
  echo "apiVersion: k8s.keycloak.org/v2alpha1"
  echo "kind: KeycloakRealmImport"
  echo "metadata:"
  echo "  name: chamyeo"
  echo "spec:"
  echo "  keycloakCRName: keycloak"
  echo "  realm:"
  sed 's/^/    /' "$here/chamyeo-realm.json"
} >"$out"
echo "$out"
