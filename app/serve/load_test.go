package serve

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// A 1 GiB request body is refused while it arrives: the server never holds
// more than the method's limit. Measured as the growth of this process's
// peak resident memory (the server runs in it), sent to the method with the
// largest limit, once with its length declared and three times at once
// without (chunked), and for each the growth must stay under 100 MB.
func TestGiantBodyIsRefusedInFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 1 GiB bodies")
	}
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skipf("cannot reset the peak memory mark here: %v", err)
	}
	f := newFixture(t, Options{})
	const giant = 1 << 30
	send := func(declared bool) error {
		body := io.Reader(&endless{left: giant})
		req, _ := http.NewRequest(http.MethodPost, f.base+"/api/Imports/Upload", body)
		req.Header.Set("Authorization", "Bearer "+f.tok["admin"])
		if declared {
			req.ContentLength = giant
		} else {
			req.ContentLength = -1 // chunked: the server learns the size only by reading
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			// The server closed the connection while the client still sent: refused.
			if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "broken pipe") {
				return nil
			}
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			b, _ := io.ReadAll(resp.Body)
			return errors.New(resp.Status + " " + string(b))
		}
		return nil
	}
	for _, c := range []struct {
		name     string
		declared bool
		parallel int
	}{{"declared length", true, 1}, {"chunked", false, 1}, {"three chunked at once", false, 3}} {
		runtime.GC()
		debug.FreeOSMemory()
		base := procStatus(t, "VmRSS")
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, c.parallel)
		for range c.parallel {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- send(c.declared)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
		}
		peak := procStatus(t, "VmHWM")
		growth := peak - base
		t.Logf("%s: resident memory %d MB before, peak %d MB (+%d MB)", c.name, base>>20, peak>>20, growth>>20)
		if growth > 100<<20 {
			t.Errorf("%s: a 1 GiB body grew the server's memory by %d MB", c.name, growth>>20)
		}
	}
}

// endless reads as left bytes of JSON-looking data: `[{"name":"x","data":"AAAA…`.
type endless struct {
	left int64
	sent int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	n := len(p)
	if int64(n) > e.left {
		n = int(e.left)
	}
	head := `[{"name":"x.csv","size":1,"data":"`
	for i := range n {
		if at := e.sent + int64(i); at < int64(len(head)) {
			p[i] = head[at]
		} else {
			p[i] = 'A'
		}
	}
	e.left -= int64(n)
	e.sent += int64(n)
	return n, nil
}

// procStatus reads a memory line of /proc/self/status, in bytes.
func procStatus(t *testing.T, key string) int64 {
	t.Helper()
	fh, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no %s in /proc/self/status", key)
	return 0
}
