package dev.jitelevate.core.internal.gateway;

import java.util.Optional;

/**
 * One HTTP call a surface made, reported so the record can count the API calls of a run.
 *
 * @param operation a short name ({@code roleAssignmentScheduleRequests.create}); never a URL with a token
 * @param httpStatus the status the service answered with, 0 when no answer came
 * @param serviceRequestId the service's request id, when sent
 */
public record ApiCall(String operation, int httpStatus, Optional<String> serviceRequestId) {}
