package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrBinary means a file that should be text is not (an image, an archive, random bytes).
var ErrBinary = errors.New("the file is not text (binary content found); export it from the supplier's tool as CSV (UTF-8) or XLSX")

// Encodings reported by DecodeText.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncCP1252  = "windows-1252"
)

const sniffSize = 64 << 10

// DecodeText returns a UTF-8 reader for r: a UTF-8 byte-order mark is dropped,
// UTF-16 (with a BOM, or recognisable by its zero bytes) and Latin-1/Windows-1252
// (invalid UTF-8 in the first 64 KiB) are transcoded; binary content is refused.
func DecodeText(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		br.Discard(3)
		return br, EncUTF8BOM, nil
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		br.Discard(2)
		return &utf16Reader{r: br, le: true}, EncUTF16LE, nil
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		br.Discard(2)
		return &utf16Reader{r: br}, EncUTF16BE, nil
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 without a BOM: text in ASCII range has every other byte zero.
		if le, ok := utf16NoBOM(head); ok {
			if le {
				return &utf16Reader{r: br, le: true}, EncUTF16LE, nil
			}
			return &utf16Reader{r: br}, EncUTF16BE, nil
		}
		return nil, "", ErrBinary
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*100 > len(head) {
		return nil, "", ErrBinary
	}
	sample := head
	// Do not judge a multi-byte sequence cut by the sample's end.
	if len(sample) == sniffSize {
		for i := 0; i < 3 && len(sample) > 0 && !utf8.RuneStart(sample[len(sample)-1]); i++ {
			sample = sample[:len(sample)-1]
		}
		if len(sample) > 0 && sample[len(sample)-1] >= 0x80 {
			sample = sample[:len(sample)-1]
		}
	}
	if utf8.Valid(sample) {
		return br, EncUTF8, nil
	}
	return &cp1252Reader{r: br}, EncCP1252, nil
}

func utf16NoBOM(b []byte) (le bool, ok bool) {
	n := len(b) &^ 1
	if n < 4 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	half := n / 2
	switch {
	case zeroOdd*10 >= half*9 && zeroEven*10 < half:
		return true, true
	case zeroEven*10 >= half*9 && zeroOdd*10 < half:
		return false, true
	}
	return false, false
}

type utf16Reader struct {
	r   *bufio.Reader
	le  bool
	out []byte
	err error
}

func (u *utf16Reader) unit() (uint16, error) {
	a, err := u.r.ReadByte()
	if err != nil {
		return 0, err
	}
	b, err := u.r.ReadByte()
	if err != nil {
		return 0, io.ErrUnexpectedEOF
	}
	if u.le {
		return uint16(a) | uint16(b)<<8, nil
	}
	return uint16(b) | uint16(a)<<8, nil
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) && u.err == nil && len(u.out) < 4096 {
		c, err := u.unit()
		if err != nil {
			u.err = err
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			c2, err := u.unit()
			if err != nil {
				u.err = err
				r = utf8.RuneError
			} else {
				r = utf16.DecodeRune(r, rune(c2))
			}
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	if len(u.out) == 0 {
		if u.err == nil {
			return 0, nil
		}
		return 0, u.err
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// cp1252 maps bytes 0x80..0x9f; other bytes are Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

type cp1252Reader struct {
	r   *bufio.Reader
	in  [2048]byte
	out []byte
}

func (c *cp1252Reader) Read(p []byte) (int, error) {
	if len(c.out) == 0 {
		n, err := c.r.Read(c.in[:])
		if n == 0 {
			return 0, err
		}
		c.out = c.out[:0]
		for _, b := range c.in[:n] {
			switch {
			case b < 0x80:
				c.out = append(c.out, b)
			case b < 0xa0:
				c.out = utf8.AppendRune(c.out, cp1252[b-0x80])
			default:
				c.out = utf8.AppendRune(c.out, rune(b))
			}
		}
	}
	n := copy(p, c.out)
	c.out = c.out[n:]
	return n, nil
}

// ErrLineTooLong is returned for a CSV line or record longer than the limit.
type ErrLineTooLong struct {
	Limit  int
	Offset int64
}

func (e *ErrLineTooLong) Error() string {
	return fmt.Sprintf("a line near byte %d is longer than %d bytes; this is not a CSV export (or a quote is never closed)", e.Offset, e.Limit)
}
