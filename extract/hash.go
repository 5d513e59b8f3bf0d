package extract

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"strings"
	"sync"
)

// Hasher turns identifiers into keyed hashes. The same key gives the same
// hash for the same identifier across files and runs, so a child's contacts,
// plans and episodes still join; without the key the identifier cannot be
// recovered or confirmed by guessing.
type Hasher struct {
	key  []byte
	pool sync.Pool // of hash.Hash, HMACs keyed with key
}

// MinKeyLen is the shortest key accepted, in bytes.
const MinKeyLen = 16

// NewHasher returns a Hasher for key, which must be at least MinKeyLen bytes.
func NewHasher(key []byte) (*Hasher, error) {
	if len(key) < MinKeyLen {
		return nil, errors.New("extract: the identifier key is shorter than 16 bytes")
	}
	h := &Hasher{key: append([]byte(nil), key...)}
	h.pool.New = func() any { return hmac.New(sha256.New, h.key) }
	return h, nil
}

// Hash returns the 32-hex-digit keyed hash (HMAC-SHA-256, truncated to 128
// bits) of an identifier. Case and surrounding space are folded first, and
// leading zeros are kept: "0123" and "123" are different children.
func (h *Hasher) Hash(id string) string {
	m := h.pool.Get().(hash.Hash)
	defer h.pool.Put(m)
	m.Reset()
	m.Write([]byte(strings.ToUpper(strings.TrimSpace(id))))
	var sum [sha256.Size]byte
	return hex.EncodeToString(m.Sum(sum[:0])[:16])
}

// Fingerprint identifies the key without revealing it: the keyed hash of a
// fixed label. Two warehouses built with the same key have the same
// fingerprint.
func (h *Hasher) Fingerprint() string {
	return h.Hash("scorecard key fingerprint")
}
