package cmdb

import (
	"testing"
	"time"

	"slate/internal/demo"
	"slate/internal/looptest"
)

// The same export imported again is no import; the stored CIs read back.
func TestImportOnceRead(t *testing.T) {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	st := looptest.Open(t, &looptest.Clock{T: now})
	data := demo.CMDB(now)
	imp, err := ImportOnce(st, data, "demo-cmdb.csv")
	if err != nil || imp == nil || imp.CIs == 0 {
		t.Fatalf("first import: %v %+v", err, imp)
	}
	if again, err := ImportOnce(st, data, "demo-cmdb.csv"); err != nil || again != nil {
		t.Fatalf("the same export imported again: %v %+v", err, again)
	}
	cis, err := ReadCIs(st)
	if err != nil || len(cis) != imp.CIs {
		t.Fatalf("read %d CIs (%v), imported %d", len(cis), err, imp.CIs)
	}
	last, listed, err := ReadList(st, now)
	if err != nil || last == nil || last.SHA256 != imp.SHA256 || len(listed) < len(cis) {
		t.Fatalf("list: %v %+v, %d listed", err, last, len(listed))
	}
}
