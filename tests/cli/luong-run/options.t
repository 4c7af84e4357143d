# luong-run: options, operands and their errors.

$ luong-run
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

$ luong-run data/basic.yaml data/sh.yaml
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

$ luong-run -x data/basic.yaml
! luong-run: unknown option -x
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

$ luong-run --sett out=x data/basic.yaml
! luong-run: unknown option --sett
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

$ luong-run --log
! luong-run: option --log requires an argument
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

$ luong-run --help
> usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml

# --help that cannot be written.
$ luong-run --help >/dev/full
! luong-run: <stdout>: write error: No space left on device
? 1

$ luong-run --help=yes
! luong-run: option --help takes no argument
! usage: luong-run [-q] [--dry-run] [--log file] [--no-wait] [--set name=value ...] pipeline.yaml
? 2

# A missing pipeline file.
$ luong-run data/none.yaml
! luong-run: data/none.yaml: cannot open: No such file or directory
? 2

# A run: the summary on stderr, the outputs in place.
$ luong-run --set out="$T/o" data/basic.yaml && cat "$T/o/report.tsv" "$T/o/report.count"
> Thủ Thừa	1	x
> Đức Hòa	2	x
> Bến Lức	3	x
> Cần Giuộc	5	x
> Tân An	7	x
> 5
! luong-run: basic: 3 stages ok, 2 outputs written

# -q: no summary.
$ luong-run -q --set out="$T/o" data/basic.yaml && ls "$T/o"
> report.count
> report.tsv

# --set overrides a variable; the last one wins; values are literal.
$ luong-run -q --set label=y --set out="$T/o" --set 'label=a b ${out}' data/basic.yaml && head -n 2 "$T/o/report.tsv"
> Thủ Thừa	1	a b ${out}
> Đức Hòa	2	a b ${out}

# --set: not name=value, a bad name, no such variable.
$ luong-run --set out data/basic.yaml
! luong-run: --set: expected field=value, not "out"
? 2

$ luong-run --set 1x=2 data/basic.yaml
! luong-run: --set: "1x" is not a variable name
? 2

$ luong-run --set =2 data/basic.yaml
! luong-run: --set: expected field=value, not "=2"
? 2

# A --set value is UTF-8, brought to NFC as the stream is: "Thủ" typed
# in NFD (u, combining hook above) is the one of the stream.
$ luong-run -q --set out="$T/o" --set "label=$(printf 'Thu\314\211')" data/basic.yaml && cut -f 3 "$T/o/report.tsv" | uniq | od -An -c
>    T   h 341 273 247  \n

$ luong-run --set "label=$(printf '\377')" data/basic.yaml
! luong-run: --set: not valid UTF-8
? 2

$ luong-run --set lable=y data/basic.yaml
! luong-run: data/basic.yaml: --set lable: no such variable in vars
? 2

# --log: a record stream, its header written when the log is new, one
# record per run; the start time and duration vary and are checked apart.
$ luong-run -q --log "$T/log" --set out="$T/o" data/basic.yaml
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=exit 3' data/sh.yaml
$ cut -f 2-4,6- "$T/log" | sed "s|$T|T|g"
$ cut -f 1,5 "$T/log" | tail -n +2 | grep -Ec '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z	[0-9]+$'
> pipeline	name	status	error	stages	outputs	files_read	files_quarantined	files_skipped	rows_superseded	rows_excluded	rows_rejected	schools_expected	schools_reported	schools_missing
> data/basic.yaml	basic	0		body=,,;sort=,,;awk=,,;wc=,,	T/o/report.tsv;T/o/report.count									
> data/sh.yaml	sh	1	stage 2 (two): exited with status 3	one=,,;two=,,;three=,,;cmd=,,										
> 2
! luong-run: stage 2 (two): exited with status 3

# The rows of each stage, from the stats record it wrote on descriptor 3
# (LUONG_STATS_FD); what it says on stderr is for people, never read.
# More in stats.t.
$ luong-run -q --log "$T/log" --set out="$T/o" --set 's2=cat; printf "program\trows_read\trows_written\trows_rejected\ntwo\t5\t4\t1\n" >&3' --set 's3=cat; echo "three: 4 rows read, 4 written" >&2' data/sh.yaml
$ cut -f 7 "$T/log"
> stages
> one=,,;two=5,4,1;three=,,;cmd=,,
! [three] three: 4 rows read, 4 written

# A configuration error is logged too, with status 2.
$ luong-run -q --log "$T/log" data/err-key.yaml
$ cut -f 2-4,6- "$T/log"
> pipeline	name	status	error	stages	outputs	files_read	files_quarantined	files_skipped	rows_superseded	rows_excluded	rows_rejected	schools_expected	schools_reported	schools_missing
> data/err-key.yaml		2	configuration error											
! luong-run: data/err-key.yaml:5:5: unknown key "stdin"

# --dry-run writes no log.
$ luong-run --dry-run --log "$T/log" data/basic.yaml >/dev/null; ls "$T"

# The log cannot be opened: nothing runs.
$ luong-run --log "$T/no/log" --set out="$T/o" data/basic.yaml 2>"$T/err"; echo $?; sed "s|$T|T|" "$T/err"; ls "$T"
> 2
> luong-run: T/no/log: cannot open: No such file or directory
> err

# Write errors are never silent: the stream on a full disk, the dry-run
# script on a full disk, a log that cannot be written.
$ luong-run data/stdin.yaml <data/a.tsv >/dev/full
! [tr] tr: write error: No space left on device
! luong-run: stage 1 (tr): exited with status 1
! luong-run: upper: failed
? 1

$ luong-run --dry-run data/basic.yaml >/dev/full
! luong-run: <stdout>: write error: No space left on device
? 1

$ cd "$T" && cp -r "$OLDPWD/data" . && luong-run --log /dev/full data/basic.yaml; echo "status $?"; ls out
> status 1
> report.count
> report.tsv
! luong-run: /dev/full: write error: No space left on device
! luong-run: basic: 2 outputs written, but the run was not logged
