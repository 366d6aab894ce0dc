package dev.jitelevate.core.it.arm;

import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Strategy;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP client set on {@code ElevatorBuilder} carries every call of the surfaces and of the operation. */
class SuppliedHttpClientIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private final List<String> calls = new CopyOnWriteArrayList<>();

  private OkHttpClient counting() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(run.emulator.sslContext().getSocketFactory(), run.emulator.trustManager())
        .addInterceptor(chain -> {
          calls.add(chain.request().method() + " " + chain.request().url().encodedPath());
          return chain.proceed(chain.request());
        }).build();
  }

  private static ElevationRequest request() {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(Strategy.BROKER)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .approvalTimeout(Duration.ofSeconds(5)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void aSuppliedClientCarriesTheSurfaceCallsTheRevokeAndTheOperationsCalls() throws Exception {
    List<Integer> operationStatus = new CopyOnWriteArrayList<>();
    ElevationOutcome outcome = run.base().identity(run.ci()).broker(run.broker()).httpClient(counting()).build()
        .run(request(), context -> {
          try (HttpResponse response = context.httpClient().sendSync(new HttpRequest(HttpMethod.GET,
              run.emulator.baseUrl().replaceAll("/$", "") + "/operation-probe"), Context.NONE)) {
            operationStatus.add(response.getStatusCode());
          }
        });

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(calls).anyMatch(c -> c.startsWith("PUT ") && c.contains("roleAssignmentScheduleRequests"));
    assertThat(calls).anyMatch(c -> c.contains("roleAssignmentScheduleInstances"));
    assertThat(calls).contains("GET /operation-probe");
    assertThat(operationStatus).hasSize(1);
    long puts = calls.stream().filter(c -> c.startsWith("PUT ") && c.contains("roleAssignmentScheduleRequests")).count();
    assertThat(puts).as("the assignment and its removal").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aProxySetOnTheBuilderCarriesTheSurfaceCalls() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Proxy nowhere = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", closedPort));

    ElevationOutcome outcome = run.base().identity(run.ci()).broker(run.broker()).httpClient(counting())
        .proxy(nowhere).build().run(request(), context -> { });

    assertThat(outcome.failure()).as("no call reaches the emulator past a proxy that is not listening").isPresent();
    assertThat(calls).as("the supplied client, behind the proxy, was asked").isNotEmpty();
    assertThat(run.emulator.activeAssignments()).noneMatch(a -> !a.fromScenario());
  }
}
