package pointblock

import "encoding/binary"

// String columns (item ids, priorities, CIs) are a dictionary and an ints
// column of indices when values repeat, else each value in turn.
//
//	uvarint  dictionary size d (0: no dictionary)
//	d × (uvarint length, bytes), then an ints column of n indices
//	or n × (uvarint length, bytes)
func appendStrings(dst []byte, ss []string, conv, scratch []int64) []byte {
	index := map[string]int64{}
	var dict []string
	idx := conv[:len(ss)]
	for i, s := range ss {
		j, ok := index[s]
		if !ok {
			j = int64(len(dict))
			index[s] = j
			dict = append(dict, s)
		}
		idx[i] = j
	}
	if 2*len(dict) > len(ss) {
		dst = binary.AppendUvarint(dst, 0)
		for _, s := range ss {
			dst = binary.AppendUvarint(dst, uint64(len(s)))
			dst = append(dst, s...)
		}
		return dst
	}
	dst = binary.AppendUvarint(dst, uint64(len(dict)))
	for _, s := range dict {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return appendInts(dst, idx, scratch)
}

func readStrings(src []byte, out []string, conv []int64) ([]byte, error) {
	d, k := binary.Uvarint(src)
	if k <= 0 || d > uint64(len(out)) {
		return nil, ErrCorrupt
	}
	src = src[k:]
	str := func() (string, bool) {
		l, k := binary.Uvarint(src)
		if k <= 0 || l > uint64(len(src)-k) {
			return "", false
		}
		s := string(src[k : k+int(l)])
		src = src[k+int(l):]
		return s, true
	}
	if d == 0 {
		for i := range out {
			s, ok := str()
			if !ok {
				return nil, ErrCorrupt
			}
			out[i] = s
		}
		return src, nil
	}
	dict := make([]string, d)
	for i := range dict {
		s, ok := str()
		if !ok {
			return nil, ErrCorrupt
		}
		dict[i] = s
	}
	idx := conv[:len(out)]
	rest, err := readInts(src, idx)
	if err != nil {
		return nil, err
	}
	for i, j := range idx {
		if j < 0 || j >= int64(d) {
			return nil, ErrCorrupt
		}
		out[i] = dict[j]
	}
	return rest, nil
}
