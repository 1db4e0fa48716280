#!/usr/bin/env bash
# Makes sure the pinned actionlint (the workflow linter, https://github.com/rhysd/actionlint) is built, from the Go
# module proxy, into the test cache outside the clone, and prints its path. A no-op when it is there already.
set -euo pipefail
VERSION=v1.7.12
CACHE="${KARPENTER_TEST_CACHE:-$HOME/.cache/karpenter-provision-tests}/actionlint"
BIN="$CACHE/$VERSION/actionlint"
if [ ! -x "$BIN" ]; then
  command -v go >/dev/null 2>&1 || { echo "actionlint $VERSION is not in $CACHE and Go is not installed to build it" >&2; exit 1; }
  mkdir -p "$CACHE"
  GOBIN="$CACHE/$VERSION" GOMODCACHE="$CACHE/go/mod" GOCACHE="$CACHE/go/cache" GOPATH="$CACHE/go/path" \
    GOTOOLCHAIN=local GOFLAGS=-modcacherw go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
fi
"$BIN" -version | head -1 | grep -qx "$VERSION" || { echo "$BIN is not actionlint $VERSION" >&2; exit 1; }
echo "$BIN"
