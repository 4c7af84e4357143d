# What every reader of the record stream refuses (luong-stream(5)), the
# same way in every program, since they all read it through tools/lib/rec:
# a NUL byte (a C string ends at it, so "A\0B" would be "A" to one program
# and three bytes to another), a header with a field that has no name or
# a name twice, and a lone 1f byte (a gzip file cut short).  Each case
# runs every program on one bad input: its message, then its exit status.

# A NUL in a row: malformed input at file:line, exit 1, nothing written;
# in a table that luong-join reads (-t) as in the stream.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf 'district\tlevel\tn\nA\0B\tTHCS\t1\nA\0C\tTHCS\t2\n' >bad.tsv && each bad.tsv && luong-join -t bad.tsv -k district t.tsv 2>&1; echo "exit $?"
> luong-rates: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-rates: exit 1
> luong-normalise: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-normalise: exit 1
> luong-expect: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-expect: exit 1
> luong-join: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-join: exit 1
> luong-rank: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-rank: exit 1
> luong-render: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> luong-render: exit 1
> luong-join: bad.tsv:2: field "district" holds a NUL byte (not valid in a record stream)
> exit 1

# The field is named by the header; past the header's fields, by number.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf 'district\tn\nA\t1\0\n' >bad.tsv && printf 'district\tn\nA\t1\t\0\n' >wide.tsv && luong-rates -g district --rate 'n=count()/count()' bad.tsv wide.tsv; echo "exit $?"; luong-render -f tsv wide.tsv; echo "exit $?"
> exit 1
> exit 1
! luong-rates: bad.tsv:2: field "n" holds a NUL byte (not valid in a record stream)
! luong-render: wide.tsv:2: field 3 holds a NUL byte (not valid in a record stream)

# In the header, a NUL is a header that cannot be read: exit 2 at line 1,
# as for the other header errors below; in a later file's header too.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf 'district\tn\0x\nA\t1\n' >bad.tsv && each bad.tsv && printf 'district\tn\nA\t1\n' >ok.tsv && luong-render -f tsv ok.tsv bad.tsv 2>&1; echo "exit $?"
> luong-rates: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-rates: exit 2
> luong-normalise: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-normalise: exit 2
> luong-expect: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-expect: exit 2
> luong-join: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-join: exit 2
> luong-rank: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-rank: exit 2
> luong-render: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> luong-render: exit 2
> luong-render: bad.tsv:1: field 2 of the header holds a NUL byte (not valid in a record stream)
> exit 2

# A header with a name twice, at file:1, exit 2 (luong-ingest refuses
# such a header too); the table luong-join reads as well, whatever its
# format.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf 'district\tn\tdistrict\nA\t1\tB\n' >bad.tsv && each bad.tsv && for t in bad.tsv bad.csv; do printf 'district,m,m\nA,1,2\n' >bad.csv; luong-join -t "$t" -k district t.tsv 2>&1; echo "exit $?"; done
> luong-rates: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-rates: exit 2
> luong-normalise: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-normalise: exit 2
> luong-expect: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-expect: exit 2
> luong-join: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-join: exit 2
> luong-rank: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-rank: exit 2
> luong-render: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> luong-render: exit 2
> luong-join: bad.tsv:1: field "district" appears twice in the header (fields 1 and 3)
> exit 2
> luong-join: bad.csv:1: field "m" appears twice in the header (fields 2 and 3)
> exit 2

# A field with no name: in the middle, or the whole header an empty line.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf 'district\t\tn\nA\t\t1\n' >bad.tsv && each bad.tsv && printf '\nA\n' | luong-render -f tsv 2>&1; echo "exit $?"; printf 'district,\nA,1\n' >bad.csv; luong-join -t bad.csv -k district t.tsv 2>&1; echo "exit $?"; printf -- '- district: A\n  "": 1\n' >bad.yaml; luong-join -t bad.yaml -k district t.tsv 2>&1; echo "exit $?"
> luong-rates: bad.tsv:1: field 2 of the header has no name
> luong-rates: exit 2
> luong-normalise: bad.tsv:1: field 2 of the header has no name
> luong-normalise: exit 2
> luong-expect: bad.tsv:1: field 2 of the header has no name
> luong-expect: exit 2
> luong-join: bad.tsv:1: field 2 of the header has no name
> luong-join: exit 2
> luong-rank: bad.tsv:1: field 2 of the header has no name
> luong-rank: exit 2
> luong-render: bad.tsv:1: field 2 of the header has no name
> luong-render: exit 2
> luong-render: <stdin>:1: field 1 of the header has no name
> exit 2
> luong-join: bad.csv:1: field 2 of the header has no name
> exit 2
> luong-join: bad.yaml:2:3: a field with no name
> exit 2

# A YAML table's "\0" is a NUL byte as well.
$ cd "$T" && printf 'district\tm\nA\t1\n' >t.tsv && printf -- '- district: "A\\0B"\n  m: 1\n' >bad.yaml && luong-join -t bad.yaml -k district t.tsv; echo "exit $?"
> exit 1
! luong-join: bad.yaml:1: field "district" holds a NUL byte (not valid in a record stream)

# A one-byte file holding 1f is the first byte of a gzip magic number and
# nothing more: a truncated gzip file, exit 1 — never an empty stream.
# Two bytes, the whole magic, are truncated too.
$ cd "$T" && . "$OLDPWD/data/setup.sh" && printf '\037' >bad.tsv && each bad.tsv && printf '\037\213' | luong-render -f tsv 2>&1; echo "exit $?"; luong-ingest bad.tsv 2>&1; echo "exit $?"
> luong-rates: bad.tsv: gzip data is truncated
> luong-rates: exit 1
> luong-normalise: bad.tsv: gzip data is truncated
> luong-normalise: exit 1
> luong-expect: bad.tsv: gzip data is truncated
> luong-expect: exit 1
> luong-join: bad.tsv: gzip data is truncated
> luong-join: exit 1
> luong-rank: bad.tsv: gzip data is truncated
> luong-rank: exit 1
> luong-render: bad.tsv: gzip data is truncated
> luong-render: exit 1
> luong-render: <stdin>: gzip data is truncated
> exit 1
> luong-ingest: bad.tsv: gzip data is truncated
> luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
> exit 1

# 1f followed by anything but 8b is not gzip: here a header named 1f x.
$ printf '\037x\n1\n' | luong-render -f tsv | od -An -c
>  037   x  \n   1  \n
! luong-render: 1 row read, 1 table (plain layout) written as tsv
