package export

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// ErrNotPackFile: the bytes are neither a PDF nor an XLSX file.
var ErrNotPackFile = errors.New("neither a PDF nor an XLSX file")

// ReadKeywords reads the keywords a pack file was stamped with (WritePDF's
// document keywords; WriteXLSX's document properties, checked against its
// cover sheet): format is "pdf" or "xlsx".
func ReadKeywords(data []byte) (format, keywords string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		keywords, err = pdfKeywords(data)
		return "pdf", keywords, err
	case bytes.HasPrefix(data, []byte("PK")):
		keywords, err = xlsxKeywords(data)
		return "xlsx", keywords, err
	}
	return "", "", ErrNotPackFile
}

// pdfKeywords reads the /Keywords entry of a PDF's document information
// dictionary (a literal string, PDFDocEncoding or UTF-16BE with a BOM).
func pdfKeywords(data []byte) (string, error) {
	i := bytes.LastIndex(data, []byte("/Keywords"))
	if i < 0 {
		return "", errors.New("the PDF has no keywords in its document information")
	}
	rest := bytes.TrimLeft(data[i+len("/Keywords"):], " \r\n\t")
	if len(rest) == 0 || rest[0] != '(' {
		return "", errors.New("the PDF keywords are not a literal string")
	}
	var out []byte
	depth := 0
	for j := 0; j < len(rest); j++ {
		c := rest[j]
		switch {
		case c == '\\' && j+1 < len(rest):
			j++
			switch e := rest[j]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n': // line continuation
				if e == '\r' && j+1 < len(rest) && rest[j+1] == '\n' {
					j++
				}
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for ; k < 3 && j+k < len(rest) && rest[j+k] >= '0' && rest[j+k] <= '7'; k++ {
						v = v*8 + int(rest[j+k]-'0')
					}
					j += k - 1
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return decodePDFText(out), nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return "", errors.New("the PDF keywords string is not terminated")
}

func decodePDFText(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		b = b[2:]
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// xlsxKeywords reads the keywords document property and checks it against
// the fingerprint printed on the cover sheet (they must agree).
func xlsxKeywords(data []byte) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("not a readable workbook: %w", err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		return "", err
	}
	rows, err := f.GetRows("Cover")
	if err != nil {
		return "", errors.New("the workbook has no Cover sheet")
	}
	var coverFP, coverScope, coverHead string
	for _, r := range rows {
		if len(r) >= 2 {
			switch r[0] {
			case "Fingerprint":
				coverFP = strings.TrimSpace(r[1])
			case "Scope":
				coverScope = strings.TrimSpace(r[1])
			case "Audit head":
				coverHead = strings.TrimSpace(r[1])
			}
		}
	}
	kw := strings.TrimSpace(props.Keywords)
	if kw == "" {
		if coverFP == "" {
			return "", errors.New("the workbook has no fingerprint (document keywords and cover are empty)")
		}
		if coverHead != "" {
			coverFP += " head " + coverHead
		}
		return strings.TrimSpace("fingerprint " + coverFP + " " + coverScope), nil
	}
	if coverFP != "" && !strings.Contains(kw, "fingerprint "+coverFP) {
		return "", fmt.Errorf("the cover's fingerprint %s differs from the document properties' (%s): the workbook was edited", coverFP, kw)
	}
	if coverHead != "" && !strings.Contains(kw, "head "+coverHead) {
		return "", fmt.Errorf("the cover's audit head %s differs from the document properties' (%s): the workbook was edited", coverHead, kw)
	}
	if props.Identifier != "" && coverFP != "" && props.Identifier != coverFP {
		return "", fmt.Errorf("the cover's fingerprint %s differs from the document identifier %s: the workbook was edited", coverFP, props.Identifier)
	}
	return kw, nil
}
