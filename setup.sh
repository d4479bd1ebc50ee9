#!/bin/sh
# Installs every Debian 12 package crbc needs to build and test, then builds it.
# Run as root on a fresh machine:  ./setup.sh
# Build directory: build/ (override with BUILD_DIR); extra CMake flags in CMAKE_FLAGS.
set -eu
cd "$(dirname "$0")"

packages="
  g++ cmake ninja-build pkg-config ca-certificates
  libcli11-dev libgumbo-dev nlohmann-json3-dev libyaml-cpp-dev catch2 libcmark-dev
  libcurl4-openssl-dev libsqlite3-dev libutf8proc-dev libstemmer-dev libuchardet-dev
  libcld2-dev libexpat1-dev libssl-dev zlib1g-dev libcpp-httplib-dev
  python3 python3-jsonschema mandoc man-db time bc zsh fish jq less
  parallel openssh-server
  clang libclang-rt-14-dev chromium
"
missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing="$missing $package"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi

build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_FLAGS:-}
cmake --build "$build_dir"
