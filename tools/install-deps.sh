#!/usr/bin/env bash
# Installs the Debian packages Tandem needs to build, test and check its exports, skipping those
# already installed. Runs as root on Debian 12 (sudo is used when present and needed).
set -euo pipefail

build_packages=(
  g++ cmake ninja-build pkg-config
  libicu-dev libsqlite3-dev libpugixml-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libstemmer-dev libexttextcat-dev libexttextcat-data libxml2-dev
  zlib1g-dev  # FreeDict's .dict.dz is dictzip, i.e. gzip
  liblzma-dev  # libxml2's own dependency, for linking it statically (TANDEM_STATIC_DEPS)
  dict-freedict-fra-eng dict-freedict-eng-fra
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev python3
  # ../shared/interop/check-tmx and check-tbx: schema checks and the real consumers
  libxml2-utils jing libsaxonhe-java python3-lxml translate-toolkit omegat default-jre-headless
)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "tandem: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
