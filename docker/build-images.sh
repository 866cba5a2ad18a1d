#!/usr/bin/env bash
# Builds Pulse's images from the jars in modules/*/target (run `mvn -DskipTests package` first),
# FROM the base image given (default: the offline one build-base-image.sh makes). Never pulls.
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-pulse-base:bookworm}"
# Tagged with the project's version (from the root pom), and latest.
version="$(sed -n '0,/<artifactId>pulse-parent<\/artifactId>/d; s|.*<version>\(.*\)</version>.*|\1|p' ../pom.xml | head -n 1)"
tag="${PULSE_IMAGE_TAG:-$version}"
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp ../modules/pulse-server/target/pulse-server.jar ../modules/pulse-server/jvm.options \
    ../modules/pulse-broker/target/pulse-broker.jar broker-logback.xml "$context"/
docker build --pull=false --build-arg BASE="$base" -f server.Dockerfile -t "pulse-server:$tag" -t pulse-server:latest "$context"
docker build --pull=false --build-arg BASE="$base" -f broker.Dockerfile -t "pulse-broker:$tag" -t pulse-broker:latest "$context"
echo "built pulse-server:$tag and pulse-broker:$tag (also tagged latest)"
