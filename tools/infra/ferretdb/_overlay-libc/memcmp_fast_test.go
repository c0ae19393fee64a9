// Added to modernc.org/libc by tools/infra: tests of memcmp_fast.go.

package libc

import (
	"math/rand"
	"testing"
	"unsafe"
)

func addr(b []byte) uintptr {
	if len(b) == 0 {
		return 0
	}

	return uintptr(unsafe.Pointer(&b[0]))
}

// Xmemcmp answers as libc's byte loop on equal buffers, on buffers that differ anywhere (before,
// inside and after a 64-byte block, at the last byte) and on bytes above 0x7f.
func TestMemcmpFastAnswersAsTheByteLoop(t *testing.T) {
	tls := NewTLS()
	defer tls.Close()

	r := rand.New(rand.NewSource(1))

	for i := 0; i < 50_000; i++ {
		n := r.Intn(400)
		if i%10 == 0 {
			n = r.Intn(5)
		}

		a := make([]byte, n+1)
		r.Read(a)
		b := append([]byte(nil), a...)

		if n > 0 && r.Intn(5) != 0 {
			at := r.Intn(n)
			if r.Intn(3) == 0 {
				at = n - 1
			}

			b[at] = byte(r.Intn(256))
		}

		got := Xmemcmp(tls, addr(a), addr(b), Tsize_t(n))
		want := xmemcmpByteLoop(tls, addr(a), addr(b), Tsize_t(n))

		if got != want {
			t.Fatalf("n=%d\na=%x\nb=%x\nXmemcmp %d, byte loop %d", n, a[:n], b[:n], got, want)
		}
	}
}

func TestMemcmpFastOfZeroBytesIsZero(t *testing.T) {
	tls := NewTLS()
	defer tls.Close()

	if got := Xmemcmp(tls, 0, 0, 0); got != 0 {
		t.Fatalf("Xmemcmp of 0 bytes: %d", got)
	}
}

// Xmemcpy copies as libc's own memcpy, at any alignment of either side and any length.
func TestMemcpyFastCopiesAsLibc(t *testing.T) {
	tls := NewTLS()
	defer tls.Close()

	r := rand.New(rand.NewSource(2))

	for i := 0; i < 20_000; i++ {
		n := r.Intn(300)
		src := make([]byte, n+8)
		r.Read(src)
		from := r.Intn(8)

		got := make([]byte, n+16)
		want := make([]byte, n+16)
		r.Read(got)
		copy(want, got)
		to := r.Intn(8)

		if ret := Xmemcpy(tls, addr(got)+uintptr(to), addr(src)+uintptr(from), Tsize_t(n)); ret != addr(got)+uintptr(to) {
			t.Fatalf("Xmemcpy returned %#x, not dest %#x", ret, addr(got)+uintptr(to))
		}

		xmemcpyWords(tls, addr(want)+uintptr(to), addr(src)+uintptr(from), Tsize_t(n))

		if string(got) != string(want) {
			t.Fatalf("n=%d from=%d to=%d\ngot  %x\nwant %x", n, from, to, got, want)
		}
	}
}

func BenchmarkMemcmpSharedPrefix(b *testing.B) {
	tls := NewTLS()
	defer tls.Close()

	x := make([]byte, 2048)
	y := append([]byte(nil), x...)
	y[2000] = 1

	for _, bench := range []struct {
		name string
		f    func(*TLS, uintptr, uintptr, Tsize_t) int32
	}{{"fast", Xmemcmp}, {"byte-loop", xmemcmpByteLoop}} {
		b.Run(bench.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				bench.f(tls, addr(x), addr(y), Tsize_t(len(x)))
			}
		})
	}
}
