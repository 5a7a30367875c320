#!/usr/bin/env bash
# The one step of the GitHub Action (action.yml): build Model Lens where the action is checked out (when it has
# not been built yet), then run `model-lens check` in the workspace with the action's inputs. The test suite
# runs this same script.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$here/dist/cli.js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2 && node scripts/build.mjs --production >&2)
fi
cd "${GITHUB_WORKSPACE:-$PWD}"

format="${INPUT_FORMAT:-github}"
case "$format" in
  github | sarif | text | json) ;;
  *)
    echo "model-lens action: format is github, sarif, text or json, not \"$format\"" >&2
    exit 2
    ;;
esac
# Paths are split on any white space (a multi-line input too) and never expanded by the shell: globs reach
# model-lens as written, which matches them like `exclude`.
set -f
# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-.})
set +f
args=(check "${paths[@]}" --format "$format")
if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi

if [ "$format" = sarif ]; then
  out="${INPUT_SARIF_FILE:-model-lens.sarif}"
  status=0
  node "$here/dist/cli.js" "${args[@]}" >"$out" || status=$?
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$out" >>"$GITHUB_OUTPUT"; fi
  exit "$status"
fi
exec node "$here/dist/cli.js" "${args[@]}"
