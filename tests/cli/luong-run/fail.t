# luong-run: failures.  The run fails like set -o pipefail: its status is
# the first failing process's (1 or 2; anything else, or a signal, is 1);
# the failing process is named; a process that only lost its reader
# (SIGPIPE) is named only when nothing else failed, and one stopped
# because another failed is not named at all.  A failed run leaves the
# previous outputs as they were and no temporary file behind.

# A failing middle stage: status 1 or 2 as it said, 3 becomes 1.
$ luong-run --set out="$T" --set 's2=exit 1' data/sh.yaml
! luong-run: stage 2 (two): exited with status 1
! luong-run: sh: failed, no output replaced
? 1

$ luong-run --set out="$T" --set 's2=exit 2' data/sh.yaml
! luong-run: stage 2 (two): exited with status 2
! luong-run: sh: failed, no output replaced
? 2

$ luong-run --set out="$T" --set 's2=cat >/dev/null; exit 3' data/sh.yaml
! luong-run: stage 2 (two): exited with status 3
! luong-run: sh: failed, no output replaced
? 1

# A failure stops the run: the output command, which would have failed
# too (and said so) at the end of the stream, is stopped before it sees
# that end, and not named; the status is the failing stage's.
$ luong-run --set out="$T" --set 's3=cat >/dev/null; exit 1' --set 'o2=cat >/dev/null; echo bad >&2; exit 2' data/sh.yaml
! luong-run: stage 3 (three): exited with status 1
! luong-run: sh: failed, no output replaced
? 1

# A night whose first stage fails on a bad file: one line names it, with
# its status.  The stages and output commands after it are stopped before
# they see the end of their input: none says "empty input" and none is
# named; normalise's side file stays the one the last good run left (the
# same file, not rewritten).  From another directory, as cron runs it.
$ cd "$T" && d=$OLDPWD/data && luong-run -q --set out=o "$d/night.yaml" 2>/dev/null && ls -i o/unknown.tsv >before && cp -r o saved
$ luong-run --log log.tsv --set out=o --set 's1=echo "ingest: ${1##*/}: no header" >&2; exit 2' "$d/night.yaml"; echo "status $?"
$ ls -i o/unknown.tsv | cmp - before && diff -r o saved && cut -f 4,6,7 log.tsv
> status 2
> status	error	stages
> 2	stage 1 (ingest): exited with status 2	ingest=,,;normalise=,,;rank=,,;md=,,;html=,,
! [ingest] ingest: b.tsv: no header
! luong-run: stage 1 (ingest): exited with status 2
! luong-run: night: failed, no output replaced

# ... a stage that fails after writing all its rows: the next one has
# read them, but is stopped before the end, and writes nothing.
$ cd "$T" && d=$OLDPWD/data && luong-run -q --set out=o "$d/night.yaml" 2>/dev/null && ls -i o/unknown.tsv >before && cp -r o saved
$ luong-run --set out=o --set 's1=cat "$@"; exit 1' "$d/night.yaml"; echo "status $?"
$ ls -i o/unknown.tsv | cmp - before && diff -r o saved && echo kept
> status 1
> kept
! luong-run: stage 1 (ingest): exited with status 1
! luong-run: night: failed, no output replaced

# A stage killed by a signal.
$ luong-run --set out="$T" --set 's3=kill -9 $$' data/sh.yaml
! luong-run: stage 3 (three): killed by signal 9 (Killed)
! luong-run: sh: failed, no output replaced
? 1

# Only a broken pipe: the stage that lost its reader fails the run.
$ luong-run -q --set out="$T" --set 's1=exec seq 1 1000000' --set 's2=head -n 1' data/sh.yaml
! luong-run: stage 1 (one): killed by signal 13 (Broken pipe)
? 1

# ... but luong-run's own reader going away (luong-run p.yaml | head) is
# that reader's choice: the last stage dies of SIGPIPE, and luong-run dies
# of it too without a word, as a single filter would (status 141).  The
# run log says why.
$ cd "$T" && printf 'steps:\n  - [seq, 1, 1000000]\n  - [cat]\n' >p.yaml && { luong-run --log log.tsv p.yaml; echo $? >st; } | head -n 1; cat st; cut -f4,6,7 log.tsv
> 1
> 141
> status	error	stages
> 141	standard output closed by its reader	seq=,,;cat=,,

# ... unless something else failed: then that is the failure.
$ cd "$T" && printf 'steps:\n  - [sh, -c, "seq 1 1000000; exit 3"]\n  - [cat]\n' >p.yaml && { luong-run p.yaml; echo $? >st; } | head -n 1; cat st
> 1
> 1
! luong-run: stage 1 (sh): exited with status 3
! luong-run: p.yaml: failed

# A failing stage with no outputs to keep.
$ cd "$T" && printf 'steps:\n  - [sh, -c, "echo oops >&2; exit 2"]\n  - [cat]\n' >p.yaml && luong-run p.yaml
! [sh] oops
! luong-run: stage 1 (sh): exited with status 2
! luong-run: p.yaml: failed
? 2

# Atomicity.  A good run first; its outputs are kept, byte for byte, by
# each failure below, and no temporary file is left.
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" && cp "$T/o/stream.tsv" "$T/o/cmd.tsv" "$T/saved" && luong-run -q --set out="$T/o" --set 's2=cat; exit 1' data/sh.yaml; echo $?; cmp "$T/o/stream.tsv" "$T/saved/stream.tsv" && cmp "$T/o/cmd.tsv" "$T/saved/cmd.tsv" && ls -A "$T/o"
> 1
> cmd.tsv
> stream.tsv
! luong-run: stage 2 (two): exited with status 1

# ... a stage killed with kill -9 while the data flows:
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" && cp "$T/o/stream.tsv" "$T/o/cmd.tsv" "$T/saved" && luong-run -q --set out="$T/o" --set 's1=exec seq 1 1000000' --set 's2=head -n 1000; kill -9 $$' data/sh.yaml; echo $?; cmp "$T/o/stream.tsv" "$T/saved/stream.tsv" && cmp "$T/o/cmd.tsv" "$T/saved/cmd.tsv" && ls -A "$T/o"
> 1
> cmd.tsv
> stream.tsv
! luong-run: stage 2 (two): killed by signal 9 (Killed)

# ... an output command failing after reading it all:
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" && cp "$T/o/stream.tsv" "$T/o/cmd.tsv" "$T/saved" && luong-run -q --set out="$T/o" --set 's1=exec seq 1 300000' --set 'o2=cat; exit 1' data/sh.yaml; echo $?; cmp "$T/o/stream.tsv" "$T/saved/stream.tsv" && cmp "$T/o/cmd.tsv" "$T/saved/cmd.tsv" && ls -A "$T/o"
> 1
> cmd.tsv
> stream.tsv
! luong-run: output 2 (cmd): exited with status 1

# ... an output command failing without reading anything:
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" && cp "$T/o/stream.tsv" "$T/o/cmd.tsv" "$T/saved" && luong-run -q --set out="$T/o" --set 's1=exec seq 1 300000' --set 'o2=exit 1' data/sh.yaml; echo $?; cmp "$T/o/stream.tsv" "$T/saved/stream.tsv" && cmp "$T/o/cmd.tsv" "$T/saved/cmd.tsv" && ls -A "$T/o"
> 1
> cmd.tsv
> stream.tsv
! luong-run: output 2 (cmd): exited with status 1

# ... directories made for the outputs are removed again.
$ luong-run -q --set out="$T/new/dir" --set 's3=exit 1' data/sh.yaml; echo $?; ls -A "$T"
> 1
! luong-run: stage 3 (three): exited with status 1

# ... luong-run itself stopped by SIGTERM: it stops every stage, removes
# its temporary files and dies of the same signal.
$ luong-run -q --set out="$T/o" data/sh.yaml && mkdir "$T/saved" && cp "$T/o/stream.tsv" "$T/o/cmd.tsv" "$T/saved" && luong-run --set out="$T/o" --set 's1=exec seq 1 1000000' --set 's2=kill -TERM $PPID; exec cat' data/sh.yaml; echo $?; cmp "$T/o/stream.tsv" "$T/saved/stream.tsv" && cmp "$T/o/cmd.tsv" "$T/saved/cmd.tsv" && ls -A "$T/o"
> 143
> cmd.tsv
> stream.tsv
! luong-run: interrupted by signal 15 (Terminated)
! luong-run: sh: failed, no output replaced
! Terminated

# ... luong-run killed outright (SIGKILL) cannot stop its stages itself:
# on Linux the system sends each the SIGTERM luong-run would have, as it
# dies.  This stage kills luong-run, waits until it is an orphan, then
# would say it still runs on the standard output it shares with
# luong-run, which cat reads to its end: it never does.
$ { luong-run -q data/orphan.yaml; echo "status $?" >&2; } | cat
> started
! Killed
! status 137

# ... and its temporary files stay, named with its process id, with its
# lock file (see lock.t).  The next run removes those whose process is
# gone, and only those: not one of a process alive (the test's shell),
# not one without a process id, not another file's.  (The test waits for
# the lock first: a process the killed run was starting holds it until
# it closes it, a moment later.)
$ luong-run -q --set out="$T/o" --set 's1=kill -9 $PPID' data/sh.yaml; ls -A "$T/o" | sed -E 's/\.[0-9]+\.[A-Za-z0-9]{6}$/.PID.XXXXXX/'
> .cmd.tsv.PID.XXXXXX
> .stream.tsv.PID.XXXXXX
> .stream.tsv.lock
! Killed

$ luong-run -q --set out="$T/o" --set 's1=kill -9 $PPID' data/sh.yaml; flock "$T/o/.stream.tsv.lock" true; cd "$T/o" && : >.stream.tsv.4194305.AbC123 && : >.stream.tsv.$$.AbC123 && : >.stream.tsv.AbC123 && : >.other.tsv.4194305.AbC123 && cd - >/dev/null && luong-run --set out="$T/o" data/sh.yaml 2>&1 | sed "s|$T|T|"; ls -A "$T/o" | sed "s/\.$$\./.SHELL./" | sort
! Killed
> luong-run: T/o/stream.tsv: removed 2 temporary files left by a run that is gone
> luong-run: T/o/cmd.tsv: removed 1 temporary file left by a run that is gone
> luong-run: sh: 3 stages ok, 2 outputs written
> .other.tsv.4194305.AbC123
> .stream.tsv.AbC123
> .stream.tsv.SHELL.AbC123
> cmd.tsv
> stream.tsv

# An output that cannot be made: nothing runs.
$ : >"$T/file" && luong-run --set out="$T/file" data/sh.yaml 2>&1 | sed "s|$T|T|"; ls -A "$T"
> luong-run: T/file/stream.tsv: cannot make a lock file beside it: Not a directory
> luong-run: sh: failed, no output replaced
> file

# Any number of outputs: 40 are written, every one.
$ cd "$T" && for n in 40; do { printf 'steps:\n  - [echo, hi]\noutputs:\n'; i=0; while [ $i -lt $n ]; do i=$((i + 1)); printf '  - path: o%s/f%s\n' $n $i; done; } >p$n.yaml; luong-run -q p$n.yaml; echo "$n: $?"; done; ls; cat o40/f40; ls o40 | wc -l
> 40: 0
> o40
> p40.yaml
> hi
> 40
