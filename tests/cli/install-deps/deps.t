# tools/install-deps, which make runs before the first compile: installed
# packages pass silently; as a user who is not root, missing ones are named
# with the exact command to run, and it stops with status 2 (outside a
# package build: LUONG_NO_APT unset).
$ "$TOP/tools/install-deps" make gcc

$ nobody() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }; nobody env -u LUONG_NO_APT "$TOP/tools/install-deps" make luong-no-such-package another-missing-one
! luong: missing Debian packages: luong-no-such-package another-missing-one
! luong: run: sudo apt-get update && sudo apt-get install -y luong-no-such-package another-missing-one
? 2

# In a package's build (debian/rules sets LUONG_NO_APT), root or not,
# apt-get is never run: the missing packages are named, status 2.  The
# apt-get on PATH here would say it was called.
$ mkdir "$T/bin" && printf '#!/bin/sh\necho apt-get was run "$@"\n' >"$T/bin/apt-get" && chmod +x "$T/bin/apt-get"
$ LUONG_NO_APT=1 PATH="$T/bin:$PATH" "$TOP/tools/install-deps" make luong-no-such-package
! luong: missing Debian packages: luong-no-such-package
! luong: LUONG_NO_APT is set (a package build): not installing them; they belong in debian/control's Build-Depends
? 2

# Everything there: nothing to say, with or without LUONG_NO_APT.
$ LUONG_NO_APT=1 PATH="$T/bin:$PATH" "$TOP/tools/install-deps" make gcc
