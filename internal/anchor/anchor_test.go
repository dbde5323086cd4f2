package anchor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const h64 = "4f2a9c1e8b7d6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877"

func TestSignParseVerify(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "anchor.key")
	pub, err := GenerateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(key); st.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v", st.Mode().Perm())
	}
	if _, err := GenerateKey(key); err == nil || !strings.Contains(err.Error(), "never replaces") {
		t.Errorf("second keygen: %v", err)
	}
	k, err := LoadKey(key)
	if err != nil {
		t.Fatal(err)
	}
	a := New(42, h64, time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC))
	a.Sign(k)
	line := a.JSON()
	if strings.Contains(line, "\n") {
		t.Fatal("anchor JSON is more than one line")
	}
	b, err := Parse(line + "\n")
	if err != nil {
		t.Fatal(err)
	}
	trusted, err := Trusted(key)
	if err != nil || !trusted.Equal(pub) {
		t.Fatalf("trusted key: %v", err)
	}
	if err := b.VerifySignature(trusted); err != nil {
		t.Fatalf("signature: %v", err)
	}
	// Moving the anchor back (an attacker who also cut the chain) breaks the signature.
	b.Seq = 41
	if err := b.VerifySignature(nil); err == nil {
		t.Error("an edited anchor still verifies")
	}
	// Re-signed with another key: valid alone, refused against the trusted key.
	other := filepath.Join(dir, "other.key")
	GenerateKey(other)
	ok2, _ := LoadKey(other)
	b.Sign(ok2)
	if err := b.VerifySignature(nil); err != nil {
		t.Errorf("self-consistent anchor: %v", err)
	}
	if err := b.VerifySignature(trusted); err == nil || !strings.Contains(err.Error(), "not by the trusted key") {
		t.Errorf("anchor signed by another key: %v", err)
	}
	os.Chmod(key, 0o644)
	if _, err := LoadKey(key); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable key: %v", err)
	}
}

func TestParseForms(t *testing.T) {
	if a, err := Parse("42:" + strings.ToUpper(h64)); err != nil || a.Seq != 42 || a.Hash != h64 {
		t.Errorf("SEQ:HASH: %+v %v", a, err)
	}
	if a, err := Parse(h64); err != nil || a.Seq != 0 || a.Hash != h64 {
		t.Errorf("HASH: %+v %v", a, err)
	}
	for _, bad := range []string{"", "42", "0:" + h64, "x:" + h64, h64[:63], `{"format":"other","seq":1,"hash":"` + h64 + `"}`, `{"seq":1}`} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
