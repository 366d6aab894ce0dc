package dev.jitelevate.core.keyvault;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.OperationContext;
import java.net.URI;

/** Sends GET to a URL through the operation's HTTP client and passes on the expected status. */
final class HttpsValidator implements RotationValidator {
  private final URI url;
  private final int expectedStatus;

  HttpsValidator(URI url, int expectedStatus) {
    if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      throw new InvalidElevationRequestException("validate-url", "The validation URL '" + url + "' is not an https URL.",
          "Give an absolute https URL, e.g. https://app.example.com/health.");
    }
    if (expectedStatus < 100 || expectedStatus > 599) {
      throw new InvalidElevationRequestException("validate-status", "The expected status " + expectedStatus
          + " is not an HTTP status.", "Use e.g. 200.");
    }
    this.url = url;
    this.expectedStatus = expectedStatus;
  }

  @Override
  public Result validate(String secretName, String newValue, OperationContext context) {
    try (HttpResponse response = context.httpClient().sendSync(new HttpRequest(HttpMethod.GET, url.toString()), Context.NONE)) {
      int status = response.getStatusCode();
      String detail = "GET " + url + " answered " + status;
      return status == expectedStatus ? Result.passed(detail) : Result.failed(detail + ", expected " + expectedStatus);
    } catch (RuntimeException e) {
      return Result.failed("GET " + url + " failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String describe() {
    return "https GET " + url + " expecting " + expectedStatus;
  }
}
