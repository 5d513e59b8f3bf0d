package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newKeygenCmd) }

// keyEnvFile and keyEnv name the environment variables that give the
// identifier key: a path to the key file, or the key itself.
const (
	keyEnvFile = "SCORECARD_KEY_FILE"
	keyEnv     = "SCORECARD_KEY"
)

// readKey finds the identifier key: the --key-file flag, then
// SCORECARD_KEY_FILE, then SCORECARD_KEY. A key file holds the key as hex
// (as keygen writes it) or as plain text of 16 characters or more.
func readKey(flag string) ([]byte, error) {
	path := flag
	if path == "" {
		path = os.Getenv(keyEnvFile)
	}
	var text string
	switch {
	case path != "":
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read the identifier key: %w", err)
		}
		text = string(b)
	case os.Getenv(keyEnv) != "":
		text = os.Getenv(keyEnv)
	default:
		return nil, usageError{errors.New("no identifier key: pass --key-file, or set " +
			keyEnvFile + " or " + keyEnv + " (make a key with 'scorecard keygen --out FILE')")}
	}
	text = strings.TrimSpace(text)
	if b, err := hex.DecodeString(text); err == nil && len(b) >= 16 {
		return b, nil
	}
	if len(text) < 16 {
		return nil, usageError{errors.New("the identifier key is too short: it needs 16 " +
			"characters or more (make one with 'scorecard keygen --out FILE')")}
	}
	return []byte(text), nil
}

// writeNewKey writes a fresh random 256-bit key, as hex, to a new file that
// only its owner can read.
func writeNewKey(path string) error {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return fmt.Errorf("make a key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists: a key is never overwritten, since every "+
				"hash in the warehouse depends on it", path)
		}
		return fmt.Errorf("write the key: %w", err)
	}
	_, err = fmt.Fprintln(f, hex.EncodeToString(key))
	return errors.Join(err, f.Close())
}

func newKeygenCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "keygen --out FILE",
		Short: "Make the secret key that turns child identifiers into keyed hashes",
		Long: `keygen writes a new random key to FILE, readable only by you.

Every child identifier is replaced by a keyed hash before it reaches the
warehouse, so the same child joins up across files and runs while the
warehouse alone cannot reveal who they are. Keep the key outside the
warehouse folder and back it up: with a different key, the same child gets
a different hash and history no longer joins up.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{errors.New("keygen needs --out FILE")}
			}
			if err := writeNewKey(out); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote a new identifier key to %s.\n", out)
			fmt.Fprintf(cmd.OutOrStdout(), "Use it with: scorecard run --key-file %s ...\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "file to write the key to (must not exist)")
	return cmd
}
