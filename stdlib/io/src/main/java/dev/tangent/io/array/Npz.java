package dev.tangent.io.array;

import dev.tangent.spi.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** NumPy's .npz: a zip of .npy members (np.savez stores them, np.savez_compressed deflates them). */
public final class Npz {
  private Npz() {}

  public static Map<String, NdArray> read(Path file) throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> es = zip.entries();
      while (es.hasMoreElements()) {
        ZipEntry e = es.nextElement();
        if (e.isDirectory()) continue;
        String name = e.getName();
        if (name.endsWith(".npy")) name = name.substring(0, name.length() - 4);
        try (InputStream in = zip.getInputStream(e)) {
          out.put(name, Npy.read(in, e.getSize()));
        } catch (ArrayFormatException ex) {
          throw new ArrayFormatException("member '" + name + "': " + ex.getMessage());
        }
      }
    } catch (ZipException e) {
      throw new ArrayFormatException("not a .npz file (not a zip archive)");
    }
    return out;
  }

  /**
   * Writes atomically. Without {@code compress} the members are stored as np.savez stores them
   * (ZIP_STORED); with it they are deflated (np.savez_compressed).
   */
  public static void write(Path file, Map<String, NdArray> arrays, boolean compress) throws IOException {
    AtomicFiles.write(file, os -> {
      ZipOutputStream zip = new ZipOutputStream(os);
      for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey() + ".npy");
        if (compress) {
          ze.setMethod(ZipEntry.DEFLATED);
          zip.putNextEntry(ze);
          Npy.write(zip, e.getValue());
        } else {
          java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
          Npy.write(member, e.getValue());
          byte[] b = member.toByteArray();
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(b);
          ze.setMethod(ZipEntry.STORED);
          ze.setSize(b.length);
          ze.setCompressedSize(b.length);
          ze.setCrc(crc.getValue());
          zip.putNextEntry(ze);
          zip.write(b);
        }
        zip.closeEntry();
      }
      zip.finish();
    });
  }
}
