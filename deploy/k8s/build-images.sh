#!/usr/bin/env bash
# Builds the five app images with Quarkus' Jib extension and pushes them to a registry; no Docker daemon
# is needed (without push, Jib would hand the image to a local Docker/Podman instead). Settings come from
# the environment:
#   CHAMYEO_IMAGE_REGISTRY   registry host, e.g. registry.chamyeo.example (required)
#   CHAMYEO_IMAGE_GROUP      repository prefix (default: chamyeo) -> <registry>/<group>/<app>:<tag>
#   CHAMYEO_IMAGE_TAG        image tag (default: the project version); never "latest"
#   CHAMYEO_BASE_JVM_IMAGE   base image (default: Quarkus' UBI 9 OpenJDK 17 runtime); pin a digest in production
# Registry credentials: QUARKUS_CONTAINER_IMAGE_USERNAME / QUARKUS_CONTAINER_IMAGE_PASSWORD, or a docker
# config.json login, as Jib reads them.
set -euo pipefail
cd "$(dirname "$0")/../.."

registry="${CHAMYEO_IMAGE_REGISTRY:?set CHAMYEO_IMAGE_REGISTRY to the registry to push to}"
tag="${CHAMYEO_IMAGE_TAG:-}"
if [[ "${tag}" == latest ]]; then
  echo "refusing the tag 'latest': deployments and rollbacks need a tag that keeps its meaning" >&2
  exit 1
fi

args=(
  -Dquarkus.container-image.build=true
  -Dquarkus.container-image.push=true
  "-Dquarkus.container-image.registry=${registry}"
  "-Dquarkus.container-image.group=${CHAMYEO_IMAGE_GROUP:-chamyeo}"
  # The UBI OpenJDK images' unprivileged user; the Deployments run as the same uid (runAsUser: 185).
  -Dquarkus.jib.user=185
  # Heap sizing (JAVA_MAX_MEM_RATIO) and the collector (GC_CONTAINER_OPTIONS) come from the ConfigMaps at run time:
  # a collector named here as well would start the JVM with two and it would refuse to start.
  "-Dquarkus.jib.jvm-additional-arguments=-XX:+ExitOnOutOfMemoryError"
)
[[ -n "${tag}" ]] && args+=("-Dquarkus.container-image.tag=${tag}")
[[ -n "${CHAMYEO_BASE_JVM_IMAGE:-}" ]] && args+=("-Dquarkus.jib.base-jvm-image=${CHAMYEO_BASE_JVM_IMAGE}")

apps=(budget-service voting-service community-service governance-service gateway)
./mvnw -B package -DskipTests -am -pl "$(IFS=,; echo "${apps[*]}")" "${args[@]}"

# Jib writes the pushed image's digest to target/jib-image.digest (quarkus.jib.image-digest-file). Production
# pins images by digest (overlays/prod/kustomization.yaml): print the entries to paste there.
version="${tag:-$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)}"
echo "images: entries for deploy/k8s/overlays/prod/kustomization.yaml:"
for app in "${apps[@]}"; do
  cat <<EOF
  - name: chamyeo/${app}
    newName: ${registry}/${CHAMYEO_IMAGE_GROUP:-chamyeo}/${app}
    newTag: ${version}
    digest: $(cat "${app}/target/jib-image.digest")
EOF
done
