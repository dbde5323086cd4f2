package app

import "slate/internal/uploads"

// No API method takes a file-system path. A file comes in as an upload: the
// browser sends it in chunks (base64 in JSON) into a folder of Slate's own
// beside the database, and every method that reads a file (Imports.Preview,
// Imports.Start, Packs.Verify, exception evidence) takes the upload's id. The
// window's open dialog and the CLI register the file the person chose where
// it is (Dialogs.OpenFile, Local.Upload), so big files are not copied; those
// registrations exist only in that process and are never served.

// MaxUploadSize bounds a file sent by the browser.
const MaxUploadSize = uploads.MaxSize

// MaxUploadChunk bounds one Upload call's data.
const MaxUploadChunk = uploads.MaxChunk

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

// Upload receives a file from the browser, chunk by chunk, into Slate's
// upload folder. Files above MaxUploadSize are refused before any byte is
// stored; an upload is removed once imported, when discarded, or after a day.
func (im *Imports) Upload(c UploadChunk) (UploadedFile, error) {
	f, err := im.uploads.Put(im.caller.Name, uploads.Chunk(c))
	return UploadedFile(f), err
}

// DiscardUpload removes an upload that will not be used.
func (im *Imports) DiscardUpload(id string) error {
	return im.uploads.Discard(im.caller.Name, id)
}
