package dev.jitelevate.runner.action;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Uploads the record as a workflow artifact through the Actions artifact service v4 (Twirp JSON):
 * {@code CreateArtifact} returns a signed blob URL, the zip is PUT there as a block blob, and
 * {@code FinalizeArtifact} commits it with its size and SHA-256. The backend ids come from the runtime
 * token's {@code scp} claim ({@code Actions.Results:<runId>:<jobId>}). The token and the signed URL are masked.
 * Like the toolkit's artifact client, every call is tried up to 5 times when it answers 429 or a 5xx or the
 * connection fails, waiting 3 s × 1.5ⁿ plus up to half that again of jitter in between ({@link Backoff}).
 */
final class ArtifactUpload {
  private static final String SERVICE = "twirp/github.actions.results.api.v1.ArtifactService/";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType ZIP = MediaType.get("application/zip");
  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  private final String resultsUrl;
  private final String runtimeToken;
  private final OkHttpClient http;
  private final WorkflowLog log;
  private final Backoff backoff;

  private ArtifactUpload(String resultsUrl, String runtimeToken, OkHttpClient http, WorkflowLog log, Backoff backoff) {
    this.resultsUrl = resultsUrl.endsWith("/") ? resultsUrl : resultsUrl + "/";
    this.runtimeToken = runtimeToken;
    this.http = http;
    this.log = log;
    this.backoff = backoff;
  }

  /** The uploader, when the runner gave this step the artifact service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL). */
  static Optional<ArtifactUpload> from(ActionEnvironment env, OkHttpClient http, WorkflowLog log) {
    return from(env, http, log, Backoff.toolkit(dev.jitelevate.core.Sleeper.system()));
  }

  /** As {@link #from(ActionEnvironment, OkHttpClient, WorkflowLog)}, waiting between attempts with {@code backoff}. */
  static Optional<ArtifactUpload> from(ActionEnvironment env, OkHttpClient http, WorkflowLog log, Backoff backoff) {
    Optional<String> token = env.raw("ACTIONS_RUNTIME_TOKEN");
    token.ifPresent(log::mask);
    Optional<String> url = env.get("ACTIONS_RESULTS_URL");
    if (token.isEmpty() || url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ArtifactUpload(url.get(), token.get(), http, log, backoff));
  }

  /**
   * Uploads one file as the artifact {@code name}; returns the artifact id.
   *
   * @throws IOException when a call fails or the service refuses (the message says which call)
   */
  String upload(String name, String fileName, byte[] content) throws IOException {
    String[] ids = backendIds();
    byte[] zip = zip(fileName, content);
    ObjectNode create = MAPPER.createObjectNode().put("workflow_run_backend_id", ids[0])
        .put("workflow_job_run_backend_id", ids[1]).put("name", name).put("version", 4);
    JsonNode created = call("CreateArtifact", create);
    String uploadUrl = created.path("signed_upload_url").asText("");
    if (!created.path("ok").asBoolean(false) || uploadUrl.isBlank()) {
      throw new IOException("CreateArtifact returned no upload URL (an artifact with this name may exist already)");
    }
    log.mask(uploadUrl);
    Request put = new Request.Builder().url(uploadUrl).header("x-ms-blob-type", "BlockBlob")
        .put(RequestBody.create(zip, ZIP)).build();
    backoff.run("the blob upload", () -> {
      try (Response response = http.newCall(put).execute()) {
        if (!response.isSuccessful()) {
          throw new Backoff.HttpStatus("the blob upload answered HTTP " + response.code(), response.code());
        }
        return null;
      }
    });
    ObjectNode finalize = MAPPER.createObjectNode().put("workflow_run_backend_id", ids[0])
        .put("workflow_job_run_backend_id", ids[1]).put("name", name).put("size", Long.toString(zip.length))
        .put("hash", "sha256:" + sha256(zip));
    JsonNode done = call("FinalizeArtifact", finalize);
    if (!done.path("ok").asBoolean(false)) {
      throw new IOException("FinalizeArtifact did not confirm the upload");
    }
    return done.path("artifact_id").asText("");
  }

  private JsonNode call(String method, ObjectNode body) throws IOException {
    Request request = new Request.Builder().url(resultsUrl + SERVICE + method)
        .header("Authorization", "Bearer " + runtimeToken)
        .post(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON)).build();
    return backoff.run(method, () -> callOnce(method, request));
  }

  private JsonNode callOnce(String method, Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        String msg = "";
        try {
          msg = MAPPER.readTree(text).path("msg").asText("");
        } catch (IOException e) {
          msg = "";
        }
        throw new Backoff.HttpStatus(method + " answered HTTP " + response.code() + (msg.isBlank() ? "" : ": "
            + UntrustedText.neutralize(log.redact(msg), 200)), response.code());
      }
      return MAPPER.readTree(text);
    }
  }

  /** The run and job backend ids from the runtime token's {@code scp} claim. */
  private String[] backendIds() throws IOException {
    String scp = Jwts.claim(runtimeToken, "scp").orElseThrow(() -> new IOException("the runtime token has no scp claim"));
    for (String scope : scp.split(" ")) {
      String[] parts = scope.split(":");
      if (parts.length == 3 && "Actions.Results".equals(parts[0])) {
        return new String[] {parts[1], parts[2]};
      }
    }
    throw new IOException("the runtime token grants no Actions.Results scope");
  }

  static byte[] zip(String fileName, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(fileName));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
