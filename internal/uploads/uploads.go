// Package uploads keeps the files that come in through the API: the
// browser sends a file in chunks into a folder of Slate's own beside the
// database, and every method that reads a file takes the upload's id, never
// a path. A file a person picks in the window or names on the command line
// is registered where it is (Adopt) and only read. Uploads belong to who
// sent them, are bounded in size per file and per owner, and are removed
// once used, when discarded, or after a day.
package uploads

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"slate/internal/plain"
)

// MaxSize bounds a file sent by the browser.
const MaxSize = 512 << 20

// MaxChunk bounds one chunk's data.
const MaxChunk = 8 << 20

// maxPerOwner bounds what one owner may hold in the upload folder at once.
const maxPerOwner = 2 * MaxSize

// ttl: an upload not used within this time is removed.
const ttl = 24 * time.Hour

// Chunk is one piece of a file sent by the browser.
type Chunk struct {
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

// File is the state of an upload; its ID is what the methods that read a file take.
type File struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Size int64  `json:"size"`
	// Received bytes so far; Complete when Received = Size.
	Received int64 `json:"received"`
	Complete bool  `json:"complete"`
	// Local is where a file picked in the window lives, to show the person
	// (never sent back: the id stands for the file).
	Local string `json:"local,omitempty"`
}

// Upload is a File with where it is.
type Upload struct {
	File
	owner string
	// Path is where the file is; Owned: it is Slate's copy in the upload
	// folder, removed after use (a file picked in the window or named on the
	// command line is only read).
	Path    string
	Owned   bool
	created time.Time
}

// Area holds the uploads of one open workspace, shared by every view.
type Area struct {
	mu    sync.Mutex
	dir   string // <database>.uploads: only Slate writes there
	files map[string]*Upload
}

// New is the upload area of the database at dbPath: the folder <database>.uploads.
func New(dbPath string) *Area {
	return &Area{dir: dbPath + ".uploads", files: map[string]*Upload{}}
}

// idForm is the form of an upload's id and of its folder's name; only such
// folders are ever removed from the upload folder.
var idForm = regexp.MustCompile(`^[0-9a-f]{24}$`)

// SizeText writes a size for people: 512 bytes, 3.2 MiB.
func SizeText(n int64) string {
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

// CleanName keeps the last element of a file name, without control characters.
func CleanName(name string) string {
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

func errNoUpload(id string) error {
	return fmt.Errorf("upload %s: no such upload (it was used, discarded or is older than a day; send the file again)", plain.Clip(id))
}

// Put stores one chunk of owner's upload (the first chunk, without an id, starts one).
func (u *Area) Put(owner string, c Chunk) (File, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(c.Data) > MaxChunk {
		return File{}, fmt.Errorf("an upload chunk may hold at most %s (got %s)", SizeText(MaxChunk), SizeText(int64(len(c.Data))))
	}
	var f *Upload
	if c.ID == "" {
		name := CleanName(c.Name)
		if name == "" {
			return File{}, errors.New("the uploaded file needs a name (e.g. orders.csv)")
		}
		if c.Size < 0 {
			return File{}, errors.New("the upload's size is negative")
		}
		if c.Size > MaxSize {
			return File{}, fmt.Errorf("%s is %s; files sent from the browser may be at most %s — import it from the command line (slate import) or in the desktop window, which read the file where it is",
				name, SizeText(c.Size), SizeText(MaxSize))
		}
		if c.Offset != 0 {
			return File{}, errors.New("the first chunk of an upload starts at offset 0")
		}
		u.expire()
		var held int64
		for _, o := range u.files {
			if o.Owned && o.owner == owner {
				held += o.Size
			}
		}
		if held+c.Size > maxPerOwner {
			return File{}, fmt.Errorf("you hold %s of uploads not used yet; import or discard them first (at most %s at once)", SizeText(held), SizeText(maxPerOwner))
		}
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return File{}, err
		}
		id := hex.EncodeToString(b)
		dir := filepath.Join(u.dir, id)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return File{}, fmt.Errorf("cannot make a folder for uploads: %w", err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			os.RemoveAll(dir)
			return File{}, err
		}
		f = &Upload{File: File{ID: id, Name: name, Size: c.Size}, owner: owner, Path: path, Owned: true, created: time.Now()}
		u.files[id] = f
	} else {
		var ok bool
		if f, ok = u.files[c.ID]; !ok || f.owner != owner || !f.Owned {
			return File{}, errNoUpload(c.ID)
		}
	}
	if c.Offset != f.Received {
		return File{}, fmt.Errorf("upload %s: chunk at offset %d, expected %d (chunks must come in order)", f.Name, c.Offset, f.Received)
	}
	if f.Received+int64(len(c.Data)) > f.Size {
		u.drop(f)
		return File{}, fmt.Errorf("upload %s: more data than the declared size of %s; start again", f.Name, SizeText(f.Size))
	}
	if len(c.Data) > 0 {
		out, err := os.OpenFile(f.Path, os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			u.drop(f)
			return File{}, err
		}
		_, err = out.Write(c.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.drop(f)
			return File{}, fmt.Errorf("storing the upload of %s: %w", f.Name, err)
		}
		f.Received += int64(len(c.Data))
	}
	f.Complete = f.Received == f.Size
	return f.File, nil
}

// Adopt registers a file the person chose (window dialog, CLI argument) as
// an upload that is read where it is and never removed.
func (u *Area) Adopt(owner, path string) (File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return File{}, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return File{}, err
	}
	if st.IsDir() {
		return File{}, fmt.Errorf("%s is a folder, not a file", path)
	}
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return File{}, err
	}
	f := &Upload{File: File{ID: hex.EncodeToString(b), Name: filepath.Base(abs), Size: st.Size(),
		Received: st.Size(), Complete: true, Local: abs}, owner: owner, Path: abs, created: time.Now()}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expire()
	u.files[f.ID] = f
	return f.File, nil
}

// Get returns a complete upload of owner's.
func (u *Area) Get(owner, id string) (Upload, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expire()
	f, ok := u.files[id]
	if !ok || f.owner != owner {
		return Upload{}, errNoUpload(id)
	}
	if !f.Complete {
		return Upload{}, fmt.Errorf("upload of %s is not complete (%s of %s received)", f.Name, SizeText(f.Received), SizeText(f.Size))
	}
	return *f, nil
}

// Done forgets an upload once used, removing Slate's copy.
func (u *Area) Done(id string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if f, ok := u.files[id]; ok {
		u.drop(f)
	}
}

// Discard removes an upload that will not be used.
func (u *Area) Discard(owner, id string) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	f, ok := u.files[id]
	if !ok || f.owner != owner {
		return errNoUpload(id)
	}
	u.drop(f)
	return nil
}

// drop forgets an upload and removes Slate's copy. Caller holds mu.
func (u *Area) drop(f *Upload) {
	delete(u.files, f.ID)
	if f.Owned {
		os.RemoveAll(filepath.Dir(f.Path))
	}
}

// expire forgets uploads older than ttl. Caller holds mu.
func (u *Area) expire() {
	for _, f := range u.files {
		if time.Since(f.created) > ttl {
			u.drop(f)
		}
	}
}

// Sweep removes what earlier runs left in the upload folder: their uploads
// can no longer be used. Only folders named like an upload are touched.
func (u *Area) Sweep() {
	entries, err := os.ReadDir(u.dir)
	if err != nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, e := range entries {
		if _, live := u.files[e.Name()]; e.IsDir() && idForm.MatchString(e.Name()) && !live {
			os.RemoveAll(filepath.Join(u.dir, e.Name()))
		}
	}
}

// Path is where the upload id is (tests).
func (u *Area) Path(id string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if f, ok := u.files[id]; ok {
		return f.Path
	}
	return ""
}

// Dir is the upload folder.
func (u *Area) Dir() string { return u.dir }

// Read reads a whole upload of at most max bytes: a larger one is refused,
// naming both sizes.
func (up Upload) Read(max int64) ([]byte, error) {
	if up.Size > max {
		return nil, fmt.Errorf("%s is %s; attach files of at most %s", up.Name, SizeText(up.Size), SizeText(max))
	}
	f, err := os.Open(up.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", up.Name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", up.Name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: %s is over %s", up.Name, filepath.Base(up.Path), SizeText(max))
	}
	return b, nil
}

// MaxDownload bounds a file returned as bytes: past it, a file is better
// written where its user says.
const MaxDownload = 256 << 20

// ErrTooBig is what a Download refuses to grow past its bound with.
var ErrTooBig = errors.New("too big")

// Download is a file being written in memory to go out as bytes: it
// refuses to grow past MaxDownload.
type Download struct{ bytes.Buffer }

func (d *Download) Write(p []byte) (int, error) {
	if d.Len()+len(p) > MaxDownload {
		return 0, ErrTooBig
	}
	return d.Buffer.Write(p)
}

// WriteFile creates the file at path its user named (refusing an existing
// one when excl), fills it with fill, and removes it again when fill fails.
// It never writes over guard (the open database).
func WriteFile(path, guard string, excl bool, fill func(io.Writer) error) error {
	if path == "" {
		return errors.New("no file to write to")
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder, not a file", path)
		}
		if db, err := os.Stat(guard); err == nil && os.SameFile(st, db) {
			return fmt.Errorf("%s is the open Slate database; write somewhere else", path)
		}
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if excl {
		flags = os.O_CREATE | os.O_WRONLY | os.O_EXCL
	}
	out, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return err
	}
	err = fill(out)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
