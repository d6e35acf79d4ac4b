#!/usr/bin/env bash
# One binary for jump hosts: scimterm with the Swift runtime and Foundation linked in, needing only
# libc, libstdc++, ncursesw, sqlite and zlib from the system. Then checks it the way a jump host
# runs it: no Swift toolchain on the loader path.
#   scripts/static-binary.sh [debug|release] [OUT]      (default: release, ./scimterm-static)
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-release}
out=${2:-scimterm-static}

swift_bin=$(command -v swift)
static_lib="$(dirname "$(dirname "$(readlink -f "$swift_bin")")")/lib/swift_static/linux"
# Objects compiled against the shared runtime do not name Foundation's own static dependencies;
# naming them here lets the link reuse an existing build instead of compiling everything again.
link=(-Xlinker "-L$static_lib")
for lib in CoreFoundation _FoundationICU _FoundationCShims _FoundationCollections FoundationEssentials stdc++; do
    link+=(-Xlinker "-l$lib")
done
swift build -c "$config" --product scimterm --static-swift-stdlib "${link[@]}"
mkdir -p "$(dirname "$out")"
cp "$(swift build -c "$config" --show-bin-path)/scimterm" "$out"

if ldd "$out" | grep -q 'libswift\|libFoundation\|libdispatch'; then
    echo "static-binary: $out still loads the Swift runtime:" >&2
    ldd "$out" >&2
    exit 1
fi
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
printf '%s\n' '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"1","userName":"a@contoso.com","active":true}' > "$sample"
# A jump host: a bare environment, nothing of the toolchain on PATH or the loader path.
env -i PATH=/usr/bin:/bin HOME="${HOME:-/tmp}" "$out" --version
env -i PATH=/usr/bin:/bin HOME="${HOME:-/tmp}" "$out" validate "$sample"
echo "static-binary: $out ($(du -h "$out" | cut -f1)) runs without the Swift toolchain"
