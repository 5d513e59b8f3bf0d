package pipeline

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"scorecard/extract"
	"scorecard/load"
)

// FileCheck is what Validate found in one file (or one sheet of a
// workbook).
type FileCheck struct {
	Name        string
	Kind        string
	KindTitle   string
	Encoding    string
	RowsRead    int64
	RowsStaged  int64
	RowsRefused int64
	// Reasons counts refusals by reason, most frequent first.
	Reasons []ReasonCount
	// First holds the first few refusals, in line order.
	First []extract.Reject
	// Problem is set when the whole file would be quarantined.
	Problem      string
	ExtraColumns []string
}

// ReasonCount is how often one reason was given.
type ReasonCount struct {
	Reason string
	Count  int64
}

// firstRejects is how many refusals Validate keeps per file.
const firstRejects = 5

// Validate reads every file of dir exactly as a run would, without touching
// any warehouse: rows are staged into a throwaway database in a temporary
// folder, and identifiers are hashed with a throwaway key, since the hashes
// are never shown. It returns one FileCheck per file or sheet.
func Validate(ctx context.Context, dir string) ([]FileCheck, error) {
	files, skipped, err := inboxFiles(dir)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "scorecard-validate-")
	if err != nil {
		return nil, fmt.Errorf("pipeline: validate: %w", err)
	}
	defer os.RemoveAll(tmp)
	db, err := load.Open(filepath.Join(tmp, "validate.duckdb"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	kinds := extract.Kinds()
	if err := extract.CreateStaging(ctx, db, kinds); err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: validate: %w", err)
	}
	defer conn.Close()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("pipeline: validate: make a throwaway key: %w", err)
	}
	hasher, err := extract.NewHasher(key)
	if err != nil {
		return nil, err
	}

	var out []FileCheck
	for _, name := range skipped {
		out = append(out, FileCheck{Name: name,
			Problem: "it is not a file (a sub-folder or a broken link), so a run would not read it"})
	}
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		byPart := map[string]*rejectTally{}
		results, err := extract.Stage(ctx, conn, path, extract.Options{
			FileID: int64(1000 * (i + 1)), Hasher: hasher, Kinds: kinds,
			OnReject: func(r extract.Reject) error {
				t := byPart[r.Part]
				if t == nil {
					t = &rejectTally{counts: map[string]int64{}}
					byPart[r.Part] = t
				}
				t.add(r)
				return nil
			},
		})
		var fe *extract.FileError
		if errors.As(err, &fe) {
			problem := fe.Reason
			if fe.Err != nil {
				problem += " (" + fe.Err.Error() + ")"
			}
			out = append(out, FileCheck{Name: filepath.Base(path), Problem: problem})
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, r := range results {
			fc := FileCheck{Name: r.Name(), Kind: r.Kind.Name, KindTitle: r.Kind.Title,
				Encoding: string(r.Encoding), RowsRead: r.RowsRead, RowsStaged: r.RowsStaged,
				RowsRefused: r.RowsRefused, ExtraColumns: r.ExtraColumns}
			if t := byPart[r.Part]; t != nil {
				fc.Reasons, fc.First = t.summary()
			}
			out = append(out, fc)
		}
	}
	return out, nil
}

// rejectTally counts one file's refusals by reason and keeps the first few.
type rejectTally struct {
	counts map[string]int64
	first  []extract.Reject
}

func (t *rejectTally) add(r extract.Reject) {
	t.counts[reasonKind(r)]++
	if len(t.first) < firstRejects {
		t.first = append(t.first, r)
	}
}

func (t *rejectTally) summary() ([]ReasonCount, []extract.Reject) {
	var rc []ReasonCount
	for reason, n := range t.counts {
		rc = append(rc, ReasonCount{reason, n})
	}
	sort.Slice(rc, func(i, j int) bool {
		if rc[i].Count != rc[j].Count {
			return rc[i].Count > rc[j].Count
		}
		return rc[i].Reason < rc[j].Reason
	})
	return rc, t.first
}

// reasonKind groups refusals that differ only in their value: the column
// and the general problem.
func reasonKind(r extract.Reject) string {
	return r.Column + ": " + generalise(r.Reason, r.Value)
}

// generalise removes the refused value from a reason, so that the same
// problem with different values counts once.
func generalise(reason, value string) string {
	if value == "" {
		return reason
	}
	reason = strings.ReplaceAll(reason, `"`+value+`"`, "the value")
	return strings.ReplaceAll(reason, value, "the value")
}
