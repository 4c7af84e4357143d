# luong-run --dry-run: the POSIX sh script that does what the pipeline
# does.  It runs in dash; each step's failure is kept (pipefail); the
# outputs are made beside their targets and renamed only at the end.

$ luong-run --dry-run data/basic.yaml
> # luong-run --dry-run data/basic.yaml
> # basic
> # Two files sorted by count, with a column added.
> set -e
> unset LUONG_STATS_FD
> t=${TMPDIR:-/tmp}/luong-run.$$
> mkdir -m 700 "$t"
> o1=out/.report.tsv.$$
> o2=out/.report.count.$$
> trap 'rm -rf "$t" "$o1" "$o2"' EXIT
> trap 'exit 1' HUP INT TERM
> mkdir -p out
> { awk 'FNR > 1' data/a.tsv data/b.tsv || echo 1 >>"$t/failed"; } |
> { sort -t '	' -k2,2n || echo 2 >>"$t/failed"; } |
> { awk -v label=x 'BEGIN { OFS = "\t" } { print $0, label }' || echo 3 >>"$t/failed"; } >"$t/stream"
> test ! -e "$t/failed"
> cp "$t/stream" "$o1"
> wc -l <"$t/stream" >"$o2"
> mv -f "$o1" out/report.tsv
> mv -f "$o2" out/report.count

$ luong-run --dry-run data/quoting.yaml
> # luong-run --dry-run data/quoting.yaml
> # quoting
> set -e
> unset LUONG_STATS_FD
> t=${TMPDIR:-/tmp}/luong-run.$$
> mkdir -m 700 "$t"
> o1='out/.it'\''s a report.tsv.'$$
> o2=out/.-dash.txt.$$
> o3=out/.plain.csv.$$
> trap 'rm -rf "$t" "$o1" "$o2" "$o3"' EXIT
> trap 'exit 1' HUP INT TERM
> mkdir -p out
> { awk -v 'v=it'\''s "quoted", $HOME; rm -rf ~ `x` and a	tab' 'BEGIN { OFS = "\t" } FNR > 1 { print $1, v, "$2; x" }' data/a.tsv || echo 1 >>"$t/failed"; } |
> { sed 's/;/;;/g' || echo 2 >>"$t/failed"; } |
> { sort -t '	' -k1,1 || echo 3 >>"$t/failed"; } |
> { sh -c 'cat; printf "[%s]\n" "$@"' sh 'two
> lines' '' 'a'\''b' || echo 4 >>"$t/failed"; } >"$t/stream"
> test ! -e "$t/failed"
> cp "$t/stream" "$o1"
> awk '{ n++ } END { print n " lines; $ok" }' <"$t/stream" >"$o2"
> tr '	' , <"$t/stream" >"$o3"
> mv -f "$o1" 'out/it'\''s a report.tsv'
> mv -f "$o2" out/-dash.txt
> mv -f "$o3" out/plain.csv

# No outputs: the stream goes to standard output.
$ luong-run --dry-run data/stdin.yaml
> # luong-run --dry-run data/stdin.yaml
> # upper
> set -e
> unset LUONG_STATS_FD
> t=${TMPDIR:-/tmp}/luong-run.$$
> mkdir -m 700 "$t"
> trap 'rm -rf "$t"' EXIT
> trap 'exit 1' HUP INT TERM
> { tr a-z A-Z || echo 1 >>"$t/failed"; }
> test ! -e "$t/failed"

# The same bytes from the script (in dash, in bash) as from a real run.
$ luong-run --dry-run --set out="$T/sh" data/quoting.yaml >"$T/s.sh" && mkdir "$T/tmp" && TMPDIR="$T/tmp" dash "$T/s.sh" && luong-run -q --set out="$T/run" data/quoting.yaml && diff -r "$T/sh" "$T/run" && (cd "$T" && ls -A tmp run) && cat "$T/run/"*
> run:
> -dash.txt
> it's a report.tsv
> plain.csv
>
> tmp:
> 7 lines; $ok
> Bến	it's "quoted", $HOME;; rm -rf ~ `x` and a	tab	$2;; x
> Cần	it's "quoted", $HOME;; rm -rf ~ `x` and a	tab	$2;; x
> Đức	it's "quoted", $HOME;; rm -rf ~ `x` and a	tab	$2;; x
> [two
> lines]
> []
> [a'b]
> Bến,it's "quoted", $HOME;; rm -rf ~ `x` and a,tab,$2;; x
> Cần,it's "quoted", $HOME;; rm -rf ~ `x` and a,tab,$2;; x
> Đức,it's "quoted", $HOME;; rm -rf ~ `x` and a,tab,$2;; x
> [two
> lines]
> []
> [a'b]

$ luong-run --dry-run --set out="$T/sh" data/quoting.yaml >"$T/s.sh" && bash --posix "$T/s.sh" && luong-run -q --set out="$T/run" data/quoting.yaml && diff -r "$T/sh" "$T/run" && echo same
> same

$ luong-run --dry-run --set out="$T/sh" data/basic.yaml | sh && luong-run -q --set out="$T/run" data/basic.yaml && diff -r "$T/sh" "$T/run" && echo same
> same

$ luong-run --dry-run data/stdin.yaml >"$T/s.sh" && printf 'tan an\n' | sh "$T/s.sh"
> TAN AN

# A program with no "#!" line is run by /bin/sh, by a run as by the script
# (execvp(3) and sh(1) do the same), found by its path or on PATH.
$ cd "$T" && mkdir bin && printf 'echo "no #! line: $*"\n' >bin/one && printf 'while read -r l; do echo "two: $l"; done\n' >bin/two && chmod +x bin/one bin/two && printf 'steps:\n  - [./bin/one, a, "b  c"]\n  - [two]\n' >p.yaml && PATH="$T/bin:$PATH" && export PATH && luong-run -q p.yaml && luong-run --dry-run p.yaml | sh && luong-run --dry-run p.yaml | bash --posix
> two: no #! line: a b  c
> two: no #! line: a b  c
> two: no #! line: a b  c

# A failing step: the script fails, the outputs stay as they were, no
# temporary file is left, here or in TMPDIR.
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" "$T/tmp" && cp "$T/o/"* "$T/saved" && luong-run --dry-run --set out="$T/o" --set 's1=exec seq 1 1000000' --set 's2=head -n 1000; kill -9 $$' data/sh.yaml | TMPDIR="$T/tmp" sh; echo $?; diff -r "$T/o" "$T/saved" && (cd "$T" && ls -A o tmp)
> 1
> o:
> cmd.tsv
> stream.tsv
>
> tmp:
! Killed

# A failing output command: the same.
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" "$T/tmp" && cp "$T/o/"* "$T/saved" && luong-run --dry-run --set out="$T/o" --set 'o2=cat; exit 1' data/sh.yaml | TMPDIR="$T/tmp" sh; echo $?; diff -r "$T/o" "$T/saved" && (cd "$T" && ls -A o tmp)
> 1
> o:
> cmd.tsv
> stream.tsv
>
> tmp:
