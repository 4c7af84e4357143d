# luong-run: what a run does.

# No outputs: the stream goes to standard output; no input: the first
# step reads standard input.
$ luong-run data/stdin.yaml
< Bến Lức
< tan an
> BếN LứC
> TAN AN
! luong-run: upper: 1 stage ok

# The input files are the first step's operands; a glob is expanded in
# the order of the bytes of the names.
$ luong-run -q data/glob.yaml
> data/a.tsv: district	n
> data/a.tsv: Bến Lức	3
> data/a.tsv: Cần Giuộc	5
> data/a.tsv: Đức Hòa	2
> data/b.tsv: district	n
> data/b.tsv: Tân An	7
> data/b.tsv: Thủ Thừa	1

# Never a shell: a value is one argument, whatever it holds.
$ mkdir "$T/home" && cd "$T" && HOME="$T/home" luong-run -q --set 'v=x; rm -rf ~' "$OLDPWD/data/inject.yaml" && ls -A "$T" && ls -d "$T/home" >/dev/null && echo home kept
> [x; rm -rf ~]
> [$(touch pwned)]
> [`touch pwned`]
> [$HOME]
> [*]
> home
> home kept

# Each stage's stderr, line by line, prefixed with its name in brackets;
# an unfinished last line is ended.
$ luong-run -q --set out="$T/o" --set 's2=cat; printf "two: a\ntwo: b" >&2' data/sh.yaml
! [two] two: a
! [two] two: b

# An empty line is a line.
$ luong-run -q --set out="$T/o" --set 's2=cat; echo >&2; echo end >&2' data/sh.yaml
! [two] 
! [two] end

# An empty value is a value.
$ luong-run -q --set out="$T/o" --set label= data/basic.yaml && head -n 1 "$T/o/report.tsv" | od -c | head -n 2
> 0000000   T   h 341 273 247       T   h 341 273 253   a  \t   1  \t  \n
> 0000020

# Outputs: every one gets the whole stream; missing directories are made.
$ luong-run -q --set out="$T/a/b" --set 'o2=wc -c' data/sh.yaml && cmp data/a.tsv "$T/a/b/stream.tsv" && cat "$T/a/b/cmd.tsv"
> 55

# A big stream through every output, byte for byte.
$ luong-run -q --set out="$T" --set 's1=seq 1 300000' --set 'o2=cat' data/sh.yaml && seq 1 300000 | cmp - "$T/stream.tsv" && cmp "$T/stream.tsv" "$T/cmd.tsv" && echo same
> same

# An output command that stops reading early: the stream goes on to the
# others; only the command's exit status counts.
$ luong-run -q --set out="$T" --set 's1=seq 1 300000' --set 'o2=head -n 2' data/sh.yaml && wc -l <"$T/stream.tsv" && cat "$T/cmd.tsv"
> 300000
> 1
> 2

# Outputs replace what was there, with the permissions of a new file.
$ umask 027 && printf old >"$T/stream.tsv" && chmod 600 "$T/stream.tsv" && luong-run -q --set out="$T" data/sh.yaml && cmp data/a.tsv "$T/stream.tsv" && cd "$T" && ls -A && stat -c '%a %n' *
> cmd.tsv
> stream.tsv
> 640 cmd.tsv
> 640 stream.tsv

# Programs named luong-* are found beside luong-run before PATH; others
# on PATH.  (The real binary is copied: under valgrind, bin holds a
# wrapper.)
$ real=$(command -v luong-run); head -c 2 "$real" | grep -q '#!' && real=$(grep -o '"/[^"]*/luong-run"' "$real" | tr -d '"'); mkdir "$T/bin" "$T/path" && cp "$real" "$T/bin/luong-run" && printf '#!/bin/sh\necho beside "$@"\n' >"$T/bin/luong-hello" && printf '#!/bin/sh\necho on PATH "$@"\n' >"$T/path/luong-hello" && chmod +x "$T/bin/luong-hello" "$T/path/luong-hello" && cp "$T/path/luong-hello" "$T/path/hello" && printf 'steps:\n  - [luong-hello, a]\n  - [sh, -c, "cat; hello b"]\n' >"$T/p.yaml" && PATH="$T/path:$PATH" "$T/bin/luong-run" -q "$T/p.yaml" && PATH="$T/path:$PATH" "$T/bin/luong-run" --dry-run "$T/p.yaml" | sed "s|$T|T|g" | grep hello
> beside a
> on PATH b
> { T/bin/luong-hello a || echo 1 >>"$t/failed"; } |
> { sh -c 'cat; hello b' || echo 2 >>"$t/failed"; }
