//go:build desktop

package app

import (
	"errors"
	"fmt"
	"runtime"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"
)

// Dialogs gives the window native file dialogs and the file manager. It is
// bound only in the desktop build, never served over HTTP; the browser
// uploads and downloads instead. A picked file becomes an upload id, so the
// UI never hands Go a path to read.
type Dialogs struct {
	app *App
}

func (d *Dialogs) ctx() error {
	if windowCtx == nil {
		return errors.New("the window is not open yet")
	}
	return nil
}

// OpenFile asks for a file and registers it as an upload read where it is
// (for Imports.Preview and Start, Packs.Verify, exception evidence); kind
// "data" offers CSV and XLSX first, anything else any file. An empty id
// means the user cancelled.
func (d *Dialogs) OpenFile(title, kind string) (UploadedFile, error) {
	if err := d.ctx(); err != nil {
		return UploadedFile{}, err
	}
	var filters []wruntime.FileFilter
	if kind == "data" {
		filters = []wruntime.FileFilter{
			{DisplayName: "Supplier data (*.csv, *.xlsx, *.tsv, *.txt)", Pattern: "*.csv;*.xlsx;*.xlsm;*.tsv;*.txt"},
			{DisplayName: "All files", Pattern: "*"},
		}
	}
	path, err := wruntime.OpenFileDialog(windowCtx, wruntime.OpenDialogOptions{Title: title, Filters: filters})
	if err != nil {
		return UploadedFile{}, err
	}
	return openPicked(d.app, path)
}

// SaveFile asks where to save bytes the UI holds (a download: rejects
// report, pack, evidence) and writes them there; it returns the path chosen,
// "" when the user cancelled.
func (d *Dialogs) SaveFile(title, defaultName string, data []byte) (string, error) {
	if err := d.ctx(); err != nil {
		return "", err
	}
	path, err := wruntime.SaveFileDialog(windowCtx, wruntime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, CanCreateDirectories: true})
	if err != nil || path == "" {
		return "", err
	}
	return path, writeFromUI(path, data)
}

// ShowFolder opens the folder holding path (or path, a folder) in the file manager.
func (d *Dialogs) ShowFolder(path string) error {
	return showFolder(path)
}

// showFolder opens the folder holding path in the file manager, without waiting for it.
func showFolder(path string) error {
	dir, err := folderOf(path)
	if err != nil {
		return err
	}
	cmd := openFolderCommand(runtime.GOOS, dir)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot open the folder %s: %w", dir, err)
	}
	go cmd.Wait()
	return nil
}

// openPicked registers a file picked in the window as an upload of a's caller.
func openPicked(a *App, path string) (UploadedFile, error) {
	if path == "" {
		return UploadedFile{}, nil // cancelled
	}
	f, err := a.shared.uploads.Adopt(a.caller.Name, path)
	return UploadedFile(f), err
}
