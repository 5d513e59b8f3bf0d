package load

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Workspace is a working copy of the published warehouse that one run
// builds in. Create it with NewWorkspace, open Path with Open, and end with
// exactly one of Publish or Discard.
type Workspace struct {
	// Published is the warehouse readers open.
	Published string
	// Path is the working file.
	Path string
}

// NewWorkspace copies the published warehouse, if there is one, to a working
// file beside it. The caller must hold the run lock.
func NewWorkspace(published string) (*Workspace, error) {
	dir, base := filepath.Split(published)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("load: create the warehouse folder %s: %w", dir, err)
	}
	w := &Workspace{Published: published, Path: filepath.Join(dir, "."+base+".building")}
	// A working file left by a run that was killed is stale: start again.
	for _, p := range []string{w.Path, w.Path + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("load: remove stale working file %s: %w", p, err)
		}
	}
	if _, err := os.Stat(published + ".wal"); err == nil {
		return nil, fmt.Errorf("load: %s has unsaved changes in %s.wal "+
			"(is a program still writing to it? close it, or open and close it once "+
			"with DuckDB to fold the changes in)", published, published)
	}
	src, err := os.Open(published)
	if errors.Is(err, os.ErrNotExist) {
		return w, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load: open %s: %w", published, err)
	}
	defer src.Close()
	if err := copyFile(src, w.Path); err != nil {
		return nil, fmt.Errorf("load: copy %s to a working file: %w", published, err)
	}
	return w, nil
}

func copyFile(src io.Reader, dst string) error {
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, src)
	if err == nil {
		err = out.Sync()
	}
	return errors.Join(err, out.Close())
}

// Publish renames the working file over the published one. The database on
// Path must be closed first, after a CHECKPOINT, so that no write-ahead log
// is left beside it.
func (w *Workspace) Publish() error {
	if _, err := os.Stat(w.Path + ".wal"); err == nil {
		return fmt.Errorf("load: the working file still has a write-ahead log; " +
			"it was not checkpointed and closed before publishing")
	}
	f, err := os.Open(w.Path)
	if err != nil {
		return fmt.Errorf("load: publish: %w", err)
	}
	err = f.Sync()
	f.Close()
	if err != nil {
		return fmt.Errorf("load: publish: flush the working file: %w", err)
	}
	if err := os.Rename(w.Path, w.Published); err != nil {
		return fmt.Errorf("load: publish %s: %w", w.Published, err)
	}
	if d, err := os.Open(filepath.Dir(w.Published)); err == nil {
		_ = d.Sync() // makes the rename durable where the file system allows
		d.Close()
	}
	return nil
}

// Discard removes the working file, leaving the published warehouse as it
// was.
func (w *Workspace) Discard() error {
	var errs []error
	for _, p := range []string{w.Path, w.Path + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
