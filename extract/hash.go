package extract

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// Hasher turns identifiers into keyed hashes. The same key gives the same
// hash for the same identifier across files and runs, so a child's contacts,
// plans and episodes still join; without the key the identifier cannot be
// recovered or confirmed by guessing.
type Hasher struct {
	key []byte
}

// MinKeyLen is the shortest key accepted, in bytes.
const MinKeyLen = 16

// NewHasher returns a Hasher for key, which must be at least MinKeyLen bytes.
func NewHasher(key []byte) (*Hasher, error) {
	if len(key) < MinKeyLen {
		return nil, errors.New("extract: the identifier key is shorter than 16 bytes")
	}
	return &Hasher{key: append([]byte(nil), key...)}, nil
}

// Hash returns the 32-hex-digit keyed hash (HMAC-SHA-256, truncated to 128
// bits) of an identifier. Case and surrounding space are folded first, and
// leading zeros are kept: "0123" and "123" are different children.
func (h *Hasher) Hash(id string) string {
	m := hmac.New(sha256.New, h.key)
	m.Write([]byte(strings.ToUpper(strings.TrimSpace(id))))
	return hex.EncodeToString(m.Sum(nil)[:16])
}
