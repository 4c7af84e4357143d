# luong-rank: usage, --help and every usage error (exit 2, nothing on stdout).
$ luong-rank --help
> usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
>                   [--keep-order] [--rank-column name]
>                   [--ties competition|dense|ordinal]
>                   [--total field=value] ... [file ...]

$ luong-rank --help >/dev/full
! luong-rank: <stdout>: write error: No space left on device
? 1

$ luong-rank --help=yes
! luong-rank: option --help takes no argument
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

$ luong-rank -x
! luong-rank: unknown option -x
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

$ luong-rank --frobnicate=3
! luong-rank: unknown option --frobnicate
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

$ luong-rank -b
! luong-rank: option -b requires an argument
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

$ luong-rank --ties
! luong-rank: option --ties requires an argument
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

# usage() prints exactly the man page's SYNOPSIS.
$ a=$(luong-rank --help | sed 's/^usage: //' | tr -s ' \n' '  ' | sed 's/ $//')
$ b=$(mandoc -Tascii "$TOP/man/man1/luong-rank.1" | sed 's/.\x08//g' | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
$ [ -n "$a" ] && [ "$a" = "$b" ] && echo same || printf '%s\n%s\n' "$a" "$b"
> same

# -b: the direction must be asc or desc; the field name is not empty.
$ luong-rank -b vocational_gap:down data/ties.tsv
! luong-rank: -b: "vocational_gap:down": the direction must be asc or desc
? 2

$ luong-rank -b vocational_gap: data/ties.tsv
! luong-rank: -b: "vocational_gap:": the direction must be asc or desc
? 2

$ luong-rank -b :asc data/ties.tsv
! luong-rank: -b: ":asc": no field name
? 2

$ luong-rank -b '' data/ties.tsv
! luong-rank: -b: empty item in ""
? 2

# A field an option names must be in the header (line 1 of the first file).
$ luong-rank -b nosuch data/ties.tsv
! luong-rank: data/ties.tsv:1: -b: no field "nosuch"
? 2

$ luong-rank -b score -p level data/ties.tsv
! luong-rank: data/ties.tsv:1: -p: no field "level"
? 2

$ luong-rank -b score --total region=all data/ties.tsv
! luong-rank: data/ties.tsv:1: --total: no field "region"
? 2

$ luong-rank -b score -c code data/ties.tsv
! luong-rank: data/ties.tsv:1: -c: no field "code"
? 2

# ordinal needs the code field to break ties.
$ printf 'district\tscore\nA\t1\n' | luong-rank -b score --ties ordinal
! luong-rank: <stdin>:1: --ties ordinal: no field "district_code" to break ties by (see -c)
? 2

# The default key needs vocational and vocational_target to score.
$ luong-rank data/ties.tsv
! luong-rank: data/ties.tsv:1: -b: no field "vocational_gap"
? 2

# The rank column is written, not read: no key on a rank that is not there.
$ luong-rank -b rank data/ties.tsv
! luong-rank: data/ties.tsv:1: -b: no field "rank"
? 2

# --ties: one of three words.
$ luong-rank --ties olympic -b score data/ties.tsv
! luong-rank: --ties: "olympic": expected competition, dense or ordinal
? 2

$ luong-rank --ties '' -b score data/ties.tsv
! luong-rank: --ties: "": expected competition, dense or ordinal
? 2

# --total field=value, both parts present, the value valid UTF-8.
$ luong-rank --total district -b score data/ties.tsv
! luong-rank: --total: expected field=value, not "district"
? 2

$ luong-rank --total =A -b score data/ties.tsv
! luong-rank: --total: expected field=value, not "=A"
? 2

$ luong-rank --total district= -b score data/ties.tsv
! luong-rank: --total: expected field=value, not "district="
? 2

$ luong-rank --total "district=$(printf 'T\377')" -b score data/ties.tsv
! luong-rank: --total: not valid UTF-8
? 2

# Empty names.
$ luong-rank --rank-column '' -b score data/ties.tsv
! luong-rank: --rank-column: empty field name
? 2

$ luong-rank -c '' -b score data/ties.tsv
! luong-rank: -c: empty field name
? 2

$ luong-rank -p '' -b score data/ties.tsv
! luong-rank: -p: empty item in ""
? 2

# The rank cannot take the name of a score field.
$ luong-rank --rank-column vocational_gap data/edge.tsv
! luong-rank: --rank-column: "vocational_gap" is a score field
? 2

# Inputs: a missing file fails before any output, even after a good one.
$ luong-rank -b score data/ties.tsv data/nosuch.tsv
! luong-rank: data/nosuch.tsv: cannot open: No such file or directory
? 2

$ luong-rank -b score </dev/null
! luong-rank: <stdin>: empty input: no header line
? 2

$ printf 'district\tscore\nA\t1\n' >"$T/a.tsv"; printf 'district\tpoints\nB\t2\n' >"$T/b.tsv"; cd "$T" && luong-rank -b score a.tsv b.tsv
! luong-rank: b.tsv:1: header differs from a.tsv's: field 2 is "points", not "score"
? 2

# A row with the wrong number of fields is a data error.
$ printf 'a\tb\n1\n' | luong-rank -b a
! luong-rank: <stdin>:2: 1 field, the header has 2
? 1

# A write error is never silent.
$ luong-rank -b score data/ties.tsv >/dev/full
! luong-rank: <stdout>: write error: No space left on device
? 1
