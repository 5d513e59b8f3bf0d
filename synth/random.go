package synth

import (
	"math"
	"math/rand/v2"
)

// rng wraps a PCG-seeded generator with the few draws the simulation needs.
// Each concern (social care, libraries, planted faults) has its own stream so
// that changing one does not reshuffle the others.
type rng struct{ *rand.Rand }

func newRNG(seed int64, stream uint64) rng {
	return rng{rand.New(rand.NewPCG(uint64(seed), stream))}
}

func (r rng) chance(p float64) bool { return r.Float64() < p }

// between draws an integer in [lo, hi].
func (r rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// lognorm draws from a log-normal distribution with the given median.
func (r rng) lognorm(median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// poisson draws a Poisson count; Knuth's method is fine for the small means
// used here, and a normal approximation covers large ones.
func (r rng) poisson(mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 40 {
		v := int(math.Round(mean + math.Sqrt(mean)*r.NormFloat64()))
		if v < 0 {
			return 0
		}
		return v
	}
	l := math.Exp(-mean)
	k, p := 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// opt is one weighted option of a categorical draw.
type opt[T any] struct {
	w float64
	v T
}

// pick draws one option in proportion to its weight.
func pick[T any](r rng, opts []opt[T]) T {
	total := 0.0
	for _, o := range opts {
		total += o.w
	}
	x := r.Float64() * total
	for _, o := range opts {
		x -= o.w
		if x < 0 {
			return o.v
		}
	}
	return opts[len(opts)-1].v
}
