#!/usr/bin/env bash
# Installs the system packages Tally needs, only when something is missing, without prompting.
#   .ci/deps.sh          what building and rendering need (Cairo, Pango, libcrypto, zlib, pkg-config, fonts)
#   .ci/deps.sh test     also what the tests need (poppler-utils for pdftotext/pdfinfo/pdffonts)
set -euo pipefail
want=()
command -v pkg-config >/dev/null 2>&1 || want+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists cairo 2>/dev/null || want+=(libcairo2-dev)
  pkg-config --exists pangocairo 2>/dev/null || want+=(libpango1.0-dev)
  pkg-config --exists libcrypto 2>/dev/null || want+=(libssl-dev)
  pkg-config --exists zlib 2>/dev/null || want+=(zlib1g-dev)
else
  want+=(libcairo2-dev libpango1.0-dev libssl-dev zlib1g-dev)
fi
command -v fc-list >/dev/null 2>&1 || want+=(fontconfig)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q 'DejaVuSans\.ttf'; }; then
  want+=(fonts-dejavu-core)
fi
if [ "${1:-}" = test ]; then
  command -v pdftotext >/dev/null 2>&1 || want+=(poppler-utils)
  # The instruction-count guard run after the tests (.ci/instruction-guard.sh).
  command -v valgrind >/dev/null 2>&1 || want+=(valgrind)
  # The JSON Schema check of the example specs (.ci/check-schema.py).
  python3 -c 'import jsonschema, yaml' >/dev/null 2>&1 || want+=(python3 python3-jsonschema python3-yaml)
fi
if [ ${#want[@]} -eq 0 ]; then
  exit 0
fi
echo "deps: installing ${want[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" </dev/null
