#!/usr/bin/env bash
# Builds the base of the JVM images (src/main/docker/Dockerfile.jvm) from Debian's packages, with no registry and no
# Docker daemon: debootstrap makes a minimal Debian 12 with OpenJDK 17's headless runtime, podman imports it.
#
#   dev/containers/jvm-base.sh [IMAGE]      (as root; IMAGE defaults to localhost/celltrial/jvm-base:17)
#
# User 185, group 0, owns /deployments (the Dockerfiles copy the application there as 185); Kubernetes runs the
# containers as user 1001 (the Deployments' securityContext), who reads the same files. CELLTRIAL_DEBIAN_MIRROR
# picks the mirror (default deb.debian.org).
set -euo pipefail

IMAGE=${1:-localhost/celltrial/jvm-base:17}
MIRROR=${CELLTRIAL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
die() { printf 'jvm-base: %s\n' "$*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || die "debootstrap needs root."
for tool in debootstrap podman tar; do
    command -v "$tool" >/dev/null || die "$tool is needed (apt-get install -y debootstrap podman)."
done

root=$(mktemp -d /var/tmp/celltrial-jvm-base.XXXXXX)
trap 'rm -rf "$root"' EXIT

debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$MIRROR" >&2
chroot "$root" useradd --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin app
install -d -o 185 -g 0 -m 0755 "$root/deployments"
# What a running service never needs: the package lists and caches, documentation and manuals.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old "$root"/usr/share/doc/* "$root"/usr/share/man/*

tar --numeric-owner --xattrs -C "$root" -c . | podman import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'USER 185' \
    --change 'WORKDIR /deployments' \
    --message "Debian 12 with OpenJDK 17 (headless), from $MIRROR" - "$IMAGE" >/dev/null
printf '%s built\n' "$IMAGE" >&2
