#!/usr/bin/env bash
# Builds the base image Pulse's images start FROM, without any image registry: a minimal Debian
# with a Java 17 runtime, made by debootstrap from Debian's packages and imported into Docker.
# Where a registry is reachable, any JRE 17 image works instead (docker build --build-arg BASE=...).
set -euo pipefail

image="${1:-pulse-base:bookworm}"
suite="${PULSE_BASE_SUITE:-bookworm}"
# The Debian mirror this machine's own apt sources name, so it works wherever apt works.
sources_mirror() {
  { grep -rhE '^URIs:' /etc/apt/sources.list.d/ 2>/dev/null | awk '{print $2}'
    grep -rhE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | awk '{print $2}'
  } | grep -E '/debian/?$' | grep -v -e security -e snapshot | head -n 1 || true
}
mirror="${PULSE_DEBIAN_MIRROR:-$(sources_mirror)}"
mirror="${mirror:-http://deb.debian.org/debian}"

# One build at a time: .ci/run starts one early in the background, and the system tests' build
# waits here for it, then finds the image made.
exec 9>"${TMPDIR:-/tmp}/pulse-base-image.lock"
flock 9
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image already exists"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
echo "debootstrap $suite from $mirror into $root"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$suite" "$root" "$mirror" >/dev/null
# Keep the image small: no package lists or caches.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
tar -C "$root" -c . | docker import \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'ENV LANG=C.UTF-8' \
  - "$image"
echo "built $image"
