#!/bin/sh
# Lets the release build link libxml2 (and the ICU, liblzma and zlib it needs) statically.
#
#   Scripts/static-libxml2.sh DIR
#
# Writes DIR/libxml-2.0.pc, a pkg-config file whose only library is DIR/libnewsconv-xml2.so, a
# linker script that groups Debian's static archives. `make` puts DIR first on PKG_CONFIG_PATH
# for the release build, so SwiftPM links them in instead of loading libxml2.so, libicuuc.so,
# libicudata.so and liblzma.so at every start (about 0.6 ms of CPU per run, which counts when a
# Makefile runs newsconv once per story). When an archive is missing (or STATIC_LIBXML2=no) DIR
# is left empty and the build links the shared libraries as usual.
set -eu
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
[ "${STATIC_LIBXML2:-yes}" = no ] && exit 0
libdir=$(pkg-config --variable=libdir libxml-2.0 2>/dev/null || true)
includedir=$(pkg-config --variable=includedir libxml-2.0 2>/dev/null || true)
version=$(pkg-config --modversion libxml-2.0 2>/dev/null || true)
archives=""
for lib in xml2 icuuc icudata lzma z; do
    archive="$libdir/lib$lib.a"
    if [ -z "$libdir" ] || [ ! -f "$archive" ]; then
        echo "note: $archive not found (libxml2-dev, libicu-dev, liblzma-dev, zlib1g-dev): linking libxml2 dynamically"
        exit 0
    fi
    archives="$archives $archive"
done
echo "GROUP ($archives )" > "$dir/libnewsconv-xml2.so"
cat > "$dir/libxml-2.0.pc" <<PC
Name: libXML
Version: $version
Description: libxml2 and its dependencies, linked statically into newsconv
Libs: -L$(cd "$dir" && pwd) -lnewsconv-xml2 -lstdc++ -lm
Cflags: -I$includedir/libxml2
PC
