package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// No API method takes a file-system path. A file comes in as an upload: the
// browser sends it in chunks (base64 in JSON) into a folder of Slate's own
// beside the database, and every method that reads a file (Imports.Preview,
// Imports.Start, Packs.Verify, exception evidence) takes the upload's id. The
// window's open dialog and the CLI register the file the person chose where
// it is (Dialogs.OpenFile, Local.Upload), so big files are not copied; those
// registrations exist only in that process and are never served.

// MaxUploadSize bounds a file sent by the browser.
const MaxUploadSize = 512 << 20

// MaxUploadChunk bounds one Upload call's data.
const MaxUploadChunk = 8 << 20

// maxUploadsPerCaller bounds what one caller may hold in the upload folder at once.
const maxUploadsPerCaller = 2 * MaxUploadSize

// uploadTTL: an upload not used within this time is removed.
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

// UploadedFile is the state of an upload; its ID is what Preview, Start and
// Packs.Verify take.
type UploadedFile struct {
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

// upload is an UploadedFile with what only Go knows.
type upload struct {
	UploadedFile
	owner string
	path  string
	// owned: the file is Slate's copy in the upload folder, removed after
	// use; a file picked in the window or named in the CLI is only read.
	owned   bool
	created time.Time
}

// uploadArea holds the uploads of one open workspace, shared by every view.
type uploadArea struct {
	mu    sync.Mutex
	dir   string // <database>.uploads: only Slate writes there
	files map[string]*upload
}

func newUploadArea(dbPath string) *uploadArea {
	return &uploadArea{dir: dbPath + ".uploads", files: map[string]*upload{}}
}

// uploadID is the form of an upload's id and of its folder's name; only such
// folders are ever removed from the upload folder.
var uploadID = regexp.MustCompile(`^[0-9a-f]{24}$`)

// Upload receives a file from the browser, chunk by chunk, into Slate's
// upload folder. Files above MaxUploadSize are refused before any byte is
// stored; an upload is removed once imported, when discarded, or after a day.
func (im *Imports) Upload(c UploadChunk) (UploadedFile, error) {
	return im.uploads.put(im.caller.Name, c)
}

// DiscardUpload removes an upload that will not be used.
func (im *Imports) DiscardUpload(id string) error {
	return im.uploads.discard(im.caller.Name, id)
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

func errNoUpload(id string) error {
	return fmt.Errorf("upload %s: no such upload (it was used, discarded or is older than a day; send the file again)", Clip(id))
}

func (u *uploadArea) put(owner string, c UploadChunk) (UploadedFile, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(c.Data) > MaxUploadChunk {
		return UploadedFile{}, fmt.Errorf("an upload chunk may hold at most %s (got %s)", sizeText(MaxUploadChunk), sizeText(int64(len(c.Data))))
	}
	var f *upload
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
		var held int64
		for _, o := range u.files {
			if o.owned && o.owner == owner {
				held += o.Size
			}
		}
		if held+c.Size > maxUploadsPerCaller {
			return UploadedFile{}, fmt.Errorf("you hold %s of uploads not used yet; import or discard them first (at most %s at once)", sizeText(held), sizeText(maxUploadsPerCaller))
		}
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return UploadedFile{}, err
		}
		id := hex.EncodeToString(b)
		dir := filepath.Join(u.dir, id)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return UploadedFile{}, fmt.Errorf("cannot make a folder for uploads: %w", err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			os.RemoveAll(dir)
			return UploadedFile{}, err
		}
		f = &upload{UploadedFile: UploadedFile{ID: id, Name: name, Size: c.Size}, owner: owner, path: path, owned: true, created: time.Now()}
		u.files[id] = f
	} else {
		var ok bool
		if f, ok = u.files[c.ID]; !ok || f.owner != owner || !f.owned {
			return UploadedFile{}, errNoUpload(c.ID)
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
		out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_APPEND, 0o600)
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
	return f.UploadedFile, nil
}

// adopt registers a file the person chose (window dialog, CLI argument) as
// an upload that is read where it is and never removed.
func (u *uploadArea) adopt(owner, path string) (UploadedFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return UploadedFile{}, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return UploadedFile{}, err
	}
	if st.IsDir() {
		return UploadedFile{}, fmt.Errorf("%s is a folder, not a file", path)
	}
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return UploadedFile{}, err
	}
	f := &upload{UploadedFile: UploadedFile{ID: hex.EncodeToString(b), Name: filepath.Base(abs), Size: st.Size(),
		Received: st.Size(), Complete: true, Local: abs}, owner: owner, path: abs, created: time.Now()}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expire()
	u.files[f.ID] = f
	return f.UploadedFile, nil
}

// get returns a complete upload of owner's.
func (u *uploadArea) get(owner, id string) (upload, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expire()
	f, ok := u.files[id]
	if !ok || f.owner != owner {
		return upload{}, errNoUpload(id)
	}
	if !f.Complete {
		return upload{}, fmt.Errorf("upload of %s is not complete (%s of %s received)", f.Name, sizeText(f.Received), sizeText(f.Size))
	}
	return *f, nil
}

// done forgets an upload once used, removing Slate's copy.
func (u *uploadArea) done(id string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if f, ok := u.files[id]; ok {
		u.drop(f)
	}
}

func (u *uploadArea) discard(owner, id string) error {
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
func (u *uploadArea) drop(f *upload) {
	delete(u.files, f.ID)
	if f.owned {
		os.RemoveAll(filepath.Dir(f.path))
	}
}

// expire forgets uploads older than uploadTTL. Caller holds mu.
func (u *uploadArea) expire() {
	for _, f := range u.files {
		if time.Since(f.created) > uploadTTL {
			u.drop(f)
		}
	}
}

// sweep removes what earlier runs left in the upload folder: their uploads
// can no longer be used. Only folders named like an upload are touched.
func (u *uploadArea) sweep() {
	entries, err := os.ReadDir(u.dir)
	if err != nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, e := range entries {
		if _, live := u.files[e.Name()]; e.IsDir() && uploadID.MatchString(e.Name()) && !live {
			os.RemoveAll(filepath.Join(u.dir, e.Name()))
		}
	}
}
