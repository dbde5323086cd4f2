package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The browser cannot hand Go a path: the import wizard sends the file in
// chunks (base64 in JSON), Upload stores it in a private temporary folder,
// and the path it returns is what Preview and Start read. The desktop window
// uses the native file dialog instead and reads the file where it is.

// MaxUploadSize bounds a file sent by the browser.
const MaxUploadSize = 512 << 20

// MaxUploadChunk bounds one Upload call's data.
const MaxUploadChunk = 16 << 20

// uploadTTL: uploads older than this are removed when a new one starts.
const uploadTTL = 24 * time.Hour

// UploadChunk is one piece of a file sent by the browser.
type UploadChunk struct {
	// ID is empty on the first chunk; later chunks send the id Upload returned.
	ID string `json:"id,omitempty"`
	// Name is the file's name (the first chunk's counts; folders are dropped).
	Name string `json:"name"`
	// Size is the whole file's size, given on the first chunk.
	Size int64 `json:"size"`
	// Offset is where Data goes; chunks come in order.
	Offset int64  `json:"offset"`
	Data   []byte `json:"data"`
}

// UploadedFile is the state of an upload.
type UploadedFile struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Path is the stored file, for Imports.Preview and Imports.Start.
	Path string `json:"path"`
	Size int64  `json:"size"`
	// Received bytes so far; Complete when Received = Size.
	Received int64 `json:"received"`
	Complete bool  `json:"complete"`
}

type uploadArea struct {
	mu    sync.Mutex
	dir   string
	files map[string]*UploadedFile
	// names maps a stored path back to the name the user sees.
	names map[string]string
}

// Upload receives a file from the browser, chunk by chunk, into a private
// temporary folder. Files above MaxUploadSize are refused before any byte is stored.
func (im *Imports) Upload(c UploadChunk) (UploadedFile, error) {
	return im.uploads.put(c)
}

// DiscardUpload removes an uploaded file that will not be imported.
func (im *Imports) DiscardUpload(id string) error {
	u := &im.uploads
	u.mu.Lock()
	f, ok := u.files[id]
	u.mu.Unlock()
	if !ok {
		return fmt.Errorf("upload %q: no such upload (it was imported, discarded or is older than a day)", id)
	}
	u.remove(f.Path)
	return nil
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanName keeps the last element of a file name, without control characters.
func cleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = filepath.Base(strings.TrimSpace(name))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == ".." {
		return ""
	}
	if len(name) > 200 {
		ext := filepath.Ext(name)
		if len(ext) > 20 {
			ext = ""
		}
		name = name[:200-len(ext)] + ext
	}
	return name
}

func (u *uploadArea) root() (string, error) {
	if u.dir != "" {
		if st, err := os.Stat(u.dir); err == nil && st.IsDir() {
			return u.dir, nil
		}
	}
	// Folders left by earlier runs that ended without cleaning up.
	if old, _ := filepath.Glob(filepath.Join(os.TempDir(), "slate-uploads-*")); len(old) > 0 {
		for _, d := range old {
			if st, err := os.Stat(d); err == nil && time.Since(st.ModTime()) > uploadTTL {
				os.RemoveAll(d)
			}
		}
	}
	dir, err := os.MkdirTemp("", "slate-uploads-")
	if err != nil {
		return "", fmt.Errorf("cannot make a folder for uploads: %w", err)
	}
	u.dir = dir
	return dir, nil
}

func (u *uploadArea) put(c UploadChunk) (UploadedFile, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.files == nil {
		u.files, u.names = map[string]*UploadedFile{}, map[string]string{}
	}
	if len(c.Data) > MaxUploadChunk {
		return UploadedFile{}, fmt.Errorf("an upload chunk may hold at most %s (got %s)", sizeText(MaxUploadChunk), sizeText(int64(len(c.Data))))
	}
	var f *UploadedFile
	if c.ID == "" {
		name := cleanName(c.Name)
		if name == "" {
			return UploadedFile{}, errors.New("the uploaded file needs a name (e.g. orders.csv)")
		}
		if c.Size < 0 {
			return UploadedFile{}, errors.New("the upload's size is negative")
		}
		if c.Size > MaxUploadSize {
			return UploadedFile{}, fmt.Errorf("%s is %s; files sent from the browser may be at most %s — import it with `slate import FILE --feed NAME`, or in the desktop window, which reads the file where it is",
				name, sizeText(c.Size), sizeText(MaxUploadSize))
		}
		if c.Offset != 0 {
			return UploadedFile{}, errors.New("the first chunk of an upload starts at offset 0")
		}
		u.expire()
		root, err := u.root()
		if err != nil {
			return UploadedFile{}, err
		}
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return UploadedFile{}, err
		}
		id := hex.EncodeToString(b)
		dir := filepath.Join(root, id)
		if err := os.Mkdir(dir, 0o700); err != nil {
			return UploadedFile{}, err
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			return UploadedFile{}, err
		}
		f = &UploadedFile{ID: id, Name: name, Path: path, Size: c.Size}
		u.files[id] = f
		u.names[path] = name
	} else {
		var ok bool
		if f, ok = u.files[c.ID]; !ok {
			return UploadedFile{}, fmt.Errorf("upload %q: no such upload (start again)", c.ID)
		}
	}
	if c.Offset != f.Received {
		return UploadedFile{}, fmt.Errorf("upload %s: chunk at offset %d, expected %d (chunks must come in order)", f.Name, c.Offset, f.Received)
	}
	if f.Received+int64(len(c.Data)) > f.Size {
		u.drop(f)
		return UploadedFile{}, fmt.Errorf("upload %s: more data than the declared size of %s; start again", f.Name, sizeText(f.Size))
	}
	if len(c.Data) > 0 {
		out, err := os.OpenFile(f.Path, os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			u.drop(f)
			return UploadedFile{}, err
		}
		_, err = out.Write(c.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.drop(f)
			return UploadedFile{}, fmt.Errorf("storing the upload of %s: %w", f.Name, err)
		}
		f.Received += int64(len(c.Data))
	}
	f.Complete = f.Received == f.Size
	return *f, nil
}

// drop forgets an upload and removes its file. Caller holds mu.
func (u *uploadArea) drop(f *UploadedFile) {
	delete(u.files, f.ID)
	delete(u.names, f.Path)
	os.RemoveAll(filepath.Dir(f.Path))
}

// expire removes uploads older than uploadTTL. Caller holds mu.
func (u *uploadArea) expire() {
	if u.dir == "" {
		return
	}
	entries, err := os.ReadDir(u.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < uploadTTL {
			continue
		}
		if f, ok := u.files[e.Name()]; ok {
			u.drop(f)
		} else {
			os.RemoveAll(filepath.Join(u.dir, e.Name()))
		}
	}
}

// remove deletes an uploaded file by path (no-op for files not uploaded).
func (u *uploadArea) remove(path string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, f := range u.files {
		if f.Path == path {
			u.drop(f)
			return
		}
	}
}

// displayName is the name the user knows a file by.
func (u *uploadArea) displayName(path string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n, ok := u.names[path]; ok {
		return n
	}
	return filepath.Base(path)
}
