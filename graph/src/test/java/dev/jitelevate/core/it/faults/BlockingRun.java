package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.Strategy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process the reliability suite kills: builds an elevator from a cloud profile file, elevates the CI
 * identity through the broker and blocks in its operation until it is signalled.
 *
 * <p>Arguments: {@code <profile.json> <broker|rbac> <run|elevate> <state-dir> [floor]} (the lifecycle's
 * minimum active duration, an ISO duration; default {@link FaultWorld#FLOOR}); the CI identity's client
 * assertion comes on the first line of stdin. {@code run} runs a blocking operation through
 * {@link Elevator#run} (the shutdown hook must revoke on SIGTERM); {@code elevate} writes the revocation
 * handle and record to the state directory first (what the Action's main step saves for its post step).
 * Prints every event, then {@value #STARTED} once the operation runs.
 */
public final class BlockingRun {
  static final String STARTED = "operation started";

  private BlockingRun() {}

  public static void main(String[] args) throws Exception {
    CloudProfile cloud = CloudProfile.load(Path.of(args[0]));
    Strategy strategy = Strategy.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    Path state = Path.of(args[3]);
    String assertion = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    CredentialSource ci = Credentials.clientAssertion(cloud, FaultWorld.TENANT, FaultWorld.CI_APP, () -> assertion);
    Elevator elevator = Elevator.builder().cloud(cloud).tenantId(FaultWorld.TENANT).identity(ci)
        .broker(Credentials.clientSecret(cloud, FaultWorld.TENANT, FaultWorld.BROKER_APP, FaultWorld.BROKER_SECRET))
        .polling(FaultWorld.polling(args.length > 4 ? Duration.parse(args[4]) : FaultWorld.FLOOR)).listener(e -> System.out.println("event " + e))
        .replaceSdkSharedExecutor(true) // a program that owns its process and revokes on SIGTERM opts in, as the CLI does
        .build();
    ElevationRequest request = FaultCatalogue.azureRole(strategy).label("run", "subprocess").build();
    if (args[2].equals("run")) {
      elevator.run(request, context -> block());
    } else {
      ActiveElevation elevation = elevator.elevate(request);
      Files.writeString(state.resolve("handle.json"), ActivationRecords.handleToJson(elevation.handle()));
      Files.writeString(state.resolve("record.json"), ActivationRecords.toJson(elevation.record()));
      block();
    }
  }

  private static void block() throws InterruptedException {
    System.out.println(STARTED);
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5).toMillis());
  }
}
