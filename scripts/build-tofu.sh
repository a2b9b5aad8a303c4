#!/usr/bin/env bash
# Builds OpenTofu's CLI from the Go module proxy (tools/tofu/go.mod pins the version and carries OpenTofu's own hcl
# replace, which is why `go install ...@version` cannot be used) into a cache directory outside the work tree, and
# reuses it when it is already there. Prints the binary's path on stdout; progress goes to stderr.
#   TOFU_CACHE_DIR   where to put it (default: ${XDG_CACHE_HOME:-~/.cache}/proxmox-cdktf/tofu-<version>)
# Usage: TF_BINARY="$(bash scripts/build-tofu.sh)" npm run validate
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mod="$here/tools/tofu"
version="$(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { sub(/^v/, "", $3); print $3 }' "$mod/go.mod")"
[ -n "$version" ] || { echo "build-tofu: no 'require github.com/opentofu/opentofu vX.Y.Z' line in $mod/go.mod" >&2; exit 1; }
dir="${TOFU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/proxmox-cdktf/tofu-$version}"
bin="$dir/tofu"

# Reuse a finished build (the stamp names the go.mod/go.sum it was built from, so a changed pin rebuilds).
stamp="$(cat "$mod/go.mod" "$mod/go.sum" | sha256sum | cut -c1-16)"
if [ -x "$bin" ] && [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "build-tofu: Go is required to build OpenTofu (https://go.dev/dl/)" >&2; exit 1; }
mkdir -p "$dir"
echo "build-tofu: building OpenTofu $version into $bin (several CPU-minutes)" >&2
# OpenTofu's release builds stamp the version the same way (version.dev is "no" for releases), see
# https://github.com/opentofu/opentofu/blob/v1.10.6/version/version.go
( cd "$mod" && GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
    -o "$bin.tmp" github.com/opentofu/opentofu/cmd/tofu )
mv "$bin.tmp" "$bin"
echo "$stamp" > "$dir/.stamp"
TF_CLI_CONFIG_FILE=/dev/null "$bin" version >&2
echo "$bin"
