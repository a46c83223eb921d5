package dev.tangent.plot;

import java.util.Base64;
import java.util.Map;

/** Inline pictures for terminals that show them: iTerm2's OSC 1337 and kitty's graphics protocol. */
final class TerminalPreview {
  private TerminalPreview() {}

  enum Protocol { ITERM2, KITTY, NONE }

  static Protocol detect(Map<String, String> env) {
    String prog = env.getOrDefault("TERM_PROGRAM", "");
    if (prog.equals("iTerm.app") || prog.equals("WezTerm")) return Protocol.ITERM2;
    if (env.getOrDefault("TERM", "").equals("xterm-kitty") || env.containsKey("KITTY_WINDOW_ID")) return Protocol.KITTY;
    return Protocol.NONE;
  }

  /** The escape sequence that shows a PNG inline, or "" when the terminal cannot. */
  static String sequence(Protocol p, byte[] png, String name) {
    String b64 = Base64.getEncoder().encodeToString(png);
    switch (p) {
      case ITERM2:
        return "\033]1337;File=name=" + Base64.getEncoder().encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + ";size=" + png.length + ";inline=1:" + b64 + "\007\n";
      case KITTY: {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 4096) {
          boolean last = i + 4096 >= b64.length();
          sb.append("\033_G");
          if (i == 0) sb.append("a=T,f=100,");
          sb.append("m=").append(last ? 0 : 1).append(';').append(b64, i, Math.min(b64.length(), i + 4096)).append("\033\\");
        }
        return sb.append('\n').toString();
      }
      default:
        return "";
    }
  }
}
