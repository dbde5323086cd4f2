package export

import (
	"errors"
	"testing"
)

// TestKeywordsReadBack: what WritePDF and WriteXLSX stamp reads back as the
// pack's keywords; other bytes are refused.
func TestKeywordsReadBack(t *testing.T) {
	p := samplePack(2)
	want := p.Meta.Keywords()
	for _, c := range []struct {
		format string
		data   []byte
	}{{"pdf", renderPDF(t, p)}, {"xlsx", renderXLSX(t, p)}} {
		format, kw, err := ReadKeywords(c.data)
		if err != nil || format != c.format || kw != want {
			t.Errorf("%s: %s %q %v, want %q", c.format, format, kw, err, want)
		}
	}
	if _, _, err := ReadKeywords([]byte("day,value\n")); !errors.Is(err, ErrNotPackFile) {
		t.Errorf("a CSV: %v", err)
	}
}
