#!/usr/bin/env bash
# Install what the offline VS Code test run needs, outside the project's own dependencies:
# Debian's Chromium and ripgrep, build tools for code-server's native modules, and code-server
# itself in .vscode-test/code-server (see ../shared/notes/offline-vscode-e2e.md).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
DIR=.vscode-test/code-server

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
for p in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  echo "setup-e2e: code-server $VERSION already installed"
  exit 0
fi

# @vscode/ripgrep downloads ripgrep from GitHub unless it finds this archive; give it Debian's rg.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  mkdir -p "$cache"
  tmp=$(mktemp -d)
  cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$archive" -C "$tmp" rg
  rm -rf "$tmp"
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
export npm_config_unsafe_perm=true npm_config_yes=true
npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"
echo "setup-e2e: code-server $VERSION installed in $DIR"
