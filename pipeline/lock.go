package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrLocked means another run holds the warehouse.
var ErrLocked = errors.New("another run is using this warehouse")

// lock holds an exclusive advisory lock on path+".lock" for the life of a
// run. The kernel releases it if the process dies, so no stale lock is left.
type lock struct{ f *os.File }

func acquire(warehouse string) (*lock, error) {
	if err := os.MkdirAll(filepath.Dir(warehouse), 0o755); err != nil {
		return nil, fmt.Errorf("pipeline: create the warehouse folder: %w", err)
	}
	f, err := os.OpenFile(warehouse+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pipeline: open the run lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("pipeline: %s: %w (wait for it to finish)", warehouse, ErrLocked)
		}
		return nil, fmt.Errorf("pipeline: take the run lock: %w", err)
	}
	return &lock{f: f}, nil
}

func (l *lock) release() {
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
