# tests/tree-state, which tests/run-all uses to show that make check left
# the source tree as it found it.  A tree that did not change: nothing.
$ mkdir -p "$T/t/sub dir" && echo a >"$T/t/a" && echo b >"$T/t/sub dir/b c"
$ cd "$T" && "$TOP/tests/tree-state" save t s && "$TOP/tests/tree-state" check t s && echo same
> same

# Every kind of change is named, relative to the tree, and the status is 1.
$ mkdir -p "$T/t/d" "$T/t/e" && echo a >"$T/t/a" && echo b >"$T/t/d/b" && ln -s a "$T/t/l"
$ cd "$T" && "$TOP/tests/tree-state" save t s
$ echo A >"$T/t/a"; rm "$T/t/d/b"; rmdir "$T/t/e"; ln -sf d "$T/t/l"; echo n >"$T/t/d/n n"
$ "$TOP/tests/tree-state" check "$T/t" "$T/s"
> changed: a
> removed: d/b
> new: d/n n
> removed: e
> changed: l
? 1

# A file rewritten with the same bytes is no change.
$ cd "$T" && mkdir t && echo a >t/a && "$TOP/tests/tree-state" save t s && echo a >t/a && "$TOP/tests/tree-state" check t s && echo same
> same

# An out/ that was not there must not be there afterwards.
$ cd "$T" && mkdir t && "$TOP/tests/tree-state" save t s && mkdir -p t/out/long-an-2023 && echo x >t/out/long-an-2023/thcs.html && "$TOP/tests/tree-state" check t s
> new: out
> new: out/long-an-2023
> new: out/long-an-2023/thcs.html
? 1

# What make builds (build/, bin/), .git, and a directory named to skip
# are not looked at.
$ cd "$T" && mkdir -p t/build t/bin t/.git t/tmp && "$TOP/tests/tree-state" save t s t/tmp && touch t/build/x t/bin/y t/.git/z t/tmp/w && "$TOP/tests/tree-state" check t s t/tmp && echo same
> same

$ "$TOP/tests/tree-state" diff . x
! usage: tree-state save|check DIR FILE [SKIP ...]
? 2

$ cd "$T" && "$TOP/tests/tree-state" check . none
! tree-state: none: cannot read
? 2
