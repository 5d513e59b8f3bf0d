package pipeline

import (
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"go.uber.org/zap"

	"scorecard/extract"
	sqlfs "scorecard/sql"
)

// inboxFiles lists the files of the inbox oldest first, by modification
// time and then name, so that when two exports of the same list arrive in
// one run, the newer one is staged later and wins where they overlap, as it
// would had they arrived on different nights. Hidden files and quarantine
// notes are left out; a symbolic link is read as the file it points to.
// Sub-folders are not read: they are returned in skipped, for the log.
func inboxFiles(dir string) (files, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("pipeline: read the inbox %s: %w", dir, err)
	}
	type file struct {
		path string
		mod  time.Time
	}
	var found []file
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".reason.txt") {
			continue
		}
		path := filepath.Join(dir, name)
		st, err := os.Stat(path) // follows a symbolic link
		if err != nil || !st.Mode().IsRegular() {
			skipped = append(skipped, name)
			continue
		}
		found = append(found, file{path, st.ModTime()})
	}
	sort.Slice(found, func(i, j int) bool {
		if !found[i].mod.Equal(found[j].mod) {
			return found[i].mod.Before(found[j].mod)
		}
		return found[i].path < found[j].path
	})
	for _, f := range found {
		files = append(files, f.path)
	}
	return files, skipped, nil
}

func (r *run) stageInbox(ctx context.Context) error {
	files, skipped, err := inboxFiles(r.cfg.Inbox)
	if err != nil {
		return err
	}
	if len(skipped) > 0 {
		r.log.Warn("inbox entries not read: only files directly in the inbox are",
			zap.Strings("skipped", skipped))
		r.sum.Skipped = skipped
	}
	stmts, err := sqlfs.Named("reference/ledger.sql")
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	kinds := extract.Kinds()
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.cfg.Progress(Event{Step: "stage", File: filepath.Base(path), Index: i + 1,
			Total: len(files)})
		parts, err := r.stageFile(ctx, stmts, kinds, path)
		if err != nil {
			return err
		}
		r.sum.Files = append(r.sum.Files, parts...)
	}
	return nil
}

func (r *run) stageFile(ctx context.Context, stmts map[string]string, kinds []*extract.Kind,
	path string) ([]FileSummary, error) {
	name := filepath.Base(path)
	sum, size, err := fileHash(path)
	if err != nil {
		return nil, fmt.Errorf("pipeline: read %s: %w", name, err)
	}

	// A file is known by its content, whatever it is called now.
	var seen int
	if err := r.conn.QueryRowContext(ctx, stmts["file_loaded"], sum).Scan(&seen); err != nil {
		return nil, fmt.Errorf("pipeline: look up %s in etl_file: %w", name, err)
	}
	if seen > 0 {
		r.log.Debug("file already loaded", zap.String("file", name))
		return []FileSummary{{Name: name, Status: StatusAlreadyLoaded}}, nil
	}

	var fileID int64
	if err := r.conn.QueryRowContext(ctx, stmts["next_file_id"]).Scan(&fileID); err != nil {
		return nil, fmt.Errorf("pipeline: next file id: %w", err)
	}
	var rejects []extract.Reject
	results, err := extract.Stage(ctx, r.conn, path, extract.Options{
		FileID: fileID, Hasher: r.hasher, Kinds: kinds,
		OnReject: func(rj extract.Reject) error { rejects = append(rejects, rj); return nil },
	})
	var fe *extract.FileError
	if errors.As(err, &fe) {
		q, err := r.quarantine(ctx, stmts, path, sum, fe.Reason, fe.Err)
		return []FileSummary{q}, err
	}
	if err != nil {
		return nil, err
	}

	// The ledger: each part of the file, then each refusal.
	var out []FileSummary
	for _, res := range results {
		fs := FileSummary{Name: res.Name(), Kind: res.Kind.Name, Status: StatusLoaded,
			RowsRead: res.RowsRead, RowsStaged: res.RowsStaged, RowsRefused: res.RowsRefused,
			ExtraColumns: res.ExtraColumns}
		id := fileID + res.PartIndex
		_, err = r.conn.ExecContext(ctx, stmts["record_file"], id, r.sum.RunID, res.Name(),
			res.Kind.Name, sum, res.Part, size, res.RowsRead, res.RowsStaged, res.RowsRefused,
			notRead(res.ExtraColumns), time.Now().UTC())
		if err != nil {
			return nil, fmt.Errorf("pipeline: record %s in etl_file: %w", res.Name(), err)
		}
		var mine []extract.Reject
		for _, rj := range rejects {
			if rj.Part == res.Part {
				mine = append(mine, rj)
			}
		}
		if err := r.recordRejects(id, res.Name(), mine); err != nil {
			return nil, err
		}
		r.log.Debug("file staged", zap.Int64("run_id", r.sum.RunID), zap.String("file", res.Name()),
			zap.String("kind", res.Kind.Name), zap.Int64("rows", res.RowsStaged),
			zap.Int64("rejected", res.RowsRefused))
		if len(res.ExtraColumns) > 0 {
			r.log.Info("columns not read", zap.String("file", res.Name()),
				zap.Strings("columns", res.ExtraColumns))
		}
		out = append(out, fs)
	}
	return out, nil
}

func (r *run) recordRejects(fileID int64, name string, rejects []extract.Reject) error {
	if len(rejects) == 0 {
		return nil
	}
	return r.conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "etl_reject")
		if err != nil {
			return fmt.Errorf("pipeline: record refusals of %s: %w", name, err)
		}
		for _, rj := range rejects {
			var raw driver.Value
			if rj.Value != "" {
				raw = rj.Value
			}
			if err := app.AppendRow(fileID, name, rj.Line, rj.Column, raw, rj.Reason); err != nil {
				return errors.Join(fmt.Errorf("pipeline: record refusals of %s: %w", name, err),
					app.Close())
			}
		}
		if err := app.Close(); err != nil {
			return fmt.Errorf("pipeline: record refusals of %s: %w", name, err)
		}
		return nil
	})
}

// quarantine copies a file that cannot be read to the quarantine folder,
// with the reason beside it, and removes it from the inbox where it can.
func (r *run) quarantine(ctx context.Context, stmts map[string]string, path, sum, reason string,
	cause error) (FileSummary, error) {
	name := filepath.Base(path)
	fs := FileSummary{Name: name, Status: StatusQuarantined, Reason: reason}
	var before int
	if err := r.conn.QueryRowContext(ctx, stmts["file_quarantined"], sum).Scan(&before); err != nil {
		return fs, fmt.Errorf("pipeline: look up %s in etl_quarantine: %w", name, err)
	}
	if before == 0 {
		if err := os.MkdirAll(r.cfg.Quarantine, 0o755); err != nil {
			return fs, fmt.Errorf("pipeline: create the quarantine folder: %w", err)
		}
		dst := filepath.Join(r.cfg.Quarantine, name)
		if err := copyPath(path, dst); err != nil {
			return fs, fmt.Errorf("pipeline: quarantine %s: %w", name, err)
		}
		note := fmt.Sprintf("%s was not loaded: %s.\n", name, reason)
		if cause != nil {
			note += "Detail: " + cause.Error() + "\n"
		}
		note += "Fix the file and put it back in the inbox; the next run will read it.\n"
		if err := os.WriteFile(dst+".reason.txt", []byte(note), 0o644); err != nil {
			return fs, fmt.Errorf("pipeline: write the reason for %s: %w", name, err)
		}
		if _, err := r.conn.ExecContext(ctx, stmts["record_quarantine"], r.sum.RunID, name, sum,
			reason); err != nil {
			return fs, fmt.Errorf("pipeline: record %s in etl_quarantine: %w", name, err)
		}
	}
	if err := os.Remove(path); err != nil {
		fs.Reason += " (the inbox is read-only, so the file is still there)"
	}
	r.log.Warn("file quarantined", zap.Int64("run_id", r.sum.RunID), zap.String("file", name),
		zap.String("reason", reason))
	return fs, nil
}

func fileHash(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func copyPath(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return errors.Join(err, out.Close())
}

// notRead lists the headings a file's kind does not know, for etl_file.
func notRead(cols []string) any {
	if len(cols) == 0 {
		return nil
	}
	return strings.Join(cols, "; ")
}
