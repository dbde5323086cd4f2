package importer

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
)

// The kept source is stored in small chunks: appending to a bucket makes bbolt
// rewrite its last leaf (at least two values) in every transaction, so big
// chunks would cost time and page in the database map.
const (
	srcChunk = 16 << 10
	srcQueue = 256 // 4 MiB of compressed source waiting for the writer
)

// startSource compresses the original file on another goroutine, in chunks the
// writer stores with the batch.
func (r *importRun) startSource(path string) {
	r.chunks = make(chan []byte, srcQueue)
	r.srcErr = make(chan error, 1)
	go func() {
		defer close(r.chunks)
		f, err := os.Open(path)
		if err != nil {
			r.srcErr <- err
			return
		}
		defer f.Close()
		cw := &chunkWriter{out: r.chunks, size: srcChunk}
		zw, _ := gzip.NewWriterLevel(cw, gzip.BestSpeed)
		_, err = io.Copy(zw, f)
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
		cw.flush()
		r.srcErr <- err
	}()
}

type chunkWriter struct {
	out  chan []byte
	buf  []byte
	size int
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if c.buf == nil {
			c.buf = make([]byte, 0, c.size)
		}
		k := min(len(p), c.size-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == c.size {
			c.flush()
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() {
	if len(c.buf) > 0 {
		c.out <- c.buf
		c.buf = nil
	}
}

// drainSource moves compressed chunks to the writer; wait blocks until the compressor is done.
func (r *importRun) drainSource(wait bool) error {
	if r.chunks == nil {
		return nil
	}
	for {
		if wait {
			c, ok := <-r.chunks
			if !ok {
				err := <-r.srcErr
				r.chunks = nil
				if err != nil {
					return fmt.Errorf("keeping the original file: %w", err)
				}
				return nil
			}
			r.w.AddSource(c)
			continue
		}
		select {
		case c, ok := <-r.chunks:
			if !ok {
				return nil
			}
			r.w.AddSource(c)
		default:
			return nil
		}
	}
}
