package dev.tangent.progress;

/** The plain mode's lines: "train: 30/100 (30%), 2.5s elapsed, eta 5.8s, loss 0.12". */
final class PlainFormat {
  private PlainFormat() {}

  static String line(String desc, long current, long total, long elapsedNanos, String message) {
    StringBuilder sb = new StringBuilder();
    if (!desc.isEmpty()) sb.append(desc).append(": ");
    double secs = elapsedNanos / 1e9;
    if (total > 0) {
      sb.append(current).append('/').append(total).append(" (").append(current * 100 / total).append("%)");
      if (current >= total) {
        sb.append(", done in ").append(duration(secs));
      } else {
        sb.append(", ").append(duration(secs)).append(" elapsed");
        if (current > 0) sb.append(", eta ").append(duration(secs * (total - current) / current));
      }
    } else {
      sb.append(current).append(", ").append(duration(secs)).append(" elapsed");
    }
    if (!message.isEmpty()) sb.append(", ").append(message);
    return sb.toString();
  }

  /** 4.2s under a minute, then 1:02:03 (or 2:03). */
  static String duration(double secs) {
    if (secs < 60) return String.format(java.util.Locale.ROOT, "%.1fs", secs);
    long s = Math.round(secs);
    long h = s / 3600, m = (s / 60) % 60, r = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, r) : String.format("%d:%02d", m, r);
  }
}
