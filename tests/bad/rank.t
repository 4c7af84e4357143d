# luong-rank's bad inputs, one class a case: values that are not numbers
# (file:line, exit 1; nothing written), options naming what is not there
# (exit 2).

# rank-score: a -b field whose value is not a number.
$ printf 'district\tvocational\nTân An\t27.92\nĐức Hòa\tn/a\n' >"$T/s.tsv"; cd "$T" && luong-rank -b vocational s.tsv
! luong-rank: s.tsv:3: field "vocational": "n/a" is not a number
? 1

# rank-target: a target that is not a number, with its actual.
$ printf 'district\tvocational\tvocational_target\nTân An\t27.92\t30\nĐức Hòa\t20\t3O\n' >"$T/s.tsv"; cd "$T" && luong-rank s.tsv
! luong-rank: s.tsv:3: field "vocational_target": "3O" is not a number
? 1

# rank-grouped: a Vietnamese decimal in the stream.
$ printf 'district\tvocational\tvocational_target\nTân An\t27,92\t30\n' >"$T/s.tsv"; cd "$T" && luong-rank s.tsv
! luong-rank: s.tsv:2: field "vocational": "27,92" is not a number
? 1

# rank-ties: a tie rule that does not exist.
$ luong-rank -b n --ties olympic </dev/null
! luong-rank: --ties: "olympic": expected competition, dense or ordinal
? 2

# rank-partition: a -p field not in the header.
$ printf 'district\tn\nTân An\t1\n' | luong-rank -b n -p level
! luong-rank: <stdin>:1: -p: no field "level"
? 2

# rank-total: --total naming a field not in the header.
$ printf 'district\tn\nTân An\t1\n' | luong-rank -b n --total level=all
! luong-rank: <stdin>:1: --total: no field "level"
? 2
