package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links against the sandbox and the atomic writer: every file built-in, given a link
 * inside the granted folder that leads out of it (to a sibling secret, to an absolute path, to a
 * file that does not exist yet, through a linked folder), is refused and touches nothing outside;
 * links that stay inside work, and writing through a link replaces its target, not the link.
 */
class SandboxLinksTest {
  @TempDir Path root;
  Path granted;
  Path secret;
  Tangent t;

  @BeforeEach void setUp() throws IOException {
    granted = Files.createDirectory(root.resolve("granted"));
    Path outside = Files.createDirectory(root.resolve("outside"));
    secret = outside.resolve("secret.txt");
    Files.writeString(secret, "top secret");
    Files.createSymbolicLink(granted.resolve("link"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(granted.resolve("abs"), secret);
    Files.createSymbolicLink(granted.resolve("dangling"), outside.resolve("new.txt"));
    Files.createSymbolicLink(granted.resolve("dir"), outside);
    t = Tangent.builder().output(new StringWriter()).allowReadWrite(granted).build();
  }

  String q(String name) {
    return "\"" + granted.resolve(name) + "\"";
  }

  void denied(String code) {
    TangentException e = assertThrows(TangentException.class, () -> t.eval(code), code);
    assertTrue(e.format().contains("permission denied"), code + ": " + e.format());
  }

  /** Every file built-in of core and io, reading or writing through each escaping link. */
  @Test void linksLeavingTheGrantedFolderAreRefusedByEveryBuiltin() throws IOException {
    for (String link : new String[] {"link", "abs", "dangling", "dir/secret.txt", "dir/new.bin", "dir"}) {
      String p = q(link);
      for (String code : new String[] {
          "read_text(" + p + ")", "exists(" + p + ")", "list_dir(" + p + ")", "load_npy(" + p + ")", "load_npz(" + p + ")",
          "load_safetensors(" + p + ")", "load_idx(" + p + ")", "load_nifti(" + p + ")", "load_image(" + p + ")",
          "load_csv(" + p + ")", "dataset_idx(" + p + ")", "dataset_npy(" + p + ")",
          "write_text(" + p + ", \"pwned\")", "save_npy(" + p + ", tensor([1]))", "save_npz(" + p + ", {a: tensor([1])})",
          "save_safetensors(" + p + ", {a: tensor([1])})", "save_nifti(" + p + ", tensor([[[1]]]))",
          "save_image(" + p + ", tensor([[0, 1]]))", "save_csv(" + p + ", [[1, 2]])"}) {
        denied(code);
      }
    }
    Files.createSymbolicLink(granted.resolve("link.npy"), secret);
    denied("load(" + q("link.npy") + ")");
    denied("save(" + q("link.npy") + ", tensor([1]))");
    assertEquals("top secret", Files.readString(secret), "nothing was written outside");
    try (Stream<Path> s = Files.list(root.resolve("outside"))) {
      assertEquals(List.of("secret.txt"), s.map(x -> x.getFileName().toString()).toList(), "nothing was created outside");
    }
    assertTrue(Files.isSymbolicLink(granted.resolve("link")), "the link is still a link");
  }

  @Test void aDotDotThroughALinkedFolderIsJudgedByWhereItLeads() throws IOException {
    Path inner = Files.createDirectory(granted.resolve("inner"));
    Files.writeString(inner.resolve("ok.txt"), "fine");
    Files.createSymbolicLink(granted.resolve("up"), root.resolve("outside"));
    // granted/up/../granted/inner/ok.txt leads back inside: allowed. granted/up/../outside/secret.txt: not.
    assertEquals("fine", t.eval("read_text(" + q("up/../granted/inner/ok.txt") + ")"));
    denied("read_text(" + q("up/../outside/secret.txt") + ")");
  }

  @Test void linksThatStayInsideWorkAndWritesGoThroughThem() throws IOException {
    Path target = granted.resolve("target.txt");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(granted.resolve("lnk.lie"), Path.of("target.txt"));
    t.eval("write_text(" + q("lnk.lie") + ", \"new\")");
    assertTrue(Files.isSymbolicLink(link), "write_text kept the link a link");
    assertEquals("new", Files.readString(target), "and wrote its target");
    assertEquals("new", t.eval("read_text(" + q("lnk.lie") + ")"));

    Files.createSymbolicLink(granted.resolve("arr.npy"), Path.of("real.npy"));
    t.eval("save_npy(" + q("arr.npy") + ", tensor([1, 2, 3]))");
    assertTrue(Files.isSymbolicLink(granted.resolve("arr.npy")));
    assertTrue(Files.isRegularFile(granted.resolve("real.npy")), "a link to a file not there yet creates that file");
    assertEquals(3.0, t.eval("len(load_npy(" + q("arr.npy") + "))"));
  }

  @Test void theCommandLinePermissionsAlsoWriteThroughLinks() throws IOException {
    Tangent all = Tangent.builder().output(new StringWriter()).permissions(dev.tangent.spi.Permissions.all()).build();
    Path target = root.resolve("t.csv");
    Files.writeString(target, "x\n");
    Path link = Files.createSymbolicLink(root.resolve("l.csv"), target);
    all.eval("save_csv(\"" + link + "\", [[1, 2]], header: [\"a\", \"b\"])");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("a,b\n1,2\n", Files.readString(target));
    assertFalse(Files.exists(root.resolve(".l.csv.tmp")));
  }
}
