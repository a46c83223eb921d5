import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The reference for the REPL's start-up in bench/startup.sh: the least a JLine 3 REPL does before
 * its prompt (terminal set up the way the REPL does it, a LineReader, readLine), nothing else.
 */
public class JLineFloor {
  public static void main(String[] args) throws Exception {
    String type = System.getenv("TERM");
    if (type != null && InfoCmp.getDefaultInfoCmp(type) != null) {
      InfoCmp.setLoadedInfoCmp(type, InfoCmp.getDefaultInfoCmp(type));
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).provider("jni").build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      reader.readLine("tangent> ");
    } catch (org.jline.reader.EndOfFileException | org.jline.reader.UserInterruptException e) {
      // Ctrl-D or Ctrl-C: done
    }
  }
}
