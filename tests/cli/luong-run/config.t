# luong-run: errors in the pipeline file, each with file:line:col and
# exit status 2, found before anything runs.

# An unknown key.
$ luong-run data/err-key.yaml
! luong-run: data/err-key.yaml:5:5: unknown key "stdin"
? 2

# A program that is not on PATH.
$ luong-run data/err-program.yaml
! luong-run: data/err-program.yaml:3:6: program "srot" not found
? 2

# A path that is not executable, a directory.
$ cd "$T" && printf 'steps:\n  - [./data.tsv]\n' >p.yaml && : >data.tsv && luong-run p.yaml
! luong-run: p.yaml:2:6: program "./data.tsv": Permission denied
? 2

$ cd "$T" && printf 'steps:\n  - [/]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:6: program "/": Is a directory
? 2

# A variable declared without a value and not given with --set.
$ luong-run data/err-unset.yaml
! luong-run: data/err-unset.yaml:3:8: variable "inbox" is not set
? 2

# A variable never declared.
$ cd "$T" && printf 'steps:\n  - [cat, "${nope}"]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:11: variable "nope" is not set
? 2

# Variables referring to each other in a loop; a bad reference.
$ cd "$T" && printf 'vars:\n  a: ${b}\n  b: x${a}\nsteps:\n  - [echo, "${a}"]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:6: variable "a" refers to itself
? 2

$ cd "$T" && printf 'steps:\n  - [echo, "${a b}"]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:12: "${" must be followed by a variable name and "}" (write "$${" for a literal "${")
? 2

# "$${" is a literal "${"; a "$" alone is nothing special.
$ cd "$T" && printf 'steps:\n  - [echo, "$${a} $1 $$"]\n' >p.yaml && luong-run -q p.yaml
> ${a} $1 $$

# Substitution is bounded: a string holds at most 65536 bytes once its
# variables are substituted, or the file is refused at the first one that
# grows past it.  Forty variables, each the one before twice, would reach
# a terabyte; twenty, a megabyte that no program can take as an argument.
$ cd "$T" && { printf 'vars:\n  v0: ab\n'; i=1; while [ $i -lt 40 ]; do printf '  v%d: ${v%d}${v%d}\n' $i $((i - 1)) $((i - 1)); i=$((i + 1)); done; printf 'steps:\n  - [echo, "${v39}"]\n'; } >p.yaml && luong-run p.yaml
! luong-run: p.yaml:18:8: variable "v16": longer than 65536 bytes after substitution
? 2

$ cd "$T" && { printf 'vars:\n  v0: ab\n'; i=1; while [ $i -lt 20 ]; do printf '  v%d: ${v%d}${v%d}\n' $i $((i - 1)) $((i - 1)); i=$((i + 1)); done; printf 'steps:\n  - [echo, "${v19}"]\n'; } >p.yaml && luong-run --dry-run p.yaml
! luong-run: p.yaml:18:8: variable "v16": longer than 65536 bytes after substitution
? 2

# ... 65536 bytes are a value; one more, in a word of a step, are not.
$ cd "$T" && { printf 'vars:\n  v0: ab\n'; i=1; while [ $i -lt 16 ]; do printf '  v%d: ${v%d}${v%d}\n' $i $((i - 1)) $((i - 1)); i=$((i + 1)); done; printf 'steps:\n  - [sh, -c, "printf %%s \\"$0\\" | wc -c", "${v15}"]\n'; } >p.yaml && luong-run -q p.yaml
> 65536

$ cd "$T" && { printf 'vars:\n  v0: ab\n'; i=1; while [ $i -lt 16 ]; do printf '  v%d: ${v%d}${v%d}\n' $i $((i - 1)) $((i - 1)); i=$((i + 1)); done; printf 'steps:\n  - [echo, "${v15}x"]\n'; } >p.yaml && luong-run -q p.yaml
! luong-run: p.yaml:19:12: run: longer than 65536 bytes after substitution
? 2

# YAML syntax.
$ luong-run data/err-yaml.yaml
! luong-run: data/err-yaml.yaml:3:5: YAML error: did not find expected ',' or ']' while parsing a flow sequence
? 2

# A glob that matches nothing; an input that does not exist.
$ luong-run data/err-glob.yaml
! luong-run: data/err-glob.yaml:3:8: input "data/*.csv": no file matches (no name in the directory data matches)
? 2

$ luong-run --set inbox=nowhere data/err-unset.yaml
! luong-run: data/err-unset.yaml:3:8: input "nowhere/*.csv": no file matches (the directory nowhere does not exist)
? 2

# In a list, a pattern may match nothing if another matches: an inbox with
# no gzipped export tonight.  A list that matches nothing is an error.
$ printf 'input: [data/a.tsv, data/*.csv]\nsteps: [[wc, -l]]\n' >"$T/l.yaml" && luong-run -q "$T/l.yaml"
> 4 data/a.tsv

$ printf 'input: [data/*.csv, data/*.csv.gz]\nsteps: [[cat]]\n' >"$T/l.yaml" && luong-run "$T/l.yaml" 2>&1 | sed "s|$T|T|"
> luong-run: T/l.yaml:1:8: input: no file matches any of the patterns: "data/*.csv" (no name in the directory data matches), "data/*.csv.gz" (no name in the directory data matches)

# An output in the root directory: there is nothing to make above it.  (As
# root, which CI is; another user cannot write to / at all.)
$ [ "$(id -u)" = 0 ] || { echo hi; exit 0; }; f=/luong-run-test.$$; printf 'steps: [[echo, hi]]\noutputs: [{path: %s}]\n' "$f" >"$T/r.yaml" && luong-run -q "$T/r.yaml" && cat "$f"; rm -f "$f"
> hi

$ cd "$T" && printf 'input: [a.tsv]\nsteps: [[cat]]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:1:9: input "a.tsv": cannot open: No such file or directory
? 2

# The shape of things.
$ cd "$T" && printf '' >p.yaml && luong-run p.yaml
! luong-run: p.yaml: empty pipeline file
? 2

$ cd "$T" && printf 'name: x\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:1:1: missing key "steps"
? 2

$ cd "$T" && printf 'steps: cat\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:1:8: steps: expected a list, found a scalar
? 2

$ cd "$T" && printf 'steps:\n  - cat\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:5: step: expected a list of words or a mapping with "run"
? 2

$ cd "$T" && printf 'steps:\n  - run: sort -k1\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:10: run: expected a list, found a scalar
? 2

$ cd "$T" && printf 'steps:\n  - name: s\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:5: step: missing key "run"
? 2

$ cd "$T" && printf 'steps:\n  - [sort, [-k1]]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:12: run: expected a list of words, found a nested list
? 2

$ cd "$T" && printf 'steps:\n  - {name: a, run: [cat]}\n  - {name: a, run: [cat]}\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:3:12: name "a" repeated (first on line 2)
? 2

$ cd "$T" && printf 'steps: [[cat]]\noutputs:\n  - {path: a}\n  - {path: a, run: [wc]}\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:4:12: output "a" repeated
? 2

# Two outputs are told apart by the file they name, not by their text:
# the directory (device and inode) and the name in it.  A directory still
# to be made counts from the deepest one that exists.
$ cd "$T" && mkdir sub && for o in ./o.tsv sub/../o.tsv new/../o.tsv new/x/../../o.tsv "$T/o.tsv" lnk/../o.tsv; do printf 'steps: [[cat]]\noutputs:\n  - {path: o.tsv}\n  - {path: %s, run: [wc]}\n' "$o" >p.yaml; ln -sfn sub lnk; luong-run --dry-run p.yaml 2>&1 >/dev/null | sed "s|$T|T|"; done
> luong-run: p.yaml:4:12: output "./o.tsv" names the same file as "o.tsv" (first on line 3)
> luong-run: p.yaml:4:12: output "sub/../o.tsv" names the same file as "o.tsv" (first on line 3)
> luong-run: p.yaml:4:12: output "new/../o.tsv" names the same file as "o.tsv" (first on line 3)
> luong-run: p.yaml:4:12: output "new/x/../../o.tsv" names the same file as "o.tsv" (first on line 3)
> luong-run: p.yaml:4:12: output "T/o.tsv" names the same file as "o.tsv" (first on line 3)
> luong-run: p.yaml:4:12: output "lnk/../o.tsv" names the same file as "o.tsv" (first on line 3)

# ... through a link to a directory, or to the file itself, which is what
# a run replaces; nothing is made or run.
$ cd "$T" && mkdir sub && ln -s sub lnk && : >real.tsv && ln -s real.tsv alias.tsv && printf 'steps: [[cat]]\noutputs:\n  - {path: sub/a.tsv}\n  - {path: lnk/a.tsv}\n' >p.yaml && luong-run p.yaml; printf 'steps: [[cat]]\noutputs:\n  - {path: real.tsv}\n  - {path: new/../alias.tsv}\n' >p.yaml && luong-run p.yaml; ls
> alias.tsv
> lnk
> p.yaml
> real.tsv
> sub
! luong-run: p.yaml:4:12: output "lnk/a.tsv" names the same file as "sub/a.tsv" (first on line 3)
! luong-run: p.yaml:4:12: output "new/../alias.tsv" names the same file as "real.tsv" (first on line 3)

# ... and different names are different files, made or not.
$ cd "$T" && printf 'steps: [[echo, hi]]\noutputs:\n  - {path: new/a.tsv}\n  - {path: new/x/../b.tsv}\n  - {path: new//c.tsv}\n  - {path: c.tsv}\n' >p.yaml && luong-run -q p.yaml && cat new/a.tsv new/b.tsv new/c.tsv c.tsv
> hi
> hi
> hi
> hi

$ cd "$T" && printf 'steps: [[cat]]\noutputs:\n  - {run: [wc]}\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:3:5: output: missing key "path"
? 2

$ cd "$T" && printf 'steps: [[cat]]\noutputs:\n  - {path: out/}\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:3:12: path "out/" names a directory, not a file
? 2

$ cd "$T" && printf 'steps: [[cat]]\noutputs:\n  - path: x\n    format: html\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:4:5: unknown key "format"
? 2

$ cd "$T" && printf 'vars:\n  9a: 1\nsteps: [[cat]]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:3: "9a" is not a variable name (a letter or "_", then letters, digits or "_")
? 2

$ cd "$T" && printf 'vars:\n  a: 1\n  a: 2\nsteps: [[cat]]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:3:3: key "a" repeated (first on line 2)
? 2

# --dry-run checks the same things.
$ luong-run --dry-run data/err-program.yaml
! luong-run: data/err-program.yaml:3:6: program "srot" not found
? 2

# An input pattern that matches nothing says where it looked: an empty
# directory, as an inbox is on a night no school sent anything.
$ mkdir "$T/inbox" && printf 'input: ${inbox}/*.csv\nvars:\n  inbox:\nsteps:\n  - [cat]\n' >"$T/p.yaml" && cd "$T" && luong-run --set inbox=inbox p.yaml
! luong-run: p.yaml:1:8: input "inbox/*.csv": no file matches (the directory inbox is empty)
? 2
