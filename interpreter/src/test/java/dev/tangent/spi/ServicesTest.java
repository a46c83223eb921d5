package dev.tangent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesTest {
  public interface Greeter { String hi(); }
  public static final class English implements Greeter { public String hi() { return "hello"; } }
  public static final class French implements Greeter { public String hi() { return "bonjour"; } }

  private static final ClassLoader LOADER = ServicesTest.class.getClassLoader();

  @Test void anIndexGivesItsProvidersInOrder(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("services.idx");
    Files.writeString(f, "# comment\n" + Greeter.class.getName() + " " + French.class.getName() + "\n"
        + Greeter.class.getName() + " " + English.class.getName() + "\n");
    Map<String, List<String>> idx = Services.read(f.toString());
    List<Greeter> gs = Services.load(Greeter.class, LOADER, idx);
    assertEquals(List.of("bonjour", "hello"), gs.stream().map(Greeter::hi).toList());
  }

  @Test void aTypeTheIndexDoesNotNameHasNoProviders(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("services.idx");
    Files.writeString(f, "some.Other some.Impl\n");
    assertTrue(Services.load(TangentModule.class, LOADER, Services.read(f.toString())).isEmpty());
  }

  @Test void withoutAnIndexServiceLoaderDecides() {
    List<String> viaServices = Services.load(FunctionShipping.class, LOADER, null).stream().map(s -> s.getClass().getName()).toList();
    List<String> viaLoader = ServiceLoader.load(FunctionShipping.class, LOADER).stream().map(p -> p.type().getName()).toList();
    assertEquals(viaLoader, viaServices);
    assertTrue(!viaServices.isEmpty());
  }

  @Test void aMissingOrMalformedIndexIsNoIndex(@TempDir Path dir) throws Exception {
    assertNull(Services.read(null));
    assertNull(Services.read(dir.resolve("absent.idx").toString()));
    Path bad = dir.resolve("bad.idx");
    Files.writeString(bad, "no-space-here\n");
    assertNull(Services.read(bad.toString()));
  }

  @Test void aProviderThatCannotBeMadeIsAConfigurationError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("services.idx");
    Files.writeString(f, Greeter.class.getName() + " no.such.Provider\n");
    assertThrows(ServiceConfigurationError.class, () -> Services.load(Greeter.class, LOADER, Services.read(f.toString())));
  }
}
