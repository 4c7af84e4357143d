# The district names of both tables of the plan's appendix, exactly as the
# plan prints them (table I: "01<TAB>Tân An", table II: "01 Tân An"),
# resolve to the 15 units with their official codes.  The plan lives in
# $LUONG_SHARED (shared/ beside the clone, found by tests/find-shared).
# No plan, no rows: the cases fail.
$ plan=$LUONG_SHARED/plan/ke-hoach-568-KH-UBND-2023.txt
$ { printf 'table\tstt\tprinted\tdistrict\n'; awk '/^Phụ lục/ { a = 1 } a && /^[0-9][0-9][\t ]/ { if (substr($0, 1, 2) == "01") t++; name = substr($0, 4); sub(/\t.*/, "", name); printf "%s\t%s\t%s\t%s\n", (t == 1 ? "I" : "II"), substr($0, 1, 2), name, name }' "$plan"; } | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column match
> table	stt	printed	district	district_code	match
> I	01	Tân An	Tân An	794	exact
> I	02	Châu Thành	Châu Thành	808	exact
> I	03	Tân Trụ	Tân Trụ	805	exact
> I	04	Thủ Thừa	Thủ Thừa	804	exact
> I	05	Bến Lức	Bến Lức	803	exact
> I	06	Cần Đước	Cần Đước	806	exact
> I	07	Cần Giuộc	Cần Giuộc	807	exact
> I	08	Đức Hòa	Đức Hòa	802	exact
> I	09	Đức Huệ	Đức Huệ	801	exact
> I	10	Thanh Hóa	Thạnh Hóa	800	alias
> I	11	Tân Thạnh	Tân Thạnh	799	exact
> I	12	Mộc Hóa	Mộc Hóa	798	exact
> I	13	Kiến Tường	Kiến Tường	795	exact
> I	14	Vĩnh Hưng	Vĩnh Hưng	797	exact
> I	15	Tân Hưng	Tân Hưng	796	exact
> II	01	Tân An	Tân An	794	exact
> II	02	Châu Thành	Châu Thành	808	exact
> II	03	Tân Trụ	Tân Trụ	805	exact
> II	04	Thủ Thừa	Thủ Thừa	804	exact
> II	05	Bến Lức	Bến Lức	803	exact
> II	06	Cần Đước	Cần Đước	806	exact
> II	07	Cần Giuộc	Cần Giuộc	807	exact
> II	08	Đức Hòa	Đức Hòa	802	exact
> II	09	Đức Huệ	Đức Huệ	801	exact
> II	10	Thạnh Hóa	Thạnh Hóa	800	exact
> II	11	Tân Thạnh	Tân Thạnh	799	exact
> II	12	Mộc Hóa	Mộc Hóa	798	exact
> II	13	Kiến Tường	Kiến Tường	795	exact
> II	14	Vĩnh Hưng	Vĩnh Hưng	797	exact
> II	15	Tân Hưng	Tân Hưng	796	exact
! luong-normalise: 30 rows read, 30 written, 0 rejected; exact 29, alias 1, code 0, ascii 0, folded 0, fuzzy 0, unresolved 0; 16 distinct values

# Counted: 15 codes, each once in each table, and nothing rejected.
$ plan=$LUONG_SHARED/plan/ke-hoach-568-KH-UBND-2023.txt
$ { printf 'district\n'; awk '/^Phụ lục/ { a = 1 } a && /^[0-9][0-9][\t ]/ { name = substr($0, 4); sub(/\t.*/, "", name); print name }' "$plan"; } | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district | tail -n +2 | cut -f2 | sort | uniq -c | awk '{ print $2, $1 }'
> 794 2
> 795 2
> 796 2
> 797 2
> 798 2
> 799 2
> 800 2
> 801 2
> 802 2
> 803 2
> 804 2
> 805 2
> 806 2
> 807 2
> 808 2
! luong-normalise: 30 rows read, 30 written, 0 rejected; exact 29, alias 1, code 0, ascii 0, folded 0, fuzzy 0, unresolved 0; 16 distinct values
