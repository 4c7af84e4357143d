# The corpus: 160 spellings of the 15 units (kind prefixes, case, NFD,
# ASCII, both tone placements, stray spaces, U+00A0, escaped TABs, codes)
# with the code and the match kind each must get.  Any row that gets
# something else is printed.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c spelling --match-column match data/spellings.tsv | awk -F'\t' 'NR > 1 && ($2 != $4 || $3 != $5) { print "MISMATCH", $0 } END { print NR - 1, "rows" }'
> 160 rows
! luong-normalise: 160 rows read, 160 written, 0 rejected; exact 99, alias 5, code 18, ascii 27, folded 11, fuzzy 0, unresolved 0; 159 distinct values

# Every unit is reached in every way the corpus tries.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c spelling --match-column match data/spellings.tsv 2>/dev/null | tail -n +2 | cut -f2,3 | sort | uniq -c | awk '{ print $2, $3, $1 }'
> 794 ascii 5
> 794 code 2
> 794 exact 11
> 794 folded 2
> 795 ascii 3
> 795 code 1
> 795 exact 10
> 795 folded 1
> 796 ascii 1
> 796 code 1
> 796 exact 5
> 796 folded 1
> 797 ascii 1
> 797 code 1
> 797 exact 5
> 797 folded 1
> 798 ascii 1
> 798 code 1
> 798 exact 7
> 799 ascii 1
> 799 code 1
> 799 exact 4
> 800 alias 5
> 800 ascii 4
> 800 code 1
> 800 exact 7
> 801 ascii 2
> 801 code 1
> 801 exact 5
> 802 ascii 1
> 802 code 2
> 802 exact 11
> 802 folded 3
> 803 ascii 2
> 803 code 1
> 803 exact 6
> 803 folded 1
> 804 ascii 1
> 804 code 1
> 804 exact 6
> 804 folded 1
> 805 ascii 1
> 805 code 1
> 805 exact 6
> 806 ascii 1
> 806 code 1
> 806 exact 5
> 806 folded 1
> 807 ascii 2
> 807 code 1
> 807 exact 4
> 808 ascii 1
> 808 code 2
> 808 exact 7

# The district spellings the bundled samples really use (all seven files,
# as decoded: the Windows-1258 file's text is not NFC) all resolve.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column match data/sample-districts.tsv | cut -f1-4
> spelling	district	district_code	match
> Thành phố Tân An	Tân An	794	exact
> TP. Tân An	Tân An	794	exact
> Châu  Thành	Châu Thành	808	exact
> Châu Thành	Châu Thành	808	exact
> huyện Tân Trụ	Tân Trụ	805	exact
> Tân Trụ	Tân Trụ	805	exact
> H. Đức Hoà	Đức Hòa	802	exact
> ĐỨC HÒA	Đức Hòa	802	exact
> Đức Hòa	Đức Hòa	802	exact
> Bến Lức 	Bến Lức	803	exact
> Bến Lức	Bến Lức	803	exact
> Cần Đước	Cần Đước	806	exact
> huyện Cần Giuộc	Cần Giuộc	807	exact
> Cần Giuộc	Cần Giuộc	807	exact
> Thủ Thừa	Thủ Thừa	804	exact
> Thủ Thừa	Thủ Thừa	804	exact
> Đức Huệ	Đức Huệ	801	exact
> Thanh Hóa	Thạnh Hóa	800	alias
> Thạnh Hoá	Thạnh Hóa	800	exact
> TX Kiến Tường	Kiến Tường	795	exact
> Thị xã Kiến Tường	Kiến Tường	795	exact
> Tân Hưng	Tân Hưng	796	exact
> Vĩnh Hưng	Vĩnh Hưng	797	exact
> Mộc Hoá	Mộc Hóa	798	exact
> Mộc Hóa	Mộc Hóa	798	exact
> Tân Thạnh	Tân Thạnh	799	exact
> Tp Tan An	Tân An	794	ascii
> Duc Hoa	Đức Hòa	802	ascii
> Đức Hòa	Đức Hòa	802	exact
> H. Đức Hoà	Đức Hòa	802	exact
> Bến Lức	Bến Lức	803	exact
> Cần Đước	Cần Đước	806	exact
> Cần Giuộc	Cần Giuộc	807	exact
> huyện Cần Giuộc	Cần Giuộc	807	exact
> Đức Huệ	Đức Huệ	801	exact
> TX Kiến Tường	Kiến Tường	795	exact
> Kiến Tường	Kiến Tường	795	exact
> Vĩnh Hưng	Vĩnh Hưng	797	exact
> Mộc Hóa	Mộc Hóa	798	exact
> Tân Thạnh	Tân Thạnh	799	exact
> Thạnh Hóa	Thạnh Hóa	800	exact
! luong-normalise: 41 rows read, 41 written, 0 rejected; exact 38, alias 1, code 0, ascii 2, folded 0, fuzzy 0, unresolved 0; 41 distinct values
