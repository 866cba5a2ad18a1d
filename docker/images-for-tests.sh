#!/usr/bin/env bash
# Called by `mvn verify` (pulse-system-tests): builds the base image if it is missing and the
# project's images from this build's jars, tagged $1. Without a Docker engine it says so and does
# nothing; the system tests then skip.
set -euo pipefail
cd "$(dirname "$0")"
tag="${1:-test}"
if ! docker info >/dev/null 2>&1; then
  echo "No Docker engine answers: the system tests will be skipped."
  exit 0
fi
if ! docker image inspect pulse-base:bookworm >/dev/null 2>&1; then
  if command -v debootstrap >/dev/null 2>&1; then
    ./build-base-image.sh pulse-base:bookworm
  else
    echo "pulse-base:bookworm is missing and debootstrap is not installed: the system tests will be skipped."
    exit 0
  fi
fi
PULSE_IMAGE_TAG="$tag" ./build-images.sh pulse-base:bookworm
