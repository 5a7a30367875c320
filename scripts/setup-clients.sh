#!/usr/bin/env bash
# Install the third-party tools the test suite drives as real clients: Neovim (an LSP client) and pre-commit
# (which installs and runs the hook), both Debian's packages.
set -euo pipefail
need=()
command -v nvim >/dev/null || need+=(neovim)
command -v pre-commit >/dev/null || need+=(pre-commit)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "setup-clients: $(nvim --version | head -1); pre-commit $(pre-commit --version | cut -d' ' -f2)"
