package app

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// A joint review with one supplier holds that supplier's SLTs only, writes its
// data set beside the pack (the hash in the result is the file's), and
// verifies against the data like any pack.
func TestSupplierPack(t *testing.T) {
	a := openDemo(t)
	res, err := a.Local.BuildPack(PackQuery{Period: "2026-10", Date: packDate, Supplier: "parcelnet"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if res.Supplier != "parcelnet" || res.SLTs != 1 || !strings.Contains(res.Scope, "supplier=parcelnet") {
		t.Fatalf("scope: supplier %q, %d SLTs, %q", res.Supplier, res.SLTs, res.Scope)
	}
	var data int
	for _, f := range res.Files {
		if !strings.Contains(f.Name, "parcelnet") {
			t.Errorf("%s: a supplier's files are named after it", f.Name)
		}
		b, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Errorf("%s: the result's hash or size is not the file's", f.Name)
		}
		if f.Format == PackData {
			data++
		}
	}
	if data != 1 {
		t.Fatalf("%d data set files, want 1 (parcel-orders)", data)
	}
	v, err := a.Local.VerifyPack(packFile(t, res, PackPDF))
	if err != nil || !v.Match {
		t.Fatalf("a fresh supplier pack does not verify: %+v %v", v, err)
	}

	for _, bad := range []struct {
		q    PackQuery
		want string
	}{
		{PackQuery{Period: "2026-10", Supplier: "acme"}, `"acme"`},
		{PackQuery{Period: "2026-10", Supplier: "parcelnet", Services: []string{"payments"}}, "not both"},
		{PackQuery{Period: "2026-10", Supplier: "parcelnet", Anonymize: true}, "not anonymised"},
	} {
		if _, err := a.Local.BuildPack(bad.q, t.TempDir()); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: got %v, want an error with %s", bad.q, err, bad.want)
		}
	}
}
