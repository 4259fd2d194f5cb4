#!/bin/sh
# Lets the release build link libxml2 (with the ICU and liblzma it needs) and libstdc++
# statically, so that a run loads no shared library but glibc's, libgcc_s and zlib.
#
#   Scripts/static-link.sh DIR
#
# Writes into DIR:
#   libxml-2.0.pc         a pkg-config file whose only library is DIR/libnewsconv-xml2.so,
#   libnewsconv-xml2.so   a linker script grouping Debian's libxml2.a, libicuuc.a, libicudata.a,
#                         liblzma.a and libz.a,
#   libstdc++.a           a link to GCC's static libstdc++, found before the shared one because
#                         DIR comes first on the linker's search path.
# `make` puts DIR first on PKG_CONFIG_PATH for the release build. Loading and binding those shared
# libraries costs about 1 ms of CPU per run, which counts when a Makefile runs newsconv once per
# story. When an archive is missing (or STATIC_LINK=no) DIR is left without it and the build
# links the shared library as usual.
set -eu
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
[ "${STATIC_LINK:-yes}" = no ] && exit 0

# libstdc++
stdcxx=$(gcc -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -f "$stdcxx" ]; then
    ln -s "$stdcxx" "$dir/libstdc++.a"
else
    echo "note: libstdc++.a not found (libstdc++-12-dev): linking libstdc++ dynamically"
fi

# libxml2 and what it needs
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
