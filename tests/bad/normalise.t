# luong-normalise's bad inputs, one class a case: names that resolve to
# no unit (rejected, kept or fatal as --unknown says), bad text, and bad
# gazetteers (file:line:col, exit 2).  Where rows are rejected, the
# stats record balances (./balance).

# normalise-unknown-reject: a name no unit has, rejected with file:line.
$ printf 'district\tn\nTân An\t1\nTân Hưng\t2\nĐức Hòa\t3\n' >"$T/s.tsv"; cp data/gaz.yaml "$T"; cd "$T" && LUONG_STATS_FD=3 luong-normalise -g gaz.yaml -c district -r rej.tsv -m 1 s.tsv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> district	district_code	n
> Tân An	794	1
> Đức Hòa	802	3
> _file	_line	_reason	_candidates	district	n
> s.tsv	3	no unit matches		Tân Hưng	2
> luong-normalise: rows_read 3 = rows_written 2 + rows_rejected 1
! luong-normalise: 3 rows read, 2 written, 1 rejected; exact 2, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 3 distinct values

# normalise-max-rejects: more unresolved rows than -m allows.
$ printf 'district\tn\nX\t1\nY\t2\nĐức Hòa\t3\n' >"$T/s.tsv"; cp data/gaz.yaml "$T"; cd "$T" && LUONG_STATS_FD=3 luong-normalise -g gaz.yaml -c district -r rej.tsv -m 1 s.tsv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> district	district_code	n
> Đức Hòa	802	3
> _file	_line	_reason	_candidates	district	n
> s.tsv	2	no unit matches		X	1
> s.tsv	3	no unit matches		Y	2
> luong-normalise: rows_read 3 = rows_written 1 + rows_rejected 2
! luong-normalise: 3 rows read, 1 written, 2 rejected; exact 1, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 2; 3 distinct values
! luong-normalise: 2 rows rejected, more than the 1 that -m allows
? 1

# normalise-unknown-fail: --unknown fail stops at the first.
$ printf 'district\tn\nTân An\t1\nTân Hưng\t2\n' >"$T/s.tsv"; cp data/gaz.yaml "$T"; cd "$T" && luong-normalise -g gaz.yaml -c district --unknown fail s.tsv
> district	district_code	n
> Tân An	794	1
! luong-normalise: s.tsv:3: district "Tân Hưng": no unit matches
? 1

# normalise-empty-name: an empty value and one that is only a kind
# prefix, rejected.
$ printf 'district\tn\n\t1\nHuyện\t2\nTP. Tân An\t3\n' >"$T/s.tsv"; cp data/gaz.yaml "$T"; cd "$T" && LUONG_STATS_FD=3 luong-normalise -g gaz.yaml -c district -r rej.tsv -m 2 s.tsv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> district	district_code	n
> Tân An	794	3
> _file	_line	_reason	_candidates	district	n
> s.tsv	2	empty value			1
> s.tsv	3	only a kind prefix, no name		Huyện	2
> luong-normalise: rows_read 3 = rows_written 1 + rows_rejected 2
! luong-normalise: 3 rows read, 1 written, 2 rejected; exact 1, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 2; 3 distinct values

# normalise-not-utf8: a value that is not UTF-8, rejected; the rejects
# file keeps the row as it came.
$ printf 'district\tn\nT\342n An\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cp data/gaz.yaml "$T"; cd "$T" && LUONG_STATS_FD=3 luong-normalise -g gaz.yaml -c district -r rej.tsv -m 1 s.tsv 3>st; s=$?; cat -v rej.tsv; "$OLDPWD/balance" st; exit $s
> district	district_code	n
> Đức Hòa	802	2
> _file	_line	_reason	_candidates	district	n
> s.tsv	2	not valid UTF-8		TM-bn An	1
> luong-normalise: rows_read 2 = rows_written 1 + rows_rejected 1
! luong-normalise: 2 rows read, 1 written, 1 rejected; exact 1, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 2 distinct values

# normalise-ambiguous: a fuzzy spelling one edit from two units is not
# guessed.
$ printf 'province:\n  name: Long An\n  code: 80\nunits:\n  - {name: Tân An, code: 794, kind: thành phố}\n  - {name: Tân Ân, code: 795, kind: huyện}\n' >"$T/g.yaml"; printf 'district\nTan Am\n' | luong-normalise -g "$T/g.yaml" -c district --fuzzy -m 1 2>&1 >/dev/null | sed "s|$T|T|"
> luong-normalise: <stdin>:2: district "Tan Am": ambiguous: one edit from several units; nearest: Tân An (794), Tân Ân (795)
> luong-normalise: 1 row read, 0 written, 1 rejected; exact 0, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 1 distinct value

# normalise-gaz-alias: an alias that names two units.
$ cd data && luong-normalise -g gaz-dup-alias.yaml -c district schools.tsv
! luong-normalise: gaz-dup-alias.yaml:12:15: alias "hoà an" of "Đức Hòa" is also an alias of "Tân An" on line 5
? 2

# normalise-gaz-kind: a unit of a kind the province has no such thing as.
$ printf 'province:\n  name: Long An\n  code: 80\nunits:\n  - name: Tân An\n    code: 794\n    kind: quận\n' >"$T/g.yaml"; cd "$T" && luong-normalise -g g.yaml -c district </dev/null
! luong-normalise: g.yaml:7:11: kind "quận" is not "thành phố", "thị xã" or "huyện"
? 2

# normalise-gaz-dates: a unit valid until before it was valid.
$ printf 'province:\n  name: Long An\n  code: 80\nunits:\n  - name: Tân An\n    code: 794\n    kind: huyện\n    valid_from: 2025-07-01\n    valid_to: 2009-08-24\n' >"$T/g.yaml"; cd "$T" && luong-normalise -g g.yaml -c district </dev/null
! luong-normalise: g.yaml:9:15: valid_to 2009-08-24 is not after valid_from 2025-07-01
? 2

# normalise-gaz-yaml: a gazetteer cut in the middle of a quoted name.
$ printf 'province:\n  name: "Long An\n' >"$T/g.yaml"; cd "$T" && luong-normalise -g g.yaml -c district </dev/null
! luong-normalise: g.yaml:3:1: YAML error: found unexpected end of stream while scanning a quoted scalar
? 2

# normalise-gaz-missing: a gazetteer that does not exist.
$ cd "$T" && luong-normalise -g nothing.yaml -c district </dev/null
! luong-normalise: nothing.yaml: cannot open: No such file or directory
? 2
