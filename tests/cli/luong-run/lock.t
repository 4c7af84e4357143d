# luong-run: two runs never write the same outputs at once.  A run takes
# an flock(2) on .NAME.lock beside its first output before it makes
# anything, and removes the file as it ends, still holding the lock.  The
# lock is held here by flock(1) or by the test's shell, never raced.

# A run that finds the lock held, with --no-wait: it fails at once, with
# status 1, and makes nothing.
$ mkdir "$T/o" && { flock "$T/o/.stream.tsv.lock" luong-run --no-wait --set out="$T/o" data/sh.yaml; echo "status $?"; } 2>&1 | sed "s|$T|T|"; ls -A "$T/o"
> luong-run: T/o/.stream.tsv.lock: another run holds the lock
> luong-run: sh: failed, no output replaced
> status 1
> .stream.tsv.lock

# ... and in its log.
$ mkdir "$T/o" && flock "$T/o/.stream.tsv.lock" luong-run -q --no-wait --log "$T/log.tsv" --set out="$T/o" data/sh.yaml 2>/dev/null; cut -f4,6 "$T/log.tsv" | sed "s|$T|T|"
> status	error
> 1	T/o/.stream.tsv.lock: another run holds the lock

# Without --no-wait it says it waits, and waits: here until the shell
# that holds the lock has read that line and let go.  Then it runs, and
# leaves no lock file.
$ mkdir "$T/o" && mkfifo "$T/err" && exec 9>"$T/o/.stream.tsv.lock" && flock 9
$ luong-run --set out="$T/o" data/sh.yaml 9>&- 2>"$T/err" &
$ exec 8<"$T/err" && read -r l <&8 && echo "$l" | sed "s|$T|T|" && exec 9>&- && cat <&8; wait $!; echo "status $?"; ls -A "$T/o"
> luong-run: T/o/.stream.tsv.lock: waiting for another run to finish
> luong-run: sh: 3 stages ok, 2 outputs written
> status 0
> cmd.tsv
> stream.tsv

# A signal stops the wait: the run makes nothing and dies of it.
$ mkdir "$T/o" && mkfifo "$T/err" && exec 9>"$T/o/.stream.tsv.lock" && flock 9
$ luong-run --set out="$T/o" data/sh.yaml 9>&- 2>"$T/err" &
$ exec 8<"$T/err" && read -r l <&8 && echo "$l" | sed "s|$T|T|" && kill -TERM $! && cat <&8; wait $!; echo "status $?"; ls -A "$T/o"
> luong-run: T/o/.stream.tsv.lock: waiting for another run to finish
> luong-run: interrupted by signal 15 (Terminated)
> luong-run: sh: failed, no output replaced
> status 143
> .stream.tsv.lock

# The lock is beside the first output that is a file: not in /dev.
$ cd "$T" && printf 'steps: [[echo, hi]]\noutputs:\n  - {path: /dev/null}\n  - {path: o/a.tsv}\n' >p.yaml && mkdir o && flock o/.a.tsv.lock luong-run -q --no-wait p.yaml; echo "status $?"
! luong-run: o/.a.tsv.lock: another run holds the lock
> status 1

# No outputs, no lock: the stream goes to standard output.
$ cd "$T" && printf 'steps: [[echo, hi]]\n' >p.yaml && luong-run -q --no-wait p.yaml && ls -A
> hi
> p.yaml
