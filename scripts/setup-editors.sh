#!/usr/bin/env bash
# Install the third-party editors the test suite drives as real LSP clients: Neovim (Debian's package).
set -euo pipefail
if command -v nvim >/dev/null; then
  echo "setup-editors: $(nvim --version | head -1) already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends neovim >/dev/null
echo "setup-editors: $(nvim --version | head -1) installed"
