package dev.jitelevate.runner.doctor;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.broker.BrokerPolicy;
import dev.jitelevate.runner.broker.PolicyException;
import dev.jitelevate.runner.cli.CallAndRender;
import dev.jitelevate.runner.cli.CliInputException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.OutputOptions;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate doctor}: checks a hardened broker set-up in Entra and Azure against the security model. */
@Command(name = "doctor", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Check a broker set-up: reads the broker's and the workload identities' federated credentials"
        + " (Graph) and the broker's role assignments (ARM), and flags what gives a job's steps the broker's power or"
        + " the broker more than the policy needs, each with its fix.",
        "Sign in as someone who may read applications (Application.Read.All) and the subscriptions' role"
            + " assignments (e.g. Reader)."},
    footer = {"", "Exit codes: 0 no findings, 3 findings, 2 bad input or policy file, 4 a read was refused,"
        + " 5 sign-in failed, 10 service unavailable.",
        "Finding codes: shared-subject, broker-subject-without-environment, broker-subject-without-job-workflow-ref,"
            + " broker-role-too-broad, broker-condition-too-broad, broker-condition-misses-role,"
            + " broker-scope-too-broad, broker-cannot-assign, graph-permission-missing, policy-role-unknown"
            + " (docs/security-model.md)."})
public final class DoctorCommand implements Callable<Integer> {
  static final int FINDINGS = 3;
  static final int READ_REFUSED = 4;
  static final int SIGN_IN_FAILED = 5;
  static final int UNAVAILABLE = 10;
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

  @ParentCommand
  JitElevate root;

  @Option(names = "--broker", required = true, paramLabel = "APP-ID", description = "The broker application's client id.")
  String broker;

  @Option(names = "--workload", required = true, paramLabel = "APP-ID",
      description = "A workload identity's client id (repeatable): the identities the broker grants to.")
  List<String> workloads;

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The broker policy (YAML).")
  Path policy;

  @Option(names = "--subscription", paramLabel = "ID",
      description = "A subscription whose role assignments to read (repeatable); default: those of the policy's scope prefixes.")
  List<String> subscriptions;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = root.console();
    BrokerPolicy loaded;
    try {
      loaded = BrokerPolicy.load(policy);
    } catch (PolicyException e) {
      console.error("jit-elevate doctor: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    PolicyNeeds needs = PolicyNeeds.of(loaded);
    List<String> subs = subscriptions == null || subscriptions.isEmpty() ? needs.subscriptions() : subscriptions;
    requireInput(subs);
    SignIn session = new SignIn(signIn, root.env(), console);
    return CallAndRender.<DoctorReport>of("doctor", DoctorReport::json, r -> List.of(r.text()))
        .withExitCode(r -> r.findings().isEmpty() ? ExitCodes.OK : FINDINGS)
        .on(ReadException.class, READ_REFUSED, e -> e.getMessage() + " Sign in as someone who may read applications"
            + " (Application.Read.All) and the subscriptions' role assignments (e.g. Reader).")
        .on(ClientAuthenticationException.class, SIGN_IN_FAILED,
            e -> "sign-in failed: " + firstLine(e.getMessage()) + " Check --auth and --tenant.")
        .on(UncheckedIOException.class, UNAVAILABLE,
            e -> "Azure cannot be reached (" + firstLine(e.getMessage()) + "). Try again.")
        .run(console, output, () -> checked(reader(session).read(broker, List.copyOf(workloads), subs, needs), needs));
  }

  private static DoctorReport checked(SetUp setUp, PolicyNeeds needs) {
    List<Finding> findings = new ArrayList<>(SubjectChecks.run(setUp));
    findings.addAll(RoleChecks.run(setUp, needs));
    findings.addAll(GraphPermissionChecks.run(setUp, needs));
    return new DoctorReport(setUp, findings);
  }

  private void requireInput(List<String> subs) {
    List<String> ids = new ArrayList<>(workloads);
    ids.add(broker);
    for (String id : ids) {
      if (!GUID.matcher(id.strip()).matches()) {
        throw new CliInputException(id.equals(broker) ? "--broker" : "--workload", "'" + id
            + "' is not an application (client) id.", "Pass the app's client id, a GUID.");
      }
    }
    if (subs.isEmpty()) {
      throw new CliInputException("--subscription", "The policy names no subscription in a scope-prefix.",
          "Pass --subscription {id} for each subscription where the broker holds roles.");
    }
  }

  private static SetUpReader reader(SignIn session) {
    CloudProfile cloud = session.cloud();
    HttpClient http = CloudHttp.azureHttpClient(cloud);
    TokenCredential identity = session.identity().newCredential();
    return new SetUpReader(new AzureReads(http, identity, cloud.graphEndpoint(), cloud.graphAudience()),
        new AzureReads(http, identity, cloud.resourceManagerEndpoint(), cloud.resourceManagerAudience()));
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
