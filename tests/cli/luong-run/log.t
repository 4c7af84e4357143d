# luong-run --log: the run log tells the night from the stats records of
# the steps: files read, quarantined and skipped (luong-ingest), rows
# superseded, of another year and rejected, schools expected, reported and
# missing (luong-expect), each summed over the steps whose records have
# it, empty when none has.  The stages here are data/fake-luong, which
# writes such a record and nothing on stderr.  A log keeps its own header;
# a file that is not a run log is refused before anything runs.

# A night: ingest with its file counts, a normalise, an expect with its
# school counts.  rows_rejected is every step's (ingest's counts its rows
# of another year, rows_excluded, among them); the output command's
# record (files_read=99) is not a step's, and counts only in stages.
$ cd "$T" && cp -r "$OLDPWD/data" . && luong-run -q --log log.tsv --set 's1=sh data/fake-luong ingest 40 28 12 files_read=12 files_quarantined=1 files_skipped=2 rows_superseded=30 rows_excluded=5 rows_withdrawn=9 <"$1"' --set 's2=sh data/fake-luong normalise 28 27 1' --set 's3=sh data/fake-luong expect 27 34 0 schools_expected=127 schools_reported=120 schools_missing=7 schools_unknown=2' --set 'o2=sh data/fake-luong render 34 34 0 files_read=99' data/sh.yaml
$ cut -f 4,7- log.tsv | tr '\t' '|'
> status|stages|outputs|files_read|files_quarantined|files_skipped|rows_superseded|rows_excluded|rows_rejected|schools_expected|schools_reported|schools_missing
> 0|one=40,28,12;two=28,27,1;three=27,34,0;cmd=34,34,0|out/stream.tsv;out/cmd.tsv|12|1|2|30|5|13|127|120|7

# Two ingest steps: their counts add up.  A failed night has the counts
# of the steps that wrote records; none of luong-expect's here.
$ cd "$T" && cp -r "$OLDPWD/data" . && luong-run -q --log log.tsv --set 's1=sh data/fake-luong a 4 3 1 files_read=2 files_skipped=1 <"$1"' --set 's2=sh data/fake-luong b 3 2 1 files_read=1 files_quarantined=1 rows_excluded=1' --set 's3=cat; exit 1' data/sh.yaml
$ cut -f 4,9- log.tsv | tr '\t' '|'
> status|files_read|files_quarantined|files_skipped|rows_superseded|rows_excluded|rows_rejected|schools_expected|schools_reported|schools_missing
> 1|3|1|1||1|2|||
! luong-run: stage 3 (three): exited with status 1

# A log begun by an earlier luong-run, with the first eight fields: the
# record has that header's fields, so that the log stays one record
# stream.  So does a log whose header is any list of log fields.
$ cd "$T" && cp -r "$OLDPWD/data" . && printf 'start\tpipeline\tname\tstatus\tduration_ms\terror\tstages\toutputs\n2026-11-26T02:00:00Z\tdata/sh.yaml\tsh\t0\t41\t\tone=,,\tout/stream.tsv\n' >old.tsv && luong-run -q --log old.tsv --set 's1=sh data/fake-luong one 4 3 1 files_read=2 <"$1"' data/sh.yaml && awk -F '\t' '{ print NF }' old.tsv | uniq -c | sed 's/^ *//' && tail -n 1 old.tsv | cut -f 2-4,6-
> 3 8
> data/sh.yaml	sh	0		one=4,3,1;two=,,;three=,,;cmd=,,	out/stream.tsv;out/cmd.tsv

$ cd "$T" && cp -r "$OLDPWD/data" . && printf 'status\tfiles_read\tpipeline\n' >some.tsv && luong-run -q --log some.tsv --set 's1=sh data/fake-luong one 4 3 1 files_read=2 <"$1"' data/sh.yaml && cat some.tsv
> status	files_read	pipeline
> 0	2	data/sh.yaml

# Any other file is not a run log: refused, exit 2, before anything runs
# or is made; the file is left as it was.
$ cd "$T" && cp -r "$OLDPWD/data" . && printf 'district\tn\nTân An\t7\n' >r.tsv && cp r.tsv saved && luong-run --log r.tsv --set out=o data/sh.yaml; echo "status $?"; cmp r.tsv saved && ls
> status 2
> data
> r.tsv
> saved
! luong-run: r.tsv: not a run log: "district" in its header is not a field of the log

$ cd "$T" && printf 'status\tname\tstatus\n' >r.tsv && luong-run --log r.tsv "$OLDPWD/data/sh.yaml"
! luong-run: r.tsv: not a run log: its header names "status" twice
? 2

$ cd "$T" && printf 'start\tstatus\r\n' >r.tsv && luong-run --log r.tsv "$OLDPWD/data/sh.yaml"
! luong-run: r.tsv: not a run log: "status\r" in its header is not a field of the log
? 2

$ cd "$T" && printf '\nstart\n' >r.tsv && luong-run --log r.tsv "$OLDPWD/data/sh.yaml"; printf 'start' >r.tsv && luong-run --log r.tsv "$OLDPWD/data/sh.yaml"; head -c 5000 /dev/zero | tr '\0' a >r.tsv && luong-run --log r.tsv "$OLDPWD/data/sh.yaml"
! luong-run: r.tsv: not a run log: its first line is not a header
! luong-run: r.tsv: not a run log: its first line is not a header
! luong-run: r.tsv: not a run log: its first line is not a header
? 2

# ... and a log that became one by the end of the run (a stage wrote into
# it) is not written to: the reports are in place, the run says it was not
# logged, and exits 1.
$ cd "$T" && cp -r "$OLDPWD/data" . && luong-run --log log.tsv --set out=o --set "s2=cat; echo junk >>$T/log.tsv" data/sh.yaml; echo "status $?"; cat log.tsv; ls o
> status 1
> junk
> cmd.tsv
> stream.tsv
! luong-run: log.tsv: not a run log: "junk" in its header is not a field of the log
! luong-run: sh: 2 outputs written, but the run was not logged

# Runs that share a new log: one header, then a record each.
$ cd "$T" && cp -r "$OLDPWD/data" . && for i in 1 2 3 4 5 6 7 8; do luong-run -q --log log.tsv --set out=o$i data/sh.yaml & done; wait; grep -c '^start' log.tsv; awk -F '\t' '{ print NF }' log.tsv | uniq -c | sed 's/^ *//'
> 1
> 9 17

# ... in turn: a run waits for the log's lock (flock(2)) to write its
# record; here the test holds it for half a second after the run's last
# stage has ended.
$ cd "$T" && cp -r "$OLDPWD/data" . && mkfifo done && exec 9>>log.tsv && flock 9 && { luong-run -q --log log.tsv --set 's3=cat; echo >done' data/sh.yaml 9>&- & } && read -r x <done && sleep 0.5 && wc -c <log.tsv && exec 9>&- && wait && grep -c '^start' log.tsv && wc -l <log.tsv
> 0
> 1
> 2
