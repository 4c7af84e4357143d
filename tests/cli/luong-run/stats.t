# luong-run: counts as data.  Every process it starts finds a file of its
# own on descriptor 3, named by LUONG_STATS_FD=3 in its environment; the
# stats record a luong program writes there at exit (luong-stream(5)) is
# read once it has exited, and the run log's stages field is built from
# it.  What a process prints on stderr is only passed on, never read
# (options.t: a summary line without a record gives empty counts).

# A stage and an output command that say their counts only in their
# records (sh data/fake-luong: no word on stderr).
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=sh data/fake-luong two 5 4 1' --set 'o2=sh data/fake-luong out 6 6 0' data/sh.yaml
$ cut -f 4,7 "$T/log"
> status	stages
> 0	one=,,;two=5,4,1;three=,,;cmd=6,6,0

# A luong program in a wrapper whose stderr goes to /dev/null: the counts
# still reach the log.  (The program is luong-run itself, whose record
# gives the rows its first stage read, its last wrote and all rejected.)
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=luong-run data/inner.yaml 2>/dev/null' data/sh.yaml
$ cut -f 7 "$T/log"
> stages
> one=,,;two=7,5,2;three=,,;cmd=,,

# Anything but one good record is no record: empty counts, and the run
# goes on.  (ok, a good one, shows that the others are looked at.)
$ for k in ok garbage two order count negative huge nolf header short noname badname crlf big; do luong-run -q --log "$T/log" --set out="$T/o" --set "s2=sh data/bad-record $k" data/sh.yaml || echo "$k: failed"; done; cut -f 7 "$T/log" | sort | uniq -c | sed 's/^ *//'
> 13 one=,,;two=,,;three=,,;cmd=,,
> 1 one=,,;two=1,1,0;three=,,;cmd=,,
> 1 stages

# A stage that fails after writing its record: the counts so far.  The
# stage after it is stopped (SIGTERM) before it sees the end of its
# input, and writes none; a stage killed by a signal writes none either.
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=sh data/fake-luong two 5 4 1; exit 1' --set 's3=exec sh data/fake-luong three 4 4 0' data/sh.yaml
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=sh data/fake-luong two 5 4 1' --set 's3=cat; kill -9 $$' data/sh.yaml
$ cut -f 4,6,7 "$T/log"
> status	error	stages
> 1	stage 2 (two): exited with status 1	one=,,;two=5,4,1;three=,,;cmd=,,
> 1	stage 3 (three): killed by signal 9 (Killed)	one=,,;two=5,4,1;three=,,;cmd=,,
! luong-run: stage 2 (two): exited with status 1
! luong-run: stage 3 (three): killed by signal 9 (Killed)

# Each process sees descriptor 3, its own stats file, and no other:
# not luong-run's own LUONG_STATS_FD (9 here), not the log, not the other
# processes' stats files.
$ LUONG_STATS_FD=9 luong-run -q --log "$T/runs.log" --set out="$T/o" data/fds.yaml 9>"$T/st" && cat "$T/o/o"
> LUONG_STATS_FD=3
> stats file on 3
> 9 closed
> LUONG_STATS_FD=3
> stats file on 3
> 9 closed

# luong-run's own record, with LUONG_STATS_FD: rows read by the first
# stage, written by the last, rejected by all the stages; the stages
# started and the outputs replaced.
$ LUONG_STATS_FD=3 luong-run -q --set out="$T/o" --set 's1=sh data/fake-luong one 9 8 1 <data/a.tsv' --set 's2=sh data/fake-luong two 8 6 2' --set 's3=sh data/fake-luong three 6 5 0' --set 'o2=sh data/fake-luong out 5 5 3' data/sh.yaml 3>"$T/st"; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	9	5	3	3	2

# ... with no log and no output, the first stats file luong-run makes is
# its descriptor 3 too.
$ LUONG_STATS_FD=9 luong-run -q data/stdout.yaml 9>"$T/st" 3>&-; cat "$T/st"
< x
> x
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	4	3	1	1	0

# ... the first or the last stage without a record: 0.
$ LUONG_STATS_FD=3 luong-run -q --set out="$T/o" --set 's2=sh data/fake-luong two 8 6 2' data/sh.yaml 3>"$T/st"; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	0	0	2	3	2

# ... after a failed stage: the counts so far, no output replaced.
$ LUONG_STATS_FD=3 luong-run -q --set out="$T/o" --set 's1=sh data/fake-luong one 9 8 1 <data/a.tsv' --set 's3=cat >/dev/null; exit 1' data/sh.yaml 3>"$T/st"; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	9	0	1	3	0
! luong-run: stage 3 (three): exited with status 1

# ... after a configuration error or a usage error, and for --dry-run:
# nothing ran.
$ LUONG_STATS_FD=3 luong-run data/err-key.yaml 3>"$T/st"; LUONG_STATS_FD=3 luong-run -Z 3>>"$T/st" 2>/dev/null; LUONG_STATS_FD=3 luong-run --dry-run data/basic.yaml 3>>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	0	0	0	0	0
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	0	0	0	0	0
> program	rows_read	rows_written	rows_rejected	stages	outputs
> luong-run	0	0	0	0	0
! luong-run: data/err-key.yaml:5:5: unknown key "stdin"

# A LUONG_STATS_FD that is not open.
$ LUONG_STATS_FD=8 luong-run data/basic.yaml 8>&-
! luong-run: LUONG_STATS_FD=8: not an open file descriptor
? 2
