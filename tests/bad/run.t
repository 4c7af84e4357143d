# luong-run's bad inputs, one class a case: pipeline files that do not
# load (file:line:col, exit 2, nothing run), and stages that fail (the
# stage named, exit 1 or 2 as the stage's; no output replaced).

# run-yaml: a pipeline that is not YAML.
$ printf 'steps:\n  - [cat\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:3:1: YAML error: did not find expected ',' or ']' while parsing a flow sequence
? 2

# run-key: a key the format does not have.
$ printf 'steps:\n  - [cat]\nouput: x\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:3:1: unknown key "ouput"
? 2

# run-unset: a variable used and never set.
$ printf 'steps:\n  - [cat, "${input}"]\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:2:11: variable "input" is not set
? 2

# run-set: --set naming a variable the file does not have.
$ printf 'vars:\n  a: 1\nsteps:\n  - [cat]\n' >"$T/p.yaml"; cd "$T" && luong-run --set b=2 p.yaml </dev/null
! luong-run: p.yaml: --set b: no such variable in vars
? 2

# run-program: a program that is not on PATH.
$ printf 'steps:\n  - [luong-nothing]\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:2:6: program "luong-nothing" not found
? 2

# run-input: an input pattern that matches no file.
$ printf 'input: in/*.csv\nsteps:\n  - [cat]\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:1:8: input "in/*.csv": no file matches (the directory in does not exist)
? 2

# run-steps: a pipeline with no steps.
$ printf 'steps: []\n' >"$T/p.yaml"; cd "$T" && luong-run p.yaml
! luong-run: p.yaml:1:8: steps: an empty list
? 2

# run-stage-data: a stage that fails with a data error (exit 1): named,
# and the output that was there is kept.
$ printf 'a\n' >"$T/in.tsv"; printf 'old\n' >"$T/out.tsv"; printf 'input: in.tsv\nsteps:\n  - name: bad\n    run: [sh, -c, "cat; exit 1"]\noutputs:\n  - path: out.tsv\n' >"$T/p.yaml"; cd "$T" && luong-run -q p.yaml; s=$?; cat out.tsv; ls; exit $s
> old
> in.tsv
> out.tsv
> p.yaml
! luong-run: stage 1 (bad): exited with status 1
? 1

# run-stage-usage: a stage that fails as a usage error (exit 2), here a
# luong program given a bad option.
$ printf 'a\tb\n1\t2\n' >"$T/in.tsv"; printf 'input: in.tsv\nsteps:\n  - [luong-rank, --ties, olympic]\n' >"$T/p.yaml"; cd "$T" && luong-run -q p.yaml
! [luong-rank] luong-rank: --ties: "olympic": expected competition, dense or ordinal
! luong-run: stage 1 (luong-rank): exited with status 2
? 2

# run-stage-malformed: a luong stage given a malformed stream, its
# file:line passed on.
$ printf 'a\tb\n1\n' >"$T/in.tsv"; printf 'input: in.tsv\nsteps:\n  - [luong-render, -f, tsv]\n' >"$T/p.yaml"; cd "$T" && luong-run -q p.yaml
! [luong-render] luong-render: in.tsv:2: 1 field, the header has 2
! luong-run: stage 1 (luong-render): exited with status 1
? 1
