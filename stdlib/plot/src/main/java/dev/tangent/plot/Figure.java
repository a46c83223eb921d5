package dev.tangent.plot;

import dev.tangent.spi.AtomicFiles;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A rendered picture: what every plot.* function returns. fig.save("out.png") writes it
 * (atomically); its repr names its size and content, e.g. {@code <figure 800x600: line plot, 2 series>}.
 */
public final class Figure {
  private final BufferedImage image;
  private final String content;
  /** Where the data is drawn, in image pixels (null for chart-library figures). */
  final Rectangle dataArea;
  private String savedTo;

  Figure(BufferedImage image, String content, Rectangle dataArea) {
    this.image = image;
    this.content = content;
    this.dataArea = dataArea;
  }

  public int width() { return image.getWidth(); }
  public int height() { return image.getHeight(); }
  public String content() { return content; }
  public BufferedImage image() { return image; }
  public String savedTo() { return savedTo; }

  public void save(Path path) throws IOException {
    AtomicFiles.write(path, out -> {
      if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer");
    });
    savedTo = path.toString();
  }

  byte[] png() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Override public String toString() {
    return "<figure " + width() + "x" + height() + ": " + content + (savedTo != null ? ", saved to " + savedTo : "") + ">";
  }
}
