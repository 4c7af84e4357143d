# luong-join: the command line every program shares (cli.h), -u as a side
# output that never overwrites an input, and the counts (LUONG_STATS_FD).

# An unknown long option, like a short one, names itself; then the usage.
$ luong-join --bogus -t data/targets.tsv -k level data/stream.tsv
! luong-join: unknown option --bogus
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

$ luong-join -t
! luong-join: option -t requires an argument
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

$ luong-join --help=yes
! luong-join: option --help takes no argument
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

# --help that cannot be written is an error.
$ luong-join --help >/dev/full
! luong-join: <stdout>: write error: No space left on device
? 1

# usage() prints exactly the man page's SYNOPSIS.
$ a=$(luong-join --help | sed 's/^usage: //' | tr -s ' \n' '  ' | sed 's/ $//')
$ b=$(mandoc -Tascii "$TOP/man/man1/luong-join.1" | sed 's/.\x08//g' | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
$ [ -n "$a" ] && [ "$a" = "$b" ] && echo same || printf '%s\n%s\n' "$a" "$b"
> same

# -k: a list, repeated or not; its names are taken in NFC, so a name typed
# in NFD finds the header's field.
$ luong-join -t data/targets.tsv -k level -k district_code,district data/stream.tsv 2>/dev/null | tail -n 1
> THPT	794	Tân An	3	44.17

$ printf 'xã\tn\nTân An\t1\n' | luong-join -t data/nfd-table.tsv -k "$(printf 'xa\314\203')=district"
> xã	n	code
> Tân An	1	794
! luong-join: stream: 1 row read, 1 matched, 0 unmatched; table: 1 row, 1 matched, 0 unmatched; 1 row written

$ luong-join -t data/targets.tsv -k level, data/stream.tsv
! luong-join: -k: empty item in "level,"
? 2

$ luong-join -t data/targets.tsv -k =level data/stream.tsv
! luong-join: -k: empty field name in "=level"
? 2

$ luong-join -t data/targets.tsv -k "$(printf 'T\377')" data/stream.tsv
! luong-join: -k: not valid UTF-8
? 2

# --where's value is taken in NFC: typed in NFD it selects the NFC rows.
$ luong-join -t data/targets.tsv -k level,district_code,district --where "district=$(printf 'Ta\314\202n An')" data/stream.tsv 2>&1 | tail -n 1
> luong-join: stream: 5 rows read, 2 matched, 3 unmatched; table: 2 rows, 2 matched, 0 unmatched; 2 rows written

$ luong-join -t data/targets.tsv -k level --where =THCS data/stream.tsv
! luong-join: --where: expected field=value, not "=THCS"
? 2

# -u must not name the table: refused before anything is written, and the
# table is left as it was, byte for byte.
$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; luong-join -t targets.tsv -k level,district_code,district -u targets.tsv stream.tsv; echo "status $?"; cmp targets.tsv "$TOP/tests/cli/luong-join/data/targets.tsv" && echo intact; ls -A
> status 2
> intact
> stream.tsv
> targets.tsv
! luong-join: -u targets.tsv would overwrite the input targets.tsv

# The same file under another name is the same file: a hard link, or a
# symbolic link (followed to the file it names).
$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; ln targets.tsv hard.tsv; luong-join -t targets.tsv -k level,district_code,district -u hard.tsv stream.tsv; echo "status $?"; cmp targets.tsv "$TOP/tests/cli/luong-join/data/targets.tsv" && echo intact
> status 2
> intact
! luong-join: -u hard.tsv would overwrite the input targets.tsv

$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; ln -s targets.tsv link.tsv; luong-join -t targets.tsv -k level,district_code,district -u ./link.tsv stream.tsv 2>&1 | sed "s|$(pwd -P)/||"; cmp targets.tsv "$TOP/tests/cli/luong-join/data/targets.tsv" && echo intact; ls -l link.tsv | sed 's/.* link/link/'
> luong-join: -u ./link.tsv would overwrite the input targets.tsv
> intact
> link.tsv -> targets.tsv

# A link to another file: the file is replaced, the link stays a link.
$ cd "$T"; echo old >u.tsv; ln -s u.tsv link.tsv; luong-join -t "$TOP/tests/cli/luong-join/data/targets.tsv" -k level,district_code,district -u link.tsv <"$TOP/tests/cli/luong-join/data/stream.tsv" >/dev/null 2>&1; ls -l link.tsv | sed 's/.* link/link/'; cut -f 1,3 u.tsv; ls -A
> link.tsv -> u.tsv
> _side	_line
> stream	5
> stream	6
> table	5
> link.tsv
> u.tsv

# A pipe (or a device, as -u /dev/null) is written as it is, never
# replaced by a file.
$ cd "$T"; mkfifo p; timeout 10 cat p >got & luong-join -t "$TOP/tests/cli/luong-join/data/targets.tsv" -k level,district_code,district -u p <"$TOP/tests/cli/luong-join/data/stream.tsv" >/dev/null 2>&1; echo "status $?"; wait; [ -p p ] && echo pipe; cut -f 1,3 got
> status 0
> pipe
> _side	_line
> stream	5
> stream	6
> table	5

# Nor a stream input: an operand, "-" or standard input redirected from it.
$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; cp stream.tsv other.tsv; luong-join -t targets.tsv -k level,district_code,district -u stream.tsv other.tsv stream.tsv; echo "status $?"; cmp stream.tsv "$TOP/tests/cli/luong-join/data/stream.tsv" && echo intact
> status 2
> intact
! luong-join: -u stream.tsv would overwrite the input stream.tsv

$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; luong-join -t targets.tsv -k level,district_code,district -u stream.tsv - <stream.tsv; echo "status $?"; cmp stream.tsv "$TOP/tests/cli/luong-join/data/stream.tsv" && echo intact
> status 2
> intact
! luong-join: -u stream.tsv would overwrite the input <stdin>

$ cp data/targets.tsv data/stream.tsv "$T"; cd "$T"; luong-join -t targets.tsv -k level,district_code,district -u stream.tsv <stream.tsv; echo "status $?"; cmp stream.tsv "$TOP/tests/cli/luong-join/data/stream.tsv" && echo intact
> status 2
> intact
! luong-join: -u stream.tsv would overwrite the input <stdin>

# -u replaces an older file whole, and leaves no temporary file beside it.
$ cd "$T"; echo old >u.tsv; luong-join -t "$TOP/tests/cli/luong-join/data/targets.tsv" -k level,district_code,district -u u.tsv <"$TOP/tests/cli/luong-join/data/stream.tsv" >/dev/null 2>&1; ls -A; cut -f 1,3 u.tsv
> u.tsv
> _side	_line
> stream	5
> stream	6
> table	5

# A stream that fails part way still leaves -u with what was found so far.
$ cd "$T"; (cat "$TOP/tests/cli/luong-join/data/stream.tsv"; printf 'THCS\t1\n') | luong-join -t "$TOP/tests/cli/luong-join/data/targets.tsv" -k level,district_code,district -u u.tsv >/dev/null; echo "status $?"; ls -A; cut -f 1,3 u.tsv
> status 1
> u.tsv
> _side	_line
> stream	5
> stream	6
! luong-join: <stdin>:5: no match in the table
! luong-join: <stdin>:6: no match in the table
! luong-join: <stdin>:7: 2 fields, the header has 4

# Counts as data: stream rows read, written and rejected (an inner join's
# unmatched rows), unmatched stream rows, the table's rows and those
# --where left out, and table rows no stream row matched.
$ LUONG_STATS_FD=3 luong-join -t data/targets.tsv -k level,district_code,district data/stream.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	5	3	2	2	4	0	1

# --left writes the unmatched rows: nothing is rejected.
$ LUONG_STATS_FD=3 luong-join --left -t data/targets.tsv -k level,district_code,district data/stream.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	5	5	0	2	4	0	1

$ LUONG_STATS_FD=3 luong-join -t data/targets.tsv -k level,district_code,district --where level=THCS data/stream.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	5	2	3	3	2	2	0

# --strict fails, with the counts.
$ LUONG_STATS_FD=3 luong-join --strict -t data/targets.tsv -k level,district_code,district data/stream.tsv 3>"$T/st" >/dev/null 2>&1; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	5	3	2	2	4	0	1

# An error part way through the stream: the counts so far.
$ (cat data/stream.tsv; printf 'THCS\t1\n') | LUONG_STATS_FD=3 luong-join -t data/targets.tsv -k level,district_code,district 3>"$T/st" >/dev/null 2>&1; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	5	3	2	2	4	0	0

# A bad table: nothing read yet.
$ LUONG_STATS_FD=3 luong-join -t data/dup.tsv -k level,district_code data/stream.tsv 3>"$T/st" 2>/dev/null; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	unmatched	table_rows	table_excluded	unpaired
> luong-join	0	0	0	0	3	0	0
