package io.als4j.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.natives.LibrarySource;
import io.als4j.testing.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netlib.util.intW;

class NativeLapackTest {

  /**
   * On a machine with no system LAPACK (CI's), the build itself must bring native LAPACK: the
   * OpenBLAS shipped in the org.bytedeco jar.
   */
  @Test
  void withoutASystemLibraryTheShippedOpenBlasIsNative() {
    assumeTrue(System.getProperty("als4j.lapack") == null, "LAPACK mode forced for this run");
    assumeTrue(
        !Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/liblapack.so.3")),
        "this machine has a system liblapack.so.3");
    LapackBackend.Status status = LapackBackend.status();
    assertEquals(LibrarySource.SHIPPED, status.library().source(), status.summary());
    assertTrue(status.isNative(), status.summary());
    assertEquals("JNIBLAS", status.blasName());
  }

  @Test
  void openBlasRunsSingleThreadedInsideOurWorkers() {
    LapackBackend.Status status = LapackBackend.status();
    assumeTrue(status.isNative() && status.openblasThreads() > 0, "not OpenBLAS: " + status);
    assertEquals(1, status.openblasThreads());
  }

  /**
   * Native dposv against netlib's Java one on the same random SPD systems. Both are LAPACK's
   * Cholesky, with different BLAS underneath (blocking, FMA), so they agree to about cond·ε; 1e-10
   * relative leaves room for that and still catches a wrong layout or triangle.
   */
  @Test
  void nativeAndJavaDposvAgree() {
    LAPACK nativeLapack = LapackBackend.lapack();
    assumeTrue(LapackBackend.isNative(), "no native LAPACK in this JVM");
    LAPACK javaLapack = JavaLAPACK.getInstance();
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int n : new int[] {1, 2, 5, 10, 17, 32, 50, 64, 100}) {
      double[] a = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i + j * n] = random.nextDouble() - 0.5;
        }
      }
      double[] spd = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = i == j ? n : 0;
          for (int r = 0; r < n; r++) {
            s += a[r + i * n] * a[r + j * n];
          }
          spd[i + j * n] = s;
        }
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = random.nextDouble();
      }
      double[] x1 = solve(nativeLapack, spd.clone(), b.clone(), n);
      double[] x2 = solve(javaLapack, spd.clone(), b.clone(), n);
      double diff = 0;
      double norm = 0;
      for (int i = 0; i < n; i++) {
        diff = Math.max(diff, Math.abs(x1[i] - x2[i]));
        norm = Math.max(norm, Math.abs(x2[i]));
      }
      assertTrue(diff <= 1e-10 * norm, "n=" + n + ": native and Java differ by " + diff / norm);
    }
  }

  @Test
  void anUnknownModeIsRejectedWithTheChoices() {
    assertEquals(
        "als4j.lapack: fast (expected: auto, native or java)",
        assertThrows(IllegalArgumentException.class, () -> LapackBackend.Mode.parse("fast"))
            .getMessage());
  }

  private static double[] solve(LAPACK lapack, double[] a, double[] b, int n) {
    intW info = new intW(0);
    lapack.dposv("U", n, 1, a, n, b, n, info);
    assertEquals(0, info.val, lapack.getClass().getSimpleName() + " info");
    return b;
  }
}
