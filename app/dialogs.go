package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// The desktop window's native dialogs are the Dialogs service
// (dialogs_desktop.go, desktop build only); what does not need Wails is here,
// so it builds and is tested everywhere.

// maxReadFile bounds a file read for the UI (exception evidence).
const maxReadFile = 64 << 20

// readForUI reads a file the user picked, for the UI (base64 in JSON).
func readForUI(path string) (FileData, error) {
	st, err := os.Stat(path)
	if err != nil {
		return FileData{}, err
	}
	if st.IsDir() {
		return FileData{}, fmt.Errorf("%s is a folder, not a file", path)
	}
	if st.Size() > maxReadFile {
		return FileData{}, fmt.Errorf("%s is %s; attach files of at most %s", filepath.Base(path), sizeText(st.Size()), sizeText(maxReadFile))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return FileData{}, err
	}
	return FileData{Name: filepath.Base(path), Type: mimeOf(path), Size: int64(len(b)), Data: b}, nil
}

// writeFromUI writes bytes to a path the user chose in a save dialog.
func writeFromUI(path string, data []byte) error {
	if path == "" {
		return errors.New("no file to write to")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder, not a file", path)
	}
	return os.WriteFile(path, data, 0o644)
}

func mimeOf(path string) string {
	switch filepath.Ext(path) {
	case ".xlsx":
		return MimeXLSX
	case ".csv":
		return MimeCSV
	case ".pdf":
		return MimePDF
	case ".zip":
		return MimeZIP
	}
	return "application/octet-stream"
}

// folderOf is the folder to show for path: path itself when it is a folder,
// else the folder holding it.
func folderOf(path string) (string, error) {
	if path == "" {
		return "", errors.New("no file or folder to show")
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return path, nil
	}
	return filepath.Dir(path), nil
}

// openFolderCommand is the command that shows a folder in the system's file manager.
func openFolderCommand(goos, dir string) *exec.Cmd {
	switch goos {
	case "darwin":
		return exec.Command("open", dir)
	case "windows":
		return exec.Command("explorer", dir)
	}
	return exec.Command("xdg-open", dir)
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
