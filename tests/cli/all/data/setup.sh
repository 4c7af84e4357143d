# Sourced by stream.t in $T: a table (t.tsv), a registry (reg.tsv) and a
# gazetteer (g.yaml) for the programs that need one, and each FILE, which
# runs every stream reader on FILE, printing its messages and then its
# exit status.
printf 'district\tm\nA\t1\n' >t.tsv
printf 'school_id\tlevel\tdistrict_code\tdistrict\n1\tTHCS\t794\tA\n' >reg.tsv
printf 'province:\n  name: Long An\n  code: 80\nunits:\n  - name: A\n    code: 794\n    kind: huyện\n' >g.yaml
each() {
	luong-rates -g district --rate 'n=count()/count()' "$1" 2>&1
	echo "luong-rates: exit $?"
	luong-normalise -g g.yaml -c district "$1" 2>&1
	echo "luong-normalise: exit $?"
	luong-expect -t reg.tsv -k district "$1" 2>&1
	echo "luong-expect: exit $?"
	luong-join -t t.tsv -k district "$1" 2>&1
	echo "luong-join: exit $?"
	luong-rank -b n "$1" 2>&1
	echo "luong-rank: exit $?"
	luong-render -f tsv "$1" 2>&1
	echo "luong-render: exit $?"
}
