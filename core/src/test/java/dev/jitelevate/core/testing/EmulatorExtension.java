package dev.jitelevate.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.emulator.PimEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started emulator, its cloud profile and an HTTP client that trusts its CA, as a JUnit extension: register
 * a subclass as a static {@code @RegisterExtension} field and it is reset before each test, fails a test that
 * leaves an assignment behind (after the test's own {@code @AfterEach}), and stops when the top-level class is
 * done (nested classes share it).
 */
public abstract class EmulatorExtension implements AutoCloseable, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback {
  public final PimEmulator emulator;
  public final CloudProfile cloud;
  protected final HttpClient http;

  protected EmulatorExtension(PimEmulator emulator) {
    this.emulator = emulator;
    this.cloud = CloudProfile.parse(emulator.profileJson());
    this.http = trusting(emulator);
  }

  /** An azure-core HTTP client that trusts the emulator's CA, for SDK clients a test builds itself. */
  public static HttpClient trusting(PimEmulator emulator) {
    return new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build()).build();
  }

  /** Puts the emulator back to where each test starts. */
  protected abstract void reset();

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    assertThat(emulator.leaks()).as("active assignments left behind").isEmpty();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getRequiredTestClass().getEnclosingClass() == null) {
      close();
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
