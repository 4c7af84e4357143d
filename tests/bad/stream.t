# Malformed record streams (luong-stream(5)), the same classes for every
# program that reads one: luong-normalise, luong-expect, luong-rates,
# luong-join, luong-rank and luong-render.  Each says file:line and exits
# 1 for a bad row, 2 for a missing or empty input or a header that
# differs.

# stream-short-row: a row with fewer fields than the header.
$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district s.tsv
! luong-normalise: s.tsv:3: 2 fields, the header has 3
? 1

$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-rates -g district --rate 'r=sum(vocational)/sum(graduates)' s.tsv
! luong-rates: s.tsv:3: 2 fields, the header has 3
? 1

$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district s.tsv
! luong-join: s.tsv:3: 2 fields, the header has 3
? 1

$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district s.tsv
! luong-expect: s.tsv:3: 2 fields, the header has 3
? 1

$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-rank -b vocational s.tsv
! luong-rank: s.tsv:3: 2 fields, the header has 3
? 1

$ printf 'district\tgraduates\tvocational\nTân An\t1\t1\nĐức Hòa\t2\n' >"$T/s.tsv"; cd "$T" && luong-render -f tsv s.tsv
! luong-render: s.tsv:3: 2 fields, the header has 3
? 1

# stream-long-row: a row with more fields than the header (a TAB too
# many).
$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district s.tsv
! luong-normalise: s.tsv:2: 3 fields, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-rates -g district --rate 'r=count()/count()' s.tsv
! luong-rates: s.tsv:2: 3 fields, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district s.tsv
! luong-join: s.tsv:2: 3 fields, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district s.tsv
! luong-expect: s.tsv:2: 3 fields, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-rank -b n s.tsv
! luong-rank: s.tsv:2: 3 fields, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\t\n' >"$T/s.tsv"; cd "$T" && luong-render -f md s.tsv
! luong-render: s.tsv:2: 3 fields, the header has 2
? 1

# stream-empty: no header line at all.
$ : >"$T/s.tsv"; cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district s.tsv
! luong-normalise: s.tsv: empty input: no header line
? 2

$ : >"$T/s.tsv"; cd "$T" && luong-rates -g district --rate 'r=count()/count()' s.tsv
! luong-rates: s.tsv: empty input: no header line
? 2

$ : >"$T/s.tsv"; cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district s.tsv
! luong-join: s.tsv: empty input: no header line
? 2

$ : >"$T/s.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district s.tsv
! luong-expect: s.tsv: empty input: no header line
? 2

$ : >"$T/s.tsv"; cd "$T" && luong-rank -b n s.tsv
! luong-rank: s.tsv: empty input: no header line
? 2

$ : >"$T/s.tsv"; cd "$T" && luong-render -f csv s.tsv
! luong-render: s.tsv: empty input: no header line
? 2

# stream-header-differs: a second file whose header is not the first's.
$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district a.tsv b.tsv
! luong-normalise: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-rates -g district --rate 'r=count()/count()' a.tsv b.tsv
! luong-rates: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district a.tsv b.tsv
! luong-join: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district a.tsv b.tsv
! luong-expect: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-rank -b n a.tsv b.tsv
! luong-rank: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

$ printf 'district\tn\nTân An\t1\n' >"$T/a.tsv"; printf 'district\tm\nĐức Hòa\t2\n' >"$T/b.tsv"; cd "$T" && luong-render -f tsv a.tsv b.tsv
! luong-render: b.tsv:1: header differs from a.tsv's: field 2 is "m", not "n"
? 2

# stream-missing: an operand that does not exist, before any output.
$ cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district nothing.tsv
! luong-normalise: nothing.tsv: cannot open: No such file or directory
? 2

$ cd "$T" && luong-rates -g district --rate 'r=count()/count()' nothing.tsv
! luong-rates: nothing.tsv: cannot open: No such file or directory
? 2

$ cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district nothing.tsv
! luong-join: nothing.tsv: cannot open: No such file or directory
? 2

$ cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district nothing.tsv
! luong-expect: nothing.tsv: cannot open: No such file or directory
? 2

$ cd "$T" && luong-rank -b n nothing.tsv
! luong-rank: nothing.tsv: cannot open: No such file or directory
? 2

$ cd "$T" && luong-render -f tsv nothing.tsv
! luong-render: nothing.tsv: cannot open: No such file or directory
? 2

# stream-gzip-truncated: gzip data cut short.
$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-normalise -g "$OLDPWD/data/gaz.yaml" -c district s.tsv.gz
! luong-normalise: s.tsv.gz: gzip data is truncated
? 1

$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-rates -g district --rate 'r=count()/count()' s.tsv.gz
! luong-rates: s.tsv.gz: gzip data is truncated
? 1

$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-join -t "$OLDPWD/data/targets.tsv" -k district s.tsv.gz
! luong-join: s.tsv.gz: gzip data is truncated
? 1

$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-expect -t "$OLDPWD/data/registry.tsv" -k district s.tsv.gz
! luong-expect: s.tsv.gz: gzip data is truncated
? 1

$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-rank -b n s.tsv.gz
! luong-rank: s.tsv.gz: gzip data is truncated
? 1

$ printf 'district\tn\nTân An\t1\nĐức Hòa\t2\n' | gzip -n | head -c 30 >"$T/s.tsv.gz"; cd "$T" && luong-render -f tsv s.tsv.gz
! luong-render: s.tsv.gz: gzip data is truncated
? 1

# stream-gzip-corrupt: gzip magic bytes, then garbage.
$ printf '\037\213\010\000garbage, not deflate data' >"$T/s.tsv.gz"; cd "$T" && luong-render -f tsv s.tsv.gz
! luong-render: s.tsv.gz: gzip data is corrupt: invalid code lengths set
? 1

# stream-missing-field: a field an option names is not in the header.
$ cd data && luong-normalise -g gaz.yaml -c huyen schools.tsv
! luong-normalise: schools.tsv:1: no field "huyen" in the header
? 2

$ cd data && luong-rates -g huyen --rate 'r=count()/count()' schools.tsv
! luong-rates: schools.tsv:1: -g: no field "huyen" in the header
? 2

$ cd data && luong-join -t targets.tsv -k huyen schools.tsv
! luong-join: targets.tsv:1: -k: no field "huyen" in the table
? 2

$ cd data && luong-expect -t registry.tsv -k huyen schools.tsv
! luong-expect: registry.tsv:1: -k: no field "huyen" in the registry
? 2

$ cd data && luong-rank -b score schools.tsv
! luong-rank: schools.tsv:1: -b: no field "score"
? 2
