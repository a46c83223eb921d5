package dev.tangent.io.data;

import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Dataset fields read lazily from record files: uncompressed files by position (random access),
 * gzipped ones as a stream. Only the records in use are in memory.
 */
public final class FileSource implements Source {
  private final RecordFile[] files;
  private final String origin;

  public FileSource(String origin, RecordFile... files) {
    this.origin = origin;
    this.files = files;
    for (RecordFile f : files) {
      if (f.count() != files[0].count()) {
        throw TangentError.runtime(origin + "(): " + files[0].name() + " has " + files[0].count() + " items but "
            + f.name() + " has " + f.count());
      }
    }
  }

  @Override public long size() { return files[0].count(); }

  @Override public boolean randomAccess() {
    for (RecordFile f : files) if (f.gzip()) return false;
    return true;
  }

  @Override public RandomReader random() {
    FileChannel[] ch = new FileChannel[files.length];
    try {
      for (int k = 0; k < files.length; k++) ch[k] = FileChannel.open(files[k].path(), StandardOpenOption.READ);
    } catch (IOException e) {
      closeAll(ch);
      throw failure(files[0], e);
    }
    return new RandomReader() {
      @Override public Element get(long i) {
        NdArray[] parts = new NdArray[files.length];
        for (int k = 0; k < files.length; k++) {
          RecordFile f = files[k];
          ByteBuffer b = ByteBuffer.allocate(f.rowBytes());
          long pos = f.offset() + i * f.rowBytes();
          try {
            while (b.hasRemaining()) {
              if (ch[k].read(b, pos + b.position()) < 0) throw new EOFException();
            }
          } catch (IOException e) {
            throw failure(f, e);
          }
          parts[k] = f.decode(b.array());
        }
        return new Element(parts);
      }

      @Override public void close() {
        closeAll(ch);
      }
    };
  }

  @Override public ElementIterator open(int epoch) {
    if (randomAccess()) {
      RandomReader r = random();
      return ElementIterator.of(new Iterator<>() {
        long i;
        @Override public boolean hasNext() { return i < size(); }
        @Override public Element next() {
          if (i >= size()) throw new NoSuchElementException();
          return r.get(i++);
        }
      }, r);
    }
    DataInputStream[] in = new DataInputStream[files.length];
    try {
      for (int k = 0; k < files.length; k++) in[k] = stream(files[k]);
    } catch (IOException e) {
      closeAll(in);
      throw failure(files[0], e);
    }
    return ElementIterator.of(new Iterator<>() {
      long i;
      @Override public boolean hasNext() { return i < size(); }
      @Override public Element next() {
        if (i >= size()) throw new NoSuchElementException();
        NdArray[] parts = new NdArray[files.length];
        for (int k = 0; k < files.length; k++) {
          byte[] raw = new byte[files[k].rowBytes()];
          try {
            in[k].readFully(raw);
          } catch (IOException e) {
            throw failure(files[k], e);
          }
          parts[k] = files[k].decode(raw);
        }
        i++;
        return new Element(parts);
      }
    }, () -> closeAll(in));
  }

  private static DataInputStream stream(RecordFile f) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(f.path()), 1 << 16);
    InputStream in = f.gzip() ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    in.skipNBytes(f.offset());
    return new DataInputStream(in);
  }

  private static void closeAll(AutoCloseable[] cs) {
    for (AutoCloseable c : cs) {
      if (c == null) continue;
      try {
        c.close();
      } catch (Exception e) {
        // read-only files: nothing to recover
      }
    }
  }

  private TangentError failure(RecordFile f, IOException e) {
    String why = e instanceof dev.tangent.io.array.ArrayFormatException ? dev.tangent.spi.Printable.of(e.getMessage(), 300)
        : dev.tangent.spi.IoErrors.describe(e);
    return TangentError.runtime(origin + "(): " + f.path() + ": " + why);
  }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder(origin.replace("dataset_", "")).append('(');
    for (int k = 0; k < files.length; k++) sb.append(k > 0 ? ", " : "").append(files[k].name());
    return sb.append(')').toString();
  }
}
