# luong-join's bad inputs, one class a case: bad tables (file:line; a YAML
# table file:line:col), keys that pair with nothing, names that collide.
# Unpaired rows are counted: the stats record balances (./balance).

# join-unpaired: a stream row whose key the table does not have, kept
# out with -u and counted.
$ printf 'district\tn\nTân An\t1\nTân Hưng\t2\n' >"$T/s.tsv"; cp data/targets.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-join -t targets.tsv -k district -u un.tsv s.tsv 3>st; s=$?; cat un.tsv; "$OLDPWD/balance" st; exit $s
> district	n	vocational_target
> Tân An	1	30
> _side	_file	_line	district	n	vocational_target
> stream	s.tsv	3	Tân Hưng	2	
> table	targets.tsv	3	Đức Hòa		25
> luong-join: rows_read 2 = rows_written 1 + rows_rejected 1
! luong-join: s.tsv:3: no match in the table
! luong-join: targets.tsv:3: no stream row matched this table row
! luong-join: stream: 2 rows read, 1 matched, 1 unmatched; table: 2 rows, 1 matched, 1 unmatched; 1 row written

# join-strict: --strict fails on an unpaired row.
$ printf 'district\tn\nTân An\t1\nTân Hưng\t2\n' >"$T/s.tsv"; cp data/targets.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-join -t targets.tsv -k district --strict s.tsv 3>st; s=$?; "$OLDPWD/balance" st; exit $s
> district	n	vocational_target
> Tân An	1	30
> luong-join: rows_read 2 = rows_written 1 + rows_rejected 1
! luong-join: s.tsv:3: no match in the table
! luong-join: targets.tsv:3: no stream row matched this table row
! luong-join: stream: 2 rows read, 1 matched, 1 unmatched; table: 2 rows, 1 matched, 1 unmatched; 1 row written
! luong-join: 2 unmatched rows (--strict)
? 1

# join-dup-key: two table rows with one key.
$ printf 'district\tvocational_target\nTân An\t30\nTân An\t31\n' >"$T/t.tsv"; cd "$T" && luong-join -t t.tsv -k district </dev/null
! luong-join: t.tsv:3: duplicate key (first on line 2)
? 1

# join-table-short: a table row with a field missing.
$ printf 'district\tvocational_target\nTân An\t30\nĐức Hòa\n' >"$T/t.tsv"; cd "$T" && luong-join -t t.tsv -k district </dev/null
! luong-join: t.tsv:3: 1 field, the header has 2
? 1

# join-table-quote: a CSV table with a quote left open.
$ printf 'district,vocational_target\nTân An,"30\nĐức Hòa,25\n' >"$T/t.csv"; cd "$T" && luong-join -t t.csv -k district </dev/null
! luong-join: t.csv:2: quoted field not closed at the end of the file
? 1

# join-table-utf8: a CSV table in no encoding that can be told.
$ printf 'district,vocational_target\nT\244\246,30\n' >"$T/t.csv"; cd "$T" && luong-join -t t.csv -k district </dev/null
! luong-join: t.csv: cannot tell the encoding (tcvn3 or viscii?); convert the table to UTF-8
? 2

# join-table-yaml: a YAML table with a row that is not a mapping.
$ printf -- '- {district: Tân An, vocational_target: 30}\n- Đức Hòa\n' >"$T/t.yaml"; cd "$T" && luong-join -t t.yaml -k district </dev/null
! luong-join: t.yaml:2:3: a table row: expected a mapping, found a scalar
? 2

# join-collision: a table field the stream already has.
$ printf 'district\tvocational_target\nTân An\t1\n' >"$T/s.tsv"; cp data/targets.tsv "$T"; cd "$T" && luong-join -t targets.tsv -k district s.tsv
! luong-join: targets.tsv:1: field "vocational_target" is already in the stream (rename the table's with --prefix)
? 2

# join-table-missing: a table that does not exist.
$ cd "$T" && luong-join -t nothing.tsv -k district </dev/null
! luong-join: nothing.tsv: cannot open: No such file or directory
? 2
