# luong-expect: the command line every program shares (cli.h), --year,
# --missing and --unknown as side outputs that never overwrite an input,
# write errors, and the counts (LUONG_STATS_FD).

# An unknown option, long or short, names itself; then the usage.
$ luong-expect --bogus -t data/registry.tsv -k school_id,level data/stream.tsv
! luong-expect: unknown option --bogus
! usage: luong-expect -t registry -k key[,key ...] [--year year]
!                     [-g gazetteer.yaml] [--missing missing.tsv]
!                     [--unknown unknown.tsv] [file ...]
? 2

$ luong-expect -t
! luong-expect: option -t requires an argument
! usage: luong-expect -t registry -k key[,key ...] [--year year]
!                     [-g gazetteer.yaml] [--missing missing.tsv]
!                     [--unknown unknown.tsv] [file ...]
? 2

$ luong-expect -t data/registry.tsv data/stream.tsv
! luong-expect: -k is required
! usage: luong-expect -t registry -k key[,key ...] [--year year]
!                     [-g gazetteer.yaml] [--missing missing.tsv]
!                     [--unknown unknown.tsv] [file ...]
? 2

$ luong-expect -k school_id data/stream.tsv
! luong-expect: -t is required
! usage: luong-expect -t registry -k key[,key ...] [--year year]
!                     [-g gazetteer.yaml] [--missing missing.tsv]
!                     [--unknown unknown.tsv] [file ...]
? 2

# --help prints the usage on stdout; one that cannot be written is an
# error.
$ luong-expect --help
> usage: luong-expect -t registry -k key[,key ...] [--year year]
>                     [-g gazetteer.yaml] [--missing missing.tsv]
>                     [--unknown unknown.tsv] [file ...]

$ luong-expect --help >/dev/full
! luong-expect: <stdout>: write error: No space left on device
? 1

# usage() prints exactly the man page's SYNOPSIS.
$ a=$(luong-expect --help | sed 's/^usage: //' | tr -s ' \n' '  ' | sed 's/ $//')
$ b=$(mandoc -Tascii "$TOP/man/man1/luong-expect.1" | sed 's/.\x08//g' | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
$ [ -n "$a" ] && [ "$a" = "$b" ] && echo same || printf '%s\n%s\n' "$a" "$b"
> same

# -k: a list, repeated or not, its items not empty, in UTF-8.
$ luong-expect -t data/registry.tsv -k school_id -k level --year 2022-2023 data/stream.tsv 2>/dev/null | cut -f 1,3,8,9 | head -n 3
> school_id	level	_expected	_reported
> 80794201	THCS	1	1
> 80794301	THPT	1	1

$ luong-expect -t data/registry.tsv -k school_id, data/stream.tsv
! luong-expect: -k: empty item in "school_id,"
? 2

$ luong-expect -t data/registry.tsv -k "$(printf 'school\377')" data/stream.tsv
! luong-expect: -k: not valid UTF-8
? 2

# A key field must be in the registry and in the stream.
$ luong-expect -t data/registry.tsv -k school_id,graduates data/stream.tsv
! luong-expect: data/registry.tsv:1: -k: no field "graduates" in the registry
? 2

$ printf 'school_id\n80794201\n' | luong-expect -t data/registry.tsv -k school_id,level
! luong-expect: <stdin>:1: -k: no field "level" in the header
? 2

# --year: a school year as exports write it; anything else is a usage
# error, before the registry is read.
$ for y in 2022-2023 '2022 - 2023' 2022-23 '2022–2023'; do luong-expect -t data/registry.tsv -k school_id,level --year "$y" data/stream.tsv 2>&1 | tail -n 1; done
> luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023
> luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023
> luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023
> luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023

$ for y in 2022-2024 2022 'Năm học 2022-2023' ''; do luong-expect -t nothing.tsv -k school_id --year "$y" data/stream.tsv; echo "exit $?"; done
> exit 2
> exit 2
> exit 2
> exit 2
! luong-expect: --year "2022-2024": expected a school year such as 2022-2023
! luong-expect: --year "2022": expected a school year such as 2022-2023
! luong-expect: --year "Năm học 2022-2023": expected a school year such as 2022-2023
! luong-expect: --year "": expected a school year such as 2022-2023

# A registry, gazetteer or input that does not exist: exit 2, nothing
# written, no side file made.
$ luong-expect -t nothing.tsv -k school_id data/stream.tsv
! luong-expect: nothing.tsv: cannot open: No such file or directory
? 2

$ luong-expect -t data/registry.tsv -k school_id -g nothing.yaml data/stream.tsv
! luong-expect: nothing.yaml: cannot open: No such file or directory
? 2

$ luong-expect -t data/registry.tsv -k school_id --missing "$T/m.tsv" --unknown "$T/u.tsv" data/stream.tsv nothing.tsv; echo "exit $?"; ls "$T"
> exit 2
! luong-expect: nothing.tsv: cannot open: No such file or directory

# --missing and --unknown never overwrite an input, whatever its name:
# the stream, standard input, the registry, the gazetteer; nor name one
# file together.
$ cp data/stream.tsv "$T/s.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k school_id --missing ./s.tsv s.tsv; echo "exit $?"; wc -l <s.tsv
> exit 2
> 5
! luong-expect: --missing ./s.tsv would overwrite the input s.tsv

$ cp data/stream.tsv "$T/s.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k school_id --unknown s.tsv <s.tsv; echo "exit $?"; wc -l <s.tsv
> exit 2
> 5
! luong-expect: --unknown s.tsv would overwrite the input <stdin>

$ cp data/registry.tsv "$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id --missing r.tsv "$OLDPWD/data/stream.tsv"; echo "exit $?"; wc -l <r.tsv
> exit 2
> 7
! luong-expect: --missing r.tsv would overwrite the input r.tsv

$ cp "$TOP/config/long-an/districts.yaml" "$T/g.yaml"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k school_id -g g.yaml --unknown g.yaml "$OLDPWD/data/stream.tsv"; echo "exit $?"; cmp -s g.yaml "$TOP/config/long-an/districts.yaml" && echo unchanged
> exit 2
> unchanged
! luong-expect: --unknown g.yaml would overwrite the input g.yaml

$ cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k school_id --missing out.tsv --unknown out.tsv "$OLDPWD/data/stream.tsv"; echo "exit $?"; ls
> exit 2
! luong-expect: --missing and --unknown name the same file out.tsv

$ luong-expect -t data/registry.tsv -k school_id --missing '' data/stream.tsv
! luong-expect: --missing: the file name is empty
? 2

$ luong-expect -t data/registry.tsv -k school_id --unknown "$T/no/such/dir/u.tsv" data/stream.tsv 2>&1 | sed "s|$T|T|"
> luong-expect: T/no/such/dir/u.tsv: cannot create: No such file or directory

# A write error, on stdout or a side file, is exit 1 with a message.
$ luong-expect -t data/registry.tsv -k school_id,level data/stream.tsv >/dev/full 2>"$T/err"; echo "exit $?"; tail -n 1 "$T/err"
> exit 1
> luong-expect: <stdout>: write error: No space left on device

$ luong-expect -t data/registry.tsv -k school_id,level --missing /dev/full data/stream.tsv >/dev/null 2>"$T/err"; echo "exit $?"; tail -n 1 "$T/err"
> exit 1
> luong-expect: /dev/full: write error: No space left on device

$ luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 --unknown /dev/full data/stream.tsv >/dev/null 2>"$T/err"; echo "exit $?"; tail -n 1 "$T/err"
> exit 1
> luong-expect: /dev/full: write error: No space left on device

# The counts, as data (luong-stream(5)): rows passed on, none rejected,
# and the schools.
$ LUONG_STATS_FD=3 luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 data/stream.tsv 3>&1 >/dev/null 2>/dev/null
> program	rows_read	rows_written	rows_rejected	schools_expected	schools_reported	schools_missing	schools_unknown	rows_repeated
> luong-expect	4	4	0	4	2	2	2	0

# After an error too, the counts so far.
$ printf 'school_id\tlevel\n80794201\tTHCS\n80794301\n' | LUONG_STATS_FD=3 luong-expect -t data/registry.tsv -k school_id,level 3>&1 >/dev/null 2>/dev/null
> program	rows_read	rows_written	rows_rejected	schools_expected	schools_reported	schools_missing	schools_unknown	rows_repeated
> luong-expect	1	1	0	6	1	0	0	0
? 1
