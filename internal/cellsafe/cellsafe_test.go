package cellsafe

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0", "+1+1": "'+1+1", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "\nx": "'\nx", "-5": "-5", "+3.2": "+3.2", "plain": "plain", "": "",
		"=HYPERLINK(\"http://x\",\"y\").csv": "'=HYPERLINK(\"http://x\",\"y\").csv", "-": "'-",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
		if Risky(in) != (Text(in) != in) {
			t.Errorf("Risky(%q) disagrees with Text", in)
		}
	}
}
