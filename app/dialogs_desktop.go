//go:build desktop

package app

import (
	"errors"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"
)

// Dialogs gives the window native file dialogs and the file manager. It is
// bound only in the desktop build; the browser uploads and downloads instead.
type Dialogs struct{}

func (d *Dialogs) ctx() error {
	if windowCtx == nil {
		return errors.New("the window is not open yet")
	}
	return nil
}

// OpenFile asks for a file to open; kind "data" offers CSV and XLSX first,
// anything else any file. An empty path means the user cancelled.
func (d *Dialogs) OpenFile(title, kind string) (string, error) {
	if err := d.ctx(); err != nil {
		return "", err
	}
	var filters []wruntime.FileFilter
	if kind == "data" {
		filters = []wruntime.FileFilter{
			{DisplayName: "Supplier data (*.csv, *.xlsx, *.tsv, *.txt)", Pattern: "*.csv;*.xlsx;*.xlsm;*.tsv;*.txt"},
			{DisplayName: "All files", Pattern: "*"},
		}
	}
	return wruntime.OpenFileDialog(windowCtx, wruntime.OpenDialogOptions{Title: title, Filters: filters})
}

// SaveFile asks where to save a file; an empty path means the user cancelled.
func (d *Dialogs) SaveFile(title, defaultName string) (string, error) {
	if err := d.ctx(); err != nil {
		return "", err
	}
	return wruntime.SaveFileDialog(windowCtx, wruntime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, CanCreateDirectories: true})
}

// ReadFile returns a picked file's bytes (exception evidence), up to 64 MiB.
func (d *Dialogs) ReadFile(path string) (FileData, error) {
	return readForUI(path)
}

// WriteFile saves bytes the UI holds (an evidence file) to a path the user chose in SaveFile.
func (d *Dialogs) WriteFile(path string, data []byte) error {
	return writeFromUI(path, data)
}

// ShowFolder opens the folder holding path (or path, a folder) in the file manager.
func (d *Dialogs) ShowFolder(path string) error {
	return showFolder(path)
}
