# luong-rates's bad inputs, one class a case: values an indicator cannot
# add (file:line, exit 1), bad expressions and indicators files (the
# column, or file:line:col; exit 2), partial sums that are not.

# rates-not-a-number: a sum() field that is not a number.
$ printf 'district\tgraduates\tvocational\nTân An\t100\t30\nĐức Hòa\t200\t5O\n' >"$T/s.tsv"; cp data/ind.yaml "$T"; cd "$T" && luong-rates -g district -i ind.yaml s.tsv
! luong-rates: s.tsv:3: vocational: field "vocational": "5O" is not a number
? 1

# rates-not-a-bool: count_if() over a field that is not 1 or 0.
$ printf 'district\tmet\nTân An\t1\nĐức Hòa\tyes\n' >"$T/s.tsv"; cd "$T" && luong-rates -g district --rate 'met=count_if(met)/count()' s.tsv
! luong-rates: s.tsv:3: met: field "met": "yes" is not 1 or 0
? 1

# rates-grouped-number: a Vietnamese number in the stream, where only
# the stream's form is a number.
$ printf 'district\tgraduates\tvocational\nTân An\t1.000\t27,5\n' >"$T/s.tsv"; cp data/ind.yaml "$T"; cd "$T" && luong-rates -g district -i ind.yaml s.tsv
! luong-rates: s.tsv:2: vocational: field "vocational": "27,5" is not a number
? 1

# rates-expr: an expression cut short, with the column it stops at.
$ luong-rates -g district --rate 'r=sum(vocational)/sum(' </dev/null
! luong-rates: --rate:1:23: expected a field name in sum(), found the end
? 2

# rates-expr-function: a function that does not exist.
$ luong-rates -g district --rate 'r=mean(vocational)/count()' </dev/null
! luong-rates: --rate:1:3: unknown function "mean": expected sum, count or count_if
? 2

# rates-ind-yaml: an indicators file whose expression is cut short.
$ cd data && luong-rates -g district -i ind-bad-expr.yaml schools.tsv
! luong-rates: ind-bad-expr.yaml:3:44: vocational: expected ")", found the end
? 2

# rates-ind-level: an indicators file with nothing for the school level.
$ cd data && luong-rates -g district -i ind-no-def.yaml schools.tsv
! luong-rates: ind-no-def.yaml:2:5: indicator "vocational": no "school" or "student" definition
? 2

# rates-ind-field: an indicator over a field the stream does not have.
$ cd data && luong-rates -g district --rate 'r=sum(students)/count()' schools.tsv
! luong-rates: --rate:1:7: r: no field "students" in schools.tsv
? 2

# rates-merge: --merge over a stream that is not partial sums.
$ cd data && luong-rates -g district -i ind.yaml --merge schools.tsv
! luong-rates: schools.tsv:1: not a --partial output of these groups and indicators: field 2 is "graduates", expected "_rows"
? 2

# rates-merge-count: partial sums whose row count is not a count.
$ printf 'district\t_rows\tvocational_num\tvocational_den\tvocational_miss\nTân An\tmany\t30\t100\t0\n' >"$T/p.tsv"; cp data/ind.yaml "$T"; cd "$T" && luong-rates -g district -i ind.yaml --merge p.tsv
! luong-rates: p.tsv:2: field "_rows": "many" is not a count
? 1
