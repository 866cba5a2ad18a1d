#!/usr/bin/env bash
# Builds Pulse's images from the jars in modules/*/target (run `mvn -DskipTests package` first),
# FROM the base image given (default: the offline one build-base-image.sh makes). Never pulls.
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-pulse-base:bookworm}"
tag="${PULSE_IMAGE_TAG:-latest}"
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp ../modules/pulse-server/target/pulse-server.jar ../modules/pulse-broker/target/pulse-broker.jar broker-logback.xml "$context"/
docker build --pull=false --build-arg BASE="$base" -f server.Dockerfile -t "pulse-server:$tag" "$context"
docker build --pull=false --build-arg BASE="$base" -f broker.Dockerfile -t "pulse-broker:$tag" "$context"
