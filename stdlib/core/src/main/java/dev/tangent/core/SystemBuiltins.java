package dev.tangent.core;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.AtomicFiles;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.ModuleBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files, processes and Java classes. Each checks the interpreter's permissions first, so an
 * embedded interpreter refuses them unless its host granted them.
 */
final class SystemBuiltins {
  private SystemBuiltins() {}

  static void define(ModuleBuilder m) {
    m.functions(
        Builtin.of("read_text(path)", "The contents of a text file (UTF-8).",
            a -> {
              Path p = a.ctx().permissions.checkRead(Path.of(a.str(0)));
              try {
                return Files.readString(p, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw io("read_text", p, e);
              }
            }),
        Builtin.of("write_text(path, text)", "Writes text to a file (UTF-8), atomically: a crash leaves the old file or the new one.",
            a -> {
              Path p = a.ctx().permissions.checkWrite(Path.of(a.str(0)));
              try {
                AtomicFiles.writeString(p, a.str(1));
              } catch (IOException e) {
                throw io("write_text", p, e);
              }
              return Nil.NIL;
            }),
        Builtin.of("exists(path)", "True if the file or folder exists.",
            a -> Files.exists(a.ctx().permissions.checkRead(Path.of(a.str(0))))),
        Builtin.of("list_dir(path='.')", "The names in a folder, sorted.",
            a -> {
              Path p = a.ctx().permissions.checkRead(Path.of(a.str(0, ".")));
              try (Stream<Path> s = Files.list(p)) {
                List<Object> names = new ArrayList<>();
                s.map(x -> x.getFileName().toString()).sorted().forEach(names::add);
                return new TList(names);
              } catch (IOException e) {
                throw io("list_dir", p, e);
              }
            }),
        Builtin.of("shell(command)", "Runs a shell command; returns (exit_code, output) with stdout and stderr together.",
            a -> {
              a.ctx().permissions.checkProcesses();
              try {
                Process p = new ProcessBuilder("/bin/sh", "-c", a.str(0)).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Tuple((double) p.waitFor(), out);
              } catch (IOException e) {
                throw TangentError.runtime("shell(): " + e.getMessage());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
              }
            }),
        Builtin.of("java_class(name)", "A Java class: its static fields and methods as members, and new(...) to construct.",
            a -> {
              a.ctx().permissions.checkJava();
              try {
                return new JavaInterop.ClassValue(Class.forName(a.str(0)));
              } catch (ClassNotFoundException e) {
                throw TangentError.runtime("java_class(): no class " + a.str(0));
              }
            }),
        Builtin.of("sleep(seconds)", "Pauses; Ctrl-C interrupts it.",
            a -> {
              long end = System.nanoTime() + (long) (a.num(0) * 1e9);
              while (System.nanoTime() < end) {
                a.ctx().checkInterrupt();
                try {
                  Thread.sleep(Math.max(0, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
                }
              }
              return Nil.NIL;
            }));
  }

  static TangentError io(String fn, Path p, IOException e) {
    return TangentError.runtime(fn + "(): " + p + ": " + dev.tangent.spi.IoErrors.describe(e));
  }
}
