package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// What an integrator does, with the real parts: the slate binary serves a
// real database, and curl (the program) sends a supplier's CSV with the
// supplier's token and reads the findings; a viewer's curl reads an SLT's
// report and gets the very figures `slate report --json` prints.
func TestIntegratorCurl(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Fatal("curl is not installed (scripts/setup.sh installs it)")
	}
	dir, cfg := t.TempDir(), t.TempDir()
	db := filepath.Join(dir, "slate.db")
	slate := func(args ...string) string {
		t.Helper()
		r := runSlate(t, cfg, append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Fatalf("slate %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}
	slate("demo", "--definitions-only")
	token := func(args ...string) string {
		var nu struct {
			Token string `json:"token"`
		}
		if err := json.Unmarshal([]byte(slate(append([]string{"--json", "user", "add"}, args...)...)), &nu); err != nil || nu.Token == "" {
			t.Fatalf("user add %v: %v", args, err)
		}
		return nu.Token
	}
	supplier := token("parcelnet-bot", "--role", "supplier", "--supplier", "parcelnet")
	viewer := token("vera", "--role", "viewer")

	srv := exec.Command(slateBinary(t), "--db", db, "serve", "--addr", "127.0.0.1:0")
	srv.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "SLATE_DB=", "SLATE_TOKEN=")
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			srv.Process.Signal(os.Interrupt)
			srv.Wait()
		}
	}
	t.Cleanup(stop)
	base := ""
	lines := bufio.NewScanner(out)
	for base == "" && lines.Scan() {
		if m := regexp.MustCompile(`open (http://127\.0\.0\.1:\d+)/`).FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatal("slate serve printed no address")
	}
	go func() {
		for lines.Scan() {
		}
	}()

	// curl prints the body, then the status on a line of its own.
	run := func(args ...string) (int, string) {
		t.Helper()
		b, err := exec.Command(curl, append([]string{"-sS", "--max-time", "60", "-w", "\n%{http_code}"}, args...)...).Output()
		if err != nil {
			t.Fatalf("curl %v: %v", args, err)
		}
		s := string(b)
		i := strings.LastIndexByte(s, '\n')
		code := 0
		for _, c := range s[i+1:] {
			code = code*10 + int(c-'0')
		}
		return code, s[:i]
	}

	csv := filepath.Join(dir, "parcelnet-2025-06.csv")
	os.WriteFile(csv, []byte("Order ID,Created,Delivered\n"+
		"P-1,2025-06-02 09:00:00,2025-06-03 10:00:00\n"+
		"P-2,2025-06-02 11:00:00,not yet\n"+
		"P-3,2025-06-03 08:00:00,2025-06-04 08:30:00\n"+
		"P-4,2025-06-04 12:00:00,2025-06-08 12:00:00\n"+
		"P-5,2025-06-05 07:00:00,2025-06-05 18:00:00\n"), 0o600)
	code, body := run("-H", "Authorization: Bearer "+supplier, "-H", "Content-Type: text/csv", "--data-binary", "@"+csv,
		base+"/api/v1/feeds/parcel-orders/batches?file=parcelnet-2025-06.csv")
	var imp struct {
		Batch    uint64 `json:"batch"`
		Counts   struct{ Imported, Rejected int }
		Findings []struct {
			Kind, Column, Raw string
			Row               int
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(body), &imp); err != nil || code != 201 {
		t.Fatalf("the supplier's upload: %d %s (%v)", code, body, err)
	}
	if imp.Batch == 0 || imp.Counts.Imported != 4 || imp.Counts.Rejected != 1 || len(imp.Findings) != 1 ||
		imp.Findings[0].Kind != "unparseable_time" || imp.Findings[0].Row != 3 || imp.Findings[0].Raw != "not yet" {
		t.Fatalf("the findings of the upload: %s", body)
	}
	// The supplier sends; it does not read the workspace.
	report := base + "/api/v1/slts/parcel-delivery-48h/report?period=2025-06&at=2025-07-15T00:00:00Z"
	if code, body := run("-H", "Authorization: Bearer "+supplier, report); code != 403 || !strings.Contains(body, `"status":403`) {
		t.Fatalf("the supplier reads a report: %d %s", code, body)
	}
	code, api := run("-H", "Authorization: Bearer "+viewer, report)
	if code != 200 {
		t.Fatalf("the viewer's report: %d %s", code, api)
	}
	stop() // the CLI opens the database after the server lets go of it
	cli := slate("--json", "report", "--slt", "parcel-delivery-48h", "--period", "2025-06", "--at", "2025-07-15T00:00:00Z")
	var fromAPI, fromCLI map[string]any
	if err := json.Unmarshal([]byte(api), &fromAPI); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(cli), &fromCLI); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromAPI, fromCLI) {
		t.Fatalf("the API's report\n%s\n`slate report --json`\n%s", api, cli)
	}
	rows, _ := fromAPI["rows"].([]any)
	if len(rows) != 1 {
		t.Fatalf("rows: %s", api)
	}
	row := rows[0].(map[string]any)
	// 3 of the 4 imported parcels arrived within 48 hours (P-4 took four days).
	if row["eligible"] != 4.0 || row["good"] != 3.0 || row["attainment"] != 0.75 || row["met"] != false {
		t.Fatalf("the figures: %v", row)
	}
}
