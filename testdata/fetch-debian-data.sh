#!/bin/sh
# Extracts real data files that Debian packages ship into testdata/debian/, without installing
# the packages (no Python needed): apt-get download + dpkg -x. Idempotent: files already present
# are kept, so a second run does nothing. .ci/run calls it before the Maven build.
#
#   testdata/debian/nibabel/   NIfTI-1 volumes from python3-nibabel's tests (MIT licence)
#   testdata/debian/skimage/   images from python3-skimage's data folder (BSD-3 / CC0, see COPYRIGHT)
#
# Fashion-MNIST is not fetched here: `apt-get install -y dataset-fashion-mnist` puts it under
# /usr/share/datasets/fashion-mnist/.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dest="$here/debian"
mkdir -p "$dest"

# fetch PACKAGE DIR_IN_PACKAGE TARGET_SUBDIR FILE...
fetch() {
  pkg=$1; src=$2; sub=$3; shift 3
  missing=""
  for f in "$@"; do
    [ -s "$dest/$sub/$f" ] || missing="$missing $f"
  done
  [ -n "$missing" ] || { echo "fetch-debian-data: $sub up to date"; return 0; }
  work=$(mktemp -d)
  chmod 755 "$work"
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download "$pkg" >/dev/null 2>&1); then
    # A fresh container may have no package lists yet.
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null; fi
    (cd "$work" && apt-get download "$pkg")
  fi
  dpkg -x "$work"/"$pkg"_*.deb "$work/x"
  mkdir -p "$dest/$sub"
  for f in "$@"; do
    cp "$work/x/$src/$f" "$dest/$sub/$f.part" && mv "$dest/$sub/$f.part" "$dest/$sub/$f"
  done
  cp "$work/x/usr/share/doc/$pkg/copyright" "$dest/$sub/COPYRIGHT"
  dpkg-deb -f "$work"/"$pkg"_*.deb Package Version > "$dest/$sub/SOURCE"
  rm -rf "$work"
  trap - EXIT
  echo "fetch-debian-data: $sub <- $pkg"
}

fetch python3-nibabel usr/lib/python3/dist-packages/nibabel/tests/data nibabel \
  anatomical.nii example4d.nii.gz functional.nii standard.nii.gz reoriented_anat_moved.nii

fetch python3-skimage usr/lib/python3/dist-packages/skimage/data skimage \
  camera.png coins.png astronaut.png retina.jpg truncated.jpg palette_color.png \
  chessboard_GRAY.png chessboard_GRAY_U8.npy chessboard_RGB.png chessboard_RGB_U8.npy
