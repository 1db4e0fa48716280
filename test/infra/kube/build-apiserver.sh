#!/usr/bin/env bash
# Builds kube-apiserver v1.32.0 from the Go module proxy (SPEC §7): no prebuilt binary is reachable from
# these machines. Output: .cache/kube-apiserver/v1.32.0/kube-apiserver. Module and build caches live under
# .cache/ too, so a CI machine that keeps .cache/ between runs rebuilds in seconds (or not at all).
# Idempotent: exits at once when the binary exists and reports the expected version.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.32.0}"
# Staging modules are published as v0.<minor>.<patch> for a v1.<minor>.<patch> release.
STAGING_VERSION="v0.${K8S_VERSION#v1.}"
MINOR="$(echo "$K8S_VERSION" | cut -d. -f2)"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CACHE="${KUBE_CACHE_DIR:-$REPO_ROOT/.cache/kube-apiserver}"
OUT_DIR="$CACHE/$K8S_VERSION"
BIN="$OUT_DIR/kube-apiserver"
WRAPPER="$CACHE/wrapper-$K8S_VERSION"

export GOMODCACHE="$CACHE/gomodcache"
export GOCACHE="$CACHE/gocache"
export GOPATH="$CACHE/gopath"
export GOTOOLCHAIN=local
export CGO_ENABLED=0

now() { date +%s; }
phase_start=$(now)
phase() { # phase <name>: prints how long the phase that just ended took
  local t; t=$(now); echo "[build-apiserver] $1 took $((t - phase_start))s"; phase_start=$t
}

if [[ -x "$BIN" ]] && "$BIN" --version 2>/dev/null | grep -qx "Kubernetes $K8S_VERSION"; then
  echo "[build-apiserver] $BIN already reports Kubernetes $K8S_VERSION; nothing to do"
  exit 0
fi

command -v go >/dev/null || { echo "[build-apiserver] go is not on PATH" >&2; exit 1; }
echo "[build-apiserver] $(go version); building kube-apiserver $K8S_VERSION into $OUT_DIR"

# k8s.io/kubernetes requires every staging module at v0.0.0 with a replace to ./staging/...; a consumer
# must replace each with its published version, or `go get` cannot resolve them.
STAGING_MODULES=(api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
  cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api cri-client
  csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms kube-aggregator
  kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils
  pod-security-admission sample-apiserver sample-cli-plugin sample-controller)

mkdir -p "$WRAPPER" "$OUT_DIR"
cd "$WRAPPER"
if [[ ! -f go.mod ]]; then
  go mod init kubeapiserverbuild >/dev/null 2>&1
fi
cat > tools.go <<'GO'
//go:build tools

// Package tools pins kube-apiserver as a dependency so that `go build` can build it from the module cache.
package tools

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
GO
for m in "${STAGING_MODULES[@]}"; do
  go mod edit -replace "k8s.io/$m=k8s.io/$m@$STAGING_VERSION"
done
phase "wrapper module"

GOFLAGS=-mod=mod go get "k8s.io/kubernetes@$K8S_VERSION"
# Resolving the package graph downloads every module the build needs, so "downloads" and "compile" are timed
# apart (go get alone fetches little more than k8s.io/kubernetes itself).
GOFLAGS=-mod=mod go list -deps k8s.io/kubernetes/cmd/kube-apiserver >/dev/null
phase "go get + module downloads"

VPKG=k8s.io/component-base/version
LDFLAGS="-s -w -X $VPKG.gitVersion=$K8S_VERSION -X $VPKG.gitMajor=1 -X $VPKG.gitMinor=$MINOR"
LDFLAGS="$LDFLAGS -X $VPKG.gitTreeState=clean -X $VPKG.buildDate=1970-01-01T00:00:00Z"
GOFLAGS=-mod=mod go build -trimpath -ldflags "$LDFLAGS" -o "$BIN.tmp" k8s.io/kubernetes/cmd/kube-apiserver
mv "$BIN.tmp" "$BIN"
phase "go build (compile)"

got="$("$BIN" --version)"
if [[ "$got" != "Kubernetes $K8S_VERSION" ]]; then
  echo "[build-apiserver] built binary reports '$got', expected 'Kubernetes $K8S_VERSION'" >&2
  exit 1
fi
echo "[build-apiserver] $BIN: $got ($(du -h "$BIN" | cut -f1))"
