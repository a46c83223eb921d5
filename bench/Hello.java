/** The reference for `tangent -e` in bench/startup.sh: a JVM that starts, prints and exits. */
public class Hello {
  public static void main(String[] args) {
    System.out.println("3");
  }
}
