#!/usr/bin/env bash
# Ensures an `etcd` binary for the test Kubernetes API (SPEC §7: Debian's etcd-server 3.4 on loopback).
# The Debian package also enables an etcd systemd service; the harness never uses it (it starts its own
# etcd on free loopback ports with a temporary data dir).
set -euo pipefail

if command -v etcd >/dev/null 2>&1; then
  echo "[ensure-etcd] $(etcd --version 2>/dev/null | head -1)"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null || { echo "[ensure-etcd] etcd is missing and neither root nor sudo is available; install Debian's etcd-server" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d-less containers may fail to start the packaged service; the binary is all we need.
$SUDO apt-get install -y -qq --no-install-recommends etcd-server
command -v etcd >/dev/null || { echo "[ensure-etcd] etcd-server installed but etcd is not on PATH" >&2; exit 1; }
echo "[ensure-etcd] $(etcd --version | head -1)"
